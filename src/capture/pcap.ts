// pcap (libpcap) push parser: the classic tcpdump format, either byte order, µs or ns timestamps.
//
//   file header (24 bytes)                     record header (16 bytes), then caplen bytes
//   0  magic        a1b2c3d4 µs / a1b23c4d ns   0  ts_sec   (uint32)
//   4  version      major.minor (2.4)           4  ts_usec / ts_nsec
//   8  thiszone, 12 sigfigs (unused)            8  caplen   (bytes in the file)
//   16 snaplen                                  12 len      (bytes on the wire)
//   20 linktype: low 16 bits LINKTYPE_*, bits 16-25 reserved (must be 0), 26-31 FCS info
//
// Records are read in place from the pushed chunk (one DataView per chunk); only a record cut by
// a chunk boundary is copied (Carry). Files of format version 2.0–2.2 have caplen and len in the
// other order (2.3 has either: swapped when caplen > len), as libpcap and tshark read them.
// Timestamps are kept as tshark keeps them: ts_sec unsigned,
// the fraction as a signed 32-bit count of ns (µs * 1000, wrapping like C int), not normalised.

import { Carry } from './carry.js';
import { damagedError, truncatedError, truncatedHeaderError, unsupportedError } from './errors.js';
import { maxCaplen } from './limits.js';
import type { CaptureParser, FrameCallback, ParserOptions } from './parser.js';
import type { CaptureMeta, FrameRecord } from './types.js';

export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;
const FILE_HEADER_LEN = 24;
const REC_HEADER_LEN = 16;
// record header offsets
const TS_SEC = 0;
const TS_FRAC = 4;
const CAPLEN = 8;
const LEN = 12;

/** A fresh FrameRecord with every field present (one hidden class for all records). */
export function newFrameRecord(): FrameRecord {
  const buf = new Uint8Array(0);
  return {
    num: 0, tsSec: 0, tsNsec: 0, caplen: 0, len: 0, linktype: 0, iface: -1, comments: undefined,
    buf, dv: new DataView(buf.buffer), off: 0, fileOffset: 0, epbFlags: undefined,
    hasTs: true, blockType: 0, section: 0, customPen: undefined, dropCount: undefined,
  };
}

export class PcapParser implements CaptureParser {
  meta: CaptureMeta | undefined = undefined;
  frames = 0;
  private readonly name: string;
  private le = true;
  private nsec = false;
  private linktype = 0;
  private maxCap = 0;
  /** caplen/len order: 0 as written, 1 swapped (version < 2.3), 2 swapped when caplen > len (2.3) */
  private swap = 0;
  /** file offset of the next byte pushed */
  private consumed = 0;
  private readonly carry = new Carry();
  private stopped = false;
  /** The record handed to onFrame, reused: valid only during the callback. */
  private readonly rec: FrameRecord = newFrameRecord();

  constructor(opts: ParserOptions = {}) {
    this.name = opts.name ?? '-';
  }

  push(chunk: Uint8Array, onFrame: FrameCallback): boolean {
    if (this.stopped) return false;
    const n = chunk.length;
    const base = this.consumed;
    this.consumed += n;
    let pos = 0;
    if (this.meta === undefined || this.carry.len > 0) {
      pos = this.pushCarry(chunk, onFrame);
      if (pos < 0 || this.stopped) return !this.stopped;
    }
    const dv = new DataView(chunk.buffer, chunk.byteOffset, n);
    const le = this.le;
    const nsec = this.nsec;
    const maxCap = this.maxCap;
    const swap = this.swap;
    const rec = this.rec;
    rec.buf = chunk;
    rec.dv = dv;
    while (n - pos >= REC_HEADER_LEN) {
      let caplen = dv.getUint32(pos + CAPLEN, le);
      let len = dv.getUint32(pos + LEN, le);
      if (swap !== 0 && (swap === 1 || caplen > len)) {
        const t = caplen;
        caplen = len;
        len = t;
      }
      if (caplen > maxCap) throw this.tooBig(caplen, base + pos);
      const next = pos + REC_HEADER_LEN + caplen;
      if (next > n) break;
      rec.num = ++this.frames;
      rec.tsSec = dv.getUint32(pos + TS_SEC, le);
      rec.tsNsec = nsec ? dv.getInt32(pos + TS_FRAC, le) : Math.imul(dv.getUint32(pos + TS_FRAC, le), 1000);
      rec.caplen = caplen;
      rec.len = len;
      rec.off = pos + REC_HEADER_LEN;
      rec.fileOffset = base + pos;
      pos = next;
      if (onFrame(rec) === false) {
        this.stopped = true;
        return false;
      }
    }
    if (pos < n) this.carry.start(chunk, pos, n, base + pos);
    return true;
  }

