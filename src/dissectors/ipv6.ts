// ipv6: Internet Protocol version 6 (RFC 8200) and its extension headers — hop-by-hop and
// destination options (RFC 8200 §4.2-4.6: Pad1, PadN, Router Alert, Jumbo Payload, Home Address,
// Path MTU …), routing headers (type 0 source route, type 2, segment routing RFC 8754), and the
// fragment header with reassembly across packets.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |Version| Traffic Class |           Flow Label                  |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |         Payload Length        |  Next Header  |   Hop Limit   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                                                               |
// +                  Source Address (16 bytes)                    +
// |                                                               |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                                                               |
// +               Destination Address (16 bytes)                  +
// |                                                               |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Extension headers (next header 0, 43, 44, 60) are their own layers in frame.protocols
// (`ipv6:ipv6.hopopts:ipv6.routing:udp`) shown as subtrees of the IPv6 item. Fields are added as
// far as the bytes go, like tshark: a header cut short still shows what was captured. The payload
// ends at the payload length (or the jumbo length), clamped to the bytes present with an expert.
// Non-final fragments show "IPv6 fragment (…)"; the one completing a datagram dispatches the
// reassembled payload as the data source "Reassembled IPv6 (N bytes)".

import { FT, Base, f, field, registerProtocol, vals, TFS_YES } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { bitPattern, formatIPv6 } from '../core/format.js';
import { ethertypeTable } from './ethertype.js';
import { ipProtoTable } from './ipproto.js';
import { callData } from './data.js';
import { FragmentTable, showFragments, type FragmentFields, type Reassembled } from './fragments.js';
import { DSCP_NAMES, ECN_NAMES, IP_PROTOCOL_NAMES, inIcmpError, needq, u16At, u32At } from './inet-util.js';

// Fixed header layout.
const VTF = 0;
const PLEN = 4;
const NXT = 6;
const HLIM = 7;
const SRC = 8;
const DST = 24;
const HEADER_LEN = DST + 16;

// Next-header values handled here.
const NH_HOPOPTS = 0;
const NH_ROUTING = 43;
const NH_FRAGMENT = 44;
const NH_NONE = 59;
const NH_DSTOPTS = 60;

// Option types.
const OPT_PAD1 = 0x00;
const OPT_PADN = 0x01;
const OPT_TEL = 0x04;
const OPT_RTALERT = 0x05;
const OPT_PMTU = 0x30;
const OPT_JUMBO = 0xc2;
const OPT_HOME_ADDRESS = 0xc9;

/** Reassembly bounds (per capture): a datagram is at most 64 KiB; pending data is capped. */
const MAX_DATAGRAM = 65535;
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

export const proto_ipv6 = registerProtocol('ipv6', 'Internet Protocol Version 6', 'IPv6');

/** The short DSCP names of the Traffic Class summary ("DSCP: CS0"). */
const DSCP_SHORT: Readonly<Record<number, string>> = {
  0: 'CS0', 1: 'LE', 8: 'CS1', 10: 'AF11', 12: 'AF12', 14: 'AF13', 16: 'CS2', 18: 'AF21', 20: 'AF22', 22: 'AF23',
  24: 'CS3', 26: 'AF31', 28: 'AF32', 30: 'AF33', 32: 'CS4', 34: 'AF41', 36: 'AF42', 38: 'AF43', 40: 'CS5',
  44: 'VOICE-ADMIT', 46: 'EF PHB', 48: 'CS6', 56: 'CS7',
};
const ECN_SHORT = ['Not-ECT', 'ECT(1)', 'ECT(0)', 'CE'];

const OPT_TYPE_NAMES = vals({
  0x0: 'Pad1', 0x1: 'PadN', 0x4: 'Tunnel Encapsulation Limit', 0x5: 'Router Alert', 0x7: 'CALIPSO', 0x8: 'SMF_DPD',
  0xf: 'Performance and Diagnostic Metrics', 0x1e: 'Experimental (0x1E)', 0x26: 'Quick-Start',
  0x30: 'Path MTU Option', 0x31: 'IOAM Option', 0x3e: 'Experimental (0x3E)',
  0x41: 'Tunnel Payload Forwarding (TPF) Information', 0x5e: 'Experimental (0x5E)', 0x63: 'RPL Option',
  0x6d: 'MPL Option', 0x7e: 'Experimental (0x7E)', 0x8a: 'Endpoint Identification', 0x8b: 'ILNP Nonce',
  0x8c: 'Line-Identification Option', 0x9e: 'Experimental (0x9E)', 0xbe: 'Experimental (0xBE)',
  0xc2: 'Jumbo Payload', 0xc9: 'Home Address', 0xde: 'Experimental (0xDE)', 0xee: 'IP_DFF',
  0xfe: 'Experimental (0xFE)',
});
const OPT_ACTION_NAMES = vals({
  0: 'Skip and continue', 1: 'Discard', 2: 'Discard and send ICMP Parameter Problem', 3: 'Discard and send ICMP if not multicast',
});
const RTALERT_NAMES = vals({ 0: 'MLD', 1: 'RSVP', 2: 'Active Network' });
const ROUTING_TYPE_NAMES = vals({
  0: 'Source Route', 1: 'Nimrod', 2: 'Type 2 Routing', 3: 'RPL Source Route', 4: 'Segment Routing',
  5: 'Compact Routing Header 16', 6: 'Compact Routing Header 32', 253: 'Experiment 1', 254: 'Experiment 2',
});

