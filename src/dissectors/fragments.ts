// Fragment reassembly shared by IPv4 and IPv6 (Wireshark's reassembly tables): fragments are kept
// per datagram key until they cover [0, total) without a hole, with bounded memory, and, when the
// session keeps frames for revisits, the completed datagram is remembered for the frame that
// completed it and its fragments.

import { FT, fields } from '../core/field.js';
import type { Packet } from '../core/packet.js';

export interface Frag {
  frame: number;
  /** payload offset in the datagram, bytes */
  off: number;
  len: number;
  data: Uint8Array;
}

interface Datagram {
  frags: Frag[];
  /** payload length from the last fragment (no "more fragments"), or -1 */
  total: number;
  bytes: number;
}

/** A completed reassembly, kept for the frame that completed it (revisits) and its fragments. */
export interface Reassembled {
  frame: number;
  data: Uint8Array;
  frags: readonly Frag[];
  /** per fragment flags: F_OVERLAP, F_CONFLICT, F_TOOLONG */
  flags: Uint8Array;
}

export const F_OVERLAP = 1;
export const F_CONFLICT = 2;
export const F_TOOLONG = 4;

/** Per-capture fragment table (one per protocol, kept in its session state). */
export class FragmentTable {
  pending = new Map<string, Datagram>();
  pendingBytes = 0;
  /** frame number → reassembly completed in that frame (first pass), for revisits (only `retain`ed ones) */
  done = new Map<number, Reassembled>();
  /** fragment frame number → frame that completed its datagram (known once complete) */
  reassembledIn = new Map<number, number>();

  /**
   * @param maxPending cap on the bytes of unfinished datagrams: the oldest are dropped beyond it
   * @param maxDatagram a fragment reaching past this payload offset is not kept
   */
  constructor(public maxPending: number, readonly maxDatagram = 65535) {}

  private evictOldest(): void {
    const first = this.pending.keys().next();
    if (first.done) return;
    const d = this.pending.get(first.value)!;
    this.pendingBytes -= d.bytes;
    this.pending.delete(first.value);
  }

  /**
   * Adds a fragment; returns the completed reassembly when this fragment completes the datagram,
   * remembered for revisits when `retain` (Session.retainFrames: a one-pass run keeps none).
   * A fragment sorts after those already there at the same offset; bytes already filled win.
   */
  add(key: string, frame: number, off: number, data: Uint8Array, more: boolean, retain: boolean): Reassembled | undefined {
    let d = this.pending.get(key);
    if (!d) {
      d = { frags: [], total: -1, bytes: 0 };
      this.pending.set(key, d);
    }
    if (off + data.length > this.maxDatagram) return undefined;
    const fr: Frag = { frame, off, len: data.length, data };
    let i = d.frags.length;
    while (i > 0 && d.frags[i - 1]!.off > off) i--;
    d.frags.splice(i, 0, fr);
    d.bytes += data.length;
    this.pendingBytes += data.length;
    if (!more && d.total < 0) d.total = off + data.length;
    while (this.pendingBytes > this.maxPending && this.pending.size > 1) this.evictOldest();
    if (d.total < 0) return undefined;
    // complete when the fragments cover [0, total) without a hole
    let pos = 0;
    for (const x of d.frags) {
      if (x.off > pos) return undefined;
      if (x.off + x.len > pos) pos = x.off + x.len;
    }
    if (pos < d.total) return undefined;
    const total = d.total;
    const out = new Uint8Array(total);
    const flags = new Uint8Array(d.frags.length);
    let filled = 0;
    d.frags.forEach((x, k) => {
      const xe = x.off + x.len;
      if (x.off < filled) {
        flags[k]! |= F_OVERLAP;
        const ovEnd = Math.min(filled, xe);
        for (let j = x.off; j < ovEnd; j++) if (out[j] !== x.data[j - x.off]) { flags[k]! |= F_CONFLICT; break; }
      }
      if (xe > total) flags[k]! |= F_TOOLONG;
      const from = Math.max(filled, x.off);
      const to = Math.min(total, xe);
      if (to > from) out.set(x.data.subarray(from - x.off, to - x.off), from);
      if (to > filled) filled = to;
    });
    this.pending.delete(key);
    this.pendingBytes -= d.bytes;
    const r: Reassembled = { frame, data: out, frags: d.frags, flags };
    if (retain) {
      for (const x of d.frags) this.reassembledIn.set(x.frame, frame);
      this.done.set(frame, r);
    }
    return r;
  }
}

/** The field ids of a protocol's fragment subtree (ip.fragments …, ipv6.fragments …). */
export interface FragmentFields {
  fragments: number;
  fragment: number;
  overlap: number;
  conflict: number;
  tooLong: number;
  count: number;
  reassembledLength: number;
  reassembledData: number;
}

/**
 * The "[N IPv4 Fragments (M bytes): #1(24), #2(16)]" subtree, on the reassembled data source
 * "Reassembled IPv4 (M bytes)" (`proto` names the protocol in both).
 */
export function showFragments(p: Packet, top: number, r: Reassembled, hf: FragmentFields, proto: string): void {
  const t = p.tree;
  const wantTree = t.full || t.wants(hf.fragments) || t.wants(hf.fragment) || t.wants(hf.count) ||
    t.wants(hf.reassembledLength) || t.wants(hf.reassembledData);
  if (!wantTree) return;
  // Items sit on the reassembled source: push it for the duration.
  const tok = p.pushSource(`Reassembled ${proto} (${r.data.length} bytes)`, r.data);
  // ip.fragments is FT_BYTES, ipv6.fragments FT_NONE (as tshark registers them)
  const fi = t.generated(fields[hf.fragments]!.type === FT.BYTES
    ? t.addBytes(top, hf.fragments, 0, r.data.length)
    : t.addItem(top, hf.fragments, 0, r.data.length));
  if (fi >= 0 && t.full) {
    let s = `${r.frags.length} ${proto} Fragments (${r.data.length} bytes): `;
    r.frags.forEach((x, k) => { s += `${k ? ', ' : ''}#${x.frame}(${x.len})`; });
    t.setLabel(fi, s);
  }
  r.frags.forEach((x, k) => {
    const a = Math.min(x.off, r.data.length);
    const it = t.generated(t.addNum(fi, hf.fragment, a, Math.max(0, Math.min(x.len, r.data.length - a)), x.frame));
    if (it >= 0 && t.full) t.setLabel(it, `Frame: ${x.frame}, payload: ${x.off}-${x.off + x.len - 1} (${x.len} byte${x.len === 1 ? '' : 's'})`);
    const fl = r.flags[k]!;
    if (fl & F_OVERLAP) t.generated(t.addNum(it, hf.overlap, 0, 0, 1));
    if (fl & F_CONFLICT) t.generated(t.addNum(it, hf.conflict, 0, 0, 1));
    if (fl & F_TOOLONG) t.generated(t.addNum(it, hf.tooLong, 0, 0, 1));
  });
  t.generated(t.addNum(fi, hf.count, 0, 0, r.frags.length));
  t.generated(t.addNum(fi, hf.reassembledLength, 0, 0, r.data.length));
  t.generated(t.addBytes(fi, hf.reassembledData, 0, r.data.length));
  p.popSource(tok);
}
