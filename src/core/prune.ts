// Dissect only what a display filter can need: a dispatch gate.
//
// A filter says which protocols a matching packet must contain (dfilter/require.ts: a list of sets,
// each must meet the packet's layers). When a table or heuristic dispatch is about to call a
// dissector P in a packet that does not yet meet some set S, and nothing P can lead to ever adds a
// protocol of S, the packet cannot match: P (and everything under it) is skipped for that packet.
//
// What "P can lead to" is (reach) is declared here, conservatively, over a small set of gated
// protocols (link, network and transport layers): a dissector not declared below may lead anywhere
// and is never skipped; a carrier reaches its own protocol plus whatever the handles registered in
// its tables and heuristic lists (Decode As included, read when the gate is built) reach; a leaf
// adds no gated protocol at all. Requirement sets naming a protocol outside the gated set are
// dropped (no pruning from them).
//
// Stateful layers (TCP analysis, UDP streams, DNS matching) skipped in packets that cannot match
// do not see those packets. That is only invisible when the output of the displayed packets is
// their summary columns (or nothing): states are per connection, and a connection's packets either
// all carry the required protocols or none do (link layers excepted: see LINK_LAYERS; a tunnel
// that carries one direction of a conversation and not the other is assumed away); what can differ is global numbering such as
// tcp.stream / udp.stream, which the columns never show (a filter reading one is not pruned, see
// GLOBAL_COUNTERS). So the pipeline uses the gate only when no tree is printed, never with -2, and
// the raw walk (prewalk.ts) decides from the same sets and reach. A differential test (src/node/prune.test.ts) checks over the
// corpus that the displayed packets and their summary lines are the same with and without it.

import type { Dissector, Handle } from './table.js';
import { tables, heurLists } from './table.js';
import { fieldByName, fields } from './field.js';
import type { Packet } from './packet.js';

/** Protocols the gate reasons about (the requirement sets' members must be among these). */
export const GATED = ['eth', 'vlan', 'ieee8021ad', 'arp', 'ip', 'ipv6', 'icmp', 'icmpv6', 'tcp', 'udp'];

/**
 * Gated link layers, which a requirement set is never pruned by: unlike the layers above, they can
 * differ between the packets of one conversation (a switch port that tags one direction with a
 * VLAN and not the other, a trunk mirrored into an access port), so skipping the packets that lack
 * one would hide them from the state the displayed ones read (an echo reply tagged, its untagged
 * request skipped: no "request in"). `-Y 'vlan and icmp'` still skips what is not ICMP.
 */
const LINK_LAYERS = ['eth', 'vlan', 'ieee8021ad'];

/**
 * Fields numbered across the whole capture by a gated protocol's state (a conversation index):
 * a filter that reads one is never pruned, since skipping other conversations' packets would
 * renumber them (per-conversation state is all-or-nothing, see above; a global index is not).
 */
const GLOBAL_COUNTERS = ['tcp.stream', 'udp.stream'];

/**
 * Protocols whose fields an output may print from a pruned run (`-T fields -e …`): what they show
 * of a packet comes from the packet or from state fed only by packets that carry the same protocol
 * (IP reassembly, ICMP echo matching, ARP), as the summary columns do; TCP is not among them (an
 * ICMP error quotes a TCP header whose relative numbers come from the connection's own packets,
 * which `-Y icmp` skips), nor is any protocol above these.
 */
const OUTPUT_SAFE = ['frame', 'eth', 'vlan', 'ieee8021ad', 'arp', 'ip', 'ipv6', 'icmp', 'icmpv6', 'udp'];
/** Fields of OUTPUT_SAFE protocols read from conversation state (of a quoted header's conversation too). */
const OUTPUT_UNSAFE_FIELDS = ['udp.time_relative', 'udp.time_delta', ...GLOBAL_COUNTERS];

/**
 * True when a run printing the fields `want` (by id) of the displayed packets may use the gate:
 * every field is of an OUTPUT_SAFE protocol and not read from conversation state.
 */