const hf = {
  version: f('ipv6.version', 'Version', FT.UINT8),
  tclass: f('ipv6.tclass', 'Traffic Class', FT.UINT32, { base: Base.HEX, mask: 0x0ff00000 }),
  tclass_dscp: f('ipv6.tclass.dscp', 'Differentiated Services Codepoint', FT.UINT32, { mask: 0x0fc00000, vals: DSCP_NAMES }),
  tclass_ecn: f('ipv6.tclass.ecn', 'Explicit Congestion Notification', FT.UINT32, { mask: 0x00300000, vals: ECN_NAMES }),
  flow: f('ipv6.flow', 'Flow Label', FT.UINT24, { base: Base.HEX, mask: 0xfffff }),
  plen: f('ipv6.plen', 'Payload Length', FT.UINT16),
  nxt: f('ipv6.nxt', 'Next Header', FT.UINT8, { vals: IP_PROTOCOL_NAMES }),
  hlim: f('ipv6.hlim', 'Hop Limit', FT.UINT8),
  src: f('ipv6.src', 'Source Address', FT.IPv6, { blurb: 'Source IPv6 Address' }),
  src_host: f('ipv6.src_host', 'Source Host', FT.STRING, { blurb: 'Source IPv6 Host' }),
  src_slaac_mac: f('ipv6.src_slaac_mac', 'Source SLAAC MAC', FT.ETHER),
  src_isatap_ipv4: f('ipv6.src_isatap_ipv4', 'Source ISATAP IPv4', FT.IPv4),
  src_6to4_gw_ipv4: f('ipv6.src_6to4_gw_ipv4', 'Source 6to4 Gateway IPv4', FT.IPv4),
  src_6to4_sla_id: f('ipv6.src_6to4_sla_id', 'Source 6to4 SLA ID', FT.UINT16),
  src_ts_ipv4: f('ipv6.src_ts_ipv4', 'Source Teredo Server IPv4', FT.IPv4),
  src_tc_port: f('ipv6.src_tc_port', 'Source Teredo Port', FT.UINT16),
  src_tc_ipv4: f('ipv6.src_tc_ipv4', 'Source Teredo Client IPv4', FT.IPv4),
  src_embed_ipv4: f('ipv6.src_embed_ipv4', 'Source Embedded IPv4', FT.IPv4),
  dst: f('ipv6.dst', 'Destination Address', FT.IPv6, { blurb: 'Destination IPv6 Address' }),
  dst_host: f('ipv6.dst_host', 'Destination Host', FT.STRING, { blurb: 'Destination IPv6 Host' }),
  dst_slaac_mac: f('ipv6.dst_slaac_mac', 'Destination SLAAC MAC', FT.ETHER),
  dst_isatap_ipv4: f('ipv6.dst_isatap_ipv4', 'Destination ISATAP IPv4', FT.IPv4),
  dst_6to4_gw_ipv4: f('ipv6.dst_6to4_gw_ipv4', 'Destination 6to4 Gateway IPv4', FT.IPv4),
  dst_6to4_sla_id: f('ipv6.dst_6to4_sla_id', 'Destination 6to4 SLA ID', FT.UINT16),
  dst_ts_ipv4: f('ipv6.dst_ts_ipv4', 'Destination Teredo Server IPv4', FT.IPv4),
  dst_tc_port: f('ipv6.dst_tc_port', 'Destination Teredo Port', FT.UINT16),
  dst_tc_ipv4: f('ipv6.dst_tc_ipv4', 'Destination Teredo Client IPv4', FT.IPv4),
  dst_embed_ipv4: f('ipv6.dst_embed_ipv4', 'Destination Embedded IPv4', FT.IPv4),
  addr: f('ipv6.addr', 'Source or Destination Address', FT.IPv6),
  host: f('ipv6.host', 'Source or Destination Host', FT.STRING),
  slaac_mac: f('ipv6.slaac_mac', 'SLAAC MAC', FT.ETHER),
  isatap_ipv4: f('ipv6.isatap_ipv4', 'ISATAP IPv4', FT.IPv4),
  gw_6to4_ipv4: f('ipv6.6to4_gw_ipv4', '6to4 Gateway IPv4', FT.IPv4),
  sla_6to4_id: f('ipv6.6to4_sla_id', '6to4 SLA ID', FT.UINT16),
  ts_ipv4: f('ipv6.ts_ipv4', 'Teredo Server IPv4', FT.IPv4),
  tc_port: f('ipv6.tc_port', 'Teredo Port', FT.UINT16),
  tc_ipv4: f('ipv6.tc_ipv4', 'Teredo Client IPv4', FT.IPv4),
  embed_ipv4: f('ipv6.embed_ipv4', 'Embedded IPv4', FT.IPv4),
  // options
  opt: f('ipv6.opt', 'IPv6 Option', FT.NONE, { blurb: 'Option' }),
  opt_type: f('ipv6.opt.type', 'Type', FT.UINT8, { base: Base.HEX, vals: OPT_TYPE_NAMES, blurb: 'Option type' }),
  opt_type_action: f('ipv6.opt.type.action', 'Action', FT.UINT8, { mask: 0xc0, vals: OPT_ACTION_NAMES }),
  opt_type_change: f('ipv6.opt.type.change', 'May Change', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: TFS_YES }),
  opt_type_rest: f('ipv6.opt.type.rest', 'Low-Order Bits', FT.UINT8, { base: Base.HEX, mask: 0x1f }),
  opt_length: f('ipv6.opt.length', 'Length', FT.UINT8, { blurb: 'Option length in octets' }),
  opt_pad1: f('ipv6.opt.pad1', 'Pad1', FT.NONE, { blurb: 'Pad1 Option' }),
  opt_padn: f('ipv6.opt.padn', 'PadN', FT.BYTES, { blurb: 'PadN Option' }),
  opt_pmtu_min: f('ipv6.opt.pmtu.min', 'Minimum Reported PMTU', FT.UINT16),
  opt_pmtu_rtn: f('ipv6.opt.pmtu.rtn', 'Return Minimum PMTU', FT.UINT16),
  opt_pmtu_r_flag: f('ipv6.opt.pmtu.r_flag', 'Return Flag', FT.BOOLEAN),
  opt_router_alert: f('ipv6.opt.router_alert', 'Router Alert', FT.UINT16, { vals: RTALERT_NAMES }),
  opt_tel: f('ipv6.opt.tel', 'Tunnel Encapsulation Limit', FT.UINT8),
  opt_jumbo: f('ipv6.opt.jumbo', 'Payload Length', FT.UINT32, { blurb: 'IPv6 (Jumbo) Payload Length' }),
  opt_mipv6_home_address: f('ipv6.opt.mipv6.home_address', 'MIPv6 Home Address', FT.IPv6),
  opt_unknown: f('ipv6.opt.unknown', 'Unknown Option Payload', FT.BYTES),
  // fragments
  fragment: f('ipv6.fragment', 'IPv6 Fragment', FT.FRAMENUM),
  fragment_overlap: f('ipv6.fragment.overlap', 'Fragment overlap', FT.BOOLEAN),
  fragment_overlap_conflict: f('ipv6.fragment.overlap.conflict', 'Conflicting data in fragment overlap', FT.BOOLEAN),
  fragment_too_long: f('ipv6.fragment.toolongfragment', 'Fragment too long', FT.BOOLEAN),
  fragment_count: f('ipv6.fragment.count', 'Fragment count', FT.UINT32),
  fragments: f('ipv6.fragments', 'IPv6 Fragments', FT.NONE),
  reassembled_in: f('ipv6.reassembled.in', 'Reassembled IPv6 in frame', FT.FRAMENUM),
  reassembled_length: f('ipv6.reassembled.length', 'Reassembled IPv6 length', FT.UINT32),
  reassembled_data: f('ipv6.reassembled.data', 'Reassembled IPv6 data', FT.BYTES),
};
// IPv6 packets also carry the version under IPv4's filter name (ip.version == 6 matches them).
const hf_ip_version = field({ abbrev: 'ip.version', name: 'Version', type: FT.UINT8 }, proto_ipv6);

