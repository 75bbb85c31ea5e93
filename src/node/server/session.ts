// One open capture behind the UI: the two passes of DESIGN.md.
//
// First pass (load): streams the file once, in order, through one Engine whose Session keeps all
// cross-packet state (TCP streams, reassembly, request/response matching). It builds the
// FrameIndex (random access), the summary columns exactly as the CLI prints them (Source,
// Destination and Protocol interned, Info kept as bytes: text-column.ts), the colouring rule of
// each frame and the FilterCache. Rows are served while the pass runs (first rows after the first
// 1 MiB chunk).
//
// Later dissection of frame N (details pane, filters the cache cannot answer) reuses that same
// Session with `visited = true`, so dissectors read their per-frame caches instead of updating
// state: frame N gets the same tree as on the first pass (relative sequence numbers, analysis
// flags, reassembled data). The frame-level deltas (frame.time_delta, time_delta_displayed) come
// from the index. Re-running from the start of the stream would also be exact but costs O(N) per
// click; keeping the Session costs the dissectors' own per-frame caches, which they keep anyway.

import '../../dissectors/index.js';
import '../platform.js';
import { Engine } from '../../core/dissect.js';
import { layerGate, type DispatchGate } from '../../core/prune.js';
import { fields, FT } from '../../core/field.js';
import { displayValue, fieldText, hexBytes, itemLabel } from '../../core/format.js';
import type { Packet } from '../../core/packet.js';
import type { Session } from '../../core/session.js';
import { ItemFlag, TEXT_FIELD, type Tree as TreeT } from '../../core/tree.js';
import { FrameIndex, IndexFlag } from '../../capture/frame-index.js';
import type { CaptureParser } from '../../capture/parser.js';
import { CaptureError, type CaptureMeta, type FrameRecord } from '../../capture/types.js';
import { newFrameRecord } from '../../capture/pcap.js';
import { CaptureWriter, type WriteFormat } from '../../capture/writer.js';
import { compileFilter, type CompiledFilter } from '../../dfilter/index.js';
import { readCaptureFile, readCaptureStream, RandomAccessCapture } from '../read.js';
import { open } from 'node:fs/promises';
import { FrameClock, mergeWant, precisionDigits } from '../pipeline.js';
import { timeColumn } from '../output/summary.js';
import { TreeLinks } from '../output/verbose.js';
import { compileColorRules, type CompiledColorRules, type ColorRule } from './colors.js';
import { FilterCache, filterCacheFields } from './filter-cache.js';
import { sortUnits } from './sort.js';
import { TextColumn } from './text-column.js';

const EMPTY = new Uint8Array(0);
/** bytes of whole frames read at once by indexedBytesFilter */
const INDEXED_RUN = 4 << 20;
/** longest wait of a rows request for the first rows of a load just started */
const FIRST_ROWS_WAIT_MS = 1000;

export type LoadState = 'idle' | 'loading' | 'done' | 'error';

export interface LoadStatus {
  state: LoadState;
  /** the capture's name (base name; the full path only for paths the user named) */
  name: string;
  frames: number;
  /** bytes of the file read so far / its size */
  bytesRead: number;
  size: number;
  error: string | undefined;
  /** ms since the load started; first rows available after firstRowsMs */
  elapsedMs: number;
  firstRowsMs: number;
  /** memory the session keeps per capture (index, columns, filter cache), bytes */
  memory: number;
  format: string;
  /** a live capture (the first pass runs until the capture stops) */
  live: boolean;
}

export const COLUMNS = ['no', 'time', 'src', 'dst', 'proto', 'len', 'info'] as const;
export type ColumnId = (typeof COLUMNS)[number];

export interface Row {
  no: number;
  time: string;
  src: string;
  dst: string;
  proto: string;
  len: number;
  info: string;
  /** index into colorRules(), -1 = none */
  color: number;
}

export interface FramesResult {
  /** frames loaded so far */
  total: number;
  /** frames passing the filter */
  displayed: number;
  skip: number;
  rows: Row[];
}

export interface TreeNode {
  /** label as -V prints it (generated items without their brackets: see `g`) */
  l: string;
  /** field filter name ('' for text items) */
  f: string;
  /** byte range in data source `d` */
  s: number;
  n: number;
  d: number;
  /** generated ([…]) */
  g?: 1;
  /** value text (Copy value) and a filter selecting this value ('' when none) */
  v: string;
  q: string;
  k?: TreeNode[];
}

export interface FrameDetails {
  num: number;
  sources: { name: string; hex: string }[];
  tree: TreeNode[];
  /** the -V text of the frame (tests, "copy all") */
  protocols: string;
}

export interface FilterResult {
  ok: boolean;
  /** the error, when not ok */
  message?: string;
  start?: number;
  end?: number;
  displayed: number;
  total: number;
  /** frame numbers passing, ascending (Int32Array) */
  frames: Int32Array;
  ms: number;
  /**
   * 'cache' when answered from the first pass's cache, 'bytes' from the cache and the frames' bytes
   * (no dissection), 'dissect' when re-dissected, 'all' for the empty filter
   */
  via: 'cache' | 'bytes' | 'dissect' | 'all';
}

