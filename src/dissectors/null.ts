// null: BSD loopback encapsulation — LINKTYPE_NULL (0: a 4-byte address family in the byte order
// of the machine that wrote the file) and LINKTYPE_LOOP (108: OpenBSD, always big-endian).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Address family (AF_INET 2, AF_INET6 24/28/30 …)      |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// For LINKTYPE_NULL the byte order is guessed as tshark does: a value with non-zero upper 16 bits
// is byte-swapped (or, when it looks like a 16-bit AF in the upper half, shifted down); a result
// above 1500 is an EtherType ("Type"), else an address family. Frames starting FF 03 are PPP.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle, Table } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { callData } from './data.js';

const FAMILY = 0;
const HEADER_LEN = FAMILY + 4;
const MAX_802_3_LEN = 1500;

const BSD_AF_INET = 2;
const BSD_AF_INET6_BSD = 24;
const BSD_AF_INET6_FREEBSD = 28;
const BSD_AF_INET6_DARWIN = 30;
const BSD_AF_APPLETALK = 16;
const BSD_AF_IPX = 23;

export const proto_null = registerProtocol('null', 'Null/Loopback', 'Null');

const FAMILY_NAMES = vals({ 2: 'IP', 7: 'OSI', 16: 'Appletalk', 23: 'Netware IPX/SPX', 24: 'IPv6', 28: 'IPv6', 30: 'IPv6' });

const hf = {
  type: f('null.type', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  family: f('null.family', 'Family', FT.UINT32, { vals: FAMILY_NAMES }),
};

/** BSD address family → dissector (2 ip, 24/28/30 ipv6 …). */
export const nullFamilyTable = new Table('null.family', 'BSD AF', 256);

function swap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}

function startColumns(p: Packet): void {
  p.proto = 'N/A';
  p.src = 'N/A';
  p.dst = 'N/A';
  if (p.cols) p.setInfo('Null/Loopback');
}

/** The EtherType of the protocol a BSD family carries (the ethertype table has its dissector). */
function familyEthertype(family: number): number {
  switch (family) {
    case BSD_AF_INET: return 0x0800;
    case BSD_AF_INET6_BSD: case BSD_AF_INET6_FREEBSD: case BSD_AF_INET6_DARWIN: return 0x86dd;
    case BSD_AF_IPX: return 0x8137;
    case BSD_AF_APPLETALK: return 0x809b;
    default: return -1;
  }
}

function dispatchFamily(p: Packet, top: number, family: number, payload: number, end: number, parent: number): void {
  p.tree.addNum(top, hf.family, payload - HEADER_LEN, HEADER_LEN, family);
  // a dissector registered for the family itself wins (Decode As); else the carried EtherType's
  const h = (family < 256 ? nullFamilyTable.get(family) : undefined) ?? ethertypeTable.get(familyEthertype(family));
  const n = h ? p.call(h, payload, end, parent) : 0;
  if (n === 0 && !p.stopped) callData(p, payload, end, parent);
}

function dissectNull(p: Packet, off: number, end: number, parent: number): number {
  startColumns(p);
  const b = p.buf;
  // PPP in HDLC-like framing has no family header.
  if (off + 2 <= Math.min(end, p.capEnd) && b[off] === 0xff && b[off + 1] === 0x03) {
    const ppp = findHandle('ppp_hdlc');
    if (ppp) return p.call(ppp, off, end, parent);
  }
  const top = p.addProto(parent, proto_null, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  let v = p.dv.getUint32(off + FAMILY);
  if ((v & 0xffff0000) !== 0) {
    // Upper half set: a 16-bit AF in the upper half (IRIX), or a byte-swapped value.
    v = (v & 0xff000000) === 0 && (v & 0x00ff0000) < 0x00060000 ? v >>> 16 : swap32(v);
  }
  const payload = off + HEADER_LEN;
  if (v > MAX_802_3_LEN) {
    p.tree.addNum(top, hf.type, off, HEADER_LEN, v & 0xffff);
    const n = ethertypeTable.dissect(v & 0xffff, p, payload, end, parent);
    if (n === 0 && !p.stopped) callData(p, payload, end, parent);
  } else dispatchFamily(p, top, v, payload, end, parent);
  return end - off;
}

/** LINKTYPE_LOOP: the family is always in network byte order. */
function dissectLoop(p: Packet, off: number, end: number, parent: number): number {
  startColumns(p);
  const top = p.addProto(parent, proto_null, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  dispatchFamily(p, top, p.dv.getUint32(off + FAMILY), off + HEADER_LEN, end, parent);
  return end - off;
}

export const nullHandle = registerHandle('null', dissectNull);
export const loopHandle = registerHandle('loop', dissectLoop);
linktypeTable.add(0, nullHandle);
linktypeTable.add(108, loopHandle);
