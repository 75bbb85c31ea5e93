// TCP reassembly of application PDUs (Wireshark's "desegment"): a dissector on a TCP port that
// finds its PDU incomplete says how many more bytes it needs (or "one more segment", for
// "until the end of the headers" parsing); the TCP layer keeps the bytes of that direction from
// the PDU's start, and when a segment completes it, hands the whole PDU back as a new data source
// ("Reassembled TCP (N bytes)") on that frame, with the list of segments (tcp.segment …).
//
// A pure engine, one TcpDirReassembly per stream direction (first pass, capture order):
//   start(seq, bytes, frame, need)  a PDU starts at seq with these bytes and needs `need` in all
//                                   (NEED_ONE_MORE: whatever the next segment brings)
//   add(seq, bytes, frame)          a later segment: returns COMPLETE / PENDING / IGNORED / OVERFLOW
// Out-of-order segments are held (bounded) until the gap fills; bytes already held win over a
// retransmission's copy (tshark keeps the first copy too and reports a conflict); a segment below
// the PDU's data so far is trimmed to its new part. Memory is bounded per direction (maxPerDir)
// and per capture (a shared TcpReassemblyBudget): past it the PDU is abandoned (OVERFLOW), which
// the dissector reports as an expert item; the segments stay plain TCP data.

import { fields, FT } from '../core/field.js';
import { wantTest } from '../core/tree.js';

/** `need` value: complete the PDU with whatever the next segment brings. */
export const NEED_ONE_MORE = -1;
/** `need` value: the PDU runs until the connection closes (flush() completes it). */
export const NEED_UNTIL_FIN = -2;

export const enum RA {
  /** the segment is not part of a pending PDU: dissect it as usual */
  NONE = 0,
  /** held: the PDU is still incomplete ("[TCP segment of a reassembled PDU]") */
  PENDING = 1,
  /** this segment completes the PDU: `pdu` and `frames` are set */
  COMPLETE = 2,
  /** a retransmission of bytes already held: nothing new */
  IGNORED = 3,
  /** the PDU was abandoned: memory bound exceeded */
  OVERFLOW = 4,
}

/** Memory shared by all directions of one capture. */
export class TcpReassemblyBudget {
  used = 0;
  /**
   * Recycle PDU buffers (set per packet by TCP): true when no frame is revisited (the session
   * keeps no per-frame state), so nothing reads a completed PDU once its frame's callback is over.
   * A run then reuses a few buffers instead of allocating (and zero-filling, and collecting) one
   * per PDU: 20 % of a summary run over HTTP bulk traffic was that allocation. A buffer released
   * during frame N is reused from frame N + 1 on (the tree of frame N, with items in that PDU,
   * is read — printed, filtered, tapped — before frame N + 1 is dissected).
   */
  recycle = false;
  /** the frame being dissected (set with `recycle`) */
  frame = 0;
  /** released buffers, largest last; at most POOL_MAX bytes in all */
  readonly pool: Uint8Array[] = [];
  pooled = 0;
  /** buffers released during frame `heldFrame`: not reused before the next frame */
  private readonly held: Uint8Array[] = [];
  private heldFrame = -1;
  constructor(readonly max = 256 << 20) {}

  /** A buffer of at least n bytes from the pool (contents arbitrary), or a new one. */
  take(n: number): Uint8Array {
    this.thaw();
    const pool = this.pool;
    for (let i = 0; i < pool.length; i++) {
      const b = pool[i]!;
      if (b.length >= n) {
        pool.splice(i, 1);
        this.pooled -= b.length;
        return b;
      }
    }
    return new Uint8Array(n);
  }

  give(b: Uint8Array): void {
    if (b.length === 0 || b.length > POOL_MAX) return;
    this.thaw();
    this.held.push(b);
    this.heldFrame = this.frame;
  }

  /** Buffers released during an earlier frame join the pool. */
  private thaw(): void {
    if (this.held.length === 0 || this.heldFrame === this.frame) return;
    for (const b of this.held) this.keep(b);
    this.held.length = 0;
  }

