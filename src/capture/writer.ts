// pcap and pcapng writers (pure: bytes out through a sink, no I/O). Records are encoded into one
// buffer (default 1 MiB) that goes to the sink when full or on flush().
//
// As tshark writes: pcapng is the default; SHB with shb_userappl, IDBs with if_tsresol only when
// not µs; SPB frames (no timestamp) become EPBs with timestamp 0; copyable custom blocks (0xBAD)
// are kept, "do not copy" ones (0x40000BAD) dropped. pcap holds one link type (else the error
// tshark gives); pcap µs timestamps truncate the nanoseconds, as editcap does.

import { CaptureError } from './types.js';
import { maxCaplen } from './limits.js';
import { scaleForUnits, secNsecToCount, TsScale } from './timestamp.js';
import { encodeUtf8 } from './utf8.js';
import { PCAP_MAGIC_NS, PCAP_MAGIC_US } from './pcap.js';
import { BYTE_ORDER_MAGIC, CB_COPY_TYPE, CB_NOCOPY_TYPE, EPB_TYPE, IDB_TYPE, SHB_TYPE } from './pcapng.js';

export type WriteFormat = 'pcapng' | 'pcap' | 'pcap-nsec';

/** What the writer needs of an interface (InterfaceInfo satisfies it). */
export interface WriterInterface {
  linktype: number;
  snaplen: number;
  name?: string | undefined;
  description?: string | undefined;
  /** timestamp units per second (default 1e6); powers of 10 and 2 are written as if_tsresol */
  tsUnitsPerSec?: number;
  tsOffset?: number;
  filter?: string | undefined;
  os?: string | undefined;
  hardware?: string | undefined;
  fcsLen?: number | undefined;
  speed?: number | undefined;
}

/** What the writer needs of a frame (FrameRecord satisfies it). */
export interface WritableFrame {
  tsSec: number;
  tsNsec: number;
  caplen: number;
  len: number;
  /** writer interface index; -1 (pcap input) means 0 */
  iface: number;
  buf: Uint8Array;
  off: number;
  comments?: readonly string[] | undefined;
  epbFlags?: number | undefined;
  /** epb_dropcount */
  dropCount?: number | undefined;
  hasTs?: boolean;
  /** pcapng custom records: 0xBAD (written) / 0x40000BAD (dropped); pcap cannot hold them */
  blockType?: number;
  /** frame number in the input (error messages) */
  num?: number;
  customPen?: number | undefined;
}

export interface WriterOptions {
  format: WriteFormat;
  /** receives the encoded bytes, in order */
  sink: (piece: Uint8Array) => void;
  /**
   * true when the sink is done with a piece when it returns (e.g. fs.writeSync): the writer then
   * reuses its buffer. Otherwise each piece is a fresh buffer the sink may keep.
   */
  syncSink?: boolean;
  /** interfaces known at the start (more can be added with addInterface / syncInterfaces) */
  interfaces?: readonly WriterInterface[];
  bufferSize?: number;
  /** write big-endian (default little-endian, as tshark on x86) */
  bigEndian?: boolean;
  /** pcapng SHB options */
  userAppl?: string;
  hardware?: string | undefined;
  os?: string | undefined;
  comments?: readonly string[];
  /** the input's name, for error messages ('-' = standard input) */
  inputName?: string;
}

const PCAP_REC_HDR = 16;
const EPB_FIXED = 32;

function pad4(n: number): number {
  return (n + 3) & ~3;
}

interface WIface {
  linktype: number;
  scale: TsScale;
  tsOffset: number;
}

export class CaptureWriter {
  readonly format: WriteFormat;
  framesWritten = 0;
  /** bytes handed to the sink plus bytes buffered */
  bytesWritten = 0;
  private readonly sink: (piece: Uint8Array) => void;
  private readonly syncSink: boolean;
  private readonly size: number;
  private readonly le: boolean;
  private buf: Uint8Array;
  private dv: DataView;
  private pos = 0;
  private readonly ifaces: WIface[] = [];
  private pcapHeaderDone = false;
  private readonly count = { hi: 0, lo: 0 };
  private readonly inputName: string;

