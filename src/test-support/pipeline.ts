// What the harness runs per capture: reader → Engine → -T fields row and summary line.
// It must be the CLI's code path so the figures measure what users get. While the shared pieces
// (src/node/read.ts, src/node/output/*) are not in the tree, the stand-ins below are used; each is
// marked TEMPORARY and is replaced by the shared function when it lands.

import '../dissectors/index.js';
import { Engine } from '../core/dissect.js';
import { fieldByName, fieldCount } from '../core/field.js';
import { fieldText } from '../core/format.js';
import { ei_dissector_bug } from '../core/expert.js';
import type { Packet } from '../core/packet.js';
import { formatSecNsec, nsDiff } from '../core/time.js';
import { CaptureError, type FrameRecord } from '../capture/types.js';
import { readCaptureLite } from './capture-lite.js';

/** Which capture reader runs: the TEMPORARY stand-in (capture-lite.ts) or the project's (src/node/read.ts). */
export const READER: 'lite' | 'shared' = 'lite';

export interface CaptureRun {
  /** frames handed to the engine */
  frames: number;
  /** the reader's clean error (file cut short, unsupported …), if any */
  error: CaptureError | undefined;
  /** anything else that escaped the pipeline: always a bug */
  crash: string | undefined;
  /** dissector exceptions caught per frame by the Engine (reported as bug nodes) */
  bugs: { frame: number; msg: string }[];
}

/** Compiled -e column list: field ids per column, `_ws.col.*` columns marked. */
export interface FieldColumns {
  names: string[];
  /** field id → column index, -1 when not asked for */
  colOf: Int32Array;
  /** per column: 'proto' | 'info' | '' */
  special: string[];
  want: Uint8Array;
}

export function resolveColumns(names: string[]): FieldColumns {
  const n = fieldCount();
  const colOf = new Int32Array(n).fill(-1);
  const want = new Uint8Array(n);
  const special: string[] = [];
  names.forEach((name, c) => {
    special.push(name === '_ws.col.Protocol' ? 'proto' : name === '_ws.col.Info' ? 'info' : '');
    const f = fieldByName(name);
    if (f) {
      colOf[f.id] = c;
      want[f.id] = 1;
    }
  });
  return { names, colOf, special, want };
}

/** TEMPORARY stand-in for the CLI's fieldsRow: `-T fields -E occurrence=a -E aggregator=,` cells. */
export function fieldsRow(p: Packet, cols: FieldColumns): string[] {
  const cells: string[] = new Array<string>(cols.names.length).fill('');
  const seen = new Uint8Array(cols.names.length);
  const t = p.tree;
  for (let i = 0; i < t.n; i++) {
    const fid = t.fid[i]!;
    if (fid >= cols.colOf.length) continue;
    const c = cols.colOf[fid]!;
    if (c < 0) continue;
    const s = fieldText(t, i);
    cells[c] = seen[c] ? cells[c] + ',' + s : s;
    seen[c] = 1;
  }
  for (let c = 0; c < cells.length; c++) {
    if (cols.special[c] === 'proto') cells[c] = p.proto;
    else if (cols.special[c] === 'info') cells[c] = p.info;
  }
  return cells;
}

/** TEMPORARY stand-in for the CLI's formatSummaryLine: tshark's default `-n -r F` line. */
export function summaryLine(p: Packet, firstSec: number, firstNsec: number, digits: number): string {
  const rel = formatSecNsec(nsDiff(p.tsSec, p.tsNsec, firstSec, firstNsec), digits);
  return `${String(p.num).padStart(5)} ${rel.padStart(10)} ${p.src.padStart(12)} → ${p.dst.padEnd(12)} ${p.proto} ${p.len} ${p.info}`;
}

export interface RunOptions {
  /** -e columns; omit for summary only */
  columns?: FieldColumns;
  /** null = build the whole tree (-V) */
  fullTree?: boolean;
  onPacket?: ((p: Packet, rec: FrameRecord, row: string[] | undefined, summary: string) => void) | undefined;
}

/**
 * Runs one capture through reader + engine, like the CLI's one-pass loop. Never throws: reader
 * errors come back in `error`, anything else that escapes in `crash`.
 */
export async function runCapture(path: string, opts: RunOptions = {}): Promise<CaptureRun> {
  const run: CaptureRun = { frames: 0, error: undefined, crash: undefined, bugs: [] };
  let engine: Engine;
  try {
    engine = new Engine({ want: opts.fullTree ? null : opts.columns ? opts.columns.want : new Uint8Array(0) });
  } catch (e) {
    run.crash = `Engine: ${(e as Error).stack ?? String(e)}`;
    return run;
  }
  const digits = new Map<number, number>();
  let firstSec = NaN, firstNsec = 0;
  const onFrame = (rec: FrameRecord): void => {
    run.frames++;
    const p = engine.dissect(rec, rec.buf, rec.dv, rec.off);
    for (const x of p.experts) if (x.ei === ei_dissector_bug) run.bugs.push({ frame: rec.num, msg: x.msg });
    if (opts.onPacket) {
      if (Number.isNaN(firstSec)) { firstSec = rec.tsSec; firstNsec = rec.tsNsec; }
      const row = opts.columns ? fieldsRow(p, opts.columns) : undefined;
      const line = summaryLine(p, firstSec, firstNsec, digits.get(rec.iface) ?? 6);
      opts.onPacket(p, rec, row, line);
    }
  };
  try {
    if (process.env['WIRELENS_READER'] === 'shared') {
      const mod = '../node/read.js';
      const { readCaptureFile } = await import(mod) as { readCaptureFile: (path: string, cb: (r: FrameRecord) => void, o: object) => Promise<unknown> };
      await readCaptureFile(path, onFrame, { customBlocks: true });
    } else readCaptureLite(path, onFrame, digits);
  } catch (e) {
    if (e instanceof CaptureError) run.error = e;
    else run.crash = (e as Error).stack ?? String(e);
  }
  return run;
}