  /**
   * Takes back buffer `b` given earlier (it must not be handed out again): true unless it already
   * went to someone else.
   */
  reclaim(b: Uint8Array): boolean {
    if (b.length === 0 || b.length > POOL_MAX) return true;
    let i = this.held.indexOf(b);
    if (i >= 0) {
      this.held.splice(i, 1);
      return true;
    }
    i = this.pool.indexOf(b);
    if (i < 0) return false;
    this.pool.splice(i, 1);
    this.pooled -= b.length;
    return true;
  }

  private keep(b: Uint8Array): void {
    while (this.pooled + b.length > POOL_MAX && this.pool.length) this.pooled -= this.pool.shift()!.length;
    let i = this.pool.length;
    while (i > 0 && this.pool[i - 1]!.length > b.length) i--;
    this.pool.splice(i, 0, b);
    this.pooled += b.length;
  }
}

/**
 * Process-wide switch (a run's configuration, like Decode As): nothing of this run reads PDU bytes
 * a dissector said it will not read (see Packet.desegment's `keep`) — no byte dump, no full tree,
 * no statistics tap, no export. Set by the CLI for such runs; off by default.
 */
let sparseRun = false;
export function setSparsePdus(on: boolean): void {
  sparseRun = on;
}

/**
 * May the dissector of this packet let TCP skip copying PDU bytes it will not read? Only in a
 * sparse run without revisits whose tree holds no item that reads its value from a data source
 * later (bytes, protocol items: slices, `contains`, -T fields of bytes).
 */
export function sparsePdus(p: { session: { retainFrames: boolean }; tree: { want: Uint8Array | null } }): boolean {
  return sparseRun && !p.session.retainFrames && !readsSources(p.tree.want);
}

/** Does the want read some item's value from its data source (a full tree does)? */
const readsSources = wantTest((id, w) => {
  // (2 = only the item's presence is read: `http` in a filter)
  if ((w & 1) === 0) return false;
  const t = fields[id]?.type;
  return t === undefined || t === FT.PROTOCOL || t === FT.BYTES || t === FT.UINT_BYTES || t === FT.GUID || t === FT.OID;
}, true);

/** Bytes of released PDU buffers a capture keeps for reuse. */
const POOL_MAX = 32 << 20;

const EMPTY = new Uint8Array(0);

const seqLT = (a: number, b: number): boolean => ((a - b) | 0) < 0;

export class TcpDirReassembly {
  /** a PDU is pending */
  active = false;
  /** sequence number of the PDU's first byte */
  startSeq = 0;
  /** total bytes the PDU needs (NEED_ONE_MORE: complete on the next segment's data) */
  need = 0;
  private buf: Uint8Array = EMPTY;
  /** contiguous bytes held from startSeq */
  have = 0;
  /** bytes from the PDU's start that are copied (start's `keep`); later ones are only counted */
  private store = Infinity;
  /** frames and byte counts of the segments in the PDU (pairs); kept only with `listFrames` */
  frames: number[] = [];
  /**
   * keep `frames`: off in a run that can show no segment list (tcp.segments …) and revisits no
   * frame — a bulk body's list of thousands of segments lived through many young-generation GCs
   */
  listFrames = true;
  /** out-of-order segments waiting for the gap: [seq, bytes, frame] */
  private held: { seq: number; data: Uint8Array; frame: number }[] = [];
  private heldBytes = 0;
  /** the completed PDU (valid after COMPLETE until the next call) */
  pdu: Uint8Array = EMPTY;
  /**
   * The buffer of the PDU completed last when that PDU is all of it from its start: resume() takes
   * it back instead of copying the PDU into a new one (a dissector asking for one more segment
   * each time would otherwise copy the whole message at each segment).
   */
  private last: Uint8Array = EMPTY;

