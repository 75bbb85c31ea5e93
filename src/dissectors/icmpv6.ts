// icmpv6: Internet Control Message Protocol for IPv6 (RFC 4443), with Neighbor Discovery
// (RFC 4861), MLD (RFC 2710, RFC 3810), Router Renumbering (RFC 2894) and echo request/reply
// matching.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     Type      |     Code      |          Checksum             |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                         Message Body                          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The checksum covers an IPv6 pseudo-header (source, final destination, length, next header 58)
// and is verified like tshark does by default. Errors (types 1-4) quote the invoking packet,
// dissected as IPv6 with the columns frozen. ND options are type, length (in units of 8 bytes),
// value; the link-layer address options add " from …" / " is at …" to Info.

import { FT, Base, f, registerProtocol, vals, TFS_SET } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { bitPattern, formatIPv6, formatMac, hexBytes } from '../core/format.js';
import { EchoMatcher } from './echo-match.js';
import { ipProtoTable } from './ipproto.js';
import { callData } from './data.js';
import {
  CHECKSUM_STATUS_NAMES, CkStatus, inetSum, inetChecksumFinish, inIcmpError, enterIcmpError, leaveIcmpError,
  needq, u16At, u32At,
} from './inet-util.js';
import { ipv6Handle, ipv6PseudoAddresses } from './ipv6.js';

const TYPE = 0;
const CODE = 1;
const CHECKSUM = 2;
const BODY = 4;
const HEADER_LEN = BODY;

const T_UNREACH = 1;
const T_TOO_BIG = 2;
const T_TIME_EXCEEDED = 3;
const T_PARAM_PROBLEM = 4;
const T_ECHO_REQUEST = 128;
const T_ECHO_REPLY = 129;
const T_MLD_QUERY = 130;
const T_MLD_REPORT = 131;
const T_MLD_DONE = 132;
const T_RS = 133;
const T_RA = 134;
const T_NS = 135;
const T_NA = 136;
const T_REDIRECT = 137;
const T_RR = 138;
const T_NI_QUERY = 139;
const T_NI_REPLY = 140;
const T_MLDV2_REPORT = 143;

const OPT_SLLA = 1;
const OPT_TLLA = 2;
const OPT_PREFIX = 3;
const OPT_REDIRECTED = 4;
const OPT_MTU = 5;
const OPT_ADV_INTERVAL = 7;
const OPT_HA_INFO = 8;
const OPT_NONCE = 14;
const OPT_RDNSS = 25;
const OPT_DNSSL = 31;
const OPT_PREF64 = 38;

export const proto_icmpv6 = registerProtocol('icmpv6', 'Internet Control Message Protocol v6', 'ICMPv6');

const TYPE_NAMES = vals({
  1: 'Destination Unreachable', 2: 'Packet Too Big', 3: 'Time Exceeded', 4: 'Parameter Problem',
  100: 'Private experimentation', 101: 'Private experimentation',
  127: 'Reserved for expansion of ICMPv6 error messages', 128: 'Echo (ping) request', 129: 'Echo (ping) reply',
  130: 'Multicast Listener Query', 131: 'Multicast Listener Report', 132: 'Multicast Listener Done',
  133: 'Router Solicitation', 134: 'Router Advertisement', 135: 'Neighbor Solicitation',
  136: 'Neighbor Advertisement', 137: 'Redirect', 138: 'Router Renumbering', 139: 'Node Information Query',
  140: 'Node Information Reply', 141: 'Inverse Neighbor Discovery Solicitation',
  142: 'Inverse Neighbor Discovery Advertisement', 143: 'Multicast Listener Report Message v2',
  144: 'Home Agent Address Discovery Request', 145: 'Home Agent Address Discovery Reply',
  146: 'Mobile Prefix Solicitation', 147: 'Mobile Prefix Advertisement', 148: 'Certification Path Solicitation',
  149: 'Certification Path Advertisement', 150: 'Experimental Mobility', 151: 'Multicast Router Advertisement',
  152: 'Multicast Router Solicitation', 153: 'Multicast Router Termination', 154: 'FMIPv6', 155: 'RPL Control',
  156: 'Locator Update', 157: 'Duplicate Address Request', 158: 'Duplicate Address Confirmation',
  159: 'MPL Control Message', 160: 'Extended Echo request', 161: 'Extended Echo reply',
  200: 'Private experimentation', 201: 'Private experimentation',
  255: 'Reserved for expansion of ICMPv6 informational messages',
});

/** Code names per type, as tshark shows them in "Code: 4 (Port unreachable)". */
const CODE_NAMES: ReadonlyMap<number, ReadonlyMap<number, string>> = new Map([
  [T_UNREACH, vals({
    0: 'no route to destination', 1: 'Administratively prohibited', 2: 'Beyond scope of source address',
    3: 'Address unreachable', 4: 'Port unreachable', 5: 'Source address failed ingress/egress policy',
    6: 'Reject route to destination', 7: 'Error in Source Routing Header',
  })],
  [T_TIME_EXCEEDED, vals({ 0: 'hop limit exceeded in transit', 1: 'fragment reassembly time exceeded' })],
  [T_PARAM_PROBLEM, vals({
    0: 'erroneous header field encountered', 1: 'unrecognized Next Header type encountered',
    2: 'unrecognized IPv6 option encountered', 3: 'IPv6 First Fragment has incomplete IPv6 Header Chain',
  })],
  [T_RR, vals({ 0: 'Command', 1: 'Result', 255: 'Sequence number reset' })],
  [T_NI_QUERY, vals({ 0: 'Query subject = IPv6 addresses', 1: 'Query subject = DNS name or empty', 2: 'Query subject = IPv4 addresses' })],
  [T_NI_REPLY, vals({ 0: 'Successful', 1: 'Refused', 2: 'Unknown query type' })],
]);

function codeName(type: number, code: number): string | undefined {
  const m = CODE_NAMES.get(type);
  if (!m) return undefined;
  // tshark words a missing Destination Unreachable code as plain "Unknown"
  return m.get(code) ?? (type === T_UNREACH ? 'Unknown' : `Unknown (${code})`);
}

