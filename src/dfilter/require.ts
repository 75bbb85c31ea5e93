// Which protocols a packet must contain for a filter to match — pruning information for the
// dissection driver (core/prune.ts). The result is a conjunction of alternatives: every set in the
// list must meet the packet (contain one of its protocol ids). `[[ip], [icmp]]` for
// `ip.addr == 1.2.3.4 and icmp`; `[[tcp, udp]]` for `tcp or udp`; undefined = no constraint known.
//
// Only positive positions count: a presence test, or a comparison / membership whose one side is a
// field read directly (every comparison of an absent field is false, whatever the operator, see
// compile.ts). `not`, `xor`, functions (count(f) == 0 holds without f), slices and `not in` give
// nothing.

import { fields, fieldByName } from '../core/field.js';
import type { TNode, VNode } from './semcheck.js';

/**
 * Fields that some dissector adds outside its own protocol's layer (the registry keeps one id per
 * filter name, with the first registrant as parent): the other protocols whose layer may hold
 * them. A packet with such a field contains its protocol or one of these. Kept complete by a
 * corpus test (src/node/prune.test.ts) for the protocols the dispatch gate reasons about.
 */
const HOSTS: ReadonlyMap<string, readonly string[]> = new Map<string, string[]>([
  // IPv6 adds a hidden ip.version (as tshark)
  ['ip.version', ['ipv6']],
  // the Ethernet padding/trailer split is shared by the layers that end an Ethernet-like frame
  ['eth.padding', ['vlan', 'ieee8021ad', 'vntag', 'sll']],
  // an 802.1ad tag in the 802.3 length form shows 802.1Q's length field
  ['vlan.len', ['ieee8021ad']],
]);

const hostCache = new Map<number, number[]>();

/** The protocols (field ids) one of which a packet holding field `fid` contains. */
export function fieldHosts(fid: number): number[] {
  let h = hostCache.get(fid);
  if (h === undefined) {
    const f = fields[fid]!;
    h = [f.parent];
    for (const n of HOSTS.get(f.abbrev) ?? []) {
      const x = fieldByName(n);
      if (x !== undefined && !h.includes(x.id)) h.push(x.id);
    }
    h.sort((a, b) => a - b);
    hostCache.set(fid, h);
  }
  return h;
}

/** Sets of protocol field ids; at most this many are kept (the cross product of `or` grows). */
const MAX_SETS = 8;

export type Requirement = number[][];

function fieldProto(v: VNode): number[] | undefined {
  if (v.k !== 'field') return undefined;
  return fieldHosts(v.fid);
}

function union(a: number[], b: number[]): number[] {
  const s = new Set(a);
  for (const x of b) s.add(x);
  return [...s].sort((x, y) => x - y);
}

/** The protocols any packet matching `n` contains (see the file comment); undefined = unknown. */
export function requiredProtocols(n: TNode): Requirement | undefined {
  switch (n.k) {
    case 'exists':
    case 'truthy': {
      const p = fieldProto(n.v);
      return p === undefined ? undefined : [p.slice()];
    }
    case 'cmp': {
      const p = fieldProto(n.a) ?? fieldProto(n.b);
      return p === undefined ? undefined : [p.slice()];
    }
    case 'in': {
      if (n.negated) return undefined;
      const p = fieldProto(n.a);
      return p === undefined ? undefined : [p.slice()];
    }
    case 'and': {
      const a = requiredProtocols(n.a);
      const b = requiredProtocols(n.b);
      if (a === undefined) return b;
      if (b === undefined) return a;
      return [...a, ...b].slice(0, MAX_SETS);
    }
    case 'or': {
      const a = requiredProtocols(n.a);
      const b = requiredProtocols(n.b);
      if (a === undefined || b === undefined) return undefined;
      // a match meets every set of a, or every set of b: so it meets sa ∪ sb for any pair
      const out: number[][] = [];
      for (const sa of a) for (const sb of b) if (out.length < MAX_SETS) out.push(union(sa, sb));
      return out;
    }
    case 'not':
    case 'xor':
      return undefined;
  }
}