const ei = {
  bogus_version: expertInfo('ipv6.bogus_ipv6_version', Group.MALFORMED, Severity.ERROR, 'Bogus IP version'),
  invalid_header: expertInfo('ipv6.invalid_header', Group.MALFORMED, Severity.ERROR, 'Invalid IPv6 header'),
  plen_exceeds_framing: expertInfo('ipv6.plen_exceeds_framing', Group.PROTOCOL, Severity.WARN, 'IPv6 payload length does not match expected framing length'),
  plen_zero: expertInfo('ipv6.plen_zero', Group.PROTOCOL, Severity.CHAT, 'IPv6 payload length equals 0 (maybe because of "TCP segmentation offload" (TSO))'),
  opt_invalid_len: expertInfo('ipv6.opt.invalid_len', Group.MALFORMED, Severity.ERROR, 'Invalid IPv6 option length'),
  jumbo_prohibited: expertInfo('ipv6.opt.jumbo.prohibited', Group.PROTOCOL, Severity.WARN, 'When IPv6 payload length does not equal 0 a Jumbo Payload option must not be present'),
  jumbo_truncated: expertInfo('ipv6.opt.jumbo.truncated', Group.PROTOCOL, Severity.WARN, 'Jumbo Payload option present and jumbo length < 65536'),
};

// ---- extension header protocols ----

export const proto_hopopts = registerProtocol('ipv6.hopopts', 'IPv6 Hop-by-Hop Option', 'IPv6 Hop-by-Hop');
const hf_hopopts = {
  nxt: f('ipv6.hopopts.nxt', 'Next Header', FT.UINT8, { vals: IP_PROTOCOL_NAMES }),
  len: f('ipv6.hopopts.len', 'Length', FT.UINT8, { blurb: 'Extension header length in 8-octet words (minus 1)' }),
  len_oct: f('ipv6.hopopts.len_oct', 'Length', FT.UINT16, { blurb: 'Extension header length in octets' }),
};
export const proto_routing = registerProtocol('ipv6.routing', 'Routing Header for IPv6', 'IPv6 Routing');
const hf_routing = {
  nxt: f('ipv6.routing.nxt', 'Next Header', FT.UINT8, { vals: IP_PROTOCOL_NAMES }),
  len: f('ipv6.routing.len', 'Length', FT.UINT8, { blurb: 'Extension header length in 8-octet words (minus 1)' }),
  len_oct: f('ipv6.routing.len_oct', 'Length', FT.UINT16, { blurb: 'Extension header length in octets' }),
  type: f('ipv6.routing.type', 'Type', FT.UINT8, { vals: ROUTING_TYPE_NAMES, blurb: 'Routing Header Type' }),
  segleft: f('ipv6.routing.segleft', 'Segments Left', FT.UINT8, { blurb: 'Routing Header Segments Left' }),
  unknown_data: f('ipv6.routing.unknown_data', 'Type-Specific Data', FT.BYTES, { blurb: 'Unknown routing header type-specific data' }),
  src_reserved: f('ipv6.routing.src.reserved', 'Reserved', FT.BYTES, { blurb: 'Must be zero' }),
  src_addr: f('ipv6.routing.src.addr', 'Address', FT.IPv6, { blurb: 'Source Routing Header Address' }),
  mipv6_reserved: f('ipv6.routing.mipv6.reserved', 'Reserved', FT.BYTES, { blurb: 'Must be zero' }),
  mipv6_home_address: f('ipv6.routing.mipv6.home_address', 'Home Address', FT.IPv6),
  srh_last_entry: f('ipv6.routing.srh.last_entry', 'Last Entry', FT.UINT8, { blurb: 'Index (zero based) of the last element of the Segment List' }),
  srh_flags: f('ipv6.routing.srh.flags', 'Flags', FT.UINT8, { base: Base.HEX, blurb: 'Unused, 8 bits of flags' }),
  srh_tag: f('ipv6.routing.srh.tag', 'Tag', FT.BYTES, { blurb: 'Tag a packet as part of a class or group of packets' }),
  srh_addr: f('ipv6.routing.srh.addr', 'Address', FT.IPv6, { blurb: 'Segment address' }),
};
const ei_routing_deprecated = expertInfo('ipv6.routing.deprecated', Group.DEPRECATED, Severity.NOTE, 'Routing header type is deprecated');
export const proto_fraghdr = registerProtocol('ipv6.fraghdr', 'Fragment Header for IPv6', 'IPv6 Fragment');
const hf_frag = {
  nxt: f('ipv6.fraghdr.nxt', 'Next header', FT.UINT8, { vals: IP_PROTOCOL_NAMES }),
  reserved_octet: f('ipv6.fraghdr.reserved_octet', 'Reserved octet', FT.UINT8, { base: Base.HEX, blurb: 'Should always be 0' }),
  offset: f('ipv6.fraghdr.offset', 'Offset', FT.UINT16, { mask: 0xfff8, blurb: 'Fragment Offset' }),
  reserved_bits: f('ipv6.fraghdr.reserved_bits', 'Reserved bits', FT.UINT16, { mask: 0x6 }),
  more: f('ipv6.fraghdr.more', 'More Fragments', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: TFS_YES }),
  ident: f('ipv6.fraghdr.ident', 'Identification', FT.UINT32, { base: Base.HEX, blurb: 'Fragment Identification' }),
};
export const proto_dstopts = registerProtocol('ipv6.dstopts', 'Destination Options for IPv6', 'IPv6 Destination');
const hf_dstopts = {
  nxt: f('ipv6.dstopts.nxt', 'Next Header', FT.UINT8, { vals: IP_PROTOCOL_NAMES }),
  len: f('ipv6.dstopts.len', 'Length', FT.UINT8, { blurb: 'Extension header length in 8-octet words (minus 1)' }),
  len_oct: f('ipv6.dstopts.len_oct', 'Length', FT.UINT16, { blurb: 'Extension header length in octets' }),
};

