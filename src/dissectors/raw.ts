// raw: raw IP frames without a link-layer header — LINKTYPE_RAW (101, and the old DLT_RAW values
// 12 and 14), which may carry IPv4 or IPv6 (told apart by the version nibble), and
// LINKTYPE_IPV4 (228) / LINKTYPE_IPV6 (229), which go straight to ip / ipv6 with no `raw` layer.
//
//  0 1 2 3 4 5 6 7
// +-+-+-+-+-+-+-+-+
// |Version|  …    |   an IPv4 or IPv6 header follows directly
// +-+-+-+-+-+-+-+-+

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { callData } from './data.js';

export const proto_raw = registerProtocol('raw', 'Raw packet data', 'Raw');

function dissectRaw(p: Packet, off: number, end: number, parent: number): number {
  p.proto = 'N/A';
  p.src = 'N/A';
  p.dst = 'N/A';
  if (p.cols) p.setInfo('Raw packet data');
  // The raw item covers no bytes: tshark shows it as a bare "Raw packet data" line.
  p.addProto(parent, proto_raw, off, off);
  if (off >= Math.min(end, p.capEnd)) return end - off;
  const version = p.buf[off]! >> 4;
  const h = version === 4 ? findHandle('ip') : version === 6 ? findHandle('ipv6') : undefined;
  const n = h ? p.call(h, off, end, parent) : 0;
  if (n === 0 && !p.stopped) callData(p, off, end, parent);
  return end - off;
}

/** LINKTYPE_IPV4 / LINKTYPE_IPV6: the named dissector, no `raw` layer; nothing else when it declines. */
function rawTo(name: string): (p: Packet, off: number, end: number, parent: number) => number {
  return (p, off, end, parent) => {
    const h = findHandle(name);
    if (!h) return callData(p, off, end, parent);
    p.call(h, off, end, parent);
    return end - off;
  };
}

export const rawHandle = registerHandle('raw', dissectRaw);
linktypeTable.add(101, rawHandle);
linktypeTable.add(12, rawHandle);
linktypeTable.add(14, rawHandle);
linktypeTable.add(228, registerHandle('raw_ip4', rawTo('ip')));
linktypeTable.add(229, registerHandle('raw_ip6', rawTo('ipv6')));
