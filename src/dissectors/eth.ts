// eth: Ethernet II (and the 802.3 length form).
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

import { FT, Base, f, registerProtocol, vals, type TrueFalse } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { dissectEthertype } from './ethertype.js';
import { linktypeTable } from './frame.js';
import { callData } from './data.js';

const DST = 0;
const SRC = 6;
const TYPE = 12;
const HEADER_LEN = TYPE + 2;

export const proto_eth = registerProtocol('eth', 'Ethernet', 'Ethernet');

/** Ethertype names as tshark shows them in `Type: IPv4 (0x0800)`. */
export const ETHERTYPE_NAMES = vals({
  0x0800: 'IPv4', 0x0806: 'ARP', 0x8035: 'RARP', 0x86dd: 'IPv6', 0x8100: '802.1Q Virtual LAN',
  0x88a8: '802.1ad Provider Bridge (Q-in-Q)', 0x9100: 'QinQ: old non-standard 802.1ad', 0x8847: 'MPLS label switched packet',
  0x8848: 'MPLS multicast label switched packet', 0x8863: 'PPPoE Discovery', 0x8864: 'PPPoE Session',
  0x88cc: '802.1 Link Layer Discovery Protocol (LLDP)', 0x888e: '802.1X Authentication', 0x9000: 'Configuration Test Protocol (loopback)',
  0x88e5: '802.1AE (MACsec)', 0x8809: 'Slow Protocols', 0x88f7: 'PTPv2 over Ethernet (IEEE1588)', 0x22f0: 'AVTP', 0x8915: 'RDMA over Converged Ethernet',
  0x6558: 'Transparent Ethernet bridging', 0x880b: 'PPP', 0x0842: 'Wake on LAN', 0x8906: 'Fibre Channel over Ethernet', 0x8914: 'FCoE Initialization Protocol',
  0x8926: 'VN-Tag', 0x893f: '802.1BR E-Tag', 0x88b5: 'Local Experimental Ethertype 1', 0x88b6: 'Local Experimental Ethertype 2',
});

const LG: TrueFalse = ['Locally administered address (this is NOT the factory default)', 'Globally unique address (factory default)'];
const IG: TrueFalse = ['Group address (multicast/broadcast)', 'Individual address (unicast)'];

const hf = {
  dst: f('eth.dst', 'Destination', FT.ETHER, { blurb: 'Destination Hardware Address' }),
  dst_lg: f('eth.dst.lg', 'LG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x20000, tfs: LG }),
  dst_ig: f('eth.dst.ig', 'IG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x10000, tfs: IG }),
  src: f('eth.src', 'Source', FT.ETHER, { blurb: 'Source Hardware Address' }),
  src_lg: f('eth.src.lg', 'LG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x20000, tfs: LG }),
  src_ig: f('eth.src.ig', 'IG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x10000, tfs: IG }),
  addr: f('eth.addr', 'Address', FT.ETHER, { blurb: 'Source or Destination Hardware Address' }),
  lg: f('eth.lg', 'LG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x20000, tfs: LG }),
  ig: f('eth.ig', 'IG bit', FT.BOOLEAN, { boolBits: 24, mask: 0x10000, tfs: IG }),
  type: f('eth.type', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  len: f('eth.len', 'Length', FT.UINT16),
  padding: f('eth.padding', 'Padding', FT.BYTES, { blurb: 'Ethernet Padding' }),
  trailer: f('eth.trailer', 'Trailer', FT.BYTES, { blurb: 'Ethernet Trailer or Checksum' }),
};

/** Adds an address item with its LG/IG bits (tshark shows them under each address). */
function addAddr(p: Packet, parent: number, hfAddr: number, hfLg: number, hfIg: number, off: number): void {
  const t = p.tree;
  const word = (p.buf[off]! << 16) | (p.buf[off + 1]! << 8) | p.buf[off + 2]!;
  const a = t.addBytes(parent, hfAddr, off, 6);
  t.addBytes(a, hf.addr, off, 6);
  t.addNum(a, hfLg, off, 3, word);
  t.addNum(a, hfIg, off, 3, word);
  t.hide(t.addNum(a, hf.lg, off, 3, word));
  t.hide(t.addNum(a, hf.ig, off, 3, word));
}

function dissectEth(p: Packet, off: number, end: number, parent: number): number {
  if (!p.need(off, HEADER_LEN, end)) return 0;
  // Header length checked: read without further checks.
  const t = p.tree;
  const type = p.dv.getUint16(off + TYPE);
  const dst = formatMac(p.buf, off + DST);
  const src = formatMac(p.buf, off + SRC);
  p.src = src;
  p.dst = dst;
  p.proto = 'Ethernet';
  p.setInfo('');

  const top = p.addProto(parent, proto_eth, off, off + HEADER_LEN);
  if (top >= 0) t.setLabel(top, type <= 1500 ? `IEEE 802.3 Ethernet` : `Ethernet II, Src: ${src}, Dst: ${dst}`);
  addAddr(p, top, hf.dst, hf.dst_lg, hf.dst_ig, off + DST);
  addAddr(p, top, hf.src, hf.src_lg, hf.src_ig, off + SRC);

  const payload = off + HEADER_LEN;
  let used: number;
  if (type <= 1500) {
    // 802.3: a length, followed by LLC (not dissected yet: shown as data).
    t.addNum(top, hf.len, off + TYPE, 2, type);
    const pend = Math.min(end, payload + type);
    used = callData(p, payload, pend, parent);
  } else {
    t.addNum(top, hf.type, off + TYPE, 2, type);
    used = dissectEthertype(p, type, payload, end, parent);
  }
  if (p.stopped) return end - off;
  // What the payload did not claim is padding (short frames) — tshark shows it under eth.
  const rest = Math.min(end, p.capEnd) - (payload + used);
  if (used > 0 && rest > 0) t.addBytes(top, hf.padding, payload + used, rest);
  return end - off;
}

export const ethHandle = registerHandle('eth', dissectEth);
linktypeTable.add(1, ethHandle);
