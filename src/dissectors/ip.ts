// ip: Internet Protocol version 4 (RFC 791), its options, and fragment reassembly.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |Version|  IHL  |   DS (DSCP|ECN)|         Total Length          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |         Identification        |Flags|      Fragment Offset    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  Time to Live |    Protocol   |         Header Checksum       |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                       Source Address                          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                    Destination Address                        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                    Options (IHL > 5)          |    Padding    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Behaviour follows tshark 4.0 as seen from the outside: labels, Info texts for bogus headers,
// total length clamped to the data actually present (with an expert item), Ethernet padding left to
// the link layer (we return the bytes of the datagram), and reassembly of fragments into a new data
// source "Reassembled IPv4 (N bytes)" dispatched on the frame that completes the datagram.

import { FT, Base, f, field, registerProtocol, vals, TFS_YES } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle, type Handle } from '../core/table.js';
import { expertInfo, Group, Severity, type ExpertInfo } from '../core/expert.js';
import { stateKey, type Session } from '../core/session.js';
import { formatIPv4 } from '../core/format.js';
import { ethertypeTable } from './ethertype.js';
import { ipProtoTable } from './ipproto.js';
import { FragmentTable, showFragments, type FragmentFields, type Reassembled } from './fragments.js';
import {
  DSCP_NAMES, ECN_NAMES, IP_PROTOCOL_NAMES, CHECKSUM_STATUS_NAMES, CkStatus, u32At, u16At, inIcmpError, needq, addExpertItem, setIpTtl, showData, capLen,
} from './inet-util.js';

// Header layout (offsets from the start of the header).
const VHL = 0;
const TOS = 1;
const LEN = 2;
const ID = 4;
const FLAGS_OFF = 6;
const TTL = 8;
const PROTO = 9;
const CSUM = 10;
const SRC = 12;
const DST = 16;
const HEADER_LEN = DST + 4;
/** the longest header IHL can describe */
const MAX_HEADER_LEN = 60;

const FLAG_RB = 0x8000;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const OFFSET_MASK = 0x1fff;

export const proto_ip = registerProtocol('ip', 'Internet Protocol Version 4', 'IPv4');

/** the short DSCP names of the ip.dsfield summary ("DSCP: CS0") */
const DSCP_SHORT: Readonly<Record<number, string>> = {
  0: 'CS0', 1: 'LE', 8: 'CS1', 10: 'AF11', 12: 'AF12', 14: 'AF13', 16: 'CS2', 18: 'AF21', 20: 'AF22', 22: 'AF23',
  24: 'CS3', 26: 'AF31', 28: 'AF32', 30: 'AF33', 32: 'CS4', 34: 'AF41', 36: 'AF42', 38: 'AF43', 40: 'CS5',
  44: 'VOICE-ADMIT', 46: 'EF PHB', 48: 'CS6', 56: 'CS7',
};
const ECN_SHORT = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'];

const OPT_NUMBER_NAMES = vals({
  0: 'End of Option List (EOL)', 1: 'No-Operation (NOP)', 2: 'Security', 3: 'Loose source route', 4: 'Time stamp',
  5: 'Extended security', 6: 'Commercial IP security option', 7: 'Record route', 8: 'Stream identifier',
  9: 'Strict source route', 10: 'Experimental Measurement', 11: 'MTU probe', 12: 'MTU Reply',
  13: 'Experimental Flow Control', 14: 'Experimental Access Control', 15: 'Ask Estrin', 16: 'IMI Traffic Descriptor',
  17: 'Extended Internet Protocol', 18: 'Traceroute', 19: 'Address Extension', 20: 'Router Alert',
  21: 'Selective Directed Broadcast', 22: 'Unassigned', 23: 'Dynamic Packet State', 24: 'Upstream Multicast Packet',
  25: 'Quick-Start', 30: 'RFC 3692-style experiment',
});
const OPT_CLASS_NAMES = vals({ 0: 'Control', 1: 'Reserved for future use', 2: 'Debugging and measurement', 3: 'Reserved for future use' });
const SEC_NAMES = vals({
  0x0000: 'Unclassified', 0xf135: 'Confidential', 0x789a: 'EFTO', 0xbc4d: 'MMMM', 0x5e26: 'PROG',
  0xaf13: 'Restricted', 0xd788: 'Secret', 0x6bc5: 'Top secret', 0x35e2: 'Reserved', 0x9af1: 'Reserved',
  0x4d78: 'Reserved', 0x24bd: 'Reserved', 0x135e: 'Reserved', 0x89af: 'Reserved', 0xc4d6: 'Reserved', 0xe26b: 'Reserved',
});

