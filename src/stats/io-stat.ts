// `-z io,stat,INTERVAL[,COLUMN…]`: frames and bytes (or COUNT/SUM/MIN/MAX/AVG of a field) per
// time interval since the first frame, one column per filter, in tshark 4.0's boxed layout.
// INTERVAL 0 (or one longer than the capture) means one interval over the whole capture.

import { FT, fields } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import type { NsTime } from '../core/time.js';
import { fid, padL, padR, relNs, type Tap, type TapClock, type TapFilter } from './tap.js';

export type IoFunc = 'FRAMES' | 'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG';

export interface IoColumnSpec {
  /** the column's text as given ("tcp", "SUM(tcp.len)tcp.len") */
  text: string;
  func: IoFunc;
  /** field of COUNT/SUM/MIN/MAX/AVG */
  field: string | undefined;
  filter: TapFilter | undefined;
}

export interface IoCell {
  frames: number;
  bytes: number;
  /** COUNT/SUM/MIN/MAX/AVG value (seconds for time fields) */
  value: number;
}

export interface IoStatResult {
  /** interval length in nanoseconds (the capture's duration when INTERVAL was 0) */
  intervalNs: number;
  durationNs: number;
  columns: { text: string; func: IoFunc; field: string | undefined }[];
  /** rows[interval][column] */
  rows: { startNs: number; endNs: number; cells: IoCell[] }[];
}

/** At most this many intervals are listed (a capture spanning years at 1 s would never end). */
export const MAX_ROWS = 100000;

interface Acc { frames: number; bytes: number; n: number; sum: number; min: number; max: number }

/** Parses one io,stat column: `FUNC(field)filter` or a plain filter. */
export function parseIoColumn(text: string): { func: IoFunc; field: string | undefined; filter: string } {
  const m = /^\s*(COUNT|SUM|MIN|MAX|AVG)\s*\(\s*([^)\s]+)\s*\)(.*)$/.exec(text);
  if (m) return { func: m[1] as IoFunc, field: m[2], filter: m[3]!.trim() };
  return { func: 'FRAMES', field: undefined, filter: text.trim() };
}

export class IoStatTap implements Tap<IoStatResult> {
  readonly fields: string[];
  readonly fullTree = false;
  readonly columns = false;
  readonly filter = undefined;
  /** per column, per interval */
  private readonly acc: Map<number, Acc>[];
  private readonly fids: number[];
  private readonly isTime: boolean[];
  private lastNs = 0;

  /** intervalText: the INTERVAL argument as given (its decimals set the printed precision) */
  constructor(readonly spec: string, readonly intervalText: string, readonly cols: IoColumnSpec[]) {
    this.fields = cols.flatMap((c) => (c.field ? [c.field] : []));
    this.acc = cols.map(() => new Map());
    this.fids = cols.map((c) => (c.field ? fid(c.field) : -1));
    this.isTime = this.fids.map((f) => f >= 0 && fields[f]!.type === FT.RELATIVE_TIME);
  }

  private get intervalNs(): number {
    return Math.round(Number(this.intervalText) * 1e9);
  }

