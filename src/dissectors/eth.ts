// eth: Ethernet II and IEEE 802.3 (length + LLC), with tshark's padding / trailer / FCS heuristics.
//
//  0                   1                   2                   3
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                    Destination MAC (6 bytes)                  |
//  +                               +-------------------------------+
//  |                               |                               |
//  +-------------------------------+                               +
//  |                      Source MAC (6 bytes)                     |
//  +-------------------------------+-------------------------------+
//  |     EtherType / Length        |  Payload …                    |
//  +-------------------------------+-------------------------------+
//  |  … padding to 60 bytes, trailer, FCS (4 bytes, maybe)         |
//  +-------------------------------+-------------------------------+
//
// Type ≥ 0x0600 is an EtherType (Ethernet II); 1–1500 is the 802.3 length of an LLC payload;
// 1501–1535 is invalid; 0 is Ethernet II type 0 for tshark (an unknown EtherType: data). What the
// payload protocol leaves at the end of the frame is split as tshark does (learned from its output
// on crafted frames):
//  - padding: when the frame is ≥ 60 bytes and the payload ends before byte 60, the bytes up to 60
//    are "Padding" if they are all zero; otherwise everything is "Trailer" with a Note;
//  - FCS (Ethernet at the link layer only): when the frame is ≥ 64 bytes and ≥ 4 bytes remain after
//    the padding, the last 4 are the "Frame check sequence" (unverified);
//  - the rest is "Trailer". Bytes not captured are not shown; a zero padding or an FCS that runs past
//    the captured bytes marks the packet "[Packet size limited during capture]".
// VLAN, SLL and tunnelled Ethernet use the same split without the FCS (their own trailer field).

import { FT, Base, f, fields, registerProtocol, vals, type TrueFalse } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { expertInfo, Group, Severity, hf_short } from '../core/expert.js';
import { ROOT, wantTest } from '../core/tree.js';
import { dissectEthertype, ethertypeTable, proto_ethertype } from './ethertype.js';
import { linktypeTable } from './frame.js';
import { callData, proto_data } from './data.js';
import { brokenF5Trailer, dissectF5Trailer } from './f5ethtrailer.js';

const DST = 0;
const SRC = 6;
const TYPE = 12;
const HEADER_LEN = TYPE + 2;
/** EtherType of tshark's 'wreth' dissector (see dispatchEthertype) */
const ETHERTYPE_WRETH = 0xaaaa;
/** 802.3 maximum length field; 0x0600 and up are EtherTypes */
const MAX_802_3_LEN = 1500;
const MIN_ETHERTYPE = 0x0600;
/** minimum Ethernet frame without FCS, and with it */
const MIN_FRAME = 60;
const MIN_FRAME_FCS = 64;
const FCS_LEN = 4;

export const proto_eth = registerProtocol('eth', 'Ethernet', 'Ethernet');

