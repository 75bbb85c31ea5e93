// mdns: Multicast DNS (RFC 6762) on UDP port 5353. The message format is DNS's (dns.ts); what
// differs is the top bit of the class: "QU" (unicast response wanted) in questions, "cache flush"
// in records. The fields are dns.* (as tshark registers them); only the protocol item is mdns.

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, type Handle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { dissectDnsMessage, Flavor, setFlavorProto } from './dns.js';

export const proto_mdns = registerProtocol('mdns', 'Multicast Domain Name System', 'mDNS');
setFlavorProto(Flavor.MDNS, proto_mdns);

function dissectMdns(p: Packet, off: number, end: number, parent: number): number {
  if (off >= end) return 0;
  p.clearInfo();
  dissectDnsMessage(p, off, end, parent, Flavor.MDNS, -1, 0);
  return end - off;
}

export const mdnsHandle: Handle = registerHandle('mdns', dissectMdns);
udpPortTable.add(5353, mdnsHandle);
