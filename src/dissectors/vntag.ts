// vntag: Cisco VN-Tag (IEEE 802.1Qbh draft), EtherType 0x8926.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |D|P|        Destination VIF            |L|R|Ver|  Source VIF   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     EtherType / Length        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// The payload is handled like a VLAN tag's (EtherType dispatch or 802.3 length + LLC, then the
// frame's padding/trailer under the tag).

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { dissectTagPayload } from './vlan.js';

const TAG = 0;
const TYPE = 4;
const HEADER_LEN = TYPE + 2;

export const proto_vntag = registerProtocol('vntag', 'VN-Tag', 'VNTAG');

const hf = {
  etype: f('vntag.etype', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  dir: f('vntag.dir', 'Direction', FT.BOOLEAN, { boolBits: 32, mask: 0x80000000, tfs: ['From Bridge', 'To Bridge'] }),
  ptr: f('vntag.ptr', 'Pointer', FT.BOOLEAN, { boolBits: 32, mask: 0x40000000, tfs: ['vif_list_id', 'vif_id'] }),
  dst: f('vntag.dst', 'Destination', FT.UINT32, { mask: 0x3fff0000 }),
  looped: f('vntag.looped', 'Looped', FT.BOOLEAN, { boolBits: 32, mask: 0x8000, tfs: ['Yes', 'No'] }),
  r: f('vntag.r', 'Reserved', FT.UINT32, { mask: 0x4000 }),
  version: f('vntag.version', 'Version', FT.UINT32, { mask: 0x3000 }),
  src: f('vntag.src', 'Source', FT.UINT32, { mask: 0xfff }),
  len: f('vntag.len', 'Length', FT.UINT16),
  trailer: f('vntag.trailer', 'Trailer', FT.BYTES),
};

function dissectVntag(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'VNTAG';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_vntag, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const w = p.dv.getUint32(off + TAG);
  for (const h of [hf.dir, hf.ptr, hf.dst, hf.looped, hf.r, hf.version, hf.src]) t.addNum(top, h, off + TAG, 4, w);
  dissectTagPayload(p, top, off + TYPE, end, parent, hf.etype, hf.len, hf.trailer, 'VN-Tag');
  return end - off;
}

export const vntagHandle = registerHandle('vntag', dissectVntag);
ethertypeTable.add(0x8926, vntagHandle);