  /**
   * Completes the file header or the record cut by the previous chunk boundary. Returns the chunk
   * position where in-place parsing resumes, or -1 when the chunk was used up.
   */
  private pushCarry(chunk: Uint8Array, onFrame: FrameCallback): number {
    const c = this.carry;
    let pos = 0;
    if (this.meta === undefined) {
      c.reserve(FILE_HEADER_LEN);
      pos = c.fill(chunk, pos, FILE_HEADER_LEN);
      if (c.len < FILE_HEADER_LEN) return -1;
      this.parseHeader(c.dv);
      c.clear();
      return pos;
    }
    c.reserve(REC_HEADER_LEN);
    pos = c.fill(chunk, pos, REC_HEADER_LEN);
    if (c.len < REC_HEADER_LEN) return -1;
    let caplen = c.dv.getUint32(CAPLEN, this.le);
    let len = c.dv.getUint32(LEN, this.le);
    if (this.swap !== 0 && (this.swap === 1 || caplen > len)) {
      const t = caplen;
      caplen = len;
      len = t;
    }
    if (caplen > this.maxCap) throw this.tooBig(caplen, c.fileOffset);
    const total = REC_HEADER_LEN + caplen;
    c.reserve(total);
    pos = c.fill(chunk, pos, total);
    if (c.len < total) return -1;
    const rec = this.rec;
    rec.buf = c.buf;
    rec.dv = c.dv;
    rec.num = ++this.frames;
    rec.tsSec = c.dv.getUint32(TS_SEC, this.le);
    rec.tsNsec = this.nsec ? c.dv.getInt32(TS_FRAC, this.le) : Math.imul(c.dv.getUint32(TS_FRAC, this.le), 1000);
    rec.caplen = caplen;
    rec.len = len;
    rec.off = REC_HEADER_LEN;
    rec.fileOffset = c.fileOffset;
    c.len = 0;
    if (onFrame(rec) === false) this.stopped = true;
    c.clear();
    return pos;
  }

  private parseHeader(dv: DataView): void {
    const magicBE = dv.getUint32(0, false);
    const magicLE = dv.getUint32(0, true);
    this.le = magicLE === PCAP_MAGIC_US || magicLE === PCAP_MAGIC_NS;
    this.nsec = (this.le ? magicLE : magicBE) === PCAP_MAGIC_NS;
    const le = this.le;
    const major = dv.getUint16(4, le);
    const minor = dv.getUint16(6, le);
    if (major < 2) throw unsupportedError(this.name, `pcap: major version ${major} unsupported`, 4);
    this.swap = major === 2 && minor < 3 ? 1 : major === 2 && minor === 3 ? 2 : 0;
    const snaplen = dv.getUint32(16, le);
    const word = dv.getUint32(20, le);
    if ((word & 0x03ff0000) !== 0) {
      throw unsupportedError(this.name, `pcap: network type reserved field not zero (0x${(word & 0x03ff0000).toString(16).padStart(8, '0')})`, 20);
    }
    this.linktype = word & 0xffff;
    this.maxCap = maxCaplen(this.linktype);
    this.rec.linktype = this.linktype;
    this.rec.iface = -1;
    this.meta = {
      format: this.nsec ? 'pcap-nsec' : 'pcap',
      bigEndian: !le,
      compressed: false,
      interfaces: [{
        linktype: this.linktype, snaplen, name: undefined, description: undefined,
        tsUnitsPerSec: this.nsec ? 1e9 : 1e6, tsOffset: 0, filter: undefined, os: undefined,
        section: 0, idInSection: 0, hardware: undefined, fcsLen: undefined, speed: undefined,
      }],
      shbHardware: undefined, shbOs: undefined, shbUserAppl: undefined, shbComments: [],
      versionMajor: major, versionMinor: minor,
      sections: [], nameRecords: [], secrets: [], stats: [],
    };
  }

  private tooBig(caplen: number, offset: number): Error {
    return damagedError(this.name, `pcap: File has ${caplen}-byte packet, bigger than maximum of ${this.maxCap}`, offset);
  }

  end(): void {
    if (this.stopped) return;
    if (this.meta === undefined) {
      // an empty input is an empty capture (tshark prints nothing and succeeds)
      if (this.carry.len > 0) throw truncatedHeaderError(this.name, 0);
      return;
    }
    if (this.carry.len > 0) throw truncatedError(this.name, this.carry.fileOffset);
  }
}
