// A raw pre-dispatch walk for display filters: decide from a frame's bytes, before dissecting it at
// all, that it cannot match the filter.
//
// The dispatch gate (prune.ts) skips a dissector when nothing it can lead to adds a protocol every
// match needs; but it decides only at the moment of the call, after the layers below were dissected
// (items, columns, state). This walk follows the same dispatch the dissectors would take, over the
// raw bytes and the live tables (Decode As included), through the layers whose dispatch it knows
// exactly:
//
//   link type (wtap_encap table)      Ethernet, Linux SLL / SLL2, BSD null / loopback, raw IP
//     → ethertype (ethertype table)   802.1Q / 802.1ad tags (repeatable)
//     → IPv4 (not a fragment) / IPv6 (hop-by-hop, routing, destination options walked; no fragment)
//     → ip.proto (ip.proto table)     UDP: the two ports (udp.port table, low then high), the 'udp'
//                                     heuristics, data
//                                     ICMP echo request/reply, ICMPv6 echo and router/neighbour
//                                     solicitation/advertisement: messages that carry no packet
//                                     (their payload is data or options, never another protocol)
//
// At the first dissector it does not walk through (TCP, ARP, ICMP errors, a tunnel, an unknown one …) it
// asks the gate what that dissector (and every fallback the caller has: port tables, heuristics,
// data) can add. The frame is skipped when some requirement set is met neither by the layers walked
// (each walked dissector adds its own protocol: an over-approximation, since a truncated header may
// add less) nor by anything the remaining candidates can reach. Anything unusual — truncated
// headers, 802.3 length fields, IP fragments, a bad IP version, a zero IPv6 payload length (jumbo),
// PPP in a null header, pcapng custom blocks — is "no opinion": the frame is dissected as usual.
//
// The requirement sets and the reach of each dissector are the gate's (derived from the compiled
// filter and the registered tables), so this file knows no protocol beyond the few it walks, and
// when a walked dissector is replaced in a table (Decode As), the lookup simply returns another
// handle and the walk stops there.

import type { Dissector, Handle, Table } from './table.js';
import { tables, heurLists, findHandle } from './table.js';
import { fieldByName } from './field.js';
import type { DispatchGate } from './prune.js';

const enum K { ETH = 1, VLAN, QINQ, IP, IPV6, UDP, SLL, SLL2, NULL, LOOP, RAW, RAW4, RAW6, ICMP, ICMPV6 }

const ETH_HLEN = 14;
const ETH_TYPE = 12;
const TAG_HLEN = 4;
const TAG_TYPE = 2;
const MIN_ETHERTYPE = 0x0600;
const IP4_HLEN = 20;
const IP4_LEN = 2;
const IP4_FRAG = 6;
const IP4_PROTO = 9;
const IP4_FRAG_MASK = 0x3fff; // MF and the fragment offset
const IP6_HLEN = 40;
const IP6_PLEN = 4;
const IP6_NXT = 6;
const NH_HOPOPTS = 0;
const NH_ROUTING = 43;
const NH_FRAGMENT = 44;
const NH_NONE = 59;
const NH_DSTOPTS = 60;
const UDP_HLEN = 8;
const ICMP_ECHO_REPLY = 0;
const ICMP_ECHO_REQUEST = 8;
const ICMPV6_ECHO_REQUEST = 128;
const ICMPV6_ECHO_REPLY = 129;
const ICMPV6_ROUTER_SOLICITATION = 133;
const ICMPV6_NEIGHBOR_ADVERTISEMENT = 136;
const SLL_HLEN = 16;
const SLL_PROTO = 14;
const SLL2_HLEN = 20;
const SLL2_PROTO = 0;
const NULL_HLEN = 4;
const MAX_802_3_LEN = 1500;
const CUSTOM_BLOCK = 0xbad;
const CUSTOM_BLOCK_NOCOPY = 0x40000bad;
/** extension headers walked at most (a longer chain: no opinion) */
const MAX_EXT = 8;

/** The EtherType a BSD address family carries (as null.ts dispatches it). */
function familyEthertype(family: number): number {
  switch (family) {
    case 2: return 0x0800;
    case 24: case 28: case 30: return 0x86dd;
    case 23: return 0x8137;
    case 16: return 0x809b;
    default: return -1;
  }
}

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

function swap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}

export class PreWalk {
  private readonly kind = new Map<Dissector, K>();
  /** sets met by each walked kind's own protocol */
  private readonly met = new Int32Array(16);
  /** every set (what a dissector that adds no gated protocol, e.g. data, cannot meet) */
  private readonly all: number;
  /** sets none of the 'udp' heuristics can meet */
  private readonly udpHeur: number;
  private readonly ipH: Handle | undefined;
  private readonly ipv6H: Handle | undefined;
  /** sets ICMP / ICMPv6 cannot meet, for the messages not walked through */
  private readonly icmpBlind: number;
  private readonly icmpv6Blind: number;
  /**
   * What each key of the ethertype / ip.proto / udp.port table leads to, read from the table on
   * the key's first use (marked in etKnown / udpKnown; the tables are not changed during a run, as
   * for the gate): a walked kind as -K, else the sets the handle cannot meet (a missing handle:
   * data, which meets none). udpCode holds blind masks only. Nothing fills the 64 Ki-entry arrays:
   * only the pages of keys in use are ever touched.
   */
  private readonly etCode = new Int32Array(65536);
  private readonly etKnown = new Uint8Array(65536);
  private readonly ipCode = new Int32Array(256);
  private readonly udpCode = new Int32Array(65536);
  private readonly udpKnown = new Uint8Array(65536);
  /** the last frame's link type and its code (a capture has one or a few) */
  private lastLt = -1;
  private lastLtCode = 0;