  constructor(opts: WriterOptions) {
    this.format = opts.format;
    this.inputName = opts.inputName ?? '-';
    this.sink = opts.sink;
    this.syncSink = opts.syncSink ?? false;
    this.size = Math.max(4096, opts.bufferSize ?? 1 << 20);
    this.le = !(opts.bigEndian ?? false);
    this.buf = new Uint8Array(this.size);
    this.dv = new DataView(this.buf.buffer);
    if (this.format === 'pcapng') this.shb(opts);
    for (const i of opts.interfaces ?? []) this.addInterface(i);
  }

  /** tshark's -F name of the format, as its messages say it */
  get formatName(): string {
    return this.format === 'pcap-nsec' ? 'nsecpcap' : this.format;
  }

  get interfaceCount(): number {
    return this.ifaces.length;
  }

  /** Adds an interface (pcapng: writes its IDB here); returns its index. */
  addInterface(i: WriterInterface): number {
    const scale = scaleForUnits(i.tsUnitsPerSec ?? 1e6) ?? new TsScale(9);
    if (this.format !== 'pcapng') {
      const first = this.ifaces[0];
      if (first !== undefined && first.linktype !== i.linktype) {
        throw new CaptureError(`The capture file being read can't be written as a "${this.formatName}" file.`, 'unsupported');
      }
      if (!this.pcapHeaderDone) this.pcapHeader(i.linktype, i.snaplen);
      this.ifaces.push({ linktype: i.linktype, scale, tsOffset: 0 });
      return this.ifaces.length - 1;
    }
    const opts: [number, Uint8Array][] = [];
    const str = (code: number, s: string | undefined): void => { if (s !== undefined) opts.push([code, encodeUtf8(s)]); };
    str(2, i.name);
    str(3, i.description);
    if (i.speed !== undefined) opts.push([8, this.u64(i.speed)]);
    if (scale.units !== 1e6) opts.push([9, Uint8Array.of(scale.code)]);
    if (i.filter !== undefined) {
      const f = encodeUtf8(i.filter);
      const v = new Uint8Array(f.length + 1);
      v.set(f, 1); // filter type 0: libpcap filter string
      opts.push([11, v]);
    }
    str(12, i.os);
    if (i.fcsLen !== undefined) opts.push([13, Uint8Array.of(i.fcsLen)]);
    const tsOffset = i.tsOffset ?? 0;
    if (tsOffset !== 0) opts.push([14, this.u64(tsOffset)]);
    str(15, i.hardware);
    const optLen = this.optionsLength(opts);
    const blen = 16 + optLen + 4;
    const p = this.reserve(blen);
    const dv = this.dv;
    dv.setUint32(p, IDB_TYPE, this.le);
    dv.setUint32(p + 4, blen, this.le);
    dv.setUint16(p + 8, i.linktype, this.le);
    dv.setUint16(p + 10, 0, this.le);
    dv.setUint32(p + 12, i.snaplen, this.le);
    this.writeOptions(p + 16, opts);
    dv.setUint32(p + blen - 4, blen, this.le);
    this.ifaces.push({ linktype: i.linktype, scale, tsOffset });
    return this.ifaces.length - 1;
  }

  /** Adds interfaces list[interfaceCount …] (for a reader's growing meta.interfaces). */
  syncInterfaces(list: readonly WriterInterface[]): void {
    for (let k = this.ifaces.length; k < list.length; k++) this.addInterface(list[k]!);
  }

