// What the harness runs per capture: the CLI's own code path (src/node/pipeline.ts runPipeline with
// the CLI's choice of tree and columns, src/node/output fieldsRow / summaryLine / timeColumn), so the
// figures measure what `wirelens -r F` and `wirelens -r F -T fields -e …` print.

import { fieldByName } from '../core/field.js';
import { ei_dissector_bug } from '../core/expert.js';
import type { Packet } from '../core/packet.js';
import { CaptureError, type FrameRecord } from '../capture/types.js';
import { runPipeline } from '../node/pipeline.js';
import { DEFAULT_FIELDS_OPTIONS, fieldsRow, resolveFieldColumns, type FieldColumns as CliColumns } from '../node/output/fields.js';
import { summaryLine, timeColumn } from '../node/output/summary.js';

export interface CaptureRun {
  /** frames read */
  frames: number;
  /** the reader's clean error (file cut short, unsupported …), if any */
  error: CaptureError | undefined;
  /** anything else that escaped the pipeline: always a bug */
  crash: string | undefined;
  /** dissector exceptions caught per frame by the Engine (reported as bug nodes) */
  bugs: { frame: number; msg: string }[];
}

/**
 * The golden -e columns, resolved like the CLI resolves -e. Fields no dissector registers yet would
 * make the CLI refuse the whole list ("Some fields aren't valid"); the harness leaves those columns
 * empty instead (and so counts them as mismatches wherever tshark has a value).
 */
export interface FieldColumns {
  names: string[];
  /** the CLI's columns for the names that resolve */
  cli: CliColumns;
  /** per golden column: its index in `cli`, or -1 when the field is not registered */
  map: Int32Array;
}

export function resolveColumns(names: string[]): FieldColumns {
  const known = names.filter((n) => n.startsWith('_ws.col.') || fieldByName(n) !== undefined);
  const r = resolveFieldColumns(known);
  if (!r.ok) throw new Error(`resolveFieldColumns refused registered fields: ${r.invalid.join(', ')}`);
  const map = new Int32Array(names.length);
  names.forEach((n, c) => { map[c] = known.indexOf(n); });
  return { names, cli: r.columns, map };
}

export type RunMode = 'summary' | 'fields' | 'full';

export interface RunOptions {
  /**
   * 'summary' = `wirelens -r F` (no tree, columns; onPacket gets the summary line);
   * 'fields' = `-T fields -e <columns>` (those fields and the columns; onPacket gets the cells);
   * 'full' = `-V` (the whole tree, columns).
   */
  mode: RunMode;
  columns?: FieldColumns;
  onPacket?: ((p: Packet, rec: FrameRecord, out: { row: string[] | undefined; line: string | undefined }) => void) | undefined;
}

/**
 * Runs one capture through the CLI's pipeline. Never throws: reader errors come back in `error`,
 * anything else that escapes in `crash`.
 */
export async function runCapture(path: string, opts: RunOptions): Promise<CaptureRun> {
  const run: CaptureRun = { frames: 0, error: undefined, crash: undefined, bugs: [] };
  const cols = opts.columns;
  if (opts.mode === 'fields' && !cols) throw new Error('runCapture: fields mode needs columns');
  const want = opts.mode === 'full' ? null : opts.mode === 'fields' ? cols!.cli.want : undefined;
  const needCols = opts.mode !== 'fields' || cols!.cli.needsColumns;
  const onPacket = opts.onPacket;
  const out: { row: string[] | undefined; line: string | undefined } = { row: undefined, line: undefined };
  try {
    const res = await runPipeline(path, { want, cols: needCols }, (p, ctx) => {
      run.frames++;
      for (const x of p.experts) if (x.ei === ei_dissector_bug) run.bugs.push({ frame: p.num, msg: x.msg });
      if (!onPacket) return;
      const time = timeColumn(ctx.clock, 'r', ctx.precision);
      out.row = undefined;
      out.line = undefined;
      if (opts.mode === 'summary') out.line = summaryLine(p, time);
      else if (opts.mode === 'fields') {
        const cells = fieldsRow(p, cols!.cli, DEFAULT_FIELDS_OPTIONS, time).split('\t');
        if (cells.length !== cols!.cli.names.length) {
          // a tab inside a value would shift every later column (tshark's goldens have none)
          run.bugs.push({ frame: p.num, msg: `-T fields row has ${cells.length} columns, not ${cols!.cli.names.length} (a tab or newline inside a value?)` });
        }
        const row = new Array<string>(cols!.names.length);
        for (let c = 0; c < row.length; c++) {
          const k = cols!.map[c]!;
          row[c] = k < 0 ? '' : cells[k] ?? '';
        }
        out.row = row;
      }
      onPacket(p, ctx.rec, out);
    });
    run.frames = res.frames;
    run.error = res.error;
  } catch (e) {
    run.crash = e instanceof Error ? e.stack ?? e.message : String(e);
  }
  return run;
}
