// fr: Frame Relay (ITU-T Q.922 address; pcap link type 107), with the two payload encapsulations
// seen on the wire: RFC 2427 multiprotocol (UI control byte 0x03, optional padding, NLPID, SNAP)
// and Cisco's (an EtherType right after the address).
//
//  0               1
//  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | Upper DLCI|C|E| DLCI  |F|B|D|E|   C/R, EA=0 | FECN, BECN, DE, EA=1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// RFC 2427: | 0x03 | [0x00 pad] | NLPID (0xcc IP, 0x8e IPv6, 0x80 SNAP: OUI (3) + PID (2)) | …
// Cisco:    | EtherType (2) | …
// Only the 2-byte address form is decoded; longer addresses show the rest as data.

import { FT, Base, f, registerProtocol, vals, TFS_TRUE } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { ipHandle } from './ip.js';
import { ipv6Handle } from './ipv6.js';
import { callData } from './data.js';

const ADDR_LEN = 2;
const UI = 0x03;
const NLPID_PAD = 0x00;
const NLPID_SNAP = 0x80;
const NLPID_IP = 0xcc;
const NLPID_IPV6 = 0x8e;
const SNAP_LEN = 5;

export const proto_fr = registerProtocol('fr', 'Frame Relay', 'FR');

const NLPID_NAMES = vals({
  0x00: 'NULL', 0x08: 'Q.933', 0x80: 'SNAP', 0x81: 'ISO 8473 CLNP', 0x82: 'ISO 9542 ESIS', 0x83: 'ISO 10589 ISIS',
  0x8e: 'IPv6', 0xb0: 'Data Compression Protocol', 0xb1: 'PPP Compression Protocol', 0xcc: 'IP', 0xcf: 'PPP',
});
const CHDLC_NAMES = vals({ 0x0800: 'IP', 0x86dd: 'IPv6', 0x0806: 'ARP', 0x8035: 'RARP', 0x8847: 'MPLS unicast', 0x8848: 'MPLS multicast', 0x8005: 'SLARP', 0x2000: 'CDP' });
const OUI_NAMES = vals({ 0x000000: 'Officially Xerox, but', 0x0080c2: 'IEEE 802.1' });

const hf = {
  first: f('fr.first_addr_octet', 'First address octet', FT.UINT8, { base: Base.HEX }),
  upper_dlci: f('fr.upper_dlci', 'Upper DLCI', FT.UINT8, { base: Base.HEX, mask: 0xfc }),
  cr: f('fr.cr', 'CR', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Command', 'Response'] }),
  ea: f('fr.ea', 'EA', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Last Octet', 'More Follows'] }),
  second: f('fr.second_addr_octet', 'Second address octet', FT.UINT8, { base: Base.HEX }),
  second_dlci: f('fr.second_dlci', 'Second DLCI', FT.UINT8, { base: Base.HEX, mask: 0xf0 }),
  fecn: f('fr.fecn', 'FECN', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: TFS_TRUE }),
  becn: f('fr.becn', 'BECN', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: TFS_TRUE }),
  de: f('fr.de', 'DE', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: TFS_TRUE }),
  dlci: f('fr.dlci', 'DLCI', FT.UINT32),
  control: f('fr.control', 'Control Field', FT.UINT8, { base: Base.HEX }),
  u_cmd: f('fr.control.u_modifier_cmd', 'Command', FT.UINT8, { base: Base.HEX, mask: 0xec, vals: vals({ 0: 'Unnumbered Information' }) }),
  ftype: f('fr.control.ftype', 'Frame type', FT.UINT16, { base: Base.HEX, mask: 0x1, vals: vals({ 0: 'Information frame', 1: 'Supervisory frame', 3: 'Unnumbered frame' }) }),
  nlpid: f('fr.nlpid', 'NLPID', FT.UINT8, { base: Base.HEX, vals: NLPID_NAMES }),
  snap_oui: f('fr.snap.oui', 'Organization Code', FT.UINT24),
  snaptype: f('fr.snaptype', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  chdlctype: f('fr.chdlctype', 'Type', FT.UINT16, { base: Base.HEX, vals: CHDLC_NAMES }),
};

function hex2(v: number): string {
  return '0x' + v.toString(16).padStart(2, '0');
}