// ---- per-capture state: reassembly and the current packet's addresses ----

const FRAG_FIELDS: FragmentFields = {
  fragments: hf.fragments, fragment: hf.fragment, overlap: hf.fragment_overlap, conflict: hf.fragment_overlap_conflict,
  tooLong: hf.fragment_too_long, count: hf.fragment_count, reassembledLength: hf.reassembled_length,
  reassembledData: hf.reassembled_data,
};

/** Per-capture IPv6 state: the fragment table, and the current packet's addresses. */
class Ipv6State extends FragmentTable {
  constructor() { super(MAX_PENDING_BYTES, MAX_DATAGRAM); }
  /** The innermost IPv6 header's source and final destination, for upper-layer pseudo-headers. */
  readonly src = new Uint8Array(16);
  readonly dst = new Uint8Array(16);
  /** the innermost header's hop limit (ICMPv6 echo Info shows it) */
  hlim = 0;
  addrFrame = -1;
}
const IPV6_STATE = stateKey('ipv6', () => new Ipv6State());

/**
 * The source and destination (the final one when a routing header has segments left) of the
 * innermost IPv6 header of this frame, for pseudo-header checksums (ICMPv6); undefined when the
 * frame has none. The arrays are reused: copy them if they must outlive the call.
 */
export function ipv6PseudoAddresses(p: Packet): { src: Uint8Array; dst: Uint8Array; hlim: number } | undefined {
  const s = p.session.get(IPV6_STATE);
  return s.addrFrame === p.num ? s : undefined;
}

// ---- helpers ----

function hex(v: number, digits: number): string {
  return '0x' + v.toString(16).padStart(digits, '0');
}

/** Per-packet walk through the header chain. */
interface Chain {
  /** the IPv6 item (extension headers are its children) */
  top: number;
  quoted: boolean;
  /** jumbo payload length from a hop-by-hop option, or -1 */
  jumbo: number;
  /** absolute offset of the payload-length item's bytes (for experts) */
  plenOff: number;
  plenItem: number;
  /** the final destination from a routing header with segments left (absolute offset), or -1 */
  finalDst: number;
  /** header fields kept for reassembly and Info */
  srcOff: number;
  dstOff: number;
}

/** The payload-address subtree items tshark shows (SLAAC MAC, 6to4, Teredo, ISATAP, embedded IPv4). */
function addAddressDetails(p: Packet, top: number, a: number, isSrc: boolean): void {
  const t = p.tree;
  const b = p.buf;
  const w0 = u16At(b, a);
  const w1 = u16At(b, a + 2);
  if (w0 === 0x2002) { // 6to4: 2002:gggg:gggg:ssss::/48
    const gw = u32At(b, a + 2);
    t.generated(t.addNum(top, isSrc ? hf.src_6to4_gw_ipv4 : hf.dst_6to4_gw_ipv4, a + 2, 4, gw));
    t.generated(t.addNum(top, isSrc ? hf.src_6to4_sla_id : hf.dst_6to4_sla_id, a + 6, 2, u16At(b, a + 6)));
    t.hide(t.generated(t.addNum(top, hf.gw_6to4_ipv4, a + 2, 4, gw)));
    t.hide(t.generated(t.addNum(top, hf.sla_6to4_id, a + 6, 2, u16At(b, a + 6))));
    return;
  }
  if (w0 === 0x2001 && w1 === 0) { // Teredo: 2001:0000:server:flags:~port:~client
    const server = u32At(b, a + 4);
    const port = ~u16At(b, a + 10) & 0xffff;
    const client = ~u32At(b, a + 12) >>> 0;
    t.generated(t.addNum(top, isSrc ? hf.src_ts_ipv4 : hf.dst_ts_ipv4, a + 4, 4, server));
    t.generated(t.addNum(top, isSrc ? hf.src_tc_port : hf.dst_tc_port, a + 10, 2, port));
    t.generated(t.addNum(top, isSrc ? hf.src_tc_ipv4 : hf.dst_tc_ipv4, a + 12, 4, client));
    t.hide(t.generated(t.addNum(top, hf.ts_ipv4, a + 4, 4, server)));
    t.hide(t.generated(t.addNum(top, hf.tc_port, a + 10, 2, port)));
    t.hide(t.generated(t.addNum(top, hf.tc_ipv4, a + 12, 4, client)));
    return;
  }
  // Modified EUI-64 interface identifier (…:xxff:fexx:…): the MAC it was made from.
  // (tshark shows it only for universal MACs: the inverted U/L bit is set in the identifier)
  if (b[a + 11] === 0xff && b[a + 12] === 0xfe && (b[a + 8]! & 0x02) !== 0 && b[a] !== 0xff) {
    if (!t.wants(hf.src_slaac_mac) && !t.wants(hf.dst_slaac_mac) && !t.wants(hf.slaac_mac)) return;
    const mac = new Uint8Array([b[a + 8]! ^ 0x02, b[a + 9]!, b[a + 10]!, b[a + 13]!, b[a + 14]!, b[a + 15]!]);
    t.generated(t.addObj(top, isSrc ? hf.src_slaac_mac : hf.dst_slaac_mac, a + 8, 8, mac));
    t.hide(t.generated(t.addObj(top, hf.slaac_mac, a + 8, 8, mac)));
    return;
  }
  // ISATAP: interface identifier 0000:5efe:a.b.c.d or 0200:5efe:a.b.c.d
  if ((u16At(b, a + 8) & 0xfdff) === 0 && u16At(b, a + 10) === 0x5efe) {
    const v4 = u32At(b, a + 12);
    t.generated(t.addNum(top, isSrc ? hf.src_isatap_ipv4 : hf.dst_isatap_ipv4, a + 12, 4, v4));
    t.hide(t.generated(t.addNum(top, hf.isatap_ipv4, a + 12, 4, v4)));
    return;
  }
  // RFC 6052 well-known prefix 64:ff9b::/96
  if (w0 === 0x0064 && w1 === 0xff9b && u32At(b, a + 4) === 0 && u32At(b, a + 8) === 0) {
    const v4 = u32At(b, a + 12);
    t.generated(t.addNum(top, isSrc ? hf.src_embed_ipv4 : hf.dst_embed_ipv4, a + 12, 4, v4));
    t.hide(t.generated(t.addNum(top, hf.embed_ipv4, a + 12, 4, v4)));
  }
}