export function prunableOutput(want: Uint8Array): boolean {
  const safe = new Set<number>();
  for (const n of OUTPUT_SAFE) {
    const f = fieldByName(n);
    if (f !== undefined) safe.add(f.id);
  }
  const unsafe = new Set<number>();
  for (const n of OUTPUT_UNSAFE_FIELDS) {
    const f = fieldByName(n);
    if (f !== undefined) unsafe.add(f.id);
  }
  for (let id = 0; id < want.length && id < fields.length; id++) {
    if (want[id] === 0) continue;
    const f = fields[id]!;
    if (unsafe.has(id) || !safe.has(f.parent)) return false;
  }
  return true;
}

/** True when a filter wanting the fields `want` (by id) may use the gate (see GLOBAL_COUNTERS). */
export function prunable(want: Uint8Array): boolean {
  for (const n of GLOBAL_COUNTERS) {
    const f = fieldByName(n);
    if (f !== undefined && f.id < want.length && want[f.id] !== 0) return false;
  }
  return true;
}

interface Carrier {
  /** the gated protocol the dissector adds itself */
  proto: string;
  tables: readonly string[];
  heuristics: readonly string[];
}

/** Dissectors whose reach is the handles of their tables (their own code adds no other gated protocol). */
const CARRIERS = new Map<string, Carrier>([
  ['tcp', { proto: 'tcp', tables: ['tcp.port'], heuristics: ['tcp'] }],
  ['udp', { proto: 'udp', tables: ['udp.port'], heuristics: ['udp'] }],
]);

/**
 * Dissectors (handle or heuristic names) that add no gated protocol, by itself or through what it
 * calls; the value is the gated protocol it adds itself, if any.
 */
const LEAVES = new Map<string, string | undefined>([
  ['arp', 'arp'],
  ['data', undefined],
  ['dns', undefined], ['dns.tcp', undefined], ['mdns', undefined], ['llmnr', undefined],
  ['dhcp', undefined], ['ntp', undefined],
  ['tls', undefined], ['tls_tcp', undefined], ['ssh', undefined], ['http', undefined],
  ['rtsp', undefined], ['rpc', undefined], ['rpc.udp', undefined], ['nbns', undefined], ['dhcpv6', undefined],
  ['ssdp', undefined], ['hsrp', undefined], ['stun', undefined], ['stun_udp', undefined], ['nat-pmp', undefined],
  ['mndp', undefined], ['pfcp', undefined], ['db-lsp-disc', undefined], ['quic', undefined], ['mojito_udp', undefined],
  ['jxta_tcp', undefined],
  // (gtp, teredo, vxlan and geneve carry IP or Ethernet: undeclared, so never skipped)
]);

const ALL = -1;

/** Gated protocol ids `name` can add (directly or through dispatch), or ALL. */
function reachOf(name: string, gatedId: Map<string, number>, memo: Map<string, Set<number> | typeof ALL>): Set<number> | typeof ALL {
  const m = memo.get(name);
  if (m !== undefined) return m;
  if (LEAVES.has(name)) {
    const own = LEAVES.get(name);
    const r = new Set<number>();
    if (own !== undefined) r.add(gatedId.get(own)!);
    memo.set(name, r);
    return r;
  }
  const c = CARRIERS.get(name);
  if (c === undefined) {
    memo.set(name, ALL);
    return ALL;
  }
  memo.set(name, ALL); // a cycle through this carrier: anything
  const r = new Set<number>([gatedId.get(c.proto)!]);
  const merge = (n: string): boolean => {
    const x = reachOf(n, gatedId, memo);
    if (x === ALL) return false;
    for (const v of x) r.add(v);
    return true;
  };
  for (const tn of c.tables) {
    const t = tables.get(tn);
    if (t === undefined) continue;
    for (const h of t.handles()) if (!merge(h.name)) return ALL;
  }
  for (const hn of c.heuristics) {
    const l = heurLists.get(hn);
    if (l === undefined) continue;
    for (const e of l.entries) if (!merge(e.name)) return ALL;
  }
  memo.set(name, r);
  return r;
}

