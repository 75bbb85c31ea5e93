// ospf: Open Shortest Path First v2 (RFC 2328), IP protocol 89 — the common header with its
// authentication; the message bodies (Hello, DB Description, LS Request/Update/Ack) are not
// decoded yet (the Info column names the message type like tshark).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Version #   |     Type      |         Packet length         |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                          Router ID                            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                           Area ID                             |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |           Checksum            |             AuType            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                       Authentication (8)                      |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Cryptographic authentication: | 0 (2) | Key ID | Auth Data Len | Crypt Sequence Number (4) |,
// the digest follows the packet (at Packet length).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ipProtoTable } from './ipproto.js';
import { inetSum, inetChecksumFinish } from './inet-util.js';

const VERSION = 0;
const TYPE = 1;
const LENGTH = 2;
const ROUTER = 4;
const AREA = 8;
const CHECKSUM = 12;
const AUTH_TYPE = 14;
const AUTH = 16;
const HEADER_LEN = 24;
const AUTH_NULL = 0;
const AUTH_SIMPLE = 1;
const AUTH_CRYPT = 2;

export const proto_ospf = registerProtocol('ospf', 'Open Shortest Path First', 'OSPF');

const MSG_NAMES = vals({ 1: 'Hello Packet', 2: 'DB Description', 3: 'LS Request', 4: 'LS Update', 5: 'LS Acknowledge' });

const hf = {
  version: f('ospf.version', 'Version', FT.UINT8),
  msg: f('ospf.msg', 'Message Type', FT.UINT8, { vals: MSG_NAMES }),
  packet_length: f('ospf.packet_length', 'Packet Length', FT.UINT16),
  srcrouter: f('ospf.srcrouter', 'Source OSPF Router', FT.IPv4),
  area_id: f('ospf.area_id', 'Area ID', FT.IPv4),
  checksum: f('ospf.checksum', 'Checksum', FT.UINT16, { base: Base.HEX }),
  auth_type: f('ospf.auth.type', 'Auth Type', FT.UINT16, { vals: vals({ 0: 'Null', 1: 'Simple password', 2: 'Cryptographic' }) }),
  auth_none: f('ospf.auth.none', 'Auth Data (none)', FT.BYTES),
  auth_simple: f('ospf.auth.simple', 'Auth Data (Simple)', FT.STRING),
  crypt_key_id: f('ospf.auth.crypt.key_id', 'Auth Crypt Key id', FT.UINT8),
  crypt_data_length: f('ospf.auth.crypt.data_length', 'Auth Crypt Data Length', FT.UINT8),
  crypt_seq_nbr: f('ospf.auth.crypt.seq_nbr', 'Auth Crypt Sequence Number', FT.UINT32),
  crypt_data: f('ospf.auth.crypt.data', 'Auth Crypt Data', FT.BYTES),
  auth_unknown: f('ospf.auth.unknown', 'Auth Unknown', FT.BYTES),
};

function dissectOspf(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  const b = p.buf;
  p.proto = 'OSPF';
  p.curProto = 'OSPF';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_ospf, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const type = b[off + TYPE]!;
  const plen = dv.getUint16(off + LENGTH);
  const auType = dv.getUint16(off + AUTH_TYPE);
  if (p.cols) p.setInfo(MSG_NAMES.get(type) ?? `Unknown (${type})`);
  const hi = t.addText(top, off, HEADER_LEN, 'OSPF Header');
  t.addNum(hi, hf.version, off + VERSION, 1, b[off + VERSION]!);
  t.addNum(hi, hf.msg, off + TYPE, 1, type);
  t.addNum(hi, hf.packet_length, off + LENGTH, 2, plen);
  t.addNum(hi, hf.srcrouter, off + ROUTER, 4, dv.getUint32(off + ROUTER));
  const area = dv.getUint32(off + AREA);
  const ai = t.addNum(hi, hf.area_id, off + AREA, 4, area);
  if (ai >= 0 && t.full && area === 0) t.appendLabel(ai, ' (Backbone)');
  const ck = dv.getUint16(off + CHECKSUM);
  const ci = t.addNum(hi, hf.checksum, off + CHECKSUM, 2, ck);
  if (ci >= 0 && t.full) {
    if (auType === AUTH_CRYPT) t.appendLabel(ci, ' (None)');
    else if (plen >= HEADER_LEN && off + plen <= end && off + plen <= p.capEnd) {
      const sum = inetSum(b, off + HEADER_LEN, plen - HEADER_LEN, inetSum(b, off, AUTH));
      if (inetChecksumFinish(sum) === 0) t.appendLabel(ci, ' [correct]');
      else {
        // what the field should hold: the sum with the checksum taken as zero, the 8 authentication bytes skipped
        const s2 = inetChecksumFinish(inetSum(b, off + HEADER_LEN, plen - HEADER_LEN, inetSum(b, off + AUTH_TYPE, 2, inetSum(b, off, CHECKSUM))));
        t.appendLabel(ci, ` [incorrect, should be 0x${s2.toString(16).padStart(4, '0')}]`);
      }
    }
  }
  t.addNum(hi, hf.auth_type, off + AUTH_TYPE, 2, auType);
  if (auType === AUTH_NULL) t.addBytes(hi, hf.auth_none, off + AUTH, 8);
  else if (auType === AUTH_SIMPLE) {
    let s = '';
    for (let i = 0; i < 8 && b[off + AUTH + i] !== 0; i++) s += String.fromCharCode(b[off + AUTH + i]!);
    t.addStr(hi, hf.auth_simple, off + AUTH, 8, s);
  } else if (auType === AUTH_CRYPT) {
    const dlen = b[off + AUTH + 3]!;
    t.addNum(hi, hf.crypt_key_id, off + AUTH + 2, 1, b[off + AUTH + 2]!);
    t.addNum(hi, hf.crypt_data_length, off + AUTH + 3, 1, dlen);
    t.addNum(hi, hf.crypt_seq_nbr, off + AUTH + 4, 4, dv.getUint32(off + AUTH + 4));
    if (dlen > 0 && off + plen + dlen <= end && off + plen + dlen <= p.capEnd) t.addBytes(hi, hf.crypt_data, off + plen, dlen);
  } else t.addBytes(hi, hf.auth_unknown, off + AUTH, 8);
  return end - off;
}

export const ospfHandle = registerHandle('ospf', dissectOspf);
ipProtoTable.add(89, ospfHandle);