/** Interned strings: a repeated Source/Destination/Protocol text costs 4 bytes per frame. */
class Interner {
  readonly list: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.ids.set(s, i);
    }
    return i;
  }
}

function growU32(a: Uint32Array, n: number): Uint32Array {
  if (n <= a.length) return a;
  const b = new Uint32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

function growU8(a: Uint8Array, n: number): Uint8Array {
  if (n <= a.length) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

const SCALARS = ['firstSec', 'firstNsec', 'prevSec', 'prevNsec', 'prevDispSec', 'prevDispNsec', 'visited'] as const;

/** Saves the Session's frame-level scalars around a revisit (the first pass may still be running). */
function saveScalars(s: Session): unknown[] {
  return SCALARS.map((k) => s[k]);
}
function restoreScalars(s: Session, v: unknown[]): void {
  SCALARS.forEach((k, i) => { (s as unknown as Record<string, unknown>)[k] = v[i]; });
}

export interface CaptureSessionOptions {
  /** colouring rules (default: Wireshark's) */
  colorRules?: readonly ColorRule[];
  /** read chunk of the first pass (default 1 MiB: the event loop gets a turn per chunk) */
  chunkSize?: number;
  /** answer simple filters from the first pass's cache (default true; false = always re-dissect) */
  filterCache?: boolean;
  /**
   * Live capture: the bytes of the capture as they arrive (each chunk already appended to `path`,
   * so random access reads the same bytes). Filters and sorts then answer over the frames so far.
   */
  source?: AsyncIterable<Uint8Array>;
  /** the name shown (default: the file's base name) */
  name?: string;
}

export class CaptureSession {
  readonly path: string;
  readonly name: string;
  readonly index = new FrameIndex(4096);
  private readonly engine: Engine;
  private readonly strings = new Interner();
  private src: Uint32Array = new Uint32Array(4096);
  private dst: Uint32Array = new Uint32Array(4096);
  private proto: Uint32Array = new Uint32Array(4096);
  private color: Uint8Array = new Uint8Array(4096);
  /** the Info column of each frame, as the first pass made it */
  private readonly info = new TextColumn();
  private readonly cache = new FilterCache();
  private readonly colors: CompiledColorRules;
  private meta: CaptureMeta | undefined;
  private parser: CaptureParser | undefined;
  private state: LoadState = 'idle';
  private error: string | undefined;
  private t0 = 0;
  private tEnd = 0;
  private firstRowsMs = -1;
  private size = 0;
  private ra: RandomAccessCapture | undefined;
  /** the load's promise (resolves when the first pass is over, whatever its outcome) */
  private loading: Promise<void> | undefined;
  /** detail engine (whole tree), sharing the first pass's Session */
  private detail: Engine | undefined;
  private links = new TreeLinks();
  /** last filter results and sorted views, by key */
  private readonly filterMemo = new Map<string, FilterResult>();
  private readonly sortMemo = new Map<string, Int32Array>();
  private readonly opts: CaptureSessionOptions;
  /** record facts the FrameIndex does not keep, for the frames where they differ from the usual */
  private readonly extra = new Map<number, Pick<FrameRecord, 'section' | 'blockType' | 'customPen' | 'dropCount'>>();
  private usualBlockType = -1;

  /** frames still arrive (live capture): filters answer over the frames so far */
  get live(): boolean {
    return this.opts.source !== undefined;
  }

  /** the first pass is still running on a live capture */
  private get growing(): boolean {
    return this.live && this.state === 'loading';
  }

  constructor(path: string, opts: CaptureSessionOptions = {}) {
    this.path = path;
    this.name = opts.name ?? path.split(/[\\/]/).pop() ?? path;
    this.opts = opts;
    this.colors = compileColorRules(opts.colorRules);
    const want = mergeWant(filterCacheFields(), this.colors.want) as Uint8Array;
    this.engine = new Engine({ want });
    this.engine.packet.cols = true;
    // expert entries (Packet.experts) are -z expert's: the Analyze menu computes them in its own pass
    this.engine.packet.keepExperts = false;
  }

  /** the file's header facts (format, interfaces, section options), once read */
  get captureMeta(): CaptureMeta | undefined {
    return this.meta ?? this.parser?.meta;
  }

  colorRules(): readonly ColorRule[] {
    return this.colors.rules;
  }

  /** Starts the first pass; the promise settles when it is over (errors end up in status()). */
  load(size = 0): Promise<void> {
    if (this.loading) return this.loading;
    this.size = size;
    this.state = 'loading';
    this.t0 = performance.now();
    this.loading = this.firstPass().then(
      () => { this.state = 'done'; },
      (e: unknown) => {
        this.state = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      },
    ).finally(() => {
      this.tEnd = performance.now();
      this.wakeFirstRows();
    });
    return this.loading;
  }

  /** Resolves when the first pass is over. */
  async ready(): Promise<void> {
    await this.loading;
  }

  get frameCount(): number {
    return this.index.count;
  }

  status(): LoadStatus {
    const now = this.state === 'loading' ? performance.now() : this.tEnd;
    let bytesRead = this.size;
    const n = this.index.count;
    if (this.state === 'loading' && n > 0) bytesRead = this.index.fileOffset[n - 1]! + this.index.caplen[n - 1]!;
    return {
      state: this.state,
      name: this.name,
      frames: n,
      bytesRead,
      size: this.size,
      error: this.error,
      elapsedMs: this.state === 'idle' ? 0 : Math.round(now - this.t0),
      firstRowsMs: Math.round(this.firstRowsMs),
      memory: this.memory(),
      format: this.meta?.format ?? this.parser?.meta?.format ?? '',
      live: this.live,
    };
  }

  private memory(): number {
    return this.index.byteSize + (this.src.byteLength * 3) + this.color.byteLength + this.info.byteSize + this.cache.byteSize;
  }

  private async firstPass(): Promise<void> {
    const e = this.engine;
    const p = e.packet;
    const session = e.session;
    const cache = this.cache;
    const colors = this.colors.filters;
    const strings = this.strings;
    const onFrame = (r: FrameRecord): boolean => {
      if (this.cancelled) return false;
      if (session.ifaces.length === 0 && this.parser?.meta) session.ifaces = this.parser.meta.interfaces;
      else if (this.parser?.meta && session.ifaces.length !== this.parser.meta.interfaces.length) session.ifaces = this.parser.meta.interfaces;
      e.dissect(r, r.buf, r.dv, r.off);
      const bt = r.blockType ?? 0;
      if (this.usualBlockType < 0) this.usualBlockType = bt;
      if ((r.section ?? 0) !== 0 || bt !== this.usualBlockType || r.customPen !== undefined || r.dropCount !== undefined) {
        this.extra.set(r.num, { section: r.section ?? 0, blockType: bt, customPen: r.customPen, dropCount: r.dropCount });
      }
      const i = r.num - 1;
      if (i >= this.src.length) {
        const m = i + 1;
        this.src = growU32(this.src, m);
        this.dst = growU32(this.dst, m);
        this.proto = growU32(this.proto, m);
        this.color = growU8(this.color, m);
      }
      this.src[i] = strings.id(p.src);
      this.dst[i] = strings.id(p.dst);
      this.proto[i] = strings.id(p.proto);
      const info = this.info;
      info.open();
      p.writeInfo(info);
      info.close();
      let c = 0;
      for (let k = 0; k < colors.length; k++) if (colors[k]!.match(p)) { c = k + 1; break; }
      this.color[i] = c;
      cache.record(p.tree);
      // frame.time_delta_displayed: every frame is displayed on the first pass
      session.prevDispSec = r.tsSec;
      session.prevDispNsec = r.tsNsec;
      if (this.firstRowsMs < 0) this.firstRowsMs = performance.now() - this.t0;
      if (i === 0) this.wakeFirstRows();
      return true;
    };
    // the index gets the record before onFrame (read.ts), so rows up to index.count - 1 are complete;
    // count rows as complete only once onFrame ran: see rowsReady
    const source = this.opts.source ?? yieldingChunks(this.path, this.opts.chunkSize ?? 1 << 20);
    this.meta = await readCaptureStream(source, this.path, onFrame, {
      index: this.index,
      customBlocks: true,
      onParser: (ps) => { this.parser = ps; },
    }).catch((err: unknown) => {
      if (err instanceof CaptureError && this.index.count > 0) {
        // a damaged tail: keep every frame before it, as tshark does, and say so
        this.error = err.message;
        return this.parser?.meta;
      }
      throw err;
    });
    if (this.meta) session.ifaces = this.meta.interfaces;
    session.visited = true;
    this.cache.trim();
    this.info.trim();
  }

  // ---------------------------------------------------------------------------------------------
  // rows

  private timeText(i: number, clock: FrameClock): string {
    const ix = this.index;
    const hasTs = (ix.flags[i]! & IndexFlag.NO_TS) === 0;
    if (Number.isNaN(clock.firstSec)) {
      clock.firstSec = ix.tsSec[0]!;
      clock.firstNsec = ix.tsNsec[0]!;
    }
    clock.frame(ix.tsSec[i]!, ix.tsNsec[i]!, hasTs);
    const ifs = this.meta?.interfaces ?? this.parser?.meta?.interfaces;
    const k = ix.iface[i]!;
    const ifc = ifs === undefined ? undefined : ifs[k < 0 ? 0 : k];
    return timeColumn(clock, 'r', ifc === undefined ? 6 : precisionDigits(ifc.tsUnitsPerSec));
  }

  /** Row of frame `num` (1-based, loaded). */
  row(num: number, clock = new FrameClock()): Row {
    const i = num - 1;
    const s = this.strings.list;
    return {
      no: num,
      time: this.timeText(i, clock),
      src: s[this.src[i]!]!,
      dst: s[this.dst[i]!]!,
      proto: s[this.proto[i]!]!,
      len: this.index.len[i]!,
      info: this.info.get(i),
      color: this.color[i]! - 1,
    };
  }

  private firstRowsWaiters: (() => void)[] = [];

  /** Resolves when the first row is ready, the load is over, or after `ms`. */
  private firstRows(ms: number): Promise<void> {
    if (this.rowsReady > 0 || this.state !== 'loading') return Promise.resolve();
    return new Promise((res) => {
      const timer = setTimeout(done, ms);
      function done(): void { clearTimeout(timer); res(); }
      this.firstRowsWaiters.push(done);
    });
  }

  private wakeFirstRows(): void {
    const w = this.firstRowsWaiters;
    if (w.length === 0) return;
    this.firstRowsWaiters = [];
    for (const f of w) f();
  }

  /** Frames whose rows are complete (the index may be one record ahead during onFrame). */
  private get rowsReady(): number {
    return this.info.count;
  }

  /**
   * A page of rows: `filter` ('' = all), sorted by `sort` (default No.), `desc`. Filters and sorts
   * are computed once and memoized; during the load only the unfiltered, unsorted list is served.
   */
  async frames(opts: { skip?: number; limit?: number; filter?: string; sort?: ColumnId; desc?: boolean }): Promise<FramesResult> {
    const skip = Math.max(0, Math.floor(opts.skip ?? 0));
    const limit = Math.max(0, Math.min(2000, Math.floor(opts.limit ?? 100)));
    const filter = (opts.filter ?? '').trim();
    const sort = opts.sort ?? 'no';
    const desc = opts.desc ?? false;
    const rows: Row[] = [];
    const clock = new FrameClock();
    // a load just started: answer with the first rows as soon as they exist rather than with none
    // (the page would wait for the next status push otherwise)
    if (this.state === 'loading' && !this.live && this.rowsReady === 0) await this.firstRows(FIRST_ROWS_WAIT_MS);
    if (filter === '' && sort === 'no') {
      const total = this.rowsReady;
      for (let k = skip; k < Math.min(total, skip + limit); k++) {
        const num = desc ? total - k : k + 1;
        rows.push(this.row(num, clock));
      }
      return { total, displayed: total, skip, rows };
    }
    const view = await this.view(filter, sort, desc);
    for (let k = skip; k < Math.min(view.length, skip + limit); k++) rows.push(this.row(view[k]!, clock));
    return { total: this.rowsReady, displayed: view.length, skip, rows };
  }

  /** Frame numbers of filter `filter` in the order of column `sort`. */
  private async view(filter: string, sort: ColumnId, desc: boolean): Promise<Int32Array> {
    if (!this.growing) await this.ready();
    const fr = await this.applyFilter(filter);
    if (!fr.ok) throw new Error(fr.message ?? 'bad filter');
    if (sort === 'no' && !desc) return fr.frames;
    const key = `${sort}\u0000${desc ? 1 : 0}\u0000${filter}\u0000${fr.total}`;
    const hit = this.sortMemo.get(key);
    if (hit) return hit;
    const out = this.sorted(fr.frames, sort, desc);
    if (this.sortMemo.size >= 4) this.sortMemo.delete(this.sortMemo.keys().next().value!);
    this.sortMemo.set(key, out);
    return out;
  }

  /**
   * `nums` ordered by column `sort` (ties by frame number): typed-array sorts of packed numeric
   * keys, string columns by rank of their interned strings or by multikey quicksort (Info).
   */
  private sorted(nums: Int32Array, sort: ColumnId, desc: boolean): Int32Array {
    const n = nums.length;
    const ix = this.index;
    const out = new Int32Array(n);
    const TWO32 = 2 ** 32;
    // numeric key in the high part, frame number in the low 32 bits (exact below 2^53)
    const byKey = (key: (num: number) => number): void => {
      const k = new Float64Array(n);
      for (let i = 0; i < n; i++) k[i] = key(nums[i]!) * TWO32 + nums[i]!;
      k.sort();
      for (let i = 0; i < n; i++) out[i] = k[i]! % TWO32;
    };
    const byRank = (ids: Uint32Array): void => {
      const list = this.strings.list;
      const order = Array.from(list.keys()).sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : 0));
      const rank = new Uint32Array(list.length);
      order.forEach((id, r) => { rank[id] = r; });
      byKey((num) => rank[ids[num - 1]!]!);
    };
    switch (sort) {
      case 'no': out.set(nums); break;
      case 'len': byKey((num) => ix.len[num - 1]!); break;
      case 'src': byRank(this.src); break;
      case 'dst': byRank(this.dst); break;
      case 'proto': byRank(this.proto); break;
      case 'time': {
        // seconds may exceed 2^21: rank the distinct timestamps first
        const t = Array.from(nums, (num) => num);
        t.sort((a, b) => (ix.tsSec[a - 1]! - ix.tsSec[b - 1]!) || (ix.tsNsec[a - 1]! - ix.tsNsec[b - 1]!) || a - b);
        out.set(t);
        break;
      }
      case 'info': {
        const info = this.info;
        const order = sortUnits(n, (p, d) => info.byteAt(nums[p]! - 1, d));
        for (let i = 0; i < n; i++) out[i] = nums[order[i]!]!;
        break;
      }
    }
    if (desc) out.reverse();
    return out;
  }

  /** Position of frame `num` in the view (for "go to packet"), -1 when not displayed. */
  async positionOf(num: number, filter = '', sort: ColumnId = 'no', desc = false): Promise<number> {
    if (filter === '' && sort === 'no') return num >= 1 && num <= this.rowsReady ? (desc ? this.rowsReady - num : num - 1) : -1;
    const v = await this.view(filter, sort, desc);
    return v.indexOf(num);
  }

  // ---------------------------------------------------------------------------------------------
  // filters

  /** Validates a filter: its error with the span to underline, or ok. */
  static check(text: string): { ok: true; fields: string[]; deprecated: string[] } | { ok: false; message: string; start: number; end: number } {
    const r = compileFilter(text);
    if (!r.ok) return { ok: false, message: r.error.message, start: r.error.start, end: r.error.end };
    return { ok: true, fields: r.filter.fields.map((f) => fields[f]!.abbrev), deprecated: r.filter.deprecated ?? [] };
  }

  /** Field-name completion: protocols and fields starting with `prefix`, protocols first. */
  static complete(prefix: string, limit = 40): { name: string; desc: string; type: string }[] {
    const p = prefix.toLowerCase();
    const out: { name: string; desc: string; type: string }[] = [];
    if (p === '') return out;
    const hits = fields.filter((f) => f.abbrev.startsWith(p) && f.id !== TEXT_FIELD);
    hits.sort((a, b) => (Number(b.isProtocol) - Number(a.isProtocol)) || a.abbrev.length - b.abbrev.length || (a.abbrev < b.abbrev ? -1 : 1));
    for (const f of hits.slice(0, limit)) out.push({ name: f.abbrev, desc: f.name, type: FT[f.type] });
    return out;
  }

  /** Applies a display filter over all frames (waits for the load). */
  async applyFilter(text: string): Promise<FilterResult> {
    text = text.trim();
    if (!this.growing) await this.ready();
    const total = this.rowsReady;
    const memo = this.filterMemo.get(text);
    // a live capture grows: a result for fewer frames is computed again
    if (memo && memo.total === total) return memo;
    const t0 = performance.now();
    let result: FilterResult;
    if (text === '') {
      const frames = new Int32Array(total);
      for (let i = 0; i < total; i++) frames[i] = i + 1;
      result = { ok: true, displayed: total, total, frames, ms: 0, via: 'all' };
    } else {
      const c = compileFilter(text);
      if (!c.ok) {
        return { ok: false, message: c.error.message, start: c.error.start, end: c.error.end, displayed: 0, total, frames: new Int32Array(0), ms: 0, via: 'all' };
      }
      const f = c.filter;
      const out = new Int32Array(total);
      let n = 0;
      let via: FilterResult['via'];
      const mode = f.needsColumns || this.opts.filterCache === false ? 'no' : this.cache.answerMode(f.text);
      if (mode === 'cache') {
        via = 'cache';
        const e = this.cacheEngine();
        const t = e.tree;
        const p = e.packet;
        const learned = this.cache.learnedOf(f.fields);
        const only = this.cache.replayMask(f.want);
        for (let num = 1; num <= total; num++) {
          this.cache.replay(num, t, learned, only);
          if (f.match(p)) out[n++] = num;
        }
      } else if (mode === 'bytes') {
        via = 'bytes';
        n = await this.bytesFilter(f, out, total);
      } else {
        via = 'dissect';
        n = await this.dissectFilter(f, out, total);
      }
      result = { ok: true, displayed: n, total, frames: out.slice(0, n), ms: 0, via };
    }
    result.ms = Math.round(performance.now() - t0);
    if (this.filterMemo.size >= 8) this.filterMemo.delete(this.filterMemo.keys().next().value!);
    this.filterMemo.set(text, result);
    return result;
  }

  private cacheEng: Engine | undefined;
  private cacheEngine(): Engine {
    this.cacheEng ??= new Engine({ want: null });
    return this.cacheEng;
  }

  /** Cached items plus each frame's bytes read back from the file (no dissection). */
  private async bytesFilter(f: CompiledFilter, out: Int32Array, total: number): Promise<number> {
    const e = this.cacheEngine();
    const t = e.tree;
    const p = e.packet;
    const learned = this.cache.learnedOf(f.fields);
    const only = this.cache.replayMask(f.want);
    if (!this.growing && !this.meta?.compressed && (this.parser?.meta?.compressed ?? false) === false) {
      const n = await this.indexedBytesFilter(f, out, total, learned, only).finally(() => this.cache.replayFrame(1, t, EMPTY, 0, 0));
      if (n >= 0) return n;
    }
    let n = 0;
    try {
      await readCaptureFile(this.path, (r) => {
        if (r.num > total) return false;
        this.cache.replayFrame(r.num, t, r.buf, r.off, r.caplen, learned, only);
        if (f.match(p)) out[n++] = r.num;
        return true;
      }, { customBlocks: true });
    } catch (err) {
      if (!(err instanceof CaptureError)) throw err;
    } finally {
      // the tree must not keep the file's last chunk alive
      this.cache.replayFrame(1, t, EMPTY, 0, 0);
    }
    return n;
  }

  /** bytesFilter over an uncompressed file, through indexedRuns; -1 when the index is not in file order. */
  private async indexedBytesFilter(f: CompiledFilter, out: Int32Array, total: number, learned: readonly number[], only: Uint8Array): Promise<number> {
    const t = this.cacheEngine().tree;
    const p = this.cacheEngine().packet;
    const cl = this.index.caplen;
    let n = 0;
    const ok = await this.indexedRuns(total, (k, buf, at) => {
      this.cache.replayFrame(k + 1, t, buf, at, cl[k]!, learned, only);
      if (f.match(p)) out[n++] = k + 1;
    });
    return ok ? n : -1;
  }

  /**
   * Frames 1…total of an uncompressed file read straight from the offsets in the index, in big runs
   * of whole frames into one reused buffer (no parser, no record objects, no new ArrayBuffer per
   * chunk: on a 500 MB file those made most of a bytes filter's time, in GC): fn(slot, buf, at)
   * for each, `at` being where its data starts in `buf` (valid during the call). False, before any
   * call, when the index is not in file order (the caller then reads the file through the parser);
   * a file that got shorter since it was loaded ends the frames early.
   */
  private async indexedRuns(total: number, fn: (k: number, buf: Uint8Array, at: number) => void): Promise<boolean> {
    const ix = this.index;
    const fo = ix.fileOffset, dd = ix.dataDelta, cl = ix.caplen;
    for (let i = 1; i < total; i++) if (fo[i]! + dd[i]! < fo[i - 1]! + dd[i - 1]!) return false;
    let buf = new Uint8Array(INDEXED_RUN);
    const fh = await open(this.path, 'r');
    try {
      for (let i = 0; i < total;) {
        const start = fo[i]! + dd[i]!;
        let j = i + 1;
        while (j < total && fo[j]! + dd[j]! + cl[j]! - start <= buf.length) j++;
        const end = fo[j - 1]! + dd[j - 1]! + cl[j - 1]!;
        if (end - start > buf.length) buf = new Uint8Array(end - start);
        for (let got = 0; got < end - start;) {
          const { bytesRead } = await fh.read(buf, got, end - start - got, start + got);
          if (bytesRead === 0) return true;
          got += bytesRead;
        }
        for (let k = i; k < j; k++) fn(k, buf, fo[k]! + dd[k]! - start);
        i = j;
      }
    } finally {
      await fh.close();
    }
    return true;
  }

  /** What the index does not keep of frame r.num's record (section, block type …), into `r`. */
  private applyExtra(r: FrameRecord): FrameRecord {
    const x = this.extra.size === 0 ? undefined : this.extra.get(r.num);
    r.section = x?.section ?? 0;
    r.blockType = x?.blockType ?? Math.max(0, this.usualBlockType);
    r.customPen = x?.customPen;
    r.dropCount = x?.dropCount;
    return r;
  }

  /** Re-dissects every frame with the filter's fields (visited Session) and collects the matches. */
  private async dissectFilter(f: CompiledFilter, out: Int32Array, total: number): Promise<number> {
    const e = new Engine({ want: f.want });
    const p = e.packet;
    p.session = this.engine.session;
    p.cols = f.needsColumns;
    // (the filter reads tree items only: expert items are kept when it names one, entries never)
    p.keepExperts = false;
    p.gate = depthGate(f);
    const s = p.session;
    let n = 0;
    let prevDisp = -1;
    const saved = saveScalars(s);
    const growing = this.growing;
    // the filter's fields the cache lacks are learned on the way (not while a live capture grows)
    const learn = growing || this.opts.filterCache === false ? undefined : this.cache.learner(f.fields);
    const one = (r: FrameRecord): void => {
      // a first pass still running (live capture) may run between two frames: give its clock back
      const sv = growing ? saveScalars(s) : undefined;
      this.setClock(s, r.num, prevDisp);
      e.dissect(r, r.buf, r.dv, r.off);
      learn?.record(r.num, p.tree);
      if (f.match(p)) {
        out[n++] = r.num;
        prevDisp = r.num;
      }
      if (sv) restoreScalars(s, sv);
    };
    try {
      // an uncompressed file whose first pass is over: the frames straight from the index
      const rec = newFrameRecord();
      let dvOf: Uint8Array | undefined;
      let dv = rec.dv;
      const indexed = !growing && !this.meta?.compressed && (this.parser?.meta?.compressed ?? false) === false
        && await this.indexedRuns(total, (k, buf, at) => {
          if (buf !== dvOf) { dvOf = buf; dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
          this.index.fill(rec, k);
          rec.buf = buf;
          rec.dv = dv;
          rec.off = at;
          one(this.applyExtra(rec));
        });
      if (!indexed) {
        await readCaptureFile(this.path, (r) => {
          if (r.num > total) return false;
          one(r);
          return true;
        }, { customBlocks: true });
      }
      learn?.finish();
    } catch (err) {
      if (!(err instanceof CaptureError)) throw err;
    } finally {
      restoreScalars(s, saved);
    }
    return n;
  }

  /** Sets the Session's frame-level clock for revisiting frame `num` (prevDisp = previous displayed). */
  private setClock(s: Session, num: number, prevDisp: number): void {
    const ix = this.index;
    s.visited = true;
    s.firstSec = ix.tsSec[0]!;
    s.firstNsec = ix.tsNsec[0]!;
    const prev = num >= 2 ? num - 2 : 0;
    s.prevSec = ix.tsSec[prev]!;
    s.prevNsec = ix.tsNsec[prev]!;
    const pd = prevDisp >= 1 ? prevDisp - 1 : prev;
    s.prevDispSec = ix.tsSec[pd]!;
    s.prevDispNsec = ix.tsNsec[pd]!;
  }

  // ---------------------------------------------------------------------------------------------
  // details

  private async record(num: number): Promise<FrameRecord> {
    if (!(num >= 1 && num <= this.rowsReady)) throw new RangeError(`no frame ${num} (${this.rowsReady} loaded)`);
    if (!this.meta?.compressed && (this.parser?.meta?.compressed ?? false) === false) {
      this.ra ??= await RandomAccessCapture.open(this.path, this.index);
      return this.applyExtra(await this.ra.frame(num));
    }
    // compressed: no random access; read up to the frame (small files in practice)
    let got: FrameRecord | undefined;
    await readCaptureFile(this.path, (r) => {
      if (r.num !== num) return true;
      const buf = r.buf.slice(r.off, r.off + r.caplen);
      got = { ...r, buf, dv: new DataView(buf.buffer), off: 0 };
      return false;
    }, { customBlocks: true });
    if (!got) throw new RangeError(`no frame ${num}`);
    return got;
  }

  /**
   * Dissects frame `num` with the whole tree on the first pass's Session (revisit). `displayedPrev`
   * is the previous displayed frame (frame.time_delta_displayed), default the previous frame.
   */
  async dissectFrame(num: number, displayedPrev = -1): Promise<Packet> {
    const r = await this.record(num);
    this.detail ??= (() => {
      const d = new Engine({ want: null });
      d.packet.session = this.engine.session;
      return d;
    })();
    const s = this.engine.session;
    const saved = saveScalars(s);
    try {
      this.setClock(s, num, displayedPrev);
      return this.detail.dissect(r, r.buf, r.dv, r.off);
    } finally {
      restoreScalars(s, saved);
    }
  }

  /** The details pane's data: the tree (hidden items left out, as -V), byte ranges, data sources. */
  async frame(num: number, filter = ''): Promise<FrameDetails> {
    let prevDisp = -1;
    if (filter.trim() !== '' && this.state === 'done') {
      const fr = await this.applyFilter(filter);
      if (fr.ok) {
        // previous displayed frame: binary search in the ascending list
        let lo = 0, hi = fr.frames.length;
        while (lo < hi) { const m = (lo + hi) >> 1; if (fr.frames[m]! < num) lo = m + 1; else hi = m; }
        prevDisp = lo > 0 ? fr.frames[lo - 1]! : -1;
      }
    }
    const p = await this.dissectFrame(num, prevDisp);
    return detailsOf(p, this.links);
  }

  // ---------------------------------------------------------------------------------------------
  // download

  /** Writes the frames of `filter` ('' = all) as pcap/pcapng to `sink`; resolves with the count. */
  async download(format: WriteFormat, filter: string, sink: (piece: Uint8Array) => void): Promise<number> {
    const fr = await this.applyFilter(filter);
    if (!fr.ok) throw new Error(fr.message ?? 'bad filter');
    const keep = new Uint8Array(this.rowsReady + 1);
    for (const n of fr.frames) keep[n] = 1;
    let w: CaptureWriter | undefined;
    const meta = await readCaptureFile(this.path, (r) => {
      if (r.num >= keep.length) return false;
      if (!keep[r.num]) return true;
      if (!w) {
        w = new CaptureWriter({ format, sink, inputName: this.name, userAppl: 'wirelens' });
        w.syncInterfaces(this.meta?.interfaces ?? []);
      }
      if (this.meta && w.interfaceCount < this.meta.interfaces.length) w.syncInterfaces(this.meta.interfaces);
      w.writeFrame(r);
      return true;
    }, { customBlocks: format === 'pcapng' }).catch((e: unknown) => {
      if (e instanceof CaptureError) return this.meta;
      throw e;
    });
    if (!w) {
      w = new CaptureWriter({ format, sink, inputName: this.name, userAppl: 'wirelens' });
      w.syncInterfaces(meta?.interfaces ?? this.meta?.interfaces ?? []);
    }
    w.finish();
    return w.framesWritten;
  }

  /** set by close(): a first pass still running stops at the next frame */
  private cancelled = false;

  async close(): Promise<void> {
    this.cancelled = true;
    await this.loading?.catch(() => undefined);
    await this.ra?.close().catch(() => undefined);
    this.ra = undefined;
  }
}

/**
 * A dispatch gate for re-dissecting with a filter (revisit): core/prune.ts's layerGate over the
 * filter's fields (TCP and its applications skipped for `ip.checksum > 1000`). On a revisit this
 * changes no state (the Session is visited: dissectors read their per-frame caches). A filter
 * reading columns gets none.
 */
export function depthGate(f: CompiledFilter): DispatchGate | undefined {
  return f.needsColumns ? undefined : layerGate(f.fields);
}

/**
 * The file's bytes in chunks, with a turn of the event loop (setImmediate) between chunks, so the
 * first pass never holds the loop long and row requests are served while it runs. The chunk size
 * adapts to keep each chunk's dissection near 40 ms: cold dissectors (JIT warm-up) manage a few
 * thousand frames per second, warm ones ten times more. The next chunk is read while the current
 * one is parsed.
 */
async function* yieldingChunks(path: string, maxSize: number): AsyncGenerator<Uint8Array, void, undefined> {
  const fh = await open(path, 'r');
  try {
    let pos = 0;
    let size = Math.min(maxSize, 1 << 15);
    let next = fh.read(new Uint8Array(size), 0, size, pos);
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) return;
      pos += bytesRead;
      next = fh.read(new Uint8Array(size), 0, size, pos);
      next.catch(() => undefined);
      const t = performance.now();
      yield buffer.subarray(0, bytesRead);
      const ms = performance.now() - t;
      if (ms < 20 && size < maxSize) size = Math.min(maxSize, size * 2);
      else if (ms > 80 && size > 1 << 13) size >>= 1;
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    await fh.close();
  }
}

