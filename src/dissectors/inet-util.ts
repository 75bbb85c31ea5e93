// Small helpers shared by the IPv4/ICMP/UDP/TCP dissectors: the Internet checksum (RFC 1071),
// address text, and the IP protocol names tshark shows. Allocation-free on the hot path.

import { vals, type ValueNames } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import type { ExpertInfo } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { callData } from './data.js';
import type { HeurList, Table } from '../core/table.js';

/**
 * One's-complement sum of buf[off, off + len) folded to 16 bits, added to `acc` (a partial sum from
 * a pseudo-header). Not complemented: callers compare `inetChecksumFinish(sum) === 0` or take `~sum`.
 */
export function inetSum(buf: Uint8Array, off: number, len: number, acc = 0): number {
  let s = acc;
  const last = off + (len & ~1);
  for (let i = off; i < last; i += 2) s += (buf[i]! << 8) | buf[i + 1]!;
  if (len & 1) s += buf[off + len - 1]! << 8;
  // fold carries; the loop above can at most add ~2^32 for 64 KiB inputs
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 65536);
  return s;
}

/** The checksum value from a folded sum: ~sum & 0xffff. */
export function inetChecksumFinish(sum: number): number {
  return ~sum & 0xffff;
}

/**
 * The checksum buf[off, off + len) should carry in its 16-bit checksum field at `field`: computed
 * with the field taken as zero (what "incorrect, should be 0x…" shows).
 */
export function inetChecksumWithout(buf: Uint8Array, off: number, len: number, field: number): number {
  const after = field + 2;
  return inetChecksumFinish(inetSum(buf, after, off + len - after, inetSum(buf, off, field - off)));
}

/** Sum of a 32-bit value as two 16-bit words (for pseudo-headers). */
export function sum32(v: number): number {
  return (v >>> 16) + (v & 0xffff);
}

/** Dotted-quad text of 4 bytes at `off`. */
export function ipv4At(buf: Uint8Array, off: number): string {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}

