// The statistics library (tshark's `-z`), platform-neutral: `createTap(spec)` parses one `-z`
// argument into a Tap; feed it every dissected packet (building at least `tapWant(taps)` tree
// items), then read `tap.text()` (tshark 4.0's output, byte for byte where measured) or
// `tap.result()` (rows as objects for the UI). src/node/stats-cmd.ts runs taps over a file:
// `computeStats(path, specs)`.
//
// Result types, by statistic:
//   conv,eth|ip|ipv6|tcp|udp[,FILTER]      → ConvResult      { type, filter, rows: ConvRow[] }
//   endpoints,eth|ip|ipv6|tcp|udp[,FILTER] → EndpointsResult { type, filter, rows: EndpointRow[] }
//   io,phs[,FILTER]                        → PhsResult       { filter, roots: PhsNode[] (tree) }
//   io,stat,INTERVAL[,COL…]                → IoStatResult    { intervalNs, durationNs, columns, rows[k].cells[c] }
//   expert[,error|warn|note|chat][,FILTER] → ExpertResult    { filter, rows: ExpertRow[] }
//   follow,tcp|udp,ascii|hex|raw,TARGET    → FollowResult    { node0, node1, segments: {dir, frame, data}[] }
//   flow,any|tcp|icmp,standard|network     → FlowResult      { kind, nodes, items: {frame, ns, src, dst, ports, label, comment}[] }
// Times are nanoseconds relative to the capture's first frame.

import { fields } from '../core/field.js';
import { layerGate, type DispatchGate } from '../core/prune.js';
import { compileFilter } from '../dfilter/index.js';
import { ADDR_TYPES, type AddrType } from './addr.js';
import { ConvTap } from './conv.js';
import { EndpointsTap } from './endpoints.js';
import { ExpertTap } from './expert.js';
import { FollowTap, parseFollowTarget, type FollowMode } from './follow.js';
import { IoStatTap, parseIoColumn } from './io-stat.js';
import { PhsTap } from './phs.js';
import { FlowTap, type FlowKind } from './flow.js';
import { splitSpec, wantOf, type Tap, type TapFilter } from './tap.js';
import { Severity } from '../core/expert.js';

export type { Tap, TapClock, TapFilter } from './tap.js';
export type { ConvResult, ConvRow } from './conv.js';
export type { EndpointsResult, EndpointRow } from './endpoints.js';
export type { PhsResult, PhsNode } from './phs.js';
export type { IoStatResult, IoCell, IoFunc } from './io-stat.js';
export type { ExpertResult, ExpertRow } from './expert.js';
export type { FollowResult, FollowSegment, FollowMode, FollowTarget } from './follow.js';
export type { AddrType } from './addr.js';
export type { FlowResult, FlowItem, FlowKind } from './flow.js';
export { ConvTap, EndpointsTap, PhsTap, IoStatTap, ExpertTap, FollowTap, FlowTap };

/** The statistics wirelens implements, as tshark lists them after an invalid `-z`. */
export const STATS_LIST: readonly string[] = [
  'conv,eth', 'conv,ip', 'conv,ipv6', 'conv,tcp', 'conv,udp',
  'endpoints,eth', 'endpoints,ip', 'endpoints,ipv6', 'endpoints,tcp', 'endpoints,udp',
  'expert', 'flow,any', 'flow,icmp', 'flow,tcp', 'follow,tcp', 'follow,udp', 'io,phs', 'io,stat',
];

/** A `-z` argument tshark would reject, with its message (first line) for stderr. */
export class StatsSpecError extends Error {}

function filterOf(text: string | undefined): TapFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const r = compileFilter(text);
  if (!r.ok) throw new StatsSpecError(`invalid filter "${text}": ${r.error.message}`);
  return r.filter;
}

const SEVERITIES: Record<string, number> = { error: Severity.ERROR, warn: Severity.WARN, note: Severity.NOTE, chat: Severity.CHAT, comment: Severity.COMMENT };

