// nflog: Linux Netfilter NFLOG pseudo-header (pcap link type 239).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Family     |    Version    |   Resource id (big endian)    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | TLV length (little endian)    | TLV type (little endian)      |  repeated, each padded to 4
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The NFULA_PAYLOAD TLV holds the packet, an IPv4 or IPv6 datagram by the header's family.
// TLV lengths include the 4-byte TLV header; the payload TLV is dissected where it lies.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, type Handle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { ipHandle } from './ip.js';
import { ipv6Handle } from './ipv6.js';
import { latin1z } from './strz.js';
import { callData } from './data.js';

const FAMILY = 0;
const VERSION = 1;
const RES_ID = 2;
const HEADER_LEN = RES_ID + 2;
const TLV_HEADER_LEN = 4;

const NFULA_PACKET_HDR = 1;
const NFULA_IFINDEX_INDEV = 4;
const NFULA_IFINDEX_OUTDEV = 5;
const NFULA_IFINDEX_PHYSINDEV = 6;
const NFULA_IFINDEX_PHYSOUTDEV = 7;
const NFULA_PAYLOAD = 9;
const NFULA_PREFIX = 10;
const NFULA_UID = 11;
const NFULA_GID = 14;

const AF_INET = 2;
const AF_INET6 = 10;

export const proto_nflog = registerProtocol('nflog', 'Linux Netfilter NFLOG', 'NFLOG');

const FAMILY_NAMES = vals({ 0: 'Unspecified', 1: 'IPv4/IPv6', 2: 'IPv4', 3: 'ARP', 5: 'Netdev', 7: 'Bridge', 10: 'IPv6', 12: 'DECNET' });
const TLV_NAMES = vals({
  0: 'NFULA_UNSPEC', 1: 'NFULA_PACKET_HDR', 2: 'NFULA_MARK', 3: 'NFULA_TIMESTAMP', 4: 'NFULA_IFINDEX_INDEV',
  5: 'NFULA_IFINDEX_OUTDEV', 6: 'NFULA_IFINDEX_PHYSINDEV', 7: 'NFULA_IFINDEX_PHYSOUTDEV', 8: 'NFULA_HWADDR',
  9: 'NFULA_PAYLOAD', 10: 'NFULA_PREFIX', 11: 'NFULA_UID', 12: 'NFULA_SEQ', 13: 'NFULA_SEQ_GLOBAL', 14: 'NFULA_GID',
  15: 'NFULA_HWTYPE', 16: 'NFULA_HWHEADER', 17: 'NFULA_HWLEN',
});
const HOOK_NAMES = vals({ 0: 'Pre-routing', 1: 'Local in', 2: 'Forward', 3: 'Local out', 4: 'Post-routing' });

