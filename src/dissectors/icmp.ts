// icmp: Internet Control Message Protocol (RFC 792, RFC 4884 extended errors, RFC 8335 extended echo).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     Type      |     Code      |          Checksum             |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Rest of header: identifier + sequence (echo, timestamp …),  |
// |   unused / length / MTU / pointer / gateway (errors)          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Data: echo payload, or the IP header + 8 bytes (at least)   |
// |   of the datagram an error is about                           |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// As tshark: the checksum is verified (when the whole message was captured), echo requests and
// replies are matched in one pass ("(request in N)", response time), and an error's quoted datagram
// is dissected with the columns left as ICMP set them.

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { nsDiff } from '../core/time.js';
import { EchoMatcher } from './echo-match.js';
import { ipProtoTable } from './ipproto.js';
import { dissectIpAnyVersion } from './ip.js';
import {
  CHECKSUM_STATUS_NAMES, CkStatus, u16At, u32At, inetSum, inetChecksumFinish, inetChecksumWithout, inIcmpError, needq,
  enterIcmpError, leaveIcmpError, ipTtl, showData,
} from './inet-util.js';

const TYPE = 0;
const CODE = 1;
const CHECKSUM = 2;
const REST = 4;
const HEADER_LEN = REST + 4;

export const proto_icmp = registerProtocol('icmp', 'Internet Control Message Protocol', 'ICMP');

