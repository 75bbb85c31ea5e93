// The in-process dissection loop shared by the CLI, tests, the differential harness and (later)
// the server: open a capture, dissect each frame with only what is needed (no tree for a plain
// summary; the filter's and -e's fields; the whole tree for -V/JSON), apply the display filter,
// and hand each displayed packet to a callback. One streaming pass, like `tshark -r` without -2.

import '../dissectors/index.js';
import './platform.js';
import { Engine } from '../core/dissect.js';
import { DispatchGate, prunable, prunableOutput } from '../core/prune.js';
import { PreWalk } from '../core/prewalk.js';
import type { Packet } from '../core/packet.js';
import type { CaptureParser } from '../capture/parser.js';
import { CaptureError, type CaptureMeta, type FrameRecord, type InterfaceInfo } from '../capture/types.js';
import { readCaptureFile, readCaptureStream } from './read.js';

/** What a display filter gives the pipeline (src/dfilter's CompiledFilter satisfies it). */
export interface PacketFilter {
  match(p: Packet): boolean;
  want: Uint8Array;
  needsColumns?: boolean;
  /** protocols a matching packet contains (dfilter/require.ts), for `prune` */
  required?: number[][] | undefined;
}

export interface PipelineOptions {
  /**
   * Which tree items to build: null = all (-V, JSON), a Uint8Array by field id = those only,
   * undefined = none (summary columns only). The filter's fields are added to it.
   */
  want?: Uint8Array | null | undefined;
  /** Dissectors fill Protocol/Info only when true (default true). */
  cols?: boolean;
  /** display filter (-Y): only matching packets reach onPacket */
  filter?: PacketFilter | undefined;
  /** -c: stop after reading this many frames (tshark counts frames read, not displayed) */
  count?: number | undefined;
  /**
   * false: do not dissect at all (nothing reads the packet: `-q`/`-w` without filter or stats);
   * onPacket then sees an undissected Packet. Ignored when there is a filter. Default true.
   */
  dissect?: boolean;
  /**
   * Skip dissectors that cannot lead to a match of the filter (core/prune.ts). Only for runs whose
   * packet output is the summary columns, nothing, or fields of the protocols core/prune.ts
   * prunableOutput accepts (`want` undefined or such fields), and not with twoPass. Default false.
   */
  prune?: boolean;
  /**
   * A gate that stops dissection above the layers the run reads (core/prune.ts layerGate, e.g.
   * stats/index.ts tapLayerGate for `-z conv,tcp`); used when `prune` builds no gate, not with
   * twoPass. The caller vouches that nothing reads more than `want`'s items (TCP's analysis is
   * then off, see Packet.analysis, unless columns or expert entries are read).
   */
  layerGate?: DispatchGate | undefined;
  /** whether anything reads Packet.experts (`-z expert`); default true */
  experts?: boolean;
  /** tshark -2: a first pass over the whole file for the stateful analysis, then the output pass */
  twoPass?: boolean;
  /** hand pcapng custom blocks over as frames, as tshark 4.0 does (default true) */
  customBlocks?: boolean;
  /** called for every frame read, displayed or not (progress, -w of everything); false stops the run */
  onFrame?: ((r: FrameRecord, displayed: boolean, meta: CaptureMeta | undefined) => boolean | void) | undefined;
  /** read the file synchronously (read.ts ReadOptions.sync): for a CLI run that draws no progress */
  syncRead?: boolean;
  /** read this byte stream (a live capture's pipe) instead of opening `path`, which then only names it */
  source?: AsyncIterable<Uint8Array> | NodeJS.ReadableStream | undefined;
}

/** The per-capture context handed to onPacket. */
export interface PipelineContext {
  /** the record the packet came from (valid during the callback only) */
  rec: FrameRecord;
  /** the parser's live metadata (interfaces …) */
  meta: CaptureMeta | undefined;
  /** digits of the timestamp precision of this frame's interface (0, 1, 2, 3, 6 or 9) */
  precision: number;
  /** first frame's timestamp and the previous captured/displayed frames' (for -t r/d/dd) */
  clock: FrameClock;
  engine: Engine;
}