/** EtherType names as tshark shows them in `Type: IPv4 (0x0800)` (`tshark -G values`, the etype table). */
export const ETHERTYPE_NAMES = vals({
  0x800: 'IPv4', 0x86dd: 'IPv6', 0x8100: '802.1Q Virtual LAN', 0x8102: 'Simple Loop Protection Protocol',
  0x8103: 'Virtual LACP', 0x8104: 'Simple Loop Protection Protocol (old)', 0x806: 'ARP',
  0x872d: 'Cisco Wireless Lan Context Control Protocol', 0x8783: 'Motorola Media Independent Network Transport',
  0x2452: 'IEEE 802.11 (Centrino promiscuous)', 0x600: 'XNS Internet Datagram Protocol', 0x805: 'X.25 Layer 3',
  0x842: 'Wake on LAN', 0x8f0: 'WiMax Mac-to-Mac', 0x3e3f: 'EPL_V1', 0x8035: 'RARP', 0x8038: 'DEC LanBridge',
  0x809b: 'AppleTalk LLAP bridging', 0x80d5: 'SNA-over-Ethernet', 0x80e1: 'EtherNet/IP Device Level Ring',
  0x80f3: 'AARP', 0x8137: 'Netware IPX/SPX', 0xbad: 'Vines IP', 0xbaf: 'Vines Echo', 0x1984: 'Netmon Train',
  0x9000: 'Loopback', 0x885a: 'Foundry proprietary', 0x80ff: 'Wellfleet Compression Protocol',
  0x8181: 'Spanning Tree Protocol', 0x81fd: 'Cabletron Interswitch Message Protocol',
  0x81ff: 'Cabletron SFVLAN 1.8 Tag-Based Flood', 0x8204: 'QNX 6 QNET protocol', 0x8863: 'PPPoE Discovery',
  0x8864: 'PPPoE Session', 0x886c: 'HomePNA, wlan link local tunnel', 0x886d: 'Intel ANS probe',
  0x886f: 'MS NLB heartbeat', 0x8870: 'Jumbo LLC', 0x8874: 'Broadcom tag', 0x887b: 'Homeplug', 0x88e1: 'Homeplug AV',
  0x88e3: 'MRP', 0x88a8: '802.1ad Provider Bridge (Q-in-Q)', 0x88e5: '802.1AE (MACsec)',
  0x893a: '1905.1a Convergent Digital Home Network for Heterogenous Technologies',
  0x88e7: '802.1ah Provider Backbone Bridge (mac-in-mac)', 0x893f: '802.1br Bridge Port Extension E-Tag',
  0x888e: '802.1X Authentication', 0x88c7: '802.11i Pre-Authentication', 0x8847: 'MPLS label switched packet',
  0x8848: 'MPLS multicast label switched packet', 0x3c07: '3Com NBP Datagram', 0x6000: 'DEC proto',
  0x6001: 'DEC DNA Dump/Load', 0x6002: 'DEC DNA Remote Console', 0x6003: 'DEC DNA Routing', 0x6004: 'DEC LAT',
  0x6005: 'DEC Diagnostics', 0x6006: 'DEC Customer use', 0x6007: 'DEC LAVC/SCA', 0x8041: 'DEC LAST',
  0x6558: 'Transparent Ethernet bridging', 0x2001: 'Cisco Group Management Protocol', 0x22e5: 'Gigamon Header',
  0x22ea: '802.1Qat Multiple Stream Reservation Protocol', 0x88f6: '802.1ak Multiple Mac Registration Protocol',
  0x894f: 'Network Service Header', 0x8988: 'PA HB Backup', 0x22f0: 'IEEE 1722 Audio Video Transport Protocol',
  0x22f1: 'Robust Header Compression(RoHC)', 0x22f3: 'Transparent Interconnection of Lots of Links',
  0x22f4: 'Intermediate System to Intermediate System', 0x8808: 'MAC Control', 0x8809: 'Slow Protocols',
  0x9021: 'Real-Time Media Access Control', 0x9022: 'Real-Time Configuration Protocol',
  0x8881: 'CDMA2000 A10 Unstructured byte stream', 0x8884: 'ATM over Ethernet', 0x8892: 'PROFINET',
  0x8899: 'Realtek Layer 2 Protocols', 0x88a2: 'ATA over Ethernet', 0x88a4: 'EtherCAT frame',
  0x88a1: 'Telkonet powerline', 0x88ab: 'ETHERNET Powerlink v2', 0x88ad: 'XiMeta Technology',
  0x889b: 'CSM_ENCAPS Protocol', 0x88b5: 'Local Experimental Ethertype 1', 0x88b6: 'Local Experimental Ethertype 2',
  0x88b7: 'IEEE 802a OUI Extended Ethertype', 0x88b8: 'IEC 61850/GOOSE', 0x88b9: 'IEC 61850/GSE management services',
  0x88ba: 'IEC 61850/SV (Sampled Value Transmission', 0x88ca: 'Transparent Inter Process Communication',
  0x88cc: '802.1 Link Layer Discovery Protocol (LLDP)', 0x88d2: 'CDMA2000 A10 3GPP2 Packet',
  0x891d: 'TTEthernet Protocol Control Frame', 0x88d8: 'Circuit Emulation Services over Ethernet (MEF8)',
  0x88d9: 'Link Layer Topology Discovery (LLTD)', 0x88dc: '(WAVE) Short Message Protocol (WSM)',
  0x88de: 'VMware Lab Manager', 0x8819: 'Cirrus Cobranet Packet', 0x8133: 'Juniper Netscreen Redundant Protocol',
  0x9104: 'EERO Broadcast Packet', 0x8021: 'PPP IP Control Protocol', 0xc021: 'PPP Link Control Protocol',
  0xc023: 'PPP Password Authentication Protocol', 0x80fd: 'PPP Compression Control Protocol',
  0xcafe: 'Veritas Low Latency Transport (not officially registered)',
  0x8902: 'IEEE 802.1ag Connectivity Fault Management (CFM) protocol',
  0x8903: 'Data Center Ethernet (DCE) protocol(Cisco)', 0x8906: 'Fibre Channel over Ethernet',
  0x890d: 'IEEE 802.11 data encapsulation', 0x8911: 'LINX IPC Protocol', 0x8914: 'FCoE Initialization Protocol',
  0x8917: 'Media Independent Handover Protocol', 0x88ee: 'Ethernet Local Management Interface (MEF16)',
  0x88f7: 'PTPv2 over Ethernet (IEEE1588)', 0x88f8: 'Network Controller Sideband Interface',
  0x88fb: 'Parallel Redundancy Protocol (PRP) and HSR Supervision (IEC62439 Part 3)',
  0x8901: 'Flow Layer Internal Protocol', 0x8915: 'RDMA over Converged Ethernet',
  0xd00d: 'Digium TDM over Ethernet Protocol', 0x88b4: 'WAI Authentication Protocol', 0x8926: 'VN-Tag',
  0x892b: 'Schweitzer Engineering Labs Layer 2 Protocol',
  0x892f: 'High-availability Seamless Redundancy (IEC62439 Part 3)', 0x8ff: 'AX.25', 0x8909: 'CiscoMetaData',
  0x8947: 'GeoNetworking', 0xc0de: 'eXpressive Internet Protocol', 0xc0df: 'Neighborhood Watch Protocol',
  0x892d: 'bluecom Protocol', 0x9100: 'QinQ: old non-standard 802.1ad',
  0x99fe: 'Technically Enhanced Capture Module Protocol (TECMP)', 0xa0ed: '6LoWPAN', 0xd28b: 'Arista Timestamp',
  0xaefe: 'eCPRI', 0xb4e3: 'CableLabs Layer-3 Protocol', 0xe555: 'EXos internal Extra Header',
  0xfff2: 'Cisco ACI ARP gleaning', 0xf1c1: '802.1CB Frame Replication and Elimination for Reliability',
});

