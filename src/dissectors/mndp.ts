// mndp: MikroTik Neighbor Discovery Protocol, UDP port 5678. The Info column stays UDP's.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |        Header (unknown)       |        Sequence number        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |           TLV type            |          TLV length           |  value …
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Values: 1 MAC, 5 Identity, 7 Version, 8 Platform, 10 Uptime (seconds, little-endian),
// 11 Software-ID, 12 Board, 14 Unpack, 15 IPv6, 16 Interface name, 17 IPv4.

import { FT, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';

const UDP_PORT_MNDP = 5678;
const HEADER_LEN = 4;
const TLV_HEADER_LEN = 4;

export const proto_mndp = registerProtocol('mndp', 'Mikrotik Neighbor Discovery Protocol', 'MNDP');

const TLV_NAMES = vals({
  1: 'MAC-Address', 5: 'Identity', 7: 'Version', 8: 'Platform', 10: 'Uptime', 11: 'Software-ID', 12: 'Board',
  14: 'Unpack', 15: 'IPv6-Address', 16: 'Interface name', 17: 'IPv4-Address',
});

const hf = {
  tlv_type: f('mndp.tlv.type', 'TlvType', FT.UINT16),
  tlv_length: f('mndp.tlv.length', 'TlvLength', FT.UINT16),
  tlv_data: f('mndp.tlv.data', 'TlvData', FT.BYTES),
  header_unknown: f('mndp.header.unknown', 'Header Unknown', FT.BYTES),
  header_seqno: f('mndp.header.seqno', 'SeqNo', FT.UINT16),
  mac: f('mndp.mac', 'MAC-Address', FT.ETHER),
  softwareid: f('mndp.softwareid', 'Software-ID', FT.STRING),
  version: f('mndp.version', 'Version', FT.STRING),
  identity: f('mndp.identity', 'Identity', FT.STRING),
  uptime: f('mndp.uptime', 'Uptime', FT.RELATIVE_TIME),
  platform: f('mndp.platform', 'Platform', FT.STRING),
  board: f('mndp.board', 'Board', FT.STRING),
  unpack: f('mndp.unpack', 'Unpack', FT.UINT8, { vals: vals({ 1: 'Unpacked' }) }),
  ipv6address: f('mndp.ipv6address', 'IPv6-Address', FT.IPv6),
  interfacename: f('mndp.interfacename', 'Interface name', FT.STRING),
  ipv4address: f('mndp.ipv4address', 'IPv4-Address', FT.IPv4),
};

const STRING_FIELDS = new Map<number, number>([[5, hf.identity], [7, hf.version], [8, hf.platform], [11, hf.softwareid], [12, hf.board], [16, hf.interfacename]]);

function dissectMndp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'MNDP';
  p.curProto = 'MNDP';
  const top = p.addProto(parent, proto_mndp, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  t.addBytes(top, hf.header_unknown, off, 2);
  t.addNum(top, hf.header_seqno, off + 2, 2, dv.getUint16(off + 2));
  let o = off + HEADER_LEN;
  while (o + TLV_HEADER_LEN <= end) {
    if (!p.need(o, TLV_HEADER_LEN, end)) return end - off;
    const type = dv.getUint16(o);
    const len = dv.getUint16(o + 2);
    if (!p.need(o + TLV_HEADER_LEN, len, end)) return end - off;
    const v = o + TLV_HEADER_LEN;
    const name = TLV_NAMES.get(type) ?? 'Unknown';
    const ti = t.addText(top, o, TLV_HEADER_LEN + len, `T ${type}, L ${len}: ${name}`);
    const tt = t.addNum(ti, hf.tlv_type, o, 2, type);
    if (tt >= 0 && t.full) t.setLabel(tt, `TlvType: ${type} = ${name}`);
    t.addNum(ti, hf.tlv_length, o + 2, 2, len);
    const sf = STRING_FIELDS.get(type);
    if (sf !== undefined) {
      let s = '';
      for (let i = 0; i < len && b[v + i] !== 0; i++) s += String.fromCharCode(b[v + i]!);
      t.addStr(ti, sf, v, len, s);
    } else if (type === 1 && len === 6) t.addBytes(ti, hf.mac, v, 6);
    else if (type === 10 && len === 4) t.addObj(ti, hf.uptime, v, 4, { sec: dv.getUint32(v, true), nsec: 0 });
    else if (type === 14 && len === 1) t.addNum(ti, hf.unpack, v, 1, b[v]!);
    else if (type === 15 && len === 16) t.addBytes(ti, hf.ipv6address, v, 16);
    else if (type === 17 && len === 4) t.addNum(ti, hf.ipv4address, v, 4, dv.getUint32(v));
    else if (len > 0) t.addBytes(ti, hf.tlv_data, v, len);
    o = v + len;
  }
  return end - off;
}

export const mndpHandle = registerHandle('mndp', dissectMndp);
udpPortTable.add(UDP_PORT_MNDP, mndpHandle);
