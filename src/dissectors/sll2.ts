// sll2: Linux "cooked" capture v2 (LINKTYPE_LINUX_SLL2 276): v1's fields in another order plus
// the interface index. tshark shows it as the `sll` protocol ("Linux cooked capture v2").
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |         Protocol type         |       Reserved (MBZ)          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                        Interface index                        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          ARPHRD_ type         |  Packet type  | Address length|
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |            Link-layer address (8 bytes, halen used)           |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { proto_sll, hf_sll, PKTTYPE_NAMES, addSllAddress, addSllProtocol, dispatchSll } from './sll.js';

const PROTOCOL = 0;
const IFINDEX = 4;
const HATYPE = 8;
const PKTTYPE = 10;
const HALEN = 11;
const ADDR = 12;
const HEADER_LEN = ADDR + 8;

function dissectSll2(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'SLL';
  p.curProto = 'SLL';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_sll, off, off + HEADER_LEN);
  if (top >= 0 && t.full) t.setLabel(top, 'Linux cooked capture v2');
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const dv = p.dv;
  const hatype = dv.getUint16(off + HATYPE);
  const pkttype = p.buf[off + PKTTYPE]!;
  const halen = p.buf[off + HALEN]!;
  if (p.cols) p.setInfo(PKTTYPE_NAMES.get(pkttype) ?? `Unknown (${pkttype})`);
  const proto = addSllProtocol(p, top, hatype, off + PROTOCOL);
  t.addNum(top, hf_sll.ifindex, off + IFINDEX, 4, dv.getUint32(off + IFINDEX));
  t.addNum(top, hf_sll.hatype, off + HATYPE, 2, hatype);
  t.addNum(top, hf_sll.pkttype, off + PKTTYPE, 1, pkttype);
  t.addNum(top, hf_sll.halen, off + HALEN, 1, halen);
  addSllAddress(p, top, hatype, halen, off + ADDR);
  dispatchSll(p, top, proto, off + HEADER_LEN, off, end, parent);
  return end - off;
}

export const sll2Handle = registerHandle('sll2', dissectSll2);
linktypeTable.add(276, sll2Handle);
