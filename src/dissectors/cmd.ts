// cmd: Cisco MetaData (EtherType 0x8909; also GRE protocol type 0x8909), the TrustSec SGT tag.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Version    |    Length     |            Options            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |              SGT              |      EtherType of payload     |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// In GRE the payload EtherType comes first (the GRE header carries 0x8909 in place of the outer
// EtherType), then version … SGT, as tshark shows it. The payload dispatches through the ethertype
// table without an `ethertype` layer (`gre:cmd:ip`).

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { greProtoTable } from './gre.js';
import { callData } from './data.js';

const VERSION = 0;
const LENGTH = 1;
const OPTIONS = 2;
const SGT = 4;
const TYPE = 6;
const HEADER_LEN = TYPE + 2;

export const proto_cmd = registerProtocol('cmd', 'Cisco MetaData', 'CMD');

const hf = {
  version: f('cmd.version', 'Version', FT.UINT8),
  length: f('cmd.length', 'Length', FT.UINT8),
  options: f('cmd.options', 'Options', FT.UINT16, { base: Base.HEX }),
  sgt: f('cmd.sgt', 'SGT', FT.UINT16),
  type: f('cmd.type', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
};

function dissectCmdAt(p: Packet, off: number, end: number, parent: number, typeFirst: boolean): number {
  const t = p.tree;
  p.proto = 'CMD';
  const top = p.addProto(parent, proto_cmd, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const typeOff = typeFirst ? off : off + TYPE;
  const base = typeFirst ? off + 2 - VERSION : off;
  const type = p.dv.getUint16(typeOff);
  if (typeFirst) t.addNum(top, hf.type, typeOff, 2, type);
  t.addNum(top, hf.version, base + VERSION, 1, p.buf[base + VERSION]!);
  t.addNum(top, hf.length, base + LENGTH, 1, p.buf[base + LENGTH]!);
  t.addNum(top, hf.options, base + OPTIONS, 2, p.dv.getUint16(base + OPTIONS));
  t.addNum(top, hf.sgt, base + SGT, 2, p.dv.getUint16(base + SGT));
  if (!typeFirst) t.addNum(top, hf.type, typeOff, 2, type);
  const o = off + HEADER_LEN;
  const n = ethertypeTable.dissect(type, p, o, end, parent);
  if (n === 0 && !p.stopped) callData(p, o, end, parent);
  return end - off;
}

export const cmdHandle = registerHandle('cmd', (p, off, end, parent) => dissectCmdAt(p, off, end, parent, false));
ethertypeTable.add(0x8909, cmdHandle);
greProtoTable.add(0x8909, registerHandle('cmd.gre', (p, off, end, parent) => dissectCmdAt(p, off, end, parent, true)));
