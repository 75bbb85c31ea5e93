// The field tree of one packet, as a struct of arrays reused from packet to packet.
// Every item records field id, byte offset and length (what the hex pane highlights), parent and value.
// Dissectors pass absolute offsets into the current data source's buffer; the tree stores them
// relative to the start of that data source (the frame, or a reassembled buffer).

import { fields, FT } from './field.js';

export const enum ItemFlag {
  HIDDEN = 1,
  GENERATED = 2,
  /** value is in `obj` (string, bigint, number[] …) rather than `num` */
  OBJ = 4,
  /** value is the bytes [start, start+len) of the data source */
  BYTES = 8,
  /** item has no value (FT_NONE, FT_PROTOCOL, text) */
  NOVALUE = 16,
}

/** A data source: the frame's bytes, or a reassembled/decoded buffer ("Reassembled TCP"). */
export interface DataSource {
  name: string;
  buf: Uint8Array;
  /** absolute offset of byte 0 of this source in buf */
  base: number;
  len: number;
}

export const ROOT = -1;
/** Returned by add* when the item was not built (tree disabled or field not wanted). */
export const SKIP = -1;

export class Tree {
  n = 0;
  private cap = 0;
  fid = new Int32Array(0);
  start = new Int32Array(0);
  len = new Int32Array(0);
  parent = new Int32Array(0);
  flags = new Uint8Array(0);
  src = new Uint8Array(0);
  num = new Float64Array(0);
  obj: unknown[] = [];
  /** custom label (proto_item_set_text); undefined = "Name: value" built from the field */
  label: (string | undefined)[] = [];
  /** text appended to the label (proto_item_append_text) */
  suffix: (string | undefined)[] = [];
  sources: DataSource[] = [];
  /** index of the current data source in `sources` */
  cur = 0;
  private base = 0;
  /** captured length of the current data source: items are clipped to it */
  private srcLen = 0;

  /**
   * null: build every item (-V, -T json, UI). Otherwise only items whose field id is non-zero here
   * (a filter's or -e's fields); all zeros = no tree (summary-only).
   */
  want: Uint8Array | null;

  constructor(want: Uint8Array | null = null) {
    this.want = want;
    this.grow(256);
  }

  /** True when every item is built. Dissectors may skip expensive label work when false. */
  get full(): boolean { return this.want === null; }

  /** Would an item of this field be kept? Lets dissectors skip computing a costly value. */
  wants(fid: number): boolean {
    return this.want === null || (fid < this.want.length && this.want[fid] !== 0);
  }

  reset(frameBuf: Uint8Array, frameBase: number, frameLen: number): void {
    this.n = 0;
    // (setting .length costs even on an empty array: most packets of a filtering run have none)
    if (this.obj.length !== 0) this.obj.length = 0;
    if (this.label.length !== 0) this.label.length = 0;
    if (this.suffix.length !== 0) this.suffix.length = 0;
    if (this.sources.length !== 1) this.sources.length = 1;
    // the frame's source object is reused (a Packet and its tree are valid until the next frame)
    const f = this.sources[0];
    if (f === undefined || f.name !== 'Frame') this.sources[0] = { name: 'Frame', buf: frameBuf, base: frameBase, len: frameLen };
    else { f.buf = frameBuf; f.base = frameBase; f.len = frameLen; }
    this.cur = 0;
    this.base = frameBase;
    this.srcLen = frameLen;
  }

  /** Adds a data source (e.g. "Reassembled TCP (1234 bytes)") and makes it current. Returns its index. */
  pushSource(name: string, buf: Uint8Array, base: number, len: number): number {
    this.sources.push({ name, buf, base, len });
    return this.useSource(this.sources.length - 1);
  }