const hf = {
  version: f('ip.version', 'Version', FT.UINT8),
  hdr_len: f('ip.hdr_len', 'Header Length', FT.UINT8, { blurb: 'Header length in 32-bit words' }),
  dsfield: f('ip.dsfield', 'Differentiated Services Field', FT.UINT8, { base: Base.HEX }),
  dsfield_dscp: f('ip.dsfield.dscp', 'Differentiated Services Codepoint', FT.UINT8, { mask: 0xfc, vals: DSCP_NAMES }),
  dsfield_ecn: f('ip.dsfield.ecn', 'Explicit Congestion Notification', FT.UINT8, { mask: 0x03, vals: ECN_NAMES }),
  tos: f('ip.tos', 'Type of Service', FT.UINT8),
  tos_precedence: f('ip.tos.precedence', 'Precedence', FT.UINT8, {
    mask: 0xe0,
    vals: vals({ 0: 'routine', 1: 'priority', 2: 'immediate', 3: 'flash', 4: 'flash override', 5: 'CRITIC/ECP', 6: 'internetwork control', 7: 'network control' }),
  }),
  tos_delay: f('ip.tos.delay', 'Delay', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Low', 'Normal'] }),
  tos_throughput: f('ip.tos.throughput', 'Throughput', FT.BOOLEAN, { boolBits: 8, mask: 0x08, tfs: ['High', 'Normal'] }),
  tos_reliability: f('ip.tos.reliability', 'Reliability', FT.BOOLEAN, { boolBits: 8, mask: 0x04, tfs: ['High', 'Normal'] }),
  tos_cost: f('ip.tos.cost', 'Cost', FT.BOOLEAN, { boolBits: 8, mask: 0x02, tfs: ['Low', 'Normal'] }),
  len: f('ip.len', 'Total Length', FT.UINT16),
  id: f('ip.id', 'Identification', FT.UINT16, { base: Base.HEX_DEC }),
  dst: f('ip.dst', 'Destination Address', FT.IPv4),
  dst_host: f('ip.dst_host', 'Destination Host', FT.STRING),
  src: f('ip.src', 'Source Address', FT.IPv4),
  src_host: f('ip.src_host', 'Source Host', FT.STRING),
  addr: f('ip.addr', 'Source or Destination Address', FT.IPv4),
  host: f('ip.host', 'Source or Destination Host', FT.STRING),
  flags: f('ip.flags', 'Flags', FT.UINT8, { base: Base.HEX, mask: 0xe0, blurb: 'Flags (3 bits)' }),
  flags_sf: f('ip.flags.sf', 'Security flag', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: ['Evil', 'Not evil'], blurb: 'Security flag (RFC 3514)' }),
  flags_rb: f('ip.flags.rb', 'Reserved bit', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  flags_df: f('ip.flags.df', "Don't fragment", FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  flags_mf: f('ip.flags.mf', 'More fragments', FT.BOOLEAN, { boolBits: 8, mask: 0x20 }),
  frag_offset: f('ip.frag_offset', 'Fragment Offset', FT.UINT16, { mask: 0x1fff, blurb: 'Fragment offset (13 bits)' }),
  ttl: f('ip.ttl', 'Time to Live', FT.UINT8),
  proto: f('ip.proto', 'Protocol', FT.UINT8, { vals: IP_PROTOCOL_NAMES }),
  checksum: f('ip.checksum', 'Header Checksum', FT.UINT16, { base: Base.HEX }),
  checksum_calculated: f('ip.checksum_calculated', 'Calculated Checksum', FT.UINT16, { base: Base.HEX, blurb: 'The expected IP checksum field as calculated from the IP datagram' }),
  checksum_status: f('ip.checksum.status', 'Header checksum status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  opt_type: f('ip.opt.type', 'Type', FT.UINT8),
  opt_type_copy: f('ip.opt.type.copy', 'Copy on fragmentation', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: TFS_YES }),
  opt_type_class: f('ip.opt.type.class', 'Class', FT.UINT8, { mask: 0x60, vals: OPT_CLASS_NAMES }),
  opt_type_number: f('ip.opt.type.number', 'Number', FT.UINT8, { mask: 0x1f, vals: OPT_NUMBER_NAMES }),
  opt_len: f('ip.opt.len', 'Length', FT.UINT8),
  opt_ptr: f('ip.opt.ptr', 'Pointer', FT.UINT8),
  opt_sid: f('ip.opt.sid', 'Stream Identifier', FT.UINT16, { blurb: 'SATNET stream identifier' }),
  opt_mtu: f('ip.opt.mtu', 'MTU', FT.UINT16),
  opt_id_number: f('ip.opt.id_number', 'ID Number', FT.UINT16),
  opt_ohc: f('ip.opt.ohc', 'Outbound Hop Count', FT.UINT16),
  opt_rhc: f('ip.opt.rhc', 'Return Hop Count', FT.UINT16),
  opt_originator: f('ip.opt.originator', 'Originator IP Address', FT.IPv4),
  opt_ra: f('ip.opt.ra', 'Router Alert', FT.UINT16, { ranges: [[0, 0, 'Router shall examine packet'], [1, 65535, 'Reserved']] }),
  opt_addr: f('ip.opt.addr', 'IP Address', FT.IPv4),
  opt_padding: f('ip.opt.padding', 'Padding', FT.BYTES),
  opt_qs_func: f('ip.opt.qs_func', 'Function', FT.UINT8, { mask: 0xf0, vals: vals({ 0: 'Quick-Start Request', 8: 'Report of Approved Rate' }) }),
  opt_qs_rate: f('ip.opt.qs_rate', 'Rate', FT.UINT8, { mask: 0x0f }),
  opt_qs_ttl: f('ip.opt.qs_ttl', 'QS TTL', FT.UINT8),
  opt_qs_ttl_diff: f('ip.opt.qs_ttl_diff', 'TTL Diff', FT.UINT8),
  opt_qs_unused: f('ip.opt.qs_unused', 'Not Used', FT.UINT8),
  opt_qs_nonce: f('ip.opt.qs_nonce', 'QS Nonce', FT.UINT32, { base: Base.HEX, mask: 0xfffffffc }),
  opt_qs_reserved: f('ip.opt.qs_reserved', 'Reserved', FT.UINT32, { base: Base.HEX, mask: 0x3 }),
  opt_sec_rfc791_sec: f('ip.opt.sec_rfc791_sec', 'Security', FT.UINT16, { base: Base.HEX, vals: SEC_NAMES }),
  opt_sec_rfc791_comp: f('ip.opt.sec_rfc791_comp', 'Compartments', FT.UINT16),
  opt_sec_rfc791_hr: f('ip.opt.sec_rfc791_hr', 'Handling Restrictions', FT.STRING),
  opt_sec_rfc791_tcc: f('ip.opt.sec_rfc791_tcc', 'Transmission Control Code', FT.STRING),
  opt_sec_cl: f('ip.opt.sec_cl', 'Classification Level', FT.UINT8, { base: Base.HEX }),
  opt_sec_prot_auth_flags: f('ip.opt.sec_prot_auth_flags', 'Protection Authority Flags', FT.UINT8, { base: Base.HEX }),
  opt_sec_prot_auth_genser: f('ip.opt.sec_prot_auth_genser', 'GENSER', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  opt_sec_prot_auth_siop_esi: f('ip.opt.sec_prot_auth_siop_esi', 'SIOP-ESI', FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  opt_sec_prot_auth_sci: f('ip.opt.sec_prot_auth_sci', 'SCI', FT.BOOLEAN, { boolBits: 8, mask: 0x20 }),
  opt_sec_prot_auth_nsa: f('ip.opt.sec_prot_auth_nsa', 'NSA', FT.BOOLEAN, { boolBits: 8, mask: 0x10 }),
  opt_sec_prot_auth_doe: f('ip.opt.sec_prot_auth_doe', 'DOE', FT.BOOLEAN, { boolBits: 8, mask: 0x08 }),
  opt_sec_prot_auth_unassigned: f('ip.opt.sec_prot_auth_unassigned', 'Unassigned', FT.UINT8, { base: Base.HEX, mask: 0x06 }),
  opt_sec_prot_auth_fti: f('ip.opt.sec_prot_auth_fti', 'Field Termination Indicator', FT.BOOLEAN, { boolBits: 8, mask: 0x01 }),
  opt_ext_sec_add_sec_info_format_code: f('ip.opt.ext_sec_add_sec_info_format_code', 'Additional Security Info Format Code', FT.UINT8, { base: Base.HEX }),
  opt_ext_sec_add_sec_info: f('ip.opt.ext_sec_add_sec_info', 'Additional Security Info', FT.BYTES),
  rec_rt: f('ip.rec_rt', 'Recorded Route', FT.IPv4),
  rec_rt_host: f('ip.rec_rt_host', 'Recorded Route Host', FT.STRING),
  cur_rt: f('ip.cur_rt', 'Current Route', FT.IPv4),
  cur_rt_host: f('ip.cur_rt_host', 'Current Route Host', FT.STRING),
  src_rt: f('ip.src_rt', 'Source Route', FT.IPv4),
  src_rt_host: f('ip.src_rt_host', 'Source Route Host', FT.STRING),
  empty_rt: f('ip.empty_rt', 'Empty Route', FT.IPv4),
  empty_rt_host: f('ip.empty_rt_host', 'Empty Route Host', FT.STRING),
  cipso_tag_type: f('ip.cipso.tag_type', 'Tag Type', FT.UINT8),
  fragment_overlap: f('ip.fragment.overlap', 'Fragment overlap', FT.BOOLEAN, { blurb: 'Fragment overlaps with other fragments' }),
  fragment_overlap_conflict: f('ip.fragment.overlap.conflict', 'Conflicting data in fragment overlap', FT.BOOLEAN, { blurb: 'Overlapping fragments contained conflicting data' }),
  fragment_multiple_tails: f('ip.fragment.multipletails', 'Multiple tail fragments found', FT.BOOLEAN, { blurb: 'Several tails were found when defragmenting the packet' }),
  fragment_too_long_fragment: f('ip.fragment.toolongfragment', 'Fragment too long', FT.BOOLEAN, { blurb: 'Fragment contained data past end of packet' }),
  fragment_error: f('ip.fragment.error', 'Defragmentation error', FT.FRAMENUM, { blurb: 'Defragmentation error due to illegal fragments' }),
  fragment_count: f('ip.fragment.count', 'Fragment count', FT.UINT32),
  fragment: f('ip.fragment', 'IPv4 Fragment', FT.FRAMENUM),
  fragments: f('ip.fragments', 'IPv4 Fragments', FT.BYTES),
  reassembled_in: f('ip.reassembled_in', 'Reassembled IPv4 in frame', FT.FRAMENUM, { blurb: 'This IPv4 packet is reassembled in this frame' }),
  reassembled_length: f('ip.reassembled.length', 'Reassembled IPv4 length', FT.UINT32, { blurb: 'The total length of the reassembled payload' }),
  reassembled_data: f('ip.reassembled.data', 'Reassembled IPv4 data', FT.BYTES, { blurb: 'The reassembled payload' }),
  cipso_doi: f('ip.cipso.doi', 'DOI', FT.UINT32),
  cipso_sensitivity_level: f('ip.cipso.sensitivity_level', 'Sensitivity Level', FT.UINT8),
  cipso_categories: f('ip.cipso.categories', 'Categories', FT.STRING),
  cipso_tag_data: f('ip.cipso.tag_data', 'Tag data', FT.BYTES),
  opt_overflow: f('ip.opt.overflow', 'Overflow', FT.UINT8, { mask: 0xf0 }),
  opt_flag: f('ip.opt.flag', 'Flag', FT.UINT8, { base: Base.HEX, mask: 0x0f, vals: vals({ 0: 'Time stamps only', 1: 'Time stamp and address', 3: 'Time stamps for prespecified addresses' }) }),
  opt_time_stamp: f('ip.opt.time_stamp', 'Time stamp', FT.UINT32),
  opt_time_stamp_addr: f('ip.opt.time_stamp_addr', 'Address', FT.IPv4),
};

// GeoIP fields exist in tshark's registry (filled only with a GeoIP database); registered for filters.
for (const [a, n, t] of [
  ['country', 'Source or Destination GeoIP Country', FT.STRING], ['country_iso', 'Source or Destination GeoIP ISO Two Letter Country Code', FT.STRING],
  ['city', 'Source or Destination GeoIP City', FT.STRING], ['asnum', 'Source or Destination GeoIP AS Number', FT.UINT32],
  ['org', 'Source or Destination GeoIP AS Organization', FT.STRING], ['lat', 'Source or Destination GeoIP Latitude', FT.DOUBLE],
  ['lon', 'Source or Destination GeoIP Longitude', FT.DOUBLE], ['src_summary', 'Source GeoIP', FT.STRING],
  ['src_country', 'Source GeoIP Country', FT.STRING], ['src_country_iso', 'Source GeoIP ISO Two Letter Country Code', FT.STRING],
  ['src_city', 'Source GeoIP City', FT.STRING], ['src_asnum', 'Source GeoIP AS Number', FT.UINT32],
  ['src_org', 'Source GeoIP AS Organization', FT.STRING], ['src_lat', 'Source GeoIP Latitude', FT.DOUBLE],
  ['src_lon', 'Source GeoIP Longitude', FT.DOUBLE], ['dst_summary', 'Destination GeoIP', FT.STRING],
  ['dst_country', 'Destination GeoIP Country', FT.STRING], ['dst_country_iso', 'Destination GeoIP ISO Two Letter Country Code', FT.STRING],
  ['dst_city', 'Destination GeoIP City', FT.STRING], ['dst_asnum', 'Destination GeoIP AS Number', FT.UINT32],
  ['dst_org', 'Destination GeoIP AS Organization', FT.STRING], ['dst_lat', 'Destination GeoIP Latitude', FT.DOUBLE],
  ['dst_lon', 'Destination GeoIP Longitude', FT.DOUBLE],
] as const) field({ abbrev: `ip.geoip.${a}`, name: n, type: t }, proto_ip);

const ei = {
  opt_len_invalid: expertInfo('ip.opt.len.invalid', Group.PROTOCOL, Severity.WARN, 'Invalid length for option'),
  opt_ptr_before_address: expertInfo('ip.opt.ptr.before_address', Group.PROTOCOL, Severity.WARN, 'Pointer points before first address'),
  opt_ptr_middle_address: expertInfo('ip.opt.ptr.middle_address', Group.PROTOCOL, Severity.WARN, 'Pointer points to middle of address'),
  subopt_too_long: expertInfo('ip.subopt_too_long', Group.PROTOCOL, Severity.WARN, 'Suboption would go past end of option'),
  nop: expertInfo('ip.nop', Group.PROTOCOL, Severity.WARN, '4 NOP in a row - a router may have removed some options'),
  bogus_ip_length: expertInfo('ip.bogus_ip_length', Group.PROTOCOL, Severity.ERROR, 'Bogus IP length'),
  evil_packet: expertInfo('ip.evil_packet', Group.PROTOCOL, Severity.WARN, 'Packet has evil intent'),
  checksum_bad: expertInfo('ip.checksum_bad.expert', Group.CHECKSUM, Severity.ERROR, 'Bad checksum'),
  ttl_lncb: expertInfo('ip.ttl.lncb', Group.SEQUENCE, Severity.NOTE, 'Time To Live'),
  ttl_too_small: expertInfo('ip.ttl.too_small', Group.SEQUENCE, Severity.NOTE, 'Time To Live'),
  cipso_malformed: expertInfo('ip.cipso.malformed', Group.SEQUENCE, Severity.ERROR, 'Malformed CIPSO tag'),
  bogus_ip_version: expertInfo('ip.bogus_ip_version', Group.PROTOCOL, Severity.ERROR, 'Bogus IP version'),
  bogus_header_length: expertInfo('ip.bogus_header_length', Group.PROTOCOL, Severity.ERROR, 'Bogus IP header length'),
};

// The option pseudo-protocols (tshark registers each option as a protocol: ip.options.routeralert …).
const opt = {
  eol: registerProtocol('ip.options.eol', 'IP Option - End of Options List (EOL)', 'End of Options List (EOL)'),
  nop: registerProtocol('ip.options.nop', 'IP Option - No-Operation (NOP)', 'No Operation (NOP)'),
  security: registerProtocol('ip.options.security', 'IP Option - Security', 'Security'),
  route: registerProtocol('ip.options.route', 'IP Option - Loose Source Route', 'Loose Source Route'),
  timestamp: registerProtocol('ip.options.timestamp', 'IP Option - Time Stamp', 'Time Stamp'),
  ext_security: registerProtocol('ip.options.ext_security', 'IP Option - Extended Security', 'Extended Security'),
  cipso: registerProtocol('ip.options.cipso', 'IP Option - Commercial Security', 'Commercial Security'),
  record_route: registerProtocol('ip.options.record_route', 'IP Option - Record Route', 'Record Route'),
  sid: registerProtocol('ip.options.sid', 'IP Option - Stream ID', 'Stream ID'),
  source_route: registerProtocol('ip.options.source_route', 'IP Option - Strict Source Route', 'Strict Source Route'),
  mtu_probe: registerProtocol('ip.options.mtu_probe', 'IP Option - MTU Probe', 'MTU Probe'),
  mtu_reply: registerProtocol('ip.options.mtu_reply', 'IP Option - MTU Reply', 'MTU Reply'),
  traceroute: registerProtocol('ip.options.traceroute', 'IP Option - Traceroute', 'Traceroute'),
  routeralert: registerProtocol('ip.options.routeralert', 'IP Option - Router Alert', 'Router Alert'),
  sdb: registerProtocol('ip.options.sdb', 'IP Option - Selective Directed Broadcast', 'Selective Directed Broadcast'),
  qs: registerProtocol('ip.options.qs', 'IP Option - Quick-Start', 'Quick-Start'),
};
registerProtocol('ip', 'Internet Protocol Version 4', 'IPv4');

/** Option type → [option protocol, short name, fixed length (0 = variable ≥ 2)]. */
const OPTIONS = new Map<number, readonly [number, string, number]>([
  [0x82, [opt.security, 'Security', 11]],
  [0x83, [opt.route, 'Loose Source Route', 0]],
  [0x44, [opt.timestamp, 'Time Stamp', 0]],
  [0x85, [opt.ext_security, 'Extended Security', 0]],
  [0x86, [opt.cipso, 'Commercial Security', 0]],
  [0x07, [opt.record_route, 'Record Route', 0]],
  [0x88, [opt.sid, 'Stream ID', 4]],
  [0x89, [opt.source_route, 'Strict Source Route', 0]],
  [0x0b, [opt.mtu_probe, 'MTU Probe', 4]],
  [0x0c, [opt.mtu_reply, 'MTU Reply', 4]],
  [0x52, [opt.traceroute, 'Traceroute', 12]],
  [0x94, [opt.routeralert, 'Router Alert', 4]],
  [0x95, [opt.sdb, 'Selective Directed Broadcast', 0]],
  [0x19, [opt.qs, 'Quick-Start', 8]],
]);

// ---- fragment reassembly state (per capture) ----

/** Bounds: one datagram can't exceed 64 KiB of payload; all pending fragments together are capped. */
const MAX_DATAGRAM = 65535;
const MAX_PENDING_BYTES = 32 * 1024 * 1024;

const FRAG_FIELDS: FragmentFields = {
  fragments: hf.fragments, fragment: hf.fragment, overlap: hf.fragment_overlap, conflict: hf.fragment_overlap_conflict,
  tooLong: hf.fragment_too_long_fragment, count: hf.fragment_count, reassembledLength: hf.reassembled_length,
  reassembledData: hf.reassembled_data,
};

/** Per-capture IPv4 state: the fragment table (bounded by MAX_PENDING_BYTES, settable). */
class IpState extends FragmentTable {
  constructor() { super(MAX_PENDING_BYTES, MAX_DATAGRAM); }
}

const IP_STATE = stateKey('ip', () => new IpState());

/** Reassembly memory of a capture: bytes held by unfinished datagrams, and their number. */
export function ipReassemblyUse(session: Session): { bytes: number; datagrams: number } {
  const s = session.get(IP_STATE);
  return { bytes: s.pendingBytes, datagrams: s.pending.size };
}

/** Sets the cap on bytes held by unfinished datagrams for this capture (default 32 MiB). */
export function setIpReassemblyLimit(session: Session, bytes: number): void {
  session.get(IP_STATE).maxPending = bytes;
}

// ---- helpers ----

/** Adds ip.addr-style hidden items for an address: the value item is `vi`. */
function addHidden4(p: Packet, parent: number, hfHost: number, off: number, v: number, withAddr: boolean): void {
  const t = p.tree;
  if (withAddr) t.hide(t.addNum(parent, hf.addr, off, 4, v));
  const wantsHost = t.wants(hfHost) || t.wants(hf.host);
  const s = wantsHost ? formatIPv4(v) : '';
  t.hide(t.addStr(parent, hfHost, off, 4, s));
  if (withAddr) t.hide(t.addStr(parent, hf.host, off, 4, s));
}

/** `0100 ....` style bit picture of an 8-bit value under `mask`. */
function bits8(mask: number, v: number): string {
  let s = '';
  for (let b = 7; b >= 0; b--) {
    s += mask & (1 << b) ? (v & (1 << b) ? '1' : '0') : '.';
    if (b === 4) s += ' ';
  }
  return s;
}

/** `...0 0000 0000 0011` bit picture of the 16-bit flags/offset word under 0x1fff. */
function bits16(mask: number, v: number): string {
  let s = '';
  for (let b = 15; b >= 0; b--) {
    s += mask & (1 << b) ? (v & (1 << b) ? '1' : '0') : '.';
    if (b % 4 === 0 && b > 0) s += ' ';
  }
  return s;
}

/** Info text of a fragment that was not (yet) reassembled. */
function fragInfo(proto: number, offBytes: number, id: number): string {
  const name = IP_PROTOCOL_NAMES.get(proto) ?? 'Unknown';
  return `Fragmented IP protocol (proto=${name} ${proto}, off=${offBytes}, ID=${id.toString(16).padStart(4, '0')})`;
}

let ipv6Handle: Handle | undefined;

// ---- the dissector ----

/** Result of the options pre-scan: the final destination of an unfinished source route, if any. */
interface RouteScan { finalDst: number; finalOff: number }

/**
 * Finds an LSRR/SSRR whose last address is still to be visited (tshark then shows it as ip.dst).
 * tshark looks before it shows the destination, stopping at the first source-route option: running
 * out of bytes first is a truncated or malformed packet (returns null, p.need has marked it). The
 * scan goes to the header length even past the datagram's end (a TSO total length of 0 leaves the
 * datagram shorter than its header): zeek/trunc/mpls-6in6-broken.pcap.gz #417.
 */
function scanSourceRoute(p: Packet, off: number, optEnd: number, end: number, quoted: boolean): RouteScan | undefined | null {
  const b = p.buf;
  let o = off;
  while (o < optEnd) {
    if (!needq(p, o, 1, end, quoted)) return null;
    const type = b[o]!;
    if (type === 0) break;
    if (type === 1) { o++; continue; }
    if (o + 1 >= optEnd) break;
    if (!needq(p, o + 1, 1, end, quoted)) return null;
    const len = b[o + 1]!;
    if (len < 2 || o + len > optEnd) break;
    if (type === 0x83 || type === 0x89) {
      if (len < 3 + 4 || !needq(p, o, len, end, quoted)) return len < 3 + 4 ? undefined : null;
      const ptr = b[o + 2]!;
      const last = len - 4; // option-relative offset of the final address
      if (ptr >= 4 && (ptr - 4) % 4 === 0 && ptr - 1 <= last) return { finalDst: u32At(b, o + last), finalOff: o + last };
      return undefined;
    }
    o += len;
  }
  return undefined;
}

function dissectIp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const full = t.full;
  const b = p.buf;
  const quoted = inIcmpError(p);
  p.proto = 'IPv4';
  if (p.cols) p.clearInfo();

  if (!needq(p, off, 1, end, quoted)) {
    p.addProto(parent, proto_ip, off, Math.min(end, p.capEnd));
    return end - off;
  }
  const vhl = b[off + VHL]!;
  const version = vhl >> 4;
  const hlen = (vhl & 0x0f) * 4;
  const avail = Math.min(end, p.capEnd);
  const top = p.addProto(parent, proto_ip, off, Math.min(off + hlen, avail));

  if (version !== 4) {
    const vi = t.addNum(top, hf.version, off, 1, version);
    t.setLabel(vi, `${bits8(0xf0, vhl)} = Version: ${version}`);
    p.addExpert(vi, ei.bogus_ip_version, off, 1, 'Bogus IPv4 version');
    if (p.cols) p.setInfo(`Bogus IPv4 version (${version}, must be 4)`);
    if (version === 6) {
      ipv6Handle ??= findHandle('ipv6');
      if (ipv6Handle) p.call(ipv6Handle, off, end, parent);
    }
    return end - off;
  }
  const vi = t.addNum(top, hf.version, off, 1, 4);
  if (vi >= 0) t.setLabel(vi, `${bits8(0xf0, vhl)} = Version: 4`);
  const hi = t.addNum(top, hf.hdr_len, off, 1, hlen);
  if (hi >= 0) t.setLabel(hi, `${bits8(0x0f, vhl)} = Header Length: ${hlen} bytes (${hlen >> 2})`);
  if (hlen < HEADER_LEN) {
    const msg = `Bogus IP header length (${hlen}, must be at least ${HEADER_LEN})`;
    p.addExpert(hi, ei.bogus_header_length, off, 1, msg);
    if (p.cols) p.setInfo(msg);
    return end - off;
  }

  // DS field
  if (!needq(p, off + TOS, 1, end, quoted)) return end - off;
  const tos = b[off + TOS]!;
  const di = t.addNum(top, hf.dsfield, off + TOS, 1, tos);
  if (di >= 0 && full) t.setLabel(di, `Differentiated Services Field: 0x${tos.toString(16).padStart(2, '0')} (DSCP: ${DSCP_SHORT[tos >> 2] ?? 'Unknown'}, ECN: ${ECN_SHORT[tos & 3]})`);
  t.addNum(di, hf.dsfield_dscp, off + TOS, 1, tos);
  t.addNum(di, hf.dsfield_ecn, off + TOS, 1, tos);

  // Total length: 0 means TSO (use what is there); shorter than the header is bogus; longer than
  // the data present is clamped with an expert (not inside an ICMP error, where the quote is short).
  if (!needq(p, off + LEN, 2, end, quoted)) return end - off;
  let len = u16At(b, off + LEN);
  const reported = end - off;
  if (len === 0) {
    len = reported;
    const li = t.generated(t.addNum(top, hf.len, off + LEN, 2, len));
    t.setLabel(li, `Total Length: ${len} bytes (reported as 0, presumed to be because of "TCP segmentation offload" (TSO))`);
  } else {
    const li = t.addNum(top, hf.len, off + LEN, 2, len);
    if (len < hlen) {
      t.setLabel(li, `Total Length: ${len} bytes (bogus, less than header length ${hlen})`);
      p.addExpert(li, ei.bogus_ip_length, off + LEN, 2);
      if (p.cols) p.setInfo(`Bogus IP length (${len}, less than header length ${hlen})`);
      return end - off;
    }
    if (len > reported) {
      if (!quoted) p.addExpert(li, ei.bogus_ip_length, off + LEN, 2, `IPv4 total length exceeds packet length (${reported} bytes)`);
      len = reported;
    }
  }
  // From here on the datagram ends at off + len (what follows is the link layer's padding/trailer).
  end = off + len;

  if (!needq(p, off + ID, 2, end, quoted)) return len;
  const id = u16At(b, off + ID);
  t.addNum(top, hf.id, off + ID, 2, id);

  if (!needq(p, off + FLAGS_OFF, 2, end, quoted)) return len;
  const fo = u16At(b, off + FLAGS_OFF);
  const flagsByte = fo >> 8;
  const fi = t.addNum(top, hf.flags, off + FLAGS_OFF, 1, flagsByte);
  if (fi >= 0 && full) {
    let names = '';
    if (fo & FLAG_RB) names += ', Reserved bit';
    if (fo & FLAG_DF) names += ", Don't fragment";
    if (fo & FLAG_MF) names += ', More fragments';
    t.setLabel(fi, `${bits8(0xe0, flagsByte)} = Flags: 0x${(flagsByte >> 5).toString(16)}${names}`);
  }
  t.addNum(fi, hf.flags_rb, off + FLAGS_OFF, 1, flagsByte);
  t.addNum(fi, hf.flags_df, off + FLAGS_OFF, 1, flagsByte);
  t.addNum(fi, hf.flags_mf, off + FLAGS_OFF, 1, flagsByte);
  const fragOff = (fo & OFFSET_MASK) * 8;
  const oi = t.addNum(top, hf.frag_offset, off + FLAGS_OFF, 2, fo);
  if (oi >= 0 && full) t.setLabel(oi, `${bits16(OFFSET_MASK, fo)} = Fragment Offset: ${fragOff}`);

  if (!needq(p, off + TTL, 1, end, quoted)) return len;
  const ttl = b[off + TTL]!;
  const ti = t.addNum(top, hf.ttl, off + TTL, 1, ttl);
  if (!quoted) setIpTtl(p, ttl);

  if (!needq(p, off + PROTO, 1, end, quoted)) return len;
  const proto = b[off + PROTO]!;
  t.addNum(top, hf.proto, off + PROTO, 1, proto);

  if (!needq(p, off + CSUM, 2, end, quoted)) return len;
  const ck = t.addNum(top, hf.checksum, off + CSUM, 2, u16At(b, off + CSUM));
  if (ck >= 0 && full) t.appendLabel(ck, ' [validation disabled]');
  t.generated(t.addNum(top, hf.checksum_status, off + CSUM, 0, CkStatus.UNVERIFIED));

  if (!needq(p, off + SRC, 4, end, quoted)) return len;
  const src = u32At(b, off + SRC);
  const srcText = full ? formatIPv4(src) : '';
  t.addNum(top, hf.src, off + SRC, 4, src);
  addHidden4(p, top, hf.src_host, off + SRC, src, true);
  if (!quoted) p.setIPv4Src(src);
  if (top >= 0 && full) t.setLabel(top, `Internet Protocol Version 4, Src: ${srcText}`);

  // The TTL checks need the destination: the expert goes under the TTL item.
  if (!needq(p, off + DST, 4, end, quoted)) return len;
  const hdrDst = u32At(b, off + DST);
  const scan = hlen > HEADER_LEN ? scanSourceRoute(p, off + HEADER_LEN, off + hlen, end, quoted) : undefined;
  if (scan === null) return len;
  const route = scan;
  const dst = route ? route.finalDst : hdrDst;
  if ((hdrDst >>> 8) === 0xe00000) { // 224.0.0.0/24, the Local Network Control Block (RFC 3171)
    if (ttl !== 1) p.addExpert(ti, ei.ttl_lncb, off + TTL, 1, '"Time To Live" != 1 for a packet sent to the Local Network Control Block (see RFC 3171)');
  } else if ((hdrDst >>> 28) !== 0xe && ttl < 5) {
    p.addExpert(ti, ei.ttl_too_small, off + TTL, 1, `"Time To Live" only ${ttl}`);
  }
  const dstText = full ? formatIPv4(dst) : '';
  if (route) {
    t.addNum(top, hf.cur_rt, off + DST, 4, hdrDst);
    addHidden4(p, top, hf.cur_rt_host, off + DST, hdrDst, false);
    if (top >= 0 && full) t.setLabel(top, `Internet Protocol Version 4, Src: ${srcText}, Dst: ${dstText}, Via: ${formatIPv4(hdrDst)}`);
  } else {
    t.addNum(top, hf.dst, off + DST, 4, dst);
    addHidden4(p, top, hf.dst_host, off + DST, dst, true);
    if (top >= 0 && full) t.setLabel(top, `Internet Protocol Version 4, Src: ${srcText}, Dst: ${dstText}`);
  }
  if (!quoted) {
    p.setIPv4Dst(dst);
  }
  // Network-layer addresses for the transport's conversation key (restored by ICMP after a quote).
  p.netType = 4;
  p.src4 = src;
  p.dst4 = dst;
  p.ipDepth++;

  if (hlen > HEADER_LEN) {
    const optEnd = off + hlen;
    // the whole option area is fetched before any option is shown
    if (!needq(p, off + HEADER_LEN, hlen - HEADER_LEN, end, quoted)) return len;
    dissectOptions(p, top, off + HEADER_LEN, optEnd, end, route);
    if (p.stopped) return len;
  }

  // ---- payload ----
  const pOff = off + hlen;
  const pEnd = off + len;
  if (pOff > pEnd) return len;
  const more = (fo & FLAG_MF) !== 0;
  const fragmented = more || (fo & OFFSET_MASK) !== 0;
  if (fragmented && !quoted) {
    const s = p.session.get(IP_STATE);
    const payloadCaptured = Math.min(pEnd, p.capEnd) >= pEnd;
    let r: Reassembled | undefined;
    if (p.session.visited) r = s.done.get(p.num);
    else if (payloadCaptured) {
      const key = `${src}|${dst}|${id}|${proto}`;
      r = s.add(key, p.num, fragOff, b.slice(pOff, pEnd), more, p.session.retainFrames);
    }
    if (r) {
      showFragments(p, top, r, FRAG_FIELDS, 'IPv4');
      const tok = p.pushSource(`Reassembled IPv4 (${r.data.length} bytes)`, r.data);
      dispatchPayload(p, proto, 0, r.data.length, parent);
      p.popSource(tok);
      return len;
    }
    const rin = s.reassembledIn.get(p.num);
    if (rin !== undefined && rin !== p.num) t.generated(t.addNum(top, hf.reassembled_in, off, 0, rin));
    // tshark dissects an unreassembled first fragment as if whole only when it could not be
    // reassembled for lack of captured bytes; otherwise the payload is data.
    if (fragOff !== 0 || payloadCaptured) {
      if (p.cols) p.setInfo(fragInfo(proto, fragOff, id) + (rin !== undefined && rin !== p.num ? ` [Reassembled in #${rin}]` : ''));
      showData(p, pOff, pEnd, parent);
      return len;
    }
  }
  dispatchPayload(p, proto, pOff, pEnd, parent);
  return len;
}

/** Hands [off, end) to the ip.proto table, or shows it as data. */
function dispatchPayload(p: Packet, proto: number, off: number, end: number, parent: number): void {
  if (end <= off) {
    // Nothing after the header: tshark still calls the next protocol, which finds no bytes.
    const h = ipProtoTable.get(proto);
    if (h) p.call(h, off, end, parent);
    else if (p.cols && !inIcmpError(p)) p.setInfo(`${IP_PROTOCOL_NAMES.get(proto) ?? 'Unknown'} (${proto})`);
    return;
  }
  const h = ipProtoTable.get(proto);
  if (h) {
    const n = p.call(h, off, end, parent);
    if (n > 0 || p.stopped) return;
  }
  // no dissector for this protocol: tshark names it in Info and shows the bytes as data
  if (p.cols && !inIcmpError(p)) p.setInfo(`${IP_PROTOCOL_NAMES.get(proto) ?? 'Unknown'} (${proto})`);
  showData(p, off, end, parent);
}

// ---- options ----

/**
 * Options [off, optEnd) of a header whose datagram ends at `end`. Layout per RFC 791 §3.1: EOL and
 * NOP are one byte; every other option is type, length (including both), data.
 */
function dissectOptions(p: Packet, top: number, off: number, optEnd: number, end: number, route: RouteScan | undefined): void {
  const t = p.tree;
  const b = p.buf;
  const n = optEnd - off;
  const quoted = inIcmpError(p);
  const ot = t.addText(top, off, capLen(p, off, n), `Options: (${n} bytes)`);
  let nops = 0;
  let o = off;
  while (o < optEnd) {
    if (!needq(p, o, 1, end, quoted)) return;
    const type = b[o]!;
    if (type === 0) { // EOL: ends the list
      const it = t.addItem(ot, opt.eol, o, 1);
      addOptType(p, it, o, type);
      return;
    }
    if (type === 1) {
      // the expert comes before the fourth NOP's item
      if (++nops === 4) p.addExpert(ot, ei.nop, o, 1);
      const it = t.addItem(ot, opt.nop, o, 1);
      addOptType(p, it, o, type);
      o++;
      continue;
    }
    nops = 0;
    const known = OPTIONS.get(type);
    const name = known ? known[1] : `Unknown (0x${type.toString(16).padStart(2, '0')})`;
    const left = optEnd - o;
    if (left < 2) {
      addBadOption(p, ot, o, left, `${name} (length byte past end of options)`);
      return;
    }
    if (!needq(p, o + 1, 1, end, quoted)) return;
    const olen = b[o + 1]!;
    if (olen < 2) {
      addBadOption(p, ot, o, 2, `${name} (with too-short option length = ${olen} byte${olen === 1 ? '' : 's'})`);
      return;
    }
    if (olen > left) {
      addBadOption(p, ot, o, left, `${name} (option length = ${olen} byte${olen === 1 ? '' : 's'} says option goes past end of options)`);
      return;
    }
    if (!known) {
      t.addText(ot, o, capLen(p, o, olen), `${name} (${olen} byte${olen === 1 ? '' : 's'})`);
      o += olen;
      continue;
    }
    const [proto, short, fixed] = known;
    const lenOk = fixed === 0 || olen === fixed;
    // a fixed-size option with a wrong length is labelled with its proper size and left out of the summary
    if (lenOk) t.appendLabel(ot, `, ${short}`);
    const it = t.addItem(ot, proto, o, capLen(p, o, olen));
    if (it >= 0 && t.full) t.setLabel(it, `IP Option - ${short} (${lenOk ? olen : fixed} bytes)`);
    addOptType(p, it, o, type);
    const li = t.addNum(it, hf.opt_len, o + 1, 1, olen);
    if (fixed !== 0 && olen !== fixed) {
      p.addExpert(li, ei.opt_len_invalid, o + 1, 1, `${short} (with option length = ${olen} byte${olen === 1 ? '' : 's'}; should be ${fixed})`);
      if (olen < fixed) {
        // tshark reads the fixed-size body from an option-sized buffer: that is a malformed packet
        p.malformed();
        return;
      }
    }
    // The option's bytes must be there before its body is read.
    if (!needq(p, o, olen, end, quoted)) return;
    optionBody(p, it, type, o, olen, route);
    if (p.stopped) return;
    o += olen;
  }
}

/** Type item with its copy/class/number bits. */
function addOptType(p: Packet, parent: number, o: number, type: number): void {
  const t = p.tree;
  const ti = t.addNum(parent, hf.opt_type, o, 1, type);
  t.addNum(ti, hf.opt_type_copy, o, 1, type);
  t.addNum(ti, hf.opt_type_class, o, 1, type);
  t.addNum(ti, hf.opt_type_number, o, 1, type);
}

/** A text item carrying an expert (proto_tree_add_expert style: the item shows the message). */
function addExpertText(p: Packet, parent: number, e: ExpertInfo, off: number, len: number, msg = e.summary): number {
  return addExpertItem(p, parent, e, off, len, msg);
}

function addBadOption(p: Packet, parent: number, off: number, len: number, msg: string): void {
  const it = p.tree.addText(parent, off, capLen(p, off, len), msg);
  p.addExpert(it, ei.opt_len_invalid, off, capLen(p, off, len), msg);
}

function optionBody(p: Packet, it: number, type: number, o: number, olen: number, route: RouteScan | undefined): void {
  const t = p.tree;
  const b = p.buf;
  switch (type) {
    case 0x94: { // Router Alert
      const v = u16At(b, o + 2);
      t.addNum(it, hf.opt_ra, o + 2, 2, v);
      if (it >= 0 && t.full) t.appendLabel(it, `: ${v === 0 ? 'Router shall examine packet' : 'Reserved'} (${v})`);
      return;
    }
    case 0x07: case 0x83: case 0x89: // Record Route, Loose/Strict Source Route
      routeOption(p, it, type, o, olen, route);
      return;
    case 0x44: // Time Stamp
      timestampOption(p, it, o, olen);
      return;
    case 0x88:
      t.addNum(it, hf.opt_sid, o + 2, 2, u16At(b, o + 2));
      return;
    case 0x0b: case 0x0c:
      t.addNum(it, hf.opt_mtu, o + 2, 2, u16At(b, o + 2));
      return;
    case 0x52: // Traceroute (RFC 1393)
      t.addNum(it, hf.opt_id_number, o + 2, 2, u16At(b, o + 2));
      t.addNum(it, hf.opt_ohc, o + 4, 2, u16At(b, o + 4));
      t.addNum(it, hf.opt_rhc, o + 6, 2, u16At(b, o + 6));
      t.addNum(it, hf.opt_originator, o + 8, 4, u32At(b, o + 8));
      return;
    case 0x82: { // Security (RFC 791)
      t.addNum(it, hf.opt_sec_rfc791_sec, o + 2, 2, u16At(b, o + 2));
      t.addNum(it, hf.opt_sec_rfc791_comp, o + 4, 2, u16At(b, o + 4));
      t.addStr(it, hf.opt_sec_rfc791_hr, o + 6, 2, asciiz(b, o + 6, 2));
      t.addStr(it, hf.opt_sec_rfc791_tcc, o + 8, 3, asciiz(b, o + 8, 3));
      return;
    }
    default:
      return;
  }
}

function asciiz(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const c = b[off + i]!;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

function routeOption(p: Packet, it: number, type: number, o: number, olen: number, route: RouteScan | undefined): void {
  const t = p.tree;
  const b = p.buf;
  if (olen < 3) return;
  const ptr = b[o + 2]!;
  const pi = t.addNum(it, hf.opt_ptr, o + 2, 1, ptr);
  if (ptr < 4) {
    p.addExpert(pi, ei.opt_ptr_before_address, o + 2, 1);
    return;
  }
  if ((ptr - 4) % 4 !== 0) {
    p.addExpert(pi, ei.opt_ptr_middle_address, o + 2, 1);
    return;
  }
  const isSource = type !== 0x07;
  // a length that is not 3 + 4n: the expert goes on the pointer, whole addresses are still shown
  if ((olen - 3) % 4 !== 0) p.addExpert(pi, ei.subopt_too_long, o + 2, 1);
  for (let a = 3; a + 4 <= olen; a += 4) {
    const v = u32At(b, o + a);
    const pos = a + 1; // the pointer counts from 1
    const last = a + 4 >= olen;
    if (isSource && last && route && route.finalOff === o + a) {
      t.addNum(it, hf.dst, o + a, 4, v);
      addHidden4(p, it, hf.dst_host, o + a, v, true);
    } else if (pos < ptr) {
      t.addNum(it, hf.rec_rt, o + a, 4, v);
      addHidden4(p, it, hf.rec_rt_host, o + a, v, false);
    } else if (isSource) {
      const si = t.addNum(it, hf.src_rt, o + a, 4, v);
      if (pos === ptr) t.appendLabel(si, ' <- (next)');
      addHidden4(p, it, hf.src_rt_host, o + a, v, false);
    } else {
      const ei2 = t.addNum(it, hf.empty_rt, o + a, 4, v);
      if (pos === ptr) t.appendLabel(ei2, ' <- (next)');
      addHidden4(p, it, hf.empty_rt_host, o + a, v, false);
    }
  }
}

function timestampOption(p: Packet, it: number, o: number, olen: number): void {
  const t = p.tree;
  const b = p.buf;
  if (olen < 4) return;
  t.addNum(it, hf.opt_ptr, o + 2, 1, b[o + 2]!);
  const of = b[o + 3]!;
  t.addNum(it, hf.opt_overflow, o + 3, 1, of);
  const flag = of & 0x0f;
  const fli = t.addNum(it, hf.opt_flag, o + 3, 1, of);
  if (fli >= 0 && t.full) {
    const fname = flag === 0 ? 'Time stamps only' : flag === 1 ? 'Time stamp and address' : flag === 3 ? 'Time stamps for prespecified addresses' : 'Unknown';
    t.setLabel(fli, `${bits8(0x0f, of)} = Flag: ${fname} (0x${flag.toString(16)})`);
  }
  const step = flag === 0 ? 4 : 8;
  for (let a = 4; a < olen; a += step) {
    if (a + step > olen) {
      addExpertText(p, it, ei.subopt_too_long, o + a, olen - a);
      return;
    }
    if (flag !== 0) {
      t.addNum(it, hf.opt_time_stamp_addr, o + a, 4, u32At(b, o + a));
      t.addNum(it, hf.opt_time_stamp, o + a + 4, 4, u32At(b, o + a + 4));
    } else {
      t.addNum(it, hf.opt_time_stamp, o + a, 4, u32At(b, o + a));
    }
  }
}

/**
 * IP of either version, chosen by the version nibble (what tshark uses for raw-IP link types and
 * for the datagram quoted in an ICMP error): 4 → ip, 6 → ipv6 (with an `ip` layer recorded), anything
 * else → "Internet Protocol, bogus version (N)".
 */
export function dissectIpAnyVersion(p: Packet, off: number, end: number, parent: number): number {
  if (!needq(p, off, 1, end, inIcmpError(p))) return end - off;
  const version = p.buf[off]! >> 4;
  if (version === 4) return dissectIp(p, off, end, parent);
  if (version === 6) {
    ipv6Handle ??= findHandle('ipv6');
    p.addLayer(proto_ip);
    if (ipv6Handle) return p.call(ipv6Handle, off, end, parent);
    return showData(p, off, end, parent);
  }
  const t = p.tree;
  p.proto = 'IP';
  const top = p.addProto(parent, proto_ip, off, off + 1);
  if (top >= 0) t.setLabel(top, `Internet Protocol, bogus version (${version})`);
  const vi = t.addNum(top, hf.version, off, 1, version);
  t.setLabel(vi, `${bits8(0xf0, p.buf[off]!)} = Version: ${version}`);
  p.addExpert(vi, ei.bogus_ip_version, off, 1);
  if (p.cols) p.setInfo(`Bogus IP version (${version})`);
  return end - off;
}

export const ipHandle = registerHandle('ip', dissectIp);
/** The version-dispatching entry (raw IP link types, ICMP error quotes). */
export const ipAnyVersionHandle = registerHandle('ip.any_version', dissectIpAnyVersion);
ethertypeTable.add(0x0800, ipHandle);
ipProtoTable.add(4, ipHandle);