const hf = {
  type: f('icmp.type', 'Type', FT.UINT8),
  code: f('icmp.code', 'Code', FT.UINT8),
  checksum: f('icmp.checksum', 'Checksum', FT.UINT16, { base: Base.HEX }),
  checksum_status: f('icmp.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  unused: f('icmp.unused', 'Unused', FT.BYTES),
  reserved: f('icmp.reserved', 'Reserved', FT.BYTES),
  ident: f('icmp.ident', 'Identifier (BE)', FT.UINT16, { base: Base.DEC_HEX, blurb: 'Identifier (big endian representation)' }),
  ident_le: f('icmp.ident_le', 'Identifier (LE)', FT.UINT16, { base: Base.DEC_HEX, blurb: 'Identifier (little endian representation)' }),
  seq: f('icmp.seq', 'Sequence Number (BE)', FT.UINT16, { base: Base.DEC_HEX, blurb: 'Sequence Number (big endian representation)' }),
  seq_le: f('icmp.seq_le', 'Sequence Number (LE)', FT.UINT16, { base: Base.DEC_HEX, blurb: 'Sequence Number (little endian representation)' }),
  mtu: f('icmp.mtu', 'MTU of next hop', FT.UINT16),
  num_addrs: f('icmp.num_addrs', 'Number of addresses', FT.UINT8),
  addr_entry_size: f('icmp.addr_entry_size', 'Address entry size', FT.UINT8),
  lifetime: f('icmp.lifetime', 'Lifetime', FT.UINT16),
  pointer: f('icmp.pointer', 'Pointer', FT.UINT32),
  router_address: f('icmp.router_address', 'Router address', FT.IPv4),
  pref_level: f('icmp.pref_level', 'Preference level', FT.INT32),
  originate_timestamp: f('icmp.originate_timestamp', 'Originate Timestamp', FT.UINT32),
  receive_timestamp: f('icmp.receive_timestamp', 'Receive Timestamp', FT.UINT32),
  transmit_timestamp: f('icmp.transmit_timestamp', 'Transmit Timestamp', FT.UINT32),
  address_mask: f('icmp.address_mask', 'Address Mask', FT.IPv4),
  redir_gw: f('icmp.redir_gw', 'Gateway Address', FT.IPv4),
  mip_type: f('icmp.mip.type', 'Extension Type', FT.UINT8),
  mip_length: f('icmp.mip.length', 'Length', FT.UINT8),
  mip_prefixlength: f('icmp.mip.prefixlength', 'Prefix Length', FT.UINT8),
  mip_seq: f('icmp.mip.seq', 'Sequence Number', FT.UINT16),
  mip_life: f('icmp.mip.life', 'Registration Lifetime', FT.UINT16),
  mip_flags: f('icmp.mip.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  mip_r: f('icmp.mip.r', 'Registration Required', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, blurb: 'Registration with this FA is required' }),
  mip_b: f('icmp.mip.b', 'Busy', FT.BOOLEAN, { boolBits: 16, mask: 0x4000, blurb: 'This FA will not accept requests at this time' }),
  mip_h: f('icmp.mip.h', 'Home Agent', FT.BOOLEAN, { boolBits: 16, mask: 0x2000, blurb: 'Home Agent Services Offered' }),
  mip_f: f('icmp.mip.f', 'Foreign Agent', FT.BOOLEAN, { boolBits: 16, mask: 0x1000, blurb: 'Foreign Agent Services Offered' }),
  mip_m: f('icmp.mip.m', 'Minimal Encapsulation', FT.BOOLEAN, { boolBits: 16, mask: 0x800, blurb: 'Minimal encapsulation tunneled datagram support' }),
  mip_g: f('icmp.mip.g', 'GRE', FT.BOOLEAN, { boolBits: 16, mask: 0x400, blurb: 'GRE encapsulated tunneled datagram support' }),
  mip_v: f('icmp.mip.v', 'VJ Comp', FT.BOOLEAN, { boolBits: 16, mask: 0x200, blurb: 'Van Jacobson Header Compression Support' }),
  mip_rt: f('icmp.mip.rt', 'Reverse tunneling', FT.BOOLEAN, { boolBits: 16, mask: 0x100, blurb: 'Reverse tunneling support' }),
  mip_u: f('icmp.mip.u', 'UDP tunneling', FT.BOOLEAN, { boolBits: 16, mask: 0x80, blurb: 'UDP tunneling support' }),
  mip_x: f('icmp.mip.x', 'Revocation support', FT.BOOLEAN, { boolBits: 16, mask: 0x40, blurb: 'Registration revocation support' }),
  mip_reserved: f('icmp.mip.reserved', 'Reserved', FT.UINT16, { base: Base.HEX, mask: 0x3f }),
  mip_coa: f('icmp.mip.coa', 'Care-Of-Address', FT.IPv4),
  mip_challenge: f('icmp.mip.challenge', 'Challenge', FT.BYTES),
  mip_content: f('icmp.mip.content', 'Content', FT.BYTES),
  ext: f('icmp.ext', 'ICMP Extensions', FT.NONE),
  ext_version: f('icmp.ext.version', 'Version', FT.UINT8),
  ext_res: f('icmp.ext.res', 'Reserved', FT.UINT16, { base: Base.HEX, mask: 0xfff }),
  ext_checksum: f('icmp.ext.checksum', 'Checksum', FT.UINT16, { base: Base.HEX }),
  ext_checksum_status: f('icmp.ext.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  ext_length: f('icmp.ext.length', 'Length', FT.UINT16),
  ext_class: f('icmp.ext.class', 'Class', FT.UINT8),
  ext_ctype: f('icmp.ext.ctype', 'C-Type', FT.UINT8),
  ext_data: f('icmp.ext.data', 'Data', FT.BYTES),
  mpls_label: f('icmp.mpls.label', 'Label', FT.UINT24, { mask: 0xfffff0 }),
  mpls_exp: f('icmp.mpls.exp', 'Experimental', FT.UINT24, { mask: 0xe }),
  mpls_s: f('icmp.mpls.s', 'Stack bit', FT.BOOLEAN, { boolBits: 24, mask: 0x1 }),
  mpls_ttl: f('icmp.mpls.ttl', 'Time to live', FT.UINT8),
  mpls_data: f('icmp.mpls.data', 'Data', FT.BYTES),
  resp_in: f('icmp.resp_in', 'Response frame', FT.FRAMENUM, { blurb: 'The frame number of the corresponding response' }),
  no_resp: f('icmp.no_resp', 'No response seen', FT.NONE, { blurb: 'No corresponding response frame was seen' }),
  resp_to: f('icmp.resp_to', 'Request frame', FT.FRAMENUM, { blurb: 'The frame number of the corresponding request' }),
  resptime: f('icmp.resptime', 'Response time', FT.DOUBLE, { blurb: 'The time between the request and the response, in ms.' }),
  data_time: f('icmp.data_time', 'Timestamp from icmp data', FT.ABSOLUTE_TIME, { blurb: 'The timestamp in the first 8 bytes of the icmp data' }),
  data_time_relative: f('icmp.data_time_relative', 'Timestamp from icmp data (relative)', FT.RELATIVE_TIME, { blurb: 'The timestamp of the packet, relative to the timestamp in the first 8 bytes of the icmp data' }),
  length: f('icmp.length', 'Length', FT.UINT8, { blurb: 'The length of the original datagram' }),
  length_original_datagram: f('icmp.length.original_datagram', 'Length of original datagram', FT.UINT8, { blurb: 'The length of the original datagram (length * 4)' }),
  int_info_role: f('icmp.int_info.role', 'Interface Role', FT.UINT8, { mask: 0xc0 }),
  int_info_reserved: f('icmp.int_info.reserved', 'Reserved', FT.UINT8, { mask: 0x30 }),
  int_info_ifindex: f('icmp.int_info.ifindex', 'ifIndex', FT.BOOLEAN, { boolBits: 8, mask: 0x8, blurb: 'True: ifIndex of the interface included; False: ifIndex of the interface not included ' }),
  int_info_ipaddr: f('icmp.int_info.ipaddr', 'IP Address', FT.BOOLEAN, { boolBits: 8, mask: 0x4 }),
  int_info_name_present: f('icmp.int_info.name_present', 'Interface Name', FT.BOOLEAN, { boolBits: 8, mask: 0x2 }),
  int_info_mtu_present: f('icmp.int_info.mtu_present', 'MTU', FT.BOOLEAN, { boolBits: 8, mask: 0x1 }),
  int_info_index: f('icmp.int_info.index', 'Interface Index', FT.UINT32),
  int_info_afi: f('icmp.int_info.afi', 'Address Family Identifier', FT.UINT16, { blurb: 'Address Family of the interface address' }),
  int_info_ipv4: f('icmp.int_info.ipv4', 'Source', FT.IPv4),
  int_info_ipv6: f('icmp.int_info.ipv6', 'Source', FT.IPv6),
  int_info_ipunknown: f('icmp.int_info.ipunknown', 'Source', FT.BYTES),
  int_info_name_length: f('icmp.int_info.name_length', 'Name Length', FT.UINT8),
  int_info_name: f('icmp.int_info.name', 'Name', FT.STRING),
  int_info_mtu: f('icmp.int_info.mtu', 'Maximum Transmission Unit', FT.UINT32),
  ext_echo_seq: f('icmp.ext.echo.seq', 'Sequence Number', FT.UINT8, { base: Base.DEC_HEX }),
  ext_echo_req_res: f('icmp.ext.echo.req.res', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0xfe }),
  ext_echo_req_local: f('icmp.ext.echo.req.local', 'Local bit', FT.BOOLEAN, { boolBits: 8, mask: 0x1 }),
  ext_echo_rsp_state: f('icmp.ext.echo.rsp.state', 'State', FT.UINT8, { mask: 0xe0 }),
  ext_echo_rsp_res: f('icmp.ext.echo.rsp.res', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0x18 }),
  ext_echo_rsp_active: f('icmp.ext.echo.rsp.active', 'Active bit', FT.BOOLEAN, { boolBits: 8, mask: 0x4 }),
  ext_echo_rsp_ipv4: f('icmp.ext.echo.rsp.ipv4', 'IPv4 bit', FT.BOOLEAN, { boolBits: 8, mask: 0x2 }),
  ext_echo_rsp_ipv6: f('icmp.ext.echo.rsp.ipv6', 'IPv6 bit', FT.BOOLEAN, { boolBits: 8, mask: 0x1 }),
  int_ident_name: f('icmp.int_ident.name', 'Name', FT.STRING),
  int_ident_index: f('icmp.int_ident.index', 'Interface Index', FT.UINT32),
  int_ident_afi: f('icmp.int_ident.afi', 'Address Family Identifier', FT.UINT16, { blurb: 'Address Family of the interface address' }),
  int_ident_addr_length: f('icmp.int_ident.addr_length', 'Address Length', FT.UINT8),
  int_ident_reserved: f('icmp.int_ident.reserved', 'Reserved', FT.BYTES),
  int_ident_ipv4: f('icmp.int_ident.ipv4', 'Address', FT.IPv4),
  int_ident_ipv6: f('icmp.int_ident.ipv6', 'Address', FT.IPv6),
  int_ident_address: f('icmp.int_ident.address', 'Address', FT.BYTES),
  resp_not_found: f('icmp.resp_not_found', 'Response not found', FT.NONE),
  checksum_bad: f('icmp.checksum_bad', 'Bad checksum', FT.NONE),
  ext_checksum_bad: f('icmp.ext.checksum_bad', 'Bad checksum', FT.NONE),
};

const ei = {
  resp_not_found: expertInfo('icmp.resp_not_found', Group.SEQUENCE, Severity.WARN, 'Response not found'),
  checksum_bad: expertInfo('icmp.checksum_bad', Group.CHECKSUM, Severity.WARN, 'Bad checksum'),
  ext_checksum_bad: expertInfo('icmp.ext.checksum_bad', Group.CHECKSUM, Severity.WARN, 'Bad checksum'),
};

// ---- names (learned from tshark's labels) ----

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'Echo (ping) reply', 1: 'Reserved', 2: 'Reserved', 3: 'Destination unreachable', 4: 'Source quench (flow control)',
  5: 'Redirect', 6: 'Alternate host address', 8: 'Echo (ping) request', 9: 'Router advertisement', 10: 'Router solicitation',
  11: 'Time-to-live exceeded', 12: 'Parameter problem', 13: 'Timestamp request', 14: 'Timestamp reply',
  15: 'Information request', 16: 'Information reply', 17: 'Address mask request', 18: 'Address mask reply',
  19: 'Reserved (for security)', 30: 'Traceroute', 31: 'Datagram Conversion Error', 32: 'Mobile Host Redirect',
  33: 'IPv6 Where-Are-You', 34: 'IPv6 I-Am-Here', 35: 'Mobile Registration Request', 36: 'Mobile Registration Reply',
  37: 'Domain Name Request', 38: 'Domain Name Reply', 39: 'SKIP', 40: 'Photuris', 41: 'Experimental mobility protocols',
  42: 'Extended Echo request', 43: 'Extended Echo reply',
};
const UNKNOWN_TYPE = 'Unknown ICMP (obsolete or malformed?)';