const hf = {
  family: f('nflog.family', 'Family', FT.UINT8, { vals: FAMILY_NAMES }),
  version: f('nflog.version', 'Version', FT.UINT8),
  res_id: f('nflog.res_id', 'Resource id', FT.UINT16),
  tlv: f('nflog.tlv', 'TLV', FT.BYTES),
  tlv_length: f('nflog.tlv_length', 'Length', FT.UINT16, { blurb: 'TLV Length' }),
  tlv_type: f('nflog.tlv_type', 'Type', FT.UINT16, { mask: 0x7fff, vals: TLV_NAMES, blurb: 'TLV Type' }),
  protocol: f('nflog.protocol', 'HW protocol', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  hook: f('nflog.hook', 'Netfilter hook', FT.UINT8, { vals: HOOK_NAMES }),
  ifindex_indev: f('nflog.ifindex_indev', 'IFINDEX_INDEV', FT.UINT32),
  ifindex_outdev: f('nflog.ifindex_outdev', 'IFINDEX_OUTDEV', FT.UINT32),
  ifindex_physindev: f('nflog.ifindex_physindev', 'IFINDEX_PHYSINDEV', FT.UINT32),
  ifindex_physoutdev: f('nflog.ifindex_physoutdev', 'IFINDEX_PHYSOUTDEV', FT.UINT32),
  prefix: f('nflog.prefix', 'Prefix', FT.STRINGZ, { blurb: 'TLV Prefix Value' }),
  uid: f('nflog.uid', 'UID', FT.INT32, { blurb: 'TLV UID Value' }),
  gid: f('nflog.gid', 'GID', FT.INT32, { blurb: 'TLV GID Value' }),
  tlv_value: f('nflog.tlv_value', 'Value', FT.BYTES, { blurb: 'TLV Value' }),
};

const IFINDEX: Record<number, number> = {
  [NFULA_IFINDEX_INDEV]: hf.ifindex_indev, [NFULA_IFINDEX_OUTDEV]: hf.ifindex_outdev,
  [NFULA_IFINDEX_PHYSINDEV]: hf.ifindex_physindev, [NFULA_IFINDEX_PHYSOUTDEV]: hf.ifindex_physoutdev,
};


function dissectNflog(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'NFLOG';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_nflog, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const family = b[off + FAMILY]!;
  t.addNum(top, hf.family, off + FAMILY, 1, family);
  t.addNum(top, hf.version, off + VERSION, 1, b[off + VERSION]!);
  t.addNum(top, hf.res_id, off + RES_ID, 2, dv.getUint16(off + RES_ID));
  let o = off + HEADER_LEN;
  let payOff = -1, payEnd = -1;
  while (o + TLV_HEADER_LEN <= end) {
    if (!p.need(o, TLV_HEADER_LEN, end)) return end - off;
    const len = dv.getUint16(o, true);
    const type = dv.getUint16(o + 2, true) & 0x7fff;
    if (len < TLV_HEADER_LEN) break;
    const tlvEnd = Math.min(o + len, end);
    const ti = t.addBytes(top, hf.tlv, o, tlvEnd - o);
    if (ti >= 0 && t.full) t.setLabel(ti, `TLV Type: ${TLV_NAMES.get(type) ?? 'Unknown'} (${type}), Length: ${len}`);
    t.addNum(ti, hf.tlv_length, o, 2, len);
    t.addNum(ti, hf.tlv_type, o + 2, 2, type);
    const v = o + TLV_HEADER_LEN;
    const vlen = tlvEnd - v;
    if (type === NFULA_PAYLOAD) {
      payOff = v;
      payEnd = tlvEnd;
    } else if (vlen > 0 && p.need(v, vlen, end)) {
      if (type === NFULA_PACKET_HDR && vlen >= 3) {
        t.addNum(ti, hf.protocol, v, 2, dv.getUint16(v));
        t.addNum(ti, hf.hook, v + 2, 1, b[v + 2]!);
      } else if (IFINDEX[type] !== undefined && vlen >= 4) {
        t.addNum(ti, IFINDEX[type]!, v, 4, dv.getUint32(v));
      } else if (type === NFULA_PREFIX) {
        t.addStr(ti, hf.prefix, v, vlen, latin1z(b, v, vlen));
      } else if ((type === NFULA_UID || type === NFULA_GID) && vlen >= 4) {
        t.addNum(ti, type === NFULA_UID ? hf.uid : hf.gid, v, 4, dv.getInt32(v));
      } else t.addBytes(ti, hf.tlv_value, v, vlen);
    } else if (p.stopped) return end - off;
    // TLVs are padded to 4 bytes
    o += (len + 3) & ~3;
  }
  if (payOff < 0 || payOff >= payEnd) return end - off;
  const h: Handle | undefined = family === AF_INET ? ipHandle : family === AF_INET6 ? ipv6Handle : undefined;
  if (h) p.call(h, payOff, payEnd, parent);
  else callData(p, payOff, payEnd, parent);
  return end - off;
}

export const nflogHandle = registerHandle('nflog', dissectNflog);
linktypeTable.add(239, nflogHandle);
