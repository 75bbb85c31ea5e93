// A minimal pcap / pcapng / gzip reader used by the test harness only until the project's reader
// (src/node/read.ts) is available; frames.ts picks the real one when it exists. Whole-file, not
// streaming; errors are CaptureError values with the kinds the real reader uses.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CaptureError, type FrameRecord } from '../capture/types.js';

/** tshark's default maximum record size (WTAP_MAX_PACKET_SIZE_STANDARD). */
const MAX_RECORD = 262144;

/** Link types tshark 4.0 refuses (the ones seen in the corpus); the real reader has the full list. */
function unsupportedLinktype(lt: number): boolean {
  const l = lt & 0xffff; // the upper bits carry FCS information
  return l === 132 || l === 182 || l === 284 || l === 285;
}

/**
 * Reads a whole capture. `digits` receives, per interface id (-1 for pcap), the number of decimal
 * digits of its timestamps (6 for µs, 9 for ns), which tshark uses for the Time column.
 */
export function readCaptureLite(path: string, onFrame: (r: FrameRecord) => void, digits: Map<number, number> = new Map()): void {
  let buf: Uint8Array;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new CaptureError(`${path}: ${(e as Error).message}`, 'io');
  }
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf, { finishFlush: 2 /* Z_SYNC_FLUSH: accept truncated streams */ });
    } catch (e) {
      throw new CaptureError(`${path}: gzip: ${(e as Error).message}`, 'truncated');
    }
  }
  // own the bytes in a fresh ArrayBuffer (Buffer pools share theirs)
  const own = new Uint8Array(buf.length);
  own.set(buf);
  const dv = new DataView(own.buffer);
  if (own.length < 4) {
    if (own.length === 0) throw new CaptureError(`${path}: empty file`, 'not-capture');
    throw new CaptureError(`${path}: not a capture file`, 'not-capture');
  }
  const m = dv.getUint32(0, false);
  if (m === 0x0a0d0d0a) return readPcapng(path, own, dv, onFrame, digits);
  if (m === 0xa1b2c3d4 || m === 0xd4c3b2a1 || m === 0xa1b23c4d || m === 0x4d3cb2a1) return readPcap(path, own, dv, onFrame, digits);
  throw new CaptureError(`${path}: not a capture file (magic 0x${m.toString(16)})`, 'not-capture');
}

function readPcap(path: string, buf: Uint8Array, dv: DataView, onFrame: (r: FrameRecord) => void, digits: Map<number, number>): void {
  const m = dv.getUint32(0, false);
  const le = m === 0xd4c3b2a1 || m === 0x4d3cb2a1;
  const nsec = m === 0xa1b23c4d || m === 0x4d3cb2a1;
  digits.set(-1, nsec ? 9 : 6);
  if (buf.length < 24) throw new CaptureError(`${path}: pcap header cut short`, 'truncated', 0);
  const linktype = dv.getUint32(20, le);
  if (unsupportedLinktype(linktype)) {
    throw new CaptureError(`${path}: pcap: network type ${linktype} unknown or unsupported`, 'unsupported', 20);
  }
  let off = 24;
  let num = 0;
  while (off < buf.length) {
    if (off + 16 > buf.length) throw new CaptureError(`${path}: cut short in the middle of a packet header at ${off}`, 'truncated', off);
    const sec = dv.getUint32(off, le);
    const frac = dv.getUint32(off + 4, le);
    const caplen = dv.getUint32(off + 8, le);
    const len = dv.getUint32(off + 12, le);
    if (caplen > MAX_RECORD) {
      throw new CaptureError(`${path}: pcap: File has ${caplen}-byte packet, bigger than maximum of ${MAX_RECORD} (offset ${off})`, 'bad-record', off);
    }
    if (off + 16 + caplen > buf.length) throw new CaptureError(`${path}: cut short in the middle of a packet at ${off}`, 'truncated', off);
    onFrame({
      num: ++num, tsSec: sec, tsNsec: nsec ? frac : frac * 1000, caplen, len: Math.max(len, caplen),
      linktype, iface: -1, comments: undefined, buf, dv, off: off + 16, fileOffset: off, epbFlags: undefined,
    });
    off += 16 + caplen;
  }
}

interface Iface { linktype: number; snaplen: number; units: bigint; tsOffset: bigint }