const CODE_NAMES: Readonly<Record<number, readonly (string | undefined)[]>> = {
  3: ['Network unreachable', 'Host unreachable', 'Protocol unreachable', 'Port unreachable', 'Fragmentation needed',
    'Source route failed', 'Destination network unknown', 'Destination host unknown', 'Source host isolated',
    'Network administratively prohibited', 'Host administratively prohibited', 'Network unreachable for TOS',
    'Host unreachable for TOS', 'Communication administratively filtered', 'Host precedence violation',
    'Precedence cutoff in effect'],
  5: ['Redirect for network', 'Redirect for host', 'Redirect for TOS and network', 'Redirect for TOS and host'],
  6: ['Alternate address for host'],
  9: ['Normal router advertisement', undefined, undefined, undefined, undefined, undefined, undefined, undefined,
    undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'Does not route common traffic'],
  11: ['Time to live exceeded in transit', 'Fragment reassembly time exceeded'],
  12: ['Pointer indicates the error', 'Required option missing', 'Bad length'],
  40: ['Bad SPI', 'Authentication Failed', 'Decompression Failed', 'Decryption Failed', 'Need Authentication', 'Need Authorization'],
  42: ['No error'],
  43: ['No error', 'Malformed Query', 'No Such Interface', 'No Such Table Entry', 'Multiple Interfaces Satisfy Query'],
};