  writeFrame(f: WritableFrame): void {
    const bt = f.blockType;
    if (bt === CB_COPY_TYPE || bt === CB_NOCOPY_TYPE) {
      if (this.format !== 'pcapng') {
        throw new CaptureError(`Record ${f.num ?? this.framesWritten + 1} of ${this.inputName === '-' ? 'the standard input' : `file "${this.inputName}"`} has a record type that can't be saved in a "${this.formatName}" file.`, 'unsupported');
      }
      if (bt === CB_COPY_TYPE) this.custom(f);
      return;
    }
    const k = f.iface < 0 ? 0 : f.iface;
    const iface = this.ifaces[k];
    if (iface === undefined) throw new RangeError(`frame on interface ${k}, but the writer has ${this.ifaces.length} interface(s)`);
    const caplen = f.caplen;
    const le = this.le;
    const noTs = f.hasTs === false;
    if (this.format !== 'pcapng') {
      const p = this.reserve(PCAP_REC_HDR + caplen);
      const dv = this.dv;
      dv.setUint32(p, noTs ? 0 : f.tsSec >>> 0, le);
      const frac = noTs ? 0 : this.format === 'pcap-nsec' ? f.tsNsec : Math.trunc(f.tsNsec / 1000);
      dv.setUint32(p + 4, frac >>> 0, le);
      dv.setUint32(p + 8, caplen, le);
      dv.setUint32(p + 12, f.len, le);
      this.buf.set(f.buf.subarray(f.off, f.off + caplen), p + PCAP_REC_HDR);
      this.framesWritten++;
      return;
    }
    const comments = f.comments;
    const flags = f.epbFlags;
    let optLen = 0;
    let encoded: Uint8Array[] | undefined;
    if (comments !== undefined && comments.length > 0) {
      encoded = comments.map(encodeUtf8);
      for (const c of encoded) optLen += 4 + pad4(c.length);
    }
    if (flags !== undefined) optLen += 8;
    const drops = f.dropCount;
    if (drops !== undefined) optLen += 12;
    if (optLen !== 0) optLen += 4; // opt_endofopt
    const dataLen = pad4(caplen);
    const blen = EPB_FIXED + dataLen + optLen;
    const p = this.reserve(blen);
    const dv = this.dv;
    if (noTs) {
      this.count.hi = 0;
      this.count.lo = 0;
    } else {
      secNsecToCount(f.tsSec, f.tsNsec, iface.scale, iface.tsOffset, this.count);
    }
    dv.setUint32(p, EPB_TYPE, le);
    dv.setUint32(p + 4, blen, le);
    dv.setUint32(p + 8, k, le);
    dv.setUint32(p + 12, this.count.hi, le);
    dv.setUint32(p + 16, this.count.lo, le);
    dv.setUint32(p + 20, caplen, le);
    dv.setUint32(p + 24, f.len, le);
    this.buf.set(f.buf.subarray(f.off, f.off + caplen), p + 28);
    for (let z = p + 28 + caplen; z < p + 28 + dataLen; z++) this.buf[z] = 0;
    let o = p + 28 + dataLen;
    if (optLen !== 0) {
      if (encoded) for (const c of encoded) o = this.option(o, 1, c);
      if (flags !== undefined) {
        dv.setUint16(o, 2, le);
        dv.setUint16(o + 2, 4, le);
        dv.setUint32(o + 4, flags, le);
        o += 8;
      }
      if (drops !== undefined) {
        dv.setUint16(o, 4, le);
        dv.setUint16(o + 2, 8, le);
        dv.setBigUint64(o + 4, BigInt.asUintN(64, BigInt(Math.trunc(drops))), le);
        o += 12;
      }
      dv.setUint32(o, 0, le);
      o += 4;
    }
    dv.setUint32(o, blen, le);
    this.framesWritten++;
  }

  /** Hands the buffered bytes to the sink. */
  flush(): void {
    if (this.format !== 'pcapng' && !this.pcapHeaderDone) return;
    if (this.pos === 0) return;
    const piece = this.buf.subarray(0, this.pos);
    if (this.syncSink) {
      this.sink(piece);
    } else {
      this.sink(piece);
      this.buf = new Uint8Array(this.size);
      this.dv = new DataView(this.buf.buffer);
    }
    this.pos = 0;
  }

  /**
   * Ends the output: a pcap file with no interface gets its header now (Ethernet, as an empty
   * capture has no link type), then everything is flushed.
   */
  finish(): void {
    if (this.format !== 'pcapng' && !this.pcapHeaderDone) this.pcapHeader(1, 262144);
    this.flush();
  }

  // ---- encoding helpers ----

  /** Position of `n` free bytes in the buffer, flushing (or growing for one huge record) first. */
  private reserve(n: number): number {
    if (this.pos + n > this.buf.length) {
      this.flush();
      if (n > this.buf.length) {
        this.buf = new Uint8Array(n);
        this.dv = new DataView(this.buf.buffer);
      }
    }
    const p = this.pos;
    this.pos += n;
    this.bytesWritten += n;
    return p;
  }

