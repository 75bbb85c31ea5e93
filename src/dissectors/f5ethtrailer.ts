// f5ethtrailer: the F5 BIG-IP Ethernet trailer that `tcpdump` on a BIG-IP appends after each
// frame's payload ("noise" details), found where the Ethernet trailer would be.
//
// A sequence of records, each: | Type (1) | Length (1, bytes after this field) | Version (1) | … |
// Type 1 "low details", version 0:
// | 1 | 20 | 0 | Ingress (1) | Slot, 0-based (1) | TMM (1) | VIP name (16, NUL-padded) |
// Types 2 and 3 (medium / high details: flow IDs, peer addresses) are shown as data here.
// Claimed only when the records cover the trailer exactly (a strict form of tshark's heuristic),
// and in the one broken shape tshark's heuristic claims and fails on (brokenF5Trailer: fuzzed
// trailers of tcpdump/arp-oobr.pcap). Info gets tshark's `OUT s1/tmm1 : ` prefix from the low
// details.

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ROOT } from '../core/tree.js';
import { latin1z } from './strz.js';

const TYPE = 0;
const LENGTH = 1;
const VERSION = 2;
const REC_HEADER_LEN = 3;
const LOW_INGRESS = 3;
const LOW_SLOT = 4;
const LOW_TMM = 5;
const LOW_VIP = 6;
const LOW_LEN = LOW_VIP + 16;

const TYPE_LOW = 1;
const TYPE_HIGH = 3;

export const proto_f5ethtrailer = registerProtocol('f5ethtrailer', 'F5 Ethernet Trailer Protocol', 'F5 Ethernet trailer');

/** The broken shape: at least this long, … */
const BROKEN_MIN_LEN = 15;
/** … zero but for its last bytes, the first of which is not. */
const BROKEN_TAIL_LEN = 7;

const hf = {
  low: f('f5ethtrailer.low', 'Low Details', FT.NONE),
  medium: f('f5ethtrailer.medium', 'Medium Details', FT.NONE),
  high: f('f5ethtrailer.high', 'High Details', FT.NONE),
  header: f('f5ethtrailer.header', 'F5 Trailer Header', FT.NONE),
  type: f('f5ethtrailer.type', 'Type', FT.UINT16),
  length: f('f5ethtrailer.length', 'Trailer length', FT.UINT16),
  version: f('f5ethtrailer.version', 'Version', FT.UINT16),
  ingress: f('f5ethtrailer.ingress', 'Ingress', FT.BOOLEAN),
  slot: f('f5ethtrailer.slot', 'Slot (0-based)', FT.UINT8),
  tmm: f('f5ethtrailer.tmm', 'TMM (0-based)', FT.UINT8),
  vip: f('f5ethtrailer.vip', 'VIP Name', FT.STRING),
  data: f('f5ethtrailer.data', 'Data', FT.BYTES),
};

/** True when [off, end) is exactly a sequence of version-0 trailer records of types 1-3. */
function covers(b: Uint8Array, off: number, end: number): boolean {
  let o = off;
  while (o + REC_HEADER_LEN <= end) {
    const type = b[o + TYPE]!;
    if (type < TYPE_LOW || type > TYPE_HIGH || b[o + VERSION] !== 0) return false;
    const len = b[o + LENGTH]!;
    if (type === TYPE_LOW && len + 2 !== LOW_LEN) return false;
    o += 2 + len;
  }
  return o === end;
}

/**
 * Tries the F5 trailer on the bytes [off, end) left after a frame's payload (captured bytes only).
 * Returns the bytes claimed (0: not an F5 trailer). The protocol goes at the top level, after the
 * payload's layers.
 */
export function dissectF5Trailer(p: Packet, off: number, end: number): number {
  const b = p.buf;
  if (end > p.capEnd || end - off < LOW_LEN || b[off] !== TYPE_LOW || !covers(b, off, end)) return 0;
  const t = p.tree;
  const full = t.full;
  const top = p.addProto(ROOT, proto_f5ethtrailer, off, end);
  let o = off;
  while (o < end) {
    const type = b[o + TYPE]!;
    const n = 2 + b[o + LENGTH]!;
    const ri = t.addItem(top, type === TYPE_LOW ? hf.low : type === 2 ? hf.medium : hf.high, o, n);
    const hi = t.addItem(ri, hf.header, o, REC_HEADER_LEN);
    if (hi >= 0 && full) t.appendLabel(hi, `, Type: ${type}`);
    t.addNum(hi, hf.type, o + TYPE, 1, type);
    t.addNum(hi, hf.length, o + LENGTH, 1, n - 2);
    t.addNum(hi, hf.version, o + VERSION, 1, 0);
    if (type === TYPE_LOW) {
      const ingress = b[o + LOW_INGRESS]!;
      const slot = b[o + LOW_SLOT]! + 1;
      const tmm = b[o + LOW_TMM]!;
      const ii = t.addNum(ri, hf.ingress, o + LOW_INGRESS, 1, ingress ? 1 : 0);
      if (ii >= 0 && full) t.setLabel(ii, `Ingress: ${ingress ? 'True (IN)' : 'False (OUT)'}`);
      const si = t.addNum(ri, hf.slot, o + LOW_SLOT, 1, slot);
      if (si >= 0 && full) t.setLabel(si, `Slot (1-based): ${slot}`);
      t.addNum(ri, hf.tmm, o + LOW_TMM, 1, tmm);
      t.addStr(ri, hf.vip, o + LOW_VIP, LOW_LEN - LOW_VIP, latin1z(b, o + LOW_VIP, LOW_LEN - LOW_VIP));
      if (p.cols) p.prependInfo(`${ingress ? 'IN ' : 'OUT'} s${slot}/tmm${tmm} : `);
    } else if (n > REC_HEADER_LEN) t.addBytes(ri, hf.data, o + REC_HEADER_LEN, n - REC_HEADER_LEN);
    o += n;
  }
  return end - off;
}

/**
 * tshark's F5 heuristic also claims, then fails on, a trailer of 15 bytes or more that is zero but
 * for its last 7 bytes, the first of them non-zero: the packet ends "[Malformed Packet: F5 Ethernet
 * trailer]" with no F5 item. Learned by varying the trailers of the 31 such frames of
 * tcpdump/arp-oobr.pcap (the non-zero byte at any other place, a shorter trailer, or a trailer
 * Ethernet splits into zero padding and fewer than 15 bytes: not claimed). [off, end) is what
 * follows Ethernet's zero padding (all of it when there is none). True when claimed.
 */
export function brokenF5Trailer(p: Packet, off: number, end: number): boolean {
  const b = p.buf;
  const tail = end - BROKEN_TAIL_LEN;
  if (p.stopped || end - off < BROKEN_MIN_LEN || end > p.capEnd || b[tail] === 0) return false;
  for (let i = off; i < tail; i++) if (b[i] !== 0) return false;
  p.addLayer(proto_f5ethtrailer);
  p.curProto = 'F5 Ethernet trailer';
  p.malformed();
  return true;
}
