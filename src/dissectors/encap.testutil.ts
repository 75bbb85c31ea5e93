// Shared by the tunnel and link-layer tests (gre, mpls, vxlan, nflog, ppp …): the Foundation
// golden columns of a capture compared with wirelens', frame.protocols cut after the layers the
// test is about (application protocols above them are other dissectors' business).

import { compareGolden, type CompareResult } from './golden.testutil.js';

/** Foundation columns of golden/FIELDS.txt that tunnels and link layers decide (inner and outer layers). */
export const ENCAP_COLUMNS = [
  'eth.src', 'eth.dst', 'eth.type', 'vlan.id', 'arp.opcode', 'ip.src', 'ip.dst', 'ip.proto', 'ip.ttl', 'ip.len',
  'ipv6.src', 'ipv6.dst', 'ipv6.nxt', 'icmp.type', 'icmpv6.type', 'udp.srcport', 'udp.dstport', 'tcp.srcport',
  'tcp.dstport', 'tcp.len', 'tcp.stream', 'frame.protocols',
] as const;

const BASE_LAYERS = [
  'eth', 'ethertype', 'vlan', 'ieee8021ad', 'arp', 'llc', 'ip', 'ipv6', 'icmp', 'icmpv6', 'tcp', 'udp',
];

/** `s` cut before the first layer not in `layers`. */
function prefixOf(s: string, layers: ReadonlySet<string>): string {
  const out: string[] = [];
  for (const x of s.split(':')) {
    if (!layers.has(x)) break;
    out.push(x);
  }
  return out.join(':');
}

/**
 * Compares ENCAP_COLUMNS of `rel` with its golden; frame.protocols up to the first layer outside the
 * base layers and `layers`. Undefined when the corpus is absent.
 */
export function encapAgreement(rel: string, layers: readonly string[]): CompareResult | undefined {
  const known = new Set([...BASE_LAYERS, ...layers]);
  return compareGolden(rel, ENCAP_COLUMNS, {
    transform: (c, w, g) => (c === 'frame.protocols' ? [prefixOf(w, known), prefixOf(g, known)] : [w, g]),
  });
}