const OPT_TYPE_NAMES = vals({
  1: 'Source link-layer address', 2: 'Target link-layer address', 3: 'Prefix information', 4: 'Redirected header',
  5: 'MTU', 6: 'NBMA Shortcut Limit Option', 7: 'Advertisement Interval', 8: 'Home Agent Information',
  9: 'Source Address List', 10: 'Target Address List', 11: 'CGA', 12: 'RSA Signature', 13: 'Timestamp', 14: 'Nonce',
  15: 'Trust Anchor', 16: 'Certificate', 17: 'IP Address/Prefix Option', 18: 'New Router Prefix Information',
  19: 'Link-layer Address', 20: 'Neighbor Advertisement Acknowledgment', 23: 'MAP', 24: 'Route Information',
  25: 'Recursive DNS Server', 26: 'RA Flags Extension', 27: 'Handover Key Request', 28: 'Handover Key Reply',
  29: 'Handover Assist Information', 30: 'Mobile Node Identifier Option', 31: 'DNS Search List Option',
  32: 'Proxy Signature (PS)', 33: 'Address Registration Option', 34: '6LoWPAN Context Option',
  35: 'Authoritative Border Router', 36: '6LoWPAN Capability Indication Option', 37: 'DHCP Captive-Portal',
  38: 'PREF64 Option', 138: 'CARD Request', 139: 'CARD Reply', 253: 'RFC3692-style Experiment 1',
  254: 'RFC3692-style Experiment 2',
});
const PRF_NAMES = vals({ 0: 'Medium', 1: 'High', 2: 'Reserved', 3: 'Low' });
const MLDR_RECORD_NAMES = vals({
  1: 'Include', 2: 'Exclude', 3: 'Changed to include', 4: 'Changed to exclude', 5: 'Allow new sources', 6: 'Block old sources',
});
const RR_OPCODE_NAMES = vals({ 1: 'Add', 2: 'Change', 3: 'Set Global' });
const PREF64_PLC_NAMES = vals({
  0: '96 bits prefix length', 1: '64 bits prefix length', 2: '56 bits prefix length', 3: '48 bits prefix length',
  4: '40 bits prefix length', 5: '32 bits prefix length',
});
const PREF64_PLC_BITS = [96, 64, 56, 48, 40, 32];

