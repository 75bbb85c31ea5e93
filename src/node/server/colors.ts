// Wireshark's default packet colouring rules (the colorfilters defaults of Wireshark 4.0: name,
// display filter, background and foreground colour). The first rule that matches colours the
// row. Rules whose filter does not compile here (protocols wirelens does not dissect yet) are
// left out, as Wireshark disables a rule with an invalid filter.

import { compileFilter, type CompiledFilter } from '../../dfilter/index.js';

export interface ColorRule {
  name: string;
  filter: string;
  /** CSS colours */
  bg: string;
  fg: string;
}

const DARK = '#12272e';

export const DEFAULT_COLOR_RULES: readonly ColorRule[] = [
  { name: 'Bad TCP', filter: 'tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack', bg: DARK, fg: '#f78787' },
  { name: 'HSRP State Change', filter: 'hsrp.state != 8 && hsrp.state != 16', bg: DARK, fg: '#fffc9c' },
  { name: 'Spanning Tree Topology  Change', filter: 'stp.type == 0x80', bg: DARK, fg: '#fffc9c' },
  { name: 'OSPF State Change', filter: 'ospf.msg != 1', bg: DARK, fg: '#fffc9c' },
  { name: 'ICMP errors', filter: 'icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }', bg: DARK, fg: '#b7f774' },
  { name: 'ARP', filter: 'arp', bg: '#faf0d7', fg: DARK },
  { name: 'ICMP', filter: 'icmp || icmpv6', bg: '#fce0ff', fg: DARK },
  { name: 'TCP RST', filter: 'tcp.flags.reset eq 1', bg: '#a40000', fg: '#fffc9c' },
  { name: 'SCTP ABORT', filter: 'sctp.chunk_type eq ABORT', bg: '#a40000', fg: '#fffc9c' },
  {
    name: 'TTL low or unexpected',
    filter: '(ip.dst != 224.0.0.0/4 && ip.ttl < 5 && !pim && !ospf) || (ip.dst == 224.0.0.0/24 && ip.dst != 224.0.0.251 && ip.ttl != 1 && !(vrrp || carp))',
    bg: '#a40000', fg: '#ecf0eb',
  },
  {
    name: 'Checksum Errors',
    filter: 'eth.fcs.status=="Bad" || ip.checksum.status=="Bad" || tcp.checksum.status=="Bad" || udp.checksum.status=="Bad" || sctp.checksum.status=="Bad"',
    bg: DARK, fg: '#f78787',
  },
  { name: 'SMB', filter: 'smb || nbss || nbns || netbios', bg: '#fefed0', fg: DARK },
  { name: 'HTTP', filter: 'http || tcp.port == 80 || http2', bg: '#e4ffc7', fg: DARK },
  { name: 'DCERPC', filter: 'dcerpc', bg: '#c797ff', fg: DARK },
  { name: 'Routing', filter: 'hsrp || eigrp || ospf || bgp || cdp || vrrp || carp || gvrp || igmp || ismp', bg: '#fff3d6', fg: DARK },
  { name: 'TCP SYN/FIN', filter: 'tcp.flags & 0x02 || tcp.flags.fin == 1', bg: '#a0a0a0', fg: DARK },
  { name: 'TCP', filter: 'tcp', bg: '#e7e6ff', fg: DARK },
  { name: 'UDP', filter: 'udp', bg: '#daeeff', fg: DARK },
  { name: 'Broadcast', filter: 'eth[0] & 1', bg: '#ffffff', fg: '#babdb6' },
  { name: 'System Event', filter: 'systemd_journal || sysdig', bg: '#e6e6e6', fg: '#2d6f9a' },
];

/**
 * A rule filter that does not compile may still work in parts: Wireshark would disable it whole,
 * but a rule like "HTTP" (http || tcp.port == 80 || http2) is worth keeping for its known terms
 * until every protocol is dissected. Each `||` term is tried alone and the ones that compile kept.
 */
function compileLenient(text: string): CompiledFilter | undefined {
  const whole = compileFilter(text);
  if (whole.ok) return whole.filter;
  // only split plain top-level alternatives (no parentheses involved)
  if (text.includes('(')) return undefined;
  const kept = text.split('||').map((s) => s.trim()).filter((s) => compileFilter(s).ok);
  if (kept.length === 0) return undefined;
  const r = compileFilter(kept.join(' || '));
  return r.ok ? r.filter : undefined;
}

export interface CompiledColorRules {
  rules: ColorRule[];
  filters: CompiledFilter[];
  /** union of the filters' wanted fields */
  want: Uint8Array;
}

export function compileColorRules(rules: readonly ColorRule[] = DEFAULT_COLOR_RULES): CompiledColorRules {
  const out: ColorRule[] = [];
  const filters: CompiledFilter[] = [];
  for (const r of rules) {
    const f = compileLenient(r.filter);
    if (f === undefined) continue;
    out.push({ ...r, filter: f.text });
    filters.push(f);
  }
  let n = 0;
  for (const f of filters) n = Math.max(n, f.want.length);
  const want = new Uint8Array(n);
  for (const f of filters) for (let i = 0; i < f.want.length; i++) want[i] |= f.want[i]!;
  return { rules: out, filters, want };
}
