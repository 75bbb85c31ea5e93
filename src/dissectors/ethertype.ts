// ethertype: the pseudo-layer between a link layer and what it carries (shown in frame.protocols
// as `eth:ethertype:ip`). Ethernet, VLAN, SLL, SLL2 and GRE all dispatch through it.

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { Table } from '../core/table.js';
import { callData } from './data.js';

export const proto_ethertype = registerProtocol('ethertype', 'Ethertype', 'Ethertype');

/** ethertype → dissector (0x0800 ip, 0x86dd ipv6, 0x0806 arp, 0x8100 vlan …). */
export const ethertypeTable = new Table('ethertype', 'Ethertype');

/**
 * Dispatches the payload [off, end) on `type`. Returns the bytes the payload dissector consumed
 * (so the caller can show what is left as padding/trailer), or end - off when shown as data.
 */
export function dissectEthertype(p: Packet, type: number, off: number, end: number, parent: number): number {
  p.addLayer(proto_ethertype);
  const n = ethertypeTable.dissect(type, p, off, end, parent);
  if (n > 0 || p.stopped) return n;
  // an unknown type's payload is the bytes captured: a frame cut by the snaplen is not "limited
  // during capture" there (tshark 4.0: 'Data (46 bytes)' of a 100-byte frame captured to 60)
  return callData(p, off, Math.min(end, p.capEnd), parent);
}
