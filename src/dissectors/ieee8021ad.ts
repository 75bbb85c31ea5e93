// ieee8021ad: IEEE 802.1ad provider bridging S-tag (EtherType 0x88a8, "Q-in-Q").
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | PCP |D|       S-VLAN ID       |   EtherType (usually 0x8100)  |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// tshark shows the S-tag's fields as plain numbers, and its EtherType and trailer under the
// 802.1ah field names (`ieee8021ah.etype`, `ieee8021ah.trailer`); the inner C-tag is an ordinary
// 802.1Q tag.

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { dissectTagPayload, hf as hf_vlan } from './vlan.js';

const TCI = 0;
const TYPE = 2;
const HEADER_LEN = TYPE + 2;

export const proto_ieee8021ad = registerProtocol('ieee8021ad', 'IEEE 802.1ad', 'IEEE 802.1AD');

const hf = {
  priority: f('ieee8021ad.priority', 'Priority', FT.UINT16, { mask: 0xe000 }),
  dei: f('ieee8021ad.dei', 'DEI', FT.UINT16, { mask: 0x1000, blurb: 'Drop Eligibility' }),
  id: f('ieee8021ad.id', 'ID', FT.UINT16, { mask: 0xfff, blurb: 'Vlan ID' }),
};
// The S-tag's EtherType field belongs to the 802.1ah protocol in tshark's registry.
registerProtocol('ieee8021ah', 'IEEE 802.1ah', 'IEEE 802.1AH');
const hf_etype = f('ieee8021ah.etype', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES });
const hf_trailer = f('ieee8021ah.trailer', 'Trailer', FT.BYTES, { blurb: '802.1ah Trailer' });

function dissectIeee8021ad(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = '802.1ad';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_ieee8021ad, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const tci = p.dv.getUint16(off + TCI);
  const id = tci & 0xfff;
  if (top >= 0 && t.full) t.appendLabel(top, `, ID: ${id}`);
  if (p.cols) p.setInfo(`PRI: ${tci >>> 13}  DROP: ${(tci >>> 12) & 1}  ID: ${id}`);
  t.addNum(top, hf.priority, off + TCI, 2, tci);
  t.addNum(top, hf.dei, off + TCI, 2, tci);
  t.addNum(top, hf.id, off + TCI, 2, tci);
  // an S-tag's trailer is 802.1ah's; its length form uses 802.1Q's field (802.1ad has none)
  dissectTagPayload(p, top, off + TYPE, end, parent, hf_etype, hf_vlan.len, hf_trailer, p.cols ? `ID: ${id}` : '');
  return end - off;
}

export const ieee8021adHandle = registerHandle('ieee8021ad', dissectIeee8021ad);
ethertypeTable.add(0x88a8, ieee8021adHandle);