  private constructor(
    private readonly gate: DispatchGate,
    private readonly linktype: Table,
    private readonly ethertype: Table,
    private readonly ipProto: Table,
    private readonly udpPort: Table | undefined,
    private readonly nullFamily: Table | undefined,
  ) {
    this.all = gate.setCount >= 31 ? 0x7fffffff : (1 << gate.setCount) - 1;
    let heur = this.all;
    const hl = heurLists.get('udp');
    if (hl !== undefined) for (const e of hl.entries) heur &= gate.blindMask(e.fn);
    this.udpHeur = heur;
    this.ipH = findHandle('ip');
    this.ipv6H = findHandle('ipv6');
    this.icmpBlind = this.blind(findHandle('icmp'));
    this.icmpv6Blind = this.blind(findHandle('icmpv6'));
    const walked: [string, K, string | undefined][] = [
      ['eth', K.ETH, 'eth'], ['vlan', K.VLAN, 'vlan'], ['ieee8021ad', K.QINQ, 'ieee8021ad'],
      ['ip', K.IP, 'ip'], ['ipv6', K.IPV6, 'ipv6'], ['udp', K.UDP, 'udp'],
      ['sll', K.SLL, undefined], ['sll2', K.SLL2, undefined], ['null', K.NULL, undefined], ['loop', K.LOOP, undefined],
      ['raw', K.RAW, undefined], ['raw_ip4', K.RAW4, undefined], ['raw_ip6', K.RAW6, undefined],
      ['icmp', K.ICMP, 'icmp'], ['icmpv6', K.ICMPV6, 'icmpv6'],
    ];
    for (const [name, k, proto] of walked) {
      const h = findHandle(name);
      if (h === undefined) continue;
      // UDP is walked only when its port table is there (else it is just asked like any other)
      if (k === K.UDP && udpPort === undefined) continue;
      if ((k === K.NULL || k === K.LOOP) && nullFamily === undefined) continue;
      this.kind.set(h.fn, k);
      if (proto !== undefined) {
        const f = fieldByName(proto);
        if (f !== undefined) this.met[k] = gate.metBy(f.id);
      }
    }
  }

  /** -K for a walked handle, else the sets it cannot meet. */
  private code(h: Handle | undefined): number {
    if (h === undefined) return this.all;
    const k = this.kind.get(h.fn);
    return k === undefined ? this.gate.blindMask(h.fn) : -k;
  }

  private fill(): void {
    for (let k = 0; k < 256; k++) this.ipCode[k] = this.code(this.ipProto.get(k));
  }

  private et(type: number): number {
    if (this.etKnown[type] !== 0) return this.etCode[type]!;
    this.etKnown[type] = 1;
    return (this.etCode[type] = this.code(this.ethertype.get(type)));
  }

  private udp(port: number): number {
    if (this.udpKnown[port] !== 0) return this.udpCode[port]!;
    this.udpKnown[port] = 1;
    return (this.udpCode[port] = this.blind(this.udpPort!.get(port)));
  }

  /** A walk for the gate's requirement sets, or undefined when the tables it needs are missing. */
  static build(gate: DispatchGate): PreWalk | undefined {
    const lt = tables.get('wtap_encap');
    const et = tables.get('ethertype');
    const ipp = tables.get('ip.proto');
    if (lt === undefined || et === undefined || ipp === undefined) return undefined;
    const w = new PreWalk(gate, lt, et, ipp, tables.get('udp.port'), tables.get('null.family'));
    w.fill();
    return w;
  }

  /** Sets `fn` (with the caller's fallback to data) cannot meet. */
  private blind(h: Handle | undefined): number {
    return h === undefined ? this.all : this.gate.blindMask(h.fn);
  }