  /**
   * The completed PDU, no longer referenced here: a connection that never sends again would
   * otherwise keep its last PDU (up to maxPerDir bytes) for the rest of the run.
   */
  takePdu(): Uint8Array {
    const pdu = this.pdu;
    this.pdu = EMPTY;
    return pdu;
  }
  /** bytes of the completing segment after the PDU's end (another PDU may start there) */
  rest = 0;

  constructor(private readonly budget: TcpReassemblyBudget, private readonly maxPerDir = 32 << 20) {}

  private reserve(n: number): boolean {
    if (this.budget.used + n > this.budget.max || this.have + this.heldBytes + n > this.maxPerDir) return false;
    this.budget.used += n;
    return true;
  }

  private release(): void {
    this.budget.used -= this.buf.length + this.heldBytes;
    if (this.budget.recycle) this.budget.give(this.buf);
    this.buf = EMPTY;
    // (setting an array's length costs even when it is 0 already)
    if (this.held.length !== 0) this.held.length = 0;
    this.heldBytes = 0;
    this.have = 0;
    this.active = false;
  }

  /** Drops any pending PDU (connection closed, port reused). */
  reset(): void {
    this.last = EMPTY;
    if (this.active || this.heldBytes) this.release();
    if (this.frames.length !== 0) this.frames.length = 0;
  }

  /** Appends data[from, to) (to: the end of `data` by default). */
  private append(data: Uint8Array, from: number, frame: number, to = data.length): boolean {
    const n = to - from;
    if (n <= 0) return true;
    if (this.have + n > this.buf.length && !this.grow(this.have + n)) return false;
    // bytes past `store` (those the dissector does not read again) are counted, not copied
    const copy = Math.min(n, this.store - this.have);
    if (copy > 0) this.buf.set(from === 0 && copy === data.length ? data : data.subarray(from, from + copy), this.have);
    this.have += n;
    if (this.listFrames) this.frames.push(frame, n);
    return true;
  }

  /**
   * A buffer of at least `len` bytes (`need` when known, else twice the current one: grown to the
   * exact length, a body of unknown length was copied again at each segment), keeping the bytes
   * held so far. Unknown length: exactly `len` when the doubled size does not fit the budget.
   */
  private grow(len: number): boolean {
    const known = this.need > 0;
    let want = known ? Math.max(this.need, len) : Math.max(len, this.buf.length * 2);
    if (!this.reserve(want - this.buf.length)) {
      if (known || want === len || !this.reserve(len - this.buf.length)) return false;
      want = len;
    }
    const b = this.budget;
    const nb = b.recycle ? b.take(want).subarray(0, want) : new Uint8Array(want);
    nb.set(this.buf.subarray(0, Math.min(this.have, this.store)));
    if (b.recycle) b.give(this.buf);
    this.buf = nb;
    return true;
  }

  /**
   * Starts a PDU at `seq` holding `data` (the segment's bytes from the PDU's start) that needs
   * `need` bytes in all (or NEED_ONE_MORE). Returns PENDING, or OVERFLOW when it cannot be held.
   */
  start(seq: number, data: Uint8Array, frame: number, need: number, keep = -1): RA {
    this.reset();
    this.active = true;
    this.store = keep >= 0 && need >= 0 ? keep : Infinity;
    this.startSeq = seq >>> 0;
    this.need = need;
    if (!this.append(data, 0, frame)) {
      this.release();
      return RA.OVERFLOW;
    }
    return RA.PENDING;
  }

