// ipoib: IP over InfiniBand (RFC 4391) as captured by Linux (pcap link type 242, 44-byte header).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |            (20 bytes not shown by tshark: source side)        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Flags       |        Destination QPN                        |  offset 20
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                  Destination GID (16 bytes)                   |  offset 24
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Type (EtherType)     |           Reserved            |  offset 40
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The payload dispatches on the type through the ethertype table, without an `ethertype` layer.

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { callData } from './data.js';

const DADDR = 20;
const DQPN = 21;
const DGID = 24;
const TYPE = 40;
const RESERVED = 42;
const HEADER_LEN = RESERVED + 2;

export const proto_ipoib = registerProtocol('ipoib', 'IP over Infiniband', 'IPoIB');

const hf = {
  daddr: f('ipoib.daddr', 'Destination address', FT.NONE),
  qpn: f('ipoib.daddr.qpn', 'Destination QPN', FT.UINT24, { base: Base.HEX }),
  dgid: f('ipoib.dgid', 'Destination GID', FT.IPv6),
  type: f('ipoib.type', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  reserved: f('ipoib.reserved', 'Reserved', FT.UINT16, { base: Base.HEX }),
};

function dissectIpoib(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'IPoIB';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_ipoib, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const da = t.addItem(top, hf.daddr, off + DADDR, DGID + 16 - DADDR);
  t.addNum(da, hf.qpn, off + DQPN, 3, p.dv.getUint32(off + DADDR) & 0xffffff);
  t.addBytes(da, hf.dgid, off + DGID, 16);
  const type = p.dv.getUint16(off + TYPE);
  t.addNum(top, hf.type, off + TYPE, 2, type);
  t.addNum(top, hf.reserved, off + RESERVED, 2, p.dv.getUint16(off + RESERVED));
  const o = off + HEADER_LEN;
  if (o >= end) return end - off;
  const n = ethertypeTable.dissect(type, p, o, end, parent);
  if (n === 0 && !p.stopped) callData(p, o, end, parent);
  return end - off;
}

export const ipoibHandle = registerHandle('ipoib', dissectIpoib);
linktypeTable.add(242, ipoibHandle);
