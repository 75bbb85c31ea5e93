// arp: Address Resolution Protocol (RFC 826), RARP (RFC 903), DRARP, Inverse ARP (RFC 2390).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |         Hardware Type         |         Protocol Type         |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  HW Addr Len  | Proto Addr Len|            Opcode             |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | Sender hardware address (hln bytes) … Sender protocol address  |
// | (pln bytes) … Target hardware address … Target protocol address |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// ATM ARP (RFC 2225, hardware type 19) has its own layout; tshark's ARP dissector hands it to its
// `atmarp` protocol, and so does this file (see dissectAtmArp):
// | Hardware Type (2) | Protocol Type (2) | Sender ATM number type/length (1) | … subaddress (1) |
// | Opcode (2) | Sender protocol length (1) | Target ATM number type/length (1) | … subaddress (1) |
// | Target protocol length (1) | sender number, subaddress, protocol address, target … (lengths above) |
//
// Addresses are shown as MAC / IPv4 fields when the hardware type is Ethernet-like with 6-byte
// addresses and the protocol is IPv4 with 4-byte addresses; otherwise as bytes (and as hex in Info,
// cut at 36 bytes with "…" like tshark). Like tshark, an IP address seen with two different MACs is
// reported ("Duplicate IP address detected for …") from per-capture state cached per frame.

import { FT, Base, continueProtocol, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatIPv4, formatMac, hexBytes } from '../core/format.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { ROOT } from '../core/tree.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { latin1 } from '../capture/utf8.js';

const HRD = 0;
const PRO = 2;
const HLN = 4;
const PLN = 5;
const OP = 6;
const HEADER_LEN = OP + 2;

const ATM_SHTL = 4;
const ATM_SSTL = 5;
const ATM_OP = 6;
const ATM_SPLN = 8;
const ATM_THTL = 9;
const ATM_TSTL = 10;
const ATM_TPLN = 11;
const ATM_HEADER_LEN = ATM_TPLN + 1;
/** type/length octets: bit 0x40 = E.164 (else ATM Forum NSAPA), low 6 bits = length */
const ATM_TYPE_E164 = 0x40;
const ATM_LEN_MASK = 0x3f;

const ARPHRD_ETHER = 1;
const ARPHRD_ATM2225 = 19;
const ARPHRD_EETHER = 2;
const ARPHRD_IEEE802 = 6;
const ETHERTYPE_IP = 0x0800;
const AX25_P_IP = 0xcc;

const OP_REQUEST = 1;
const OP_REPLY = 2;
const OP_RREQUEST = 3;
const OP_RREPLY = 4;
const OP_DRARP_REQUEST = 5;
const OP_DRARP_REPLY = 6;
const OP_DRARP_ERROR = 7;
const OP_IREQUEST = 8;
const OP_IREPLY = 9;
const OP_ATMARP_NAK = 10;

export const proto_arp = registerProtocol('arp', 'Address Resolution Protocol', 'ARP/RARP');
export const proto_atmarp = registerProtocol('atmarp', 'ATM Address Resolution Protocol', 'ATMARP');
// (ATMARP has no fields of its own: those below are ARP's, as in tshark's glossary)
continueProtocol(proto_arp);

const OPCODE_NAMES = vals({
  1: 'request', 2: 'reply', 3: 'reverse request', 4: 'reverse reply', 5: 'drarp request', 6: 'drarp reply',
  7: 'drarp error', 8: 'inverse request', 9: 'inverse reply', 10: 'arp nak', 11: 'mars request', 12: 'mars multi',
  13: 'mars mserv', 14: 'mars join', 15: 'mars leave', 16: 'mars nak', 17: 'mars unserv', 18: 'mars sjoin',
  19: 'mars sleave', 20: 'mars grouplist request', 21: 'mars grouplist reply', 22: 'mars redirect map',
  23: 'mapos unarp', 24: 'experimental 1', 25: 'experimental 2', 0: 'reserved', 65535: 'reserved',
});

/** The opcodes an ATMARP item's label names (others: "opcode 0x0003"). */
const ATMARP_OP_LABELS = vals({ 0: 'reserved', 1: 'request', 2: 'reply', 8: 'inverse request', 9: 'inverse reply', 10: 'nak' });

