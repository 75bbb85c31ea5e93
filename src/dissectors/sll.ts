// sll: Linux "cooked" capture, v1 (LINKTYPE_LINUX_SLL 113), as written by `tcpdump -i any`.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Packet type          |    Link-layer address type    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Link-layer address length   |                               |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
// |            Link-layer address (8 bytes, halen used)           |
// +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                               |        Protocol type          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// A protocol type > 1500 is an EtherType (dispatched through the ethertype table); smaller values
// are Linux ETH_P_* codes (802.2 LLC, CAN …) dispatched through `sll.ltype`. The fields and the
// address/protocol logic are shared with SLL v2 (sll2.ts), which tshark shows under `sll` too.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle, Table } from '../core/table.js';
import { formatMac, formatIPv4 } from '../core/format.js';
import { linktypeTable } from './frame.js';
import { ETHERTYPE_NAMES, addEthTrailer, dispatchEthertype } from './eth.js';
import { HW_NAMES } from './arp.js';
import { callData } from './data.js';

const PKTTYPE = 0;
const HATYPE = 2;
const HALEN = 4;
const ADDR = 6;
const ADDR_LEN = 8;
const PROTOCOL = ADDR + ADDR_LEN;
const HEADER_LEN = PROTOCOL + 2;

const MAX_802_3_LEN = 1500;
const ARPHRD_ETHER = 1;
const ARPHRD_IEEE802 = 6;
const ARPHRD_LOOPBACK = 772;
const ARPHRD_IPGRE = 778;
const LINUX_SLL_P_802_2 = 0x0004;

export const proto_sll = registerProtocol('sll', 'Linux cooked-mode capture', 'SLL');

export const PKTTYPE_NAMES = vals({ 0: 'Unicast to us', 1: 'Broadcast', 2: 'Multicast', 3: 'Unicast to another host', 4: 'Sent by us' });
const LTYPE_NAMES = vals({
  0x1: 'Raw 802.3', 0x3: 'Ethernet', 0x4: '802.2 LLC', 0x7: 'PPP (HDLC)', 0xc: 'CAN', 0xd: 'CAN FD', 0x17: 'IrDA LAP',
  0xf5: 'ISI', 0xf6: 'IEEE 802.15.4',
});

export const hf_sll = {
  pkttype: f('sll.pkttype', 'Packet type', FT.UINT16, { vals: PKTTYPE_NAMES }),
  hatype: f('sll.hatype', 'Link-layer address type', FT.UINT16, { vals: HW_NAMES }),
  halen: f('sll.halen', 'Link-layer address length', FT.UINT16),
  src_eth: f('sll.src.eth', 'Source', FT.ETHER, { blurb: 'Source link-layer address' }),
  src_ipv4: f('sll.src.ipv4', 'Source', FT.IPv4, { blurb: 'Source link-layer address' }),
  src_other: f('sll.src.other', 'Source', FT.BYTES, { blurb: 'Source link-layer address' }),
  unused: f('sll.unused', 'Unused', FT.BYTES, { blurb: 'Unused bytes' }),
  ltype: f('sll.ltype', 'Protocol', FT.UINT16, { base: Base.HEX, vals: LTYPE_NAMES, blurb: 'Linux protocol type' }),
  gretype: f('sll.gretype', 'Protocol', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES, blurb: 'GRE protocol type' }),
  etype: f('sll.etype', 'Protocol', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES, blurb: 'Ethernet protocol type' }),
  trailer: f('sll.trailer', 'Trailer', FT.BYTES),
  ifindex: f('sll.ifindex', 'Interface index', FT.UINT32),
};

/** Linux ETH_P_* protocol codes (≤ 1500) → dissector (0x000c can, 0x000d canfd …). */
export const sllLtypeTable = new Table('sll.ltype', 'Linux SLL protocol type', 65536);

/**
 * Adds the link-layer address [addr, addr + 8) of `halen` bytes (Source / Unused) and sets the
 * Source column from it.
 */
export function addSllAddress(p: Packet, top: number, hatype: number, halen: number, addr: number): void {
  const t = p.tree;
  const n = Math.min(halen, ADDR_LEN);
  if (n > 0) {
    if (n === 6 && (hatype === ARPHRD_ETHER || hatype === ARPHRD_LOOPBACK || hatype === ARPHRD_IEEE802)) {
      t.addBytes(top, hf_sll.src_eth, addr, 6);
      p.src = formatMac(p.buf, addr);
    } else if (n === 4 && hatype === ARPHRD_IPGRE) {
      const v = p.dv.getUint32(addr);
      t.addNum(top, hf_sll.src_ipv4, addr, 4, v);
      p.src = formatIPv4(v);
    } else t.addBytes(top, hf_sll.src_other, addr, n);
  }
  if (n < ADDR_LEN) t.addBytes(top, hf_sll.unused, addr + n, ADDR_LEN - n);
}

/** Adds the protocol item at `protoOff` (EtherType, Linux protocol code or GRE type); returns its value. */
export function addSllProtocol(p: Packet, top: number, hatype: number, protoOff: number): number {
  const proto = p.dv.getUint16(protoOff);
  const hf = proto <= MAX_802_3_LEN ? hf_sll.ltype : hatype === ARPHRD_IPGRE ? hf_sll.gretype : hf_sll.etype;
  p.tree.addNum(top, hf, protoOff, 2, proto);
  return proto;
}

/**
 * Dispatches the payload [payload, end) on the protocol value and shows the trailer (the frame
 * started at `frameStart`) under `top`.
 */
export function dispatchSll(p: Packet, top: number, proto: number, payload: number, frameStart: number, end: number, parent: number): void {
  let used: number;
  if (proto <= MAX_802_3_LEN) {
    const h = proto === LINUX_SLL_P_802_2 ? findHandle('llc') : sllLtypeTable.get(proto);
    used = h ? p.call(h, payload, end, parent) : 0;
    if (used === 0 && !p.stopped) used = callData(p, payload, end, parent);
  } else used = dispatchEthertype(p, proto, payload, end, parent, p.info);
  if (p.stopped && !p.isMalformed) return;
  if (used > 0) addEthTrailer(p, top, frameStart, payload + used, end, hf_sll.trailer, false);
}

function dissectSll(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'SLL';
  p.curProto = 'SLL';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_sll, off, off + HEADER_LEN);
  if (top >= 0 && t.full) t.setLabel(top, 'Linux cooked capture v1');
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const dv = p.dv;
  const pkttype = dv.getUint16(off + PKTTYPE);
  const hatype = dv.getUint16(off + HATYPE);
  const halen = dv.getUint16(off + HALEN);
  if (p.cols) p.setInfo(PKTTYPE_NAMES.get(pkttype) ?? `Unknown (${pkttype})`);
  t.addNum(top, hf_sll.pkttype, off + PKTTYPE, 2, pkttype);
  t.addNum(top, hf_sll.hatype, off + HATYPE, 2, hatype);
  t.addNum(top, hf_sll.halen, off + HALEN, 2, halen);
  addSllAddress(p, top, hatype, halen, off + ADDR);
  const proto = addSllProtocol(p, top, hatype, off + PROTOCOL);
  dispatchSll(p, top, proto, off + HEADER_LEN, off, end, parent);
  return end - off;
}

export const sllHandle = registerHandle('sll', dissectSll);
linktypeTable.add(113, sllHandle);
