// The corpus-wide differential harness: every capture of golden/INDEX.tsv through wirelens' pipeline
// in this one process, compared cell by cell with tshark's -T fields goldens and line by line with
// its summary goldens. Results are plain data for the node:test suite and the report script.

import { join } from 'node:path';
import { readGoldenFields, readGoldenSummary, readIndex, readFieldList, type IndexEntry } from './corpus.js';
import { resolveColumns, runCapture } from './pipeline.js';

export type Group = 'Foundation' | 'TCP analysis' | 'App' | 'Columns' | 'Other';

/** Which issue covers a field (the "Done means" groups). */
export function fieldGroup(name: string): Group {
  if (name.startsWith('tcp.analysis.')) return 'TCP analysis';
  if (name === '_ws.col.Protocol' || name === '_ws.col.Info') return 'Columns';
  if (/^(dns|http|tls)\./.test(name)) return 'App';
  if (name === 'frame.protocols') return 'App'; // the full list includes application layers; its prefix is Foundation
  if (/^(frame|eth|ip|ipv6|icmp|udp|tcp)\./.test(name) || name === 'vlan.id' || name === 'arp.opcode' || name === 'icmpv6.type') return 'Foundation';
  return 'Other';
}

/** The pseudo-field measuring frame.protocols up to the transport layer (Foundation). */
export const PROTO_PREFIX = 'frame.protocols[prefix]';

/**
 * Layers of frame.protocols that the Foundation issue covers. The prefix of a protocols string is
 * its longest leading run of these: `eth:ethertype:ip:tcp:tls` → `eth:ethertype:ip:tcp`,
 * `eth:ethertype:ip:ospf` → `eth:ethertype:ip`. Application layers (and `data`) come later.
 */
export const FOUNDATION_LAYERS: ReadonlySet<string> = new Set([
  'eth', 'ethertype', 'vlan', 'ieee8021ad', 'arp', 'ip', 'ipv6', 'ipv6.hopopts', 'ipv6.routing', 'ipv6.fraghdr',
  'ipv6.dstopts', 'icmp', 'icmpv6', 'tcp', 'udp', 'sll', 'null', 'raw',
]);

/**
 * True when every Foundation layer of a frame is reached through Foundation layers only: nothing
 * Foundation-owned sits behind a tunnel or link type the issue does not cover
 * (`eth:ethertype:ip:tcp:tls` yes; `eth:ethertype:ip:gre:ip:tcp`, `nflog:ip:tcp` no).
 */
export function foundationReachable(protocols: string): boolean {
  const parts = protocols.split(':');
  let n = 0;
  while (n < parts.length && FOUNDATION_LAYERS.has(parts[n]!)) n++;
  for (let i = n; i < parts.length; i++) if (FOUNDATION_LAYERS.has(parts[i]!) && parts[i] !== 'ethertype') return false;
  return true;
}

export function protocolsPrefix(s: string): string {
  const parts = s.split(':');
  let n = 0;
  while (n < parts.length && FOUNDATION_LAYERS.has(parts[n]!)) n++;
  return parts.slice(0, n).join(':');
}