/** Types whose Code is named (and appears in Info as "(name)"). */
/** The code byte if captured, else -1. */
function code0(p: Packet, off: number, end: number): number {
  return off + CODE < end && off + CODE < p.capEnd ? p.buf[off + CODE]! : -1;
}

function hasCodes(type: number): boolean {
  return CODE_NAMES[type] !== undefined;
}

function codeName(type: number, code: number): string {
  return CODE_NAMES[type]?.[code] ?? `Unknown code: ${code}`;
}

function isEcho(type: number): boolean {
  return type === 0 || type === 8 || (type >= 13 && type <= 18);
}

function isError(type: number): boolean {
  return type === 3 || type === 4 || type === 5 || type === 11 || type === 12;
}

function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}

function swap16(v: number): number {
  return ((v & 0xff) << 8) | (v >> 8);
}

// ---- echo request/response matching (per capture: echo-match.ts) ----

const ICMP_ECHO = stateKey('icmp', () => new EchoMatcher());

// ---- the dissector ----

function dissectIcmp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  const cols = p.cols;
  const quoted = inIcmpError(p);
  p.proto = 'ICMP';
  if (cols) p.clearInfo();
  const top = p.addProto(parent, proto_icmp, off, Math.min(end, p.capEnd));

  if (!needq(p, off + TYPE, 1, end, quoted)) return end - off;
  const type = b[off + TYPE]!;
  // type 9 with one of its defined codes is labelled as the Mobile IP form (as tshark does)
  const tname = type === 9 && (code0(p, off, end) === 0 || code0(p, off, end) === 16) ? 'Mobile IP Advertisement' : TYPE_NAMES[type] ?? UNKNOWN_TYPE;
  const ti = t.addNum(top, hf.type, off + TYPE, 1, type);
  if (ti >= 0 && full) t.setLabel(ti, `Type: ${type} (${tname})`);
  if (!needq(p, off + CODE, 1, end, quoted)) return end - off;
  const code = b[off + CODE]!;
  const ci = t.addNum(top, hf.code, off + CODE, 1, code);
  if (ci >= 0 && full && hasCodes(type)) t.setLabel(ci, `Code: ${code} (${codeName(type, code)})`);
  if (cols) {
    const known = TYPE_NAMES[type] !== undefined;
    let info = known ? tname.padEnd(20) : tname;
    if (hasCodes(type)) info += ` (${codeName(type, code)})`;
    p.setInfo(info);
  }

  // Checksum over the whole message, when all of it was captured.
  if (!needq(p, off + CHECKSUM, 2, end, quoted)) return end - off;
  const ck = u16At(b, off + CHECKSUM);
  const cki = t.addNum(top, hf.checksum, off + CHECKSUM, 2, ck);
  if (end <= p.capEnd && !quoted) {
    const sum = inetSum(b, off, end - off);
    if (inetChecksumFinish(sum) === 0) {
      if (full) t.appendLabel(cki, ' [correct]');
      const si = t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.GOOD));
      if (full) t.setLabel(si, 'Checksum Status: Good');
    } else {
      // what the field should hold: the checksum computed with the field taken as zero
      const should = inetChecksumWithout(b, off, end - off, off + CHECKSUM);
      if (full) t.appendLabel(cki, ` incorrect, should be 0x${hex4(should)}`);
      p.addExpert(cki, ei.checksum_bad, off + CHECKSUM, 2, `Bad checksum [should be 0x${hex4(should)}]`);
      const si = t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.BAD));
      if (full) t.setLabel(si, 'Checksum Status: Bad');
    }
  } else {
    if (full) t.appendLabel(cki, quoted ? ' [unverified]' : ' [unverified] [fragmented datagram]');
    const si = t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.UNVERIFIED));
    if (full) t.setLabel(si, 'Checksum Status: Unverified');
  }

  if (isEcho(type)) return echoBody(p, top, type, off, end, parent, quoted);
  if (isError(type)) return errorBody(p, top, type, code, off, end, quoted);
  if (type === 9) return routerAdvertisement(p, top, off, end, quoted);
  if (type === 42 || type === 43) return extendedEcho(p, top, off, end, quoted);
  return end - off;
}

