// igmp: Internet Group Management Protocol v1 (RFC 1112), v2 (RFC 2236), v3 (RFC 3376); IP protocol 2.
//
// v1/v2 message:
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |      Type     | Max Resp Time |           Checksum            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                         Group Address                         |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// v3 query adds: | Resv  |S| QRV |     QQIC      |     Number of Sources (N)     | Source Address [N]
// v3 report (0x22): | Type | Reserved | Checksum | Reserved (2) | Number of Group Records (M) |
//   Group Record: | Record Type | Aux Data Len | Number of Sources (N) | Multicast Address | Sources [N] | Aux Data |
//
// The version follows from the type and length (a query of 8 bytes is v2, or v1 when Max Resp
// Time is 0; 12 bytes or more is v3). tshark lists igmp twice in frame.protocols (ip:igmp:igmp).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatIPv4 } from '../core/format.js';
import { ipProtoTable } from './ipproto.js';
import { inetSum, inetChecksumFinish, inetChecksumWithout, CkStatus, CHECKSUM_STATUS_NAMES } from './inet-util.js';
import { expertInfo, Group, Severity } from '../core/expert.js';

const TYPE = 0;
const MAX_RESP = 1;
const CHECKSUM = 2;
const GROUP = 4;
const V2_LEN = 8;
const V3_QUERY_FLAGS = 8;
const V3_QQIC = 9;
const V3_NUM_SRC = 10;
const V3_QUERY_LEN = 12;
const V3_REPORT_RESERVED = 4;
const V3_NUM_RECORDS = 6;
const V3_REPORT_LEN = 8;
const RECORD_LEN = 8;

const TYPE_QUERY = 0x11;
const TYPE_V1_REPORT = 0x12;
const TYPE_V2_REPORT = 0x16;
const TYPE_V2_LEAVE = 0x17;
const TYPE_V3_REPORT = 0x22;

export const proto_igmp = registerProtocol('igmp', 'Internet Group Management Protocol', 'IGMP');

const TYPE_NAMES = vals({
  0x1: 'Create Group Request', 0x2: 'Create Group Reply', 0x3: 'Join Group Request', 0x4: 'Join Group Reply',
  0x5: 'Leave Group Request', 0x6: 'Leave Group Reply', 0x7: 'Confirm Group Request', 0x8: 'Confirm Group Reply',
  0x11: 'Membership Query', 0x12: 'Membership Report', 0x13: 'DVMRP Protocol', 0x14: 'PIM Routing Message',
  0x16: 'Membership Report', 0x17: 'Leave Group', 0x1e: 'Traceroute Response', 0x1f: 'Traceroute Query or Request',
  0x22: 'Membership Report',
});
const RECORD_TYPE_NAMES = vals({
  1: 'Mode Is Include', 2: 'Mode Is Exclude', 3: 'Change To Include Mode', 4: 'Change To Exclude Mode',
  5: 'Allow New Sources', 6: 'Block Old Sources',
});