// -----------------------------------------------------------------------------------------------
// details tree

/** A display filter selecting item i's value, as Wireshark's "Apply as Filter" builds it; '' for none. */
export function filterFor(t: TreeT, i: number): string {
  const fid = t.fid[i]!;
  if (fid === TEXT_FIELD) return '';
  const f = fields[fid]!;
  if (f.abbrev.startsWith('_ws.expert') && f.type !== FT.NONE) return '';
  let expr: string;
  switch (f.type) {
    case FT.PROTOCOL: case FT.NONE:
      expr = f.abbrev;
      break;
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING: {
      const v = t.value(i);
      if (typeof v !== 'string') return f.abbrev;
      expr = `${f.abbrev} == ${JSON.stringify(v)}`;
      break;
    }
    case FT.BYTES: case FT.UINT_BYTES: {
      const v = t.value(i);
      if (!(v instanceof Uint8Array) || v.length === 0) return f.abbrev;
      expr = `${f.abbrev} == ${hexBytes(v, ':')}`;
      break;
    }
    case FT.ABSOLUTE_TIME:
      expr = `${f.abbrev} == ${JSON.stringify(displayValue(t, i))}`;
      break;
    default:
      expr = `${f.abbrev} == ${fieldText(t, i)}`;
  }
  return compileFilter(expr).ok ? expr : compileFilter(f.abbrev).ok ? f.abbrev : '';
}