/** Adds an address with its hidden companions (ipv6.addr, *_host, ipv6.host). */
function addAddress(p: Packet, top: number, hfAddr: number, hfHost: number, a: number): void {
  const t = p.tree;
  t.addBytes(top, hfAddr, a, 16);
  t.hide(t.addBytes(top, hf.addr, a, 16));
  const wantsHost = t.wants(hfHost) || t.wants(hf.host);
  const text = wantsHost ? formatIPv6(p.buf, a) : '';
  t.hide(t.addStr(top, hfHost, a, 16, text));
  t.hide(t.addStr(top, hf.host, a, 16, text));
}

// ---- the dissector ----

function dissectIpv6(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  const quoted = inIcmpError(p);
  p.proto = 'IPv6';
  p.curProto = 'IPv6';
  if (p.cols && !quoted) p.clearInfo();

  if (!needq(p, off, 1, end, quoted)) {
    p.addProto(parent, proto_ipv6, off, Math.min(end, p.capEnd));
    return end - off;
  }
  const version = b[off]! >> 4;
  if (version !== 6) {
    // Not an IPv6 header: the item stays, but the layer is rejected (callers fall back to data).
    const it = t.addItem(parent, proto_ipv6, off, 1);
    const vi = t.addNum(it, hf.version, off, 1, version);
    if (vi >= 0 && full) t.setLabel(vi, `${bitPattern(0xf0, 8, b[off]!)} = Version: ${version}`);
    p.addExpert(vi, ei.bogus_version, off, 1, 'Bogus IPv6 version');
    if (p.cols && !quoted) p.setInfo(`Bogus IPv6 version (${version}, must be 6)`);
    return 0;
  }
  const avail = Math.min(end, p.capEnd);
  const top = p.addProto(parent, proto_ipv6, off, Math.min(off + HEADER_LEN, avail));
  const vi = t.addNum(top, hf.version, off, 1, 6);
  if (vi >= 0 && full) t.setLabel(vi, '0110 .... = Version: 6');
  t.hide(t.addNum(top, hf_ip_version, off, 1, 6));
  const reported = end - off;
  if (reported < HEADER_LEN && !quoted) {
    addExpertItemUnder(p, top, off, `IPv6 header must be exactly ${HEADER_LEN} bytes`);
    if (p.cols) p.setInfo(`Invalid IPv6 header (${reported} bytes, need exactly ${HEADER_LEN})`);
  }

  // Traffic class and flow label
  if (!needq(p, off + VTF, 4, end, quoted)) return end - off;
  const vtf = u32At(b, off + VTF);
  const tc = (vtf >>> 20) & 0xff;
  const tci = t.addNum(top, hf.tclass, off + VTF, 4, vtf);
  if (tci >= 0 && full) t.setLabel(tci, `${bitPattern(0x0ff00000, 32, vtf)} = Traffic Class: ${hex(tc, 2)} (DSCP: ${DSCP_SHORT[tc >> 2] ?? 'Unknown'}, ECN: ${ECN_SHORT[tc & 3]})`);
  t.addNum(tci, hf.tclass_dscp, off + VTF, 4, vtf);
  t.addNum(tci, hf.tclass_ecn, off + VTF, 4, vtf);
  const flow = vtf & 0xfffff;
  const fli = t.addNum(top, hf.flow, off + VTF + 1, 3, vtf & 0xffffff);
  if (fli >= 0 && full) t.setLabel(fli, `${bitPattern(0xfffff, 24, vtf & 0xffffff)} = Flow Label: ${hex(flow, 5)}`);

  // Payload length (0 with a hop-by-hop header: a jumbogram, whose length is in an option)
  if (!needq(p, off + PLEN, 2, end, quoted)) return end - off;
  const plen = u16At(b, off + PLEN);
  const pli = t.addNum(top, hf.plen, off + PLEN, 2, plen);
  if (!needq(p, off + NXT, 1, end, quoted)) return end - off;
  const nxt = b[off + NXT]!;
  const framing = reported - HEADER_LEN;
  if (plen === 0 && nxt === NH_HOPOPTS) {
    if (pli >= 0 && full) t.appendLabel(pli, ' (Jumbogram)');
  } else if (plen === 0 && nxt !== NH_NONE) {
    if (!quoted) p.addExpert(pli, ei.plen_zero, off + PLEN, 2);
  } else if (plen > framing && !quoted && framing >= 0) {
    p.addExpert(pli, ei.plen_exceeds_framing, off + PLEN, 2, `IPv6 payload length exceeds framing length (${framing} bytes)`);
  }
  t.addNum(top, hf.nxt, off + NXT, 1, nxt);
  if (!needq(p, off + HLIM, 1, end, quoted)) return end - off;
  t.addNum(top, hf.hlim, off + HLIM, 1, b[off + HLIM]!);

  // Addresses
  if (!needq(p, off + SRC, 16, end, quoted)) return end - off;
  addAddress(p, top, hf.src, hf.src_host, off + SRC);
  const srcText = formatIPv6(b, off + SRC);
  if (!quoted) p.src = srcText;
  if (!needq(p, off + DST, 16, end, quoted)) return end - off;
  addAddress(p, top, hf.dst, hf.dst_host, off + DST);
  const dstText = formatIPv6(b, off + DST);
  if (!quoted) p.dst = dstText;
  if (top >= 0 && full) t.setLabel(top, `Internet Protocol Version 6, Src: ${srcText}, Dst: ${dstText}`);
  if (full || t.wants(hf.slaac_mac) || t.wants(hf.src_slaac_mac) || t.wants(hf.dst_slaac_mac)) {
    addAddressDetails(p, top, off + SRC, true);
    addAddressDetails(p, top, off + DST, false);
  }
  p.netType = 6;
  p.src6 = srcText;
  p.dst6 = dstText;
  p.ipDepth++;

  // The payload: up to the payload length, or the frame's end when that is shorter.
  let pEnd = plen === 0 && nxt !== NH_HOPOPTS ? off + HEADER_LEN : Math.min(off + HEADER_LEN + plen, end);
  if (plen === 0 && nxt === NH_HOPOPTS) pEnd = end;
  const chain: Chain = { top, quoted, jumbo: -1, plenOff: off + PLEN, plenItem: pli, finalDst: -1, srcOff: off + SRC, dstOff: off + DST };
  if (!quoted) {
    const s = p.session.get(IPV6_STATE);
    s.src.set(b.subarray(off + SRC, off + SRC + 16));
    s.dst.set(b.subarray(off + DST, off + DST + 16));
    s.hlim = b[off + HLIM]!;
    s.addrFrame = p.num;
  }
  dissectChain(p, chain, nxt, off + HEADER_LEN, pEnd, parent, true);
  if (chain.jumbo >= 0) return Math.min(HEADER_LEN + chain.jumbo, reported);
  return Math.min(pEnd, end) - off;
}

