// A compact per-frame index built during the first (streaming) pass, for random access later
// (UI clicks, `-V` of frame N): file offset and data offset of each record, timestamp, lengths,
// interface. Struct of typed arrays grown by doubling: 39 bytes per frame, no object per frame.
// Comments (rare) are kept in a side map by frame number.

import type { FrameRecord } from './types.js';

/** Flag bits of FrameIndex.flags */
export const enum IndexFlag { NO_TS = 1, CUSTOM = 2 }

export class FrameIndex {
  /** number of frames indexed; frame numbers are 1 … count */
  count = 0;
  /** file offset of each record (pcap record header / pcapng block) */
  fileOffset: Float64Array;
  /** bytes from the record's start to its packet data */
  dataDelta: Uint16Array;
  tsSec: Float64Array;
  tsNsec: Int32Array;
  caplen: Uint32Array;
  len: Uint32Array;
  iface: Int32Array;
  linktype: Int32Array;
  flags: Uint8Array;
  /** frame number → comments */
  readonly comments = new Map<number, readonly string[]>();
  /** frame number → epb flags (when present) */
  readonly epbFlags = new Map<number, number>();

  constructor(capacity = 1024) {
    this.fileOffset = new Float64Array(capacity);
    this.dataDelta = new Uint16Array(capacity);
    this.tsSec = new Float64Array(capacity);
    this.tsNsec = new Int32Array(capacity);
    this.caplen = new Uint32Array(capacity);
    this.len = new Uint32Array(capacity);
    this.iface = new Int32Array(capacity);
    this.linktype = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** Appends the record (call from onFrame, in frame order). */
  add(r: FrameRecord): void {
    const i = this.count;
    if (i === this.fileOffset.length) this.grow();
    this.fileOffset[i] = r.fileOffset;
    // data offset inside the record: fileOffset is the record's start, r.off its data in r.buf;
    // both are known only relative to their own origins, so keep the fixed header size instead
    this.dataDelta[i] = dataDeltaOf(r);
    this.tsSec[i] = r.tsSec;
    this.tsNsec[i] = r.tsNsec;
    this.caplen[i] = r.caplen;
    this.len[i] = r.len;
    this.iface[i] = r.iface;
    this.linktype[i] = r.linktype;
    this.flags[i] = (r.hasTs === false ? IndexFlag.NO_TS : 0) | (r.customPen !== undefined ? IndexFlag.CUSTOM : 0);
    if (r.comments !== undefined) this.comments.set(r.num, r.comments);
    if (r.epbFlags !== undefined) this.epbFlags.set(r.num, r.epbFlags);
    this.count = i + 1;
  }

  /**
   * The record facts the index holds for slot `i` (add()'s inverse) written into `r`: number,
   * timestamp, lengths, interface, link type, comments, EPB flags, file offset. The caller sets the
   * data (buf, dv, off) and what the index does not keep (block type, section …).
   */
  fill(r: FrameRecord, i: number): FrameRecord {
    const num = i + 1;
    r.num = num;
    r.tsSec = this.tsSec[i]!;
    r.tsNsec = this.tsNsec[i]!;
    r.caplen = this.caplen[i]!;
    r.len = this.len[i]!;
    r.linktype = this.linktype[i]!;
    r.iface = this.iface[i]!;
    r.comments = this.comments.size === 0 ? undefined : this.comments.get(num);
    r.epbFlags = this.epbFlags.size === 0 ? undefined : this.epbFlags.get(num);
    r.hasTs = (this.flags[i]! & IndexFlag.NO_TS) === 0;
    r.fileOffset = this.fileOffset[i]!;
    return r;
  }

  /** Index of frame number `num` (1-based) in the arrays; throws RangeError when absent. */
  slot(num: number): number {
    if (!(num >= 1 && num <= this.count) || !Number.isInteger(num)) throw new RangeError(`no frame ${num} (the index has ${this.count})`);
    return num - 1;
  }

  /** Bytes used by the arrays (for memory reports). */
  get byteSize(): number {
    return this.fileOffset.length * 39;
  }

  private grow(): void {
    const n = this.fileOffset.length * 2 || 1024;
    const g = <T extends Float64Array | Uint16Array | Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a as never);
      return b;
    };
    this.fileOffset = g(this.fileOffset, (k) => new Float64Array(k));
    this.dataDelta = g(this.dataDelta, (k) => new Uint16Array(k));
    this.tsSec = g(this.tsSec, (k) => new Float64Array(k));
    this.tsNsec = g(this.tsNsec, (k) => new Int32Array(k));
    this.caplen = g(this.caplen, (k) => new Uint32Array(k));
    this.len = g(this.len, (k) => new Uint32Array(k));
    this.iface = g(this.iface, (k) => new Int32Array(k));
    this.linktype = g(this.linktype, (k) => new Int32Array(k));
    this.flags = g(this.flags, (k) => new Uint8Array(k));
  }
}

/** Offset of the packet data from the start of its record, by record kind. */
export function dataDeltaOf(r: FrameRecord): number {
  switch (r.blockType) {
    case undefined: case 0: return 16; // pcap record header
    case 3: return 12; // SPB
    case 0xbad: case 0x40000bad: return 12; // custom block: after the PEN
    default: return 28; // EPB, OPB
  }
}