export const HW_NAMES = vals({
  0: 'NET/ROM pseudo', 1: 'Ethernet', 2: 'Experimental Ethernet', 3: 'AX.25', 4: 'ProNET', 5: 'Chaos', 6: 'IEEE 802',
  7: 'ARCNET', 8: 'Hyperchannel', 9: 'Lanstar', 10: 'Autonet Short Address', 11: 'Localtalk', 12: 'LocalNet',
  13: 'Ultra link', 14: 'SMDS', 15: 'Frame Relay DLCI', 16: 'ATM', 17: 'HDLC', 18: 'Fibre Channel',
  19: 'ATM (RFC 2225)', 20: 'Serial Line', 21: 'ATM', 22: 'MIL-STD-188-220', 23: 'Metricom STRIP',
  24: 'IEEE 1394.1995', 25: 'MAPOS', 26: 'Twinaxial', 27: 'EUI-64', 28: 'HIPARP', 29: 'IP and ARP over ISO 7816-3',
  30: 'ARPSec', 31: 'IPsec tunnel', 32: 'InfiniBand', 33: 'TIA-102 Project 25 CAI', 34: 'Wiegand Interface',
  35: 'Pure IP', 36: 'Experimental 1', 37: 'HFI', 256: 'Experimental 2', 257: 'AEthernet', 260: 'Notional KISS type',
  264: 'ADAPT', 270: 'ROSE', 271: 'CCITT X.25', 272: 'Boards with X.25 in firmware', 280: 'Controller Area Network',
  512: 'PPP', 513: 'Cisco HDLC', 516: 'LAPB', 517: "Digital's DDCMP protocol", 518: 'Raw HDLC', 519: 'Raw IP',
  768: 'IPIP tunnel', 769: 'IP6IP6 tunnel', 770: 'Frame Relay Access Device', 771: 'SKIP vif', 772: 'Loopback',
  774: 'Fiber Distributed Data Interface', 775: 'AP1000 BIF', 776: 'sit0 device - IPv6-in-IPv4',
  777: 'IP over DDP tunneller', 778: 'GRE over IP', 779: 'PIMSM register interface',
  780: 'High Performance Parallel Interface', 781: 'Nexus 64Mbps Ash', 782: 'Acorn Econet', 783: 'Linux-IrDA',
  784: 'Point to point fibrechannel', 785: 'Fibrechannel arbitrated loop', 786: 'Fibrechannel public loop',
  787: 'Fibrechannel fabric', 800: 'Magic type ident for TR', 801: 'IEEE 802.11', 802: 'IEEE 802.11 + Prism2 header',
  803: 'IEEE 802.11 + radiotap header', 804: 'IEEE 802.15.4', 805: 'IEEE 802.15.4 network monitor',
  820: 'PhoNet media type', 821: 'PhoNet pipe header', 822: 'CAIF media type', 823: 'GRE over IPv6', 824: 'Netlink',
  825: 'IPv6 over LoWPAN', 826: 'Vsock monitor header', 65535: 'Void type, nothing is known',
  65534: 'zero header length',
});

const ATM_TYPE_TFS = ['E.164', 'ATM Forum NSAPA'] as const;

