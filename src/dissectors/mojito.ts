// mojito: the Mojito DHT (LimeWire's Kademlia over UDP, carried in a Gnutella-style header), found by a
// heuristic on UDP like tshark's. Fields, labels and Info as tshark 4.0 shows them from the outside.
//
//  0                   16     17      18      19                      23     24
//  +-------------------+------+-------+-------+-----------------------+------+----------------------+
//  | Message ID (16)   | 0x44 | major | minor | payload length (LE32) |opcode| originating contact …|
//  +-------------------+------+-------+-------+-----------------------+------+----------------------+
//  originating contact: vendor(4) version(2) KUID(20) socket address (ver 1, addr 4|16, port 2),
//  then instance id(1) flags(1) extended length(2) [extended header], then the opcode's data.

import { FT, Base, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { hexBytes } from '../core/format.js';
import { udpHeuristics } from './udp.js';
import { latin1 } from '../capture/utf8.js';

export const proto_mojito = registerProtocol('mojito', 'Mojito DHT', 'Mojito');

const VALS_OPCODE = vals({
  1: 'PING REQUEST', 2: 'PING RESPONSE', 3: 'STORE REQUEST', 4: 'STORE RESPONSE', 5: 'FIND NODE REQUEST',
  6: 'FIND NODE RESPONSE', 7: 'FIND VALUE REQUEST', 8: 'FIND VALUE RESPONSE', 9: 'STATS REQUEST (DEPRECATED)',
  10: 'STATS RESPONSE (DEPRECATED)',
});

const hf = {
  messageid: f('mojito.messageid', 'Message ID', FT.BYTES),
  fdhtmessage: f('mojito.fdhtmessage', 'FDHTMessage', FT.UINT8, { base: Base.HEX }),
  majorversion: f('mojito.majorversion', 'Major Version', FT.UINT8),
  minorversion: f('mojito.minorversion', 'Minor Version', FT.UINT8),
  payloadlength: f('mojito.payloadlength', 'Payload Length', FT.UINT32),
  opcode: f('mojito.opcode', 'OPCode', FT.UINT8, { vals: VALS_OPCODE }),
  vendor: f('mojito.vendor', 'Vendor', FT.STRING),
  kuid: f('mojito.kuid', 'Kademlia Unique ID (KUID)', FT.BYTES),
  sockver: f('mojito.socketaddressversion', 'IP Version', FT.UINT8),
  sockipv4: f('mojito.socketaddressipv4', 'IP Address', FT.IPv4),
  sockipv6: f('mojito.socketaddressipv6', 'IP Address', FT.IPv6),
  sockport: f('mojito.socketaddressport', 'IP Port', FT.UINT16),
  instanceid: f('mojito.instanceid', 'Instance ID', FT.UINT8),
  flags: f('mojito.flags', 'Flags', FT.UINT8, { base: Base.HEX }),
  shutdown: f('mojito.shutdownflag', 'SHUTDOWN', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['True', 'False'] }),
  firewalled: f('mojito.firewalledflag', 'Firewalled', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['True', 'False'] }),
  extlength: f('mojito.extlength', 'Extended Length', FT.UINT16),
  sectokenlen: f('mojito.sectokenlen', 'Security Token Length', FT.UINT8),
  sectoken: f('mojito.sectoken', 'Security Token', FT.BYTES),
  contactcount: f('mojito.contactcount', 'Contact Count', FT.UINT8),
  contactvendor: f('mojito.contactvendor', 'Vendor', FT.STRING),
  contactversion: f('mojito.contactversion', 'Contact Version', FT.UINT16),
  contactkuid: f('mojito.contactkuid', 'KUID of the Contact', FT.BYTES),
  bigintegerlen: f('mojito.bigintegerlen', 'Big Integer Length', FT.UINT8),
  bigintegerval: f('mojito.bigintegerval', 'Big Integer DEC Value', FT.UINT8),
  bigintegerhexval: f('mojito.bigintegerhexval', 'Big Integer HEX Value', FT.BYTES),
  data: f('mojito.opcode.data', 'Data', FT.BYTES),
};

// header offsets (from the start of the UDP payload)
const MSGID = 0;
const FDHT = 16;
const MAJOR = 17;
const MINOR = 18;
const PLEN = 19;
const OPCODE = 23;
const CONTACT = 24;
const HEADER_LEN = 23;
const FDHT_MAGIC = 0x44;

/** Socket address at `off`: version, IPv4/IPv6 address, port. Returns the offset after it, or -1 when short. */
function socketAddress(p: Packet, off: number, end: number, parent: number, title: string): number {
  const t = p.tree;
  if (!p.need(off, 1, end)) return -1;
  const ver = p.buf[off]!;
  const alen = ver === 4 ? 4 : ver === 16 ? 16 : 0;
  const si = t.addText(parent, off, 1 + alen + 2, title);
  t.addNum(si, hf.sockver, off, 1, ver);
  if (alen === 0) return off + 1;
  if (!p.need(off + 1, alen + 2, end)) return -1;
  if (alen === 4) t.addNum(si, hf.sockipv4, off + 1, 4, p.dv.getUint32(off + 1));
  else t.addBytes(si, hf.sockipv6, off + 1, 16);
  t.addNum(si, hf.sockport, off + 1 + alen, 2, p.dv.getUint16(off + 1 + alen));
  return off + 1 + alen + 2;
}

