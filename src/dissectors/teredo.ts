// teredo: Teredo, IPv6 over UDP through NATs (RFC 4380), UDP port 3544.
//
// Optional headers precede the IPv6 packet, each recognised by its first two bytes:
//  Authentication (0x0001): | 0x00 0x01 | ID-len | AU-len | Client id (ID-len) | Auth value (AU-len) |
//                           | Nonce (8) | Confirmation (1) |
//  Origin indication (0x0000): | 0x00 0x00 | Origin port (2, xor 0xffff) | Origin IPv4 (4, xor 0xffffffff) |
// Anything else starts the IPv6 packet.

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { ipv6Handle } from './ipv6.js';

const AUTH_FIXED_LEN = 4;
const AUTH_TAIL_LEN = 9;
const ORIGIN_LEN = 8;

export const proto_teredo = registerProtocol('teredo', 'Teredo IPv6 over UDP tunneling', 'Teredo');

const hf = {
  auth: f('teredo.auth', 'Teredo Authentication header', FT.NONE),
  idlen: f('teredo.auth.idlen', 'Client identifier length', FT.UINT8, { blurb: 'Client identifier length (ID-len)' }),
  aulen: f('teredo.auth.aulen', 'Authentication value length', FT.UINT8, { blurb: 'Authentication value length (AU-len)' }),
  id: f('teredo.auth.id', 'Client identifier', FT.BYTES, { blurb: 'Client identifier (ID)' }),
  value: f('teredo.auth.value', 'Authentication value', FT.BYTES, { blurb: 'Authentication value (hash)' }),
  nonce: f('teredo.auth.nonce', 'Nonce value', FT.BYTES, { blurb: 'Nonce value prevents spoofing Teredo server.' }),
  conf: f('teredo.auth.conf', 'Confirmation byte', FT.BYTES, { blurb: 'Confirmation byte is zero upon successful authentication.' }),
  orig: f('teredo.orig', 'Teredo Origin Indication header', FT.NONE, { blurb: 'Teredo Origin Indication' }),
  orig_port: f('teredo.orig.port', 'Origin UDP port', FT.UINT16),
  orig_addr: f('teredo.orig.addr', 'Origin IPv4 address', FT.IPv4),
};

function dissectTeredo(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'Teredo';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_teredo, off, end);
  let o = off;
  if (!p.need(o, 2, end)) return end - off;
  if (p.dv.getUint16(o) === 1) {
    if (!p.need(o, AUTH_FIXED_LEN, end)) return end - off;
    const idlen = b[o + 2]!;
    const aulen = b[o + 3]!;
    const alen = AUTH_FIXED_LEN + idlen + aulen + AUTH_TAIL_LEN;
    const ai = t.addItem(top, hf.auth, o, alen);
    if (!p.need(o, alen, end)) return end - off;
    t.addNum(ai, hf.idlen, o + 2, 1, idlen);
    t.addNum(ai, hf.aulen, o + 3, 1, aulen);
    let a = o + AUTH_FIXED_LEN;
    if (idlen) t.addBytes(ai, hf.id, a, idlen);
    a += idlen;
    if (aulen) t.addBytes(ai, hf.value, a, aulen);
    a += aulen;
    t.addBytes(ai, hf.nonce, a, 8);
    t.addBytes(ai, hf.conf, a + 8, 1);
    o += alen;
  }
  if (o + 2 <= Math.min(end, p.capEnd) && p.dv.getUint16(o) === 0) {
    const oi = t.addItem(top, hf.orig, o, ORIGIN_LEN);
    if (!p.need(o, ORIGIN_LEN, end)) return end - off;
    t.addNum(oi, hf.orig_port, o + 2, 2, p.dv.getUint16(o + 2) ^ 0xffff);
    t.addNum(oi, hf.orig_addr, o + 4, 4, (p.dv.getUint32(o + 4) ^ 0xffffffff) >>> 0);
    o += ORIGIN_LEN;
  }
  t.setEnd(top, o);
  if (o >= end) return end - off;
  p.call(ipv6Handle, o, end, parent);
  return end - off;
}

export const teredoHandle = registerHandle('teredo', dissectTeredo);
udpPortTable.add(3544, teredoHandle);