/** 32-bit big-endian unsigned value at `off` (no DataView needed). */
export function u32At(buf: Uint8Array, off: number): number {
  return ((buf[off]! << 24) | (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!) >>> 0;
}

/** 16-bit big-endian value at `off`. */
export function u16At(buf: Uint8Array, off: number): number {
  return (buf[off]! << 8) | buf[off + 1]!;
}

/** `1 byte` / `2 bytes` */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Checksum status values shared by ip/icmp/udp/tcp `*.checksum.status`. */
export const enum CkStatus { BAD = 0, GOOD = 1, UNVERIFIED = 2, NOT_PRESENT = 3, ILLEGAL = 4 }

export const CHECKSUM_STATUS_NAMES: ValueNames = vals({ 0: 'Bad', 1: 'Good', 2: 'Unverified', 3: 'Not present', 4: 'Illegal' });

/**
 * IP protocol numbers as tshark names them (`tshark -G values`, ip.proto): used for `ip.proto`
 * labels and the "Fragmented IP protocol (proto=UDP 17 …)" Info text.
 */
export const IP_PROTOCOL_NAMES: ValueNames = (() => {
  const m = new Map<number, string>(vals({
  0: 'IPv6 Hop-by-Hop Option', 1: 'ICMP', 2: 'IGMP', 3: 'GGP', 4: 'IPIP', 5: 'Stream', 6: 'TCP', 7: 'CBT', 8: 'EGP',
  9: 'IGRP', 10: 'BBN RCC', 11: 'Network Voice', 12: 'PUP', 13: 'ARGUS', 14: 'EMCON', 15: 'XNET', 16: 'CHAOS',
  17: 'UDP', 18: 'Multiplex', 19: 'DCN Measurement', 20: 'Host Monitoring', 21: 'Packet radio', 22: 'IDP',
  23: 'Trunk-1', 24: 'Trunk-2', 25: 'Leaf-1', 26: 'Leaf-2', 27: 'Reliable Data', 28: 'IRT', 29: 'ISO TP4',
  30: 'Bulk Data', 31: 'MFE NSP', 32: 'Merit Internodal', 33: 'Datagram Congestion Control Protocol',
  34: '3rd Party Connect', 35: 'Inter-Domain Policy Routing Protocol', 36: 'XTP', 37: 'Datagram delivery',
  38: 'Control Message', 39: 'TP++', 40: 'IL', 41: 'IPv6', 42: 'Source demand routing',
  43: 'Routing Header for IPv6', 44: 'Fragment Header for IPv6', 45: 'Inter-Domain Routing Protocol',
  46: 'Reservation Protocol', 47: 'Generic Routing Encapsulation', 48: 'Dynamic source routing', 49: 'BNA',
  50: 'Encap Security Payload', 51: 'Authentication Header', 52: 'INSLP', 53: 'SWIPE', 54: 'NBMA ARP',
  55: 'IP Mobility', 56: 'TLSP Kryptonet', 57: 'SKIP', 58: 'ICMPv6', 59: 'No Next Header for IPv6',
  60: 'Destination Options for IPv6', 61: 'any host internal protocol', 62: 'Mobile IPv6 (old)',
  63: 'any local network', 64: 'SATNET EXPAK', 65: 'Kryptolan', 66: 'Remote Virtual Disk', 67: 'IPPC',
  68: 'any distributed file system', 69: 'SATNET Monitoring', 70: 'VISA', 71: 'IPCV', 72: 'CPNX', 73: 'CPHB',
  74: 'Wang Span', 75: 'Packet Video', 76: 'Backroom SATNET Mon', 77: 'Sun ND Protocol', 78: 'Wideband Mon',
  79: 'Wideband Expak', 80: 'ISO Internet Protocol', 81: 'VMTP', 82: 'Secure VMTP', 83: 'VINES', 84: 'TTP',
  85: 'NSFNET IGP', 86: 'Dissimilar Gateway', 87: 'TCF', 88: 'EIGRP', 89: 'OSPF IGP', 90: 'Sprite RPC',
  91: 'Locus ARP', 92: 'Multicast Transport', 93: 'AX.25 Frames', 94: 'IP in IP', 95: 'MICP', 96: 'Semaphore',
  97: 'Ether in IP', 98: 'ENCAP', 99: 'any private encryption scheme', 100: 'GMTP', 101: 'Ipsilon Flow',
  102: 'PNNI over IP', 103: 'PIM', 104: 'ARIS', 105: 'SCPS', 106: 'QNX', 107: 'Active Networks', 108: 'IPComp',
  109: 'Sitara Networks', 110: 'Compaq Peer', 111: 'IPX IN IP', 112: 'VRRP', 113: 'PGM', 114: 'any 0-hop protocol',
  115: 'Layer 2 Tunneling', 116: 'DDX', 117: 'IATP', 118: 'STP', 119: 'SpectraLink', 120: 'UTI', 121: 'SMP',
  122: 'SM', 123: 'PTP', 124: 'ISIS over IP', 125: 'FIRE', 126: 'CRTP', 127: 'CRUDP', 128: 'SSCOPMCE', 129: 'IPLT',
  130: 'Secure Packet', 131: 'PIPE', 132: 'SCTP', 133: 'Fibre Channel', 134: 'RSVP E2EI', 135: 'Mobile IPv6',
  136: 'UDPLite', 137: 'MPLS in IP', 138: 'MANET', 139: 'HIP', 140: 'Shim6 header', 141: 'WESP', 142: 'ROHC',
  143: 'Ethernet', 173: 'AX/4000 Testframe', 224: 'Novell NCS Heartbeat',
  }));
  // 144-223 are "Unassigned" except 173; 225-255 have no name.
  for (let k = 144; k <= 223; k++) if (!m.has(k)) m.set(k, 'Unassigned');
  return m;
})();

// ---- quoted packets inside ICMP errors ----

/**
 * Per-capture scratch for "we are inside an ICMP error's quoted datagram" (tshark dissects the
 * quote with columns frozen, no length complaints, and a truncated quote ends dissection silently).
 * Tagged with the frame number so a dissector bug thrown mid-quote cannot leave it set.
 */
class QuoteState {
  depth = 0;
  frame = -1;
  /** TTL of the outermost IPv4 header of frame `ttlFrame` (ICMP shows it in Info) */
  ttl = -1;
  ttlFrame = -1;
}
const QUOTE = stateKey('inet.quote', () => new QuoteState());

export function inIcmpError(p: Packet): boolean {
  const s = p.session.get(QUOTE);
  return s.depth > 0 && s.frame === p.num;
}

/** Marks the start of a quoted datagram; pair with leaveIcmpError in a finally. */
export function enterIcmpError(p: Packet): void {
  const s = p.session.get(QUOTE);
  if (s.frame !== p.num) { s.frame = p.num; s.depth = 0; }
  s.depth++;
}

/** Records the TTL of the IPv4 header carrying the current payload (not for quoted headers). */
export function setIpTtl(p: Packet, ttl: number): void {
  const s = p.session.get(QUOTE);
  s.ttl = ttl;
  s.ttlFrame = p.num;
}

/** TTL recorded by setIpTtl for this frame, or -1. */
export function ipTtl(p: Packet): number {
  const s = p.session.get(QUOTE);
  return s.ttlFrame === p.num ? s.ttl : -1;
}

export function leaveIcmpError(p: Packet): void {
  const s = p.session.get(QUOTE);
  if (s.depth > 0) s.depth--;
}

/**
 * p.need, except inside an ICMP error quote where running out of bytes just ends the quote
 * (no Malformed/short marker: tshark catches that exception around the quote).
 */
export function needq(p: Packet, off: number, n: number, end: number, quoted: boolean): boolean {
  if (!quoted) return p.need(off, n, end);
  return off + n <= end && off + n <= p.capEnd;
}

/**
 * proto_tree_add_expert: an item of the expert's own field showing the message, with the expert
 * subtree under it. Returns the item.
 */
export function addExpertItem(p: Packet, parent: number, e: ExpertInfo, off: number, len: number, msg = e.summary): number {
  const it = p.tree.addItem(parent, e.fid, off, len);
  p.tree.setLabel(it, msg);
  p.addExpert(it, e, off, len, msg);
  return it;
}

interface ConvNode<T> {
  net: number; a4: number; b4: number; a6: string; b6: string; pa: number; pb: number;
  v: T;
  next: ConvNode<T> | undefined;
}

/**
 * A map keyed by a conversation: the current packet's network addresses (p.netType, p.src4/dst4
 * or p.src6/dst6) and the given ports, both directions alike — without building a key string per lookup: a 30-bit hash of the endpoints
 * into a Map of small chains. Per-packet lookups of TCP/UDP streams and of application
 * conversations allocate nothing.
 */
export class ConvMap<T> {
  private readonly m = new Map<number, ConvNode<T>>();
  size = 0;

  get(p: Packet, sport: number, dport: number): T | undefined {
    return this.size === 0 ? undefined : this.find(p, sport, dport, convHash(p, sport, dport), forward(p, sport, dport))?.v;
  }

  has(p: Packet, sport: number, dport: number): boolean {
    return this.get(p, sport, dport) !== undefined;
  }

  /** Sets (or replaces) the value of this packet's conversation. */
  set(p: Packet, sport: number, dport: number, v: T): void {
    const h = convHash(p, sport, dport);
    const fwd = forward(p, sport, dport);
    const n = this.size === 0 ? undefined : this.find(p, sport, dport, h, fwd);
    if (n) { n.v = v; return; }
    const six = p.netType === 6;
    this.m.set(h, {
      net: six ? 6 : 4,
      a4: fwd ? p.src4 : p.dst4, b4: fwd ? p.dst4 : p.src4,
      a6: six ? (fwd ? p.src6 : p.dst6) : '', b6: six ? (fwd ? p.dst6 : p.src6) : '',
      pa: fwd ? sport : dport, pb: fwd ? dport : sport,
      v, next: this.m.get(h),
    });
    this.size++;
  }

  /** Removes this packet's conversation; true when there was one. */
  delete(p: Packet, sport: number, dport: number): boolean {
    if (this.size === 0) return false;
    const h = convHash(p, sport, dport);
    const n = this.find(p, sport, dport, h, forward(p, sport, dport));
    if (n === undefined) return false;
    const head = this.m.get(h)!;
    if (head === n) {
      if (n.next === undefined) this.m.delete(h);
      else this.m.set(h, n.next);
    } else {
      let x = head;
      while (x.next !== n) x = x.next!;
      x.next = n.next;
    }
    this.size--;
    return true;
  }

  /** The node of hash `h` whose endpoints are this packet's (`fwd`: in the stored order). */
  private find(p: Packet, sport: number, dport: number, h: number, fwd: boolean): ConvNode<T> | undefined {
    let n = this.m.get(h);
    const pa = fwd ? sport : dport, pb = fwd ? dport : sport;
    if (p.netType === 6) {
      const a = fwd ? p.src6 : p.dst6, b = fwd ? p.dst6 : p.src6;
      for (; n; n = n.next) if (n.net === 6 && n.pa === pa && n.pb === pb && n.a6 === a && n.b6 === b) return n;
      return undefined;
    }
    const a = fwd ? p.src4 : p.dst4, b = fwd ? p.dst4 : p.src4;
    for (; n; n = n.next) if (n.net === 4 && n.pa === pa && n.pb === pb && n.a4 === a && n.b4 === b) return n;
    return undefined;
  }
}

/** The source endpoint is the conversation's first (lower address, then lower port). */
function forward(p: Packet, sport: number, dport: number): boolean {
  return p.netType === 6 ? p.src6 < p.dst6 || (p.src6 === p.dst6 && sport <= dport)
    : p.src4 < p.dst4 || (p.src4 === p.dst4 && sport <= dport);
}

/** Direction-independent 30-bit hash of a conversation's endpoints. */
function convHash(p: Packet, sport: number, dport: number): number {
  let ha: number, hb: number;
  if (p.netType === 6) {
    ha = strHash(p.src6);
    hb = strHash(p.dst6);
  } else {
    ha = p.src4 | 0;
    hb = p.dst4 | 0;
  }
  const x = mix(ha ^ Math.imul(sport, 0x9e3779b1));
  const y = mix(hb ^ Math.imul(dport, 0x9e3779b1));
  // symmetric: the same for both directions
  return ((x + y) ^ Math.imul(x ^ y, 0x85ebca6b)) & 0x3fffffff;
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Bytes no dissector claimed, as tshark's data dissector shows them: only what was captured
 * ("Data (30 bytes)" for a payload cut by the snap length), without a truncation marker unless
 * none of it was captured.
 */
export function showData(p: Packet, off: number, end: number, parent: number): number {
  const cend = Math.min(end, p.capEnd);
  if (cend > off) callData(p, off, cend, parent);
  else if (end > off) p.short(); // not one byte of it captured: that is still a truncated packet
  return end - off;
}

/**
 * Key of the current layer of the current frame for per-frame caches: the frame number and how many
 * layers precede it (stable between the first pass and a revisit, unlike buffer offsets).
 */
export function frameKey(p: Packet): number {
  return p.num * 64 + Math.min(p.nlayers, 63);
}

/**
 * A map from frameKey() to per-frame facts, laid out by frame number: the first key stored for a
 * frame sits in an array slot (a revisit of 700,000 frames reads them without hashing into a
 * 700,000-entry Map), further layers of the same frame (a tunnel, an ICMP quote) in a Map.
 */
export class FrameMap<T> {
  /** by frame number: the key stored in the slot, -1 for none */
  private readonly keys: number[] = [];
  private readonly vals: (T | undefined)[] = [];
  private readonly more = new Map<number, T>();

  get(key: number): T | undefined {
    const n = Math.floor(key / 64);
    if (this.keys[n] === key) return this.vals[n];
    return this.more.size === 0 ? undefined : this.more.get(key);
  }

  set(key: number, v: T): void {
    const n = Math.floor(key / 64);
    const keys = this.keys;
    // (the arrays stay packed: frames without an entry get an empty slot, never a hole)
    while (keys.length <= n) {
      keys.push(-1);
      this.vals.push(undefined);
    }
    const k = keys[n]!;
    if (k === -1 || k === key) {
      keys[n] = key;
      this.vals[n] = v;
    } else this.more.set(key, v);
  }
}

/** `len` clipped to the captured bytes from `off` (tshark clips protocol and text items so). */
export function capLen(p: Packet, off: number, len: number): number {
  return Math.max(0, Math.min(len, p.capEnd - off));
}

/** DSCP names of the DS field (IPv4 ip.dsfield, IPv6 ipv6.tclass), as tshark names them. */
export const DSCP_NAMES = vals({
  0: 'Default', 1: 'Lower Effort', 8: 'Class Selector 1', 10: 'Assured Forwarding 11', 12: 'Assured Forwarding 12',
  14: 'Assured Forwarding 13', 16: 'Class Selector 2', 18: 'Assured Forwarding 21', 20: 'Assured Forwarding 22',
  22: 'Assured Forwarding 23', 24: 'Class Selector 3', 26: 'Assured Forwarding 31', 28: 'Assured Forwarding 32',
  30: 'Assured Forwarding 33', 32: 'Class Selector 4', 34: 'Assured Forwarding 41', 36: 'Assured Forwarding 42',
  38: 'Assured Forwarding 43', 40: 'Class Selector 5', 44: 'Voice Admit', 46: 'Expedited Forwarding',
  48: 'Class Selector 6', 56: 'Class Selector 7',
});

/** ECN names of the DS field (IPv4 ip.dsfield, IPv6 ipv6.tclass), as tshark names them. */
export const ECN_NAMES = vals({
  0: 'Not ECN-Capable Transport', 1: "ECN-Capable Transport codepoint '01'", 2: "ECN-Capable Transport codepoint '10'",
  3: 'Congestion Experienced',
});

/**
 * Transport payload dispatch as tshark does it: the port table on the lower port, then the higher
 * one, then the heuristics, then data.
 */
export function dissectByPorts(ports: Table, heur: HeurList, p: Packet, sport: number, dport: number, off: number, end: number, parent: number): void {
  const lo = sport < dport ? sport : dport;
  const hi = sport < dport ? dport : sport;
  let n = ports.dissect(lo, p, off, end, parent);
  if (n > 0 || p.stopped) return;
  if (hi !== lo) {
    n = ports.dissect(hi, p, off, end, parent);
    if (n > 0 || p.stopped) return;
  }
  n = heur.dissect(p, off, end, parent);
  if (n > 0 || p.stopped) return;
  showData(p, off, end, parent);
}
