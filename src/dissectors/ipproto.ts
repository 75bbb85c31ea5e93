// The ip.proto table, shared by IPv4, IPv6 (next header after extension headers) and tunnels.

import { vals } from '../core/field.js';
import { Table } from '../core/table.js';

/** IP protocol number → dissector (1 icmp, 6 tcp, 17 udp, 58 icmpv6, 41 ipv6, 4 ip …). */
export const ipProtoTable = new Table('ip.proto', 'IP protocol', 256);

/** Protocol names as tshark shows them in `Protocol: TCP (6)` / `Next Header: UDP (17)`. */
export const IP_PROTO_NAMES = vals({
  0: 'IPv6 Hop-by-Hop Option', 1: 'ICMP', 2: 'IGMP', 4: 'IPIP', 6: 'TCP', 8: 'EGP', 9: 'IGP', 17: 'UDP',
  27: 'RDP', 33: 'DCCP', 41: 'IPv6', 43: 'Routing Header for IPv6', 44: 'Fragment Header for IPv6',
  46: 'RSVP', 47: 'Generic Routing Encapsulation', 50: 'Encap Security Payload', 51: 'Authentication Header',
  58: 'ICMPv6', 59: 'IPv6 No Next Header', 60: 'Destination Options for IPv6', 88: 'EIGRP', 89: 'OSPF IGP',
  97: 'Ethernet-within-IP Encapsulation', 103: 'PIM', 112: 'Virtual Router Redundancy Protocol', 115: 'Layer 2 Tunneling Protocol',
  132: 'SCTP', 135: 'Mobility Header', 136: 'UDPLite', 137: 'MPLS in IP', 143: 'Ethernet', 253: 'Experimental 1', 254: 'Experimental 2',
});