/**
 * Handle names reached from `table` (and the heuristic list of the same name) that are neither
 * declared leaves nor carriers: each makes the carrier's reach "anything", so it is never skipped.
 */
export function undeclaredUnder(table: string): string[] {
  const out = new Set<string>();
  const t = tables.get(table);
  if (t) for (const h of t.handles()) if (!LEAVES.has(h.name) && !CARRIERS.has(h.name)) out.add(h.name);
  const l = heurLists.get(table.replace(/\.port$/, ''));
  if (l) for (const e of l.entries) if (!LEAVES.has(e.name) && !CARRIERS.has(e.name)) out.add(e.name);
  return [...out].sort();
}

/** Entries of DispatchGate's mask cache. */
const CACHE = 8;

export class DispatchGate {
  /** bit i set: requirement set i cannot be met through this dissector */
  private readonly blind = new Map<Dissector, number>();
  /** per requirement set: member protocol ids */
  private readonly sets: readonly Int32Array[];
  /** maskOf's cache: dissectors (filled in turn) and their blindMask */
  private readonly cacheFn: (Dissector | undefined)[] = new Array<Dissector | undefined>(CACHE).fill(undefined);
  private readonly cacheMask = new Int32Array(CACHE);
  private cacheNext = 0;

  private constructor(sets: Int32Array[]) {
    this.sets = sets;
  }

  /**
   * A gate for a filter's requirement sets (protocol field ids), or undefined when nothing can be
   * pruned. Reads the current tables (build it after Decode As is set up). A set is met by any of
   * its members; sets naming a link layer are dropped (LINK_LAYERS) unless `keepLinkLayers` (sets
   * of layers read, not required).
   */
  static build(required: readonly (readonly number[])[] | undefined, keepLinkLayers = false): DispatchGate | undefined {
    if (required === undefined) return undefined;
    const gatedId = new Map<string, number>();
    for (const g of GATED) {
      const f = fieldByName(g);
      if (f !== undefined) gatedId.set(g, f.id);
    }
    const gatedIds = new Set(gatedId.values());
    const linkIds = new Set(LINK_LAYERS.map((n) => gatedId.get(n)));
    // a set is met by any of its members: one naming a link layer is taken as met (see
    // LINK_LAYERS), so it prunes nothing
    const sets = required
      .filter((s) => s.length > 0 && s.every((x) => gatedIds.has(x) && (keepLinkLayers || !linkIds.has(x))))
      .slice(0, 31);
    if (sets.length === 0) return undefined;
    const gate = new DispatchGate(sets.map((s) => Int32Array.from(s)));
    const memo = new Map<string, Set<number> | typeof ALL>();
    // one function registered under several names is skipped only if every name allows it
    const never = new Set<Dissector>();
    const consider = (name: string, fn: Dissector): void => {
      const r = reachOf(name, gatedId, memo);
      if (r === ALL) { never.add(fn); return; }
      let mask = 0;
      sets.forEach((s, i) => { if (!s.some((x) => r.has(x))) mask |= 1 << i; });
      const prev = gate.blind.get(fn);
      gate.blind.set(fn, prev === undefined ? mask : prev & mask);
    };
    for (const t of tables.values()) for (const h of t.handles()) consider(h.name, h.fn);
    for (const l of heurLists.values()) for (const e of l.entries) consider(e.name, e.fn);
    for (const fn of never) gate.blind.delete(fn);
    for (const [fn, mask] of gate.blind) if (mask === 0) gate.blind.delete(fn);
    return gate.blind.size === 0 ? undefined : gate;
  }

  /** Number of requirement sets the gate checks (bit i of a mask is set i). */
  get setCount(): number {
    return this.sets.length;
  }