const hf = {
  type: f('icmpv6.type', 'Type', FT.UINT8, { vals: TYPE_NAMES }),
  code: f('icmpv6.code', 'Code', FT.UINT8),
  checksum: f('icmpv6.checksum', 'Checksum', FT.UINT16, { base: Base.HEX }),
  checksum_status: f('icmpv6.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  reserved: f('icmpv6.reserved', 'Reserved', FT.BYTES),
  data: f('icmpv6.data', 'Data', FT.BYTES),
  unknown_data: f('icmpv6.unknown_data', 'Unknown Data', FT.BYTES),
  mtu: f('icmpv6.mtu', 'MTU', FT.UINT32),
  pointer: f('icmpv6.pointer', 'Pointer', FT.UINT32),
  echo_identifier: f('icmpv6.echo.identifier', 'Identifier', FT.UINT16, { base: Base.HEX }),
  echo_sequence: f('icmpv6.echo.sequence_number', 'Sequence', FT.UINT16),
  resp_in: f('icmpv6.resp_in', 'Response In', FT.FRAMENUM),
  resp_to: f('icmpv6.resp_to', 'Response To', FT.FRAMENUM),
  resptime: f('icmpv6.resptime', 'Response Time', FT.DOUBLE),
  no_resp: f('icmpv6.no_resp', 'No response seen', FT.NONE),
  // neighbor discovery
  ra_cur_hop_limit: f('icmpv6.nd.ra.cur_hop_limit', 'Cur hop limit', FT.UINT8),
  ra_flag: f('icmpv6.nd.ra.flag', 'Flags', FT.UINT8, { base: Base.HEX }),
  ra_flag_m: f('icmpv6.nd.ra.flag.m', 'Managed address configuration', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  ra_flag_o: f('icmpv6.nd.ra.flag.o', 'Other configuration', FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  ra_flag_h: f('icmpv6.nd.ra.flag.h', 'Home Agent', FT.BOOLEAN, { boolBits: 8, mask: 0x20 }),
  ra_flag_prf: f('icmpv6.nd.ra.flag.prf', 'Prf (Default Router Preference)', FT.UINT8, { mask: 0x18, vals: PRF_NAMES }),
  ra_flag_p: f('icmpv6.nd.ra.flag.p', 'Proxy', FT.BOOLEAN, { boolBits: 8, mask: 0x04 }),
  ra_flag_rsv: f('icmpv6.nd.ra.flag.rsv', 'Reserved', FT.UINT8, { mask: 0x03 }),
  ra_router_lifetime: f('icmpv6.nd.ra.router_lifetime', 'Router lifetime (s)', FT.UINT16),
  ra_reachable_time: f('icmpv6.nd.ra.reachable_time', 'Reachable time (ms)', FT.UINT32),
  ra_retrans_timer: f('icmpv6.nd.ra.retrans_timer', 'Retrans timer (ms)', FT.UINT32),
  ns_target_address: f('icmpv6.nd.ns.target_address', 'Target Address', FT.IPv6),
  na_flag: f('icmpv6.nd.na.flag', 'Flags', FT.UINT32, { base: Base.HEX }),
  na_flag_r: f('icmpv6.nd.na.flag.r', 'Router', FT.BOOLEAN, { boolBits: 32, mask: 0x80000000 }),
  na_flag_s: f('icmpv6.nd.na.flag.s', 'Solicited', FT.BOOLEAN, { boolBits: 32, mask: 0x40000000 }),
  na_flag_o: f('icmpv6.nd.na.flag.o', 'Override', FT.BOOLEAN, { boolBits: 32, mask: 0x20000000 }),
  na_flag_rsv: f('icmpv6.nd.na.flag.rsv', 'Reserved', FT.UINT32, { mask: 0x1fffffff }),
  na_target_address: f('icmpv6.nd.na.target_address', 'Target Address', FT.IPv6),
  rd_target_address: f('icmpv6.nd.rd.target_address', 'Target Address', FT.IPv6),
  rd_destination_address: f('icmpv6.rd.na.destination_address', 'Destination Address', FT.IPv6),
  // options
  opt: f('icmpv6.opt', 'ICMPv6 Option', FT.NONE),
  opt_type: f('icmpv6.opt.type', 'Type', FT.UINT8, { vals: OPT_TYPE_NAMES }),
  opt_length: f('icmpv6.opt.length', 'Length', FT.UINT8),
  opt_reserved: f('icmpv6.opt.reserved', 'Reserved', FT.NONE),
  opt_padding: f('icmpv6.opt.padding', 'Padding', FT.NONE),
  opt_linkaddr: f('icmpv6.opt.linkaddr', 'Link-layer address', FT.BYTES),
  opt_src_linkaddr: f('icmpv6.opt.src_linkaddr', 'Source Link-layer address', FT.BYTES),
  opt_target_linkaddr: f('icmpv6.opt.target_linkaddr', 'Target Link-layer address', FT.BYTES),
  opt_prefix_length: f('icmpv6.opt.prefix.length', 'Prefix Length', FT.UINT8),
  opt_prefix_flag: f('icmpv6.opt.prefix.flag', 'Flag', FT.UINT8, { base: Base.HEX }),
  opt_prefix_flag_l: f('icmpv6.opt.prefix.flag.l', 'On-link flag(L)', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  opt_prefix_flag_a: f('icmpv6.opt.prefix.flag.a', 'Autonomous address-configuration flag(A)', FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  opt_prefix_flag_r: f('icmpv6.opt.prefix.flag.r', 'Router address flag(R)', FT.BOOLEAN, { boolBits: 8, mask: 0x20 }),
  opt_prefix_flag_reserved: f('icmpv6.opt.prefix.flag.reserved', 'Reserved', FT.UINT8, { mask: 0x1f }),
  opt_prefix_valid_lifetime: f('icmpv6.opt.prefix.valid_lifetime', 'Valid Lifetime', FT.UINT32),
  opt_prefix_preferred_lifetime: f('icmpv6.opt.prefix.preferred_lifetime', 'Preferred Lifetime', FT.UINT32),
  opt_prefix: f('icmpv6.opt.prefix', 'Prefix', FT.IPv6),
  opt_redirected_packet: f('icmpv6.opt.redirected_packet', 'Redirected Packet', FT.NONE),
  opt_mtu: f('icmpv6.opt.mtu', 'MTU', FT.UINT32),
  opt_advertisement_interval: f('icmpv6.opt.advertisement_interval', 'Advertisement Interval', FT.UINT32),
  opt_home_agent_preference: f('icmpv6.opt.home_agent_preference', 'Home Agent Preference', FT.UINT16),
  opt_home_agent_lifetime: f('icmpv6.opt.home_agent_lifetime', 'Home Agent Preference', FT.UINT16),
  opt_nonce: f('icmpv6.opt.nonce', 'Nonce', FT.BYTES),
  opt_rdnss_lifetime: f('icmpv6.opt.rdnss.lifetime', 'Lifetime', FT.UINT32),
  opt_rdnss: f('icmpv6.opt.rdnss', 'Recursive DNS Servers', FT.IPv6),
  opt_dnssl_lifetime: f('icmpv6.opt.dnssl.lifetime', 'Lifetime', FT.UINT32),
  opt_dnssl: f('icmpv6.opt.dnssl', 'Domain Names', FT.STRING),
  opt_pref64_scaled_lifetime: f('icmpv6.opt.pref64.scaled_lifetime', 'Scaled Lifetime', FT.UINT16, { mask: 0xfff8 }),
  opt_pref64_plc: f('icmpv6.opt.pref64.plc', 'PLC (Prefix Length Code)', FT.UINT16, { base: Base.HEX, mask: 0x7, vals: PREF64_PLC_NAMES }),
  opt_pref64_prefix: f('icmpv6.opt.pref64.prefix', 'Prefix', FT.IPv6),
  // MLD
  mld_maximum_response_delay: f('icmpv6.mld.maximum_response_delay', 'Maximum Response Delay [ms]', FT.UINT16),
  mld_multicast_address: f('icmpv6.mld.multicast_address', 'Multicast Address', FT.IPv6),
  mld_maximum_response_code: f('icmpv6.mld.maximum_response_code', 'Maximum Response Code', FT.UINT16),
  mld_flag: f('icmpv6.mld.flag', 'Flags', FT.UINT8, { base: Base.HEX }),
  mld_flag_s: f('icmpv6.mld.flag.s', 'Suppress Router-Side Processing', FT.BOOLEAN, { boolBits: 8, mask: 0x08, tfs: ['True', 'False'] }),
  mld_flag_qrv: f('icmpv6.mld.flag.qrv', "QRV (Querier's Robustness Variable)", FT.UINT8, { mask: 0x07 }),
  mld_flag_reserved: f('icmpv6.mld.flag.reserved', 'Reserved', FT.UINT8, { mask: 0xf0 }),
  mld_qqi: f('icmpv6.mld.qqi', "QQIC (Querier's Query Interval Code)", FT.UINT8),
  mld_nb_sources: f('icmpv6.mld.nb_sources', 'Number of Sources', FT.UINT16),
  mld_source_address: f('icmpv6.mld.source_address', 'Source Address', FT.IPv6),
  mldr_nb_mcast_records: f('icmpv6.mldr.nb_mcast_records', 'Number of Multicast Address Records', FT.UINT16),
  mldr_mar: f('icmpv6.mldr.mar', 'Multicast Address Record', FT.NONE),
  mldr_mar_record_type: f('icmpv6.mldr.mar.record_type', 'Record Type', FT.UINT8, { vals: MLDR_RECORD_NAMES }),
  mldr_mar_aux_data_len: f('icmpv6.mldr.mar.aux_data_len', 'Aux Data Len', FT.UINT8),
  mldr_mar_nb_sources: f('icmpv6.mldr.mar.nb_sources', 'Number of Sources', FT.UINT16),
  mldr_mar_multicast_address: f('icmpv6.mldr.mar.multicast_address', 'Multicast Address', FT.IPv6),
  mldr_mar_source_address: f('icmpv6.mldr.mar.source_address', 'Source Address', FT.IPv6),
  mldr_mar_auxiliary_data: f('icmpv6.mldr.mar.auxiliary_data', 'Auxiliary Data', FT.BYTES),
  // router renumbering
  rr_sequence_number: f('icmpv6.rr.sequence_number', 'Sequence Number', FT.UINT32),
  rr_segment_number: f('icmpv6.rr.segment_number', 'Segment Number', FT.UINT8),
  rr_flag: f('icmpv6.rr.flag', 'Flags', FT.UINT8, { base: Base.HEX }),
  rr_flag_t: f('icmpv6.rr.flag.t', 'Test Command', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  rr_flag_r: f('icmpv6.rr.flag.r', 'Result requested', FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  rr_flag_a: f('icmpv6.rr.flag.a', 'All Interfaces', FT.BOOLEAN, { boolBits: 8, mask: 0x20 }),
  rr_flag_s: f('icmpv6.rr.flag.s', 'Site-specific', FT.BOOLEAN, { boolBits: 8, mask: 0x10 }),
  rr_flag_p: f('icmpv6.rr.flag.p', 'Processed previously', FT.BOOLEAN, { boolBits: 8, mask: 0x08 }),
  rr_flag_rsv: f('icmpv6.rr.flag.rsv', 'Reserved', FT.UINT8, { mask: 0x07 }),
  rr_maxdelay: f('icmpv6.rr.maxdelay', 'Max Delay', FT.UINT16),
  rr_pco_mp: f('icmpv6.rr.pco.mp', 'Match-Prefix Part', FT.NONE),
  rr_pco_mp_opcode: f('icmpv6.rr.pco.mp.opcode', 'OpCode', FT.UINT8, { vals: RR_OPCODE_NAMES }),
  rr_pco_mp_oplength: f('icmpv6.rr.pco.mp.oplength', 'OpLength', FT.UINT8),
  rr_pco_mp_ordinal: f('icmpv6.rr.pco.mp.ordinal', 'Ordinal', FT.UINT8, { base: Base.HEX }),
  rr_pco_mp_matchlen: f('icmpv6.rr.pco.mp.matchlen', 'MatchLen', FT.UINT8),
  rr_pco_mp_minlen: f('icmpv6.rr.pco.mp.minlen', 'MinLen', FT.UINT8),
  rr_pco_mp_maxlen: f('icmpv6.rr.pco.mp.maxlen', 'MaxLen', FT.UINT8),
  rr_pco_mp_matchprefix: f('icmpv6.rr.pco.mp.matchprefix', 'MatchPrefix', FT.IPv6),
  rr_pco_up: f('icmpv6.rr.pco.up', 'Use-Prefix Part', FT.NONE),
  rr_pco_up_uselen: f('icmpv6.rr.pco.up.uselen', 'UseLen', FT.UINT8),
  rr_pco_up_keeplen: f('icmpv6.rr.pco.up.keeplen', 'KeepLen', FT.UINT8),
  rr_pco_up_flagmask: f('icmpv6.rr.pco.up.flagmask', 'FlagMask', FT.UINT8, { base: Base.HEX }),
  rr_pco_up_flagmask_l: f('icmpv6.rr.pco.up.flagmask.l', 'On-link flag(L)', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  rr_pco_up_flagmask_a: f('icmpv6.rr.pco.up.flagmask.a', 'Autonomous address-configuration flag(A)', FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  rr_pco_up_flagmask_reserved: f('icmpv6.rr.pco.up.flagmask.reserved', 'Reserved', FT.UINT8, { mask: 0x3f }),
  rr_pco_up_raflags: f('icmpv6.rr.pco.up.raflags', 'RAFlags', FT.UINT8, { base: Base.HEX }),
  rr_pco_up_validlifetime: f('icmpv6.rr.pco.up.validlifetime', 'Valid Lifetime', FT.UINT32),
  rr_pco_up_preferredlifetime: f('icmpv6.rr.pco.up.preferredlifetime', 'Preferred Lifetime', FT.UINT32),
  rr_pco_up_flag: f('icmpv6.rr.pco.up.flag', 'Flags', FT.UINT32, { base: Base.HEX }),
  rr_pco_up_flag_v: f('icmpv6.rr.pco.up.flag.v', 'Decrement valid lifetime', FT.BOOLEAN, { boolBits: 32, mask: 0x80000000 }),
  rr_pco_up_flag_p: f('icmpv6.rr.pco.up.flag.p', 'Decrement preferred lifetime', FT.BOOLEAN, { boolBits: 32, mask: 0x40000000 }),
  rr_pco_up_flag_reserved: f('icmpv6.rr.pco.up.flag.reserved', 'Reserved', FT.UINT32, { mask: 0x3fffffff }),
  rr_pco_up_useprefix: f('icmpv6.rr.pco.up.useprefix', 'UsePrefix', FT.IPv6),
};
void TFS_SET;

const ei = {
  checksum_bad: expertInfo('icmpv6.checksum_bad.expert', Group.CHECKSUM, Severity.WARN, 'Bad checksum'),
  invalid_option_length: expertInfo('icmpv6.invalid_option_length', Group.MALFORMED, Severity.ERROR, 'Invalid Option Length'),
  resp_not_found: expertInfo('icmpv6.resp_not_found', Group.SEQUENCE, Severity.WARN, 'Response not found'),
};

// ---- echo request/reply matching (per capture: echo-match.ts) ----

const ICMPV6_ECHO = stateKey('icmpv6', () => new EchoMatcher());

function hex(v: number, digits: number): string {
  return '0x' + v.toString(16).padStart(digits, '0');
}

/** The checksum over the pseudo-header and the message [off, end), folded, not complemented. */
function checksumSum(p: Packet, off: number, end: number): number | undefined {
  const a = ipv6PseudoAddresses(p);
  if (!a) return undefined;
  const len = end - off;
  let sum = inetSum(a.src, 0, 16);
  sum = inetSum(a.dst, 0, 16, sum);
  sum += (len >>> 16) + (len & 0xffff) + 58;
  return inetSum(p.buf, off, len, sum);
}

// ---- the dissector ----

function dissectIcmpv6(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  const quoted = inIcmpError(p);
  p.proto = 'ICMPv6';
  p.curProto = 'ICMPv6';
  if (p.cols && !quoted) p.clearInfo();
  const top = p.addProto(parent, proto_icmpv6, off, Math.min(end, p.capEnd));

  if (!needq(p, off + TYPE, 1, end, quoted)) return end - off;
  const type = b[off + TYPE]!;
  t.addNum(top, hf.type, off + TYPE, 1, type);
  if (!needq(p, off + CODE, 1, end, quoted)) return end - off;
  const code = b[off + CODE]!;
  const ci = t.addNum(top, hf.code, off + CODE, 1, code);
  const cname = codeName(type, code);
  if (ci >= 0 && full && cname !== undefined) t.appendLabel(ci, ` (${cname})`);
  if (p.cols && !quoted) {
    const tname = TYPE_NAMES.get(type) ?? `Unknown (${type})`;
    p.setInfo(cname !== undefined ? `${tname} (${cname})` : tname);
  }

  if (!needq(p, off + CHECKSUM, 2, end, quoted)) return end - off;
  const ck = u16At(b, off + CHECKSUM);
  const cki = t.addNum(top, hf.checksum, off + CHECKSUM, 2, ck);
  const sum = !quoted && end <= p.capEnd ? checksumSum(p, off, end) : undefined;
  if (sum !== undefined) {
    if (inetChecksumFinish(sum) === 0) {
      if (full) t.appendLabel(cki, ' [correct]');
      t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.GOOD));
    } else {
      // what the field should hold: the sum with the field taken as zero
      const a = ipv6PseudoAddresses(p)!;
      const len = end - off;
      let s0 = inetSum(a.src, 0, 16);
      s0 = inetSum(a.dst, 0, 16, s0);
      s0 += (len >>> 16) + (len & 0xffff) + 58;
      s0 = inetSum(b, off, CHECKSUM, s0);
      s0 = inetSum(b, off + HEADER_LEN, len - HEADER_LEN, s0);
      const should = inetChecksumFinish(s0);
      if (full) t.appendLabel(cki, ` incorrect, should be ${hex(should, 4)}`);
      p.addExpert(cki, ei.checksum_bad, off + CHECKSUM, 2, `Bad checksum [should be ${hex(should, 4)}]`);
      t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.BAD));
    }
  } else {
    if (full) t.appendLabel(cki, ' [unverified]');
    t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.UNVERIFIED));
  }

  const body = off + BODY;
  switch (type) {
    case T_UNREACH: case T_TIME_EXCEEDED: case T_PARAM_PROBLEM: case T_TOO_BIG:
      errorBody(p, top, type, body, end, quoted);
      break;
    case T_ECHO_REQUEST: case T_ECHO_REPLY:
      echoBody(p, top, type, body, end, quoted);
      break;
    case T_MLD_QUERY: case T_MLD_REPORT: case T_MLD_DONE:
      mldBody(p, top, type, body, end, quoted);
      break;
    case T_MLDV2_REPORT:
      mldv2ReportBody(p, top, body, end, quoted);
      break;
    case T_RS: {
      if (!needq(p, body, 4, end, quoted)) break;
      t.addBytes(top, hf.reserved, body, 4);
      options(p, top, body + 4, end, quoted);
      break;
    }
    case T_RA:
      raBody(p, top, body, end, quoted);
      break;
    case T_NS: {
      if (!needq(p, body, 4, end, quoted)) break;
      t.addBytes(top, hf.reserved, body, 4);
      if (!needq(p, body + 4, 16, end, quoted)) break;
      t.addBytes(top, hf.ns_target_address, body + 4, 16);
      if (p.cols && !quoted) p.appendInfo(` for ${formatIPv6(b, body + 4)}`);
      options(p, top, body + 20, end, quoted);
      break;
    }
    case T_NA:
      naBody(p, top, body, end, quoted);
      break;
    case T_REDIRECT: {
      if (!needq(p, body, 4, end, quoted)) break;
      t.addBytes(top, hf.reserved, body, 4);
      if (!needq(p, body + 4, 16, end, quoted)) break;
      t.addBytes(top, hf.rd_target_address, body + 4, 16);
      if (!needq(p, body + 20, 16, end, quoted)) break;
      t.addBytes(top, hf.rd_destination_address, body + 20, 16);
      options(p, top, body + 36, end, quoted);
      break;
    }
    case T_RR:
      rrBody(p, top, code, body, end, quoted);
      break;
    default:
      if (body < end) {
        if (!needq(p, body, end - body, end, quoted)) break;
        callData(p, body, end, top);
      }
  }
  return end - off;
}

/** Errors: the 4-byte field (reserved, MTU or pointer), then the invoking packet as IPv6. */
function errorBody(p: Packet, top: number, type: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off, 4, end, quoted)) return;
  if (type === T_TOO_BIG) t.addNum(top, hf.mtu, off, 4, u32At(b, off));
  else if (type === T_PARAM_PROBLEM) t.addNum(top, hf.pointer, off, 4, u32At(b, off));
  else t.addBytes(top, hf.reserved, off, 4);
  const q = off + 4;
  if (q >= end || q >= p.capEnd) return;
  const saved = {
    proto: p.proto, info: p.info, src: p.src, dst: p.dst, netType: p.netType, src4: p.src4, dst4: p.dst4,
    src6: p.src6, dst6: p.dst6, ptype: p.ptype, srcport: p.srcport, dstport: p.dstport,
  };
  enterIcmpError(p);
  try {
    const n = p.call(ipv6Handle, q, end, top);
    if (n === 0 && !p.stopped) callData(p, q, end, top);
  } finally {
    leaveIcmpError(p);
  }
  p.proto = saved.proto;
  if (p.cols) { p.clearInfo(); p.setInfo(saved.info); }
  p.src = saved.src; p.dst = saved.dst;
  p.netType = saved.netType; p.src4 = saved.src4; p.dst4 = saved.dst4; p.src6 = saved.src6; p.dst6 = saved.dst6;
  p.ptype = saved.ptype; p.srcport = saved.srcport; p.dstport = saved.dstport;
}

function echoBody(p: Packet, top: number, type: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off, 2, end, quoted)) return;
  const id = u16At(b, off);
  t.addNum(top, hf.echo_identifier, off, 2, id);
  if (!needq(p, off + 2, 2, end, quoted)) return;
  const seq = u16At(b, off + 2);
  t.addNum(top, hf.echo_sequence, off + 2, 2, seq);
  let suffix = '';
  if (!quoted) {
    const s = p.session.get(ICMPV6_ECHO);
    if (type === T_ECHO_REQUEST) {
      if (!p.session.visited) s.request(p, id, seq);
      else {
        const rep = s.replyOf(p);
        if (rep > 0) {
          t.generated(t.addNum(top, hf.resp_in, off, 0, rep));
          suffix = ` (reply in ${rep})`;
        } else {
          const ni = t.generated(t.addItem(top, hf.no_resp, off, 0));
          p.addExpert(ni, ei.resp_not_found, off, 0, `No response seen to ICMPv6 request in frame ${p.num}`);
          suffix = ' (no response found!)';
        }
      }
    } else {
      const m = s.reply(p, id, seq);
      if (m) {
        t.generated(t.addNum(top, hf.resp_to, off, 0, m.req));
        const rt = t.generated(t.addNum(top, hf.resptime, off, 0, m.ms));
        if (rt >= 0 && t.full) t.setLabel(rt, `Response Time: ${m.ms.toFixed(3)} ms`);
        suffix = ` (request in ${m.req})`;
      }
    }
  }
  if (p.cols && !quoted) {
    const a = ipv6PseudoAddresses(p);
    p.appendInfo(` id=${hex(id, 4)}, seq=${seq}${a ? `, hop limit=${a.hlim}` : ''}${suffix}`);
  }
  const d = off + 4;
  if (d < end) callData(p, d, end, top);
}