/** Parses one `-z` argument. Throws StatsSpecError for an invalid or unsupported one. */
export function createTap(spec: string): Tap {
  const parts = splitSpec(spec);
  const [kind, sub] = parts;
  if ((kind === 'conv' || kind === 'endpoints') && sub !== undefined) {
    if (!ADDR_TYPES.includes(sub as AddrType)) throw new StatsSpecError(`${kind},${sub}: unsupported type (eth, ip, ipv6, tcp, udp)`);
    const f = filterOf(parts.slice(2).join(','));
    return kind === 'conv' ? new ConvTap(spec, sub as AddrType, f) : new EndpointsTap(spec, sub as AddrType, f);
  }
  if (kind === 'io' && sub === 'phs') return new PhsTap(spec, filterOf(parts.slice(2).join(',')));
  if (kind === 'io' && sub === 'stat') {
    const iv = parts[2];
    if (iv === undefined || !/^\d*\.?\d+$|^\d+\.?$/.test(iv)) throw new StatsSpecError('io,stat: invalid interval');
    const colTexts = parts.length > 3 ? parts.slice(3) : [''];
    const cols = colTexts.map((text) => {
      const c = parseIoColumn(text);
      return { text: text.trim(), func: c.func, field: c.field, filter: filterOf(c.filter) };
    });
    return new IoStatTap(spec, iv, cols);
  }
  if (kind === 'expert') {
    let rest = parts.slice(1);
    let min = 0;
    if (rest[0] !== undefined && SEVERITIES[rest[0]] !== undefined) {
      min = SEVERITIES[rest[0]]!;
      rest = rest.slice(1);
    }
    return new ExpertTap(spec, filterOf(rest.join(',')), min);
  }
  if (kind === 'follow' && (sub === 'tcp' || sub === 'udp')) {
    const mode = parts[2];
    if (mode !== 'ascii' && mode !== 'hex' && mode !== 'raw') throw new StatsSpecError(`follow: unsupported mode "${mode ?? ''}" (ascii, hex, raw)`);
    const target = parseFollowTarget(parts.slice(3));
    if (target === undefined) throw new StatsSpecError('follow: invalid stream (a number or addr:port,addr:port)');
    return new FollowTap(spec, sub, mode as FollowMode, target);
  }
  if (kind === 'flow' && (sub === 'any' || sub === 'tcp' || sub === 'icmp')) {
    const mode = parts[2] ?? 'standard';
    if (mode !== 'standard' && mode !== 'network') throw new StatsSpecError(`flow: unsupported address type "${mode}" (standard, network)`);
    return new FlowTap(spec, sub as FlowKind, mode === 'network');
  }
  throw new StatsSpecError(`unsupported statistic "${spec}"`);
}

/**
 * The Engine `want` the taps need: their fields and filters' fields, every protocol item when a
 * tap reads the protocol hierarchy; null when one needs the whole tree.
 */
export function tapWant(taps: readonly Tap[]): Uint8Array | null {
  if (taps.some((t) => t.fullTree)) return null;
  const w = wantOf(taps.flatMap((t) => t.fields));
  const or = (x: Uint8Array | undefined): void => {
    if (x) for (let i = 0; i < x.length && i < w.length; i++) if (x[i]) w[i] = 1;
  };
  for (const t of taps) {
    or(t.filter?.want);
    if (t instanceof IoStatTap) for (const c of t.cols) or(c.filter?.want);
    if (t instanceof PhsTap) {
      for (const f of fields) if (f.isProtocol) w[f.id] = 1;
      for (const id of t.extraIds) w[id] = 1;
    }
  }
  return w;
}

/** True when some tap (or its filters) reads the Protocol/Info columns. */
export function tapColumns(taps: readonly Tap[]): boolean {
  return taps.some((t) => t.columns || t.filter?.needsColumns === true
    || (t instanceof IoStatTap && t.cols.some((c) => c.filter?.needsColumns === true)));
}

/** True when a tap reads the packets' expert entries (Packet.experts). */
export function tapExperts(taps: readonly Tap[]): boolean {
  return taps.some((t) => t instanceof ExpertTap);
}

/**
 * A gate that stops dissection above the layers these taps read (core/prune.ts layerGate over the
 * fields of `want`, the run's merged want), or undefined: only when every tap reads just its tree
 * items and the run builds no columns.
 */
export function tapLayerGate(taps: readonly Tap[], want: Uint8Array | null | undefined, cols: boolean): DispatchGate | undefined {
  if (cols || !want || taps.length === 0 || !taps.every((t) => t.itemsOnly === true)) return undefined;
  const ids: number[] = [];
  for (let i = 0; i < want.length; i++) if (want[i] !== 0) ids.push(i);
  return layerGate(ids);
}

/**
 * The text tshark prints after the packets for these taps: tshark 4.0 prints its taps in the
 * reverse order of the `-z` options.
 */
export function statsText(taps: readonly Tap[]): string {
  let s = '';
  for (let i = taps.length - 1; i >= 0; i--) s += taps[i]!.text();
  return s;
}