function echoBody(p: Packet, top: number, type: number, off: number, end: number, parent: number, quoted: boolean): number {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off + REST, 2, end, quoted)) return end - off;
  const id = u16At(b, off + REST);
  t.addNum(top, hf.ident, off + REST, 2, id);
  t.addNum(top, hf.ident_le, off + REST, 2, swap16(id));
  if (!needq(p, off + REST + 2, 2, end, quoted)) return end - off;
  const seq = u16At(b, off + REST + 2);
  t.addNum(top, hf.seq, off + REST + 2, 2, seq);
  t.addNum(top, hf.seq_le, off + REST + 2, 2, swap16(seq));
  let suffix = '';
  if ((type === 0 || type === 8) && !quoted) {
    const s = p.session.get(ICMP_ECHO);
    if (type === 8) {
      if (!p.session.visited) s.request(p, id, seq);
      else {
        // a revisit knows the whole capture (tshark's second pass): the reply, or that there is none
        const rep = s.replyOf(p);
        if (rep > 0) {
          t.generated(t.addNum(top, hf.resp_in, off, 0, rep));
          suffix = ` (reply in ${rep})`;
        } else if (rep === 0) {
          const ni = t.generated(t.addItem(top, hf.no_resp, off, 0));
          p.addExpert(ni, ei.resp_not_found, off, 0, 'No response seen to ICMP request');
          suffix = ' (no response found!)';
        }
      }
    } else {
      const m = s.reply(p, id, seq);
      if (m) {
        t.generated(t.addNum(top, hf.resp_to, off, 0, m.req));
        const ms = Number(m.ms.toFixed(6));
        const rt = t.generated(t.addNum(top, hf.resptime, off, 0, ms));
        if (rt >= 0 && t.full) t.setLabel(rt, `Response time: ${ms.toFixed(3)} ms`);
        suffix = ` (request in ${m.req})`;
      }
    }
  }
  if (p.cols) {
    const ttl = ipTtl(p);
    p.appendInfo(` id=0x${hex4(id)}, seq=${seq}/${swap16(seq)}${ttl >= 0 ? `, ttl=${ttl}` : ''}${suffix}`);
  }
  let d = off + HEADER_LEN;
  if (type === 13 || type === 14) {
    for (const [fid, k] of [[hf.originate_timestamp, 0], [hf.receive_timestamp, 4], [hf.transmit_timestamp, 8]] as const) {
      if (!needq(p, d + k, 4, end, quoted)) return end - off;
      const v = u32At(b, d + k);
      const it = t.addNum(top, fid, d + k, 4, v);
      if (it >= 0 && t.full) t.appendLabel(it, ` (${msSinceMidnight(v)} after midnight UTC)`);
    }
    return end - off;
  }
  if (type === 17 || type === 18) {
    if (!needq(p, d, 4, end, quoted)) return end - off;
    t.addNum(top, hf.address_mask, d, 4, u32At(b, d));
    return end - off;
  }
  if (type === 15 || type === 16) return end - off;
  // Echo data: a leading timeval (seconds, microseconds; either byte order) within a day of the
  // frame's time shows as icmp.data_time.
  if (end - d >= 8 && d + 8 <= p.capEnd && !quoted) {
    const ts = dataTime(b, d, p.tsSec);
    if (ts) {
      t.addObj(top, hf.data_time, d, 8, ts);
      t.generated(t.addObj(top, hf.data_time_relative, d, 8, nsDiff(p.tsSec, p.tsNsec, ts.sec, ts.nsec)));
      d += 8;
    }
  }
  if (d < end) showData(p, d, end, top);
  void parent;
  return end - off;
}

