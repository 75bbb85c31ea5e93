// pcapng push parser (draft-ietf-opsawg-pcapng): sections, interfaces, packets, names, secrets,
// statistics; either byte order, which may change at every Section Header Block.
//
//   every block                          EPB (type 6)                    SPB (type 3)
//   0  block type                        8  interface id                 8  original length
//   4  block total length                12 timestamp (high 32 bits)     12 packet data …
//   8  body …                            16 timestamp (low 32 bits)
//   -4 block total length (again)        20 captured length              OPB (type 2, obsolete)
//                                        24 original length              8  interface id (16 bits)
//   SHB (0x0a0d0d0a)                     28 packet data, padded to 4     10 drops count (16 bits)
//   8  byte-order magic 0x1a2b3c4d          options …                    12… as EPB
//   12 major, 14 minor version
//   16 section length (64 bits)          IDB (type 1)
//   24 options …                         8  link type (16), 10 reserved, 12 snaplen, 16 options
//
// Options are (code, length, value padded to 4) triplets ending with code 0 or the block's end.
// Blocks are read in place from the pushed chunk; a block cut by a chunk boundary is copied
// (Carry) once its length has been checked. Lengths are checked before anything is buffered:
// an absurd length is refused with tshark's message, never allocated.

import { Carry } from './carry.js';
import { damagedError, notCaptureError, truncatedError, truncatedHeaderError, unsupportedError } from './errors.js';
import { maxCaplen, PCAPNG_MAX_BLOCK } from './limits.js';
import type { CaptureParser, FrameCallback, ParserOptions } from './parser.js';
import { newFrameRecord } from './pcap.js';
import { countToSecNsec, TsScale } from './timestamp.js';
import type { CaptureMeta, FrameRecord, InterfaceInfo, InterfaceStats, SectionInfo } from './types.js';
import { decodeUtf8 } from './utf8.js';

export const SHB_TYPE = 0x0a0d0d0a;
export const IDB_TYPE = 1;
export const OPB_TYPE = 2;
export const SPB_TYPE = 3;
export const NRB_TYPE = 4;
export const ISB_TYPE = 5;
export const EPB_TYPE = 6;
export const DSB_TYPE = 10;
export const CB_COPY_TYPE = 0x00000bad;
export const CB_NOCOPY_TYPE = 0x40000bad;
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

const OPT_ENDOFOPT = 0;
const OPT_COMMENT = 1;

// EPB / OPB field offsets (from the block start)
const PB_IFACE = 8;
const PB_TS_HI = 12;
const PB_TS_LO = 16;
const PB_CAPLEN = 20;
const PB_LEN = 24;
const PB_DATA = 28;
const PB_MIN = PB_DATA + 4;
const SPB_DATA = 12;

/** Per-interface state the packet path needs, by section-local id. */
interface Iface {
  global: number;
  linktype: number;
  snaplen: number;
  maxCap: number;
  scale: TsScale;
  tsOffset: number;
}