const hf = {
  version: f('igmp.version', 'IGMP Version', FT.UINT8),
  type: f('igmp.type', 'Type', FT.UINT8, { base: Base.HEX, vals: TYPE_NAMES, blurb: 'IGMP Packet Type' }),
  reserved: f('igmp.reserved', 'Reserved', FT.BYTES, { blurb: 'IGMP Reserved' }),
  checksum: f('igmp.checksum', 'Checksum', FT.UINT16, { base: Base.HEX, blurb: 'IGMP Checksum' }),
  checksum_status: f('igmp.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  max_resp: f('igmp.max_resp', 'Max Resp Time', FT.UINT8, { blurb: 'Max Response Time' }),
  s: f('igmp.s', 'S', FT.BOOLEAN, { boolBits: 8, mask: 0x08, tfs: ['SUPPRESS router side processing', 'Do not suppress router side processing'], blurb: 'Suppress Router Side Processing' }),
  qrv: f('igmp.qrv', 'QRV', FT.UINT8, { mask: 0x07, blurb: "Querier's Robustness Value" }),
  qqic: f('igmp.qqic', 'QQIC', FT.UINT8, { blurb: "Querier's Query Interval Code" }),
  num_src: f('igmp.num_src', 'Num Src', FT.UINT16, { blurb: 'Number Of Sources' }),
  saddr: f('igmp.saddr', 'Source Address', FT.IPv4),
  num_grp_recs: f('igmp.num_grp_recs', 'Num Group Records', FT.UINT16, { blurb: 'Number Of Group Records' }),
  record_type: f('igmp.record_type', 'Record Type', FT.UINT8, { vals: RECORD_TYPE_NAMES }),
  aux_data_len: f('igmp.aux_data_len', 'Aux Data Len', FT.UINT8, { blurb: 'Aux Data Len, In units of 32bit words' }),
  maddr: f('igmp.maddr', 'Multicast Address', FT.IPv4),
  aux_data: f('igmp.aux_data', 'Aux Data', FT.BYTES, { blurb: 'IGMP V3 Auxiliary Data' }),
};

/** Max Resp Time in tenths of a second (v3 codes ≥ 128 are floating point: mant|0x10 << exp+3). */
function maxRespTenths(code: number, v3: boolean): number {
  if (!v3 || code < 128) return code;
  return ((code & 0x0f) | 0x10) << (((code >> 4) & 0x07) + 3);
}

const ei_bad_checksum = expertInfo('igmp.bad_checksum', Group.CHECKSUM, Severity.ERROR, 'Bad checksum');

function addChecksum(p: Packet, top: number, off: number, end: number): void {
  const t = p.tree;
  const ck = p.dv.getUint16(off + CHECKSUM);
  const cki = t.addNum(top, hf.checksum, off + CHECKSUM, 2, ck);
  let status = CkStatus.UNVERIFIED;
  if (end <= p.capEnd) {
    if (inetChecksumFinish(inetSum(p.buf, off, end - off)) === 0) {
      status = CkStatus.GOOD;
      if (cki >= 0 && t.full) t.appendLabel(cki, ' [correct]');
    } else {
      status = CkStatus.BAD;
      // tshark 4.0 (every IGMP version): 'Checksum: 0x0000 incorrect, should be 0x06f9' and an
      // Error/Checksum expert item
      const should = inetChecksumWithout(p.buf, off, end - off, off + CHECKSUM);
      const hex = should.toString(16).padStart(4, '0');
      if (cki >= 0 && t.full) t.appendLabel(cki, ` incorrect, should be 0x${hex}`);
      p.addExpert(cki, ei_bad_checksum, off + CHECKSUM, 2, `Bad checksum [should be 0x${hex}]`);
    }
  }
  const si = t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, status));
  if (si >= 0 && t.full) t.setLabel(si, `Checksum Status: ${CHECKSUM_STATUS_NAMES.get(status)!}`);
}

function addMaxResp(p: Packet, top: number, off: number, v3: boolean): void {
  const code = p.buf[off + MAX_RESP]!;
  const mi = p.tree.addNum(top, hf.max_resp, off + MAX_RESP, 1, code);
  if (mi >= 0 && p.tree.full) {
    p.tree.setLabel(mi, `Max Resp Time: ${(maxRespTenths(code, v3) / 10).toFixed(1)} sec (0x${code.toString(16).padStart(2, '0')})`);
  }
}

function queryInfo(p: Packet, group: number): void {
  if (p.cols) p.setInfo(group === 0 ? 'Membership Query, general' : `Membership Query, specific for group ${formatIPv4(group)}`);
}

function dissectV3Report(p: Packet, top: number, off: number, end: number): void {
  const t = p.tree;
  const dv = p.dv;
  t.addBytes(top, hf.reserved, off + MAX_RESP, 1);
  addChecksum(p, top, off, end);
  t.addBytes(top, hf.reserved, off + V3_REPORT_RESERVED, 2);
  const n = dv.getUint16(off + V3_NUM_RECORDS);
  t.addNum(top, hf.num_grp_recs, off + V3_NUM_RECORDS, 2, n);
  if (p.cols) p.setInfo('Membership Report');
  let o = off + V3_REPORT_LEN;
  for (let i = 0; i < n; i++) {
    if (!p.need(o, RECORD_LEN, end)) return;
    const rtype = p.buf[o]!;
    const aux = p.buf[o + 1]! * 4;
    const nsrc = dv.getUint16(o + 2);
    const maddr = dv.getUint32(o + 4);
    const len = RECORD_LEN + nsrc * 4 + aux;
    const rname = RECORD_TYPE_NAMES.get(rtype) ?? `Unknown (${rtype})`;
    const ri = t.addText(top, o, Math.min(len, end - o), `Group Record : ${formatIPv4(maddr)}  ${rname}`);
    t.addNum(ri, hf.record_type, o, 1, rtype);
    t.addNum(ri, hf.aux_data_len, o + 1, 1, p.buf[o + 1]!);
    t.addNum(ri, hf.num_src, o + 2, 2, nsrc);
    t.addNum(ri, hf.maddr, o + 4, 4, maddr);
    if (p.cols) {
      const g = formatIPv4(maddr);
      if (nsrc === 0 && (rtype === 2 || rtype === 4)) p.appendInfo(` / Join group ${g} for any sources`);
      else if (nsrc === 0 && rtype === 3) p.appendInfo(` / Leave group ${g}`);
      else p.appendInfo(` / Group ${g}, ${rname}`);
    }
    o += RECORD_LEN;
    for (let s = 0; s < nsrc; s++, o += 4) {
      if (!p.need(o, 4, end)) return;
      t.addNum(ri, hf.saddr, o, 4, dv.getUint32(o));
    }
    if (aux) {
      if (!p.need(o, aux, end)) return;
      t.addBytes(ri, hf.aux_data, o, aux);
      o += aux;
    }
  }
}

