// mndp: MikroTik Neighbor Discovery Protocol on UDP port 5678: a 4-byte header (2 unknown bytes, a
// sequence number) and TLVs (type 2, length 2, value). tshark keeps UDP's Info and shows Protocol MNDP.
//
//    0                   1                   2                   3
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |        Header (unknown)       |            SeqNo              |
//   |           TLV type            |          TLV length           |  value …
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

import { FT, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { decodeUtf8 } from '../capture/utf8.js';

export const proto_mndp = registerProtocol('mndp', 'Mikrotik Neighbor Discovery Protocol', 'MNDP');

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
  unpack: f('mndp.unpack', 'Unpack', FT.UINT8, { vals: vals({ 1: 'None' }) }),
  ipv6address: f('mndp.ipv6address', 'IPv6-Address', FT.IPv6),
  interfacename: f('mndp.interfacename', 'Interface name', FT.STRING),
  ipv4address: f('mndp.ipv4address', 'IPv4-Address', FT.IPv4),
};

/** TLV type → [name, field, kind]: s string, b bytes-valued (MAC/IPv6), 4 IPv4, t uptime, u uint8. */
const TLVS = new Map<number, [string, number, 's' | 'b' | '4' | 't' | 'u']>([
  [1, ['MAC-Address', hf.mac, 'b']], [5, ['Identity', hf.identity, 's']], [7, ['Version', hf.version, 's']],
  [8, ['Platform', hf.platform, 's']], [10, ['Uptime', hf.uptime, 't']], [11, ['Software-ID', hf.softwareid, 's']],
  [12, ['Board', hf.board, 's']], [14, ['Unpack', hf.unpack, 'u']], [15, ['IPv6-Address', hf.ipv6address, 'b']],
  [16, ['Interface name', hf.interfacename, 's']], [17, ['IPv4-Address', hf.ipv4address, '4']],
]);

const HEADER_LEN = 4;

function dissectMndp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  // tshark 4.0 takes port 5678 only for a header and a first TLV header whose type is below 256
  // (hand-made datagrams: shorter ones and type 0x6566 stay UDP/data); measured, not specified
  if (Math.min(end, p.capEnd) - off < HEADER_LEN + 4 || p.buf[off + HEADER_LEN] !== 0) return 0;
  p.proto = 'MNDP';
  const top = p.addProto(parent, proto_mndp, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  t.addBytes(top, hf.header_unknown, off, 2);
  t.addNum(top, hf.header_seqno, off + 2, 2, dv.getUint16(off + 2));
  let o = off + HEADER_LEN;
  while (o < end) {
    if (!p.need(o, 4, end)) break;
    const type = dv.getUint16(o);
    const len = dv.getUint16(o + 2);
    const d = TLVS.get(type);
    const name = d ? d[0] : 'Unknown';
    const ti = t.addText(top, o, 4 + len, `T ${type}, L ${len}: ${name}`);
    const yi = t.addNum(ti, hf.tlv_type, o, 2, type);
    if (yi >= 0 && t.full) t.setLabel(yi, `TlvType: ${type} = ${name}`);
    t.addNum(ti, hf.tlv_length, o + 2, 2, len);
    const v = o + 4;
    if (!p.need(v, len, end)) break;
    if (len === 0) { o = v; continue; }
    if (!d) t.addBytes(ti, hf.tlv_data, v, len);
    else if (d[2] === 's') t.addStr(ti, d[1], v, len, decodeUtf8(p.buf, v, v + len));
    else if (d[2] === 'b' && len === (type === 1 ? 6 : 16)) t.addBytes(ti, d[1], v, len);
    else if (d[2] === '4' && len === 4) t.addNum(ti, d[1], v, 4, dv.getUint32(v));
    else if (d[2] === 't' && len === 4) t.addObj(ti, d[1], v, 4, { sec: dv.getUint32(v, true), nsec: 0 });
    else if (d[2] === 'u' && len === 1) t.addNum(ti, d[1], v, 1, p.buf[v]!);
    else if (len > 0) t.addBytes(ti, hf.tlv_data, v, len);
    o = v + len;
  }
  return end - off;
}

export const mndpHandle = registerHandle('mndp', dissectMndp);
udpPortTable.add(5678, mndpHandle);