const hf = {
  hw_type: f('arp.hw.type', 'Hardware type', FT.UINT16, { vals: HW_NAMES }),
  proto_type: f('arp.proto.type', 'Protocol type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  hw_size: f('arp.hw.size', 'Hardware size', FT.UINT8),
  proto_size: f('arp.proto.size', 'Protocol size', FT.UINT8),
  opcode: f('arp.opcode', 'Opcode', FT.UINT16, { vals: OPCODE_NAMES }),
  isgratuitous: f('arp.isgratuitous', 'Is gratuitous', FT.BOOLEAN),
  isprobe: f('arp.isprobe', 'Is probe', FT.BOOLEAN),
  isannouncement: f('arp.isannouncement', 'Is announcement', FT.BOOLEAN),
  src_hw: f('arp.src.hw', 'Sender hardware address', FT.BYTES),
  src_hw_mac: f('arp.src.hw_mac', 'Sender MAC address', FT.ETHER),
  src_proto: f('arp.src.proto', 'Sender protocol address', FT.BYTES),
  src_proto_ipv4: f('arp.src.proto_ipv4', 'Sender IP address', FT.IPv4),
  dst_hw: f('arp.dst.hw', 'Target hardware address', FT.BYTES),
  dst_hw_mac: f('arp.dst.hw_mac', 'Target MAC address', FT.ETHER),
  dst_proto: f('arp.dst.proto', 'Target protocol address', FT.BYTES),
  dst_proto_ipv4: f('arp.dst.proto_ipv4', 'Target IP address', FT.IPv4),
  src_htype: f('arp.src.htype', 'Sender ATM number type', FT.BOOLEAN, { mask: ATM_TYPE_E164, boolBits: 8, tfs: ATM_TYPE_TFS }),
  src_hlen: f('arp.src.hlen', 'Sender ATM number length', FT.UINT8, { mask: ATM_LEN_MASK }),
  src_stype: f('arp.src.stype', 'Sender ATM subaddress type', FT.BOOLEAN, { mask: ATM_TYPE_E164, boolBits: 8, tfs: ATM_TYPE_TFS }),
  src_slen: f('arp.src.slen', 'Sender ATM subaddress length', FT.UINT8, { mask: ATM_LEN_MASK }),
  src_pln: f('arp.src.pln', 'Sender protocol size', FT.UINT8),
  dst_htype: f('arp.dst.htype', 'Target ATM number type', FT.BOOLEAN, { mask: ATM_TYPE_E164, boolBits: 8, tfs: ATM_TYPE_TFS }),
  dst_hlen: f('arp.dst.hlen', 'Target ATM number length', FT.UINT8, { mask: ATM_LEN_MASK }),
  dst_stype: f('arp.dst.stype', 'Target ATM subaddress type', FT.BOOLEAN, { mask: ATM_TYPE_E164, boolBits: 8, tfs: ATM_TYPE_TFS }),
  dst_slen: f('arp.dst.slen', 'Target ATM subaddress length', FT.UINT8, { mask: ATM_LEN_MASK }),
  dst_pln: f('arp.dst.pln', 'Target protocol size', FT.UINT8),
  src_atm_e164: f('arp.src.atm_num_e164', 'Sender ATM number (E.164)', FT.STRING),
  src_atm_nsap: f('arp.src.atm_num_nsap', 'Sender ATM number (NSAP)', FT.BYTES),
  src_atm_sub: f('arp.src.atm_subaddr', 'Sender ATM subaddress', FT.BYTES),
  dst_atm_e164: f('arp.dst.atm_num_e164', 'Target ATM number (E.164)', FT.STRING),
  dst_atm_nsap: f('arp.dst.atm_num_nsap', 'Target ATM number (NSAP)', FT.BYTES),
  dst_atm_sub: f('arp.dst.atm_subaddr', 'Target ATM subaddress', FT.BYTES),
  dup_frame: f('arp.duplicate-address-frame', 'Frame showing earlier use of IP address', FT.FRAMENUM),
  dup_seconds: f('arp.seconds-since-duplicate-address-frame', 'Seconds since earlier frame seen', FT.UINT32),
};
const ei_dup = expertInfo('arp.duplicate-address-detected', Group.SEQUENCE, Severity.WARN, 'Duplicate IP address configured');

/** What was learnt about one IPv4 address: the MAC it was last seen with, in which frame. */
/** A MAC is kept as its 48-bit value (exact in a double): no string per packet. */
interface AddrUse { mac: number; frame: number; sec: number; }
/** A duplicate found for a frame (cached so a second pass shows the same). */
interface DupFound { ip: number; mac: number; other: AddrUse; }

class ArpState {
  readonly byIp = new Map<number, AddrUse>();
  readonly dups = new Map<number, DupFound | null>();
}
const ARP_STATE = stateKey('arp', () => new ArpState());

function isEtherHw(hrd: number, hln: number): boolean {
  return (hrd === ARPHRD_ETHER || hrd === ARPHRD_EETHER || hrd === ARPHRD_IEEE802) && hln === 6;
}

function isIPv4Proto(pro: number, pln: number): boolean {
  return (pro === ETHERTYPE_IP || pro === AX25_P_IP) && pln === 4;
}

/** Info text of an address: MAC, dotted quad, or hex cut at 36 bytes with "…". */
function addrText(b: Uint8Array, off: number, len: number, kind: 'mac' | 'ip' | 'hex'): string {
  if (kind === 'mac') return formatMac(b, off);
  if (kind === 'ip') return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
  if (len > 36) return hexBytes(b.subarray(off, off + 36)) + '…';
  return hexBytes(b.subarray(off, off + len));
}

function mac48(b: Uint8Array, o: number): number {
  return (((b[o]! << 8) | b[o + 1]!) * 0x100000000) + ((b[o + 2]! << 24 | b[o + 3]! << 16 | b[o + 4]! << 8 | b[o + 5]!) >>> 0);
}

function macText(v: number): string {
  const a = new Uint8Array(6);
  for (let i = 5; i >= 0; i--) { a[i] = v % 256; v = Math.floor(v / 256); }
  return formatMac(a, 0);
}

/**
 * Records (ip, mac) seen in frame `num`; returns the earlier use when the address was seen with
 * another MAC (the table keeps the first MAC: later conflicting uses do not replace it).
 */
function checkAddr(st: ArpState, p: Packet, ip: number, mac: number): AddrUse | undefined {
  if (ip === 0) return undefined;
  const u = st.byIp.get(ip);
  if (u === undefined) {
    st.byIp.set(ip, { mac, frame: p.num, sec: p.tsSec });
    return undefined;
  }
  if (u.mac === mac) {
    u.frame = p.num;
    u.sec = p.tsSec;
    return undefined;
  }
  return u;
}

function dissectArp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'ARP';
  if (p.cols) p.setInfo('');
  if (off + 2 <= Math.min(end, p.capEnd) && p.dv.getUint16(off + HRD) === ARPHRD_ATM2225) return dissectAtmArp(p, off, end, parent);
  p.curProto = 'ARP/RARP';
  const top = p.addProto(parent, proto_arp, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Fixed header checked: read without further checks.
  const dv = p.dv;
  const b = p.buf;
  const hrd = dv.getUint16(off + HRD);
  const pro = dv.getUint16(off + PRO);
  const hln = b[off + HLN]!;
  const pln = b[off + PLN]!;
  const op = dv.getUint16(off + OP);
  const totLen = HEADER_LEN + 2 * hln + 2 * pln;
  t.setEnd(top, Math.min(off + totLen, end));
  t.addNum(top, hf.hw_type, off + HRD, 2, hrd);
  t.addNum(top, hf.proto_type, off + PRO, 2, pro);
  t.addNum(top, hf.hw_size, off + HLN, 1, hln);
  t.addNum(top, hf.proto_size, off + PLN, 1, pln);
  t.addNum(top, hf.opcode, off + OP, 2, op);

  switch (op) {
    case OP_RREQUEST: case OP_RREPLY: p.proto = 'RARP'; break;
    case OP_DRARP_REQUEST: case OP_DRARP_REPLY: case OP_DRARP_ERROR: p.proto = 'DRARP'; break;
    case OP_IREQUEST: case OP_IREPLY: p.proto = 'Inverse ARP'; break;
  }
  if (!p.need(off, totLen, end)) return end - off;
  // Whole packet checked: addresses are readable.
  const sha = off + HEADER_LEN;
  const spa = sha + hln;
  const tha = spa + pln;
  const tpa = tha + hln;
  const ether = isEtherHw(hrd, hln);
  const ipv4 = isIPv4Proto(pro, pln);
  const hwKind = ether ? 'mac' : 'hex';
  const prKind = ipv4 ? 'ip' : 'hex';

  // RFC 5227 forms of requests and gratuitous replies (any IPv4 ARP).
  let gratuitous = false, probe = false, announcement = false;
  if (ipv4) {
    const sip = dv.getUint32(spa);
    const tip = dv.getUint32(tpa);
    let thaZero = true;
    for (let i = tha; i < tpa; i++) if (b[i] !== 0) { thaZero = false; break; }
    if (op === OP_REQUEST) {
      if (sip === 0 && thaZero) probe = true;
      else if (sip === tip) { gratuitous = true; announcement = thaZero; }
    } else if (op === OP_REPLY) gratuitous = sip === tip;
  }

  if (top >= 0 && t.full) {
    const opName = OPCODE_NAMES.get(op);
    let sfx: string;
    if (announcement) sfx = 'ARP Announcement';
    else if (probe) sfx = 'ARP Probe';
    else if (gratuitous) sfx = `${opName}/gratuitous ARP`;
    else sfx = opName ?? `opcode 0x${op.toString(16).padStart(4, '0')}`;
    t.appendLabel(top, ` (${sfx})`);
  }
  if (gratuitous) t.generated(t.addNum(top, hf.isgratuitous, off, 0, 1));
  if (probe) t.generated(t.addNum(top, hf.isprobe, off, 0, 1));
  if (announcement) t.generated(t.addNum(top, hf.isannouncement, off, 0, 1));

  if (hln > 0) {
    if (ether) t.addBytes(top, hf.src_hw_mac, sha, hln);
    else t.addBytes(top, hf.src_hw, sha, hln);
  }
  if (pln > 0) {
    if (ipv4) t.addNum(top, hf.src_proto_ipv4, spa, pln, dv.getUint32(spa));
    else t.addBytes(top, hf.src_proto, spa, pln);
  }
  if (hln > 0) {
    if (ether) t.addBytes(top, hf.dst_hw_mac, tha, hln);
    else t.addBytes(top, hf.dst_hw, tha, hln);
  }
  if (pln > 0) {
    if (ipv4) t.addNum(top, hf.dst_proto_ipv4, tpa, pln, dv.getUint32(tpa));
    else t.addBytes(top, hf.dst_proto, tpa, pln);
  }

  // Duplicate address detection on the first pass; later passes read the cached result.
  let dup: DupFound | null = null;
  if (ether && ipv4 && (op === OP_REQUEST || op === OP_REPLY)) {
    const st = p.session.get(ARP_STATE);
    if (p.session.visited && st.dups.has(p.num)) dup = st.dups.get(p.num)!;
    else {
      // group (multicast) MACs are not station addresses: tshark learns nothing from them
      const smac = mac48(b, sha);
      const sip = dv.getUint32(spa);
      let other = (b[sha]! & 1) === 0 ? checkAddr(st, p, sip, smac) : undefined;
      if (other) dup = { ip: sip, mac: smac, other: { ...other } };
      // a reply also vouches for its target (not a gratuitous one, whose target is itself)
      if (op === OP_REPLY && !gratuitous && (b[tha]! & 1) === 0) {
        const tmac = mac48(b, tha);
        const tip = dv.getUint32(tpa);
        other = checkAddr(st, p, tip, tmac);
        if (other && !dup) dup = { ip: tip, mac: tmac, other: { ...other } };
      }
      st.dups.set(p.num, dup);
    }
  }

  if (p.cols) {
    let info: string;
    const sh = (): string => addrText(b, sha, hln, hwKind);
    const sp = (): string => addrText(b, spa, pln, prKind);
    const th = (): string => addrText(b, tha, hln, hwKind);
    const tp = (): string => addrText(b, tpa, pln, prKind);
    switch (op) {
      case OP_REQUEST:
        info = announcement ? `ARP Announcement for ${sp()}` : probe ? `Who has ${tp()}? (ARP Probe)`
          : gratuitous ? `Gratuitous ARP for ${sp()} (Request)` : `Who has ${tp()}? Tell ${sp()}`;
        break;
      case OP_REPLY:
        info = gratuitous ? `Gratuitous ARP for ${sp()} (Reply)` : `${sp()} is at ${sh()}`;
        break;
      case OP_RREQUEST: case OP_IREQUEST: case OP_DRARP_REQUEST:
        info = `Who is ${th()}? Tell ${sh()}`;
        break;
      case OP_RREPLY: case OP_DRARP_REPLY:
        info = `${th()} is at ${tp()}`;
        break;
      case OP_DRARP_ERROR:
        info = 'DRARP Error';
        break;
      case OP_IREPLY:
        info = `${sh()} is at ${sp()}`;
        break;
      case 0:
        info = 'Reserved opcode 0';
        break;
      default:
        info = `Unknown ARP opcode 0x${op.toString(16).padStart(4, '0')}`;
    }
    if (dup) info += ` (duplicate use of ${formatIPv4(dup.ip)} detected!)`;
    p.setInfo(info);
  }

  if (dup) {
    const ipText = formatIPv4(dup.ip);
    // a generated text item at the top level (not a second arp layer)
    const di = t.wants(hf.dup_frame) || t.wants(hf.dup_seconds) || t.full
      ? t.generated(t.addText(ROOT, off, 0, `Duplicate IP address detected for ${ipText} (${macText(dup.mac)}) - also in use by ${macText(dup.other.mac)} (frame ${dup.other.frame})`))
      : -1;
    const fi = t.generated(t.addNum(di, hf.dup_frame, off, 0, dup.other.frame));
    p.addExpert(fi, ei_dup, off, 0, `Duplicate IP address configured (${ipText})`);
    t.generated(t.addNum(di, hf.dup_seconds, off, 0, p.tsSec - dup.other.sec));
  }
  return totLen;
}

/** One type/length octet: a text item "… type/length: ATM Forum NSAPA/20" over its two fields. */
function addTypeLen(p: Packet, top: number, o: number, what: string, hfType: number, hfLen: number): void {
  const t = p.tree;
  const v = p.buf[o]!;
  const it = t.addText(top, o, 1, `${what} type/length: ${ATM_TYPE_TFS[v & ATM_TYPE_E164 ? 0 : 1]}/${v & ATM_LEN_MASK}`);
  t.addNum(it, hfType, o, 1, v);
  t.addNum(it, hfLen, o, 1, v);
}

/** An ATM number: E.164 digits as text, an NSAP address as bytes (its parts are not decoded). */
function addAtmNumber(p: Packet, top: number, o: number, len: number, e164: boolean, hfE164: number, hfNsap: number): void {
  if (len === 0) return;
  if (e164) p.tree.addStr(top, hfE164, o, len, latin1(p.buf, o, o + len));
  else p.tree.addBytes(top, hfNsap, o, len);
}

/**
 * ATM ARP (RFC 2225). Like tshark, every address is fetched before anything is shown: a packet
 * whose lengths run past its end has no ATMARP item, only "[Malformed Packet: ATMARP]" (Protocol
 * stays ARP; tcpdump/arp-oobr.pcap #1166). ARP's layer is recorded without an item of its own.
 */
function dissectAtmArp(p: Packet, off: number, end: number, parent: number): number {
  p.addLayer(proto_arp);
  p.addLayer(proto_atmarp);
  p.curProto = 'ATMARP';
  if (!p.need(off, ATM_HEADER_LEN, end)) return end - off;
  // Fixed header checked: read without further checks.
  const t = p.tree;
  const dv = p.dv;
  const b = p.buf;
  const shtl = b[off + ATM_SHTL]!, sstl = b[off + ATM_SSTL]!, thtl = b[off + ATM_THTL]!, tstl = b[off + ATM_TSTL]!;
  const spln = b[off + ATM_SPLN]!, tpln = b[off + ATM_TPLN]!;
  const sha = off + ATM_HEADER_LEN;
  const ssa = sha + (shtl & ATM_LEN_MASK);
  const spa = ssa + (sstl & ATM_LEN_MASK);
  const tha = spa + spln;
  const tsa = tha + (thtl & ATM_LEN_MASK);
  const tpa = tsa + (tstl & ATM_LEN_MASK);
  const totEnd = tpa + tpln;
  if (!p.need(off, totEnd - off, end)) return end - off;
  // Whole packet checked: addresses are readable.
  const pro = dv.getUint16(off + PRO);
  const op = dv.getUint16(off + ATM_OP);
  const ipv4 = isIPv4Proto(pro, spln) && tpln === 4;
  p.proto = 'ATMARP';
  const top = t.addItem(parent, proto_atmarp, off, totEnd - off);
  if (top >= 0 && t.full) t.appendLabel(top, ` (${ATMARP_OP_LABELS.get(op) ?? `opcode 0x${op.toString(16).padStart(4, '0')}`})`);
  t.addNum(top, hf.hw_type, off + HRD, 2, ARPHRD_ATM2225);
  t.addNum(top, hf.proto_type, off + PRO, 2, pro);
  addTypeLen(p, top, off + ATM_SHTL, 'Sender ATM number', hf.src_htype, hf.src_hlen);
  addTypeLen(p, top, off + ATM_SSTL, 'Sender ATM subaddress', hf.src_stype, hf.src_slen);
  t.addNum(top, hf.opcode, off + ATM_OP, 2, op);
  t.addNum(top, hf.src_pln, off + ATM_SPLN, 1, spln);
  addTypeLen(p, top, off + ATM_THTL, 'Target ATM number', hf.dst_htype, hf.dst_hlen);
  addTypeLen(p, top, off + ATM_TSTL, 'Target ATM subaddress', hf.dst_stype, hf.dst_slen);
  t.addNum(top, hf.dst_pln, off + ATM_TPLN, 1, tpln);
  addAtmNumber(p, top, sha, ssa - sha, (shtl & ATM_TYPE_E164) !== 0, hf.src_atm_e164, hf.src_atm_nsap);
  if (spa > ssa) t.addBytes(top, hf.src_atm_sub, ssa, spa - ssa);
  if (spln > 0) {
    if (ipv4) t.addNum(top, hf.src_proto_ipv4, spa, 4, dv.getUint32(spa));
    else t.addBytes(top, hf.src_proto, spa, spln);
  }
  addAtmNumber(p, top, tha, tsa - tha, (thtl & ATM_TYPE_E164) !== 0, hf.dst_atm_e164, hf.dst_atm_nsap);
  if (tpa > tsa) t.addBytes(top, hf.dst_atm_sub, tsa, tpa - tsa);
  if (tpln > 0) {
    if (ipv4) t.addNum(top, hf.dst_proto_ipv4, tpa, 4, dv.getUint32(tpa));
    else t.addBytes(top, hf.dst_proto, tpa, tpln);
  }
  if (op === OP_RREQUEST || op === OP_RREPLY) p.proto = 'ATMRARP';
  else if (op === OP_IREQUEST || op === OP_IREPLY) p.proto = 'Inverse ATMARP';
  if (p.cols) {
    const prKind = ipv4 ? 'ip' : 'hex';
    const sp = (): string => addrText(b, spa, spln, prKind);
    const sh = (): string => atmAddrText(b, sha, ssa, spa, (shtl & ATM_TYPE_E164) !== 0);
    switch (op) {
      case OP_REQUEST: p.setInfo(`Who has ${addrText(b, tpa, tpln, prKind)}? Tell ${sp()}`); break;
      case OP_REPLY: p.setInfo(`${sp()} is at ${sh()}`); break;
      case OP_IREQUEST: p.setInfo(`Who is ${atmAddrText(b, tha, tsa, tpa, (thtl & ATM_TYPE_E164) !== 0)}? Tell ${sh()}`); break;
      case OP_IREPLY: p.setInfo(`${sh()} is at ${sp()}`); break;
      case OP_ATMARP_NAK: p.setInfo(`I don't know where ${sp()} is`); break;
      case 0: p.setInfo('Reserved opcode 0'); break;
      default: p.setInfo(`Unknown ATMARP opcode 0x${op.toString(16).padStart(4, '0')}`);
    }
  }
  return totEnd - off;
}

/** Info text of an ATM address: the number (E.164 digits or NSAP hex), ",subaddress" (hex) when there is one. */
function atmAddrText(b: Uint8Array, num: number, sub: number, end: number, e164: boolean): string {
  if (sub === num) return '<No address>';
  const n = e164 ? latin1(b, num, sub) : addrText(b, num, sub - num, 'hex');
  return end > sub ? `${n},${addrText(b, sub, end - sub, 'hex')}` : n;
}

export const arpHandle = registerHandle('arp', dissectArp);
ethertypeTable.add(0x0806, arpHandle);
ethertypeTable.add(0x8035, arpHandle);