/** A copy of buf[start, end) — also when buf is a Node Buffer, whose slice() is a view. */
function copyBytes(buf: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(buf.subarray(start, end));
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function blockName(type: number): string {
  switch (type) {
    case SHB_TYPE: return 'an SHB';
    case IDB_TYPE: return 'an IDB';
    case EPB_TYPE: return 'an EPB';
    case SPB_TYPE: return 'an SPB';
    case OPB_TYPE: return 'a PB';
    case NRB_TYPE: return 'an NRB';
    case ISB_TYPE: return 'an ISB';
    default: return 'an unknown block type';
  }
}

/** tshark's minimum total length per block type. */
function minBlockLen(type: number): number {
  switch (type) {
    case SHB_TYPE: return 28;
    case IDB_TYPE: return 20;
    case EPB_TYPE: case OPB_TYPE: return PB_MIN;
    case SPB_TYPE: case NRB_TYPE: return 16;
    case ISB_TYPE: return 24;
    default: return 12;
  }
}

export class PcapngParser implements CaptureParser {
  meta: CaptureMeta | undefined = undefined;
  frames = 0;
  private readonly name: string;
  private readonly customBlocks: boolean;
  /** byte order of the current section */
  private le = true;
  /** interfaces of the current section */
  private ifaces: Iface[] = [];
  private section = -1;
  private consumed = 0;
  private readonly carry = new Carry();
  private stopped = false;
  private readonly rec: FrameRecord = newFrameRecord();
  /** scratch for ISB timestamps */
  private readonly ts = { tsSec: 0, tsNsec: 0 };
  // option scratch (set by readPacketOptions)
  private optComments: string[] | undefined = undefined;
  private optFlags: number | undefined = undefined;
  private optDrops: number | undefined = undefined;

  constructor(opts: ParserOptions = {}) {
    this.name = opts.name ?? '-';
    this.customBlocks = opts.customBlocks ?? false;
  }

  push(chunk: Uint8Array, onFrame: FrameCallback): boolean {
    if (this.stopped) return false;
    const n = chunk.length;
    const base = this.consumed;
    this.consumed += n;
    let pos = 0;
    if (this.carry.len > 0 || this.meta === undefined) {
      pos = this.pushCarry(chunk, base, onFrame);
      if (pos < 0 || this.stopped) return !this.stopped;
    }
    const dv = new DataView(chunk.buffer, chunk.byteOffset, n);
    while (n - pos >= 8) {
      const type = dv.getUint32(pos, this.le);
      if (type === SHB_TYPE && n - pos < 12) break;
      const blen = this.blockLength(dv, pos, base + pos);
      if (n - pos < blen) break;
      const go = type === EPB_TYPE
        ? this.epb(chunk, dv, pos, blen, base + pos, onFrame)
        : this.block(type, chunk, dv, pos, blen, base + pos, onFrame);
      pos += blen;
      if (!go) {
        this.stopped = true;
        return false;
      }
    }
    if (pos < n) this.carry.start(chunk, pos, n, base + pos);
    return true;
  }

  /**
   * Completes the block cut by the previous chunk boundary (or the first block's header).
   * Returns the chunk position where in-place parsing resumes, or -1 when the chunk was used up.
   */
  private pushCarry(chunk: Uint8Array, base: number, onFrame: FrameCallback): number {
    const c = this.carry;
    if (c.len === 0) c.fileOffset = base;
    let pos = 0;
    c.reserve(12);
    pos = c.fill(chunk, pos, 8);
    if (c.len < 8) return -1;
    const type = c.dv.getUint32(0, this.le);
    if (type === SHB_TYPE) {
      pos = c.fill(chunk, pos, 12);
      if (c.len < 12) return -1;
    }
    const blen = this.blockLength(c.dv, 0, c.fileOffset);
    c.reserve(blen);
    pos = c.fill(chunk, pos, blen);
    if (c.len < blen) return -1;
    const go = this.block(type, c.buf, c.dv, 0, blen, c.fileOffset, onFrame);
    c.clear();
    if (!go) this.stopped = true;
    return pos;
  }

  /**
   * Checks a block's header (at least 8 bytes, 12 for an SHB, are at pos) and returns its total
   * length rounded up to a multiple of 4. For an SHB, first sets the section's byte order.
   */
  private blockLength(dv: DataView, pos: number, fileOffset: number): number {
    let type = dv.getUint32(pos, this.le);
    if (this.meta === undefined && type !== SHB_TYPE) throw notCaptureError(this.name);
    if (type === SHB_TYPE) {
      const bom = dv.getUint32(pos + 8, true);
      if (bom === BYTE_ORDER_MAGIC) this.le = true;
      else if (bom === 0x4d3c2b1a) this.le = false;
      else if (this.meta === undefined) throw notCaptureError(this.name);
      else throw damagedError(this.name, `pcapng: unknown byte-order magic number 0x${bom.toString(16).padStart(8, '0')}`, fileOffset + 8);
      type = SHB_TYPE;
    }
    const blen = dv.getUint32(pos + 4, this.le);
    if (blen > PCAPNG_MAX_BLOCK) throw damagedError(this.name, `pcapng: total block length ${blen} is too large (> ${PCAPNG_MAX_BLOCK})`, fileOffset);
    const min = minBlockLen(type);
    if (blen < min) {
      if (type === ISB_TYPE) throw damagedError(this.name, `pcapng: total block length ${blen} of an ISB is too small (< ${min})`, fileOffset);
      if (min === 12) throw damagedError(this.name, `pcapng: total block length ${blen} of an unknown block type is less than the minimum block size 12`, fileOffset);
      const what = blockName(type);
      throw damagedError(this.name, `pcapng: total block length ${blen} of ${what} is less than the minimum ${what.slice(what.indexOf(' ') + 1)} size ${min}`, fileOffset);
    }
    return pad4(blen);
  }

  /** The trailing length must repeat the leading one (tshark reads the rounded-up length). */
  private checkTrailer(dv: DataView, pos: number, blen: number, at: number, fileOffset: number): void {
    const trailer = dv.getUint32(pos + at, this.le);
    const lead = dv.getUint32(pos + 4, this.le);
    if (trailer !== blen) throw damagedError(this.name, `pcapng: total block lengths (first ${blen} and second ${trailer}) don't match`, fileOffset + at);
    if (lead !== blen) throw damagedError(this.name, `pcapng: total block length ${lead} is not a multiple of 4`, fileOffset);
  }

  /** Enhanced Packet Block: the hot path. */
  private epb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number, onFrame: FrameCallback): boolean {
    const le = this.le;
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    const id = dv.getUint32(pos + PB_IFACE, le);
    const caplen = dv.getUint32(pos + PB_CAPLEN, le);
    const dataEnd = PB_DATA + pad4(caplen);
    if (caplen > blen || dataEnd + 4 > blen) throw this.tooSmall(blen, 'an EPB', caplen, fileOffset);
    const ifaces = this.ifaces;
    if (id >= ifaces.length) throw this.badIface(id, fileOffset);
    const iface = ifaces[id]!;
    if (caplen > iface.maxCap) throw damagedError(this.name, `pcapng: cap_len ${caplen} is larger than ${iface.maxCap}`, fileOffset);
    const rec = this.rec;
    rec.buf = buf;
    rec.dv = dv;
    rec.num = ++this.frames;
    countToSecNsec(dv.getUint32(pos + PB_TS_HI, le), dv.getUint32(pos + PB_TS_LO, le), iface.scale, iface.tsOffset, rec);
    rec.caplen = caplen;
    rec.len = dv.getUint32(pos + PB_LEN, le);
    rec.linktype = iface.linktype;
    rec.iface = iface.global;
    rec.off = pos + PB_DATA;
    rec.fileOffset = fileOffset;
    rec.blockType = EPB_TYPE;
    rec.hasTs = true;
    rec.section = this.section;
    rec.customPen = undefined;
    if (dataEnd < blen - 4) {
      this.readPacketOptions(buf, dv, pos + dataEnd, pos + blen - 4, fileOffset);
      rec.comments = this.optComments;
      rec.epbFlags = this.optFlags;
      rec.dropCount = this.optDrops;
    } else {
      rec.comments = undefined;
      rec.epbFlags = undefined;
      rec.dropCount = undefined;
    }
    return onFrame(rec) !== false;
  }

  private block(type: number, buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number, onFrame: FrameCallback): boolean {
    switch (type) {
      case EPB_TYPE: return this.epb(buf, dv, pos, blen, fileOffset, onFrame);
      case SHB_TYPE: this.shb(buf, dv, pos, blen, fileOffset); return true;
      case IDB_TYPE: this.idb(buf, dv, pos, blen, fileOffset); return true;
      case SPB_TYPE: return this.spb(buf, dv, pos, blen, fileOffset, onFrame);
      case OPB_TYPE: return this.opb(buf, dv, pos, blen, fileOffset, onFrame);
      case NRB_TYPE: this.nrb(buf, dv, pos, blen, fileOffset); return true;
      case ISB_TYPE: this.isb(buf, dv, pos, blen, fileOffset); return true;
      case DSB_TYPE: this.dsb(buf, dv, pos, blen, fileOffset); return true;
      case CB_COPY_TYPE: case CB_NOCOPY_TYPE: return this.custom(type, buf, dv, pos, blen, fileOffset, onFrame);
      default:
        // unknown and vendor blocks are skipped (their length was checked)
        this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
        return true;
    }
  }

  private shb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number): void {
    const le = this.le;
    const major = dv.getUint16(pos + 12, le);
    const minor = dv.getUint16(pos + 14, le);
    // tshark reads 1.0 and 1.2 (1.2 is what some writers put); anything else is refused
    if (!(major === 1 && (minor === 0 || minor === 2))) {
      throw unsupportedError(this.name, `pcapng: unknown SHB version ${major}.${minor}`, fileOffset + 12);
    }
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    const first = this.meta === undefined;
    const meta: CaptureMeta = this.meta ?? {
      format: 'pcapng', bigEndian: !le, compressed: false, interfaces: [],
      shbHardware: undefined, shbOs: undefined, shbUserAppl: undefined, shbComments: [],
      versionMajor: major, versionMinor: minor,
      sections: [], nameRecords: [], secrets: [], stats: [],
    };
    this.meta = meta;
    const sec: SectionInfo = {
      offset: fileOffset, bigEndian: !le, versionMajor: major, versionMinor: minor,
      hardware: undefined, os: undefined, userAppl: undefined, comments: [], firstInterface: meta.interfaces.length,
    };
    this.forOptions(dv, pos + 24, pos + blen - 4, fileOffset, (code, o, len) => {
      if (code === OPT_COMMENT) sec.comments.push(decodeUtf8(buf, o, o + len));
      else if (code === 2) sec.hardware = decodeUtf8(buf, o, o + len);
      else if (code === 3) sec.os = decodeUtf8(buf, o, o + len);
      else if (code === 4) sec.userAppl = decodeUtf8(buf, o, o + len);
    });
    meta.sections!.push(sec);
    if (first) {
      meta.shbHardware = sec.hardware;
      meta.shbOs = sec.os;
      meta.shbUserAppl = sec.userAppl;
      meta.shbComments = sec.comments;
    }
    this.section++;
    this.ifaces = [];
  }

  private idb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number): void {
    const le = this.le;
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    const meta = this.meta!;
    const linktype = dv.getUint16(pos + 8, le);
    const snaplen = dv.getUint32(pos + 12, le);
    let resol = 6;
    let tsOffset = 0;
    const info: InterfaceInfo = {
      linktype, snaplen, name: undefined, description: undefined, tsUnitsPerSec: 1e6, tsOffset: 0,
      filter: undefined, os: undefined, section: this.section, idInSection: this.ifaces.length,
      hardware: undefined, fcsLen: undefined, speed: undefined,
    };
    this.forOptions(dv, pos + 16, pos + blen - 4, fileOffset, (code, o, len) => {
      switch (code) {
        case 2: info.name = decodeUtf8(buf, o, o + len); break;
        case 3: info.description = decodeUtf8(buf, o, o + len); break;
        case 8: if (len >= 8) info.speed = dv.getUint32(o + (le ? 4 : 0), le) * 4294967296 + dv.getUint32(o + (le ? 0 : 4), le); break;
        case 9: if (len >= 1) resol = buf[o]!; break;
        case 11: if (len >= 1) info.filter = decodeUtf8(buf, o + 1, o + len); break;
        case 12: info.os = decodeUtf8(buf, o, o + len); break;
        case 13: if (len >= 1) info.fcsLen = buf[o]!; break;
        case 14: if (len >= 8) tsOffset = dv.getInt32(o + (le ? 4 : 0), le) * 4294967296 + dv.getUint32(o + (le ? 0 : 4), le); break;
        case 15: info.hardware = decodeUtf8(buf, o, o + len); break;
      }
    });
    const scale = new TsScale(resol);
    info.tsUnitsPerSec = scale.units;
    info.tsOffset = tsOffset;
    this.ifaces.push({ global: meta.interfaces.length, linktype, snaplen, maxCap: maxCaplen(linktype), scale, tsOffset });
    meta.interfaces.push(info);
  }

  private spb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number, onFrame: FrameCallback): boolean {
    if (this.ifaces.length === 0) throw damagedError(this.name, 'pcapng: SPB appeared before any IDBs in the section', fileOffset);
    const iface = this.ifaces[0]!;
    const len = dv.getUint32(pos + 8, this.le);
    // tshark: caplen = min(original length, snaplen); the data (padded) must fill the block
    const caplen = iface.snaplen !== 0 && iface.snaplen < len ? iface.snaplen : len;
    if (caplen > blen || SPB_DATA + pad4(caplen) + 4 > blen) throw this.tooSmall(blen, 'an SPB', caplen, fileOffset);
    this.checkTrailer(dv, pos, blen, SPB_DATA + pad4(caplen), fileOffset);
    if (caplen > iface.maxCap) throw damagedError(this.name, `pcapng: cap_len ${caplen} is larger than ${iface.maxCap}`, fileOffset);
    const rec = this.rec;
    rec.buf = buf;
    rec.dv = dv;
    rec.num = ++this.frames;
    rec.tsSec = 0;
    rec.tsNsec = 0;
    rec.hasTs = false;
    rec.caplen = caplen;
    rec.len = len;
    rec.linktype = iface.linktype;
    rec.iface = iface.global;
    rec.off = pos + SPB_DATA;
    rec.fileOffset = fileOffset;
    rec.blockType = SPB_TYPE;
    rec.section = this.section;
    rec.customPen = undefined;
    rec.comments = undefined;
    rec.epbFlags = undefined;
    rec.dropCount = undefined;
    return onFrame(rec) !== false;
  }

  /** Obsolete Packet Block: as EPB with a 16-bit interface id and a drops count. */
  private opb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number, onFrame: FrameCallback): boolean {
    const le = this.le;
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    const id = dv.getUint16(pos + PB_IFACE, le);
    const caplen = dv.getUint32(pos + PB_CAPLEN, le);
    const dataEnd = PB_DATA + pad4(caplen);
    if (caplen > blen || dataEnd + 4 > blen) throw this.tooSmall(blen, 'a PB', caplen, fileOffset);
    if (id >= this.ifaces.length) throw this.badIface(id, fileOffset);
    const iface = this.ifaces[id]!;
    if (caplen > iface.maxCap) throw damagedError(this.name, `pcapng: cap_len ${caplen} is larger than ${iface.maxCap}`, fileOffset);
    const rec = this.rec;
    rec.buf = buf;
    rec.dv = dv;
    rec.num = ++this.frames;
    countToSecNsec(dv.getUint32(pos + PB_TS_HI, le), dv.getUint32(pos + PB_TS_LO, le), iface.scale, iface.tsOffset, rec);
    rec.hasTs = true;
    rec.caplen = caplen;
    rec.len = dv.getUint32(pos + PB_LEN, le);
    rec.linktype = iface.linktype;
    rec.iface = iface.global;
    rec.off = pos + PB_DATA;
    rec.fileOffset = fileOffset;
    rec.blockType = OPB_TYPE;
    rec.section = this.section;
    rec.customPen = undefined;
    this.readPacketOptions(buf, dv, pos + dataEnd, pos + blen - 4, fileOffset);
    rec.comments = this.optComments;
    rec.epbFlags = this.optFlags;
    // the OPB's own drops count field, unless a drop count option says otherwise
    rec.dropCount = this.optDrops ?? dv.getUint16(pos + 10, le);
    return onFrame(rec) !== false;
  }

  private nrb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number): void {
    const le = this.le;
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    const names = this.meta!.nameRecords!;
    const end = pos + blen - 4;
    let o = pos + 8;
    while (o + 4 <= end) {
      const rtype = dv.getUint16(o, le);
      const rlen = dv.getUint16(o + 2, le);
      o += 4;
      if (rtype === 0) break; // nrb_record_end; options (ns_dnsname …) follow
      if (end - o < pad4(rlen)) {
        throw damagedError(this.name, `pcapng: ${end - o} bytes left in the block < NRB record length + padding ${pad4(rlen)}`, fileOffset);
      }
      const alen = rtype === 1 ? 4 : rtype === 2 ? 16 : 0;
      if (alen !== 0) {
        if (rlen < alen) {
          throw damagedError(this.name, `pcapng: NRB record length for ${alen === 4 ? 'IPv4' : 'IPv6'} record ${rlen} < ${alen}`, fileOffset);
        }
        const list: string[] = [];
        let s = o + alen;
        const rend = o + rlen;
        while (s < rend) {
          let z = s;
          while (z < rend && buf[z] !== 0) z++;
          if (z > s) list.push(decodeUtf8(buf, s, z));
          s = z + 1;
        }
        names.push({ family: alen === 4 ? 4 : 6, addr: copyBytes(buf, o, o + alen), names: list });
      }
      o += pad4(rlen);
    }
  }

  private isb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number): void {
    const le = this.le;
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    const id = dv.getUint32(pos + 8, le);
    // statistics for an interface that does not exist are dropped, not an error: they are not packets
    if (id >= this.ifaces.length) return;
    const iface = this.ifaces[id]!;
    countToSecNsec(dv.getUint32(pos + 12, le), dv.getUint32(pos + 16, le), iface.scale, iface.tsOffset, this.ts);
    const st: InterfaceStats = {
      iface: iface.global, tsSec: this.ts.tsSec, tsNsec: this.ts.tsNsec, ifRecv: undefined, ifDrop: undefined,
      filterAccept: undefined, osDrop: undefined, usrDeliv: undefined, comments: [],
    };
    const u64 = (o: number): number => dv.getUint32(o + (le ? 4 : 0), le) * 4294967296 + dv.getUint32(o + (le ? 0 : 4), le);
    this.forOptions(dv, pos + 20, pos + blen - 4, fileOffset, (code, o, len) => {
      if (code === OPT_COMMENT) st.comments.push(decodeUtf8(buf, o, o + len));
      else if (len >= 8) {
        if (code === 4) st.ifRecv = u64(o);
        else if (code === 5) st.ifDrop = u64(o);
        else if (code === 6) st.filterAccept = u64(o);
        else if (code === 7) st.osDrop = u64(o);
        else if (code === 8) st.usrDeliv = u64(o);
      }
    });
    this.meta!.stats!.push(st);
  }

  private dsb(buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number): void {
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    if (blen < 20) throw damagedError(this.name, `pcapng: total block length ${blen} of a DSB is too small (< 20)`, fileOffset);
    const type = dv.getUint32(pos + 8, this.le);
    const len = dv.getUint32(pos + 12, this.le);
    // tshark reports secrets longer than their block as a file cut short
    if (len > blen - 20) throw truncatedError(this.name, fileOffset);
    this.meta!.secrets!.push({ type, data: copyBytes(buf, pos + 16, pos + 16 + len), offset: fileOffset });
  }

  private custom(type: number, buf: Uint8Array, dv: DataView, pos: number, blen: number, fileOffset: number, onFrame: FrameCallback): boolean {
    this.checkTrailer(dv, pos, blen, blen - 4, fileOffset);
    if (!this.customBlocks || blen < 16) return true;
    const rec = this.rec;
    rec.buf = buf;
    rec.dv = dv;
    rec.num = ++this.frames;
    rec.tsSec = 0;
    rec.tsNsec = 0;
    rec.hasTs = false;
    rec.caplen = rec.len = blen - 16;
    rec.linktype = -1;
    rec.iface = -1;
    rec.off = pos + 12;
    rec.fileOffset = fileOffset;
    rec.blockType = type;
    rec.section = this.section;
    rec.customPen = dv.getUint32(pos + 8, this.le);
    rec.comments = undefined;
    rec.epbFlags = undefined;
    rec.dropCount = undefined;
    return onFrame(rec) !== false;
  }

  /**
   * opt_comment (1), epb_flags (2), epb_dropcount (4) of an EPB/OPB into optComments / optFlags /
   * optDrops. Inline loop (no
   * closure): captures written on some systems carry epb_flags on every packet.
   */
  private readPacketOptions(buf: Uint8Array, dv: DataView, start: number, end: number, fileOffset: number): void {
    const le = this.le;
    let comments: string[] | undefined;
    let flags: number | undefined;
    let drops: number | undefined;
    let o = start;
    while (end - o >= 4) {
      const code = dv.getUint16(o, le);
      const len = dv.getUint16(o + 2, le);
      o += 4;
      if (code === OPT_ENDOFOPT) break;
      if (o + len > end) throw damagedError(this.name, `pcapng: Not enough data to handle option of length ${len}`, fileOffset);
      if (code === OPT_COMMENT) (comments ??= []).push(decodeUtf8(buf, o, o + len));
      else if (code === 2 && len >= 4) flags = dv.getUint32(o, le);
      else if (code === 4 && len >= 8) drops = dv.getUint32(o + (le ? 4 : 0), le) * 4294967296 + dv.getUint32(o + (le ? 0 : 4), le);
      o += pad4(len);
    }
    this.optComments = comments;
    this.optFlags = flags;
    this.optDrops = drops;
  }

  /** Calls fn(code, valueOffset, valueLength) for each option in [start, end). */
  private forOptions(dv: DataView, start: number, end: number, fileOffset: number, fn: (code: number, o: number, len: number) => void): void {
    const le = this.le;
    let o = start;
    while (end - o >= 4) {
      const code = dv.getUint16(o, le);
      const len = dv.getUint16(o + 2, le);
      o += 4;
      if (code === OPT_ENDOFOPT) break;
      if (o + len > end) throw damagedError(this.name, `pcapng: Not enough data to handle option of length ${len}`, fileOffset);
      fn(code, o, len);
      o += pad4(len);
    }
  }

  private tooSmall(blen: number, what: string, caplen: number, fileOffset: number): Error {
    return damagedError(this.name, `pcapng: total block length ${blen} of ${what} is too small for ${caplen} bytes of packet data`, fileOffset);
  }

  private badIface(id: number, fileOffset: number): Error {
    return damagedError(this.name, `pcapng: interface index ${id} is not less than section interface count ${this.ifaces.length}`, fileOffset);
  }

  end(): void {
    if (this.stopped) return;
    if (this.carry.len === 0 && this.meta !== undefined) return;
    if (this.meta === undefined) {
      if (this.carry.len === 0) return;
      throw truncatedHeaderError(this.name, 0);
    }
    // tshark: a cut IDB or SHB is "packet or other data"; a cut packet (or other block) "packet"
    const c = this.carry;
    if (c.len >= 4) {
      const type = c.dv.getUint32(0, this.le);
      if (type === SHB_TYPE || type === IDB_TYPE) throw truncatedHeaderError(this.name, c.fileOffset);
    }
    throw truncatedError(this.name, c.fileOffset);
  }
}
