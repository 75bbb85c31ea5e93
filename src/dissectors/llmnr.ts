// llmnr: Link-Local Multicast Name Resolution (RFC 4795) on UDP port 5355. DNS's message format
// (dns.ts) with its own flags: C (conflict) where DNS has AA, T (tentative) where DNS has RD.
// The fields are dns.* (as tshark registers them); only the protocol item is llmnr.
//
//    0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
//  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//  |QR|   Opcode  | C|TC| T| Z| Z| Z| Z|   RCODE   |
//  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, type Handle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { dissectDnsMessage, Flavor, setFlavorProto } from './dns.js';

export const proto_llmnr = registerProtocol('llmnr', 'Link-local Multicast Name Resolution', 'LLMNR');
setFlavorProto(Flavor.LLMNR, proto_llmnr);

function dissectLlmnr(p: Packet, off: number, end: number, parent: number): number {
  if (off >= end) return 0;
  p.clearInfo();
  dissectDnsMessage(p, off, end, parent, Flavor.LLMNR, -1, 0);
  return end - off;
}

export const llmnrHandle: Handle = registerHandle('llmnr', dissectLlmnr);
udpPortTable.add(5355, llmnrHandle);