  packet(p: Packet, clock: TapClock): void {
    const ns = relNs(p, clock);
    if (ns > this.lastNs) this.lastNs = ns;
    const iv = this.intervalNs;
    // a frame stamped before the first one counts in the first interval
    const k = iv > 0 && ns > 0 ? Math.floor(ns / iv) : 0;
    for (let c = 0; c < this.cols.length; c++) {
      const col = this.cols[c]!;
      if (col.filter && !col.filter.match(p)) continue;
      const m = this.acc[c]!;
      let a = m.get(k);
      if (a === undefined) {
        a = { frames: 0, bytes: 0, n: 0, sum: 0, min: Infinity, max: -Infinity };
        m.set(k, a);
      }
      a.frames++;
      a.bytes += p.len;
      const f = this.fids[c]!;
      if (f < 0) continue;
      const t = p.tree;
      for (let i = 0; i < t.n; i++) {
        if (t.fid[i] !== f) continue;
        const raw = t.value(i);
        const v = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw)
          : raw !== null && typeof raw === 'object' && 'sec' in raw ? (raw as NsTime).sec + (raw as NsTime).nsec / 1e9 : NaN;
        if (Number.isNaN(v)) continue;
        a.n++;
        a.sum += v;
        if (v < a.min) a.min = v;
        if (v > a.max) a.max = v;
      }
    }
  }

  private cellValue(c: number, a: Acc | undefined): number {
    if (a === undefined) return 0;
    switch (this.cols[c]!.func) {
      case 'FRAMES': return a.frames;
      case 'COUNT': return a.n;
      case 'SUM': return a.sum;
      case 'MIN': return a.n ? a.min : 0;
      case 'MAX': return a.n ? a.max : 0;
      case 'AVG': return a.n ? (this.isTime[c] ? a.sum / a.n : Math.trunc(a.sum / a.n)) : 0;
    }
  }

  result(): IoStatResult {
    const dur = this.lastNs;
    const whole = !(this.intervalNs > 0 && this.intervalNs <= dur);
    const iv = whole ? dur : this.intervalNs;
    // a capture without duration has no interval at all
    const n = Math.min(MAX_ROWS, dur <= 0 ? 0 : whole ? 1 : Math.floor(dur / iv) + 1);
    const rows: IoStatResult['rows'] = [];
    for (let k = 0; k < n; k++) {
      const cells = this.cols.map((_, c) => {
        const a = whole ? this.merged(c) : this.acc[c]!.get(k);
        return { frames: a?.frames ?? 0, bytes: a?.bytes ?? 0, value: this.cellValue(c, a) };
      });
      rows.push({ startNs: k * iv, endNs: Math.min((k + 1) * iv, dur), cells });
    }
    return { intervalNs: iv, durationNs: dur, columns: this.cols.map((c) => ({ text: c.text, func: c.func, field: c.field })), rows };
  }

  /** one accumulator over all intervals (when the whole capture is one interval) */
  private merged(c: number): Acc {
    const m: Acc = { frames: 0, bytes: 0, n: 0, sum: 0, min: Infinity, max: -Infinity };
    for (const a of this.acc[c]!.values()) {
      m.frames += a.frames; m.bytes += a.bytes; m.n += a.n; m.sum += a.sum;
      if (a.min < m.min) m.min = a.min;
      if (a.max > m.max) m.max = a.max;
    }
    return m;
  }

  text(): string {
    const r = this.result();
    const whole = !(this.intervalNs > 0 && this.intervalNs <= r.durationNs);
    const ivSec = Number(this.intervalText);
    const isInt = !whole && Number.isInteger(ivSec);
    const dot = this.intervalText.indexOf('.');
    const durS = r.durationNs / 1e9;
    // whole capture: 3 decimals below 10 s, 1 below 100 s (tshark's choice), none above
    const dp = whole ? (durS < 10 ? 3 : durS < 100 ? 1 : 0) : isInt ? 0 : Math.max(1, this.intervalText.replace(/0+$/, '').length - dot - 1);
    const intW = String(Math.floor(durS)).length;
    // tshark prints the microseconds of an integer-interval duration with "%6u" (spaces, not zeros)
    const durUs = Math.round(r.durationNs / 1000);
    const durText = isInt ? `${Math.floor(durUs / 1e6)}.${padL(durUs % 1000000, 6)}` : durS.toFixed(dp);
    const ivText = whole ? durS.toFixed(dp) : isInt ? padL(ivSec, intW) : ivSec.toFixed(dp);

    // interval labels
    const labels: string[] = [];
    if (isInt) {
      r.rows.forEach((row, k) => {
        const last = k === r.rows.length - 1;
        labels.push(` ${padL(row.startNs / 1e9, intW)} <> ${last ? padR('Dur', intW + 1) : padL(row.endNs / 1e9, intW) + ' '}`);
      });
    } else {
      const w = durS.toFixed(dp).length;
      for (const row of r.rows) labels.push(` ${padL((row.startNs / 1e9).toFixed(dp), w)} <> ${padL((row.endNs / 1e9).toFixed(dp), w)} `);
    }
    const ivW = Math.max(whole && labels.length === 0 ? 16 : 10, ...labels.map((l) => l.length));

    // column cells
    const cellText = (c: number, v: number): string => (this.isTime[c] ? v.toFixed(6) : String(v));
    const groups = this.cols.map((col, c) => {
      if (col.func === 'FRAMES') {
        const fw = Math.max(6, ...r.rows.map((x) => String(x.cells[c]!.frames).length)) + 2;
        const bw = Math.max(5, ...r.rows.map((x) => String(x.cells[c]!.bytes).length)) + 2;
        return { heads: [['Frames', fw], ['Bytes', bw]] as [string, number][], width: fw + 1 + bw };
      }
      const vw = Math.max(col.func.length, ...r.rows.map((x) => cellText(c, x.cells[c]!.value).length)) + 2;
      return { heads: [[col.func, vw]] as [string, number][], width: vw };
    });
    let tableW = 1 + ivW + 1;
    for (const g of groups) tableW += g.width + 1;
    const specLines = this.cols.map((c, i) => `${i === 0 ? 'Col' : '   '} ${i + 1}: ${c.func === 'FRAMES' && c.text === '' ? 'Frames and bytes' : c.text}`);
    // tshark sizes the box of a whole-capture table for a "0.000 <> 0.000" interval column
    // a whole-capture box is at least as wide as its Frames/Bytes table would be
    const boxW = whole ? Math.max(tableW, 35) : tableW;
    const specW = Math.max(...specLines.map((l) => l.length + 4));
    // a table widened by the column titles gets at least a two-character filler column (" |")
    const W = specW <= boxW ? boxW : specW === boxW + 1 ? boxW + 2 : specW;
    const box = (s: string): string => `| ${padR(s, W - 4)} |\n`;
    const ext = (s: string): string => (s.length < W ? padR(s, W - 1) + '|' : s) + '\n';
    const center = (s: string, w: number): string => {
      const left = Math.ceil((w - s.length) / 2);
      return ' '.repeat(Math.max(0, left)) + s + ' '.repeat(Math.max(0, w - s.length - left));
    };

    let s = `\n${'='.repeat(W)}\n`;
    s += box('IO Statistics') + box('') + box(`Duration: ${durText} secs`) + box(`Interval: ${ivText} secs`) + box('');
    for (const l of specLines) s += box(l);
    s += `|${'-'.repeat(W - 2)}|\n`;
    let nums = `|${' '.repeat(ivW)}|`;
    let heads = `|${padR(' Interval', ivW)}|`;
    groups.forEach((g, i) => {
      nums += `${padR(String(i + 1), g.width)}|`;
      for (const [h, w] of g.heads) heads += `${center(h, w)}|`;
    });
    s += ext(nums) + ext(heads) + ext(`|${'-'.repeat(tableW - 2)}|`);
    r.rows.forEach((row, k) => {
      let line = `|${center(labels[k]!, ivW)}|`;
      groups.forEach((g, c) => {
        const cell = row.cells[c]!;
        if (this.cols[c]!.func === 'FRAMES') {
          line += `${padL(cell.frames, g.heads[0]![1] - 1)} |${padL(cell.bytes, g.heads[1]![1] - 1)} |`;
        } else line += `${padL(cellText(c, cell.value), g.width - 1)} |`;
      });
      s += ext(line);
    });
    return s + '='.repeat(W) + '\n';
  }
}
