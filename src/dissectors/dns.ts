// dns: Domain Name System (RFC 1035) over UDP and TCP, and the shared message code used by mDNS
// (RFC 6762, mdns.ts) and LLMNR (RFC 4795, llmnr.ts). Field names, labels and the Info column
// follow tshark 4.0 as seen from the outside (-V, -T fields, -G fields/values).
//
//  Header (RFC 1035 §4.1.1):
//                                  1  1  1  1  1  1
//    0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
//  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//  |                      ID                       |
//  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//  |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
//  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//  |                    QDCOUNT                    |
//  |                    ANCOUNT                    |
//  |                    NSCOUNT                    |
//  |                    ARCOUNT                    |
//  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//  Question: QNAME (labels / compression pointers), QTYPE(16), QCLASS(16)
//  Resource record: NAME, TYPE(16), CLASS(16), TTL(32), RDLENGTH(16), RDATA
//  Over TCP (RFC 1035 §4.2.2) every message is preceded by a 16-bit length.
//
// Names: a label byte 00xxxxxx is a label of that length, 11xxxxxx xxxxxxxx a pointer to an offset
// in the message, 01xxxxxx an extended label, 10xxxxxx reserved. tshark's limits (measured): a name
// longer than 255 bytes on the wire becomes "<Name too long>", more than 255 pointers
// "<Name contains a pointer that loops>", an extended label "<Unknown extended label>"; a name that
// runs past the message end is a malformed packet. Every loop below is bounded by those limits.