  private pcapHeader(linktype: number, snaplen: number): void {
    this.pcapHeaderDone = true;
    const p = this.reserve(24);
    const dv = this.dv;
    dv.setUint32(p, this.format === 'pcap-nsec' ? PCAP_MAGIC_NS : PCAP_MAGIC_US, this.le);
    dv.setUint16(p + 4, 2, this.le);
    dv.setUint16(p + 6, 4, this.le);
    dv.setInt32(p + 8, 0, this.le);
    dv.setUint32(p + 12, 0, this.le);
    dv.setUint32(p + 16, snaplen === 0 ? maxCaplen(linktype) : snaplen, this.le);
    dv.setUint32(p + 20, linktype, this.le);
  }

  private shb(opts: WriterOptions): void {
    const o: [number, Uint8Array][] = [];
    for (const c of opts.comments ?? []) o.push([1, encodeUtf8(c)]);
    if (opts.hardware !== undefined) o.push([2, encodeUtf8(opts.hardware)]);
    if (opts.os !== undefined) o.push([3, encodeUtf8(opts.os)]);
    o.push([4, encodeUtf8(opts.userAppl ?? 'wirelens')]);
    const blen = 24 + this.optionsLength(o) + 4;
    const p = this.reserve(blen);
    const dv = this.dv;
    dv.setUint32(p, SHB_TYPE, this.le);
    dv.setUint32(p + 4, blen, this.le);
    dv.setUint32(p + 8, BYTE_ORDER_MAGIC, this.le);
    dv.setUint16(p + 12, 1, this.le);
    dv.setUint16(p + 14, 0, this.le);
    dv.setInt32(p + 16, -1, this.le); // section length unknown
    dv.setInt32(p + 20, -1, this.le);
    this.writeOptions(p + 24, o);
    dv.setUint32(p + blen - 4, blen, this.le);
  }

  private custom(f: WritableFrame): void {
    const n = f.caplen;
    const blen = 16 + pad4(n);
    const p = this.reserve(blen);
    const dv = this.dv;
    dv.setUint32(p, CB_COPY_TYPE, this.le);
    dv.setUint32(p + 4, blen, this.le);
    dv.setUint32(p + 8, f.customPen ?? 0, this.le);
    this.buf.set(f.buf.subarray(f.off, f.off + n), p + 12);
    for (let z = p + 12 + n; z < p + blen - 4; z++) this.buf[z] = 0;
    dv.setUint32(p + blen - 4, blen, this.le);
  }

  private optionsLength(opts: readonly [number, Uint8Array][]): number {
    if (opts.length === 0) return 0;
    let n = 4; // opt_endofopt
    for (const [, v] of opts) n += 4 + pad4(v.length);
    return n;
  }

  private writeOptions(p: number, opts: readonly [number, Uint8Array][]): number {
    if (opts.length === 0) return p;
    for (const [code, v] of opts) p = this.option(p, code, v);
    this.dv.setUint32(p, 0, this.le);
    return p + 4;
  }

  private option(p: number, code: number, v: Uint8Array): number {
    this.dv.setUint16(p, code, this.le);
    this.dv.setUint16(p + 2, v.length, this.le);
    this.buf.set(v, p + 4);
    for (let z = p + 4 + v.length; z < p + 4 + pad4(v.length); z++) this.buf[z] = 0;
    return p + 4 + pad4(v.length);
  }

  /** A 64-bit option value (if_speed, if_tsoffset) in the writer's byte order. */
  private u64(x: number): Uint8Array {
    const b = new Uint8Array(8);
    const v = BigInt.asUintN(64, BigInt(Math.trunc(x)));
    new DataView(b.buffer).setBigUint64(0, v, this.le);
    return b;
  }
}

/** Convenience: the writer for `format` (tshark's `-F pcapng` default, `-F pcap`, `-F nsecpcap`). */
export function createWriter(opts: WriterOptions): CaptureWriter {
  return new CaptureWriter(opts);
}

/** tshark `-F` names → formats (undefined for formats wirelens does not write). */
export function writeFormatByName(name: string): WriteFormat | undefined {
  switch (name) {
    case 'pcapng': return 'pcapng';
    case 'pcap': case 'libpcap': return 'pcap';
    case 'nsecpcap': case 'pcap-nsec': return 'pcap-nsec';
    default: return undefined;
  }
}