function raBody(p: Packet, top: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off, 12, end, quoted)) return;
  t.addNum(top, hf.ra_cur_hop_limit, off, 1, b[off]!);
  const fl = b[off + 1]!;
  const fi = t.addNum(top, hf.ra_flag, off + 1, 1, fl);
  if (fi >= 0 && t.full) {
    let s = `Flags: ${hex(fl, 2)}`;
    if (fl & 0x80) s += ', Managed address configuration';
    if (fl & 0x40) s += ', Other configuration';
    if (fl & 0x20) s += ', Home Agent';
    s += `, Prf (Default Router Preference): ${PRF_NAMES.get((fl >> 3) & 3)}`;
    if (fl & 0x04) s += ', Proxy';
    t.setLabel(fi, s);
  }
  for (const h of [hf.ra_flag_m, hf.ra_flag_o, hf.ra_flag_h, hf.ra_flag_prf, hf.ra_flag_p, hf.ra_flag_rsv]) t.addNum(fi, h, off + 1, 1, fl);
  t.addNum(top, hf.ra_router_lifetime, off + 2, 2, u16At(b, off + 2));
  t.addNum(top, hf.ra_reachable_time, off + 4, 4, u32At(b, off + 4));
  t.addNum(top, hf.ra_retrans_timer, off + 8, 4, u32At(b, off + 8));
  options(p, top, off + 12, end, quoted);
}

