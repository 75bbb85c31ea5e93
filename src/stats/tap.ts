// The tap interface of the statistics library (tshark's `-z`): a tap sees every dissected packet
// the capture pass hands it, keeps compact per-key counters, and renders its table as tshark 4.0
// prints it (`text()`) or as plain rows for the UI (`result()`). Taps read only the tree items
// they list in `fields` (the pipeline builds just those), plus Packet facts (len, time, experts).

import { FT, fieldByName, fields as allFields } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import type { Tree } from '../core/tree.js';

/** What a tap is told besides the packet: the capture's time origin (first frame read). */
export interface TapClock {
  /** first frame's timestamp (tshark's "Relative Start" and io intervals count from it) */
  firstSec: number;
  firstNsec: number;
  /** digits of the current frame's timestamp precision (6 for µs, 9 for ns); 6 when unknown */
  precision?: number;
}

export interface Tap<R = unknown> {
  /** the `-z` argument this tap was made from */
  readonly spec: string;
  /** tree fields the tap reads, by filter name (unknown names are ignored) */
  readonly fields: readonly string[];
  /** true when the tap needs the whole tree (e.g. every protocol item) */
  readonly fullTree: boolean;
  /** true when the tap reads the Protocol/Info columns */
  readonly columns: boolean;
  /**
   * true when the tap reads nothing of a packet but the tree items in `fields` and the packet's
   * length and time (no columns, expert items or layer list): dissection may then stop above
   * those fields' layers (core/prune.ts layerGate)
   */
  readonly itemsOnly?: boolean;
  /** the tap's own display filter (`-z conv,tcp,FILTER`), or undefined */
  readonly filter: TapFilter | undefined;
  packet(p: Packet, clock: TapClock): void;
  /** tshark's text, ending with a newline */
  text(): string;
  /** structured rows for the UI */
  result(): R;
}

/** What a tap needs from a compiled display filter (src/dfilter's CompiledFilter satisfies it). */
export interface TapFilter {
  match(p: Packet): boolean;
  want: Uint8Array;
  needsColumns: boolean;
  text: string;
}

/** Field id of a filter name, or -1 when no dissector registered it. */
export function fid(name: string): number {
  return fieldByName(name)?.id ?? -1;
}

/**
 * A Engine `want` array with the given field names (and the filter's fields, as the filter marks
 * them) set. Taps read protocol items for their presence and lengths only, never their bytes:
 * those are marked 2 (see CompiledFilter.want), the rest 1.
 */
export function wantOf(names: readonly string[], extra?: Uint8Array): Uint8Array {
  const w = new Uint8Array(Math.max(allFields.length, extra?.length ?? 0));
  for (const n of names) {
    const id = fid(n);
    if (id >= 0) w[id] = allFields[id]!.type === FT.PROTOCOL ? 2 : 1;
  }
  if (extra) for (let i = 0; i < extra.length; i++) w[i]! |= extra[i]!;
  return w;
}

/** `addr:port`, an IPv6 address in brackets (`[fd77::1]:80`), as tshark names a stream's nodes. */
export function endpointName(addr: string, port: number): string {
  return `${addr.includes(':') ? `[${addr}]` : addr}:${port}`;
}

/** Nanoseconds of the packet's timestamp since the capture's first frame (exact below ~104 days). */
export function relNs(p: Packet, c: TapClock): number {
  return (p.tsSec - c.firstSec) * 1e9 + (p.tsNsec - c.firstNsec);
}

/** tshark's "%.9f" of a relative time given in nanoseconds. */
export function secText9(ns: number): string {
  const neg = ns < 0;
  const a = Math.abs(ns);
  const s = Math.floor(a / 1e9);
  const f = a - s * 1e9;
  return `${neg ? '-' : ''}${s}.${String(Math.round(f)).padStart(9, '0')}`;
}

/** Right-aligns (printf `%Ns`). */
export function padL(s: string | number, n: number): string {
  return String(s).padStart(n);
}

/** Left-aligns (printf `%-Ns`). */
export function padR(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

/**
 * Wireshark's byte counts in conversation tables: plain "N bytes" below 10 000, then the largest SI
 * unit that leaves at least two integer digits ("12 kB", "34 MB"), truncated.
 */
export function formatSize(n: number): string {
  const units = [' bytes', ' kB', ' MB', ' GB', ' TB', ' PB'];
  let u = 0;
  let v = n;
  while (u < units.length - 1 && Math.floor(v / 1000) >= 10) {
    v = Math.floor(v / 1000);
    u++;
  }
  return `${v}${units[u]}`;
}

/** Visits the items of field `f` in tree order. */
export function eachItem(t: Tree, f: number, fn: (i: number) => void): void {
  if (f < 0) return;
  const ids = t.fid;
  for (let i = 0; i < t.n; i++) if (ids[i] === f) fn(i);
}

/** Splits a `-z` argument at commas outside quotes/parentheses (filters may contain commas). */
export function splitSpec(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let q = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') q = !q;
    else if (!q && ch === '(') depth++;
    else if (!q && ch === ')') depth--;
    if (ch === ',' && !q && depth <= 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