function dispatchEtype(p: Packet, type: number, o: number, end: number, parent: number): void {
  const n = ethertypeTable.dissect(type, p, o, end, parent);
  if (n === 0 && !p.stopped) callData(p, o, end, parent);
}

function dissectFr(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'FR';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_fr, off, off + ADDR_LEN);
  if (!p.need(off, ADDR_LEN, end)) return end - off;
  const a0 = b[off]!;
  const a1 = b[off + 1]!;
  const full = t.full;
  const i0 = t.addNum(top, hf.first, off, 1, a0);
  t.addNum(i0, hf.upper_dlci, off, 1, a0);
  t.addNum(i0, hf.cr, off, 1, a0);
  t.addNum(i0, hf.ea, off, 1, a0);
  const i1 = t.addNum(top, hf.second, off + 1, 1, a1);
  if (i1 >= 0 && full && a1 & 1) t.appendLabel(i1, ', EA');
  t.addNum(i1, hf.second_dlci, off + 1, 1, a1);
  t.addNum(i1, hf.fecn, off + 1, 1, a1);
  t.addNum(i1, hf.becn, off + 1, 1, a1);
  t.addNum(i1, hf.de, off + 1, 1, a1);
  t.addNum(i1, hf.ea, off + 1, 1, a1);
  let o = off + ADDR_LEN;
  if ((a1 & 1) === 0) {
    callData(p, o, end, parent);
    return end - off;
  }
  t.addNum(top, hf.dlci, off, 2, ((a0 >>> 2) << 4) | (a1 >>> 4));
  if (!p.need(o, 1, end)) return end - off;
  if (b[o] !== UI) {
    // Cisco encapsulation: an EtherType
    if (!p.need(o, 2, end)) return end - off;
    const type = p.dv.getUint16(o);
    t.addNum(top, hf.chdlctype, o, 2, type);
    t.setEnd(top, o + 2);
    if (o + 2 < end) dispatchEtype(p, type, o + 2, end, parent);
    return end - off;
  }
  const ci = t.addNum(top, hf.control, o, 1, UI);
  if (ci >= 0 && full) t.setLabel(ci, `Control field: U, func=UI (${hex2(UI)})`);
  t.addNum(ci, hf.u_cmd, o, 1, UI);
  const fi = t.addNum(ci, hf.ftype, o, 1, 3);
  if (fi >= 0 && full) t.setLabel(fi, '.... ..11 = Frame type: Unnumbered frame (0x3)');
  o++;
  if (!p.need(o, 1, end)) return end - off;
  if (b[o] === NLPID_PAD) {
    const pi = t.addNum(top, hf.nlpid, o, 1, 0);
    if (pi >= 0) t.setLabel(pi, 'Padding');
    o++;
    if (!p.need(o, 1, end)) return end - off;
  }
  const nlpid = b[o]!;
  t.addNum(top, hf.nlpid, o, 1, nlpid);
  o++;
  if (nlpid === NLPID_SNAP) {
    if (!p.need(o, SNAP_LEN, end)) return end - off;
    const oui = (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
    const oi = t.addNum(top, hf.snap_oui, o, 3, oui);
    if (oi >= 0 && full) {
      const n = OUI_NAMES.get(oui);
      const txt = `${hex2(b[o]!).slice(2)}:${hex2(b[o + 1]!).slice(2)}:${hex2(b[o + 2]!).slice(2)}`;
      t.setLabel(oi, `Organization Code: ${txt}${n === undefined ? '' : oui === 0 ? ` (${n}` : ` (${n})`}`);
    }
    const type = p.dv.getUint16(o + 3);
    t.addNum(top, hf.snaptype, o + 3, 2, type);
    o += SNAP_LEN;
    t.setEnd(top, o);
    if (o < end) {
      if (oui === 0) dispatchEtype(p, type, o, end, parent);
      else callData(p, o, end, parent);
    }
    return end - off;
  }
  t.setEnd(top, o);
  if (o >= end) return end - off;
  if (nlpid === NLPID_IP) p.call(ipHandle, o, end, parent);
  else if (nlpid === NLPID_IPV6) p.call(ipv6Handle, o, end, parent);
  else callData(p, o, end, parent);
  return end - off;
}

export const frHandle = registerHandle('fr', dissectFr);
linktypeTable.add(107, frHandle);
