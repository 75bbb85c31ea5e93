// arcnet: ARCNET as captured by Linux (pcap link type 129), RFC 1201 / RFC 1051 encapsulations.
//
//  0               1               2               3
//  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Source     |  Destination  |         Offset (2)            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  Protocol ID  | Split flag    |        Sequence (2)           |  RFC 1201 protocol IDs
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// RFC 1201 exception packets (split flag 0xff) insert 2 bytes of padding, then repeat the protocol
// ID and split flag. RFC 1051 protocol IDs (0xf0, 0xf1) have no split flag or sequence.
// Source and Destination columns are the one-byte station IDs (`0xbe`).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, type Handle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { ipHandle } from './ip.js';
import { ipv6Handle } from './ipv6.js';
import { arpHandle } from './arp.js';
import { callData } from './data.js';

const SRC = 0;
const DST = 1;
const OFFSET = 2;
const PROTO = 4;
const SPLIT = 5;
const SEQ = 6;
const HEADER_LEN = SEQ + 2;
const RFC1051_HEADER_LEN = PROTO + 1;
const EXCEPTION_LEN = 4;

const RFC1051_IP = 0xf0;
const RFC1051_ARP = 0xf1;

export const proto_arcnet = registerProtocol('arcnet', 'ARCNET', 'ARCNET');

const PROTO_NAMES = vals({
  0xf0: 'RFC 1051 IP', 0xf1: 'RFC 1051 ARP', 0xd4: 'RFC 1201 IP', 0xd5: 'RFC 1201 ARP', 0xd6: 'RFC 1201 RARP',
  0xfa: 'IPX', 0xec: 'Novell of some sort', 0xc4: 'IPv6', 0xe8: 'Encapsulated Ethernet', 0x0: 'Datapoint boot',
  0x1: 'Datapoint mount', 0x8: 'PowerLAN beacon', 0xf3: 'PowerLAN beacon2', 0xdd: 'Appletalk', 0xf7: 'Banyan VINES',
  0x80: 'Diagnose', 0xcd: 'BACnet',
});
/** protocol ID → dissector */
const PROTO_HANDLES: ReadonlyMap<number, Handle> = new Map([[0xf0, ipHandle], [0xd4, ipHandle], [0xf1, arpHandle], [0xd5, arpHandle], [0xd6, arpHandle], [0xc4, ipv6Handle]]);

const hf = {
  src: f('arcnet.src', 'Source', FT.UINT8, { base: Base.HEX, blurb: 'Source ID' }),
  dst: f('arcnet.dst', 'Dest', FT.UINT8, { base: Base.HEX, blurb: 'Dest ID' }),
  offset: f('arcnet.offset', 'Offset', FT.BYTES),
  protID: f('arcnet.protID', 'Protocol ID', FT.UINT8, { base: Base.HEX, vals: PROTO_NAMES, blurb: 'Proto type' }),
  split_flag: f('arcnet.split_flag', 'Split Flag', FT.UINT8),
  exception_flag: f('arcnet.exception_flag', 'Exception Flag', FT.UINT8, { base: Base.HEX }),
  sequence: f('arcnet.sequence', 'Sequence', FT.UINT16, { blurb: 'Sequence number' }),
  padding: f('arcnet.padding', 'Padding', FT.UINT16, { base: Base.HEX }),
};

function hex2(v: number): string {
  return '0x' + v.toString(16).padStart(2, '0');
}

function dissectArcnet(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'ARCNET';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_arcnet, off, off + HEADER_LEN);
  if (!p.need(off, RFC1051_HEADER_LEN, end)) return end - off;
  const src = b[off + SRC]!;
  const dst = b[off + DST]!;
  p.src = hex2(src);
  p.dst = hex2(dst);
  t.addNum(top, hf.src, off + SRC, 1, src);
  t.addNum(top, hf.dst, off + DST, 1, dst);
  const oi = t.addBytes(top, hf.offset, off + OFFSET, 2);
  if (oi >= 0 && t.full) t.setLabel(oi, `Offset: ${hex2(b[off + OFFSET]!).slice(2)}${hex2(b[off + OFFSET + 1]!).slice(2)}`);
  let proto = b[off + PROTO]!;
  t.addNum(top, hf.protID, off + PROTO, 1, proto);
  let o = off + RFC1051_HEADER_LEN;
  if (proto !== RFC1051_IP && proto !== RFC1051_ARP) {
    if (!p.need(o, 1, end)) return end - off;
    let split = b[o]!;
    if (split === 0xff) {
      // exception packet: flag, padding, then the real protocol ID and split flag
      t.addNum(top, hf.exception_flag, o, 1, split);
      if (!p.need(o + 1, EXCEPTION_LEN, end)) return end - off;
      t.addNum(top, hf.padding, o + 1, 2, p.dv.getUint16(o + 1));
      proto = b[o + 3]!;
      t.addNum(top, hf.protID, o + 3, 1, proto);
      o += EXCEPTION_LEN;
      split = b[o]!;
    }
    t.addNum(top, hf.split_flag, o, 1, split);
    if (!p.need(o + 1, 2, end)) return end - off;
    t.addNum(top, hf.sequence, o + 1, 2, p.dv.getUint16(o + 1));
    o += 3;
  }
  t.setEnd(top, o);
  if (o >= end) return end - off;
  const h = PROTO_HANDLES.get(proto);
  if (h) p.call(h, o, end, parent);
  else callData(p, o, end, parent);
  return end - off;
}

export const arcnetHandle = registerHandle('arcnet', dissectArcnet);
linktypeTable.add(129, arcnetHandle);