  /** Bits of the requirement sets that contain protocol `id` (a layer `id` meets them). */
  metBy(id: number): number {
    let m = 0;
    for (let i = 0; i < this.sets.length; i++) if (this.sets[i]!.includes(id)) m |= 1 << i;
    return m;
  }

  /** Bits of the requirement sets that nothing `fn` can lead to meets (0: unknown, may reach anything). */
  blindMask(fn: Dissector): number {
    return this.blind.get(fn) ?? 0;
  }

  /**
   * blindMask through a small cache of the last dissectors asked about: skips() is asked at every
   * dispatch, about the few dissectors of the capture's common stacks, and a Map lookup keyed by
   * a function cost more than the scan (~2 % of a TCP filter's run).
   */
  private maskOf(fn: Dissector): number {
    const c = this.cacheFn;
    for (let i = 0; i < CACHE; i++) if (c[i] === fn) return this.cacheMask[i]!;
    const m = this.blind.get(fn) ?? 0;
    const at = this.cacheNext;
    c[at] = fn;
    this.cacheMask[at] = m;
    this.cacheNext = (at + 1) % CACHE;
    return m;
  }

  /** True when the gate may skip `fn` in some packets (tests: a new undeclared dissector disables pruning). */
  prunes(fn: Dissector): boolean {
    return this.blind.has(fn);
  }

  /** True when `fn` cannot lead to a match of this packet (some set not met by the layers so far). */
  skips(fn: Dissector, p: Packet): boolean {
    const mask = this.maskOf(fn);
    if (mask === 0) return false;
    const layers = p.layers, n = p.nlayers;
    for (let i = 0; i < this.sets.length; i++) {
      if ((mask & (1 << i)) === 0) continue;
      const s = this.sets[i]!;
      let met = false;
      for (let j = 0; j < n && !met; j++) {
        const l = layers[j]!;
        for (let k = 0; k < s.length; k++) if (s[k] === l) { met = true; break; }
      }
      if (!met) return true;
    }
    return false;
  }
}

/** TCP fields that come from the segment's header alone (no reassembly, analysis or payload) */
const TCP_HEADER = /^tcp(\.(srcport|dstport|port|stream|seq|seq_raw|nxtseq|ack|ack_raw|hdr_len|window_size_value|window_size|window_size_scalefactor|checksum|checksum\.status|len|urgent_pointer|time_relative|time_delta)|\.flags(\..*)?|\.options?(\..*)?|\.option_.*)?$/;

/**
 * A gate that stops dissection above the layers the fields `ids` live in: it skips the dissectors
 * that cannot lead to any of those fields' protocols (TCP's applications when only ip.* and tcp.*
 * header fields are read). The fields themselves are all still built, in every packet. Only when
 * every field belongs to a gated protocol and, for TCP, to its header fields (TCP's reassembly,
 * analysis and payload items follow what its applications asked for); undefined otherwise. Used
 * where nothing else is read — no columns, no expert items, no frame.protocols: statistics such as
 * `-z conv,tcp`, and the UI's re-dissection of a filter over a visited capture.
 */
export function layerGate(ids: readonly number[]): DispatchGate | undefined {
  if (ids.length === 0) return undefined;
  const protos = new Set<number>();
  const tcp = fieldByName('tcp')?.id ?? -1;
  for (const id of ids) {
    const f = fields[id]!;
    if (f.parent === tcp && !TCP_HEADER.test(f.abbrev)) return undefined;
    protos.add(f.parent);
    if (protos.size > 30) return undefined;
  }
  // (the link layers are kept: the sets are the layers read, not what a packet must carry)
  const g = DispatchGate.build([...protos].map((x) => [x]), true);
  // a set left out: a protocol outside the gated ones
  if (g === undefined || g.setCount !== protos.size) return undefined;
  const all = (1 << g.setCount) - 1;
  // skip fn when nothing it leads to adds any of the protocols (whatever the layers so far)
  const skips = (fn: Dissector): boolean => (g.blindMask(fn) & all) === all;
  return Object.assign(Object.create(g) as DispatchGate, { skips });
}
