// Dispatch by tables: ethertype, ip.proto, tcp.port, udp.port … are flat arrays indexed by key
// (never a linear scan of bindings), plus ordered heuristic lists. "Decode As" writes into a table.

import type { Packet } from './packet.js';

/**
 * A dissector reads the bytes [off, end) of the current data source (absolute offsets into
 * `p.buf`; `end` is the reported end, `p.capEnd` the captured end) and adds items under `parent`.
 * It returns the number of bytes it consumed, or 0 for "not mine" (heuristics).
 */
export type Dissector = (p: Packet, off: number, end: number, parent: number) => number;

export interface Handle {
  /** protocol filter name, e.g. `http` (what Decode As names) */
  readonly name: string;
  readonly fn: Dissector;
}

const handles = new Map<string, Handle>();

export function registerHandle(name: string, fn: Dissector): Handle {
  const h = { name, fn };
  handles.set(name, h);
  return h;
}

export function findHandle(name: string): Handle | undefined {
  return handles.get(name);
}

export class Table {
  readonly name: string;
  readonly uiName: string;
  /** keys < size: index into `slots` (0 = no handle), a zero-filled typed array that costs
   *  nothing to set up (a 64 Ki-entry array of handles cost ~2 ms per table at start-up);
   *  bigger keys go to `big` */
  private readonly slot: Uint16Array;
  private readonly slots: (Handle | undefined)[] = [undefined];
  /** keys bound to each slot: a handle whose keys were all rebound is no longer dispatched to */
  private readonly refs: number[] = [0];
  private readonly big = new Map<number, Handle>();
  /** Decode As overrides (consulted first) */
  private readonly overrides = new Map<number, Handle>();

  constructor(name: string, uiName: string, size = 65536) {
    this.name = name;
    this.uiName = uiName;
    this.slot = new Uint16Array(size);
    tables.set(name, this);
  }

  add(key: number, h: Handle): void {
    if (key >= 0 && key < this.slot.length) {
      let i = this.slots.indexOf(h);
      if (i < 0) {
        i = this.slots.push(h) - 1;
        this.refs.push(0);
      }
      this.refs[this.slot[key]!]--;
      this.refs[i]++;
      this.slot[key] = i;
    } else {
      this.big.set(key, h);
    }
  }

  get(key: number): Handle | undefined {
    if (this.overrides.size !== 0) {
      const o = this.overrides.get(key);
      if (o) return o;
    }
    return key >= 0 && key < this.slot.length ? this.slots[this.slot[key]!] : this.big.get(key);
  }

  /** Every handle the table dispatches to (bindings and Decode As overrides), without a pass over the keys. */
  handles(): Set<Handle> {
    const s = new Set<Handle>();
    for (let i = 1; i < this.slots.length; i++) if (this.refs[i]! > 0) s.add(this.slots[i]!);
    for (const h of this.big.values()) s.add(h);
    for (const h of this.overrides.values()) s.add(h);
    return s;
  }

  /** Decode As: bind `key` to `h` for this table (undefined removes the override). */
  decodeAs(key: number, h: Handle | undefined): void {
    if (h) this.overrides.set(key, h);
    else this.overrides.delete(key);
  }

  clearDecodeAs(): void {
    this.overrides.clear();
  }

  /** Calls the dissector for `key`; returns bytes consumed, or 0 when there is none. */
  dissect(key: number, p: Packet, off: number, end: number, parent: number): number {
    const h = this.get(key);
    return h ? p.call(h, off, end, parent) : 0;
  }
}

export const tables = new Map<string, Table>();

export interface HeurEntry {
  readonly name: string;
  readonly fn: Dissector;
  enabled: boolean;
}

/** An ordered list of heuristic dissectors; each checks cheaply first and returns 0 if not its own. */
export class HeurList {
  readonly name: string;
  readonly entries: HeurEntry[] = [];
  constructor(name: string) {
    this.name = name;
    heurLists.set(name, this);
  }
  add(name: string, fn: Dissector): void {
    this.entries.push({ name, fn, enabled: true });
  }
  /** Tries each enabled heuristic in order; returns bytes consumed by the first that accepts. */
  dissect(p: Packet, off: number, end: number, parent: number): number {
    for (const e of this.entries) {
      if (!e.enabled) continue;
      const n = p.callHeur(e, off, end, parent);
      if (n > 0) return n;
    }
    return 0;
  }
}

export const heurLists = new Map<string, HeurList>();
