// realtek: Realtek Layer 2 Protocols, EtherType 0x8899.
//
//  0                   1
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  Protocol     |  payload …
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The first byte selects the Realtek protocol (RRCP, RLDP, …). None of them is decoded yet: like
// tshark for the protocols it does not know, the whole payload is shown as one "Unknown packet".

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';

const ETHERTYPE_REALTEK = 0x8899;

export const proto_realtek = registerProtocol('realtek', 'Realtek Layer 2 Protocols', 'Realtek');

const hf = {
  packet: f('realtek.packet', 'Unknown packet', FT.BYTES),
};

function dissectRealtek(p: Packet, off: number, end: number, parent: number): number {
  p.proto = 'Realtek';
  p.curProto = 'Realtek';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_realtek, off, end);
  if (end > off) p.tree.addBytes(top, hf.packet, off, Math.min(end, p.capEnd) - off);
  return end - off;
}

export const realtekHandle = registerHandle('realtek', dissectRealtek);
ethertypeTable.add(ETHERTYPE_REALTEK, realtekHandle);