/** Protocol column values whose summary lines the Foundation issue covers. */
export const FOUNDATION_PROTOCOLS: ReadonlySet<string> = new Set(['Ethernet', 'ARP', 'IPv4', 'IPv6', 'ICMP', 'ICMPv6', 'TCP', 'UDP']);
/** Info tags that come from TCP analysis (a later issue). */
export const TCP_ANALYSIS_TAG = /\[TCP (segment of a reassembled PDU|Dup ACK|Retransmission|Fast Retransmission|Spurious Retransmission|Window Update|Window Full|Out-Of-Order|ZeroWindow|ZeroWindowProbe|Previous segment not captured|ACKed unseen segment|Keep-Alive|Port numbers reused|Lost)/;

export function isFoundationSummary(goldenProto: string, goldenInfo: string): boolean {
  return FOUNDATION_PROTOCOLS.has(goldenProto) && !TCP_ANALYSIS_TAG.test(goldenInfo);
}

export interface FieldStat {
  field: string;
  group: Group;
  compared: number;
  equal: number;
  /** cells where tshark's or our value is non-empty (agreement without the empty-empty majority) */
  nonEmpty: number;
  nonEmptyEqual: number;
  /** mismatching cells per capture */
  byCapture: Map<string, number>;
}

export interface Mismatch {
  capture: string;
  frame: number;
  field: string;
  ours: string;
  tshark: string;
}

export interface CaptureOutcome {
  entry: IndexEntry;
  frames: number;
  /**
   * tshark's record count: the golden summary's line count when goldens exist (INDEX.tsv counts
   * packet blocks only, and tshark also shows pcapng custom blocks as records), else INDEX.tsv's
   * (null when it says `?`).
   */
  expectedFrames: number | null;
  error: { kind: string; message: string } | undefined;
  crash: string | undefined;
  bugs: { frame: number; msg: string }[];
  /**
   * Frames whose Protocol/Info differ between the -T fields run (a partial tree) and the summary
   * run (no tree): a dissector whose columns depend on what is built (tshark's never do).
   */
  modeDiffs: { frame: number; fields: string; summary: string }[];
  goldenRows: number;
  cellsCompared: number;
  cellsEqual: number;
  foundationCompared: number;
  foundationEqual: number;
  summaryCompared: number;
  summaryEqual: number;
  foundationSummaryCompared: number;
  foundationSummaryEqual: number;
  ms: number;
}

export interface CorpusResult {
  dir: string;
  fieldNames: string[];
  captures: CaptureOutcome[];
  /** per field (in FIELDS.txt order), then PROTO_PREFIX */
  fields: FieldStat[];
  summaryAll: { compared: number; equal: number };
  summaryFoundation: { compared: number; equal: number };
  /** Foundation cells of frames whose Foundation layers are all reachable through Foundation layers (see foundationReachable) */
  foundationInScope: { compared: number; equal: number };
  /** Foundation summary lines of such frames */
  summaryFoundationInScope: { compared: number; equal: number };
  /** examples, at most `examplesPerField` per field and 2 per (field, capture) */
  examples: Mismatch[];
  summaryExamples: { capture: string; frame: number; ours: string; tshark: string; foundation: boolean }[];
  /** Foundation cell mismatches by cause (see `mismatchCause`), most cells first */
  causes: Cause[];
  /** Foundation summary-line mismatches by golden Protocol column and the column that differs */
  summaryCauses: Cause[];
  ms: number;
}

export interface Cause {
  cause: string;
  /** mismatching Foundation cells */
  cells: number;
  frames: number;
  captures: Map<string, number>;
  /** one example: capture, frame, a mismatching field */
  example: Mismatch;
}

/**
 * Why a row's Foundation cells differ, from its layers: the first layer where tshark's
 * frame.protocols and ours diverge names the dissector that is missing or stops early
 * (`layer gre after eth:ethertype:ip`); with identical layers the values themselves differ
 * (`values of tcp.*`, by the first mismatching field).
 */
export function mismatchCause(goldenProtocols: string, ourProtocols: string, firstField: string): string {
  const g = goldenProtocols.split(':'), o = ourProtocols.split(':');
  let i = 0;
  while (i < g.length && i < o.length && g[i] === o[i]) i++;
  const after = g.slice(0, i).join(':') || '(start)';
  if (i < g.length && i < o.length) return `layer ${g[i]} after ${after} (wirelens: ${o[i]})`;
  if (i < g.length) return `layer ${g[i]} after ${after} (wirelens stops)`;
  if (i < o.length) return `extra layer ${o[i]} after ${after} (tshark stops)`;
  return `values of ${firstField.split('.')[0]}.* (same layers)`;
}

export interface CorpusOptions {
  /** only captures whose path passes */
  only?: (path: string) => boolean;
  examplesPerField?: number;
  /** per (field, capture); default 2 */
  examplesPerFieldCapture?: number;
  summaryExamples?: number;
  /** summary-line examples per capture; default 2 (Foundation) / 1 (other) */
  summaryExamplesPerCapture?: number;
}

export function groupTotals(r: CorpusResult, g: Group): { compared: number; equal: number } {
  let compared = 0, equal = 0;
  for (const f of r.fields) if (f.group === g) { compared += f.compared; equal += f.equal; }
  return { compared, equal };
}

export function pct(equal: number, compared: number): number {
  return compared === 0 ? 100 : (100 * equal) / compared;
}

export async function runCorpus(dir: string, opts: CorpusOptions = {}): Promise<CorpusResult> {
  const t0 = performance.now();
  const fieldNames = readFieldList(dir);
  const columns = resolveColumns(fieldNames);
  const stats: FieldStat[] = fieldNames.map((field) => ({ field, group: fieldGroup(field), compared: 0, equal: 0, nonEmpty: 0, nonEmptyEqual: 0, byCapture: new Map() }));
  const protoCol = fieldNames.indexOf('frame.protocols');
  const protoPrefix: FieldStat = { field: PROTO_PREFIX, group: 'Foundation', compared: 0, equal: 0, nonEmpty: 0, nonEmptyEqual: 0, byCapture: new Map() };
  const colProto = fieldNames.indexOf('_ws.col.Protocol');
  const colInfo = fieldNames.indexOf('_ws.col.Info');
  const foundationCols = fieldNames.map((n) => fieldGroup(n) === 'Foundation');
  const perField = opts.examplesPerField ?? 12;
  const maxSummaryEx = opts.summaryExamples ?? 60;
  const perFieldCap = opts.examplesPerFieldCapture ?? 2;
  const perCapSummary = opts.summaryExamplesPerCapture;
  const examples: Mismatch[] = [];
  const exCount = new Map<string, number>();
  const exCountCap = new Map<string, number>();
  const summaryExamples: CorpusResult['summaryExamples'] = [];
  const summaryExCap = new Map<string, number>();
  const summaryAll = { compared: 0, equal: 0 };
  const summaryFoundation = { compared: 0, equal: 0 };
  const foundationInScope = { compared: 0, equal: 0 };
  const summaryFoundationInScope = { compared: 0, equal: 0 };
  const nFoundationCols = foundationCols.filter((x) => x).length + (protoCol >= 0 ? 1 : 0);
  const captures: CaptureOutcome[] = [];
  const causes = new Map<string, Cause>();
  const summaryCauses = new Map<string, Cause>();
  /** Foundation cells of a row that differ (the frame.protocols prefix counted by the caller) */
  const foundationMisses = (g: string[], row: string[]): number => {
    let n = 0;
    for (let c = 0; c < fieldNames.length; c++) if (foundationCols[c] && (g[c] ?? '') !== row[c]) n++;
    return n;
  };

  const note = (st: FieldStat, capture: string, frame: number, ours: string, tshark: string): void => {
    st.byCapture.set(capture, (st.byCapture.get(capture) ?? 0) + 1);
    const k = st.field, kc = st.field + '\0' + capture;
    if ((exCount.get(k) ?? 0) >= perField || (exCountCap.get(kc) ?? 0) >= perFieldCap) return;
    exCount.set(k, (exCount.get(k) ?? 0) + 1);
    exCountCap.set(kc, (exCountCap.get(kc) ?? 0) + 1);
    examples.push({ capture, frame, field: st.field, ours, tshark });
  };

  for (const entry of readIndex(dir)) {
    if (opts.only && !opts.only(entry.path)) continue;
    const c0 = performance.now();
    const out: CaptureOutcome = {
      entry, frames: 0, expectedFrames: entry.packets, error: undefined, crash: undefined, bugs: [], modeDiffs: [], goldenRows: 0, cellsCompared: 0, cellsEqual: 0,
      foundationCompared: 0, foundationEqual: 0, summaryCompared: 0, summaryEqual: 0, foundationSummaryCompared: 0,
      foundationSummaryEqual: 0, ms: 0,
    };
    const hasGolden = entry.status === 'ok';
    const rows = hasGolden ? readGoldenFields(dir, entry.path) : [];
    const lines = hasGolden ? readGoldenSummary(dir, entry.path) : [];
    out.goldenRows = rows.length;
    if (hasGolden) out.expectedFrames = lines.length;
    const path = join(dir, entry.path);
    /** Protocol NUL Info of each frame in the -T fields run, by frame number */
    const fieldsCols: string[] = [];
    // -T fields run (tshark's fields golden was a run of its own, as is this one)
    const frun = !hasGolden ? undefined : await runCapture(path, {
      mode: 'fields',
      columns,
      onPacket: (p, _rec, o) => {
        fieldsCols[p.num] = p.proto + '\u0000' + p.info;
        const row = o.row;
        const k = p.num - 1;
        const g = rows[k];
        if (g && row) {
          for (let c = 0; c < fieldNames.length; c++) {
            const st = stats[c]!;
            const gv = g[c] ?? '';
            const ov = row[c]!;
            st.compared++;
            out.cellsCompared++;
            if (foundationCols[c]) out.foundationCompared++;
            const ne = gv !== '' || ov !== '';
            if (ne) st.nonEmpty++;
            if (gv === ov) {
              st.equal++;
              if (ne) st.nonEmptyEqual++;
              out.cellsEqual++;
              if (foundationCols[c]) out.foundationEqual++;
            } else note(st, entry.path, p.num, ov, gv);
          }
          if (protoCol >= 0) {
            const gProtos = g[protoCol] ?? '', oProtos = row[protoCol]!;
            const gp = protocolsPrefix(gProtos), op = protocolsPrefix(oProtos);
            const miss = foundationMisses(g, row) + (gp !== op ? 1 : 0);
            if (miss > 0) {
              const firstBad = fieldNames.find((n, c) => foundationCols[c] && (g[c] ?? '') !== row[c]) ?? 'frame.protocols';
              const cause = mismatchCause(gProtos, oProtos, firstBad);
              let e = causes.get(cause);
              if (!e) {
                e = { cause, cells: 0, frames: 0, captures: new Map(), example: { capture: entry.path, frame: p.num, field: firstBad, ours: row[fieldNames.indexOf(firstBad)] ?? '', tshark: g[fieldNames.indexOf(firstBad)] ?? '' } };
                causes.set(cause, e);
              }
              e.cells += miss;
              e.frames++;
              e.captures.set(entry.path, (e.captures.get(entry.path) ?? 0) + 1);
            }
            if (foundationReachable(gProtos)) {
              foundationInScope.compared += nFoundationCols;
              foundationInScope.equal += nFoundationCols - miss;
            }
            protoPrefix.compared++;
            out.foundationCompared++;
            if (gp !== '' || op !== '') protoPrefix.nonEmpty++;
            if (gp === op) { protoPrefix.equal++; out.foundationEqual++; if (gp !== '') protoPrefix.nonEmptyEqual++; } else note(protoPrefix, entry.path, p.num, op, gp);
          }
        }
      },
    });
    // the plain summary run: no tree, columns only (what `wirelens -r F` does)
    const run = await runCapture(path, {
      mode: 'summary',
      onPacket: !hasGolden ? undefined : (p, _rec, o) => {
        const line = o.line!;
        const k = p.num - 1;
        const fc = fieldsCols[p.num];
        if (fc !== undefined && fc !== p.proto + '\u0000' + p.info && out.modeDiffs.length < 5) {
          out.modeDiffs.push({ frame: p.num, fields: fc.replace('\u0000', ' | '), summary: p.proto + ' | ' + p.info });
        }
        const g = rows[k];
        const gl = lines[k];
        if (gl !== undefined) {
          const fnd = g !== undefined && isFoundationSummary(g[colProto] ?? '', g[colInfo] ?? '');
          const eq = gl === line;
          summaryAll.compared++;
          out.summaryCompared++;
          if (eq) { summaryAll.equal++; out.summaryEqual++; }
          if (fnd) {
            summaryFoundation.compared++;
            out.foundationSummaryCompared++;
            if (eq) { summaryFoundation.equal++; out.foundationSummaryEqual++; }
            if (protoCol >= 0 && foundationReachable(g![protoCol] ?? '')) {
              summaryFoundationInScope.compared++;
              if (eq) summaryFoundationInScope.equal++;
            }
          }
          if (!eq && fnd && g !== undefined) {
            const gp = g[colProto] ?? '', gi = g[colInfo] ?? '';
            const part = p.proto !== gp ? `Protocol column (wirelens ${JSON.stringify(p.proto)})`
              : p.info !== gi ? 'Info column' : 'other columns (No./Time/Source/Destination/Length)';
            const cause = `${gp}: ${part}`;
            let e = summaryCauses.get(cause);
            if (!e) {
              e = { cause, cells: 0, frames: 0, captures: new Map(), example: { capture: entry.path, frame: p.num, field: 'summary', ours: line, tshark: gl } };
              summaryCauses.set(cause, e);
            }
            e.frames++;
            e.cells++;
            e.captures.set(entry.path, (e.captures.get(entry.path) ?? 0) + 1);
          }
          if (!eq && summaryExamples.length < maxSummaryEx && (summaryExCap.get(entry.path) ?? 0) < (perCapSummary ?? (fnd ? 2 : 1))) {
            summaryExCap.set(entry.path, (summaryExCap.get(entry.path) ?? 0) + 1);
            summaryExamples.push({ capture: entry.path, frame: p.num, ours: line, tshark: gl, foundation: fnd });
          }
        }
      },
    });
    out.frames = run.frames;
    out.error = run.error ? { kind: run.error.kind, message: run.error.message } : undefined;
    out.crash = run.crash ?? frun?.crash;
    out.bugs = frun ? [...run.bugs, ...frun.bugs.map((b) => ({ frame: b.frame, msg: `(-T fields run) ${b.msg}` }))] : run.bugs;
    if (frun && frun.frames !== run.frames) out.bugs.push({ frame: -1, msg: `the -T fields run read ${frun.frames} frames, the summary run ${run.frames}` });
    // golden rows we never produced count as mismatches in every column
    for (let k = frun?.frames ?? 0; k < rows.length; k++) {
      for (let c = 0; c < fieldNames.length; c++) {
        stats[c]!.compared++;
        if (rows[k]![c]) stats[c]!.nonEmpty++;
        out.cellsCompared++;
        if (foundationCols[c]) out.foundationCompared++;
        note(stats[c]!, entry.path, k + 1, '<missing frame>', rows[k]![c] ?? '');
      }
      protoPrefix.compared++;
      protoPrefix.nonEmpty++;
      out.foundationCompared++;
    }
    for (let k = run.frames; k < lines.length; k++) {
      summaryAll.compared++;
      out.summaryCompared++;
      const g = rows[k];
      if (g !== undefined && isFoundationSummary(g[colProto] ?? '', g[colInfo] ?? '')) {
        summaryFoundation.compared++;
        out.foundationSummaryCompared++;
      }
    }
    out.ms = performance.now() - c0;
    captures.push(out);
  }
  return {
    dir, fieldNames, captures, fields: [...stats, protoPrefix], summaryAll, summaryFoundation, foundationInScope, summaryFoundationInScope, examples, summaryExamples,
    causes: [...causes.values()].sort((a, b) => b.cells - a.cells),
    summaryCauses: [...summaryCauses.values()].sort((a, b) => b.frames - a.frames),
    ms: performance.now() - t0,
  };
}