function readPcapng(path: string, buf: Uint8Array, dv: DataView, onFrame: (r: FrameRecord) => void, digits: Map<number, number>): void {
  let off = 0;
  let le = true;
  let ifaces: Iface[] = [];
  let ifaceBase = 0;
  let allIfaces = 0;
  let num = 0;
  while (off < buf.length) {
    if (off + 12 > buf.length) throw new CaptureError(`${path}: block header cut short at ${off}`, 'truncated', off);
    const type = dv.getUint32(off, le);
    if (type === 0x0a0d0d0a) {
      const bom = dv.getUint32(off + 8, true);
      if (bom === 0x1a2b3c4d) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else throw new CaptureError(`${path}: pcapng: bad byte-order magic at ${off}`, 'bad-record', off);
      const major = dv.getUint16(off + 12, le);
      const minor = dv.getUint16(off + 14, le);
      if (major !== 1 || minor !== 0) {
        throw new CaptureError(`${path}: pcapng: unknown SHB version ${major}.${minor}`, 'unsupported', off);
      }
      ifaceBase = allIfaces;
      ifaces = [];
    }
    const blen = dv.getUint32(off + 4, le);
    if (blen < 12 || blen % 4 !== 0) throw new CaptureError(`${path}: pcapng: bad block length ${blen} at ${off}`, 'bad-record', off);
    if (off + blen > buf.length) throw new CaptureError(`${path}: cut short in the middle of a block at ${off}`, 'truncated', off);
    const body = off + 8;
    const bend = off + blen - 4;
    switch (type) {
      case 1: { // IDB
        const linktype = dv.getUint16(body, le);
        if (unsupportedLinktype(linktype)) {
          throw new CaptureError(`${path}: pcapng: network type ${linktype} unknown or unsupported`, 'unsupported', off);
        }
        const ifc: Iface = { linktype, snaplen: dv.getUint32(body + 4, le), units: 1000000n, tsOffset: 0n };
        for (let o = body + 8; o + 4 <= bend;) {
          const code = dv.getUint16(o, le);
          const olen = dv.getUint16(o + 2, le);
          if (code === 0) break;
          if (code === 9 && olen >= 1) {
            const r = buf[o + 4]!;
            ifc.units = r & 0x80 ? 1n << BigInt(r & 0x7f) : 10n ** BigInt(r);
          } else if (code === 14 && olen >= 8) {
            ifc.tsOffset = le ? dv.getBigInt64(o + 4, true) : dv.getBigInt64(o + 4, false);
          }
          o += 4 + ((olen + 3) & ~3);
        }
        ifaces.push(ifc);
        digits.set(allIfaces, Math.min(9, Math.ceil(Math.log10(Number(ifc.units)) - 1e-9)));
        allIfaces++;
        break;
      }
      case 6: case 2: { // EPB, obsolete PB
        const id = type === 6 ? dv.getUint32(body, le) : dv.getUint16(body, le);
        const ifc = ifaces[id];
        if (!ifc) throw new CaptureError(`${path}: pcapng: packet for unknown interface ${id} at ${off}`, 'bad-record', off);
        const hi = dv.getUint32(body + 4, le);
        const lo = dv.getUint32(body + 8, le);
        const caplen = dv.getUint32(body + 12, le);
        const len = dv.getUint32(body + 16, le);
        const data = body + 20;
        if (data + caplen > bend) throw new CaptureError(`${path}: pcapng: packet data past its block at ${off}`, 'bad-record', off);
        const comments: string[] = [];
        let flags: number | undefined;
        for (let o = data + ((caplen + 3) & ~3); o + 4 <= bend;) {
          const code = dv.getUint16(o, le);
          const olen = dv.getUint16(o + 2, le);
          if (code === 0) break;
          if (code === 1) comments.push(new TextDecoder().decode(buf.subarray(o + 4, o + 4 + olen)));
          if (code === 2 && olen === 4) flags = dv.getUint32(o + 4, le);
          o += 4 + ((olen + 3) & ~3);
        }
        const units = (BigInt(hi) << 32n) | BigInt(lo);
        const sec = units / ifc.units + ifc.tsOffset;
        const ns = ((units % ifc.units) * 1000000000n) / ifc.units;
        onFrame({
          num: ++num, tsSec: Number(sec), tsNsec: Number(ns), caplen, len: Math.max(len, caplen), linktype: ifc.linktype,
          iface: ifaceBase + id, comments: comments.length ? comments : undefined, buf, dv, off: data, fileOffset: off, epbFlags: flags,
        });
        break;
      }
      case 3: { // SPB
        const ifc = ifaces[0];
        if (!ifc) throw new CaptureError(`${path}: pcapng: simple packet without interface at ${off}`, 'bad-record', off);
        const len = dv.getUint32(body, le);
        let caplen = Math.min(len, bend - (body + 4));
        if (ifc.snaplen && caplen > ifc.snaplen) caplen = ifc.snaplen;
        onFrame({
          num: ++num, tsSec: 0, tsNsec: 0, caplen, len, linktype: ifc.linktype, iface: ifaceBase,
          comments: undefined, buf, dv, off: body + 4, fileOffset: off, epbFlags: undefined,
        });
        break;
      }
      default:
        break;
    }
    off += blen;
  }
}