/** A contact of a FIND NODE RESPONSE: vendor, version, KUID, socket address. */
function contact(p: Packet, off: number, end: number, parent: number, n: number): number {
  const t = p.tree;
  if (!p.need(off, 26, end)) return -1;
  const ci = t.addText(parent, off, 26, `Contact #${n}`);
  t.addStr(ci, hf.contactvendor, off, 4, latin1(p.buf, off, off + 4));
  const vi = t.addNum(ci, hf.contactversion, off + 4, 2, p.dv.getUint16(off + 4));
  t.addNum(vi, hf.majorversion, off + 4, 1, p.buf[off + 4]!);
  t.addNum(vi, hf.minorversion, off + 5, 1, p.buf[off + 5]!);
  t.addBytes(ci, hf.contactkuid, off + 6, 20);
  const a = socketAddress(p, off + 26, end, ci, 'Socket Address');
  if (a > 0) t.setEnd(ci, a);
  return a;
}

function dissectMojito(p: Packet, off: number, end: number, parent: number): number {
  const b = p.buf;
  const t = p.tree;
  p.proto = 'Mojito';
  const op = b[off + OPCODE]!;
  const opName = VALS_OPCODE.get(op) ?? `Unknown (${op})`;
  if (p.cols) p.setInfo(opName);
  const top = p.addProto(parent, proto_mojito, off, end);
  const hi = t.addText(top, off, HEADER_LEN + 1 + 34, 'Gnutella Header');
  t.addBytes(hi, hf.messageid, off + MSGID, 16);
  t.addNum(hi, hf.fdhtmessage, off + FDHT, 1, b[off + FDHT]!);
  const vi = t.addText(hi, off + MAJOR, 2, 'Version');
  t.addNum(vi, hf.majorversion, off + MAJOR, 1, b[off + MAJOR]!);
  t.addNum(vi, hf.minorversion, off + MINOR, 1, b[off + MINOR]!);
  t.addNum(hi, hf.payloadlength, off + PLEN, 4, p.dv.getUint32(off + PLEN, true));
  t.addNum(hi, hf.opcode, off + OPCODE, 1, op);

  let o = off + CONTACT;
  if (!p.need(o, 26, end)) return end - off;
  const ci = t.addText(hi, o, 33, 'Originating Contact');
  t.addStr(ci, hf.vendor, o, 4, latin1(b, o, o + 4));
  const cvi = t.addText(ci, o + 4, 2, 'Contact Version');
  t.addNum(cvi, hf.majorversion, o + 4, 1, b[o + 4]!);
  t.addNum(cvi, hf.minorversion, o + 5, 1, b[o + 5]!);
  t.addBytes(ci, hf.kuid, o + 6, 20);
  o = socketAddress(p, o + 26, end, ci, 'Socket Address');
  if (o < 0) return end - off;
  if (!p.need(o, 4, end)) return end - off;
  t.addNum(hi, hf.instanceid, o, 1, b[o]!);
  const fl = b[o + 1]!;
  const fi = t.addNum(hi, hf.flags, o + 1, 1, fl);
  t.addNum(fi, hf.shutdown, o + 1, 1, fl);
  t.addNum(fi, hf.firewalled, o + 1, 1, fl);
  const ext = p.dv.getUint16(o + 2);
  t.addNum(hi, hf.extlength, o + 2, 2, ext);
  o += 4;
  if (!p.need(o, ext, end)) return end - off;
  o += ext;
  t.setEnd(hi, o);

  const di = t.addText(top, o, end - o, `Opcode specific data (${opName})`);
  switch (op) {
    case 2: { // PING RESPONSE: requester's address, estimated DHT size
      const a = socketAddress(p, o, end, di, "Requester's External Socket Address");
      if (a < 0 || !p.need(a, 1, end)) break;
      const n = b[a]!;
      const bi = t.addText(di, a, 1 + n, 'Estimated DHT size');
      t.addNum(bi, hf.bigintegerlen, a, 1, n);
      if (!p.need(a + 1, n, end)) break;
      if (n === 1) t.addNum(bi, hf.bigintegerval, a + 1, 1, b[a + 1]!);
      t.addBytes(bi, hf.bigintegerhexval, a + 1, n);
      break;
    }
    case 5: // FIND NODE REQUEST: target KUID
      if (!p.need(o, 20, end)) break;
      { const k = t.addBytes(di, hf.kuid, o, 20); if (k >= 0) t.setLabel(k, `Target Kademlia Unique ID (KUID): ${hexBytes(b.subarray(o, o + 20))}`); }
      break;
    case 6: { // FIND NODE RESPONSE: security token, contacts
      if (!p.need(o, 1, end)) break;
      const sl = b[o]!;
      t.addNum(di, hf.sectokenlen, o, 1, sl);
      if (!p.need(o + 1, sl + 1, end)) break;
      t.addBytes(di, hf.sectoken, o + 1, sl);
      let c = o + 1 + sl;
      const count = b[c]!;
      t.addNum(di, hf.contactcount, c, 1, count);
      c++;
      for (let i = 1; i <= count && c > 0; i++) c = contact(p, c, end, di, i);
      break;
    }
    default:
      if (end > o) t.addBytes(di, hf.data, o, end - o);
  }
  return end - off;
}

/** Heuristic: the 0x44 FDHT byte and a payload length that fits the datagram. */
function heurMojito(p: Packet, off: number, end: number, parent: number): number {
  if (end - off < CONTACT + 1) return 0;
  if (p.buf[off + FDHT] !== FDHT_MAGIC) return 0;
  if (p.dv.getUint32(off + PLEN, true) + HEADER_LEN !== end - off) return 0;
  const op = p.buf[off + OPCODE]!;
  if (op < 1 || op > 10) return 0;
  return dissectMojito(p, off, end, parent);
}

registerHandle('mojito', dissectMojito);
udpHeuristics.add('mojito_udp', heurMojito);