function naBody(p: Packet, top: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off, 4, end, quoted)) return;
  const fl = u32At(b, off);
  const fi = t.addNum(top, hf.na_flag, off, 4, fl);
  const names: string[] = [];
  const abbr: string[] = [];
  if (fl & 0x80000000) { names.push('Router'); abbr.push('rtr'); }
  if (fl & 0x40000000) { names.push('Solicited'); abbr.push('sol'); }
  if (fl & 0x20000000) { names.push('Override'); abbr.push('ovr'); }
  if (fi >= 0 && t.full) t.setLabel(fi, `Flags: ${hex(fl, 8)}${names.length ? ', ' + names.join(', ') : ''}`);
  for (const h of [hf.na_flag_r, hf.na_flag_s, hf.na_flag_o, hf.na_flag_rsv]) t.addNum(fi, h, off, 4, fl);
  if (!needq(p, off + 4, 16, end, quoted)) return;
  t.addBytes(top, hf.na_target_address, off + 4, 16);
  if (p.cols && !quoted) p.appendInfo(` ${formatIPv6(b, off + 4)} (${abbr.length ? abbr.join(', ') : 'none'})`);
  options(p, top, off + 20, end, quoted);
}

/** MLDv1 query/report/done, and the MLDv2 query (a query longer than 24 bytes). */
function mldBody(p: Packet, top: number, type: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  const v2 = type === T_MLD_QUERY && end - off >= 24;
  if (!needq(p, off, 2, end, quoted)) return;
  t.addNum(top, v2 ? hf.mld_maximum_response_code : hf.mld_maximum_response_delay, off, 2, u16At(b, off));
  if (!needq(p, off + 2, 2, end, quoted)) return;
  t.addBytes(top, hf.reserved, off + 2, 2);
  if (!needq(p, off + 4, 16, end, quoted)) return;
  t.addBytes(top, hf.mld_multicast_address, off + 4, 16);
  if (!v2) return;
  let o = off + 20;
  if (!needq(p, o, 4, end, quoted)) return;
  const fl = b[o]!;
  const fi = t.addNum(top, hf.mld_flag, o, 1, fl);
  t.addNum(fi, hf.mld_flag_s, o, 1, fl);
  t.addNum(fi, hf.mld_flag_qrv, o, 1, fl);
  t.addNum(fi, hf.mld_flag_reserved, o, 1, fl);
  t.addNum(top, hf.mld_qqi, o + 1, 1, b[o + 1]!);
  const n = u16At(b, o + 2);
  t.addNum(top, hf.mld_nb_sources, o + 2, 2, n);
  o += 4;
  for (let i = 0; i < n; i++, o += 16) {
    if (!needq(p, o, 16, end, quoted)) return;
    t.addBytes(top, hf.mld_source_address, o, 16);
  }
}