  /**
   * Drops the items from index `n` on and the data sources from index `sources` on: what an
   * attempt that came to nothing added (a reassembled PDU its dissector found still incomplete,
   * which tshark does not show). The current source must be below `sources`.
   */
  truncate(n: number, sources: number): void {
    this.n = n;
    if (this.obj.length > n) this.obj.length = n;
    if (this.label.length > n) this.label.length = n;
    if (this.suffix.length > n) this.suffix.length = n;
    if (this.sources.length > sources) this.sources.length = sources;
  }

  /** Makes source `i` current; returns the previous current index. */
  useSource(i: number): number {
    const prev = this.cur;
    this.cur = i;
    this.base = this.sources[i]!.base;
    this.srcLen = this.sources[i]!.len;
    return prev;
  }

  private grow(cap: number): void {
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(cap);
      b.set(a);
      return b;
    };
    this.fid = g(this.fid, Int32Array);
    this.start = g(this.start, Int32Array);
    this.len = g(this.len, Int32Array);
    this.parent = g(this.parent, Int32Array);
    this.flags = g(this.flags, Uint8Array);
    this.src = g(this.src, Uint8Array);
    this.num = g(this.num, Float64Array);
    this.cap = cap;
  }

  private push(parent: number, fid: number, start: number, len: number, flags: number): number {
    const w = this.want;
    if (w !== null && (fid >= w.length || w[fid] === 0)) return SKIP;
    if (this.n === this.cap) this.grow(this.cap * 2);
    const i = this.n++;
    this.fid[i] = fid;
    // An item never reaches past the captured bytes of its data source (a protocol item of a
    // truncated packet ends where the capture ends, as in Wireshark); dissectors check bounds
    // with p.need() before reading values, so this only clips lengths declared from the wire.
    let rel = start - this.base;
    if (rel > this.srcLen) rel = this.srcLen;
    this.start[i] = rel;
    this.len[i] = rel + len > this.srcLen ? this.srcLen - rel : len;
    this.parent[i] = parent;
    this.flags[i] = flags;
    this.src[i] = this.cur;
    this.num[i] = 0;
    return i;
  }

  /** Protocol item or FT_NONE item (no value). Returns the index to use as parent. */
  addItem(parent: number, fid: number, start: number, len: number): number {
    return this.push(parent, fid, start, len, ItemFlag.NOVALUE);
  }

  /** Integer, boolean, IPv4 (as uint32), framenum, float or time (seconds) value. Masked fields store (v & mask) >>> shift. */
  addNum(parent: number, fid: number, start: number, len: number, v: number): number {
    const i = this.push(parent, fid, start, len, 0);
    if (i >= 0) {
      const fl = fields[fid]!;
      if (fl.mask !== 0) {
        // masks wider than 32 bits (40/48-bit words) are contiguous: divide and reduce instead of &
        v = fl.mask <= 0xffffffff ? (v & fl.mask) >>> fl.shift
          : Math.floor(v / 2 ** fl.shift) % (Math.floor(fl.mask / 2 ** fl.shift) + 1);
      }
      this.num[i] = v;
    }
    return i;
  }

  /** 64-bit integer value. */
  addBig(parent: number, fid: number, start: number, len: number, v: bigint): number {
    return this.addObj(parent, fid, start, len, v);
  }

  /** String value (decoded by the dissector). */
  addStr(parent: number, fid: number, start: number, len: number, s: string): number {
    return this.addObj(parent, fid, start, len, s);
  }

  /** Value is the item's own bytes: FT_BYTES, FT_ETHER, FT_IPv6, FT_GUID, FT_EUI64. */
  addBytes(parent: number, fid: number, start: number, len: number): number {
    return this.push(parent, fid, start, len, ItemFlag.BYTES);
  }

  /** Any other value kept as an object (e.g. bytes not at the item's position). */
  addObj(parent: number, fid: number, start: number, len: number, v: unknown): number {
    const i = this.push(parent, fid, start, len, ItemFlag.OBJ);
    if (i >= 0) this.obj[i] = v;
    return i;
  }

  /** A text-only item (no field, not filterable). */
  addText(parent: number, start: number, len: number, text: string): number {
    const i = this.push(parent, TEXT_FIELD, start, len, ItemFlag.NOVALUE);
    if (i >= 0) this.label[i] = text;
    return i;
  }

  /** Replaces the whole label (proto_item_set_text). No-op on SKIP. */
  setLabel(i: number, text: string): void {
    if (i >= 0) this.label[i] = text;
  }

  /** Appends to the label (proto_item_append_text). No-op on SKIP. */
  appendLabel(i: number, text: string): void {
    if (i >= 0) this.suffix[i] = (this.suffix[i] ?? '') + text;
  }

  /** Sets an item's length once its end is known (proto_item_set_len). */
  setLen(i: number, len: number): void {
    if (i >= 0) this.len[i] = Math.max(0, Math.min(len, this.sources[this.src[i]!]!.len - this.start[i]!));
  }

  /** Sets an item's end from an absolute offset in the current source. */
  setEnd(i: number, endAbs: number): void {
    if (i >= 0) this.setLen(i, endAbs - this.base - this.start[i]!);
  }

  hide(i: number): number {
    if (i >= 0) this.flags[i]! |= ItemFlag.HIDDEN;
    return i;
  }

  generated(i: number): number {
    if (i >= 0) this.flags[i]! |= ItemFlag.GENERATED;
    return i;
  }

  /** Value of item i as stored: number, bigint, string, Uint8Array (bytes items, a subarray) or undefined. */
  value(i: number): unknown {
    const fl = this.flags[i]!;
    if (fl & ItemFlag.NOVALUE) return undefined;
    if (fl & ItemFlag.OBJ) return this.obj[i];
    if (fl & ItemFlag.BYTES) {
      const s = this.sources[this.src[i]!]!;
      const a = s.base + this.start[i]!;
      return s.buf.subarray(a, a + this.len[i]!);
    }
    return this.num[i];
  }

  /** First item of field `fid`, or -1. */
  find(fid: number): number {
    for (let i = 0; i < this.n; i++) if (this.fid[i] === fid) return i;
    return -1;
  }

  /** Children of item i (ROOT for top level), in order. Allocates: for output, not for hot paths. */
  children(i: number): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.n; j++) if (this.parent[j] === i) out.push(j);
    return out;
  }

  /** Field type of item i. */
  type(i: number): FT {
    return fields[this.fid[i]!]!.type;
  }
}

