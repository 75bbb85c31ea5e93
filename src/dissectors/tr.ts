// tr: IEEE 802.5 Token Ring MAC header (pcap link type 6).
//
// +--------+--------+-----------------+-----------------+-------------------+------------------
// | AC (1) | FC (1) | Destination (6) | Source (6)      | RIF (2-30, when   | LLC (LLC frames) …
// |        |        |                 | bit 0x80 = RIF  | the source's top  |
// +--------+--------+-----------------+-----------------+ bit is set)       +------------------
// AC: priority (3), token/frame (1), monitor count (1), reservation (3).
// FC: frame type (2: 0 MAC, 1 LLC), PCF (low 4 bits). The RIF length is the low 5 bits of its
// first byte; the source address is shown with the routing bit cleared.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { linktypeTable } from './frame.js';
import { llcHandle } from './llc.js';
import { callData } from './data.js';

const AC = 0;
const FC = 1;
const DST = 2;
const SRC = 8;
const HEADER_LEN = SRC + 6;
const SOURCE_ROUTED = 0x80;
const FRAME_TYPE_LLC = 1;

export const proto_tr = registerProtocol('tr', 'Token-Ring', 'TR');

const FRAME_TYPE_NAMES = vals({ 0: 'MAC', 1: 'LLC', 2: 'Reserved' });
const PCF_NAMES = vals({
  0: 'Normal buffer', 1: 'Express buffer', 2: 'Purge', 3: 'Claim Token', 4: 'Beacon', 5: 'Active Monitor Present',
  6: 'Standby Monitor Present',
});

const hf = {
  ac: f('tr.ac', 'Access Control', FT.UINT8, { base: Base.HEX }),
  priority: f('tr.priority', 'Priority', FT.UINT8, { mask: 0xe0 }),
  frame: f('tr.frame', 'Frame', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Frame', 'Token'] }),
  monitor_cnt: f('tr.monitor_cnt', 'Monitor Count', FT.UINT8, { mask: 0x8 }),
  priority_reservation: f('tr.priority_reservation', 'Priority Reservation', FT.UINT8, { mask: 0x7 }),
  fc: f('tr.fc', 'Frame Control', FT.UINT8, { base: Base.HEX }),
  frame_type: f('tr.frame_type', 'Frame Type', FT.UINT8, { mask: 0xc0, vals: FRAME_TYPE_NAMES }),
  frame_pcf: f('tr.frame_pcf', 'Frame PCF', FT.UINT8, { mask: 0xf, vals: PCF_NAMES }),
  dst: f('tr.dst', 'Destination', FT.ETHER),
  src: f('tr.src', 'Source', FT.ETHER),
  addr: f('tr.addr', 'Source or Destination Address', FT.ETHER),
  sr: f('tr.sr', 'Source Routed', FT.BOOLEAN),
  rif_bytes: f('tr.rif_bytes', 'RIF Bytes', FT.UINT8),
};

function dissectTr(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'TR';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_tr, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const ac = b[off + AC]!;
  const fc = b[off + FC]!;
  const full = t.full;
  const ai = t.addNum(top, hf.ac, off + AC, 1, ac);
  if (ai >= 0 && full) t.appendLabel(ai, ac & 0x10 ? ', Frame' : ', Token');
  for (const h of [hf.priority, hf.frame, hf.monitor_cnt, hf.priority_reservation]) t.addNum(ai, h, off + AC, 1, ac);
  const ftype = fc >>> 6;
  const fi = t.addNum(top, hf.fc, off + FC, 1, fc);
  if (fi >= 0 && full) t.appendLabel(fi, `, Frame Type: ${FRAME_TYPE_NAMES.get(ftype) ?? 'Unknown'}, Frame PCF: ${PCF_NAMES.get(fc & 0xf) ?? 'Unknown'}`);
  t.addNum(fi, hf.frame_type, off + FC, 1, fc);
  t.addNum(fi, hf.frame_pcf, off + FC, 1, fc);
  const routed = (b[off + SRC]! & SOURCE_ROUTED) !== 0;
  const src = b.slice(off + SRC, off + SRC + 6);
  src[0] = src[0]! & ~SOURCE_ROUTED;
  p.dst = formatMac(b, off + DST);
  p.src = formatMac(src);
  t.addBytes(top, hf.dst, off + DST, 6);
  t.addObj(top, hf.src, off + SRC, 6, src);
  t.hide(t.addBytes(top, hf.addr, off + DST, 6));
  t.hide(t.addObj(top, hf.addr, off + SRC, 6, src));
  t.addNum(top, hf.sr, off + SRC, 1, routed ? 1 : 0);
  let o = off + HEADER_LEN;
  if (routed) {
    if (!p.need(o, 1, end)) return end - off;
    const rif = b[o]! & 0x1f;
    t.addNum(top, hf.rif_bytes, o, 1, rif);
    if (!p.need(o, rif, end)) return end - off;
    o += rif;
  }
  t.setEnd(top, o);
  if (o >= end) return end - off;
  if (ftype === FRAME_TYPE_LLC) p.call(llcHandle, o, end, parent);
  else callData(p, o, end, parent);
  return end - off;
}

export const trHandle = registerHandle('tr', dissectTr);
linktypeTable.add(6, trHandle);