/** "IPv6 header must be exactly 40 bytes": an expert directly under the IPv6 item. */
function addExpertItemUnder(p: Packet, top: number, off: number, msg: string): void {
  p.addExpert(top, ei.invalid_header, off, 0, msg);
}

/**
 * Walks the header chain from `nxt` at [off, end) (end = the payload's end): extension headers,
 * then the upper-layer protocol. Returns the bytes used.
 */
function dissectChain(p: Packet, c: Chain, nxt: number, off: number, end: number, parent: number, first: boolean): number {
  const start = off;
  for (;;) {
    switch (nxt) {
      case NH_HOPOPTS: case NH_DSTOPTS: {
        const r = dissectOptionsHeader(p, c, nxt, off, end, first);
        if (r < 0) return end - start;
        first = false;
        nxt = p.buf[off]!;
        off = r;
        // A jumbogram's payload is its jumbo length after the fixed header.
        if (c.jumbo >= 0) end = Math.min(c.plenOff - PLEN + HEADER_LEN + c.jumbo, end);
        continue;
      }
      case NH_ROUTING: {
        const r = dissectRoutingHeader(p, c, off, end);
        if (r < 0) return end - start;
        first = false;
        nxt = p.buf[off]!;
        off = r;
        continue;
      }
      case NH_FRAGMENT:
        dissectFragmentHeader(p, c, off, end, parent);
        return end - start;
      default:
        dispatchUpper(p, c, nxt, off, end, parent);
        return end - start;
    }
  }
}

/** Hands [off, end) to the ip.proto table; unknown or refused protocols show as data. */
function dispatchUpper(p: Packet, c: Chain, nxt: number, off: number, end: number, parent: number): void {
  if (nxt === NH_NONE) {
    if (p.cols && !c.quoted) p.setInfo('IPv6 no next header');
    if (end > off) callData(p, off, end, parent);
    return;
  }
  const h = ipProtoTable.get(nxt);
  if (h) {
    const n = p.call(h, off, end, parent);
    if (n > 0 || p.stopped) return;
  }
  if (p.cols && !c.quoted) p.setInfo(`Unknown IP Protocol: ${IP_PROTOCOL_NAMES.get(nxt) ?? 'Unknown'} (${nxt})`);
  if (end > off) callData(p, off, end, parent);
}

/**
 * A hop-by-hop or destination options header at `off`. Returns the offset after it, or -1 when
 * dissection stopped.
 */
