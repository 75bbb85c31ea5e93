// Address pairs of a packet for the conversation and endpoint tables, one pair per layer of the
// requested type (tunnels give several), read from the few tree items the tap asked for. Like
// tshark, the headers quoted inside ICMP/ICMPv6 errors count for nothing.

import type { Packet } from '../core/packet.js';
import { fieldText } from '../core/format.js';
import { fid } from './tap.js';

export type AddrType = 'eth' | 'ip' | 'ipv6' | 'tcp' | 'udp';

export const ADDR_TYPES: readonly AddrType[] = ['eth', 'ip', 'ipv6', 'tcp', 'udp'];

/** Table titles as tshark prints them ("TCP Conversations", "IPv4 Endpoints"). */
export const ADDR_TITLES: Record<AddrType, string> = { eth: 'Ethernet', ip: 'IPv4', ipv6: 'IPv6', tcp: 'TCP', udp: 'UDP' };

/** Tree fields the walker reads for a type. */
export function addrFields(type: AddrType): string[] {
  const stop = ['icmp', 'icmpv6'];
  switch (type) {
    case 'eth': return ['eth.src', 'eth.dst'];
    case 'ip': return ['ip.src', 'ip.dst', ...stop];
    case 'ipv6': return ['ipv6.src', 'ipv6.dst', ...stop];
    case 'tcp':
    case 'udp': return ['ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', `${type}.srcport`, `${type}.dstport`, ...stop];
  }
}

/** An address pair callback: the source and destination (with port for tcp/udp). */
export type PairFn = (src: string, dst: string, srcPort: number, dstPort: number) => void;

/** Builds a walker that calls `fn` for each (src, dst) pair of `type` in a packet. */
export function addrWalker(type: AddrType): (p: Packet, fn: PairFn) => void {
  const ports = type === 'tcp' || type === 'udp';
  const sA = ports ? [fid('ip.src'), fid('ipv6.src')] : [fid(type === 'eth' ? 'eth.src' : `${type}.src`)];
  const dA = ports ? [fid('ip.dst'), fid('ipv6.dst')] : [fid(type === 'eth' ? 'eth.dst' : `${type}.dst`)];
  const sP = ports ? fid(`${type}.srcport`) : -2;
  const dP = ports ? fid(`${type}.dstport`) : -2;
  const icmp = fid('icmp');
  const icmp6 = fid('icmpv6');
  const text = (p: Packet, i: number): string => fieldText(p.tree, i);
  return (p, fn) => {
    const t = p.tree;
    let src: string | undefined;
    let dst: string | undefined;
    let sport = -1;
    for (let i = 0; i < t.n; i++) {
      const f = t.fid[i]!;
      if (f === icmp || f === icmp6) return;
      if (f === sA[0] || f === sA[1]) {
        src = text(p, i);
        if (!ports && dst !== undefined) { fn(src, dst, 0, 0); src = dst = undefined; }
      } else if (f === dA[0] || f === dA[1]) {
        dst = text(p, i);
        if (!ports && src !== undefined) { fn(src, dst, 0, 0); src = dst = undefined; }
      } else if (f === sP) {
        sport = t.num[i]!;
      } else if (f === dP) {
        if (src !== undefined && dst !== undefined && sport >= 0) fn(src, dst, sport, t.num[i]!);
        sport = -1;
      }
    }
  };
}