function dataTime(b: Uint8Array, d: number, frameSec: number): { sec: number; nsec: number } | undefined {
  // little-endian first (Linux ping on x86), then big-endian
  let sec = (b[d]! | (b[d + 1]! << 8) | (b[d + 2]! << 16) | (b[d + 3]! << 24)) >>> 0;
  let usec = (b[d + 4]! | (b[d + 5]! << 8) | (b[d + 6]! << 16) | (b[d + 7]! << 24)) >>> 0;
  if (usec < 1000000 && Math.abs(frameSec - sec) < 86400) return { sec, nsec: usec * 1000 };
  sec = u32At(b, d);
  usec = u32At(b, d + 4);
  if (usec < 1000000 && Math.abs(frameSec - sec) < 86400) return { sec, nsec: usec * 1000 };
  return undefined;
}

/** `0.100 seconds` / `12:34:56.789` style text of milliseconds since midnight. */
function msSinceMidnight(v: number): string {
  if (v & 0x80000000) return `${v} (non-standard)`;
  if (v < 60000) return `${(v / 1000).toFixed(3)} seconds`;
  const h = Math.floor(v / 3600000);
  const m = Math.floor((v % 3600000) / 60000);
  const s = ((v % 60000) / 1000).toFixed(3);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.padStart(6, '0')}`;
}

/** Errors: the rest of the header, then the quoted datagram with the columns frozen. */
function errorBody(p: Packet, top: number, type: number, code: number, off: number, end: number, quoted: boolean): number {
  const t = p.tree;
  const b = p.buf;
  const r = off + REST;
  if (!needq(p, r, 4, end, quoted)) return end - off;
  if (type === 5) {
    t.addNum(top, hf.redir_gw, r, 4, u32At(b, r));
  } else if (type === 12) {
    t.addNum(top, hf.pointer, r, 1, b[r]!);
    lengthOrUnused(p, top, r + 1, 3, b[r + 1]!, r + 2);
  } else if (type === 3 || type === 11) {
    const len = b[r + 1]!;
    if (type === 3 && code === 4) {
      if (len !== 0) lengthOrUnused(p, top, r, 2, len, r + 2);
      else t.addBytes(top, hf.unused, r, 2);
      t.addNum(top, hf.mtu, r + 2, 2, u16At(b, r + 2));
    } else if (len !== 0) {
      t.addBytes(top, hf.unused, r, 1);
      lengthOrUnused(p, top, r + 1, 3, len, r + 2);
    } else {
      t.addBytes(top, hf.unused, r, 4);
    }
  }
  // the quoted datagram: IP (of its own version), then its transport header
  const q = off + HEADER_LEN;
  if (q >= end || q >= p.capEnd) return end - off;
  const saved = { proto: p.proto, info: p.info, src: p.src, dst: p.dst, netType: p.netType, src4: p.src4, dst4: p.dst4, src6: p.src6, dst6: p.dst6, ptype: p.ptype, srcport: p.srcport, dstport: p.dstport };
  enterIcmpError(p);
  try {
    dissectIpAnyVersion(p, q, end, top);
  } finally {
    leaveIcmpError(p);
  }
  p.proto = saved.proto;
  if (p.cols) { p.clearInfo(); p.setInfo(saved.info); }
  p.src = saved.src; p.dst = saved.dst;
  p.netType = saved.netType; p.src4 = saved.src4; p.dst4 = saved.dst4; p.src6 = saved.src6; p.dst6 = saved.dst6;
  p.ptype = saved.ptype; p.srcport = saved.srcport; p.dstport = saved.dstport;
  return end - off;
}

/** RFC 4884 length byte: "Length: N", "[Length of original datagram: 4N]", then the unused rest. */
function lengthOrUnused(p: Packet, top: number, at: number, n: number, len: number, unusedAt: number): void {
  const t = p.tree;
  if (len === 0) {
    t.addBytes(top, hf.unused, at, n);
    return;
  }
  t.addNum(top, hf.length, at, 1, len);
  t.generated(t.addNum(top, hf.length_original_datagram, at, 1, len * 4));
  const rest = at + n - unusedAt;
  if (rest > 0) t.addBytes(top, hf.unused, unusedAt, rest);
}

function routerAdvertisement(p: Packet, top: number, off: number, end: number, quoted: boolean): number {
  const t = p.tree;
  const b = p.buf;
  const r = off + REST;
  if (!needq(p, r, 4, end, quoted)) return end - off;
  const n = b[r]!;
  const size = b[r + 1]!;
  t.addNum(top, hf.num_addrs, r, 1, n);
  t.addNum(top, hf.addr_entry_size, r + 1, 1, size);
  const life = u16At(b, r + 2);
  const li = t.addNum(top, hf.lifetime, r + 2, 2, life);
  if (li >= 0 && t.full) t.appendLabel(li, ` (${durationText(life)})`);
  let o = off + HEADER_LEN;
  for (let i = 0; i < n; i++) {
    if (!needq(p, o, 8, end, quoted)) return end - off;
    t.addNum(top, hf.router_address, o, 4, u32At(b, o));
    t.addNum(top, hf.pref_level, o + 4, 4, u32At(b, o + 4) | 0);
    o += Math.max(8, size * 4);
  }
  // (Mobile IP extensions are not decoded yet: what follows shows as data)
  if (o < end) showData(p, o, end, top);
  return end - off;
}

function durationText(s: number): string {
  const parts: string[] = [];
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (sec || parts.length === 0) parts.push(`${sec} second${sec === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** RFC 8335: identifier, sequence (8 bits), flags; the extension objects are not decoded yet. */
function extendedEcho(p: Packet, top: number, off: number, end: number, quoted: boolean): number {
  const t = p.tree;
  const b = p.buf;
  const r = off + REST;
  if (!needq(p, r, 4, end, quoted)) return end - off;
  const id = u16At(b, r);
  t.addNum(top, hf.ident, r, 2, id);
  t.addNum(top, hf.ident_le, r, 2, swap16(id));
  const seq = b[r + 2]!;
  const si = t.addNum(top, hf.ext_echo_seq, r + 2, 1, seq);
  if (si >= 0 && t.full) t.setLabel(si, `Sequence Number: ${seq} (0x${seq.toString(16).padStart(2, '0')})`);
  return end - off;
}

export const icmpHandle = registerHandle('icmp', dissectIcmp);
ipProtoTable.add(1, icmpHandle);