  /**
   * True when the frame whose captured bytes are buf[off, off + caplen) provably cannot match:
   * it may then be skipped without dissecting it. False = no opinion.
   */
  skips(buf: Uint8Array, dv: DataView, off: number, caplen: number, linktype: number, blockType: number | undefined): boolean {
    if (blockType === CUSTOM_BLOCK || blockType === CUSTOM_BLOCK_NOCOPY) return false;
    const capEnd = off + caplen;
    let o = off;
    let met = 0;
    // c: the next dissector, as a code (see etCode)
    if (linktype !== this.lastLt) {
      this.lastLt = linktype;
      this.lastLtCode = this.code(this.linktype.get(linktype));
    }
    let c = this.lastLtCode;
    for (let depth = 0; depth < 16; depth++) {
      if (c >= 0) return (c & this.all & ~met) !== 0;
      const k = -c as K;
      met |= this.met[k]!;
      switch (k) {
        case K.ETH: {
          if (o + ETH_HLEN > capEnd) return false;
          const type = u16(buf, o + ETH_TYPE);
          if (type < MIN_ETHERTYPE) return false;
          o += ETH_HLEN;
          c = this.et(type);
          continue;
        }
        case K.VLAN:
        case K.QINQ: {
          if (o + TAG_HLEN > capEnd) return false;
          const type = u16(buf, o + TAG_TYPE);
          if (type <= MAX_802_3_LEN) return false;
          o += TAG_HLEN;
          c = this.et(type);
          continue;
        }
        case K.SLL:
        case K.SLL2: {
          const hl = k === K.SLL ? SLL_HLEN : SLL2_HLEN;
          if (o + hl > capEnd) return false;
          const type = u16(buf, o + (k === K.SLL ? SLL_PROTO : SLL2_PROTO));
          if (type <= MAX_802_3_LEN) return false;
          o += hl;
          c = this.et(type);
          continue;
        }
        case K.NULL:
        case K.LOOP: {
          if (o + NULL_HLEN > capEnd) return false;
          // PPP in HDLC-like framing has no family header
          if (k === K.NULL && buf[o] === 0xff && buf[o + 1] === 0x03) return false;
          let v = dv.getUint32(o);
          o += NULL_HLEN;
          if (k === K.NULL) {
            if ((v & 0xffff0000) !== 0) v = (v & 0xff000000) === 0 && (v & 0x00ff0000) < 0x00060000 ? v >>> 16 : swap32(v);
            if (v > MAX_802_3_LEN) {
              c = this.et(v & 0xffff);
              continue;
            }
          }
          c = this.code((v < 256 ? this.nullFamily!.get(v) : undefined) ?? this.ethertype.get(familyEthertype(v)));
          continue;
        }
        case K.RAW: {
          if (o + 1 > capEnd) return false;
          const ver = buf[o]! >> 4;
          c = this.code(ver === 4 ? this.ipH : ver === 6 ? this.ipv6H : undefined);
          continue;
        }
        case K.RAW4:
          c = this.code(this.ipH);
          continue;
        case K.RAW6:
          c = this.code(this.ipv6H);
          continue;
        case K.IP: {
          if (o + IP4_HLEN > capEnd) return false;
          const vhl = buf[o]!;
          const hlen = (vhl & 0x0f) * 4;
          if (vhl >> 4 !== 4 || hlen < IP4_HLEN || u16(buf, o + IP4_LEN) < hlen) return false;
          if ((u16(buf, o + IP4_FRAG) & IP4_FRAG_MASK) !== 0) return false;
          c = this.ipCode[buf[o + IP4_PROTO]!]!;
          o += hlen;
          continue;
        }
        case K.IPV6: {
          if (o + IP6_HLEN > capEnd) return false;
          if (buf[o]! >> 4 !== 6 || u16(buf, o + IP6_PLEN) === 0) return false;
          let nxt = buf[o + IP6_NXT]!;
          o += IP6_HLEN;
          for (let i = 0; nxt === NH_HOPOPTS || nxt === NH_ROUTING || nxt === NH_DSTOPTS; i++) {
            if (i === MAX_EXT || o + 2 > capEnd) return false;
            const n = buf[o]!;
            o += (buf[o + 1]! + 1) * 8;
            nxt = n;
          }
          if (nxt === NH_FRAGMENT) return false;
          c = nxt === NH_NONE ? this.all : this.ipCode[nxt]!;
          continue;
        }
        case K.UDP: {
          if (o + UDP_HLEN > capEnd) return false;
          // the lower port's dissector, the higher's, the heuristics, data
          c = this.udpHeur & this.udp(u16(buf, o)) & this.udp(u16(buf, o + 2));
          continue;
        }
        case K.ICMP: {
          // an echo's payload is data; other types (errors quote a packet) are asked of the gate
          if (o >= capEnd) return false;
          const type = buf[o]!;
          if (type !== ICMP_ECHO_REPLY && type !== ICMP_ECHO_REQUEST) return (this.icmpBlind & this.all & ~met) !== 0;
          c = this.all;
          continue;
        }
        case K.ICMPV6: {
          // echo data, router/neighbour discovery options: nothing below; errors and redirects
          // quote a packet
          if (o >= capEnd) return false;
          const type = buf[o]!;
          const plain = type === ICMPV6_ECHO_REQUEST || type === ICMPV6_ECHO_REPLY ||
            (type >= ICMPV6_ROUTER_SOLICITATION && type <= ICMPV6_NEIGHBOR_ADVERTISEMENT);
          if (!plain) return (this.icmpv6Blind & this.all & ~met) !== 0;
          c = this.all;
          continue;
        }
      }
      return false;
    }
    return false;
  }
}
