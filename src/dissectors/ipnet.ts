// ipnet: Solaris IPNET pseudo-header (pcap link type 226), what snoop on an IP observability
// device records.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Version     |    Family     |          Hook type            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                         Data length                           |
// |                       Interface index                         |
// |                    Group interface index                      |
// |                       Source zone ID                          |
// |                    Destination zone ID                        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Family 2 (AF_INET) carries IPv4, 26 (Solaris AF_INET6) IPv6.

import { FT, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ipHandle } from './ip.js';
import { ipv6Handle } from './ipv6.js';
import { callData } from './data.js';

const VERSION = 0;
const FAMILY = 1;
const HTYPE = 2;
const PKTLEN = 4;
const IFINDEX = 8;
const GRIFINDEX = 12;
const ZSRC = 16;
const ZDST = 20;
const HEADER_LEN = ZDST + 4;

const AF_INET = 2;
const AF_INET6 = 26;

export const proto_ipnet = registerProtocol('ipnet', 'Solaris IPNET', 'IPNET');

const hf = {
  version: f('ipnet.version', 'Header version', FT.UINT8),
  family: f('ipnet.family', 'Address family', FT.UINT8, { vals: vals({ 2: 'Solaris AF_INET', 26: 'Solaris AF_INET6' }) }),
  htype: f('ipnet.htype', 'Hook type', FT.UINT16, { vals: vals({ 0: 'Inbound', 1: 'Outbound', 2: 'Local' }) }),
  pktlen: f('ipnet.pktlen', 'Data length', FT.UINT32),
  ifindex: f('ipnet.ifindex', 'Interface index', FT.UINT32),
  grifindex: f('ipnet.grifindex', 'Group interface index', FT.UINT32),
  zsrc: f('ipnet.zsrc', 'Source Zone ID', FT.UINT32),
  zdst: f('ipnet.zdst', 'Destination Zone ID', FT.UINT32),
};

function dissectIpnet(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  p.proto = 'IPNET';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_ipnet, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const family = p.buf[off + FAMILY]!;
  t.addNum(top, hf.version, off + VERSION, 1, p.buf[off + VERSION]!);
  t.addNum(top, hf.family, off + FAMILY, 1, family);
  t.addNum(top, hf.htype, off + HTYPE, 2, dv.getUint16(off + HTYPE));
  t.addNum(top, hf.pktlen, off + PKTLEN, 4, dv.getUint32(off + PKTLEN));
  t.addNum(top, hf.ifindex, off + IFINDEX, 4, dv.getUint32(off + IFINDEX));
  t.addNum(top, hf.grifindex, off + GRIFINDEX, 4, dv.getUint32(off + GRIFINDEX));
  t.addNum(top, hf.zsrc, off + ZSRC, 4, dv.getUint32(off + ZSRC));
  t.addNum(top, hf.zdst, off + ZDST, 4, dv.getUint32(off + ZDST));
  const o = off + HEADER_LEN;
  if (o >= end) return end - off;
  if (family === AF_INET) p.call(ipHandle, o, end, parent);
  else if (family === AF_INET6) p.call(ipv6Handle, o, end, parent);
  else callData(p, o, end, parent);
  return end - off;
}

export const ipnetHandle = registerHandle('ipnet', dissectIpnet);
linktypeTable.add(226, ipnetHandle);