/** The details of the packet just dissected: tree nodes with byte ranges, data sources in hex. */
export function detailsOf(p: Packet, links: TreeLinks): FrameDetails {
  const t = p.tree;
  links.build(t);
  const build = (i: number): TreeNode[] => {
    const out: TreeNode[] = [];
    for (let k = i; k >= 0; k = links.next[k]!) {
      const fl = t.flags[k]!;
      if (fl & ItemFlag.HIDDEN) continue;
      const fid = t.fid[k]!;
      const f = fields[fid]!;
      const text = fid === TEXT_FIELD;
      let v = '';
      if (!text && f.type !== FT.PROTOCOL && f.type !== FT.NONE) v = displayValue(t, k);
      const node: TreeNode = {
        l: itemLabel(t, k),
        f: text ? '' : f.abbrev,
        s: Math.max(0, t.start[k]!),
        n: Math.max(0, t.len[k]!),
        d: t.src[k]!,
        v,
        q: filterFor(t, k),
      };
      if (fl & ItemFlag.GENERATED) node.g = 1;
      const c = links.first[k]!;
      if (c >= 0) {
        const kids = build(c);
        if (kids.length) node.k = kids;
      }
      out.push(node);
    }
    return out;
  };
  const sources = t.sources.map((s) => ({ name: s.name, hex: hexBytes(s.buf.subarray(s.base, s.base + s.len)) }));
  return { num: p.num, sources, tree: build(links.top), protocols: p.protocolsString() };
}

