// chdlc: Cisco HDLC framing (LINKTYPE_C_HDLC 104).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Address    |    Control    |           Protocol            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The protocol is an EtherType, or a Cisco code (0x8035 SLARP, 0x2000 CDP …) from `chdlc.protocol`.
// A point-to-point link has no addresses: the Source/Destination columns read "N/A".

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, Table } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ethertypeTable } from './ethertype.js';
import { callData } from './data.js';

const ADDRESS = 0;
const CONTROL = 1;
const PROTOCOL = 2;
const HEADER_LEN = 4;
const LINKTYPE_C_HDLC = 104;

export const proto_chdlc = registerProtocol('chdlc', 'Cisco HDLC', 'CHDLC');

const PROTOCOL_NAMES = vals({
  0x2000: 'Cisco Discovery Protocol', 0x0800: 'IP', 0x86dd: 'IPv6', 0x8035: 'SLARP', 0x8038: 'DEC LanBridge',
  0x4242: 'Spanning Tree BPDU', 0x809b: 'Appletalk', 0x80f3: 'AARP', 0x8137: 'Netware IPX/SPX',
  0x6558: 'Transparent Ethernet bridging', 0xfefe: 'OSI', 0x8847: 'MPLS unicast', 0x8848: 'MPLS multicast',
});

const hf = {
  address: f('chdlc.address', 'Address', FT.UINT8, { base: Base.HEX, vals: vals({ 0x0f: 'Unicast', 0x8f: 'Multicast' }) }),
  control: f('chdlc.control', 'Control', FT.UINT8, { base: Base.HEX }),
  protocol: f('chdlc.protocol', 'Protocol', FT.UINT16, { base: Base.HEX, vals: PROTOCOL_NAMES }),
};

/** Cisco HDLC protocol codes that are not EtherTypes' usual dissectors (0x8035 slarp …); tried before the ethertype table. */
export const chdlcTable = new Table('chdlc.protocol', 'Cisco HDLC protocol', 65536);

function dissectChdlc(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'CHDLC';
  p.curProto = 'CHDLC';
  p.src = 'N/A';
  p.dst = 'N/A';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_chdlc, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const type = p.dv.getUint16(off + PROTOCOL);
  t.addNum(top, hf.address, off + ADDRESS, 1, p.buf[off + ADDRESS]!);
  t.addNum(top, hf.control, off + CONTROL, 1, p.buf[off + CONTROL]!);
  t.addNum(top, hf.protocol, off + PROTOCOL, 2, type);
  const payload = off + HEADER_LEN;
  if (payload >= end) return end - off;
  let n = chdlcTable.dissect(type, p, payload, end, parent);
  if (n === 0 && !p.stopped) n = ethertypeTable.dissect(type, p, payload, end, parent);
  if (n === 0 && !p.stopped) callData(p, payload, end, parent);
  return end - off;
}

export const chdlcHandle = registerHandle('chdlc', dissectChdlc);
linktypeTable.add(LINKTYPE_C_HDLC, chdlcHandle);