function dissectOptionsHeader(p: Packet, c: Chain, nh: number, off: number, end: number, first: boolean): number {
  const t = p.tree;
  const b = p.buf;
  const hop = nh === NH_HOPOPTS;
  const proto = hop ? proto_hopopts : proto_dstopts;
  const hfx = hop ? hf_hopopts : hf_dstopts;
  p.addLayer(proto);
  p.curProto = hop ? 'IPv6 Hop-by-Hop' : 'IPv6 Destination';
  if (p.cols && !c.quoted) p.setInfo(hop ? 'IPv6 hop-by-hop options' : 'IPv6 destination options');
  if (!needq(p, off, 2, end, c.quoted)) return -1;
  const nxt = b[off]!;
  const len8 = b[off + 1]!;
  const hlen = (len8 + 1) * 8;
  const hend = off + hlen;
  const it = t.addItem(c.top, proto, off, Math.min(hlen, Math.min(end, p.capEnd) - off));
  t.addNum(it, hfx.nxt, off, 1, nxt);
  t.addNum(it, hfx.len, off + 1, 1, len8);
  const lo = t.generated(t.addNum(it, hfx.len_oct, off + 1, 1, hlen));
  if (lo >= 0 && t.full) t.setLabel(lo, `Length: ${hlen} bytes`);
  void first;

  let o = off + 2;
  while (o < hend) {
    if (!needq(p, o, 1, end, c.quoted)) return -1;
    const type = b[o]!;
    if (type === OPT_PAD1) {
      const oi = t.addItem(it, hf.opt_pad1, o, 1);
      addOptType(p, oi, o, type);
      o++;
      continue;
    }
    if (!needq(p, o + 1, 1, end, c.quoted)) return -1;
    const olen = b[o + 1]!;
    const name = OPT_TYPE_NAMES.get(type);
    const oi = t.addItem(it, hf.opt, o, Math.min(2 + olen, Math.min(end, p.capEnd) - o));
    if (oi >= 0 && t.full) t.setLabel(oi, name ?? `Unknown IPv6 Option (${type})`);
    addOptType(p, oi, o, type);
    const li = t.addNum(oi, hf.opt_length, o + 1, 1, olen);
    const d = o + 2;
    // bytes the option's fields took: tshark moves on by that (a Home Address of length 1 still
    // reads 16 bytes), and checks the option's declared extent against the captured bytes
    let used = olen;
    switch (type) {
      case OPT_PADN: {
        if (!needq(p, d, olen, end, c.quoted)) return -1;
        const pi = t.addBytes(oi, hf.opt_padn, d, olen);
        if (olen === 0 && pi >= 0 && t.full) t.setLabel(pi, 'PadN: <none>');
        break;
      }
      case OPT_RTALERT: {
        if (olen !== 2) p.addExpert(li, ei.opt_invalid_len, o + 1, 1, `Router alert: Invalid Length (${olen} bytes)`);
        if (!needq(p, d, 2, end, c.quoted)) return -1;
        t.addNum(oi, hf.opt_router_alert, d, 2, u16At(b, d));
        used = 2;
        break;
      }
      case OPT_TEL: {
        if (olen !== 1) p.addExpert(li, ei.opt_invalid_len, o + 1, 1, `Tunnel Encapsulation Limit: Invalid length (${olen} bytes)`);
        if (!needq(p, d, 1, end, c.quoted)) return -1;
        t.addNum(oi, hf.opt_tel, d, 1, b[d]!);
        used = 1;
        break;
      }
      case OPT_JUMBO: {
        if (olen !== 4) p.addExpert(li, ei.opt_invalid_len, o + 1, 1, `Jumbo Payload: Invalid length (${olen} bytes)`);
        if (!needq(p, d, 4, end, c.quoted)) return -1;
        const jumbo = u32At(b, d);
        const ji = t.addNum(oi, hf.opt_jumbo, d, 4, jumbo);
        const plen = u16At(b, c.plenOff);
        if (plen !== 0) p.addExpert(ji, ei.jumbo_prohibited, d, 4);
        else if (jumbo < 65536) p.addExpert(ji, ei.jumbo_truncated, d, 4);
        else c.jumbo = jumbo;
        used = 4;
        break;
      }
      case OPT_HOME_ADDRESS: {
        if (olen !== 16) p.addExpert(li, ei.opt_invalid_len, o + 1, 1, `Home Address: Invalid length (${olen} bytes)`);
        if (!needq(p, d, 16, end, c.quoted)) return -1;
        t.addBytes(oi, hf.opt_mipv6_home_address, d, 16);
        // the mobile node's home address is the packet's source for the columns (RFC 6275 §6.3)
        if (!c.quoted) p.src = formatIPv6(b, d);
        used = 16;
        break;
      }
      case OPT_PMTU: {
        if (olen !== 4) p.addExpert(li, ei.opt_invalid_len, o + 1, 1, `PMTU Option: Invalid Length (${olen} bytes)`);
        if (!needq(p, d, 4, end, c.quoted)) return -1;
        t.addNum(oi, hf.opt_pmtu_min, d, 2, u16At(b, d));
        const rtn = u16At(b, d + 2);
        t.addNum(oi, hf.opt_pmtu_rtn, d + 2, 2, rtn);
        t.addNum(oi, hf.opt_pmtu_r_flag, d + 2, 2, rtn & 1);
        used = 4;
        break;
      }
      default: {
        if (!needq(p, d, olen, end, c.quoted)) return -1;
        if (olen > 0) t.addBytes(oi, hf.opt_unknown, d, olen);
      }
    }
    if (!needq(p, o, 2 + olen, end, c.quoted)) return -1;
    o = d + used;
  }
  if (!needq(p, off, hlen, end, c.quoted)) return -1;
  return hend;
}

function addOptType(p: Packet, oi: number, o: number, type: number): void {
  const t = p.tree;
  const ti = t.addNum(oi, hf.opt_type, o, 1, type);
  t.addNum(ti, hf.opt_type_action, o, 1, type);
  t.addNum(ti, hf.opt_type_change, o, 1, type);
  t.addNum(ti, hf.opt_type_rest, o, 1, type);
}