import { FT, Base, f, vals, fields, valueName, protocolShortNames, TFS_TRUE, type RangeNames, type TrueFalse } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { DESEGMENT_ONE_MORE } from '../core/packet.js';
import { registerProtocol } from '../core/field.js';
import { registerHandle, type Handle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { formatIPv4, formatIPv6, bitPattern, formatInt } from '../core/format.js';
import { wantTest, type Tree } from '../core/tree.js';
import { stateKey } from '../core/session.js';
import { udpPortTable, udpHeuristics } from './udp.js';
import { tcpPortTable } from './tcp.js';
import { ConvMap, inIcmpError } from './inet-util.js';
import { latin1 } from '../capture/utf8.js';

// Header offsets (from the start of the message)
const ID = 0;
const FLAGS = 2;
const QDCOUNT = 4;
const ANCOUNT = 6;
const NSCOUNT = 8;
const ARCOUNT = 10;
const HEADER_LEN = ARCOUNT + 2;
/** fixed part of a resource record after its name: type, class, ttl, rdlength */
const RR_FIXED = 10;

const F_RESPONSE = 0x8000;
const F_OPCODE = 0x7800;
const F_AA = 0x0400;
const F_AD = 0x0020;
const F_RCODE = 0x000f;

const OPCODE_UPDATE = 5;
const NBNS_PORT = 137;
/** tshark's Info column holds 4095 characters: nothing is appended past that (saves building text for huge counts) */
const INFO_MAX = 4096;

/** Which protocol the message belongs to: changes flags, class bits and names, not the format. */
export enum Flavor { DNS, MDNS, LLMNR }

export const proto_dns = registerProtocol('dns', 'Domain Name System', 'DNS');

// Value names (tshark -G values)
const VALS_FLAGS_OPCODE = vals({
  0: 'Standard query', 1: 'Inverse query', 2: 'Server status request', 4: 'Zone change notification',
  5: 'Dynamic update', 6: 'DNS Stateful operations (DSO)',
});
const VALS_FLAGS_RCODE = vals({
  0: 'No error', 1: 'Format error', 2: 'Server failure', 3: 'No such name', 4: 'Not implemented',
  5: 'Refused', 6: 'Name exists', 7: 'RRset exists', 8: 'RRset does not exist', 9: 'Not authoritative',
  10: 'Name out of zone', 11: 'DSO-Type not implemented', 16: 'Bad OPT Version or TSIG Signature Failure',
  17: 'Key not recognized', 18: 'Signature out of time window', 19: 'Bad TKEY Mode',
  20: 'Duplicate key name', 21: 'Algorithm not supported', 22: 'Bad Truncation',
  23: 'Bad/missing Server Cookie',
});
const VALS_QRY_TYPE = vals({
  0: 'Unused', 1: 'A (Host Address)', 2: 'NS (authoritative Name Server)', 3: 'MD (Mail Destination)',
  4: 'MF (Mail Forwarder)', 5: 'CNAME (Canonical NAME for an alias)',
  6: 'SOA (Start Of a zone of Authority)', 7: 'MB (MailBox domain name)', 8: 'MG (Mail Group member)',
  9: 'MR (Mail Rename domain)', 10: 'NULL RR', 11: 'WKS (Well Known Service)',
  12: 'PTR (domain name PoinTeR)', 13: 'HINFO (host information)',
  14: 'MINFO (Mailbox or mail list information)', 15: 'MX (Mail eXchange)', 16: 'TXT (Text strings)',
  17: 'RP (Responsible Person)', 18: 'AFSDB (AFS Data Base location)', 19: 'X25 (XX.25 PSDN address)',
  20: 'ISDN (ISDN address)', 21: 'RT (Route Through)', 22: 'NSAP (NSAP address)',
  23: 'NSAP-PTR (NSAP domain name pointer)', 24: 'SIG (security signature)', 25: 'KEY (security key)',
  26: 'PX (X.400 mail mapping information)', 27: 'GPOS (Geographical Position)', 28: 'AAAA (IPv6 Address)',
  29: 'LOC (Location Information)', 30: 'NXT (Next Domain)', 31: 'EID (Endpoint Identifier)',
  32: 'NIMLOC (Nimrod Locator)', 33: 'SRV (Server Selection)', 34: 'ATMA (ATM Address)',
  35: 'NAPTR (Naming Authority Pointer)', 36: 'KX (Key Exchanger)', 37: 'CERT',
  38: 'A6 (OBSOLETE - use AAAA)', 39: 'DNAME', 40: 'SINK', 41: 'OPT', 42: 'APL',
  43: 'DS (Delegation Signer)', 44: 'SSHFP (SSH Key Fingerprint)', 45: 'IPSECKEY',
  46: 'RRSIG (Resource Record Signature)', 47: 'NSEC (Next Secure)', 48: 'DNSKEY (DNS Public Key)',
  49: 'DHCID', 50: 'NSEC3', 51: 'NSEC3PARAM', 52: 'TLSA', 55: 'HIP (Host Identity Protocol)', 57: 'RKEY',
  58: 'TALINK (Trust Anchor LINK)', 59: 'CDS (Child DS)',
  60: 'CDNSKEY (DNSKEY(s) the Child wants reflected in DS)', 61: 'OPENPGPKEY (OpenPGP Key)',
  62: 'CSYNC (Child-to-Parent Synchronization)', 63: 'ZONEMD',
  64: 'SVCB (General Purpose Service Endpoints)', 65: 'HTTPS (HTTPS Specific Service Endpoints)', 99: 'SPF',
  100: 'UINFO', 101: 'UID', 102: 'GID', 103: 'UNSPEC', 104: 'NID (NodeID)', 105: 'L32 (Locator32)',
  106: 'L64 (Locator64)', 107: 'LP (Locator FQDN)', 108: 'EUI48', 109: 'EUI64',
  249: 'TKEY (Transaction Key)', 250: 'TSIG (Transaction Signature)', 251: 'IXFR (incremental transfer)',
  252: 'AXFR (transfer of an entire zone)', 253: 'MAILB (mailbox-related RRs)',
  254: 'MAILA (mail agent RRs)', 255: '* (A request for all records the server/cache has available)',
  256: 'URI', 257: 'CAA (Certification Authority Restriction)', 32768: 'TA (DNSSEC Trust Authorities)',
  32769: 'DLV (DNSSEC Lookaside Validation)', 65281: 'WINS', 65282: 'WINS-R', 65422: 'XPF',
});
const VALS_QRY_CLASS = vals({ 1: 'IN', 2: 'CS', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' });
const VALS_WKS_PROTOCOL = vals({
  0: 'IPv6 Hop-by-Hop Option', 1: 'ICMP', 2: 'IGMP', 3: 'GGP', 4: 'IPIP', 5: 'Stream', 6: 'TCP', 7: 'CBT',
  8: 'EGP', 9: 'IGRP', 10: 'BBN RCC', 11: 'Network Voice', 12: 'PUP', 13: 'ARGUS', 14: 'EMCON', 15: 'XNET',
  16: 'CHAOS', 17: 'UDP', 18: 'Multiplex', 19: 'DCN Measurement', 20: 'Host Monitoring', 21: 'Packet radio',
  22: 'IDP', 23: 'Trunk-1', 24: 'Trunk-2', 25: 'Leaf-1', 26: 'Leaf-2', 27: 'Reliable Data', 28: 'IRT',
  29: 'ISO TP4', 30: 'Bulk Data', 31: 'MFE NSP', 32: 'Merit Internodal',
  33: 'Datagram Congestion Control Protocol', 34: '3rd Party Connect',
  35: 'Inter-Domain Policy Routing Protocol', 36: 'XTP', 37: 'Datagram delivery', 38: 'Control Message',
  39: 'TP++', 40: 'IL', 41: 'IPv6', 42: 'Source demand routing', 43: 'Routing Header for IPv6',
  44: 'Fragment Header for IPv6', 45: 'Inter-Domain Routing Protocol', 46: 'Reservation Protocol',
  47: 'Generic Routing Encapsulation', 48: 'Dynamic source routing', 49: 'BNA', 50: 'Encap Security Payload',
  51: 'Authentication Header', 52: 'INSLP', 53: 'SWIPE', 54: 'NBMA ARP', 55: 'IP Mobility',
  56: 'TLSP Kryptonet', 57: 'SKIP', 58: 'ICMPv6', 59: 'No Next Header for IPv6',
  60: 'Destination Options for IPv6', 61: 'any host internal protocol', 62: 'Mobile IPv6 (old)',
  63: 'any local network', 64: 'SATNET EXPAK', 65: 'Kryptolan', 66: 'Remote Virtual Disk', 67: 'IPPC',
  68: 'any distributed file system', 69: 'SATNET Monitoring', 70: 'VISA', 71: 'IPCV', 72: 'CPNX', 73: 'CPHB',
  74: 'Wang Span', 75: 'Packet Video', 76: 'Backroom SATNET Mon', 77: 'Sun ND Protocol', 78: 'Wideband Mon',
  79: 'Wideband Expak', 80: 'ISO Internet Protocol', 81: 'VMTP', 82: 'Secure VMTP', 83: 'VINES', 84: 'TTP',
  85: 'NSFNET IGP', 86: 'Dissimilar Gateway', 87: 'TCF', 88: 'EIGRP', 89: 'OSPF IGP', 90: 'Sprite RPC',
  91: 'Locus ARP', 92: 'Multicast Transport', 93: 'AX.25 Frames', 94: 'IP in IP', 95: 'MICP',
  96: 'Semaphore', 97: 'Ether in IP', 98: 'ENCAP', 99: 'any private encryption scheme', 100: 'GMTP',
  101: 'Ipsilon Flow', 102: 'PNNI over IP', 103: 'PIM', 104: 'ARIS', 105: 'SCPS', 106: 'QNX',
  107: 'Active Networks', 108: 'IPComp', 109: 'Sitara Networks', 110: 'Compaq Peer', 111: 'IPX IN IP',
  112: 'VRRP', 113: 'PGM', 114: 'any 0-hop protocol', 115: 'Layer 2 Tunneling', 116: 'DDX', 117: 'IATP',
  118: 'STP', 119: 'SpectraLink', 120: 'UTI', 121: 'SMP', 122: 'SM', 123: 'PTP', 124: 'ISIS over IP',
  125: 'FIRE', 126: 'CRTP', 127: 'CRUDP', 128: 'SSCOPMCE', 129: 'IPLT', 130: 'Secure Packet', 131: 'PIPE',
  132: 'SCTP', 133: 'Fibre Channel', 134: 'RSVP E2EI', 135: 'Mobile IPv6', 136: 'UDPLite', 137: 'MPLS in IP',
  138: 'MANET', 139: 'HIP', 140: 'Shim6 header', 141: 'WESP', 142: 'ROHC', 143: 'Ethernet',
  144: 'Unassigned', 145: 'Unassigned', 146: 'Unassigned', 147: 'Unassigned', 148: 'Unassigned',
  149: 'Unassigned', 150: 'Unassigned', 151: 'Unassigned', 152: 'Unassigned', 153: 'Unassigned',
  154: 'Unassigned', 155: 'Unassigned', 156: 'Unassigned', 157: 'Unassigned', 158: 'Unassigned',
  159: 'Unassigned', 160: 'Unassigned', 161: 'Unassigned', 162: 'Unassigned', 163: 'Unassigned',
  164: 'Unassigned', 165: 'Unassigned', 166: 'Unassigned', 167: 'Unassigned', 168: 'Unassigned',
  169: 'Unassigned', 170: 'Unassigned', 171: 'Unassigned', 172: 'Unassigned', 173: 'AX/4000 Testframe',
  174: 'Unassigned', 175: 'Unassigned', 176: 'Unassigned', 177: 'Unassigned', 178: 'Unassigned',
  179: 'Unassigned', 180: 'Unassigned', 181: 'Unassigned', 182: 'Unassigned', 183: 'Unassigned',
  184: 'Unassigned', 185: 'Unassigned', 186: 'Unassigned', 187: 'Unassigned', 188: 'Unassigned',
  189: 'Unassigned', 190: 'Unassigned', 191: 'Unassigned', 192: 'Unassigned', 193: 'Unassigned',
  194: 'Unassigned', 195: 'Unassigned', 196: 'Unassigned', 197: 'Unassigned', 198: 'Unassigned',
  199: 'Unassigned', 200: 'Unassigned', 201: 'Unassigned', 202: 'Unassigned', 203: 'Unassigned',
  204: 'Unassigned', 205: 'Unassigned', 206: 'Unassigned', 207: 'Unassigned', 208: 'Unassigned',
  209: 'Unassigned', 210: 'Unassigned', 211: 'Unassigned', 212: 'Unassigned', 213: 'Unassigned',
  214: 'Unassigned', 215: 'Unassigned', 216: 'Unassigned', 217: 'Unassigned', 218: 'Unassigned',
  219: 'Unassigned', 220: 'Unassigned', 221: 'Unassigned', 222: 'Unassigned', 223: 'Unassigned',
  224: 'Novell NCS Heartbeat',
});
const RANGES_ZONEMD_SCHEME: RangeNames = [
  [0, 0, 'Reserved'], [1, 1, 'SIMPLE'], [2, 239, 'Unassigned'], [240, 254, 'Private Use'],
  [255, 255, 'Reserved'],
];
const RANGES_ZONEMD_HASH_ALGO: RangeNames = [
  [0, 0, 'Reserved'], [1, 1, 'SHA-384'], [2, 2, 'SHA-512'], [3, 239, 'Unassigned'],
  [240, 254, 'Private Use'], [255, 255, 'Reserved'],
];
const VALS_SVCB_SVCPARAM_KEY = vals({
  0: 'mandatory', 1: 'alpn', 2: 'no-default-alpn', 3: 'port', 4: 'ipv4hint', 5: 'echconfig', 6: 'ipv6hint',
  32769: 'odohconfig', 65535: 'key65535',
});
const VALS_RRSIG_ALGORITHM = vals({
  1: 'RSA/MD5', 2: 'Diffie-Hellman', 3: 'DSA', 4: 'Elliptic curve crypto', 5: 'RSA/SHA1',
  6: 'DSA + NSEC3/SHA1', 7: 'RSA/SHA1 + NSEC3/SHA1', 8: 'RSA/SHA-256', 10: 'RSA/SHA-512',
  12: 'GOST R 34.10-2001', 13: 'ECDSA Curve P-256 with SHA-256', 14: 'ECDSA Curve P-386 with SHA-386',
  15: 'Ed25519', 16: 'Ed448', 157: 'HMAC/MD5', 252: 'Indirect key', 253: 'Private, domain name',
  254: 'Private, OID',
});
const VALS_TKEY_MODE = vals({
  1: 'Server assigned', 2: 'Diffie Hellman', 3: 'GSSAPI', 4: 'Resolver assigned', 5: 'Delete',
});
const VALS_IPSECKEY_GATEWAY_ALGORITHM = vals({ 1: 'DSA', 2: 'RSA' });
const VALS_IPSECKEY_GATEWAY_TYPE = vals({
  0: 'No Gateway', 1: 'IPv4 Gateway', 2: 'IPv6 Gateway', 3: 'DNS Gateway',
});
const VALS_XPF_IP_VERSION = vals({
  0: 'Reserved', 4: 'IPv4', 5: 'ST Datagram', 6: 'IPv6', 7: 'TP/IX', 8: 'PIP', 9: 'TUBA',
});
const VALS_CERT_TYPE = vals({
  1: 'PKIX', 2: 'SPKI', 3: 'PGP', 4: 'IPKIX', 5: 'ISPKI', 6: 'IPGP', 7: 'ACPKIX', 8: 'IACPKIX',
  253: 'Private, URI', 254: 'Private, OID',
});
const VALS_OPT_CODE = vals({
  0: 'Reserved', 1: 'LLQ - Long-lived query', 2: 'UL - Update lease', 3: 'NSID - Name Server Identifier',
  4: 'Owner (reserved)', 5: 'DAU - DNSSEC Algorithm Understood (RFC6975)',
  6: 'DHU - DS Hash Understood (RFC6975)', 7: 'N3U - NSEC3 Hash Understood (RFC6975)',
  20730: 'Experimental - CSUBNET - Client subnet', 8: 'CSUBNET - Client subnet', 9: 'EDNS EXPIRE (RFC7314)',
  10: 'COOKIE', 11: 'EDNS TCP Keepalive', 12: 'PADDING', 13: 'CHAIN', 15: 'Extended DNS Error',
});
const VALS_OPT_DHU = vals({
  0: 'Reserved digest', 1: 'SHA-1', 2: 'SHA-256', 3: 'GOST R 34.11-94', 4: 'SHA-384',
});
const VALS_OPT_N3U = vals({ 0: 'Reserved', 1: 'SHA-1' });
const VALS_OPT_CLIENT_FAMILY = vals({ 1: 'IPv4', 2: 'IPv6' });
const RANGES_OPT_EXT_ERROR_INFO_CODE: RangeNames = [
  [0, 0, 'Other Error'], [1, 1, 'Unsupported DNSKEY Algorithm'], [2, 2, 'Unsupported DS Digest Type'],
  [3, 3, 'Stale Answer'], [4, 4, 'Forged Answer'], [5, 5, 'DNSSEC Indeterminate'], [6, 6, 'DNSSEC Bogus'],
  [7, 7, 'Signature Expired'], [8, 8, 'Signature Not Yet Valid'], [9, 9, 'DNSKEY Missing'],
  [10, 10, 'RRSIGs Missing'], [11, 11, 'No Zone Key Bit Set'], [12, 12, 'NSEC Missing'],
  [13, 13, 'Cached Error'], [14, 14, 'Not Ready'], [15, 15, 'Blocked'], [16, 16, 'Censored'],
  [17, 17, 'Filtered'], [18, 18, 'Prohibited'], [19, 19, 'Stale NXDomain Answer'],
  [20, 20, 'Not Authoritative'], [21, 21, 'Not Supported'], [22, 22, 'No Reachable Authority'],
  [23, 23, 'Network Error'], [24, 24, 'Invalid Data'], [25, 25, 'Signature Expired before Valid'],
  [26, 26, 'Too Early'], [27, 27, 'Unsupported NSEC3 Iterations Value'],
  [28, 28, 'Unable to conform to policy'], [29, 29, 'Synthesized'], [30, 49151, 'Unassigned'],
  [49152, 65535, 'Reserved for Private Use'],
];
const VALS_TLSA_CERTIFICATE_USAGE = vals({
  0: 'CA constraint (PKIX-TA)', 1: 'Service certificate constraint (PKIX-EE)',
  2: 'Trust anchor assertion (DANE-TA)', 3: 'Domain-issued certificate (DANE-EE)',
});
const VALS_TLSA_SELECTOR = vals({ 0: 'Full certificate (Cert)', 1: 'SubjectPublicKeyInfo (SPKI)' });
const VALS_TLSA_MATCHING_TYPE = vals({
  0: 'No Hash Used (Full)', 1: '256 bit hash by SHA2 (SHA2-256)', 2: '512 bit hash by SHA2 (SHA2-512)',
});
const VALS_SSHFP_ALGORITHM = vals({ 0: 'Reserved', 1: 'RSA', 2: 'DSA', 3: 'ECDSA', 4: 'Ed25519', 5: 'XMSS' });
const VALS_SSHFP_FINGERPRINT_TYPE = vals({ 0: 'Reserved', 1: 'SHA1', 2: 'SHA256' });
const VALS_HIP_HIT_PK_ALGO = vals({ 1: 'DSA', 2: 'RSA', 0: 'Reserved' });
const RANGES_DSO_TLV_TYPE: RangeNames = [
  [0, 0, 'Reserved'], [1, 1, 'Keep Alive'], [2, 2, 'Retry Delay'], [3, 3, 'Encryption Padding'],
  [4, 63, 'Unassigned, reserved for DSO session-management TLVs'], [64, 64, 'Subscribe'], [65, 65, 'Push'],
  [66, 66, 'Unsubscribe'], [67, 67, 'Reconfirm'], [68, 63487, 'Unassigned'],
  [63488, 64511, 'Reserved for Experimental/Local Use'], [64512, 65535, 'Reserved for future expansion'],
];

/** Every dns.* field tshark 4.0 registers (tshark -G fields), in its order. */
const hf = {
  length: f('dns.length', 'Length', FT.UINT16, { blurb: 'Length of DNS-over-TCP request or response' }),
  flags: f('dns.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  flags_response: f('dns.flags.response', 'Response', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Message is a response', 'Message is a query'], blurb: 'Is the message a response?' }),
  flags_opcode: f('dns.flags.opcode', 'Opcode', FT.UINT16, { mask: 0x7800, vals: VALS_FLAGS_OPCODE, blurb: 'Operation code' }),
  flags_authoritative: f('dns.flags.authoritative', 'Authoritative', FT.BOOLEAN, { boolBits: 16, mask: 0x400, tfs: ['Server is an authority for domain', 'Server is not an authority for domain'], blurb: 'Is the server is an authority for the domain?' }),
  flags_conflict: f('dns.flags.conflict', 'Conflict', FT.BOOLEAN, { boolBits: 16, mask: 0x400, tfs: ['The sender received multiple responses', 'None'], blurb: 'Did we receive multiple responses to a query?' }),
  flags_truncated: f('dns.flags.truncated', 'Truncated', FT.BOOLEAN, { boolBits: 16, mask: 0x200, tfs: ['Message is truncated', 'Message is not truncated'], blurb: 'Is the message truncated?' }),
  flags_recdesired: f('dns.flags.recdesired', 'Recursion desired', FT.BOOLEAN, { boolBits: 16, mask: 0x100, tfs: ['Do query recursively', "Don't do query recursively"], blurb: 'Do query recursively?' }),
  flags_tentative: f('dns.flags.tentative', 'Tentative', FT.BOOLEAN, { boolBits: 16, mask: 0x100, tfs: ['Tentative', 'Not tentative'], blurb: 'Is the responder authoritative for the name, but not yet verified the uniqueness?' }),
  flags_recavail: f('dns.flags.recavail', 'Recursion available', FT.BOOLEAN, { boolBits: 16, mask: 0x80, tfs: ['Server can do recursive queries', "Server can't do recursive queries"], blurb: 'Can the server do recursive queries?' }),
  flags_z: f('dns.flags.z', 'Z', FT.BOOLEAN, { boolBits: 16, mask: 0x40, tfs: ['reserved - incorrect!', 'reserved (0)'], blurb: 'Z flag' }),
  flags_authenticated: f('dns.flags.authenticated', 'Answer authenticated', FT.BOOLEAN, { boolBits: 16, mask: 0x20, tfs: ['Answer/authority portion was authenticated by the server', 'Answer/authority portion was not authenticated by the server'], blurb: 'Was the reply data authenticated by the server?' }),
  flags_checkdisable: f('dns.flags.checkdisable', 'Non-authenticated data', FT.BOOLEAN, { boolBits: 16, mask: 0x10, tfs: ['Acceptable', 'Unacceptable'], blurb: 'Is non-authenticated data acceptable?' }),
  flags_rcode: f('dns.flags.rcode', 'Reply code', FT.UINT16, { mask: 0xf, vals: VALS_FLAGS_RCODE }),
  id: f('dns.id', 'Transaction ID', FT.UINT16, { base: Base.HEX, blurb: 'Identification of transaction' }),
  qry_type: f('dns.qry.type', 'Type', FT.UINT16, { vals: VALS_QRY_TYPE, blurb: 'Query Type' }),
  qry_class: f('dns.qry.class', 'Class', FT.UINT16, { base: Base.HEX, vals: VALS_QRY_CLASS, blurb: 'Query Class' }),
  qry_qu: f('dns.qry.qu', '"QU" question', FT.BOOLEAN, { tfs: TFS_TRUE, boolBits: 16, mask: 0x8000, blurb: 'QU flag' }),
  qry_name: f('dns.qry.name', 'Name', FT.STRING, { blurb: 'Query Name' }),
  qry_name_len: f('dns.qry.name.len', 'Name Length', FT.UINT16, { blurb: 'Query Name Len' }),
  count_labels: f('dns.count.labels', 'Label Count', FT.UINT16, { blurb: 'Query Label Count' }),
  resp_type: f('dns.resp.type', 'Type', FT.UINT16, { vals: VALS_QRY_TYPE, blurb: 'Response Type' }),
  resp_class: f('dns.resp.class', 'Class', FT.UINT16, { base: Base.HEX, vals: VALS_QRY_CLASS, blurb: 'Response Class' }),
  resp_cache_flush: f('dns.resp.cache_flush', 'Cache flush', FT.BOOLEAN, { tfs: TFS_TRUE, boolBits: 16, mask: 0x8000, blurb: 'Cache flush flag' }),
  resp_ext_rcode: f('dns.resp.ext_rcode', 'Higher bits in extended RCODE', FT.UINT8, { base: Base.HEX }),
  resp_edns0_version: f('dns.resp.edns0_version', 'EDNS0 version', FT.UINT8),
  resp_z: f('dns.resp.z', 'Z', FT.UINT16, { base: Base.HEX }),
  resp_z_do: f('dns.resp.z.do', 'DO bit', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Accepts DNSSEC security RRs', 'Cannot handle DNSSEC security RRs'], blurb: 'DNSSEC OK' }),
  resp_z_reserved: f('dns.resp.z.reserved', 'Reserved', FT.UINT16, { base: Base.HEX, mask: 0x7fff }),
  srv_service: f('dns.srv.service', 'Service', FT.STRING, { blurb: 'Desired service' }),
  srv_proto: f('dns.srv.proto', 'Protocol', FT.STRING, { blurb: 'Desired protocol' }),
  srv_name: f('dns.srv.name', 'Name', FT.STRING, { blurb: 'Domain this resource record refers to' }),
  srv_priority: f('dns.srv.priority', 'Priority', FT.UINT16),
  srv_weight: f('dns.srv.weight', 'Weight', FT.UINT16),
  srv_port: f('dns.srv.port', 'Port', FT.UINT16),
  srv_target: f('dns.srv.target', 'Target', FT.STRING),
  naptr_order: f('dns.naptr.order', 'Order', FT.UINT16),
  naptr_preference: f('dns.naptr.preference', 'Preference', FT.UINT16),
  naptr_flags_length: f('dns.naptr.flags_length', 'Flags Length', FT.UINT8),
  naptr_flags: f('dns.naptr.flags', 'Flags', FT.STRING),
  naptr_service_length: f('dns.naptr.service_length', 'Service Length', FT.UINT8),
  naptr_service: f('dns.naptr.service', 'Service', FT.STRING),
  naptr_regex_length: f('dns.naptr.regex_length', 'Regex Length', FT.UINT8),
  naptr_regex: f('dns.naptr.regex', 'Regex', FT.STRING),
  naptr_replacement_length: f('dns.naptr.replacement_length', 'Replacement Length', FT.UINT8),
  naptr_replacement: f('dns.naptr.replacement', 'Replacement', FT.STRING),
  resp_name: f('dns.resp.name', 'Name', FT.STRING, { blurb: 'Response Name' }),
  resp_ttl: f('dns.resp.ttl', 'Time to live', FT.UINT32, { blurb: 'Response TTL' }),
  resp_len: f('dns.resp.len', 'Data length', FT.UINT16, { blurb: 'Response Length' }),
  a: f('dns.a', 'Address', FT.IPv4, { blurb: 'Response Address' }),
  md: f('dns.md', 'Mail Destination', FT.STRING),
  mf: f('dns.mf', 'Mail Forwarder', FT.STRING),
  mb: f('dns.mb', 'MailBox Domaine', FT.STRING),
  mg: f('dns.mg', 'Mail Group member', FT.STRING),
  mr: f('dns.mr', 'Mail Rename domaine', FT.STRING),
  null: f('dns.null', 'Null (data)', FT.BYTES),
  aaaa: f('dns.aaaa', 'AAAA Address', FT.IPv6, { blurb: 'AAAA Response Address' }),
  cname: f('dns.cname', 'CNAME', FT.STRING, { blurb: 'Response Primary Name' }),
  rr_udp_payload_size: f('dns.rr.udp_payload_size', 'UDP payload size', FT.UINT16, { base: Base.HEX, mask: 0x7fff }),
  soa_mname: f('dns.soa.mname', 'Primary name server', FT.STRING),
  soa_rname: f('dns.soa.rname', "Responsible authority's mailbox", FT.STRING),
  soa_serial_number: f('dns.soa.serial_number', 'Serial Number', FT.UINT32),
  soa_refresh_interval: f('dns.soa.refresh_interval', 'Refresh Interval', FT.UINT32),
  soa_retry_interval: f('dns.soa.retry_interval', 'Retry Interval', FT.UINT32),
  soa_expire_limit: f('dns.soa.expire_limit', 'Expire limit', FT.UINT32),
  soa_minimum_ttl: f('dns.soa.minimum_ttl', 'Minimum TTL', FT.UINT32),
  ptr_domain_name: f('dns.ptr.domain_name', 'Domain Name', FT.STRING),
  wks_address: f('dns.wks.address', 'Address', FT.IPv4),
  wks_protocol: f('dns.wks.protocol', 'Protocol', FT.UINT8, { vals: VALS_WKS_PROTOCOL }),
  wks_bits: f('dns.wks.bits', 'Bits', FT.UINT8, { base: Base.HEX }),
  hinfo_cpu_length: f('dns.hinfo.cpu_length', 'CPU Length', FT.UINT8),
  hinfo_cpu: f('dns.hinfo.cpu', 'CPU', FT.STRING),
  hinfo_os_length: f('dns.hinfo.os_length', 'OS Length', FT.UINT8),
  hinfo_os: f('dns.hinfo.os', 'OS', FT.STRING),
  minfo_r: f('dns.minfo.r', 'Responsible Mailbox', FT.STRING),
  minfo_e: f('dns.minfo.e', 'Error Mailbox', FT.STRING),
  mx_preference: f('dns.mx.preference', 'Preference', FT.UINT16),
  mx_mail_exchange: f('dns.mx.mail_exchange', 'Mail Exchange', FT.STRING),
  txt_length: f('dns.txt.length', 'TXT Length', FT.UINT8),
  txt: f('dns.txt', 'TXT', FT.STRING),
  openpgpkey: f('dns.openpgpkey', 'OpenPGP Key', FT.STRING),
  csync_soa: f('dns.csync.soa', 'SOA', FT.UINT32),
  csync_flags: f('dns.csync.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  csync_flags_immediate: f('dns.csync.flags.immediate', 'immediate', FT.BOOLEAN, { tfs: TFS_TRUE, boolBits: 16, mask: 0x1 }),
  csync_flags_soaminimum: f('dns.csync.flags.soaminimum', 'soaminimum', FT.BOOLEAN, { tfs: TFS_TRUE, boolBits: 16, mask: 0x2 }),
  csync_type_bitmap: f('dns.csync.type_bitmap', 'Type Bitmap', FT.BYTES),
  zonemd_serial: f('dns.zonemd.serial', 'Serial', FT.UINT32),
  zonemd_scheme: f('dns.zonemd.scheme', 'Scheme', FT.UINT8, { ranges: RANGES_ZONEMD_SCHEME }),
  zonemd_hash_algo: f('dns.zonemd.hash_algo', 'Hash Algorithm', FT.UINT8, { ranges: RANGES_ZONEMD_HASH_ALGO }),
  zonemd_digest: f('dns.zonemd.digest', 'Digest', FT.BYTES),
  svcb_svcpriority: f('dns.svcb.svcpriority', 'SvcPriority', FT.UINT16),
  svcb_targetname: f('dns.svcb.targetname', 'TargetName', FT.STRING),
  svcb_svcparam_key: f('dns.svcb.svcparam.key', 'SvcParamKey', FT.UINT16, { vals: VALS_SVCB_SVCPARAM_KEY }),
  svcb_svcparam_value_length: f('dns.svcb.svcparam.value.length', 'SvcParamValue length', FT.UINT16),
  svcb_svcparam_value: f('dns.svcb.svcparam.value', 'SvcParamValue', FT.BYTES),
  svcb_svcparam: f('dns.svcb.svcparam', 'SvcParam', FT.NONE),
  svcb_svcparam_mandatory_key: f('dns.svcb.svcparam.mandatory.key', 'Mandatory key', FT.UINT16, { vals: VALS_SVCB_SVCPARAM_KEY, blurb: 'Mandatory keys in this RR' }),
  svcb_svcparam_alpn_length: f('dns.svcb.svcparam.alpn.length', 'ALPN length', FT.UINT8),
  svcb_svcparam_alpn: f('dns.svcb.svcparam.alpn', 'ALPN', FT.STRING, { blurb: 'Additional supported protocols' }),
  svcb_svcparam_port: f('dns.svcb.svcparam.port', 'Port', FT.UINT16, { blurb: 'Port for alternative endpoint' }),
  svcb_svcparam_ipv4hint_ip: f('dns.svcb.svcparam.ipv4hint.ip', 'IP', FT.IPv4, { blurb: 'IPv4 address hints' }),
  svcb_svcparam_echconfig: f('dns.svcb.svcparam.echconfig', 'ECHConfig', FT.BYTES, { blurb: 'Encrypted ClientHello (ECH) infos' }),
  svcb_svcparam_ipv6hint_ip: f('dns.svcb.svcparam.ipv6hint.ip', 'IP', FT.IPv6, { blurb: 'IPv6 address hints' }),
  svcb_svcparam_odohconfig: f('dns.svcb.svcparam.odohconfig', 'ODoHConfig', FT.BYTES, { blurb: 'Oblivious DoH keys' }),
  spf_length: f('dns.spf.length', 'SPF Length', FT.UINT8),
  spf: f('dns.spf', 'SPF', FT.STRING),
  ilnp_nid_preference: f('dns.ilnp.nid.preference', 'Preference', FT.UINT16),
  ilnp_nid: f('dns.ilnp.nid', 'NodeID', FT.BYTES),
  ilnp_l32_preference: f('dns.ilnp.l32.preference', 'Preference', FT.UINT16),
  ilnp_l32: f('dns.ilnp.l32', 'Locator32', FT.IPv4),
  ilnp_l64_preference: f('dns.ilnp.l64.preference', 'Preference', FT.UINT16),
  ilnp_l64: f('dns.ilnp.l64', 'Locator64', FT.BYTES),
  ilnp_lp_preference: f('dns.ilnp.lp.preference', 'Preference', FT.UINT16),
  ilnp_lp: f('dns.ilnp.lp', 'Locator FQDN', FT.STRING),
  eui48: f('dns.eui48', 'EUI48 Address', FT.ETHER),
  eui64: f('dns.eui64', 'EUI64 Address', FT.EUI64),
  rrsig_type_covered: f('dns.rrsig.type_covered', 'Type Covered', FT.UINT16, { vals: VALS_QRY_TYPE, blurb: 'Identifies the type of the RRset that is covered by this RRSIG record' }),
  rrsig_algorithm: f('dns.rrsig.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_RRSIG_ALGORITHM, blurb: 'Identifies the cryptographic algorithm used to create the signature' }),
  rrsig_labels: f('dns.rrsig.labels', 'Labels', FT.UINT8, { blurb: 'Specifies the number of labels in the original RRSIG RR owner name' }),
  rrsig_original_ttl: f('dns.rrsig.original_ttl', 'Original TTL', FT.UINT32, { blurb: 'Specifies the TTL of the covered RRset as it appears in the authoritative zone' }),
  rrsig_signature_expiration: f('dns.rrsig.signature_expiration', 'Signature Expiration', FT.ABSOLUTE_TIME, { blurb: 'Specify a validity period for the signature' }),
  rrsig_signature_inception: f('dns.rrsig.signature_inception', 'Signature Inception', FT.ABSOLUTE_TIME, { blurb: 'Specify a validity period for the signature' }),
  rrsig_key_tag: f('dns.rrsig.key_tag', 'Key Tag', FT.UINT16, { blurb: 'Contains the key tag value of the DNSKEY RR that validates this signature' }),
  rrsig_signers_name: f('dns.rrsig.signers_name', "Signer's name", FT.STRING, { blurb: 'Identifies the owner name of the DNSKEY RR that a validator is supposed to use to validate this signature' }),
  rrsig_signature: f('dns.rrsig.signature', 'Signature', FT.BYTES, { blurb: 'Contains the cryptographic signature that covers the RRSIG RDATA' }),
  dnskey_flags: f('dns.dnskey.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  dnskey_flags_zone_key: f('dns.dnskey.flags.zone_key', 'Zone Key', FT.BOOLEAN, { boolBits: 16, mask: 0x100, tfs: ['This is the zone key for specified zone', 'This it not a zone key'] }),
  dnskey_flags_key_revoked: f('dns.dnskey.flags.key_revoked', 'Key Revoked', FT.BOOLEAN, { boolBits: 16, mask: 0x80, tfs: ['Yes', 'No'] }),
  dnskey_flags_secure_entry_point: f('dns.dnskey.flags.secure_entry_point', 'Key Signing Key', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Yes', 'No'] }),
  dnskey_flags_reserved: f('dns.dnskey.flags.reserved', 'Key Signing Key', FT.UINT16, { base: Base.HEX, mask: 0xfe7e, blurb: 'Must be zero' }),
  dnskey_protocol: f('dns.dnskey.protocol', 'Protocol', FT.UINT8, { blurb: 'Must be 3' }),
  dnskey_algorithm: f('dns.dnskey.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_RRSIG_ALGORITHM, blurb: "Identifies the public key's cryptographic algorithm and determines the format of the Public Key field" }),
  dnskey_key_id: f('dns.dnskey.key_id', 'Key id', FT.UINT16),
  dnskey_public_key: f('dns.dnskey.public_key', 'Public Key', FT.BYTES),
  key_flags: f('dns.key.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  key_flags_authentication: f('dns.key.flags.authentication', 'Key allowed for authentication', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Not Allowed', 'Allowed'] }),
  key_flags_confidentiality: f('dns.key.flags.confidentiality', 'Key allowed for confidentiality', FT.BOOLEAN, { boolBits: 16, mask: 0x4000, tfs: ['Not Allowed', 'Allowed'] }),
  key_flags_required: f('dns.key.flags.required', 'Key required', FT.BOOLEAN, { boolBits: 16, mask: 0x2000, tfs: ['Experimental or optional', 'Required'] }),
  key_flags_associated_user: f('dns.key.flags.associated_user', 'Key is associated with a user', FT.BOOLEAN, { boolBits: 16, mask: 0x400, tfs: ['Yes', 'No'] }),
  key_flags_associated_named_entity: f('dns.key.flags.associated_named_entity', 'Key is associated with the named entity', FT.BOOLEAN, { boolBits: 16, mask: 0x200, tfs: ['Yes', 'No'] }),
  key_flags_ipsec: f('dns.key.flags.ipsec', 'Key use with IPSEC', FT.BOOLEAN, { boolBits: 16, mask: 0x80, tfs: ['Valid', 'Invalid'] }),
  key_flags_mime: f('dns.key.flags.mime', 'Key use with MIME security multiparts', FT.BOOLEAN, { boolBits: 16, mask: 0x40, tfs: ['Valid', 'Invalid'] }),
  key_flags_signatory: f('dns.key.flags.signatory', 'Signatory', FT.UINT16, { mask: 0xf }),
  key_protocol: f('dns.key.protocol', 'Protocol', FT.UINT8),
  key_algorithm: f('dns.key.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_RRSIG_ALGORITHM }),
  key_key_id: f('dns.key.key_id', 'Key ID', FT.UINT16),
  key_public_key: f('dns.key.public_key', 'Public Key', FT.BYTES),
  px_preference: f('dns.px.preference', 'Preference', FT.UINT16),
  px_map822: f('dns.px.map822', 'MAP822', FT.STRING),
  px_map400: f('dns.px.map400', 'MAPX400', FT.STRING),
  tkey_algo_name: f('dns.tkey.algo_name', 'Algorithm name', FT.STRING),
  tkey_signature_expiration: f('dns.tkey.signature_expiration', 'Signature Expiration', FT.ABSOLUTE_TIME, { blurb: 'Specify a validity period for the signature' }),
  tkey_signature_inception: f('dns.tkey.signature_inception', 'Signature Inception', FT.ABSOLUTE_TIME, { blurb: 'Specify a validity period for the signature' }),
  tkey_mode: f('dns.tkey.mode', 'Mode', FT.UINT16, { vals: VALS_TKEY_MODE }),
  tkey_error: f('dns.tkey.error', 'Error', FT.UINT16, { vals: VALS_FLAGS_RCODE }),
  tkey_key_size: f('dns.tkey.key_size', 'Key Size', FT.UINT16),
  tkey_key_data: f('dns.tkey.key_data', 'Key Data', FT.BYTES),
  tkey_other_size: f('dns.tkey.other_size', 'Other Size', FT.UINT16),
  tkey_other_data: f('dns.tkey.other_data', 'Other Data', FT.BYTES),
  ipseckey_gateway_precedence: f('dns.ipseckey.gateway_precedence', 'Gateway Precedence', FT.UINT8),
  ipseckey_gateway_algorithm: f('dns.ipseckey.gateway_algorithm', 'Gateway Algorithm', FT.UINT8, { vals: VALS_IPSECKEY_GATEWAY_ALGORITHM }),
  ipseckey_gateway_type: f('dns.ipseckey.gateway_type', 'Gateway Type', FT.UINT8, { vals: VALS_IPSECKEY_GATEWAY_TYPE }),
  ipseckey_gateway_ipv4: f('dns.ipseckey.gateway_ipv4', 'IPv4 Gateway', FT.IPv4),
  ipseckey_gateway_ipv6: f('dns.ipseckey.gateway_ipv6', 'IPv6 Gateway', FT.IPv6),
  ipseckey_gateway_dns: f('dns.ipseckey.gateway_dns', 'DNS Gateway', FT.STRING),
  ipseckey_public_key: f('dns.ipseckey.public_key', 'Public Key', FT.BYTES),
  xpf_ip_version: f('dns.xpf.ip_version', 'IP Version', FT.UINT16, { vals: VALS_XPF_IP_VERSION }),
  xpf_protocol: f('dns.xpf.protocol', 'Protocol', FT.UINT8, { vals: VALS_WKS_PROTOCOL }),
  xpf_source_ipv4: f('dns.xpf.source_ipv4', 'IPv4 Source', FT.IPv4),
  xpf_destination_ipv4: f('dns.xpf.destination_ipv4', 'IPv4 Destination', FT.IPv4),
  xpf_source_ipv6: f('dns.xpf.source_ipv6', 'IPv6 Source', FT.IPv6),
  xpf_destination_ipv6: f('dns.xpf.destination_ipv6', 'IPv6 Destination', FT.IPv6),
  xpf_sport: f('dns.xpf.sport', 'Source port', FT.UINT16),
  xpf_dport: f('dns.xpf.dport', 'Destination port', FT.UINT16),
  a6_prefix_len: f('dns.a6.prefix_len', 'Prefix len', FT.UINT8),
  a6_address_suffix: f('dns.a6.address_suffix', 'Address Suffix', FT.IPv6),
  a6_prefix_name: f('dns.a6.prefix_name', 'Prefix name', FT.STRING),
  dname: f('dns.dname', 'Dname', FT.STRING),
  loc_version: f('dns.loc.version', 'Version', FT.UINT8),
  loc_size: f('dns.loc.size', 'Size', FT.UINT8),
  loc_horizontal_precision: f('dns.loc.horizontal_precision', 'Horizontal Precision', FT.UINT8),
  loc_vertical_precision: f('dns.loc.vertical_precision', 'Vertical Precision', FT.UINT8),
  loc_latitude: f('dns.loc.latitude', 'Latitude', FT.UINT32),
  loc_longitude: f('dns.loc.longitude', 'Longitude', FT.UINT32),
  loc_altitude: f('dns.loc.altitude', 'Altitude', FT.UINT32),
  loc_unknown_data: f('dns.loc.unknown_data', 'Unknown data', FT.BYTES),
  nxt_next_domain_name: f('dns.nxt.next_domain_name', 'Next Domain Name', FT.STRING),
  kx_preference: f('dns.kx.preference', 'Preference', FT.UINT16),
  kx_key_exchange: f('dns.kx.key_exchange', 'Key Exchange', FT.STRING),
  cert_type: f('dns.cert.type', 'Type', FT.UINT16, { vals: VALS_CERT_TYPE }),
  cert_key_tag: f('dns.cert.key_tag', 'Key Tag', FT.UINT16, { base: Base.HEX }),
  cert_algorithm: f('dns.cert.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_RRSIG_ALGORITHM }),
  cert_certificate: f('dns.cert.certificate', 'Certificate (or CRL)', FT.BYTES),
  nsec_next_domain_name: f('dns.nsec.next_domain_name', 'Next Domain Name', FT.STRING),
  ns: f('dns.ns', 'Name Server', FT.STRING),
  opt: f('dns.opt', 'Option', FT.NONE),
  opt_code: f('dns.opt.code', 'Option Code', FT.UINT16, { vals: VALS_OPT_CODE }),
  opt_len: f('dns.opt.len', 'Option Length', FT.UINT16),
  opt_data: f('dns.opt.data', 'Option Data', FT.BYTES),
  opt_dau: f('dns.opt.dau', 'DAU', FT.UINT8, { vals: VALS_RRSIG_ALGORITHM, blurb: 'DNSSEC Algorithm Understood' }),
  opt_dhu: f('dns.opt.dhu', 'DHU', FT.UINT8, { vals: VALS_OPT_DHU, blurb: 'DS Hash Understood' }),
  opt_n3u: f('dns.opt.n3u', 'N3U', FT.UINT8, { vals: VALS_OPT_N3U, blurb: 'NSEC3 Hash Understood' }),
  opt_client_family: f('dns.opt.client.family', 'Family', FT.UINT16, { vals: VALS_OPT_CLIENT_FAMILY }),
  opt_client_netmask: f('dns.opt.client.netmask', 'Source Netmask', FT.UINT8),
  opt_client_scope: f('dns.opt.client.scope', 'Scope Netmask', FT.UINT8),
  opt_client_addr: f('dns.opt.client.addr', 'Client Subnet', FT.BYTES),
  opt_client_addr4: f('dns.opt.client.addr4', 'Client Subnet', FT.IPv4),
  opt_client_addr6: f('dns.opt.client.addr6', 'Client Subnet', FT.IPv6),
  opt_cookie_client: f('dns.opt.cookie.client', 'Client Cookie', FT.BYTES),
  opt_cookie_server: f('dns.opt.cookie.server', 'Server Cookie', FT.BYTES),
  opt_edns_tcp_keepalive_timeout: f('dns.opt.edns_tcp_keepalive.timeout', 'Timeout', FT.UINT16, { blurb: 'an idle timeout value for the TCP connection, specified in units of 100 milliseconds' }),
  opt_padding: f('dns.opt.padding', 'Padding', FT.BYTES, { blurb: 'The PADDING octets SHOULD be set to 0x00' }),
  opt_chain_fqdn: f('dns.opt.chain.fqdn', 'Closest Trust Point', FT.STRING, { blurb: 'A variable length Fully Qualified Domain Name (FQDN) in DNS wire format of the requested start point of the chain' }),
  opt_ext_error_info_code: f('dns.opt.ext_error.info_code', 'Info Code', FT.UINT16, { ranges: RANGES_OPT_EXT_ERROR_INFO_CODE }),
  opt_ext_error_extra_text: f('dns.opt.ext_error.extra_text', 'Extra Text', FT.STRING),
  count_queries: f('dns.count.queries', 'Questions', FT.UINT16, { blurb: 'Number of queries in packet' }),
  count_zones: f('dns.count.zones', 'Zones', FT.UINT16, { blurb: 'Number of zones in packet' }),
  count_answers: f('dns.count.answers', 'Answer RRs', FT.UINT16, { blurb: 'Number of answers in packet' }),
  count_prerequisites: f('dns.count.prerequisites', 'Prerequisites', FT.UINT16, { blurb: 'Number of prerequisites in packet' }),
  count_auth_rr: f('dns.count.auth_rr', 'Authority RRs', FT.UINT16, { blurb: 'Number of authoritative records in packet' }),
  count_updates: f('dns.count.updates', 'Updates', FT.UINT16, { blurb: 'Number of updates records in packet' }),
  nsec3_algo: f('dns.nsec3.algo', 'Hash algorithm', FT.UINT8, { vals: VALS_OPT_N3U }),
  nsec3_flags: f('dns.nsec3.flags', 'NSEC3 flags', FT.UINT8),
  nsec3_flags_opt_out: f('dns.nsec3.flags.opt_out', 'NSEC3 Opt-out flag', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Additional insecure delegations allowed', 'Additional insecure delegations forbidden'] }),
  nsec3_iterations: f('dns.nsec3.iterations', 'NSEC3 iterations', FT.UINT16, { blurb: 'Number of hashing iterations' }),
  nsec3_salt_length: f('dns.nsec3.salt_length', 'Salt length', FT.UINT8, { blurb: 'Length of salt in bytes' }),
  nsec3_salt_value: f('dns.nsec3.salt_value', 'Salt value', FT.BYTES),
  nsec3_hash_length: f('dns.nsec3.hash_length', 'Hash length', FT.UINT8, { blurb: 'Length in bytes of next hashed owner' }),
  nsec3_hash_value: f('dns.nsec3.hash_value', 'Next hashed owner', FT.STRING),
  tlsa_certificate_usage: f('dns.tlsa.certificate_usage', 'Certificate Usage', FT.UINT8, { vals: VALS_TLSA_CERTIFICATE_USAGE, blurb: 'Specifies the provided association that will be used to match the certificate presented in the TLS handshake' }),
  tlsa_selector: f('dns.tlsa.selector', 'Selector', FT.UINT8, { vals: VALS_TLSA_SELECTOR, blurb: 'Specifies which part of the TLS certificate presented by the server will be matched against the association data' }),
  tlsa_matching_type: f('dns.tlsa.matching_type', 'Matching Type', FT.UINT8, { vals: VALS_TLSA_MATCHING_TYPE, blurb: 'Specifies how the certificate association is presented' }),
  tlsa_certificate_association_data: f('dns.tlsa.certificate_association_data', 'Certificate Association Data', FT.BYTES, { blurb: 'The data refers to the certificate in the association' }),
  tsig_algorithm_name: f('dns.tsig.algorithm_name', 'Algorithm Name', FT.STRING, { blurb: 'Name of algorithm used for the MAC' }),
  tsig_time_signed: f('dns.tsig.time_signed', 'Time Signed', FT.ABSOLUTE_TIME),
  tsig_original_id: f('dns.tsig.original_id', 'Original Id', FT.UINT16),
  tsig_error: f('dns.tsig.error', 'Error', FT.UINT16, { vals: VALS_FLAGS_RCODE, blurb: 'Expanded RCODE for TSIG' }),
  tsig_fudge: f('dns.tsig.fudge', 'Fudge', FT.UINT16, { blurb: 'Number of bytes for the MAC' }),
  tsig_mac_size: f('dns.tsig.mac_size', 'MAC Size', FT.UINT16, { blurb: 'Number of bytes for the MAC' }),
  tsig_other_len: f('dns.tsig.other_len', 'Other Len', FT.UINT16, { blurb: 'Number of bytes for Other Data' }),
  tsig_mac: f('dns.tsig.mac', 'MAC', FT.NONE),
  tsig_other_data: f('dns.tsig.other_data', 'Other Data', FT.BYTES),
  response_in: f('dns.response_in', 'Response In', FT.FRAMENUM, { blurb: 'The response to this DNS query is in this frame' }),
  response_to: f('dns.response_to', 'Request In', FT.FRAMENUM, { blurb: 'This is a response to the DNS query in this frame' }),
  retransmission: f('dns.retransmission', 'Retransmission', FT.BOOLEAN, { blurb: 'This is a retransmission' }),
  retransmit_request_in: f('dns.retransmit_request_in', 'Retransmitted request. Original request in', FT.FRAMENUM, { blurb: 'This is a retransmitted DNS query' }),
  retransmit_response_in: f('dns.retransmit_response_in', 'Retransmitted response. Original response in', FT.FRAMENUM, { blurb: 'This is a retransmitted DNS response' }),
  time: f('dns.time', 'Time', FT.RELATIVE_TIME, { blurb: 'The time between the Query and the Response' }),
  unsolicited: f('dns.unsolicited', 'Unsolicited', FT.BOOLEAN, { blurb: 'This is an unsolicited response' }),
  count_add_rr: f('dns.count.add_rr', 'Additional RRs', FT.UINT16, { blurb: 'Number of additional records in packet' }),
  sshfp_algorithm: f('dns.sshfp.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_SSHFP_ALGORITHM }),
  sshfp_fingerprint_type: f('dns.sshfp.fingerprint.type', 'Fingerprint type', FT.UINT8, { vals: VALS_SSHFP_FINGERPRINT_TYPE }),
  sshfp_fingerprint: f('dns.sshfp.fingerprint', 'Fingerprint', FT.BYTES),
  hip_hit_length: f('dns.hip.hit.length', 'HIT length', FT.UINT8),
  hip_hit_pk_algo: f('dns.hip.hit.pk.algo', 'HIT length', FT.UINT8, { vals: VALS_HIP_HIT_PK_ALGO }),
  hip_pk_length: f('dns.hip.pk.length', 'PK length', FT.UINT16),
  hip_hit: f('dns.hip.hit', 'Host Identity Tag', FT.BYTES),
  hip_pk: f('dns.hip.pk', 'HIP Public Key', FT.BYTES),
  hip_rendezvous_server: f('dns.hip.rendezvous_server', 'Rendezvous Server', FT.STRING),
  dhcid_rdata: f('dns.dhcid.rdata', 'DHCID Data', FT.BYTES),
  ds_key_id: f('dns.ds.key_id', 'Key id', FT.UINT16, { base: Base.HEX }),
  ds_algorithm: f('dns.ds.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_RRSIG_ALGORITHM }),
  ds_digest_type: f('dns.ds.digest_type', 'Digest Type', FT.UINT8, { vals: VALS_OPT_DHU }),
  ds_digest: f('dns.ds.digest', 'Digest', FT.BYTES),
  apl_address_family: f('dns.apl.address_family', 'Address Family', FT.UINT16, { vals: VALS_OPT_CLIENT_FAMILY }),
  apl_coded_prefix: f('dns.apl.coded_prefix', 'Prefix Length', FT.UINT8),
  apl_negation: f('dns.apl.negation', 'Negation Flag', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: ['Yes (!)', 'No (0)'] }),
  apl_afdlength: f('dns.apl.afdlength', 'Address Length', FT.UINT8, { mask: 0x7f, blurb: 'in octets' }),
  apl_afdpart_ipv4: f('dns.apl.afdpart.ipv4', 'Address', FT.IPv4),
  apl_afdpart_ipv6: f('dns.apl.afdpart.ipv6', 'Address', FT.IPv6),
  apl_afdpart_data: f('dns.apl.afdpart.data', 'Address', FT.BYTES),
  gpos_longitude_length: f('dns.gpos.longitude_length', 'Longitude length', FT.UINT8),
  gpos_longitude: f('dns.gpos.longitude', 'Longitude', FT.STRING),
  gpos_latitude_length: f('dns.gpos.latitude_length', 'Latitude length', FT.UINT8),
  gpos_latitude: f('dns.gpos.latitude', 'Latitude', FT.STRING),
  gpos_altitude_length: f('dns.gpos.altitude_length', 'Altitude length', FT.UINT8),
  gpos_altitude: f('dns.gpos.altitude', 'Altitude', FT.STRING),
  rp_mailbox: f('dns.rp.mailbox', 'Mailbox', FT.STRING),
  rp_txt_rr: f('dns.rp.txt_rr', 'TXT RR', FT.STRING),
  afsdb_subtype: f('dns.afsdb.subtype', 'Subtype', FT.UINT16),
  afsdb_hostname: f('dns.afsdb.hostname', 'Hostname', FT.STRING),
  x25_length: f('dns.x25.length', 'Length', FT.UINT8),
  x25_psdn_address: f('dns.x25.psdn_address', 'PSDN-Address', FT.STRING),
  idsn_length: f('dns.idsn.length', 'Length', FT.UINT8),
  idsn_address: f('dns.idsn.address', 'ISDN Address', FT.STRING),
  idsn_sa_length: f('dns.idsn.sa.length', 'Length', FT.UINT8),
  idsn_sa_address: f('dns.idsn.sa.address', 'Sub Address', FT.STRING),
  rt_subtype: f('dns.rt.subtype', 'Preference', FT.UINT16),
  rt_intermediate_host: f('dns.rt.intermediate_host', 'Intermediate Hostname', FT.STRING),
  nsap_rdata: f('dns.nsap.rdata', 'NSAP Data', FT.BYTES),
  nsap_ptr_owner: f('dns.nsap_ptr.owner', 'Owner', FT.STRING),
  caa_flags: f('dns.caa.flags', 'CAA Flags', FT.UINT8, { base: Base.HEX }),
  caa_flags_issuer_critical: f('dns.caa.flags.issuer_critical', 'Issuer Critical', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: ['Critical', 'Not critical'], blurb: 'Other CAs must not issue certificates' }),
  caa_issue: f('dns.caa.issue', 'Issue', FT.STRING, { blurb: 'CA which is allowed to issue certificates' }),
  caa_issuewild: f('dns.caa.issuewild', 'Issue Wildcard', FT.STRING, { blurb: 'CA which is allowed to issue wildcard certificates' }),
  caa_iodef: f('dns.caa.iodef', 'Report URL', FT.STRING, { blurb: 'URL or email address for certificate issue requests and violation reports' }),
  caa_unknown: f('dns.caa.unknown', 'Unknown tag', FT.STRING),
  caa_tag_length: f('dns.caa.tag_length', 'Tag length', FT.UINT8),
  caa_tag: f('dns.caa.tag', 'Tag', FT.STRING),
  caa_value: f('dns.caa.value', 'Value', FT.STRING),
  extraneous_data: f('dns.extraneous.data', 'Extraneous Data Bytes', FT.BYTES),
  extraneous_length: f('dns.extraneous.length', 'Extraneous Data Length', FT.INT32),
  wins_local_flag: f('dns.wins.local_flag', 'Local Flag', FT.BOOLEAN, { boolBits: 32, mask: 0x1, tfs: ['True', 'False'] }),
  wins_lookup_timeout: f('dns.wins.lookup_timeout', 'Lookup timeout', FT.UINT32, { blurb: 'In seconds' }),
  wins_cache_timeout: f('dns.wins.cache_timeout', 'Cache timeout', FT.UINT32, { blurb: 'In seconds' }),
  wins_nb_wins_servers: f('dns.wins.nb_wins_servers', 'Number of WINS servers', FT.UINT32),
  wins_wins_server: f('dns.wins.wins_server', 'WINS Server Address', FT.IPv4),
  winsr_local_flag: f('dns.winsr.local_flag', 'Local Flag', FT.BOOLEAN, { boolBits: 32, mask: 0x1, tfs: ['True', 'False'] }),
  winsr_lookup_timeout: f('dns.winsr.lookup_timeout', 'Lookup timeout', FT.UINT32, { blurb: 'In seconds' }),
  winsr_cache_timeout: f('dns.winsr.cache_timeout', 'Cache timeout', FT.UINT32, { blurb: 'In seconds' }),
  winsr_name_result_domain: f('dns.winsr.name_result_domain', 'Name Result Domain', FT.STRING),
  data: f('dns.data', 'Data', FT.BYTES),
  dso: f('dns.dso', 'DNS Stateful Operation', FT.NONE),
  dso_tlv: f('dns.dso.tlv', 'DSO TLV', FT.NONE),
  dso_tlv_type: f('dns.dso.tlv.type', 'Type', FT.UINT16, { ranges: RANGES_DSO_TLV_TYPE }),
  dso_tlv_length: f('dns.dso.tlv.length', 'Length', FT.UINT16),
  dso_tlv_data: f('dns.dso.tlv.data', 'Data', FT.BYTES),
  dso_tlv_keepalive_inactivity: f('dns.dso.tlv.keepalive.inactivity', 'Inactivity Timeout', FT.UINT32, { blurb: 'Inactivity Timeout (ms)' }),
  dso_tlv_keepalive_interval: f('dns.dso.tlv.keepalive.interval', 'Keepalive Interval', FT.UINT32, { blurb: 'Keepalive Interval (ms)' }),
  dso_tlv_retrydelay_retrydelay: f('dns.dso.tlv.retrydelay.retrydelay', 'Retry Delay', FT.UINT32, { blurb: 'Retry Delay (ms)' }),
  dso_tlv_encpad_padding: f('dns.dso.tlv.encpad.padding', 'Padding', FT.BYTES),
};

/** The dns.* string fields: when a filter wants none of them (and no tree or Info is built), names are not turned into text. */
const STRING_FIELDS: readonly number[] = Object.values(hf).filter((id) => fields[id]!.type === FT.STRING);
/** The items that show a record's owner name (Info shows it only for a few types: INFO_OWNER). */
const ownerItems = wantTest((id) => id === hf.resp_name || id === hf.srv_service || id === hf.srv_proto || id === hf.srv_name, true);

const stringItems = wantTest((id) => STRING_FIELDS.includes(id), true);

// Expert infos (severity and group as tshark shows them)
const ei = {
  rr_opt_bad_length: expertInfo('dns.rr.opt.bad_length', Group.MALFORMED, Severity.ERROR, 'Length too long for any type of IP address.'),
  undecoded_type: expertInfo('dns.undecoded.type', Group.UNDECODED, Severity.NOTE, 'Undecoded option'),
  depr_opc: expertInfo('dns.depr.opc', Group.PROTOCOL, Severity.WARN, 'Deprecated opcode'),
  ttl_high_bit_set: expertInfo('dns.ttl.high_bit_set', Group.PROTOCOL, Severity.WARN, 'The uppermost bit of the TTL is set (RFC 2181, section 8)'),
  tsig_noalg: expertInfo('dns.tsig.noalg', Group.UNDECODED, Severity.WARN, 'No dissector for algorithm'),
  key_id_buffer_too_short: expertInfo('dns.key_id_buffer_too_short', Group.MALFORMED, Severity.WARN, 'Buffer too short to compute a key id'),
  retransmit_request: expertInfo('dns.retransmit_request', Group.PROTOCOL, Severity.WARN, 'DNS query retransmission'),
  retransmit_response: expertInfo('dns.retransmit_response', Group.PROTOCOL, Severity.WARN, 'DNS response retransmission'),
  extraneous: expertInfo('dns.extraneous', Group.UNDECODED, Severity.NOTE, 'Extraneous data'),
};

// ---- type and class names ----

/** Short type names as tshark uses them in Info and RR labels (note MAILA/MAILB: as tshark shows them). */
const TYPE_SHORT = new Map<number, string>();
for (const [k, v] of VALS_QRY_TYPE) TYPE_SHORT.set(k, v.split(' ')[0]!);
TYPE_SHORT.set(253, 'MAILA');
TYPE_SHORT.set(254, 'MAILB');
TYPE_SHORT.set(255, 'ANY');

export function dnsTypeShort(t: number): string {
  return TYPE_SHORT.get(t) ?? `Unknown (${t})`;
}


function className(c: number): string {
  return VALS_QRY_CLASS.get(c) ?? 'Unknown';
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** `0x0a2f`: a 16-bit value with 4 hex digits, made as one string. */
function hex4(v: number): string {
  return String.fromCharCode(0x30, 0x78, HEX_CODES[(v >> 12) & 15]!, HEX_CODES[(v >> 8) & 15]!,
    HEX_CODES[(v >> 4) & 15]!, HEX_CODES[v & 15]!);
}

function hex2(v: number): string {
  return '0x' + (v < 16 ? '0' : '') + v.toString(16);
}

/** `3511` → `58 minutes, 31 seconds` (Wireshark's time-in-seconds text). */
export function secsText(n: number): string {
  if (n === 0) return '0 seconds';
  const parts: string[] = [];
  const d = Math.floor(n / 86400), h = Math.floor(n / 3600) % 24, m = Math.floor(n / 60) % 60, s = n % 60;
  if (d) parts.push(`${d} day${d === 1 ? '' : 's'}`);
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/**
 * Adds an integer item of a field with value names; tshark labels a value that has no name
 * `Unknown (v)` (with the bit pattern for masked fields).
 */
function addV(t: Tree, parent: number, fid: number, off: number, len: number, v: number): number {
  const i = t.addNum(parent, fid, off, len, v);
  if (i >= 0 && t.full) {
    const fl = fields[fid]!;
    const stored = t.num[i]!;
    if (valueName(fl, stored) === undefined) {
      const bits = fl.mask !== 0 ? bitPattern(fl.mask, fl.bits, stored * 2 ** fl.shift) + ' = ' : '';
      t.setLabel(i, `${bits}${fl.name}: Unknown (${formatInt(fl, stored)})`);
    }
  }
  return i;
}

// ---- text of names and character-strings ----

const ESC: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/**
 * Text of the bytes [a, a+n) as tshark shows DNS labels and strings: printable ASCII as is, C escapes
 * for \a\b\t\n\v\f\r, other control bytes as \ooo, UTF-8 decoded, invalid bytes as U+FFFD.
 */
export function dnsText(buf: Uint8Array, a: number, n: number): string {
  let s = '';
  const e = a + n;
  let i = a;
  // runs of printable ASCII are copied as one flat string each
  let run = a;
  while (i < e) {
    const b = buf[i]!;
    if (b >= 0x20 && b < 0x7f) { i++; continue; }
    if (i > run) s += latin1(buf, run, i);
    if (b < 0x80) {
      s += ESC[b] ?? '\\' + (b >> 6) + ((b >> 3) & 7) + (b & 7);
      run = ++i;
      continue;
    }
    // UTF-8 sequence
    let need = 0, cp = 0, min = 0;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; min = 0x10000; }
    let ok = need > 0 && i + need < e + 0 + 1 && i + need <= e - 0;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const c = buf[i + k]!;
        if ((c & 0xc0) !== 0x80) { ok = false; break; }
        cp = (cp << 6) | (c & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) { s += String.fromCodePoint(cp); i += need + 1; }
    else { s += '\ufffd'; i++; }
    run = i;
  }
  return i > run ? s + latin1(buf, run, i) : s;
}

const NAME_LOOP = '<Name contains a pointer that loops>';
const NAME_TOO_LONG = '<Name too long>';
const NAME_EXT_LABEL = '<Unknown extended label>';
const NAME_ROOT = '<Root>';
/** RFC 1035 §3.1: 255 bytes on the wire, length bytes and the final zero included */
const MAX_NAME_WIRE = 255;
/** tshark gives up after this many compression pointers */
const MAX_POINTERS = 255;
/**
 * Labels walked after a name is known to be too long (tshark keeps walking: a later loop, extended
 * label or the end of the data decides what it shows; real malformed captures need tens of
 * thousands of steps) per message, before further too-long names stop at once: keeps a hostile
 * message (thousands of names pointing into long label chains) bounded.
 */
const WALK_BUDGET_PER_MESSAGE = 1 << 20;

/** Output of readName (a scratch record reused by every call; it holds nothing across packets). */
interface NameOut {
  /** display text (escaped; '' when not asked for), or one of the <...> markers */
  str: string;
  /** bytes the name occupies at its position (up to and including the first pointer or the zero) */
  used: number;
  /** [Name Length] as tshark shows it */
  nameLen: number;
  /** [Label Count] as tshark shows it */
  labels: number;
  /** labels at labelAt[0, n) whose text nameText() builds; 0 for a marker or the root */
  nlabels: number;
}
const nameOut: NameOut = { str: '', used: 0, nameLen: 0, labels: 0, nlabels: 0 };
/**
 * what is left of WALK_BUDGET_PER_MESSAGE for the current message, and whether the message's
 * names are turned into text at all (scratch, reset per message)
 */
const walk = { budget: 0, text: true };
/** Positions of the labels of the name being read (scratch: a name of 255 bytes has at most 127). */
const labelAt = new Int32Array(128);
/** Text of a name of printable ASCII labels (scratch: at most 254 characters without the final dot). */
const nameChars = new Uint8Array(MAX_NAME_WIRE);

/**
 * Expands the name at `off` of the message starting at `msg` (ending at `end`). Returns false
 * after marking the packet (malformed/short) when the name runs past the data; the caller returns.
 * The result is in `nameOut`; its text only when `text` (nameText() builds it later otherwise).
 */
function readName(p: Packet, msg: number, off: number, end: number, text = walk.text): boolean {
  const buf = p.buf;
  const cap = p.capEnd < end ? p.capEnd : end;
  let pos = off;
  let used = -1;
  let pointers = 0;
  let wire = 0;
  let nlabels = 0;
  let raw = 0;
  let dots = 0;
  let tooLong = false;
  let marker: string | undefined;
  for (;;) {
    if (pos >= cap) { need(p, pos, 1, end); return false; }
    const b = buf[pos]!;
    const kind = b & 0xc0;
    if (kind === 0) {
      if (b === 0) {
        if (used < 0) used = pos + 1 - off;
        break;
      }
      if (pos + 1 + b > cap) { need(p, pos + 1, b, end); return false; }
      wire += b + 1;
      if (wire + 1 > MAX_NAME_WIRE) {
        tooLong = true;
        // tshark keeps walking (a later loop or extended label replaces the marker); bound the work
        if (used >= 0 && --walk.budget < 0) break;
      }
      if (!tooLong) {
        // the text is built at the end, from these positions, only for a name that is shown
        labelAt[nlabels++] = pos;
        if (raw) { raw++; dots++; }
        for (let k = pos + 1; k <= pos + b; k++) if (buf[k] === 0x2e) dots++;
        raw += b;
      }
      pos += 1 + b;
    } else if (kind === 0xc0) {
      if (pos + 2 > cap) { need(p, pos, 2, end); return false; }
      if (used < 0) used = pos + 2 - off;
      if (++pointers > MAX_POINTERS) { marker = NAME_LOOP; break; }
      pos = msg + (((b & 0x3f) << 8) | buf[pos + 1]!);
    } else if (b === 0x41) {
      // Bit-string label (RFC 2673, obsolete): a bit count (0 = 256) and the bits. Skipped.
      if (pos + 2 > cap) { need(p, pos, 2, end); return false; }
      const nb = ((buf[pos + 1]! || 256) + 7) >> 3;
      if (pos + 2 + nb > cap) { need(p, pos + 2, nb, end); return false; }
      pos += 2 + nb;
    } else if (kind === 0x40) {
      // Extended label (RFC 6891 §5): tshark shows a marker and resumes after this byte.
      if (raw === 0 && !tooLong) { malformed(p); return false; }
      // the name's length runs to this byte even after a pointer; reached through a pointer
      // backwards it is not positive, which tshark reports as malformed (found by fuzzing)
      used = pos + 1 - off;
      if (used <= 0) { malformed(p); return false; }
      marker = NAME_EXT_LABEL;
      break;
    } else {
      malformed(p);
      return false;
    }
  }
  const o = nameOut;
  o.used = used;
  o.nlabels = 0;
  if (marker !== undefined || tooLong) {
    o.str = marker ?? NAME_TOO_LONG;
    o.nameLen = o.str.length;
    o.labels = 1;
  } else if (raw === 0) {
    o.str = NAME_ROOT;
    o.nameLen = NAME_ROOT.length;
    o.labels = 1;
  } else {
    o.nlabels = nlabels;
    o.str = text ? nameText(buf) : '';
    // tshark shows a one-character name as length 0 with 0 labels (as it does the root)
    o.nameLen = raw === 1 ? 0 : raw;
    o.labels = raw === 1 ? 0 : dots + 1;
  }
  return true;
}

/**
 * Text of the name readName() read last (valid until its next call): its labels joined by dots,
 * as one flat string when they are printable ASCII (the common case).
 */
function nameText(buf: Uint8Array): string {
  const o = nameOut;
  if (o.nlabels === 0) return o.str;
  let n = 0;
  for (let i = 0; i < o.nlabels; i++) {
    const a = labelAt[i]!;
    if (i) nameChars[n++] = 0x2e;
    for (let k = a + 1, e = a + 1 + buf[a]!; k < e; k++) {
      const c = buf[k]!;
      if (c < 0x20 || c >= 0x7f) return escapedNameText(buf);
      nameChars[n++] = c;
    }
  }
  return latin1(nameChars, 0, n);
}

/** nameText() of a name with bytes dnsText() escapes or decodes. */
function escapedNameText(buf: Uint8Array): string {
  let s = '';
  for (let i = 0; i < nameOut.nlabels; i++) {
    const a = labelAt[i]!;
    s += (i ? '.' : '') + dnsText(buf, a + 1, buf[a]!);
  }
  return s;
}

/** Length of [a, a+n) clipped to the captured bytes (tree items never reach past them). */
function capLen(p: Packet, a: number, n: number): number {
  const e = a + n < p.capEnd ? a + n : p.capEnd;
  return e > a ? e - a : 0;
}

/**
 * Inside the datagram an ICMP error quotes, tshark stops a DNS message that runs out without
 * marking the packet; elsewhere a short message is [Malformed Packet] / cut by the capture.
 * (Scratch flag of the current message: holds nothing across packets.)
 */
const quote = { quiet: false };

function need(p: Packet, off: number, n: number, end: number): boolean {
  if (!quote.quiet) return p.need(off, n, end);
  return off + n <= end && off + n <= p.capEnd;
}

function malformed(p: Packet): void {
  if (!quote.quiet) p.malformed();
}

// ---- request/response matching (per capture) ----

/** The newest transaction of one id in one conversation. */
interface Txn {
  /** the transaction id */
  id: number;
  reqFrame: number;
  reqIdx: number;
  reqSec: number;
  reqNsec: number;
  /** frame of the first response, 0 while unanswered */
  rspFrame: number;
}

/**
 * The transactions of one conversation, the newest of each id. Most conversations carry one id
 * (a resolver's query from its own port): it needs no map.
 */
class ConvTxns {
  private first: Txn | undefined = undefined;
  private more: Map<number, Txn> | undefined = undefined;

  get(id: number): Txn | undefined {
    return this.first !== undefined && this.first.id === id ? this.first : this.more?.get(id);
  }

  /** Records `t` as the newest transaction of its id. */
  set(t: Txn): void {
    if (this.first === undefined || this.first.id === t.id) this.first = t;
    else (this.more ??= new Map()).set(t.id, t);
  }
}

/** What the first pass decided about a message (replayed on later visits, e.g. a second pass). */
const enum Kind {
  NONE, QUERY, QUERY_RETRANS, RESPONSE, RESPONSE_RETRANS, UNSOLICITED,
}

/** A message's record: kind, linked frame and (responses) the time since the request. */
interface Rec { kind: Kind; link: number; deltaNs: number }

/**
 * Per capture: the live transactions by conversation and id, and one record per DNS message.
 * Records of the first message of a frame sit in typed arrays indexed by frame number (13 bytes a
 * frame); further messages of a TCP segment (rare) in a map.
 */
class DnsState {
  /** the transactions of each conversation by id, one map of conversations per transport (PType) */
  readonly convs = [0, 1, 2, 3].map(() => new ConvMap<ConvTxns>());
  kind = new Uint8Array(1024);
  /** QUERY: frame of its response (0 until answered); QUERY_RETRANS: the original query;
   *  RESPONSE: the query; RESPONSE_RETRANS: the original response */
  link = new Int32Array(1024);
  deltaNs = new Float64Array(1024);
  readonly more = new Map<number, Rec>();

  /** frame whose records `recent` holds (a run that keeps no per-frame state) */
  private recentFrame = -1;
  private readonly recent = new Map<number, Rec>();
  /** the current frame's first message (the common case: one per frame) */
  private readonly recent0: Rec = { kind: Kind.NONE, link: 0, deltaNs: 0 };

  /**
   * Records of the current frame only: a single pass without revisits never reads older ones (a
   * capture of 450,000 frames saved 6 MB of typed arrays so).
   */
  getRecent(num: number, idx: number, out: Rec): boolean {
    if (num !== this.recentFrame) return false;
    const r = idx === 0 ? this.recent0 : this.recent.get(idx);
    if (r === undefined || r.kind === Kind.NONE) return false;
    out.kind = r.kind; out.link = r.link; out.deltaNs = r.deltaNs;
    return true;
  }

  setRecent(num: number, idx: number, kind: Kind, link: number, deltaNs: number): void {
    if (num !== this.recentFrame) {
      if (this.recent.size !== 0) this.recent.clear();
      this.recent0.kind = Kind.NONE;
      this.recentFrame = num;
    }
    if (idx !== 0) { this.recent.set(idx, { kind, link, deltaNs }); return; }
    const r = this.recent0;
    r.kind = kind; r.link = link; r.deltaNs = deltaNs;
  }

  get(num: number, idx: number, out: Rec): boolean {
    if (idx !== 0) {
      const r = this.more.get(num * 64 + (idx & 63));
      if (r === undefined) return false;
      out.kind = r.kind; out.link = r.link; out.deltaNs = r.deltaNs;
      return true;
    }
    if (num >= this.kind.length || this.kind[num] === Kind.NONE) return false;
    out.kind = this.kind[num]!; out.link = this.link[num]!; out.deltaNs = this.deltaNs[num]!;
    return true;
  }

  set(num: number, idx: number, kind: Kind, link: number, deltaNs: number): void {
    if (idx !== 0) { this.more.set(num * 64 + (idx & 63), { kind, link, deltaNs }); return; }
    if (num >= this.kind.length) this.grow(num);
    this.kind[num] = kind; this.link[num] = link; this.deltaNs[num] = deltaNs;
  }

  /** A query learns its response (shown on later visits). */
  setLink(num: number, idx: number, link: number): void {
    if (idx !== 0) { const r = this.more.get(num * 64 + (idx & 63)); if (r) r.link = link; return; }
    if (num < this.link.length) this.link[num] = link;
  }

  private grow(num: number): void {
    let n = this.kind.length;
    while (n <= num) n *= 2;
    const k = new Uint8Array(n); k.set(this.kind); this.kind = k;
    const l = new Int32Array(n); l.set(this.link); this.link = l;
    const d = new Float64Array(n); d.set(this.deltaNs); this.deltaNs = d;
  }
}
const DNS_STATE = stateKey('dns', () => new DnsState());

/**
 * The transactions of the current packet's conversation (addresses, ports and transport, both
 * directions alike), found without a key string (ConvMap).
 */
function convTxns(st: DnsState, p: Packet): ConvTxns {
  const convs = st.convs[p.ptype]!;
  let txns = convs.get(p, p.srcport, p.dstport);
  if (txns === undefined) { txns = new ConvTxns(); convs.set(p, p.srcport, p.dstport, txns); }
  return txns;
}

/** tshark's dns.retransmission_timer: a repeated query counts as a retransmission for 5 s. */
const RETRANS_WINDOW_SEC = 5;

function withinRetransWindow(p: Packet, t: Txn): boolean {
  const d = (p.tsSec - t.reqSec) + (p.tsNsec - t.reqNsec) / 1e9;
  return d < RETRANS_WINDOW_SEC;
}

/** Result of matchMessage (scratch record, valid until the next call). */
const match: Rec = { kind: Kind.NONE, link: 0, deltaNs: 0 };

/**
 * Request/response matching as tshark does it in one pass: by conversation and transaction id,
 * the newest transaction only. Fills `match`; on a revisit (second pass, or the same frame again)
 * replays what the first visit decided.
 */
function matchMessage(p: Packet, id: number, isResponse: boolean, msgIndex: number): void {
  const st = p.session.get(DNS_STATE);
  const keep = p.session.retainFrames;
  if (keep ? st.get(p.num, msgIndex, match) : st.getRecent(p.num, msgIndex, match)) return;
  const txns = convTxns(st, p);
  const last = txns.get(id);
  let kind: Kind, link = 0, delta = 0;
  if (!isResponse) {
    if (last !== undefined && last.rspFrame === 0 && withinRetransWindow(p, last)) {
      kind = Kind.QUERY_RETRANS;
      link = last.reqFrame;
    } else {
      kind = Kind.QUERY;
      txns.set({ id, reqFrame: p.num, reqIdx: msgIndex, reqSec: p.tsSec, reqNsec: p.tsNsec, rspFrame: 0 });
    }
  } else if (last === undefined) {
    kind = Kind.UNSOLICITED;
  } else if (last.rspFrame === 0) {
    last.rspFrame = p.num;
    if (keep) st.setLink(last.reqFrame, last.reqIdx, p.num);
    kind = Kind.RESPONSE;
    link = last.reqFrame;
    delta = (p.tsSec - last.reqSec) * 1e9 + (p.tsNsec - last.reqNsec);
  } else {
    kind = Kind.RESPONSE_RETRANS;
    link = last.rspFrame;
  }
  if (keep) st.set(p.num, msgIndex, kind, link, delta);
  else st.setRecent(p.num, msgIndex, kind, link, delta);
  match.kind = kind; match.link = link; match.deltaNs = delta;
}

// ---- the message ----

const PROTO_BY_FLAVOR: number[] = [proto_dns, proto_dns, proto_dns];
/** mdns.ts / llmnr.ts register their protocol items here. */
export function setFlavorProto(flavor: Flavor, proto: number): void {
  PROTO_BY_FLAVOR[flavor] = proto;
}
const COL_BY_FLAVOR = ['DNS', 'MDNS', 'LLMNR'];

const AD_BIT_TFS: TrueFalse = ['Set', 'Not set'];
const COUNTS_QUERY = [hf.count_queries, hf.count_answers, hf.count_auth_rr, hf.count_add_rr];
const COUNTS_UPDATE = [hf.count_zones, hf.count_prerequisites, hf.count_updates, hf.count_add_rr];

/** Per-message context passed to the section dissectors. */
interface Msg {
  flavor: Flavor;
  /** absolute offset of the message's first byte (the ID) */
  start: number;
  end: number;
  /** build the Info column */
  cols: boolean;
  /** tshark builds RR summaries (labels) */
  full: boolean;
}

/**
 * Dissects one DNS message [off, end) (without a TCP length prefix). `msgIndex` numbers the
 * messages of one frame (TCP may carry several). Returns the bytes used (end - off), or 0 when
 * dissection stopped (p.stopped).
 */
export function dissectDnsMessage(p: Packet, off: number, end: number, parent: number, flavor: Flavor,
  lenOff: number, msgIndex: number): number {
  const t = p.tree;
  const full = t.full;
  const cols = p.cols;
  quote.quiet = inIcmpError(p);
  p.proto = COL_BY_FLAVOR[flavor]!;
  const proto = PROTO_BY_FLAVOR[flavor]!;
  if (!(off + 4 <= end && off + 4 <= p.capEnd)) {
    // without the ID and flags tshark adds no protocol item (the layer is still recorded)
    p.addLayer(proto);
    p.curProto = protocolShortNames.get(proto) ?? 'DNS';
    need(p, off, 4, end);
    return 0;
  }
  const start = lenOff >= 0 ? lenOff : off;
  // further messages of one TCP segment are not listed again in frame.protocols (as tshark)
  const top = msgIndex === 0 ? p.addProto(parent, proto, start, start + capLen(p, start, end - start))
    : t.addItem(parent, proto, start, capLen(p, start, end - start));
  if (lenOff >= 0) t.addNum(top, hf.length, lenOff, 2, p.dv.getUint16(lenOff));
  const dv = p.dv;
  const id = dv.getUint16(off + ID);
  const flags = dv.getUint16(off + FLAGS);
  const isResponse = (flags & F_RESPONSE) !== 0;
  const opcode = (flags & F_OPCODE) >> 11;
  const rcode = flags & F_RCODE;
  if (full) t.setLabel(top, `${labelOfProto(flavor)} (${isResponse ? 'response' : 'query'})`);

  const m: Msg = { flavor, start: off, end, cols, full };
  walk.budget = WALK_BUDGET_PER_MESSAGE;
  // name text is built only when something shows or tests it (tree, Info, a string field)
  walk.text = full || cols || stringItems(t.want);
  if (cols) {
    const opName = VALS_FLAGS_OPCODE.get(opcode) ?? `Unknown operation (${opcode})`;
    p.appendInfo(isResponse && rcode !== 0
      ? `${opName} response ${hex4(id)} ${VALS_FLAGS_RCODE.get(rcode) ?? `Unknown error (${rcode})`}`
      : `${opName}${isResponse ? ' response' : ''} ${hex4(id)}`);
  }

  const complete = off + HEADER_LEN <= end && off + HEADER_LEN <= p.capEnd;
  if (complete) matchMessage(p, id, isResponse, msgIndex);
  else match.kind = Kind.NONE;
  const kind = match.kind, link = match.link, deltaNs = match.deltaNs;
  const idItem = t.addNum(top, hf.id, off + ID, 2, id);
  if (kind === Kind.QUERY_RETRANS || kind === Kind.RESPONSE_RETRANS) {
    p.addExpert(idItem, isResponse ? ei.retransmit_response : ei.retransmit_request, off + ID, 2,
      isResponse ? `DNS response retransmission. Original response in frame ${link}`
        : `DNS query retransmission. Original request in frame ${link}`);
  }
  addFlags(p, top, off + FLAGS, flags, flavor);
  const update = opcode === OPCODE_UPDATE;
  // the counts, one by one (a message cut inside the header shows those that are there)
  const countFids = update ? COUNTS_UPDATE : COUNTS_QUERY;
  for (let k = 0; k < 4; k++) {
    if (!need(p, off + QDCOUNT + 2 * k, 2, end)) return 0;
    t.addNum(top, countFids[k]!, off + QDCOUNT + 2 * k, 2, dv.getUint16(off + QDCOUNT + 2 * k));
  }
  // Header length checked: the counts below need no further checks.
  const qd = dv.getUint16(off + QDCOUNT), an = dv.getUint16(off + ANCOUNT);
  const ns = dv.getUint16(off + NSCOUNT), ar = dv.getUint16(off + ARCOUNT);

  let pos = off + HEADER_LEN;
  if (qd > 0) {
    pos = dissectQuestions(p, m, top, pos, qd, update ? 'Zone' : 'Queries');
    if (pos < 0) return 0;
  }
  if (an > 0) {
    pos = dissectRRs(p, m, top, pos, an, update ? 'Prerequisites' : 'Answers');
    if (pos < 0) return 0;
  }
  if (ns > 0) {
    pos = dissectRRs(p, m, top, pos, ns, update ? 'Updates' : 'Authoritative nameservers');
    if (pos < 0) return 0;
  }
  if (ar > 0) {
    pos = dissectRRs(p, m, top, pos, ar, 'Additional records');
    if (pos < 0) return 0;
  }

  // Request/response links (generated items at the end of the message, as tshark shows them)
  switch (kind) {
    case Kind.QUERY:
      // known only once the response was seen: on a second pass, as tshark -2
      if (link !== 0 && p.session.visited) t.generated(t.addNum(top, hf.response_in, off, 0, link));
      break;
    case Kind.QUERY_RETRANS:
      t.generated(t.addNum(top, hf.retransmit_request_in, off, 0, link));
      t.generated(t.addNum(top, hf.retransmission, off, 0, 1));
      break;
    case Kind.RESPONSE:
      t.generated(t.addNum(top, hf.response_to, off, 0, link));
      if (t.wants(hf.time)) {
        const sec = Math.floor(deltaNs / 1e9);
        t.generated(t.addObj(top, hf.time, off, 0, { sec, nsec: deltaNs - sec * 1e9 }));
      }
      break;
    case Kind.RESPONSE_RETRANS:
      t.generated(t.addNum(top, hf.retransmit_response_in, off, 0, link));
      t.generated(t.addNum(top, hf.retransmission, off, 0, 1));
      break;
    case Kind.UNSOLICITED:
      t.generated(t.addNum(top, hf.unsolicited, off, 0, 1));
      break;
  }

  // Bytes after the last record
  if (pos < end) {
    const n = end - pos;
    const cn = Math.min(end, p.capEnd) - pos;
    const x = t.addText(top, pos, n, full ? `Extraneous Data (${n} bytes)` : '');
    if (cn > 0) t.addBytes(x, hf.extraneous_data, pos, cn);
    t.generated(t.addNum(x, hf.extraneous_length, pos, n, n));
    // tshark's expert for it sits on a hidden item (not shown by -V)
    p.addExpert(t.hide(t.addText(x, pos, cn > 0 ? cn : 0, 'Extraneous data')), ei.extraneous, pos, cn > 0 ? cn : 0);
  }
  return end - off;
}

function labelOfProto(flavor: Flavor): string {
  return flavor === Flavor.MDNS ? 'Multicast Domain Name System'
    : flavor === Flavor.LLMNR ? 'Link-local Multicast Name Resolution' : 'Domain Name System';
}

function addFlags(p: Packet, top: number, off: number, flags: number, flavor: Flavor): void {
  const t = p.tree;
  const isResponse = (flags & F_RESPONSE) !== 0;
  const opcode = (flags & F_OPCODE) >> 11;
  const rcode = flags & F_RCODE;
  const fi = t.addNum(top, hf.flags, off, 2, flags);
  if (fi >= 0 && t.full) {
    let s = `Flags: ${hex4(flags)} ${VALS_FLAGS_OPCODE.get(opcode) ?? 'Unknown operation'}`;
    if (isResponse) s += ` response, ${VALS_FLAGS_RCODE.get(rcode) ?? 'Unknown error'}`;
    t.setLabel(fi, s);
  }
  t.addNum(fi, hf.flags_response, off, 2, flags);
  addV(t, fi, hf.flags_opcode, off, 2, flags);
  if (flavor === Flavor.LLMNR) {
    const ci = t.addNum(fi, hf.flags_conflict, off, 2, flags);
    // responses use the other meaning of the C bit (RFC 4795 §2.1.1)
    if (isResponse && ci >= 0 && t.full) {
      t.setLabel(ci, `${bitPattern(F_AA, 16, flags)} = Conflict: ${flags & F_AA ? 'The name is not considered unique' : 'The name is considered unique'}`);
    }
    t.addNum(fi, hf.flags_truncated, off, 2, flags);
    t.addNum(fi, hf.flags_tentative, off, 2, flags);
    if (isResponse) addV(t, fi, hf.flags_rcode, off, 2, flags);
    return;
  }
  if (isResponse) t.addNum(fi, hf.flags_authoritative, off, 2, flags);
  t.addNum(fi, hf.flags_truncated, off, 2, flags);
  t.addNum(fi, hf.flags_recdesired, off, 2, flags);
  if (isResponse) t.addNum(fi, hf.flags_recavail, off, 2, flags);
  t.addNum(fi, hf.flags_z, off, 2, flags);
  if (isResponse) t.addNum(fi, hf.flags_authenticated, off, 2, flags);
  else if (flags & F_AD) {
    const i = t.addNum(fi, hf.flags_authenticated, off, 2, flags);
    if (i >= 0 && t.full) t.setLabel(i, `${bitPattern(F_AD, 16, flags)} = AD bit: ${AD_BIT_TFS[0]}`);
  }
  t.addNum(fi, hf.flags_checkdisable, off, 2, flags);
  if (isResponse) addV(t, fi, hf.flags_rcode, off, 2, flags);
}

/** Returns the offset after the section, or -1 when dissection stopped. */
function dissectQuestions(p: Packet, m: Msg, top: number, pos: number, count: number, title: string): number {
  const t = p.tree;
  const full = m.full;
  // The section spans the rest of the message until its end is known (as tshark's does when a
  // record in it is malformed).
  const sec = t.addText(top, pos, sectionRest(p, m, pos), title);
  const mdns = m.flavor === Flavor.MDNS;
  for (let i = 0; i < count; i++) {
    if (!readName(p, m.start, pos, m.end)) return -1;
    const name = nameOut.str, used = nameOut.used, nameLen = nameOut.nameLen, labels = nameOut.labels;
    const tpos = pos + used;
    if (!need(p, tpos, 4, m.end)) return -1;
    const type = p.dv.getUint16(tpos);
    const cls = p.dv.getUint16(tpos + 2);
    const clsv = mdns ? cls & 0x7fff : cls;
    const qu = mdns && (cls & 0x8000) !== 0;
    let head = -1;
    if (full) {
      let label = `${name}: type ${dnsTypeShort(type)}, class ${className(clsv)}`;
      if (mdns) label += qu ? ', "QU" question' : ', "QM" question';
      head = t.addText(sec, pos, used + 4, label);
    }
    const ni = t.addStr(head, hf.qry_name, pos, used, name);
    void ni;
    t.generated(t.addNum(head, hf.qry_name_len, pos, used, nameLen));
    t.generated(t.addNum(head, hf.count_labels, pos, used, labels));
    addV(t, head, hf.qry_type, tpos, 2, type);
    addClass(p, head, hf.qry_class, tpos + 2, cls, mdns);
    if (mdns) t.addNum(head, hf.qry_qu, tpos + 2, 2, cls);
    if (m.cols && p.info.length < INFO_MAX) {
      p.appendInfo(` ${dnsTypeShort(type)} ${name}${mdns ? (qu ? ', "QU" question' : ', "QM" question') : ''}`);
    }
    pos = tpos + 4;
  }
  t.setEnd(sec, pos);
  return pos;
}

function sectionRest(p: Packet, m: Msg, pos: number): number {
  const e = m.end < p.capEnd ? m.end : p.capEnd;
  return e > pos ? e - pos : 0;
}

/** Class item: plain in DNS, the low 15 bits (with its bit pattern) in mDNS. */
function addClass(p: Packet, parent: number, fid: number, off: number, cls: number, mdns: boolean): void {
  const t = p.tree;
  if (!mdns) { t.addNum(parent, fid, off, 2, cls); return; }
  const v = cls & 0x7fff;
  const i = t.addNum(parent, fid, off, 2, v);
  if (i >= 0 && t.full) {
    const name = VALS_QRY_CLASS.get(v) ?? 'Unknown';
    t.setLabel(i, `${bitPattern(0x7fff, 16, cls)} = Class: ${name} (${hex4(v)})`);
  }
}

/** Returns the offset after the section, or -1 when dissection stopped. */
function dissectRRs(p: Packet, m: Msg, top: number, pos: number, count: number, title: string): number {
  const t = p.tree;
  const sec = t.addText(top, pos, sectionRest(p, m, pos), title);
  for (let i = 0; i < count; i++) {
    const next = dissectRR(p, m, sec, pos);
    if (next < 0) return -1;
    pos = next;
  }
  t.setEnd(sec, pos);
  return pos;
}

// ---- resource records ----

const T_A = 1, T_NS = 2, T_MD = 3, T_MF = 4, T_CNAME = 5, T_SOA = 6, T_MB = 7, T_MG = 8, T_MR = 9,
  T_NULL = 10, T_PTR = 12, T_HINFO = 13, T_MX = 15, T_TXT = 16, T_AAAA = 28, T_SRV = 33,
  T_DNAME = 39, T_OPT = 41, T_DS = 43, T_SSHFP = 44, T_RRSIG = 46, T_NSEC = 47, T_DNSKEY = 48,
  T_NSEC3 = 50, T_NSEC3PARAM = 51, T_TLSA = 52, T_CDS = 59, T_CDNSKEY = 60, T_SVCB = 64, T_HTTPS = 65,
  T_SPF = 99, T_EUI48 = 108, T_EUI64 = 109, T_TKEY = 249, T_TSIG = 250, T_CAA = 257,
  T_WKS = 11, T_MINFO = 14, T_RP = 17, T_AFSDB = 18, T_X25 = 19, T_ISDN = 20, T_RT = 21, T_NSAP = 22,
  T_NSAP_PTR = 23, T_SIG = 24, T_KEY = 25, T_PX = 26, T_GPOS = 27, T_LOC = 29, T_NXT = 30, T_NAPTR = 35,
  T_KX = 36, T_CERT = 37, T_A6 = 38, T_APL = 42, T_IPSECKEY = 45, T_DHCID = 49, T_HIP = 55, T_OPENPGPKEY = 61,
  T_CSYNC = 62, T_ZONEMD = 63, T_NID = 104, T_L32 = 105, T_L64 = 106, T_LP = 107, T_DLV = 32769,
  T_WINS = 65281, T_WINS_R = 65282, T_XPF = 65422;

/** Owner name of the record being dissected (scratch). */
let rrOwner = '';

/** Summary of one record's data: what the RR label and Info get (built only when wanted). */
const rrSum = { lab: '', info: '' };
/** whether the record being dissected writes Info (scratch) */
let rrInfo = false;

/** Returns the offset after the record, or -1 when dissection stopped. */
function dissectRR(p: Packet, m: Msg, sec: number, pos: number): number {
  const t = p.tree;
  const full = m.full;
  const mdns = m.flavor === Flavor.MDNS;
  // the owner's text is for the tree and its items; Info shows it for a few types only
  const ownerText = walk.text && (full || ownerItems(t.want));
  if (!readName(p, m.start, pos, m.end, ownerText)) return -1;
  const used = nameOut.used;
  const fpos = pos + used;
  if (!need(p, fpos, RR_FIXED, m.end)) return -1;
  const dv = p.dv;
  const type = dv.getUint16(fpos);
  const name = !ownerText && walk.text && m.cols && INFO_OWNER.has(type) ? nameText(p.buf) : nameOut.str;
  rrOwner = name;
  const cls = dv.getUint16(fpos + 2);
  const ttl = dv.getUint32(fpos + 4);
  const rdlen = dv.getUint16(fpos + 8);
  const rd = fpos + RR_FIXED;
  const rdEnd = rd + rdlen;
  const flush = mdns && type !== T_OPT && (cls & 0x8000) !== 0;
  const clsv = mdns ? cls & 0x7fff : cls;

  const head = full ? t.addText(sec, pos, capLen(p, pos, rdEnd - pos), '') : -1;
  if (type === T_SRV) addSrvOwner(p, head, pos, used, name);
  else t.addStr(head, hf.resp_name, pos, used, name);
  addV(t, head, hf.resp_type, fpos, 2, type);
  if (type === T_OPT) {
    if (mdns) {
      // mDNS keeps its class layout for OPT: the size in the low 15 bits, then the cache-flush bit
      t.addNum(head, hf.rr_udp_payload_size, fpos + 2, 2, cls);
      t.addNum(head, hf.resp_cache_flush, fpos + 2, 2, cls);
    } else {
      const pi = t.addNum(head, hf.rr_udp_payload_size, fpos + 2, 2, cls & 0x7fff);
      if (pi >= 0 && full) t.setLabel(pi, `UDP payload size: ${cls}`);
    }
    t.addNum(head, hf.resp_ext_rcode, fpos + 4, 1, ttl >>> 24);
    t.addNum(head, hf.resp_edns0_version, fpos + 5, 1, (ttl >>> 16) & 0xff);
    const z = ttl & 0xffff;
    const zi = t.addNum(head, hf.resp_z, fpos + 6, 2, z);
    t.addNum(zi, hf.resp_z_do, fpos + 6, 2, z);
    t.addNum(zi, hf.resp_z_reserved, fpos + 6, 2, z);
  } else {
    addClass(p, head, hf.resp_class, fpos + 2, cls, mdns);
    if (mdns) t.addNum(head, hf.resp_cache_flush, fpos + 2, 2, cls);
    const ti = t.addNum(head, hf.resp_ttl, fpos + 4, 4, ttl);
    if (ti >= 0 && full) t.setLabel(ti, `Time to live: ${ttl} (${secsText(ttl)})`);
    if (ttl & 0x80000000) p.addExpert(ti, ei.ttl_high_bit_set, fpos + 4, 4);
  }
  t.addNum(head, hf.resp_len, fpos + 8, 2, rdlen);

  const s = rrSum;
  s.lab = '';
  s.info = '';
  const want = full || m.cols;
  // the type goes to Info before the data is read: a record whose data is malformed still shows
  // it ('… SOA[Malformed Packet]', as tshark 4.0 does)
  const info = m.cols && p.info.length < INFO_MAX;
  if (info) p.appendInfo(` ${dnsTypeShort(type)}${flush ? ', cache flush' : ''}`);
  rrInfo = info;
  if (!dissectRData(p, m, head, type, rd, rdEnd, want)) {
    if (full) t.setLabel(head, rrHead(name, type, clsv, flush) + s.lab);
    return -1;
  }
  if (full) t.setLabel(head, rrHead(name, type, clsv, flush) + s.lab);
  if (info && s.info) p.appendInfo(' ' + s.info);
  return rdEnd;
}

function rrHead(name: string, type: number, cls: number, flush: boolean): string {
  if (type === T_OPT) return `${name}: type OPT`;
  return `${name}: type ${dnsTypeShort(type)}, class ${className(cls)}${flush ? ', cache flush' : ''}`;
}

/** SRV owner names `_service._proto.name` are shown as three items instead of Name. */
function addSrvOwner(p: Packet, head: number, pos: number, used: number, name: string): void {
  const t = p.tree;
  const a = name.indexOf('.');
  const b = a < 0 ? -1 : name.indexOf('.', a + 1);
  if (a < 0 || b < 0) { t.addStr(head, hf.resp_name, pos, used, name); return; }
  t.addStr(head, hf.srv_service, pos, used, name.slice(0, a));
  t.addStr(head, hf.srv_proto, pos, used, name.slice(a + 1, b));
  t.addStr(head, hf.srv_name, pos, used, name.slice(b + 1));
}

/** A name inside RDATA: adds the item and returns the offset after it, or -1 (stopped). */
function rdName(p: Packet, m: Msg, parent: number, fid: number, x: number): number {
  if (!readName(p, m.start, x, m.end)) return -1;
  p.tree.addStr(parent, fid, x, nameOut.used, nameOut.str);
  return x + nameOut.used;
}

/** An interval in seconds with its text: `Refresh Interval: 43200 (12 hours)`. */
function addSecs(p: Packet, parent: number, fid: number, x: number, label: string): void {
  const v = p.dv.getUint32(x);
  const i = p.tree.addNum(parent, fid, x, 4, v);
  if (i >= 0 && p.tree.full) p.tree.setLabel(i, `${label}: ${v} (${secsText(v)})`);
}

/** Bytes item; tshark shows an empty one as <MISSING>. */
function addBytesItem(p: Packet, parent: number, fid: number, x: number, n: number, label: string): number {
  const t = p.tree;
  const i = t.addBytes(parent, fid, x, n);
  if (i >= 0 && n === 0 && t.full) t.setLabel(i, `${label}: <MISSING>`);
  return i;
}

/** Character-string (RFC 1035 §3.3): length byte + bytes. Returns the offset after it or -1. */
function charString(p: Packet, m: Msg, parent: number, fidLen: number, fid: number, x: number): number {
  if (!need(p, x, 1, m.end)) return -1;
  const n = p.buf[x]!;
  p.tree.addNum(parent, fidLen, x, 1, n);
  if (!need(p, x + 1, n, m.end)) return -1;
  lastString = dnsText(p.buf, x + 1, n);
  p.tree.addStr(parent, fid, x + 1, n, lastString);
  return x + 1 + n;
}
let lastString = '';

function undecoded(p: Packet, m: Msg, head: number, type: number, rd: number, rdEnd: number): boolean {
  p.addExpert(head, ei.undecoded_type, rd, rdEnd - rd,
    `Dissector for DNS Type (${type}) code not implemented, Contact Wireshark developers if you want this supported`);
  if (rdEnd > rd) {
    if (!need(p, rd, rdEnd - rd, m.end)) return false;
    p.tree.addBytes(head, hf.data, rd, rdEnd - rd);
  }
  return true;
}

/**
 * Record data [rd, rdEnd): adds the items and fills rrSum when `want`. Returns false when
 * dissection stopped.
 */
function dissectRData(p: Packet, m: Msg, head: number, type: number, rd: number, rdEnd: number, want: boolean): boolean {
  const t = p.tree;
  const dv = p.dv;
  const s = rrSum;
  const end = m.end;
  if (rdEnd === rd && type !== T_OPT) return true;
  switch (type) {
    case T_A: {
      if (!need(p, rd, 4, end)) return false;
      const a = dv.getUint32(rd);
      t.addNum(head, hf.a, rd, 4, a);
      if (want) { s.info = formatIPv4(a); s.lab = ', addr ' + s.info; }
      return true;
    }
    case T_AAAA: {
      if (!need(p, rd, 16, end)) return false;
      t.addBytes(head, hf.aaaa, rd, 16);
      if (want) { s.info = formatIPv6(p.buf, rd); s.lab = ', addr ' + s.info; }
      return true;
    }
    case T_NS: case T_MD: case T_MF: case T_CNAME: case T_MB: case T_MG: case T_MR: case T_PTR: case T_DNAME: {
      const fid = type === T_NS ? hf.ns : type === T_MD ? hf.md : type === T_MF ? hf.mf : type === T_CNAME ? hf.cname
        : type === T_MB ? hf.mb : type === T_MG ? hf.mg : type === T_MR ? hf.mr : type === T_PTR ? hf.ptr_domain_name : hf.dname;
      if (rdName(p, m, head, fid, rd) < 0) return false;
      if (want) {
        // tshark 4.0 shows the owner name in Info for MD, MF, MB, MG and MR (INFO_OWNER)
        s.info = INFO_OWNER.has(type) ? rrOwner : nameOut.str;
        s.lab = INFO_OWNER.has(type) ? '' : (type === T_NS ? ', ns ' : type === T_CNAME ? ', cname ' : type === T_PTR ? ', '
          : type === T_DNAME ? ', dname ' : ', ') + nameOut.str;
      }
      return true;
    }
    case T_SOA: {
      let x = rdName(p, m, head, hf.soa_mname, rd);
      if (x < 0) return false;
      const mname = nameOut.str;
      // tshark shows the primary name server before reading the rest
      if (rrInfo) p.appendInfo(' ' + mname);
      x = rdName(p, m, head, hf.soa_rname, x);
      if (x < 0) return false;
      if (!need(p, x, 20, end)) return false;
      t.addNum(head, hf.soa_serial_number, x, 4, dv.getUint32(x));
      addSecs(p, head, hf.soa_refresh_interval, x + 4, 'Refresh Interval');
      addSecs(p, head, hf.soa_retry_interval, x + 8, 'Retry Interval');
      addSecs(p, head, hf.soa_expire_limit, x + 12, 'Expire limit');
      addSecs(p, head, hf.soa_minimum_ttl, x + 16, 'Minimum TTL');
      if (want) s.lab = ', mname ' + mname;
      return true;
    }
    case T_NULL: {
      if (!need(p, rd, rdEnd - rd, end)) return false;
      t.addBytes(head, hf.null, rd, rdEnd - rd);
      return true;
    }
    case T_HINFO: {
      let x = charString(p, m, head, hf.hinfo_cpu_length, hf.hinfo_cpu, rd);
      if (x < 0) return false;
      const cpu = lastString;
      x = charString(p, m, head, hf.hinfo_os_length, hf.hinfo_os, x);
      if (x < 0) return false;
      if (want) { s.info = `${cpu} ${lastString}`; s.lab = `, CPU ${cpu}, OS ${lastString}`; }
      return true;
    }
    case T_MX: {
      if (!need(p, rd, 2, end)) return false;
      const pref = dv.getUint16(rd);
      t.addNum(head, hf.mx_preference, rd, 2, pref);
      if (rdName(p, m, head, hf.mx_mail_exchange, rd + 2) < 0) return false;
      if (want) { s.info = `${pref} ${nameOut.str}`; s.lab = `, preference ${pref}, mx ${nameOut.str}`; }
      return true;
    }
    case T_TXT: case T_SPF: {
      const fl = type === T_TXT ? hf.txt_length : hf.spf_length;
      const fs = type === T_TXT ? hf.txt : hf.spf;
      let x = rd;
      while (x < rdEnd) {
        x = charString(p, m, head, fl, fs, x);
        if (x < 0) return false;
      }
      return true;
    }
    case T_SRV: {
      if (!need(p, rd, 6, end)) return false;
      const prio = dv.getUint16(rd), weight = dv.getUint16(rd + 2), port = dv.getUint16(rd + 4);
      t.addNum(head, hf.srv_priority, rd, 2, prio);
      t.addNum(head, hf.srv_weight, rd + 2, 2, weight);
      t.addNum(head, hf.srv_port, rd + 4, 2, port);
      if (rdName(p, m, head, hf.srv_target, rd + 6) < 0) return false;
      if (want) {
        s.info = `${prio} ${weight} ${port} ${nameOut.str}`;
        s.lab = `, priority ${prio}, weight ${weight}, port ${port}, target ${nameOut.str}`;
      }
      return true;
    }
    case T_OPT:
      return dissectOptions(p, m, head, rd, rdEnd);
    case T_DS: case T_CDS: case T_DLV: {
      if (!need(p, rd, 4, end)) return false;
      t.addNum(head, hf.ds_key_id, rd, 2, dv.getUint16(rd));
      addV(t, head, hf.ds_algorithm, rd + 2, 1, p.buf[rd + 2]!);
      addV(t, head, hf.ds_digest_type, rd + 3, 1, p.buf[rd + 3]!);
      // a record shorter than its fixed part leaves the digest a negative length: malformed
      if (rdEnd - rd < 4) { malformed(p); return false; }
      if (!need(p, rd + 4, rdEnd - rd - 4, end)) return false;
      addBytesItem(p, head, hf.ds_digest, rd + 4, rdEnd - rd - 4, 'Digest');
      return true;
    }
    case T_SSHFP: {
      if (!need(p, rd, 2, end)) return false;
      addV(t, head, hf.sshfp_algorithm, rd, 1, p.buf[rd]!);
      addV(t, head, hf.sshfp_fingerprint_type, rd + 1, 1, p.buf[rd + 1]!);
      if (!need(p, rd + 2, rdEnd - rd - 2, end)) return false;
      addBytesItem(p, head, hf.sshfp_fingerprint, rd + 2, rdEnd - rd - 2, 'Fingerprint');
      return true;
    }
    case T_RRSIG: case T_SIG: {
      if (!need(p, rd, 18, end)) return false;
      addV(t, head, hf.rrsig_type_covered, rd, 2, dv.getUint16(rd));
      addV(t, head, hf.rrsig_algorithm, rd + 2, 1, p.buf[rd + 2]!);
      t.addNum(head, hf.rrsig_labels, rd + 3, 1, p.buf[rd + 3]!);
      addSecs(p, head, hf.rrsig_original_ttl, rd + 4, 'Original TTL');
      t.addObj(head, hf.rrsig_signature_expiration, rd + 8, 4, { sec: dv.getUint32(rd + 8), nsec: 0 });
      t.addObj(head, hf.rrsig_signature_inception, rd + 12, 4, { sec: dv.getUint32(rd + 12), nsec: 0 });
      t.addNum(head, hf.rrsig_key_tag, rd + 16, 2, dv.getUint16(rd + 16));
      const x = rdName(p, m, head, hf.rrsig_signers_name, rd + 18);
      if (x < 0) return false;
      if (!need(p, x, rdEnd - x, end)) return false;
      addBytesItem(p, head, hf.rrsig_signature, x, rdEnd - x, 'Signature');
      return true;
    }
    case T_DNSKEY: case T_CDNSKEY: {
      if (!need(p, rd, 4, end)) return false;
      const fl = dv.getUint16(rd);
      const fi = t.addNum(head, hf.dnskey_flags, rd, 2, fl);
      t.addNum(fi, hf.dnskey_flags_zone_key, rd, 2, fl);
      t.addNum(fi, hf.dnskey_flags_key_revoked, rd, 2, fl);
      t.addNum(fi, hf.dnskey_flags_secure_entry_point, rd, 2, fl);
      t.addNum(fi, hf.dnskey_flags_reserved, rd, 2, fl);
      t.addNum(head, hf.dnskey_protocol, rd + 2, 1, p.buf[rd + 2]!);
      addV(t, head, hf.dnskey_algorithm, rd + 3, 1, p.buf[rd + 3]!);
      if (!need(p, rd, rdEnd - rd, end)) return false;
      t.generated(t.addNum(head, hf.dnskey_key_id, rd, rdEnd - rd, keyTag(p.buf, rd, rdEnd - rd)));
      addBytesItem(p, head, hf.dnskey_public_key, rd + 4, rdEnd - rd - 4, 'Public Key');
      return true;
    }
    case T_NSEC: {
      const x = rdName(p, m, head, hf.nsec_next_domain_name, rd);
      if (x < 0) return false;
      const next = nameOut.str;
      if (want) { s.info = next; s.lab = ', next domain name ' + next; }
      return typeBitmap(p, m, head, x, rdEnd);
    }
    case T_NSEC3: case T_NSEC3PARAM: {
      if (!need(p, rd, 5, end)) return false;
      addV(t, head, hf.nsec3_algo, rd, 1, p.buf[rd]!);
      const fi = t.addNum(head, hf.nsec3_flags, rd + 1, 1, p.buf[rd + 1]!);
      t.addNum(fi, hf.nsec3_flags_opt_out, rd + 1, 1, p.buf[rd + 1]!);
      t.addNum(head, hf.nsec3_iterations, rd + 2, 2, dv.getUint16(rd + 2));
      const sl = p.buf[rd + 4]!;
      t.addNum(head, hf.nsec3_salt_length, rd + 4, 1, sl);
      if (!need(p, rd + 5, sl, end)) return false;
      addBytesItem(p, head, hf.nsec3_salt_value, rd + 5, sl, 'Salt value');
      let x = rd + 5 + sl;
      if (type === T_NSEC3PARAM) return true;
      if (!need(p, x, 1, end)) return false;
      const hl = p.buf[x]!;
      t.addNum(head, hf.nsec3_hash_length, x, 1, hl);
      if (!need(p, x + 1, hl, end)) return false;
      if (t.wants(hf.nsec3_hash_value)) t.generated(t.addStr(head, hf.nsec3_hash_value, x + 1, hl, base32hex(p.buf, x + 1, hl)));
      x += 1 + hl;
      return typeBitmap(p, m, head, x, rdEnd);
    }
    case T_TLSA: {
      if (!need(p, rd, 3, end)) return false;
      addV(t, head, hf.tlsa_certificate_usage, rd, 1, p.buf[rd]!);
      addV(t, head, hf.tlsa_selector, rd + 1, 1, p.buf[rd + 1]!);
      addV(t, head, hf.tlsa_matching_type, rd + 2, 1, p.buf[rd + 2]!);
      if (!need(p, rd + 3, rdEnd - rd - 3, end)) return false;
      addBytesItem(p, head, hf.tlsa_certificate_association_data, rd + 3, rdEnd - rd - 3, 'Certificate Association Data');
      return true;
    }
    case T_EUI48: {
      if (!need(p, rd, 6, end)) return false;
      t.addBytes(head, hf.eui48, rd, 6);
      return true;
    }
    case T_EUI64: {
      if (!need(p, rd, 8, end)) return false;
      t.addBytes(head, hf.eui64, rd, 8);
      return true;
    }
    case T_SVCB: case T_HTTPS:
      return dissectSvcb(p, m, head, rd, rdEnd);
    case T_WKS: case T_MINFO: case T_RP: case T_AFSDB: case T_X25: case T_ISDN: case T_RT: case T_NSAP:
    case T_NSAP_PTR: case T_KEY: case T_PX: case T_GPOS: case T_LOC: case T_NXT: case T_NAPTR: case T_KX:
    case T_CERT: case T_A6: case T_APL: case T_IPSECKEY: case T_DHCID: case T_HIP: case T_OPENPGPKEY:
    case T_CSYNC: case T_ZONEMD: case T_NID: case T_L32: case T_L64: case T_LP: case T_WINS: case T_WINS_R:
    case T_XPF:
      return dissectRDataMore(p, m, head, type, rd, rdEnd, want);
    case T_CAA:
      return dissectCaa(p, m, head, rd, rdEnd);
    case T_TSIG:
      return dissectTsig(p, m, head, rd, rdEnd);
    case T_TKEY:
      return dissectTkey(p, m, head, rd, rdEnd);
    default:
      return undecoded(p, m, head, type, rd, rdEnd);
  }
}

/** Names as tshark summarises some record types in Info: the owner name. */
const INFO_OWNER = new Set([T_MD, T_MF, T_MB, T_MG, T_MR, T_MINFO, T_RP, T_AFSDB, T_X25, T_ISDN, T_RT, T_NSAP, T_NSAP_PTR, T_PX, T_GPOS, T_APL, T_DHCID, T_HIP]);

/** LOC size/precision byte (RFC 1876 §2): mantissa × 10^exponent centimetres, in metres. */
function locSize(v: number): string {
  const cm = (v >> 4) * 10 ** (v & 15);
  return `${cm / 100} m`;
}

/** LOC latitude/longitude (thousandths of an arc second, 2^31 at the equator/meridian). */
function locAngle(v: number, pos: string, neg: string): string {
  let x = v - 2147483648;
  const dir = x < 0 ? neg : pos;
  if (x < 0) x = -x;
  const deg = Math.floor(x / 3600000);
  x -= deg * 3600000;
  const min = Math.floor(x / 60000);
  x -= min * 60000;
  return `${deg} deg ${min} min ${(x / 1000).toFixed(3)} sec ${dir}`;
}

/** The record types tshark decodes beyond the common ones. Returns false when dissection stopped. */
function dissectRDataMore(p: Packet, m: Msg, head: number, type: number, rd: number, rdEnd: number, want: boolean): boolean {
  const t = p.tree;
  const dv = p.dv;
  const buf = p.buf;
  const s = rrSum;
  const end = m.end;
  const rest = (x: number): number => (rdEnd > x ? rdEnd - x : 0);
  if (want && INFO_OWNER.has(type)) s.info = rrOwner;
  switch (type) {
    case T_WKS: {
      if (!need(p, rd, 5, end)) return false;
      const a = dv.getUint32(rd);
      t.addNum(head, hf.wks_address, rd, 4, a);
      addV(t, head, hf.wks_protocol, rd + 4, 1, buf[rd + 4]!);
      if (!need(p, rd + 5, rest(rd + 5), end)) return false;
      for (let x = rd + 5; x < rdEnd; x++) {
        const b = buf[x]!;
        if (b === 0) continue;
        const bi = t.addNum(head, hf.wks_bits, x, 1, b);
        if (bi >= 0 && t.full) {
          const ports: number[] = [];
          for (let k = 0; k < 8; k++) if (b & (0x80 >> k)) ports.push((x - rd - 5) * 8 + k);
          t.setLabel(bi, `Bits: ${hex2(b)} (${ports.join(', ')})`);
        }
      }
      if (want) { s.info = formatIPv4(a); s.lab = ', addr ' + s.info; }
      return true;
    }
    case T_MINFO: case T_RP: case T_PX: {
      let x = rd;
      if (type === T_PX) {
        if (!need(p, rd, 2, end)) return false;
        t.addNum(head, hf.px_preference, rd, 2, dv.getUint16(rd));
        x += 2;
      }
      x = rdName(p, m, head, type === T_MINFO ? hf.minfo_r : type === T_RP ? hf.rp_mailbox : hf.px_map822, x);
      if (x < 0) return false;
      return rdName(p, m, head, type === T_MINFO ? hf.minfo_e : type === T_RP ? hf.rp_txt_rr : hf.px_map400, x) >= 0;
    }
    case T_AFSDB: case T_RT: case T_KX: case T_NID: case T_L32: case T_L64: case T_LP: {
      if (!need(p, rd, 2, end)) return false;
      const pref = dv.getUint16(rd);
      const pf = type === T_AFSDB ? hf.afsdb_subtype : type === T_RT ? hf.rt_subtype : type === T_KX ? hf.kx_preference
        : type === T_NID ? hf.ilnp_nid_preference : type === T_L32 ? hf.ilnp_l32_preference
          : type === T_L64 ? hf.ilnp_l64_preference : hf.ilnp_lp_preference;
      t.addNum(head, pf, rd, 2, pref);
      if (type === T_NID || type === T_L64) {
        if (!need(p, rd + 2, 8, end)) return false;
        t.addBytes(head, type === T_NID ? hf.ilnp_nid : hf.ilnp_l64, rd + 2, 8);
        return true;
      }
      if (type === T_L32) {
        if (!need(p, rd + 2, 4, end)) return false;
        t.addNum(head, hf.ilnp_l32, rd + 2, 4, dv.getUint32(rd + 2));
        return true;
      }
      const nf = type === T_AFSDB ? hf.afsdb_hostname : type === T_RT ? hf.rt_intermediate_host : type === T_KX ? hf.kx_key_exchange : hf.ilnp_lp;
      if (rdName(p, m, head, nf, rd + 2) < 0) return false;
      if (want && type === T_KX) { s.info = `${pref} ${nameOut.str}`; s.lab = `, preference ${pref}, kx ${nameOut.str}`; }
      return true;
    }
    case T_X25: {
      return charString(p, m, head, hf.x25_length, hf.x25_psdn_address, rd) >= 0;
    }
    case T_ISDN: {
      const x = charString(p, m, head, hf.idsn_length, hf.idsn_address, rd);
      if (x < 0) return false;
      if (x < rdEnd && charString(p, m, head, hf.idsn_sa_length, hf.idsn_sa_address, x) < 0) return false;
      return true;
    }
    case T_NSAP: case T_DHCID: {
      if (!need(p, rd, rest(rd), end)) return false;
      t.addBytes(head, type === T_NSAP ? hf.nsap_rdata : hf.dhcid_rdata, rd, rest(rd));
      return true;
    }
    case T_NSAP_PTR:
      return rdName(p, m, head, hf.nsap_ptr_owner, rd) >= 0;
    case T_KEY: {
      if (!need(p, rd, 4, end)) return false;
      const fl = dv.getUint16(rd);
      const fi = t.addNum(head, hf.key_flags, rd, 2, fl);
      for (const fid of [hf.key_flags_authentication, hf.key_flags_confidentiality, hf.key_flags_required,
        hf.key_flags_associated_user, hf.key_flags_associated_named_entity, hf.key_flags_ipsec, hf.key_flags_mime,
        hf.key_flags_signatory]) t.addNum(fi, fid, rd, 2, fl);
      t.addNum(head, hf.key_protocol, rd + 2, 1, buf[rd + 2]!);
      addV(t, head, hf.key_algorithm, rd + 3, 1, buf[rd + 3]!);
      if (!need(p, rd, rest(rd), end)) return false;
      t.generated(t.addNum(head, hf.key_key_id, rd, rest(rd), keyTag(buf, rd, rest(rd))));
      addBytesItem(p, head, hf.key_public_key, rd + 4, rest(rd + 4), 'Public Key');
      return true;
    }
    case T_GPOS: {
      let x = charString(p, m, head, hf.gpos_longitude_length, hf.gpos_longitude, rd);
      if (x < 0) return false;
      x = charString(p, m, head, hf.gpos_latitude_length, hf.gpos_latitude, x);
      if (x < 0) return false;
      return charString(p, m, head, hf.gpos_altitude_length, hf.gpos_altitude, x) >= 0;
    }
    case T_LOC: {
      if (!need(p, rd, 1, end)) return false;
      const ver = buf[rd]!;
      t.addNum(head, hf.loc_version, rd, 1, ver);
      if (ver !== 0) {
        if (!need(p, rd + 1, rest(rd + 1), end)) return false;
        if (rdEnd > rd + 1) t.addBytes(head, hf.loc_unknown_data, rd + 1, rest(rd + 1));
        return true;
      }
      if (!need(p, rd, 16, end)) return false;
      const full = t.full;
      const sz = (fid: number, x: number): void => {
        const i = t.addNum(head, fid, x, 1, buf[x]!);
        if (i >= 0 && full) t.setLabel(i, `${fields[fid]!.name}: ${buf[x]} (${locSize(buf[x]!)})`);
      };
      sz(hf.loc_size, rd + 1);
      sz(hf.loc_horizontal_precision, rd + 2);
      sz(hf.loc_vertical_precision, rd + 3);
      const lat = dv.getUint32(rd + 4), lon = dv.getUint32(rd + 8), alt = dv.getUint32(rd + 12);
      const li = t.addNum(head, hf.loc_latitude, rd + 4, 4, lat);
      if (li >= 0 && full) t.setLabel(li, `Latitude: ${lat} (${locAngle(lat, 'N', 'S')})`);
      const gi = t.addNum(head, hf.loc_longitude, rd + 8, 4, lon);
      if (gi >= 0 && full) t.setLabel(gi, `Longitude: ${lon} (${locAngle(lon, 'E', 'W')})`);
      const ai = t.addNum(head, hf.loc_altitude, rd + 12, 4, alt);
      if (ai >= 0 && full) t.setLabel(ai, `Altitude: ${alt} (${(alt - 10000000) / 100} m)`);
      return true;
    }
    case T_NXT: {
      const x = rdName(p, m, head, hf.nxt_next_domain_name, rd);
      if (x < 0) return false;
      if (want) { s.info = nameOut.str; s.lab = ', next domain name ' + nameOut.str; }
      if (!need(p, x, rest(x), end)) return false;
      // RFC 2535 §5.2: a plain bitmap from type 0
      for (let y = x; y < rdEnd; y++) {
        const byte = buf[y]!;
        for (let bit = 0; bit < 8; bit++) {
          if (!(byte & (0x80 >> bit))) continue;
          const ty = (y - x) * 8 + bit;
          const it = t.addNum(head, hf.resp_type, y, 1, ty);
          if (it >= 0 && t.full) t.setLabel(it, `RR type in bit map: ${VALS_QRY_TYPE.get(ty) ?? `Unknown (${ty})`}`);
        }
      }
      return true;
    }
    case T_NAPTR: {
      if (!need(p, rd, 4, end)) return false;
      const order = dv.getUint16(rd), pref = dv.getUint16(rd + 2);
      t.addNum(head, hf.naptr_order, rd, 2, order);
      t.addNum(head, hf.naptr_preference, rd + 2, 2, pref);
      let x = charString(p, m, head, hf.naptr_flags_length, hf.naptr_flags, rd + 4);
      if (x < 0) return false;
      const flags = lastString;
      x = charString(p, m, head, hf.naptr_service_length, hf.naptr_service, x);
      if (x < 0) return false;
      x = charString(p, m, head, hf.naptr_regex_length, hf.naptr_regex, x);
      if (x < 0) return false;
      if (!readName(p, m.start, x, m.end)) return false;
      const rl = t.generated(t.addNum(head, hf.naptr_replacement_length, x, nameOut.used, nameOut.nameLen));
      void rl;
      t.addStr(head, hf.naptr_replacement, x, nameOut.used, nameOut.str);
      if (want) { s.info = `${order} ${pref} ${flags}`; s.lab = `, order ${order}, preference ${pref}, flags ${flags}`; }
      return true;
    }
    case T_CERT: {
      if (!need(p, rd, 5, end)) return false;
      addV(t, head, hf.cert_type, rd, 2, dv.getUint16(rd));
      t.addNum(head, hf.cert_key_tag, rd + 2, 2, dv.getUint16(rd + 2));
      addV(t, head, hf.cert_algorithm, rd + 4, 1, buf[rd + 4]!);
      if (!need(p, rd + 5, rest(rd + 5), end)) return false;
      addBytesItem(p, head, hf.cert_certificate, rd + 5, rest(rd + 5), 'Certificate (or CRL)');
      return true;
    }
    case T_A6: {
      if (!need(p, rd, 1, end)) return false;
      const pl = buf[rd]!;
      t.addNum(head, hf.a6_prefix_len, rd, 1, pl);
      const sl = pl >= 128 ? 0 : 16 - (pl >> 3);
      if (!need(p, rd + 1, sl, end)) return false;
      const a = new Uint8Array(16);
      for (let i = 0; i < sl; i++) a[16 - sl + i] = buf[rd + 1 + i]!;
      const addr = formatIPv6(a);
      t.addObj(head, hf.a6_address_suffix, rd + 1, sl, addr);
      let pname = '';
      if (pl > 0) {
        if (rdName(p, m, head, hf.a6_prefix_name, rd + 1 + sl) < 0) return false;
        pname = ' ' + nameOut.str;
      }
      if (want) { s.info = `${pl} ${addr}${pname}`; s.lab = `, addr ${s.info}`; }
      return true;
    }
    case T_APL: {
      let x = rd;
      while (x < rdEnd) {
        if (!need(p, x, 4, end)) return false;
        const fam = dv.getUint16(x);
        addV(t, head, hf.apl_address_family, x, 2, fam);
        t.addNum(head, hf.apl_coded_prefix, x + 2, 1, buf[x + 2]!);
        const nl = buf[x + 3]!;
        t.addNum(head, hf.apl_negation, x + 3, 1, nl);
        t.addNum(head, hf.apl_afdlength, x + 3, 1, nl);
        const al = nl & 0x7f;
        if (!need(p, x + 4, al, end)) return false;
        if (fam === 1 && al <= 4) {
          let v = 0;
          for (let i = 0; i < 4; i++) v = v * 256 + (i < al ? buf[x + 4 + i]! : 0);
          t.addNum(head, hf.apl_afdpart_ipv4, x + 4, al, v);
        } else if (fam === 2 && al <= 16) {
          const a = new Uint8Array(16);
          for (let i = 0; i < al; i++) a[i] = buf[x + 4 + i]!;
          t.addObj(head, hf.apl_afdpart_ipv6, x + 4, al, formatIPv6(a));
        } else {
          t.addBytes(head, hf.apl_afdpart_data, x + 4, al);
        }
        x += 4 + al;
      }
      return true;
    }
    case T_IPSECKEY: {
      if (!need(p, rd, 3, end)) return false;
      t.addNum(head, hf.ipseckey_gateway_precedence, rd, 1, buf[rd]!);
      const gt = buf[rd + 1]!;
      addV(t, head, hf.ipseckey_gateway_type, rd + 1, 1, gt);
      addV(t, head, hf.ipseckey_gateway_algorithm, rd + 2, 1, buf[rd + 2]!);
      let x = rd + 3;
      if (gt === 1) {
        if (!need(p, x, 4, end)) return false;
        t.addNum(head, hf.ipseckey_gateway_ipv4, x, 4, dv.getUint32(x));
        x += 4;
      } else if (gt === 2) {
        if (!need(p, x, 16, end)) return false;
        t.addBytes(head, hf.ipseckey_gateway_ipv6, x, 16);
        x += 16;
      } else if (gt === 3) {
        x = rdName(p, m, head, hf.ipseckey_gateway_dns, x);
        if (x < 0) return false;
      }
      if (!need(p, x, rest(x), end)) return false;
      addBytesItem(p, head, hf.ipseckey_public_key, x, rest(x), 'Public Key');
      return true;
    }
    case T_HIP: {
      if (!need(p, rd, 4, end)) return false;
      const hl = buf[rd]!, pkl = dv.getUint16(rd + 2);
      t.addNum(head, hf.hip_hit_length, rd, 1, hl);
      addV(t, head, hf.hip_hit_pk_algo, rd + 1, 1, buf[rd + 1]!);
      t.addNum(head, hf.hip_pk_length, rd + 2, 2, pkl);
      if (!need(p, rd + 4, hl + pkl, end)) return false;
      t.addBytes(head, hf.hip_hit, rd + 4, hl);
      t.addBytes(head, hf.hip_pk, rd + 4 + hl, pkl);
      let x = rd + 4 + hl + pkl;
      while (x < rdEnd) {
        x = rdName(p, m, head, hf.hip_rendezvous_server, x);
        if (x < 0) return false;
      }
      return true;
    }
    case T_OPENPGPKEY: {
      if (!need(p, rd, rest(rd), end)) return false;
      t.addStr(head, hf.openpgpkey, rd, rest(rd), dnsText(buf, rd, rest(rd)));
      return true;
    }
    case T_CSYNC: {
      if (!need(p, rd, 6, end)) return false;
      t.addNum(head, hf.csync_soa, rd, 4, dv.getUint32(rd));
      const fl = dv.getUint16(rd + 4);
      const fi = t.addNum(head, hf.csync_flags, rd + 4, 2, fl);
      t.addNum(fi, hf.csync_flags_immediate, rd + 4, 2, fl);
      t.addNum(fi, hf.csync_flags_soaminimum, rd + 4, 2, fl);
      if (!need(p, rd + 6, rest(rd + 6), end)) return false;
      t.addBytes(head, hf.csync_type_bitmap, rd + 6, rest(rd + 6));
      return typeBitmap(p, m, head, rd + 6, rdEnd);
    }
    case T_ZONEMD: {
      if (!need(p, rd, 6, end)) return false;
      t.addNum(head, hf.zonemd_serial, rd, 4, dv.getUint32(rd));
      addV(t, head, hf.zonemd_scheme, rd + 4, 1, buf[rd + 4]!);
      addV(t, head, hf.zonemd_hash_algo, rd + 5, 1, buf[rd + 5]!);
      if (!need(p, rd + 6, rest(rd + 6), end)) return false;
      addBytesItem(p, head, hf.zonemd_digest, rd + 6, rest(rd + 6), 'Digest');
      return true;
    }
    case T_WINS: case T_WINS_R: {
      if (!need(p, rd, 12, end)) return false;
      const r = type === T_WINS_R;
      t.addNum(head, r ? hf.winsr_local_flag : hf.wins_local_flag, rd, 4, dv.getUint32(rd));
      t.addNum(head, r ? hf.winsr_lookup_timeout : hf.wins_lookup_timeout, rd + 4, 4, dv.getUint32(rd + 4));
      t.addNum(head, r ? hf.winsr_cache_timeout : hf.wins_cache_timeout, rd + 8, 4, dv.getUint32(rd + 8));
      if (r) {
        if (rdName(p, m, head, hf.winsr_name_result_domain, rd + 12) < 0) return false;
        if (want) { s.info = nameOut.str; s.lab = ', name result domain ' + nameOut.str; }
        return true;
      }
      if (!need(p, rd + 12, 4, end)) return false;
      const n = dv.getUint32(rd + 12);
      t.addNum(head, hf.wins_nb_wins_servers, rd + 12, 4, n);
      for (let i = 0, x = rd + 16; i < n && x + 4 <= rdEnd; i++, x += 4) {
        if (!need(p, x, 4, end)) return false;
        t.addNum(head, hf.wins_wins_server, x, 4, dv.getUint32(x));
      }
      return true;
    }
    case T_XPF: {
      if (!need(p, rd, 2, end)) return false;
      const v = buf[rd]!;
      addV(t, head, hf.xpf_ip_version, rd, 1, v);
      addV(t, head, hf.xpf_protocol, rd + 1, 1, buf[rd + 1]!);
      const al = v === 6 ? 16 : 4;
      if (!need(p, rd + 2, 2 * al + 4, end)) return false;
      if (v === 6) {
        t.addBytes(head, hf.xpf_source_ipv6, rd + 2, 16);
        t.addBytes(head, hf.xpf_destination_ipv6, rd + 18, 16);
      } else {
        t.addNum(head, hf.xpf_source_ipv4, rd + 2, 4, dv.getUint32(rd + 2));
        t.addNum(head, hf.xpf_destination_ipv4, rd + 6, 4, dv.getUint32(rd + 6));
      }
      t.addNum(head, hf.xpf_sport, rd + 2 + 2 * al, 2, dv.getUint16(rd + 2 + 2 * al));
      t.addNum(head, hf.xpf_dport, rd + 4 + 2 * al, 2, dv.getUint16(rd + 4 + 2 * al));
      return true;
    }
    default:
      return undecoded(p, m, head, type, rd, rdEnd);
  }
}

/** RFC 4034 Appendix B key tag over the whole RDATA. */
function keyTag(buf: Uint8Array, a: number, n: number): number {
  if (n >= 4 && buf[a + 3] === 1) {
    // algorithm 1 (RSA/MD5): the 16 bits before the last byte of the key
    return n >= 3 ? (buf[a + n - 3]! << 8) | buf[a + n - 2]! : 0;
  }
  let ac = 0;
  for (let i = 0; i < n; i++) ac += (i & 1) ? buf[a + i]! : buf[a + i]! << 8;
  ac += (ac >>> 16) & 0xffff;
  return ac & 0xffff;
}

const B32HEX = '0123456789abcdefghijklmnopqrstuv';

function base32hex(buf: Uint8Array, a: number, n: number): string {
  let s = '', bits = 0, acc = 0;
  for (let i = 0; i < n; i++) {
    acc = ((acc << 8) | buf[a + i]!) & 0xffff;
    bits += 8;
    while (bits >= 5) { s += B32HEX[(acc >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) s += B32HEX[(acc << (5 - bits)) & 31];
  return s;
}

/** NSEC/NSEC3 type bitmaps (RFC 4034 §4.1.2): one dns.resp.type item per type present. */
function typeBitmap(p: Packet, m: Msg, head: number, x: number, rdEnd: number): boolean {
  const t = p.tree;
  while (x < rdEnd) {
    if (!need(p, x, 2, m.end)) return false;
    const win = p.buf[x]!, blen = p.buf[x + 1]!;
    for (let i = 0; i < blen; i++) {
      // byte by byte: a bitmap cut short shows the types before the cut (as tshark)
      if (!need(p, x + 2 + i, 1, m.end)) return false;
      const byte = p.buf[x + 2 + i]!;
      for (let bit = 0; bit < 8; bit++) {
        if (byte & (0x80 >> bit)) {
          const ty = win * 256 + i * 8 + bit;
          const it = addV(t, head, hf.resp_type, x + 2 + i, 1, ty);
          if (it >= 0 && t.full) t.setLabel(it, `RR type in bit map: ${VALS_QRY_TYPE.get(ty) ?? `Unknown (${ty})`}`);
        }
      }
    }
    x += 2 + blen;
  }
  return true;
}

// EDNS0 option codes (RFC 6891 and later)
const OPT_NSID = 3, OPT_DAU = 5, OPT_DHU = 6, OPT_N3U = 7, OPT_CSUBNET = 8, OPT_COOKIE = 10,
  OPT_KEEPALIVE = 11, OPT_PADDING = 12, OPT_CHAIN = 13, OPT_EXT_ERROR = 15, OPT_CSUBNET_EXP = 20730;

function dissectOptions(p: Packet, m: Msg, head: number, x: number, rdEnd: number): boolean {
  const t = p.tree;
  const dv = p.dv;
  while (x < rdEnd) {
    if (!need(p, x, 4, m.end)) return false;
    const code = dv.getUint16(x), len = dv.getUint16(x + 2);
    const d = x + 4;
    const oi = t.addItem(head, hf.opt, x, capLen(p, x, 4 + len));
    if (oi >= 0 && t.full) t.setLabel(oi, `Option: ${VALS_OPT_CODE.get(code) ?? `Unknown (${code})`}`);
    const ci = addV(t, oi, hf.opt_code, x, 2, code);
    if (code === OPT_CSUBNET_EXP) p.addExpert(ci, ei.depr_opc, x, 2, 'Deprecated opcode. Client subnet OPT assigned as 8.');
    t.addNum(oi, hf.opt_len, x + 2, 2, len);
    if (!need(p, d, len, m.end)) return false;
    addBytesItem(p, oi, hf.opt_data, d, len, 'Option Data');
    switch (code) {
      case OPT_DAU: case OPT_DHU: case OPT_N3U: {
        const fid = code === OPT_DAU ? hf.opt_dau : code === OPT_DHU ? hf.opt_dhu : hf.opt_n3u;
        for (let i = 0; i < len; i++) addV(t, oi, fid, d + i, 1, p.buf[d + i]!);
        break;
      }
      case OPT_CSUBNET: case OPT_CSUBNET_EXP: {
        if (len < 4) break;
        const fam = dv.getUint16(d);
        addV(t, oi, hf.opt_client_family, d, 2, fam);
        t.addNum(oi, hf.opt_client_netmask, d + 2, 1, p.buf[d + 2]!);
        t.addNum(oi, hf.opt_client_scope, d + 3, 1, p.buf[d + 3]!);
        const al = len - 4;
        if (fam === 1 && al <= 4) {
          let v = 0;
          for (let i = 0; i < 4; i++) v = v * 256 + (i < al ? p.buf[d + 4 + i]! : 0);
          t.addNum(oi, hf.opt_client_addr4, d + 4, al, v);
        } else if (fam === 2 && al <= 16) {
          const a = new Uint8Array(16);
          for (let i = 0; i < al; i++) a[i] = p.buf[d + 4 + i]!;
          const i6 = t.addObj(oi, hf.opt_client_addr6, d + 4, al, formatIPv6(a));
          void i6;
        } else {
          if (al > 16) p.addExpert(oi, ei.rr_opt_bad_length, d + 4, al);
          t.addBytes(oi, hf.opt_client_addr, d + 4, al);
        }
        break;
      }
      case OPT_COOKIE: {
        const cl = Math.min(len, 8);
        t.addBytes(oi, hf.opt_cookie_client, d, cl);
        addBytesItem(p, oi, hf.opt_cookie_server, d + cl, len - cl, 'Server Cookie');
        break;
      }
      case OPT_KEEPALIVE:
        if (len === 2) t.addNum(oi, hf.opt_edns_tcp_keepalive_timeout, d, 2, dv.getUint16(d));
        break;
      case OPT_PADDING:
        addBytesItem(p, oi, hf.opt_padding, d, len, 'Padding');
        break;
      case OPT_CHAIN:
        if (len > 0) {
          // shown as the raw wire form, as a C string (up to the first zero byte)
          let z = d;
          while (z < d + len && p.buf[z] !== 0) z++;
          t.addStr(oi, hf.opt_chain_fqdn, d, len, dnsText(p.buf, d, z - d));
        }
        break;
      case OPT_EXT_ERROR:
        if (len >= 2) {
          addV(t, oi, hf.opt_ext_error_info_code, d, 2, dv.getUint16(d));
          if (len > 2) t.addStr(oi, hf.opt_ext_error_extra_text, d + 2, len - 2, dnsText(p.buf, d + 2, len - 2));
        }
        break;
      case OPT_NSID:
      default:
        break;
    }
    x = d + len;
  }
  return true;
}

const SVC_MANDATORY = 0, SVC_ALPN = 1, SVC_NO_DEFAULT_ALPN = 2, SVC_PORT = 3, SVC_IPV4HINT = 4,
  SVC_ECH = 5, SVC_IPV6HINT = 6, SVC_ODOH = 32769;

function dissectSvcb(p: Packet, m: Msg, head: number, rd: number, rdEnd: number): boolean {
  const t = p.tree;
  const dv = p.dv;
  const full = t.full;
  if (!need(p, rd, 2, m.end)) return false;
  t.addNum(head, hf.svcb_svcpriority, rd, 2, dv.getUint16(rd));
  let x = rdName(p, m, head, hf.svcb_targetname, rd + 2);
  if (x < 0) return false;
  while (x < rdEnd) {
    if (!need(p, x, 4, m.end)) return false;
    const key = dv.getUint16(x), len = dv.getUint16(x + 2);
    const d = x + 4;
    if (!need(p, d, len, m.end)) return false;
    const pi = t.addItem(head, hf.svcb_svcparam, x, capLen(p, x, 4 + len));
    addV(t, pi, hf.svcb_svcparam_key, x, 2, key);
    t.addNum(pi, hf.svcb_svcparam_value_length, x + 2, 2, len);
    const keyName = VALS_SVCB_SVCPARAM_KEY.get(key) ?? `key${key}`;
    let text = '';
    switch (key) {
      case SVC_MANDATORY:
        for (let i = 0; i + 2 <= len; i += 2) {
          const k = dv.getUint16(d + i);
          addV(t, pi, hf.svcb_svcparam_mandatory_key, d + i, 2, k);
          if (full) text += (i ? ',' : '') + (VALS_SVCB_SVCPARAM_KEY.get(k) ?? `key${k}`);
        }
        break;
      case SVC_ALPN: {
        let y = d;
        while (y < d + len) {
          const n = p.buf[y]!;
          t.addNum(pi, hf.svcb_svcparam_alpn_length, y, 1, n);
          if (!need(p, y + 1, n, m.end)) return false;
          const a = dnsText(p.buf, y + 1, n);
          t.addStr(pi, hf.svcb_svcparam_alpn, y + 1, n, a);
          if (full) text += (y > d ? ',' : '') + a;
          y += 1 + n;
        }
        break;
      }
      case SVC_NO_DEFAULT_ALPN:
        break;
      case SVC_PORT:
        if (len >= 2) {
          t.addNum(pi, hf.svcb_svcparam_port, d, 2, dv.getUint16(d));
          text = String(dv.getUint16(d));
        }
        break;
      case SVC_IPV4HINT:
        for (let i = 0; i + 4 <= len; i += 4) {
          const a = dv.getUint32(d + i);
          t.addNum(pi, hf.svcb_svcparam_ipv4hint_ip, d + i, 4, a);
          if (full) text += (i ? ',' : '') + formatIPv4(a);
        }
        break;
      case SVC_IPV6HINT:
        for (let i = 0; i + 16 <= len; i += 16) {
          t.addBytes(pi, hf.svcb_svcparam_ipv6hint_ip, d + i, 16);
          if (full) text += (i ? ',' : '') + formatIPv6(p.buf, d + i);
        }
        break;
      case SVC_ECH: case SVC_ODOH: {
        const fid = key === SVC_ECH ? hf.svcb_svcparam_echconfig : hf.svcb_svcparam_odohconfig;
        const i = t.addBytes(pi, fid, d, len);
        if (full) {
          text = base64(p.buf, d, len);
          t.setLabel(i, `${key === SVC_ECH ? 'ECHConfig' : 'ODoHConfig'}: ${text}`);
        }
        break;
      }
      default:
        t.addBytes(pi, hf.svcb_svcparam_value, d, len);
        if (full) text = dnsText(p.buf, d, len);
    }
    if (pi >= 0 && full) t.setLabel(pi, `SvcParam: ${keyName}${key === SVC_NO_DEFAULT_ALPN ? '' : '=' + text}`);
    x = d + len;
  }
  return true;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(buf: Uint8Array, a: number, n: number): string {
  let s = '';
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = (buf[a + i]! << 16) | (buf[a + i + 1]! << 8) | buf[a + i + 2]!;
    s += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  if (n - i === 1) {
    const v = buf[a + i]! << 16;
    s += B64[v >> 18]! + B64[(v >> 12) & 63]! + '==';
  } else if (n - i === 2) {
    const v = (buf[a + i]! << 16) | (buf[a + i + 1]! << 8);
    s += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + '=';
  }
  return s;
}

function dissectCaa(p: Packet, m: Msg, head: number, rd: number, rdEnd: number): boolean {
  const t = p.tree;
  if (!need(p, rd, 2, m.end)) return false;
  const fl = p.buf[rd]!;
  const fi = t.addNum(head, hf.caa_flags, rd, 1, fl);
  t.addNum(fi, hf.caa_flags_issuer_critical, rd, 1, fl);
  const tl = p.buf[rd + 1]!;
  if (!need(p, rd + 2, tl, m.end)) return false;
  const tag = dnsText(p.buf, rd + 2, tl);
  const v = rd + 2 + tl;
  const vl = rdEnd - v;
  // a tag longer than the record leaves the value a negative length: malformed (tshark 4.0)
  if (vl < 0) { malformed(p); return false; }
  if (!need(p, v, vl, m.end)) return false;
  const value = dnsText(p.buf, v, vl);
  const fid = tag === 'issue' ? hf.caa_issue : tag === 'issuewild' ? hf.caa_issuewild : tag === 'iodef' ? hf.caa_iodef : hf.caa_unknown;
  const ti = t.addStr(head, fid, rd + 1, rdEnd - rd - 1, value);
  t.addNum(ti, hf.caa_tag_length, rd + 1, 1, tl);
  t.addStr(ti, hf.caa_tag, rd + 2, tl, tag);
  t.addStr(ti, hf.caa_value, v, vl, value);
  return true;
}

function dissectTsig(p: Packet, m: Msg, head: number, rd: number, rdEnd: number): boolean {
  const t = p.tree;
  const dv = p.dv;
  let x = rdName(p, m, head, hf.tsig_algorithm_name, rd);
  if (x < 0) return false;
  const alg = nameOut.str;
  if (!need(p, x, 10, m.end)) return false;
  const secs = dv.getUint16(x) * 4294967296 + dv.getUint32(x + 2);
  t.addObj(head, hf.tsig_time_signed, x, 6, { sec: secs, nsec: 0 });
  t.addNum(head, hf.tsig_fudge, x + 6, 2, dv.getUint16(x + 6));
  const macSize = dv.getUint16(x + 8);
  t.addNum(head, hf.tsig_mac_size, x + 8, 2, macSize);
  x += 10;
  if (!need(p, x, macSize, m.end)) return false;
  const mi = t.addItem(head, hf.tsig_mac, x, macSize);
  p.addExpert(mi, ei.tsig_noalg, x, macSize, `No dissector for algorithm:${alg}`);
  x += macSize;
  if (!need(p, x, 6, m.end)) return false;
  t.addNum(head, hf.tsig_original_id, x, 2, dv.getUint16(x));
  addV(t, head, hf.tsig_error, x + 2, 2, dv.getUint16(x + 2));
  const ol = dv.getUint16(x + 4);
  t.addNum(head, hf.tsig_other_len, x + 4, 2, ol);
  x += 6;
  if (ol > 0) {
    if (!need(p, x, ol, m.end)) return false;
    t.addBytes(head, hf.tsig_other_data, x, ol);
  }
  void rdEnd;
  return true;
}

function dissectTkey(p: Packet, m: Msg, head: number, rd: number, rdEnd: number): boolean {
  const t = p.tree;
  const dv = p.dv;
  let x = rdName(p, m, head, hf.tkey_algo_name, rd);
  if (x < 0) return false;
  if (!need(p, x, 14, m.end)) return false;
  t.addObj(head, hf.tkey_signature_inception, x, 4, { sec: dv.getUint32(x), nsec: 0 });
  t.addObj(head, hf.tkey_signature_expiration, x + 4, 4, { sec: dv.getUint32(x + 4), nsec: 0 });
  addV(t, head, hf.tkey_mode, x + 8, 2, dv.getUint16(x + 8));
  addV(t, head, hf.tkey_error, x + 10, 2, dv.getUint16(x + 10));
  const ks = dv.getUint16(x + 12);
  t.addNum(head, hf.tkey_key_size, x + 12, 2, ks);
  x += 14;
  if (!need(p, x, ks, m.end)) return false;
  addBytesItem(p, head, hf.tkey_key_data, x, ks, 'Key Data');
  x += ks;
  if (!need(p, x, 2, m.end)) return false;
  const os = dv.getUint16(x);
  t.addNum(head, hf.tkey_other_size, x, 2, os);
  x += 2;
  if (os > 0) {
    if (!need(p, x, os, m.end)) return false;
    t.addBytes(head, hf.tkey_other_data, x, os);
  }
  void rdEnd;
  return true;
}

// ---- transports ----

/** DNS over UDP: one message per datagram. */
function dissectDnsUdp(p: Packet, off: number, end: number, parent: number): number {
  if (off >= end) return 0;
  p.clearInfo();
  dissectDnsMessage(p, off, end, parent, Flavor.DNS, -1, 0);
  return end - off;
}

/**
 * Length of the DNS-over-TCP PDU starting at `off` (2-byte prefix + message), or 0 when fewer than
 * 2 bytes are there: for TCP reassembly to ask how much it needs.
 */
export function dnsTcpPduLen(p: Packet, off: number, end: number): number {
  if (off + 2 > end || off + 2 > p.capEnd) return 0;
  return 2 + p.dv.getUint16(off);
}

/**
 * DNS over TCP: messages each preceded by a 16-bit length (RFC 1035 §4.2.2). Dissects the complete
 * messages in [off, end) (a segment, or a reassembled buffer pushed with p.pushSource) and returns
 * the bytes consumed; an incomplete last message is left for reassembly (not consumed).
 */
export function dissectDnsTcp(p: Packet, off: number, end: number, parent: number): number {
  let x = off;
  let idx = 0;
  while (x + 2 <= end && x + 2 <= p.capEnd) {
    const len = p.dv.getUint16(x);
    // a message past the segment: TCP reassembles it (p.desegment) when it can
    if (x + 2 + len > end) {
      if (p.desegment(x, x + 2 + len - end)) return end - off;
      break;
    }
    // each message replaces the Info of the one before (tshark shows the last)
    p.clearInfo();
    dissectDnsMessage(p, x + 2, x + 2 + len, parent, Flavor.DNS, x, idx);
    if (p.stopped) return end - off;
    x += 2 + len;
    idx++;
  }
  // a length prefix split over segments
  if (x < end && x + 2 > end && p.desegment(x, DESEGMENT_ONE_MORE)) return end - off;
  return x - off;
}

/**
 * DNS on other UDP ports (tshark's enabled "dns" UDP heuristic; its rules as measured): a standard
 * query (opcode 0) with one question and no answer or authority records, or a standard response
 * with at most one question and at least one record of any kind.
 */
function heuristicDnsUdp(p: Packet, off: number, end: number, parent: number): number {
  if (off + HEADER_LEN > end || off + HEADER_LEN > p.capEnd) return 0;
  // NetBIOS name service (137) shares DNS's format; tshark's port table gives it to NBNS, which
  // wirelens does not dissect yet: never guess DNS there.
  if (p.srcport === NBNS_PORT || p.dstport === NBNS_PORT) return 0;
  const dv = p.dv;
  const flags = dv.getUint16(off + FLAGS);
  if ((flags & F_OPCODE) !== 0) return 0;
  const qd = dv.getUint16(off + QDCOUNT), an = dv.getUint16(off + ANCOUNT);
  const ns = dv.getUint16(off + NSCOUNT), ar = dv.getUint16(off + ARCOUNT);
  if (flags & F_RESPONSE) {
    if (qd > 1 || qd + an + ns + ar === 0) return 0;
  } else if (qd !== 1 || an !== 0 || ns !== 0) {
    return 0;
  }
  return dissectDnsUdp(p, off, end, parent);
}

export const dnsHandle: Handle = registerHandle('dns', dissectDnsUdp);
export const dnsTcpHandle: Handle = registerHandle('dns.tcp', dissectDnsTcp);
udpPortTable.add(53, dnsHandle);
udpHeuristics.add('dns', heuristicDnsUdp);
tcpPortTable.add(53, dnsTcpHandle);
tcpPortTable.add(5353, dnsTcpHandle);