function mldv2ReportBody(p: Packet, top: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off, 4, end, quoted)) return;
  t.addBytes(top, hf.reserved, off, 2);
  const n = u16At(b, off + 2);
  t.addNum(top, hf.mldr_nb_mcast_records, off + 2, 2, n);
  let o = off + 4;
  for (let i = 0; i < n; i++) {
    if (!needq(p, o, 4, end, quoted)) return;
    const rtype = b[o]!;
    const aux = b[o + 1]!;
    const ns = u16At(b, o + 2);
    const rlen = 20 + 16 * ns + 4 * aux;
    const ri = t.addItem(top, hf.mldr_mar, o, Math.min(rlen, Math.min(end, p.capEnd) - o));
    if (ri >= 0 && t.full && o + 20 <= Math.min(end, p.capEnd)) {
      t.setLabel(ri, `Multicast Address Record ${MLDR_RECORD_NAMES.get(rtype) ?? 'Unknown'}: ${formatIPv6(b, o + 4)}`);
    }
    t.addNum(ri, hf.mldr_mar_record_type, o, 1, rtype);
    t.addNum(ri, hf.mldr_mar_aux_data_len, o + 1, 1, aux);
    t.addNum(ri, hf.mldr_mar_nb_sources, o + 2, 2, ns);
    if (!needq(p, o + 4, 16, end, quoted)) return;
    t.addBytes(ri, hf.mldr_mar_multicast_address, o + 4, 16);
    let s = o + 20;
    for (let k = 0; k < ns; k++, s += 16) {
      if (!needq(p, s, 16, end, quoted)) return;
      t.addBytes(ri, hf.mldr_mar_source_address, s, 16);
    }
    if (aux > 0) {
      if (!needq(p, s, 4 * aux, end, quoted)) return;
      t.addBytes(ri, hf.mldr_mar_auxiliary_data, s, 4 * aux);
    }
    o += rlen;
  }
}