/**
 * A value computed from a want array, once per array: `of(want)`; a full tree (null) gives `all`.
 * A want lives for a whole run, so the last array's answer is kept beside the memo (no WeakMap
 * lookup per packet).
 */
export function wantFold<T extends number | boolean>(of: (want: Uint8Array) => T, all: T): (want: Uint8Array | null) => T {
  const memo = new WeakMap<Uint8Array, T>();
  let lastWant: Uint8Array | undefined;
  let last = all;
  return (want) => {
    if (want === null) return all;
    if (want === lastWant) return last;
    let r = memo.get(want);
    if (r === undefined) {
      r = of(want);
      memo.set(want, r);
    }
    lastWant = want;
    last = r;
    return r;
  };
}

/**
 * A question about want arrays, answered once per array: does some wanted field satisfy `pred`
 * (given its id and want value: 1 value read, 2 presence only)? A full tree (null) answers `all`.
 */
export function wantTest(pred: (id: number, w: number) => boolean, all: boolean): (want: Uint8Array | null) => boolean {
  return wantFold((want) => {
    for (let id = 0; id < want.length; id++) if (want[id] !== 0 && pred(id, want[id]!)) return true;
    return false;
  }, all);
}

/** Set by builtin.ts: the field id used for text-only items. */
export let TEXT_FIELD = 0;
export function setTextField(id: number): void {
  TEXT_FIELD = id;
}