const LG: TrueFalse = ['Locally administered address (this is NOT the factory default)', 'Globally unique address (factory default)'];
const IG: TrueFalse = ['Group address (multicast/broadcast)', 'Individual address (unicast)'];
const LG_BLURB = 'Specifies if this is a locally administered or globally unique (IEEE assigned) address';
const IG_BLURB = 'Specifies if this is an individual (unicast) or group (broadcast/multicast) address';

const hf = {
  dst: f('eth.dst', 'Destination', FT.ETHER, { blurb: 'Destination Hardware Address' }),
  dst_resolved: f('eth.dst_resolved', 'Destination (resolved)', FT.STRING, { blurb: 'Destination Hardware Address (resolved)' }),
  dst_oui: f('eth.dst.oui', 'Destination OUI', FT.UINT24, { blurb: 'Destination Organizationally Unique Identifier' }),
  src: f('eth.src', 'Source', FT.ETHER, { blurb: 'Source Hardware Address' }),
  src_resolved: f('eth.src_resolved', 'Source (resolved)', FT.STRING, { blurb: 'Source Hardware Address (resolved)' }),
  src_oui: f('eth.src.oui', 'Source OUI', FT.UINT24, { blurb: 'Source Organizationally Unique Identifier' }),
  len: f('eth.len', 'Length', FT.UINT16),
  type: f('eth.type', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  invalid_lentype: f('eth.invalid_lentype', 'Invalid length/type', FT.UINT16, { base: Base.HEX_DEC }),
  addr: f('eth.addr', 'Address', FT.ETHER, { blurb: 'Source or Destination Hardware Address' }),
  addr_resolved: f('eth.addr_resolved', 'Address (resolved)', FT.STRING, { blurb: 'Source or Destination Hardware Address (resolved)' }),
  addr_oui: f('eth.addr.oui', 'Address OUI', FT.UINT24, { blurb: 'Address Organizationally Unique Identifier' }),
  padding: f('eth.padding', 'Padding', FT.BYTES, { blurb: 'Ethernet Padding' }),
  trailer: f('eth.trailer', 'Trailer', FT.BYTES, { blurb: 'Ethernet Trailer or Checksum' }),
  fcs: f('eth.fcs', 'Frame check sequence', FT.UINT32, { base: Base.HEX, blurb: 'Ethernet checksum' }),
  fcs_status: f('eth.fcs.status', 'FCS Status', FT.UINT8, { base: Base.NONE, vals: vals({ 0: 'Bad', 1: 'Good', 2: 'Unverified', 3: 'Not present', 4: 'Illegal' }) }),
  dst_lg: f('eth.dst.lg', 'LG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x20000, tfs: LG, blurb: LG_BLURB }),
  dst_ig: f('eth.dst.ig', 'IG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x10000, tfs: IG, blurb: IG_BLURB }),
  src_lg: f('eth.src.lg', 'LG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x20000, tfs: LG, blurb: LG_BLURB }),
  src_ig: f('eth.src.ig', 'IG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x10000, tfs: IG, blurb: IG_BLURB }),
  lg: f('eth.lg', 'LG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x20000, tfs: LG, blurb: LG_BLURB }),
  ig: f('eth.ig', 'IG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x10000, tfs: IG, blurb: IG_BLURB }),
};

const ei_invalid_lentype = expertInfo('eth.invalid_lentype.expert', Group.PROTOCOL, Severity.WARN, 'Invalid length/type');
const ei_src_not_group = expertInfo('eth.src_not_group', Group.PROTOCOL, Severity.WARN, 'Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)');
const ei_len_past_end = expertInfo('eth.len.past_end', Group.MALFORMED, Severity.ERROR, 'Length field value goes past the end of the payload');
const ei_padding_bad = expertInfo('eth.padding_bad', Group.PROTOCOL, Severity.NOTE, 'Padding identification may be inaccurate and impact trailer dissector');
const PADDING_BAD_MSG = "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.";

/** Can a tree with this want hold any eth.* item (the full tree, or a want naming one)? */
const ethItems = wantTest((id) => {
  const a = fields[id]?.abbrev;
  return a === undefined || a.startsWith('eth.');
}, true);

/** Adds an address item with its hidden companions and LG/IG bits, in tshark's order. */
function addAddr(p: Packet, parent: number, hfAddr: number, hfRes: number, hfOui: number, hfLg: number, hfIg: number, off: number): void {
  const t = p.tree;
  const word = (p.buf[off]! << 16) | (p.buf[off + 1]! << 8) | p.buf[off + 2]!;
  const a = t.addBytes(parent, hfAddr, off, 6);
  if (hfAddr === hf.src && (word & 0x10000) !== 0) p.addExpert(a, ei_src_not_group, off, 6);
  // (a summary or a filter on other protocols builds none of the items below: the calls are skipped)
  if (!ethItems(t.want)) return;
  // -n: the "resolved" forms are the plain address text
  const wantText = t.wants(hfRes) || t.wants(hf.addr_resolved);
  const text = wantText ? formatMac(p.buf, off) : '';
  t.hide(t.addStr(a, hfRes, off, 6, text));
  t.hide(t.addNum(a, hfOui, off, 3, word));
  t.addBytes(a, hf.addr, off, 6);
  t.hide(t.addStr(a, hf.addr_resolved, off, 6, text));
  t.hide(t.addNum(a, hf.addr_oui, off, 3, word));
  t.addNum(a, hfLg, off, 3, word);
  t.hide(t.addNum(a, hf.lg, off, 3, word));
  t.addNum(a, hfIg, off, 3, word);
  t.hide(t.addNum(a, hf.ig, off, 3, word));
}

/**
 * The trailer ran past the captured bytes: tshark reports it for the EtherType layer, even after
 * the payload was found malformed ("[Malformed Packet][Packet size limited during capture]").
 */
function trailerCut(p: Packet): void {
  p.curProto = 'Ethertype';
  if (!p.stopped) { p.short(); return; }
  if (p.isShort) return;
  p.isShort = true;
  const base = p.tree.sources[p.tree.cur]!.base;
  p.tree.setLabel(p.tree.addItem(ROOT, hf_short, base, 0), '[Packet size limited during capture: Ethertype truncated]');
  if (p.cols) p.appendInfo('[Packet size limited during capture]');
}

/**
 * Shows what follows a link-layer payload: [tStart, end) of a frame that began at `frameStart`
 * (see the heuristics at the top of this file). `hfTrailer` is the caller's trailer field
 * (eth.trailer, vlan.trailer, sll.trailer); `fcs` allows the FCS heuristic (Ethernet only).
 */
export function addEthTrailer(p: Packet, parent: number, frameStart: number, tStart: number, end: number, hfTrailer: number, fcs: boolean): void {
  if (tStart >= end) return;
  // Padding/trailer bytes that were not captured at all are not reported (tshark: no marker when
  // the capture ends exactly where the payload ends; one captured padding byte already is one).
  if (tStart >= p.capEnd) return;
  // an F5 BIG-IP trailer takes the place of padding and trailer
  if (dissectF5Trailer(p, tStart, end) > 0) return;
  const t = p.tree;
  const b = p.buf;
  const capEnd = p.capEnd;
  const frameLen = end - frameStart;
  let restStart = tStart;
  let padBad = false;
  if (frameLen >= MIN_FRAME && tStart - frameStart < MIN_FRAME) {
    const padEnd = frameStart + MIN_FRAME;
    const scanEnd = Math.min(padEnd, capEnd);
    let zero = true;
    for (let i = tStart; i < scanEnd; i++) if (b[i] !== 0) { zero = false; break; }
    if (zero) {
      if (padEnd > capEnd) { trailerCut(p); return; }
      t.addBytes(parent, hf.padding, tStart, padEnd - tStart);
      restStart = padEnd;
    } else padBad = true;
  }
  // a trailer tshark's F5 heuristic claims and fails on ends the packet (f5ethtrailer.ts)
  if (brokenF5Trailer(p, restStart, end)) return;
  const hasFcs = fcs && frameLen >= MIN_FRAME_FCS && end - restStart >= FCS_LEN;
  const trailerEnd = hasFcs ? end - FCS_LEN : end;
  const shown = Math.min(trailerEnd, capEnd) - restStart;
  if (shown > 0) {
    const it = t.addBytes(parent, hfTrailer, restStart, shown);
    if (padBad) p.addExpert(it, ei_padding_bad, restStart, shown, PADDING_BAD_MSG);
  }
  if (hasFcs) {
    if (end > capEnd) { trailerCut(p); return; }
    const v = p.dv.getUint32(trailerEnd);
    const it = t.addNum(parent, hf.fcs, trailerEnd, FCS_LEN, v);
    if (it >= 0 && t.full) t.setLabel(it, `Frame check sequence: 0x${v.toString(16).padStart(8, '0')} [unverified]`);
    t.generated(t.addNum(parent, hf.fcs_status, trailerEnd, FCS_LEN, 2));
  }
}

/**
 * Dispatches an EtherType payload [off, end) through the ethertype table (frame.protocols gets
 * `ethertype`). When no dissector takes it (shown as data), the columns become tshark's fallback:
 * Protocol `0x86dd`, Info the EtherType's name, or `desc` when it has none. Returns the bytes the
 * payload dissector consumed.
 */
export function dispatchEthertype(p: Packet, type: number, off: number, end: number, parent: number, desc: string): number {
  if (type === ETHERTYPE_WRETH && ethertypeTable.get(type) === undefined) {
    // tshark 4.0 has a dissector for 0xaaaa (wreth) that refuses anything else: no ethertype
    // layer, no data, no trailer, Protocol unchanged (common in editcap-corrupted captures)
    if (p.cols) p.setInfo(desc);
    return 0;
  }
  const at = p.nlayers + 1; // the layer after `ethertype`
  const used = dissectEthertype(p, type, off, end, parent);
  if (!p.stopped && p.nlayers > at && p.layers[at] === proto_data && p.layers[at - 1] === proto_ethertype) {
    p.proto = '0x' + type.toString(16).padStart(4, '0');
    if (p.cols) {
      const name = ETHERTYPE_NAMES.get(type);
      p.setInfo(name ?? desc);
    }
  }
  return used;
}

/** The 802.2 LLC dissector (llc.ts registers it); 802.3 payloads are data without it. */
function callLlc(p: Packet, off: number, end: number, parent: number): number {
  const h = findHandle('llc');
  return h ? p.call(h, off, end, parent) : callData(p, off, end, parent);
}

function dissectEthCommon(p: Packet, off: number, end: number, parent: number, fcs: boolean): number {
  // The layer is recorded before the header check: a truncated header still shows `eth`.
  p.proto = 'Ethernet';
  p.curProto = 'Ethernet';
  if (off + HEADER_LEN > Math.min(end, p.capEnd)) {
    // tshark sets the Destination column as soon as the destination address was read
    if (off + SRC <= Math.min(end, p.capEnd)) p.dst = formatMac(p.buf, off + DST);
    p.addLayer(proto_eth);
    p.need(off, HEADER_LEN, end);
    return end - off;
  }
  // Header length checked: read without further checks.
  const t = p.tree;
  const type = p.dv.getUint16(off + TYPE);
  const is8023 = type !== 0 && type <= MAX_802_3_LEN;
  const full = t.full;
  p.setMacColumns(p.buf, off + SRC, off + DST);
  if (p.cols) p.setInfo('');

  const top = p.addProto(parent, proto_eth, off, off + HEADER_LEN);
  if (top >= 0 && full) {
    // 802.3 whose payload starts FF FF is Novell's "raw" IPX (no LLC header)
    const raw = is8023 && off + HEADER_LEN + 2 <= p.capEnd && p.buf[off + HEADER_LEN] === 0xff && p.buf[off + HEADER_LEN + 1] === 0xff;
    t.setLabel(top, is8023 ? (raw ? 'IEEE 802.3 Ethernet Raw ' : 'IEEE 802.3 Ethernet ') : type < MIN_ETHERTYPE && type !== 0 ? `Ethernet Unknown, Src: ${p.src}, Dst: ${p.dst}` : `Ethernet II, Src: ${p.src}, Dst: ${p.dst}`);
  }
  addAddr(p, top, hf.dst, hf.dst_resolved, hf.dst_oui, hf.dst_lg, hf.dst_ig, off + DST);
  addAddr(p, top, hf.src, hf.src_resolved, hf.src_oui, hf.src_lg, hf.src_ig, off + SRC);

  const payload = off + HEADER_LEN;
  if (is8023) {
    // 802.3: the length bounds the LLC payload; what follows is padding/trailer/FCS, shown first.
    const li = t.addNum(top, hf.len, off + TYPE, 2, type);
    let pend = payload + type;
    if (pend > end) {
      p.addExpert(li, ei_len_past_end, off + TYPE, 2);
      pend = end;
    } else addEthTrailer(p, top, off, pend, end, hf.trailer, fcs);
    if (p.stopped) return end - off;
    if (payload + 2 <= p.capEnd && p.buf[payload] === 0xff && p.buf[payload + 1] === 0xff) {
      const ipx = findHandle('ipx');
      if (!ipx || p.call(ipx, payload, pend, parent) === 0) callData(p, payload, pend, parent);
    } else callLlc(p, payload, pend, parent);
    return end - off;
  }
  if (type < MIN_ETHERTYPE && type !== 0) {
    const it = t.addNum(top, hf.invalid_lentype, off + TYPE, 2, type);
    const msg = `Invalid length/type: 0x${type.toString(16).padStart(4, '0')} (${type})`;
    if (it >= 0) t.setLabel(it, msg);
    p.addExpert(it, ei_invalid_lentype, off + TYPE, 2, msg);
    if (p.cols) p.setInfo(`Ethernet Unknown: ${msg}`);
    callData(p, payload, end, parent);
    return end - off;
  }
  t.addNum(top, hf.type, off + TYPE, 2, type);
  const used = dispatchEthertype(p, type, payload, end, parent, 'Ethernet II');
  // A malformed payload still gets its trailer and FCS (tshark adds them while the exception
  // passes through); a truncated one does not.
  if (p.stopped && !p.isMalformed) return end - off;
  if (used > 0) addEthTrailer(p, top, off, payload + used, end, hf.trailer, fcs);
  return end - off;
}

function dissectEth(p: Packet, off: number, end: number, parent: number): number {
  return dissectEthCommon(p, off, end, parent, true);
}

/** Ethernet inside a tunnel (GRE 0x6558, VXLAN …): no FCS at the end. */
function dissectEthNoFcs(p: Packet, off: number, end: number, parent: number): number {
  return dissectEthCommon(p, off, end, parent, false);
}

export const ethHandle = registerHandle('eth', dissectEth);
export const ethNoFcsHandle = registerHandle('eth_withoutfcs', dissectEthNoFcs);
linktypeTable.add(1, ethHandle);
ethertypeTable.add(0x6558, ethNoFcsHandle);