function rrBody(p: Packet, top: number, code: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  if (!needq(p, off, 12, end, quoted)) return;
  t.addNum(top, hf.rr_sequence_number, off, 4, u32At(b, off));
  t.addNum(top, hf.rr_segment_number, off + 4, 1, b[off + 4]!);
  const fl = b[off + 5]!;
  const fi = t.addNum(top, hf.rr_flag, off + 5, 1, fl);
  if (fi >= 0 && t.full) {
    const n: string[] = [];
    if (fl & 0x80) n.push('Test command');
    if (fl & 0x40) n.push('Result requested');
    if (fl & 0x20) n.push('All interfaces');
    if (fl & 0x10) n.push('Site-specific');
    if (fl & 0x08) n.push('Processed previously');
    t.setLabel(fi, `Flags: ${hex(fl, 2)}${n.length ? ', ' + n.join(', ') : ''}`);
  }
  for (const h of [hf.rr_flag_t, hf.rr_flag_r, hf.rr_flag_a, hf.rr_flag_s, hf.rr_flag_p, hf.rr_flag_rsv]) t.addNum(fi, h, off + 5, 1, fl);
  t.addNum(top, hf.rr_maxdelay, off + 6, 2, u16At(b, off + 6));
  t.addBytes(top, hf.reserved, off + 8, 4);
  let o = off + 12;
  if (code !== 0) {
    if (o < end) callData(p, o, end, top);
    return;
  }
  // Prefix Control Operations: a Match-Prefix part (24 bytes) and OpLength-3 Use-Prefix parts (32).
  while (o < end) {
    if (!needq(p, o, 24, end, quoted)) return;
    const op = b[o]!;
    const oplen = b[o + 1]!;
    const matchlen = b[o + 3]!;
    const minlen = b[o + 4]!;
    const maxlen = b[o + 5]!;
    const mi = t.addItem(top, hf.rr_pco_mp, o, 24);
    if (mi >= 0 && t.full) t.setLabel(mi, `Match-Prefix Part: ${RR_OPCODE_NAMES.get(op) ?? 'Unknown'} ${formatIPv6(b, o + 8)}/${matchlen} (${minlen}-${maxlen})`);
    t.addNum(mi, hf.rr_pco_mp_opcode, o, 1, op);
    t.addNum(mi, hf.rr_pco_mp_oplength, o + 1, 1, oplen);
    t.addNum(mi, hf.rr_pco_mp_ordinal, o + 2, 1, b[o + 2]!);
    t.addNum(mi, hf.rr_pco_mp_matchlen, o + 3, 1, matchlen);
    t.addNum(mi, hf.rr_pco_mp_minlen, o + 4, 1, minlen);
    t.addNum(mi, hf.rr_pco_mp_maxlen, o + 5, 1, maxlen);
    t.addBytes(mi, hf.reserved, o + 6, 2);
    t.addBytes(mi, hf.rr_pco_mp_matchprefix, o + 8, 16);
    const nUse = oplen >= 3 ? (oplen - 3) / 4 : 0;
    let u = o + 24;
    for (let i = 0; i < nUse; i++, u += 32) {
      if (!needq(p, u, 32, end, quoted)) return;
      const uselen = b[u]!;
      const keeplen = b[u + 1]!;
      const ui = t.addItem(top, hf.rr_pco_up, u, 32);
      if (ui >= 0 && t.full) t.setLabel(ui, `Use-Prefix Part: ${formatIPv6(b, u + 16)}/${uselen} (keep ${keeplen})`);
      t.addNum(ui, hf.rr_pco_up_uselen, u, 1, uselen);
      t.addNum(ui, hf.rr_pco_up_keeplen, u + 1, 1, keeplen);
      const fm = b[u + 2]!;
      const fmi = t.addNum(ui, hf.rr_pco_up_flagmask, u + 2, 1, fm);
      t.addNum(fmi, hf.rr_pco_up_flagmask_l, u + 2, 1, fm);
      t.addNum(fmi, hf.rr_pco_up_flagmask_a, u + 2, 1, fm);
      t.addNum(fmi, hf.rr_pco_up_flagmask_reserved, u + 2, 1, fm);
      const rf = b[u + 3]!;
      const rfi = t.addNum(ui, hf.rr_pco_up_raflags, u + 3, 1, rf);
      // tshark shows the RAFlags bits with the FlagMask fields
      t.addNum(rfi, hf.rr_pco_up_flagmask_l, u + 3, 1, rf);
      t.addNum(rfi, hf.rr_pco_up_flagmask_a, u + 3, 1, rf);
      t.addNum(rfi, hf.rr_pco_up_flagmask_reserved, u + 3, 1, rf);
      t.addNum(ui, hf.rr_pco_up_validlifetime, u + 4, 4, u32At(b, u + 4));
      t.addNum(ui, hf.rr_pco_up_preferredlifetime, u + 8, 4, u32At(b, u + 8));
      const uf = u32At(b, u + 12);
      const ufi = t.addNum(ui, hf.rr_pco_up_flag, u + 12, 4, uf);
      t.addNum(ufi, hf.rr_pco_up_flag_v, u + 12, 4, uf);
      t.addNum(ufi, hf.rr_pco_up_flag_p, u + 12, 4, uf);
      t.addNum(ufi, hf.rr_pco_up_flag_reserved, u + 12, 4, uf);
      t.addBytes(ui, hf.rr_pco_up_useprefix, u + 16, 16);
    }
    const next = o + 8 * oplen;
    if (next <= o) return;
    o = next;
  }
}

/** DNS names in DNSSL option data [o, e): wire-format labels, each name ending with a 0 byte. */
function dnsslNames(b: Uint8Array, o: number, e: number, each: (name: string, start: number, len: number) => void): number {
  while (o < e && b[o] !== 0) {
    const start = o;
    let name = '';
    while (o < e) {
      const l = b[o]!;
      o++;
      if (l === 0) break;
      let s = '';
      for (let i = 0; i < l && o + i < e; i++) s += String.fromCharCode(b[o + i]!);
      name += (name ? '.' : '') + s;
      o += l;
    }
    each(name, start, o - start);
  }
  return o;
}

