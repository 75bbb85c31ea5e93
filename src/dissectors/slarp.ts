// slarp: Cisco Serial Line Address Resolution Protocol, carried in Cisco HDLC (protocol 0x8035).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                         Packet type                           |  0 request, 1 reply, 2 keepalive
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Address (request/reply) / Outgoing sequence          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Netmask (request/reply) / Returned sequence          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Reliability (keepalive)     |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { formatIPv4 } from '../core/format.js';
import { chdlcTable } from './chdlc.js';

const PTYPE = 0;
const WORD1 = 4;
const WORD2 = 8;
const RELIABILITY = 12;
const ADDR_LEN = 12;
const KEEPALIVE_LEN = 14;
const CHDLC_SLARP = 0x8035;

const PTYPE_REQUEST = 0;
const PTYPE_REPLY = 1;
const PTYPE_KEEPALIVE = 2;

export const proto_slarp = registerProtocol('slarp', 'Cisco SLARP', 'SLARP');

const PTYPE_NAMES = vals({ 0: 'Request', 1: 'Reply', 2: 'Line keepalive' });

const hf = {
  ptype: f('slarp.ptype', 'Packet type', FT.UINT32, { vals: PTYPE_NAMES }),
  address: f('slarp.address', 'Address', FT.IPv4),
  netmask: f('slarp.netmask', 'Netmask', FT.IPv4),
  mysequence: f('slarp.mysequence', 'Outgoing sequence number', FT.UINT32),
  yoursequence: f('slarp.yoursequence', 'Returned sequence number', FT.UINT32),
  reliability: f('slarp.reliability', 'Reliability', FT.UINT16, { base: Base.HEX }),
};

const ei_reliability = expertInfo('slarp.reliability.invalid', Group.MALFORMED, Severity.ERROR, 'Reliability must be 0xFFFF');

function dissectSlarp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  p.proto = 'SLARP';
  p.curProto = 'SLARP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_slarp, off, end);
  if (!p.need(off, 4, end)) return end - off;
  const ptype = dv.getUint32(off + PTYPE);
  t.addNum(top, hf.ptype, off + PTYPE, 4, ptype);
  if (ptype === PTYPE_REQUEST || ptype === PTYPE_REPLY) {
    if (!p.need(off, ADDR_LEN, end)) return end - off;
    const addr = dv.getUint32(off + WORD1);
    const mask = dv.getUint32(off + WORD2);
    if (p.cols) p.setInfo(`${PTYPE_NAMES.get(ptype)!}, from ${formatIPv4(addr)}, mask ${formatIPv4(mask)}`);
    t.addNum(top, hf.address, off + WORD1, 4, addr);
    t.addNum(top, hf.netmask, off + WORD2, 4, mask);
    if (top >= 0) t.setEnd(top, off + ADDR_LEN);
  } else if (ptype === PTYPE_KEEPALIVE) {
    if (!p.need(off, KEEPALIVE_LEN, end)) return end - off;
    const mine = dv.getUint32(off + WORD1);
    const yours = dv.getUint32(off + WORD2);
    const rel = dv.getUint16(off + RELIABILITY);
    if (p.cols) p.setInfo(`Line keepalive, outgoing sequence ${mine}, returned sequence ${yours}`);
    t.addNum(top, hf.mysequence, off + WORD1, 4, mine);
    t.addNum(top, hf.yoursequence, off + WORD2, 4, yours);
    const ri = t.addNum(top, hf.reliability, off + RELIABILITY, 2, rel);
    if (rel !== 0xffff) p.addExpert(ri, ei_reliability, off + RELIABILITY, 2);
    if (top >= 0) t.setEnd(top, off + KEEPALIVE_LEN);
  } else if (p.cols) p.setInfo(`Unknown packet type 0x${ptype.toString(16).padStart(8, '0')}`);
  return end - off;
}

export const slarpHandle = registerHandle('slarp', dissectSlarp);
chdlcTable.add(CHDLC_SLARP, slarpHandle);