export interface PipelineResult {
  meta: CaptureMeta | undefined;
  /** frames read */
  frames: number;
  /** frames displayed (passed the filter) */
  displayed: number;
  /** a problem with the file, after every whole frame before it was handled */
  error: CaptureError | undefined;
}

/**
 * Timestamps the time column and frame.time_* need: the first frame's (reference), the previous
 * frame's and the previous displayed frame's. Updated by the pipeline; read while formatting.
 */
export class FrameClock {
  firstSec = NaN;
  firstNsec = 0;
  /** previous frame read (before the current one) */
  prevSec = NaN;
  prevNsec = 0;
  /** previous displayed frame */
  prevDispSec = NaN;
  prevDispNsec = 0;
  /** current frame */
  sec = 0;
  nsec = 0;
  hasTs = true;

  /** Called for each frame read, in order, before it is formatted. */
  frame(sec: number, nsec: number, hasTs: boolean): void {
    if (Number.isNaN(this.firstSec)) {
      this.firstSec = sec;
      this.firstNsec = nsec;
    }
    this.sec = sec;
    this.nsec = nsec;
    this.hasTs = hasTs;
  }

  /** Called after the current frame was handled (displayed or not). */
  done(displayed: boolean): void {
    this.prevSec = this.sec;
    this.prevNsec = this.nsec;
    if (displayed) {
      this.prevDispSec = this.sec;
      this.prevDispNsec = this.nsec;
    }
  }
}

/**
 * Digits of a timestamp resolution (units per second) as tshark's "auto" precision shows them:
 * the decimal digits the unit can express (µs 6, ns 9, 2^-8 s: 2).
 */
export function precisionDigits(unitsPerSec: number): number {
  let d = 0;
  for (let u = 10; u <= unitsPerSec && d < 9; u *= 10) d++;
  return d;
}

/** Merges two want sets (either may be null = all, undefined = none). */
export function mergeWant(a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): Uint8Array | null | undefined {
  if (a === null || b === null) return null;
  if (a === undefined) return b;
  if (b === undefined) return a;
  const n = Math.max(a.length, b.length);
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) m[i] = (a[i] ?? 0) | (b[i] ?? 0);
  return m;
}

/**
 * Reads `path` ('-' = stdin) and calls onPacket for each displayed packet (the Packet is reused:
 * valid during the call only; return false to stop). File problems are returned as `error`
 * (after every whole frame before them), never thrown; other exceptions propagate.
 */