/** A routing header at `off`. Returns the offset after it, or -1 when dissection stopped. */
function dissectRoutingHeader(p: Packet, c: Chain, off: number, end: number): number {
  const t = p.tree;
  const b = p.buf;
  p.addLayer(proto_routing);
  p.curProto = 'IPv6 Routing';
  if (p.cols && !c.quoted) p.setInfo('IPv6 routing');
  if (!needq(p, off, 4, end, c.quoted)) return -1;
  const nxt = b[off]!;
  const len8 = b[off + 1]!;
  const type = b[off + 2]!;
  const segleft = b[off + 3]!;
  const hlen = (len8 + 1) * 8;
  const hend = off + hlen;
  const it = t.addItem(c.top, proto_routing, off, Math.min(hlen, Math.min(end, p.capEnd) - off));
  if (it >= 0 && t.full) t.appendLabel(it, ` (${ROUTING_TYPE_NAMES.get(type) ?? 'Unknown'})`);
  t.addNum(it, hf_routing.nxt, off, 1, nxt);
  t.addNum(it, hf_routing.len, off + 1, 1, len8);
  const lo = t.generated(t.addNum(it, hf_routing.len_oct, off + 1, 1, hlen));
  if (lo >= 0 && t.full) t.setLabel(lo, `Length: ${hlen} bytes`);
  const ti = t.addNum(it, hf_routing.type, off + 2, 1, type);
  t.addNum(it, hf_routing.segleft, off + 3, 1, segleft);
  const d = off + 4;
  if (type === 0) {
    if (!needq(p, d, 4, end, c.quoted)) return -1;
    t.addBytes(it, hf_routing.src_reserved, d, 4);
    const n = Math.floor((hlen - 8) / 16);
    for (let i = 0; i < n; i++) {
      const a = d + 4 + 16 * i;
      if (!needq(p, a, 16, end, c.quoted)) return -1;
      const ai = t.addBytes(it, hf_routing.src_addr, a, 16);
      if (ai >= 0 && t.full) t.setLabel(ai, `Address[${i + 1}]: ${formatIPv6(b, a)}`);
    }
    if (segleft > 0 && n > 0) c.finalDst = d + 4 + 16 * (n - 1);
    // tshark notes the deprecation once the addresses are read (not when the header is cut short)
    p.addExpert(ti, ei_routing_deprecated, off + 2, 1);
  } else if (type === 2) {
    if (!needq(p, d, 4, end, c.quoted)) return -1;
    t.addBytes(it, hf_routing.mipv6_reserved, d, 4);
    if (!needq(p, d + 4, 16, end, c.quoted)) return -1;
    t.addBytes(it, hf_routing.mipv6_home_address, d + 4, 16);
    if (segleft > 0) c.finalDst = d + 4;
  } else if (type === 4) {
    if (!needq(p, d, 4, end, c.quoted)) return -1;
    const last = b[d]!;
    t.addNum(it, hf_routing.srh_last_entry, d, 1, last);
    t.addNum(it, hf_routing.srh_flags, d + 1, 1, b[d + 1]!);
    t.addBytes(it, hf_routing.srh_tag, d + 2, 2);
    for (let i = 0; i <= last && d + 4 + 16 * (i + 1) <= hend; i++) {
      const a = d + 4 + 16 * i;
      if (!needq(p, a, 16, end, c.quoted)) return -1;
      const ai = t.addBytes(it, hf_routing.srh_addr, a, 16);
      if (ai >= 0 && t.full) t.setLabel(ai, `Address[${i}]: ${formatIPv6(b, a)}`);
    }
    // Segment 0 is the final destination.
    if (segleft > 0) c.finalDst = d + 4;
  } else if (hlen > 4) {
    if (!needq(p, d, hlen - 4, end, c.quoted)) return -1;
    t.addBytes(it, hf_routing.unknown_data, d, hlen - 4);
  }
  if (!needq(p, off, hlen, end, c.quoted)) return -1;
  if (c.finalDst >= 0 && !c.quoted) {
    // the final destination is what the columns show (ipv6.dst stays the header's)
    p.dst = formatIPv6(b, c.finalDst);
    const s = p.session.get(IPV6_STATE);
    if (s.addrFrame === p.num) s.dst.set(b.subarray(c.finalDst, c.finalDst + 16));
  }
  return hend;
}

/** The fragment header at `off`: reassembly, or the fragment as data with tshark's Info. */
function dissectFragmentHeader(p: Packet, c: Chain, off: number, end: number, parent: number): void {
  const t = p.tree;
  const b = p.buf;
  p.addLayer(proto_fraghdr);
  p.curProto = 'IPv6 Fragment';
  if (!needq(p, off, 8, end, c.quoted)) return;
  const nxt = b[off]!;
  const offw = u16At(b, off + 2);
  const fragOff = offw & 0xfff8;
  const more = (offw & 1) !== 0;
  const ident = u32At(b, off + 4);
  const it = t.addItem(c.top, proto_fraghdr, off, 8);
  t.addNum(it, hf_frag.nxt, off, 1, nxt);
  t.addNum(it, hf_frag.reserved_octet, off + 1, 1, b[off + 1]!);
  const oi = t.addNum(it, hf_frag.offset, off + 2, 2, offw);
  if (oi >= 0 && t.full) t.appendLabel(oi, ` (${fragOff} bytes)`);
  t.addNum(it, hf_frag.reserved_bits, off + 2, 2, offw);
  t.addNum(it, hf_frag.more, off + 2, 2, offw);
  t.addNum(it, hf_frag.ident, off + 4, 4, ident);
  const pOff = off + 8;
  // An atomic fragment (offset 0, no more) is the whole datagram.
  if (fragOff === 0 && !more) {
    dissectChain(p, c, nxt, pOff, end, parent, false);
    return;
  }
  if (c.quoted) {
    if (pOff < end && pOff < p.capEnd) callData(p, pOff, end, parent);
    return;
  }
  const s = p.session.get(IPV6_STATE);
  let r: Reassembled | undefined;
  if (p.session.visited) r = s.done.get(p.num);
  else if (Math.min(end, p.capEnd) >= end) {
    const key = `${formatIPv6(b, c.srcOff)}|${formatIPv6(b, c.dstOff)}|${ident}`;
    r = s.add(key, p.num, fragOff, b.slice(pOff, end), more, p.session.retainFrames);
  }
  if (r) {
    showFragments(p, c.top, r, FRAG_FIELDS, 'IPv6');
    const tok = p.pushSource(`Reassembled IPv6 (${r.data.length} bytes)`, r.data);
    // the first fragment's next header names the reassembled payload's protocol
    const firstNxt = nxt;
    dissectChain(p, { ...c, finalDst: -1 }, firstNxt, 0, r.data.length, parent, false);
    p.popSource(tok);
    return;
  }
  const rin = s.reassembledIn.get(p.num);
  if (rin !== undefined && rin !== p.num) t.generated(t.addNum(c.top, hf.reassembled_in, off, 0, rin));
  if (p.cols) p.setInfo(`IPv6 fragment (off=${fragOff} more=${more ? 'y' : 'n'} ident=${hex(ident, 8)} nxt=${nxt})`);
  if (pOff < end) callData(p, pOff, end, parent);
}

export const ipv6Handle = registerHandle('ipv6', dissectIpv6);
ethertypeTable.add(0x86dd, ipv6Handle);
ipProtoTable.add(41, ipv6Handle);

