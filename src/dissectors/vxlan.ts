// vxlan: Virtual eXtensible Local Area Network (RFC 7348; GBP extension draft-smith-vxlan-group-policy),
// UDP port 4789. Carries an Ethernet frame (without FCS).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          VXLAN Network Identifier (VNI)       |   Reserved    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

import { FT, Base, f, registerProtocol, TFS_TRUE } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { ethNoFcsHandle } from './eth.js';

const FLAGS = 0;
const GBP = 2;
const VNI = 4;
const RESERVED = 7;
const HEADER_LEN = RESERVED + 1;

export const proto_vxlan = registerProtocol('vxlan', 'Virtual eXtensible Local Area Network', 'VXLAN');

const hf = {
  flags: f('vxlan.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  flag_g: f('vxlan.flag_g', 'GBP Extension', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Defined', 'Not defined'] }),
  flag_i: f('vxlan.flag_i', 'VXLAN Network ID (VNI)', FT.BOOLEAN, { boolBits: 16, mask: 0x800, tfs: TFS_TRUE }),
  flag_d: f('vxlan.flag_d', "Don't Learn", FT.BOOLEAN, { boolBits: 16, mask: 0x40, tfs: TFS_TRUE }),
  flag_a: f('vxlan.flag_a', 'Policy Applied', FT.BOOLEAN, { boolBits: 16, mask: 0x8, tfs: TFS_TRUE }),
  flags_reserved: f('vxlan.flags_reserved', 'Reserved(R)', FT.UINT16, { base: Base.HEX, mask: 0x77b7 }),
  gbp: f('vxlan.gbp', 'Group Policy ID', FT.UINT16),
  vni: f('vxlan.vni', 'VXLAN Network Identifier (VNI)', FT.UINT24),
  reserved8: f('vxlan.reserved8', 'Reserved', FT.UINT8),
};

function dissectVxlan(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'VXLAN';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_vxlan, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const fl = p.dv.getUint16(off + FLAGS);
  const fi = t.addNum(top, hf.flags, off + FLAGS, 2, fl);
  if (fi >= 0 && t.full) {
    let s = '';
    if (fl & 0x8000) s += ', GBP Extension';
    if (fl & 0x800) s += ', VXLAN Network ID (VNI)';
    if (fl & 0x40) s += ", Don't Learn";
    if (fl & 0x8) s += ', Policy Applied';
    t.appendLabel(fi, s);
  }
  t.addNum(fi, hf.flag_g, off + FLAGS, 2, fl);
  t.addNum(fi, hf.flag_i, off + FLAGS, 2, fl);
  t.addNum(fi, hf.flag_d, off + FLAGS, 2, fl);
  t.addNum(fi, hf.flag_a, off + FLAGS, 2, fl);
  t.addNum(fi, hf.flags_reserved, off + FLAGS, 2, fl);
  t.addNum(top, hf.gbp, off + GBP, 2, p.dv.getUint16(off + GBP));
  t.addNum(top, hf.vni, off + VNI, 3, p.dv.getUint32(off + VNI) >>> 8);
  t.addNum(top, hf.reserved8, off + RESERVED, 1, p.buf[off + RESERVED]!);
  if (off + HEADER_LEN < end) p.call(ethNoFcsHandle, off + HEADER_LEN, end, parent);
  return end - off;
}

export const vxlanHandle = registerHandle('vxlan', dissectVxlan);
udpPortTable.add(4789, vxlanHandle);