/** ND options [off, end): type, length in 8-byte units, value. */
function options(p: Packet, top: number, off: number, end: number, quoted: boolean): void {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  let o = off;
  while (o < end) {
    if (!needq(p, o, 2, end, quoted)) return;
    const type = b[o]!;
    const len8 = b[o + 1]!;
    const olen = len8 * 8;
    const oi = t.addItem(top, hf.opt, o, Math.max(Math.min(olen, Math.min(end, p.capEnd) - o), 2));
    const name = OPT_TYPE_NAMES.get(type) ?? 'Unknown';
    if (oi >= 0 && full) t.setLabel(oi, `ICMPv6 Option (${name})`);
    t.addNum(oi, hf.opt_type, o, 1, type);
    const li = t.addNum(oi, hf.opt_length, o + 1, 1, len8);
    if (li >= 0 && full) t.setLabel(li, `Length: ${len8} (${olen} bytes)`);
    if (olen === 0) {
      p.addExpert(li, ei.invalid_option_length, o + 1, 1);
      return;
    }
    if (!needq(p, o, olen, end, quoted)) return;
    const d = o + 2;
    const dlen = olen - 2;
    switch (type) {
      case OPT_SLLA: case OPT_TLLA: {
        const ai = t.addBytes(oi, hf.opt_linkaddr, d, dlen);
        t.hide(t.addBytes(oi, type === OPT_SLLA ? hf.opt_src_linkaddr : hf.opt_target_linkaddr, d, dlen));
        if (dlen === 6) {
          const mac = formatMac(b, d);
          if (ai >= 0 && full) t.setLabel(ai, `Link-layer address: ${mac}`);
          if (oi >= 0 && full) t.setLabel(oi, `ICMPv6 Option (${name} : ${mac})`);
          if (p.cols && !quoted) p.appendInfo(type === OPT_SLLA ? ` from ${mac}` : ` is at ${mac}`);
        } else if (ai >= 0 && full) t.setLabel(ai, `Link-layer address: ${hexBytes(b.subarray(d, d + dlen), ':')}`);
        break;
      }
      case OPT_PREFIX: {
        if (dlen < 30) break;
        const plen = b[d]!;
        const fl = b[d + 1]!;
        t.addNum(oi, hf.opt_prefix_length, d, 1, plen);
        const fi = t.addNum(oi, hf.opt_prefix_flag, d + 1, 1, fl);
        if (fi >= 0 && full) {
          let s = `Flag: ${hex(fl, 2)}`;
          if (fl & 0x80) s += ', On-link flag(L)';
          if (fl & 0x40) s += ', Autonomous address-configuration flag(A)';
          if (fl & 0x20) s += ', Router address flag(R)';
          t.setLabel(fi, s);
        }
        for (const h of [hf.opt_prefix_flag_l, hf.opt_prefix_flag_a, hf.opt_prefix_flag_r, hf.opt_prefix_flag_reserved]) t.addNum(fi, h, d + 1, 1, fl);
        t.addNum(oi, hf.opt_prefix_valid_lifetime, d + 2, 4, u32At(b, d + 2));
        t.addNum(oi, hf.opt_prefix_preferred_lifetime, d + 6, 4, u32At(b, d + 6));
        t.addItem(oi, hf.opt_reserved, d + 10, 4);
        t.addBytes(oi, hf.opt_prefix, d + 14, 16);
        if (oi >= 0 && full) t.setLabel(oi, `ICMPv6 Option (${name} : ${formatIPv6(b, d + 14)}/${plen})`);
        break;
      }
      case OPT_REDIRECTED: {
        t.addItem(oi, hf.opt_reserved, d, 6);
        const q = d + 6;
        const qe = o + olen;
        if (q < qe) {
          const ri = t.addItem(oi, hf.opt_redirected_packet, q, qe - q);
          enterIcmpError(p);
          const saved = { proto: p.proto, info: p.info, src: p.src, dst: p.dst };
          try {
            p.call(ipv6Handle, q, qe, ri);
          } finally {
            leaveIcmpError(p);
          }
          p.proto = saved.proto;
          if (p.cols) { p.clearInfo(); p.setInfo(saved.info); }
          p.src = saved.src; p.dst = saved.dst;
        }
        break;
      }
      case OPT_MTU: {
        t.addItem(oi, hf.opt_reserved, d, 2);
        const mtu = u32At(b, d + 2);
        t.addNum(oi, hf.opt_mtu, d + 2, 4, mtu);
        if (oi >= 0 && full) t.setLabel(oi, `ICMPv6 Option (${name} : ${mtu})`);
        break;
      }
      case OPT_ADV_INTERVAL: {
        t.addItem(oi, hf.opt_reserved, d, 2);
        const v = u32At(b, d + 2);
        t.addNum(oi, hf.opt_advertisement_interval, d + 2, 4, v);
        if (oi >= 0 && full) t.setLabel(oi, `ICMPv6 Option (${name} : ${v})`);
        break;
      }
      case OPT_HA_INFO: {
        t.addItem(oi, hf.opt_reserved, d, 2);
        t.addNum(oi, hf.opt_home_agent_preference, d + 2, 2, u16At(b, d + 2));
        t.addNum(oi, hf.opt_home_agent_lifetime, d + 4, 2, u16At(b, d + 4));
        break;
      }
      case OPT_NONCE:
        t.addBytes(oi, hf.opt_nonce, d, dlen);
        break;
      case OPT_RDNSS: {
        t.addItem(oi, hf.opt_reserved, d, 2);
        t.addNum(oi, hf.opt_rdnss_lifetime, d + 2, 4, u32At(b, d + 2));
        let lbl = `ICMPv6 Option (${name}`;
        for (let a = d + 6; a + 16 <= o + olen; a += 16) {
          t.addBytes(oi, hf.opt_rdnss, a, 16);
          lbl += ' ' + formatIPv6(b, a);
        }
        if (oi >= 0 && full) t.setLabel(oi, lbl + ')');
        break;
      }
      case OPT_DNSSL: {
        t.addItem(oi, hf.opt_reserved, d, 2);
        t.addNum(oi, hf.opt_dnssl_lifetime, d + 2, 4, u32At(b, d + 2));
        let lbl = `ICMPv6 Option (${name}`;
        const e = o + olen;
        const after = dnsslNames(b, d + 6, e, (nm, s, l) => {
          t.addStr(oi, hf.opt_dnssl, s, l, nm);
          lbl += ' ' + nm;
        });
        if (after < e) t.addItem(oi, hf.opt_padding, after, e - after);
        if (oi >= 0 && full) t.setLabel(oi, lbl + ')');
        break;
      }
      case OPT_PREF64: {
        const w = u16At(b, d);
        // a prefix length code without a length leaves the prefix undecoded (tshark flags the length)
        const plcOk = len8 === 2 && (w & 7) <= 5;
        if (!plcOk) p.addExpert(li, ei.invalid_option_length, o + 1, 1);
        t.addNum(oi, hf.opt_pref64_scaled_lifetime, d, 2, w);
        const pi = t.addNum(oi, hf.opt_pref64_plc, d, 2, w);
        if (pi >= 0 && full) {
          const plc = w & 7;
          t.setLabel(pi, `${bitPattern(0x7, 16, w)} = PLC (Prefix Length Code): ${PREF64_PLC_NAMES.get(plc) ?? 'Unknown'} (0x${plc.toString(16)})`);
        }
        if (plcOk) {
          // the prefix's first PLC bits (at most 96: 12 bytes), zero-extended to an address
          const pre = new Uint8Array(16);
          pre.set(b.subarray(d + 2, d + 2 + PREF64_PLC_BITS[w & 7]! / 8));
          t.addObj(oi, hf.opt_pref64_prefix, d + 2, 12, pre);
        }
        break;
      }
      default:
        break;
    }
    o += olen;
  }
}

export const icmpv6Handle = registerHandle('icmpv6', dissectIcmpv6);
ipProtoTable.add(58, icmpv6Handle);
