// gre: Generic Routing Encapsulation (RFC 2784, key and sequence number RFC 2890; version 1 is
// PPTP's Enhanced GRE, RFC 2637).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |      Checksum (optional)      |       Offset (optional)       |  C or R
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                         Key (optional)                        |  K (v1: payload length, call id)
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                 Sequence Number (optional)                    |  S
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |               Acknowledgment Number (optional)                |  A (version 1)
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The payload dispatches on the protocol type: first the gre.proto table (Aruba WLAN, Cisco
// MetaData …), then the ethertype table without an `ethertype` layer (tshark: `ip:gre:ip`).
// Source route entries (R bit, long deprecated) are not decoded: the payload is shown as data.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, Table } from '../core/table.js';
import { ipProtoTable } from './ipproto.js';
import { ethertypeTable } from './ethertype.js';
import { callData } from './data.js';

const FLAGS = 0;
const PROTO = 2;
const HEADER_LEN = PROTO + 2;

const F_CHECKSUM = 0x8000;
const F_ROUTING = 0x4000;
const F_KEY = 0x2000;
const F_SEQ = 0x1000;
const F_ACK = 0x0080;

export const proto_gre = registerProtocol('gre', 'Generic Routing Encapsulation', 'GRE');

const ARUBA: Record<number, string> = {};
for (let t = 0x8200; t <= 0x8370; t += 0x10) ARUBA[t] = 'ARUBA WLAN';
ARUBA[0x9000] = 'ARUBA WLAN';

/** gre.proto value names (`tshark -G values`). */
export const GRE_PROTO_NAMES = vals({
  0x0: 'Possible GRE keepalive packet', 0x880b: 'PPP', 0x800: 'IP', 0x806: 'ARP', 0xfe: 'OSI', 0x883e: 'WCCP',
  0x2000: 'CDP (Cisco)', 0x2001: 'NHRP', 0x88be: 'ERSPAN', 0x22eb: 'ERSPAN III', 0x6400: 'MIKROTIK EoIP',
  0xfeae: 'AIROHIVE AP AP', 0x8137: 'IPX', 0x6558: 'Transparent Ethernet bridging', 0x6559: 'Frame Relay',
  0x86dd: 'IPv6', 0x8847: 'MPLS label switched packet', 0x894f: 'Network Service Header',
  0x8881: 'CDMA2000 A10 Unstructured byte stream', 0x88d2: 'CDMA2000 A10 3GPP2 Packet', 0x8909: 'CiscoMetaData',
  0xb7ea: 'Huawei GRE bonding', ...ARUBA,
});

const hf = {
  proto: f('gre.proto', 'Protocol Type', FT.UINT16, { base: Base.HEX, vals: GRE_PROTO_NAMES, blurb: 'The protocol that is GRE encapsulated' }),
  flags: f('gre.flags_and_version', 'Flags and Version', FT.UINT16, { base: Base.HEX, blurb: 'The GRE flags are encoded in the first two octets' }),
  f_checksum: f('gre.flags.checksum', 'Checksum Bit', FT.BOOLEAN, { boolBits: 16, mask: F_CHECKSUM, tfs: ['Yes', 'No'] }),
  f_routing: f('gre.flags.routing', 'Routing Bit', FT.BOOLEAN, { boolBits: 16, mask: F_ROUTING, tfs: ['Yes', 'No'] }),
  f_key: f('gre.flags.key', 'Key Bit', FT.BOOLEAN, { boolBits: 16, mask: F_KEY, tfs: ['Yes', 'No'] }),
  f_seq: f('gre.flags.sequence_number', 'Sequence Number Bit', FT.BOOLEAN, { boolBits: 16, mask: F_SEQ, tfs: ['Yes', 'No'] }),
  f_ssr: f('gre.flags.strict_source_route', 'Strict Source Route Bit', FT.BOOLEAN, { boolBits: 16, mask: 0x800, tfs: ['Yes', 'No'] }),
  f_recur: f('gre.flags.recursion_control', 'Recursion control', FT.UINT16, { mask: 0x700 }),
  f_ack: f('gre.flags.ack', 'Acknowledgment', FT.BOOLEAN, { boolBits: 16, mask: F_ACK, tfs: ['Yes', 'No'] }),
  f_reserved: f('gre.flags.reserved', 'Flags (Reserved)', FT.UINT16, { mask: 0xf8 }),
  f_version: f('gre.flags.version', 'Version', FT.UINT16, { mask: 0x7, vals: vals({ 0: 'GRE', 1: 'Enhanced GRE' }) }),
  checksum: f('gre.checksum', 'Checksum', FT.UINT16, { base: Base.HEX }),
  checksum_status: f('gre.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: vals({ 0: 'Bad', 1: 'Good', 2: 'Unverified', 3: 'Not present', 4: 'Illegal' }) }),
  offset: f('gre.offset', 'Offset', FT.UINT16),
  key: f('gre.key', 'Key', FT.UINT32, { base: Base.HEX }),
  key_len: f('gre.key.payload_length', 'Payload Length', FT.UINT16),
  key_call: f('gre.key.call_id', 'Call ID', FT.UINT16),
  seq: f('gre.sequence_number', 'Sequence Number', FT.UINT32),
  ack: f('gre.ack_number', 'Acknowledgment Number', FT.UINT32),
};

/** GRE protocol type → dissector, consulted before the ethertype table (Aruba WLAN, CMD, ERSPAN …). */
export const greProtoTable = new Table('gre.proto', 'GRE protocol type');

function dissectGre(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'GRE';
  const top = p.addProto(parent, proto_gre, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Fixed header checked; each optional word is checked before it is read.
  const fv = p.dv.getUint16(off + FLAGS);
  const type = p.dv.getUint16(off + PROTO);
  const version = fv & 7;
  const name = GRE_PROTO_NAMES.get(type) ?? 'Unknown';
  if (p.cols) p.setInfo(`Encapsulated ${name}`);
  if (top >= 0 && t.full) t.appendLabel(top, ` (${name})`);
  const fi = t.addNum(top, hf.flags, off + FLAGS, 2, fv);
  t.addNum(fi, hf.f_checksum, off, 2, fv);
  t.addNum(fi, hf.f_routing, off, 2, fv);
  t.addNum(fi, hf.f_key, off, 2, fv);
  t.addNum(fi, hf.f_seq, off, 2, fv);
  t.addNum(fi, hf.f_ssr, off, 2, fv);
  t.addNum(fi, hf.f_recur, off, 2, fv);
  if (version === 1) t.addNum(fi, hf.f_ack, off, 2, fv);
  t.addNum(fi, hf.f_reserved, off, 2, fv);
  t.addNum(fi, hf.f_version, off, 2, fv);
  t.addNum(top, hf.proto, off + PROTO, 2, type);
  let o = off + HEADER_LEN;
  if (fv & (F_CHECKSUM | F_ROUTING)) {
    if (!p.need(o, 4, end)) return end - off;
    const ck = p.dv.getUint16(o);
    const ci = t.addNum(top, hf.checksum, o, 2, ck);
    if (ci >= 0 && t.full) t.setLabel(ci, `Checksum: 0x${ck.toString(16).padStart(4, '0')} [unverified]`);
    t.generated(t.addNum(top, hf.checksum_status, o, 2, 2));
    t.addNum(top, hf.offset, o + 2, 2, p.dv.getUint16(o + 2));
    o += 4;
  }
  if (fv & F_KEY) {
    if (!p.need(o, 4, end)) return end - off;
    if (version === 1) {
      t.addNum(top, hf.key_len, o, 2, p.dv.getUint16(o));
      t.addNum(top, hf.key_call, o + 2, 2, p.dv.getUint16(o + 2));
    } else t.addNum(top, hf.key, o, 4, p.dv.getUint32(o));
    o += 4;
  }
  if (fv & F_SEQ) {
    if (!p.need(o, 4, end)) return end - off;
    t.addNum(top, hf.seq, o, 4, p.dv.getUint32(o));
    o += 4;
  }
  if (version === 1 && fv & F_ACK) {
    if (!p.need(o, 4, end)) return end - off;
    t.addNum(top, hf.ack, o, 4, p.dv.getUint32(o));
    o += 4;
  }
  t.setEnd(top, o);
  if (o >= end) return end - off;
  if (fv & F_ROUTING) {
    callData(p, o, end, parent);
    return end - off;
  }
  let n = greProtoTable.dissect(type, p, o, end, parent);
  if (n === 0 && !p.stopped) n = ethertypeTable.dissect(type, p, o, end, parent);
  if (n === 0 && !p.stopped) callData(p, o, end, parent);
  return end - off;
}

export const greHandle = registerHandle('gre', dissectGre);
ipProtoTable.add(47, greHandle);