  /** A later segment of this direction (its payload `data` at `seq`). */
  add(seq: number, data: Uint8Array, frame: number, from = 0, to = data.length): RA {
    if (!this.active) return RA.NONE;
    const end = (this.startSeq + this.have) >>> 0;
    const len = to - from;
    seq >>>= 0;
    if (seqLT(end, seq)) {
      // a gap: hold it until the missing bytes come (bounded)
      if (!this.reserve(len)) { this.release(); return RA.OVERFLOW; }
      this.held.push({ seq, data: data.slice(from, to), frame });
      this.heldBytes += len;
      return RA.PENDING;
    }
    const skip = (end - seq) | 0;
    if (skip >= len) return RA.IGNORED;
    if (!this.append(data, from + skip, frame, to)) { this.release(); return RA.OVERFLOW; }
    // the held segments the new bytes reach
    for (let moved = true; moved && this.held.length;) {
      moved = false;
      for (let i = 0; i < this.held.length; i++) {
        const h = this.held[i]!;
        const e = (this.startSeq + this.have) >>> 0;
        if (!seqLT(e, h.seq)) {
          const k = (e - h.seq) | 0;
          this.held.splice(i, 1);
          this.heldBytes -= h.data.length;
          this.budget.used -= h.data.length;
          if (k < h.data.length && !this.append(h.data, k, h.frame)) { this.release(); return RA.OVERFLOW; }
          moved = true;
          break;
        }
      }
    }
    if (this.need === NEED_UNTIL_FIN) return RA.PENDING;
    const need = this.need === NEED_ONE_MORE ? this.have : this.need;
    if (this.have < need) return RA.PENDING;
    // (no copy when the buffer is exactly the PDU: it was sized from `need`; nor when the PDU is all
    // the bytes held: resume() may take the buffer back)
    const whole = need === this.have && this.store === Infinity;
    this.pdu = this.buf.length === need ? this.buf : this.budget.recycle || whole ? this.buf.subarray(0, need) : this.buf.slice(0, need);
    const buf = this.buf;
    this.rest = this.have - need;
    // the completing segment contributes only up to the PDU's end
    if (this.rest > 0 && this.frames.length !== 0) this.frames[this.frames.length - 1]! -= this.rest;
    this.release();
    if (whole) this.last = buf;
    return RA.COMPLETE;
  }

  /**
   * Like start(), but the PDU keeps the segment list it had (`frames`, pairs of frame and byte
   * count) — a dissector that found the reassembled bytes still incomplete asks for more.
   */
  resume(seq: number, data: Uint8Array, frames: readonly number[], need: number, keepBytes = -1): RA {
    const keep = frames.slice();
    const last = this.last;
    if (last !== EMPTY && data.buffer === last.buffer && data.byteOffset === last.byteOffset && data.length <= last.length && keepBytes < 0) {
      // the PDU just completed, going on: its buffer is taken back, not copied
      this.last = EMPTY;
      if (this.reserve(last.length)) {
        if (!this.budget.recycle || this.budget.reclaim(last)) {
          this.active = true;
          this.store = Infinity;
          this.startSeq = seq >>> 0;
          this.need = need;
          this.buf = last;
          this.have = data.length;
          this.frames.length = 0;
          for (const x of keep) this.frames.push(x);
          return RA.PENDING;
        }
        this.budget.used -= last.length;
      }
    }
    const r = this.start(seq, data, 0, need, keepBytes);
    if (r === RA.PENDING) {
      this.frames.length = 0;
      for (const x of keep) this.frames.push(x);
    }
    return r;
  }

  /** The connection closed (FIN): a pending PDU completes with the bytes it has (COMPLETE), else NONE. */
  flush(): RA {
    if (!this.active || this.have === 0) { this.reset(); return RA.NONE; }
    this.pdu = this.budget.recycle ? this.buf.subarray(0, this.have) : this.buf.slice(0, this.have);
    this.rest = 0;
    this.release();
    return RA.COMPLETE;
  }
}

/** The "[N Reassembled TCP Segments (M bytes): #f1(n1), #f2(n2) …]" label tshark gives tcp.segments. */
export function segmentsLabel(frames: readonly number[], total: number): string {
  let s = `[${frames.length / 2} Reassembled TCP Segments (${total} bytes):`;
  for (let i = 0; i < frames.length; i += 2) s += `${i ? ',' : ''} #${frames[i]}(${frames[i + 1]})`;
  return s + ']';
}