export async function runPipeline(
  path: string,
  opts: PipelineOptions,
  onPacket: (p: Packet, ctx: PipelineContext) => boolean | void,
): Promise<PipelineResult> {
  const filter = opts.filter;
  const want = mergeWant(opts.want, filter?.want);
  const engine = new Engine(want === undefined ? {} : { want });
  const p = engine.packet;
  p.cols = opts.cols ?? true;
  p.keepExperts = opts.experts ?? true;
  if (filter?.needsColumns) p.cols = true;
  let walk: PreWalk | undefined;
  const outputPrunable = opts.want === undefined || (opts.want !== null && prunableOutput(opts.want));
  if (opts.prune === true && outputPrunable && opts.twoPass !== true && filter !== undefined && prunable(filter.want)) {
    p.gate = DispatchGate.build(filter.required);
    // frames the raw walk proves unmatchable are not dissected at all (core/prewalk.ts)
    if (p.gate !== undefined) walk = PreWalk.build(p.gate);
  } else if (opts.layerGate !== undefined && opts.twoPass !== true) {
    p.gate = opts.layerGate;
    // header fields only (no analysis items, applications skipped): unless columns or expert
    // entries are read, TCP's analysis has no reader
    p.analysis = p.cols || p.keepExperts;
  }
  const session = engine.session;
  // Only a two-pass run revisits frames: a streaming run keeps no per-frame state.
  session.retainFrames = opts.twoPass === true;
  const clock = new FrameClock();
  let parser: CaptureParser | undefined;
  let frames = 0;
  let displayed = 0;
  const count = opts.count ?? Infinity;
  const onFrame = opts.onFrame;
  const dissect = filter !== undefined || opts.dissect !== false;
  const ctx: PipelineContext = { rec: undefined as unknown as FrameRecord, meta: undefined, precision: 6, clock, engine };
  let stop = false;
  let lastIfc: InterfaceInfo | undefined;
  let lastPrec = 6;

  const cb = (r: FrameRecord): boolean => {
    if (stop || frames >= count) return false;
    frames++;
    const meta = parser?.meta;
    ctx.meta = meta;
    ctx.rec = r;
    // the frame tree names pcapng interfaces ("on interface eth0, id 0")
    if (meta !== undefined && session.ifaces !== meta.interfaces) session.ifaces = meta.interfaces;
    const ifs = meta?.interfaces;
    const ifc = ifs === undefined ? undefined : ifs[r.iface < 0 ? 0 : r.iface];
    if (ifc !== lastIfc) {
      lastIfc = ifc;
      lastPrec = ifc === undefined ? 6 : precisionDigits(ifc.tsUnitsPerSec);
    }
    ctx.precision = lastPrec;
    clock.frame(r.tsSec, r.tsNsec, r.hasTs !== false);
    let show: boolean;
    if (walk !== undefined && walk.skips(r.buf, r.dv, r.off, r.caplen, r.linktype, r.blockType)) {
      // what the frame dissector would have recorded for the next frames' frame.time_* values
      if (Number.isNaN(session.firstSec)) { session.firstSec = r.tsSec; session.firstNsec = r.tsNsec; }
      session.prevSec = r.tsSec;
      session.prevNsec = r.tsNsec;
      show = false;
    } else {
      if (dissect) engine.dissect(r, r.buf, r.dv, r.off);
      show = filter === undefined || filter.match(p);
    }
    if (show) {
      displayed++;
      if (onPacket(p, ctx) === false) stop = true;
      // frame.time_delta_displayed of the next frames
      session.prevDispSec = r.tsSec;
      session.prevDispNsec = r.tsNsec;
    } else if (displayed === 0) {
      // frame.ts takes the first frame as the previous displayed one; tshark's is the first displayed
      session.prevDispSec = NaN;
    }
    if (onFrame?.(r, show, meta) === false) stop = true;
    clock.done(show);
    return !stop && frames < count;
  };

  let meta: CaptureMeta | undefined;
  let error: CaptureError | undefined;
  const ropts = {
    customBlocks: opts.customBlocks ?? true,
    sync: opts.syncRead === true,
    onParser: (ps: CaptureParser) => { parser = ps; },
  };
  if (opts.twoPass && opts.source === undefined) {
    // First pass (tshark -2): dissect every frame once, in order, without tree or columns, so the
    // stateful analysis (TCP, reassembly, request/response) is complete; the second pass below
    // then revisits with `session.visited` and reads its per-frame results.
    const t = engine.tree;
    const saveWant = t.want;
    const saveCols = p.cols;
    t.want = new Uint8Array(0);
    p.cols = false;
    let n = 0;
    try {
      await readCaptureFile(path, (r) => {
        if (n >= count) return false;
        n++;
        engine.dissect(r, r.buf, r.dv, r.off);
        return n < count;
      }, ropts);
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      // the second pass meets the same problem and reports it
    }
    t.want = saveWant;
    p.cols = saveCols;
    session.visited = true;
    session.prevSec = NaN;
    session.prevDispSec = NaN;
  }
  try {
    meta = opts.source === undefined ? await readCaptureFile(path, cb, ropts) : await readCaptureStream(opts.source, path, cb, ropts);
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    error = e;
    meta = parser?.meta;
  }
  return { meta, frames, displayed, error };
}