function dissectIgmp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'IGMP';
  p.curProto = 'IGMP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_igmp, off, end);
  if (!p.need(off, V2_LEN, end)) return end - off;
  const dv = p.dv;
  const type = p.buf[off + TYPE]!;
  const len = end - off;
  let version: number;
  if (type === TYPE_QUERY) version = len >= V3_QUERY_LEN ? 3 : p.buf[off + MAX_RESP] === 0 ? 1 : 2;
  else if (type === TYPE_V1_REPORT) version = 1;
  else if (type === TYPE_V2_REPORT || type === TYPE_V2_LEAVE) version = 2;
  else if (type === TYPE_V3_REPORT) version = 3;
  else {
    if (p.cols) p.setInfo(TYPE_NAMES.get(type) ?? `Unknown Type:0x${type.toString(16).padStart(2, '0')}`);
    t.addNum(top, hf.type, off + TYPE, 1, type);
    return end - off;
  }
  p.addLayer(proto_igmp);
  p.proto = `IGMPv${version}`;
  // (curProto stays IGMP: tshark names the protocol so in "[Malformed Packet: IGMP]")
  t.generated(t.addNum(top, hf.version, off, 0, version));
  t.addNum(top, hf.type, off + TYPE, 1, type);
  if (type === TYPE_V3_REPORT) {
    if (!p.need(off, V3_REPORT_LEN, end)) return end - off;
    dissectV3Report(p, top, off, end);
    return end - off;
  }
  if (version === 1) t.addBytes(top, hf.reserved, off + MAX_RESP, 1);
  else addMaxResp(p, top, off, version === 3);
  addChecksum(p, top, off, end);
  const group = dv.getUint32(off + GROUP);
  t.addNum(top, hf.maddr, off + GROUP, 4, group);
  if (type === TYPE_QUERY) {
    queryInfo(p, group);
    if (version === 3) {
      const fl = p.buf[off + V3_QUERY_FLAGS]!;
      t.addNum(top, hf.s, off + V3_QUERY_FLAGS, 1, fl);
      t.addNum(top, hf.qrv, off + V3_QUERY_FLAGS, 1, fl);
      t.addNum(top, hf.qqic, off + V3_QQIC, 1, p.buf[off + V3_QQIC]!);
      const nsrc = dv.getUint16(off + V3_NUM_SRC);
      t.addNum(top, hf.num_src, off + V3_NUM_SRC, 2, nsrc);
      let o = off + V3_QUERY_LEN;
      // Info lists the sources as read: ', sources {1.2.3.4, 5.6.7.8}' (', source {…}' for one);
      // a cut list stops after '1.2.3.4, ' (tshark 4.0)
      if (nsrc > 0 && p.cols) p.appendInfo(nsrc === 1 ? ', source {' : ', sources {');
      for (let s = 0; s < nsrc; s++, o += 4) {
        if (!p.need(o, 4, end)) return end - off;
        const a = dv.getUint32(o);
        t.addNum(top, hf.saddr, o, 4, a);
        if (p.cols) p.appendInfo(formatIPv4(a) + (s + 1 < nsrc ? ', ' : '}'));
      }
    }
  } else if (p.cols) {
    p.setInfo(type === TYPE_V2_LEAVE ? `Leave Group ${formatIPv4(group)}` : `Membership Report group ${formatIPv4(group)}`);
  }
  return end - off;
}

export const igmpHandle = registerHandle('igmp', dissectIgmp);
ipProtoTable.add(2, igmpHandle);
