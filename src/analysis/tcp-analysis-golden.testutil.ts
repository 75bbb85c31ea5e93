// Measures the tcp.analysis engine against the tshark goldens: per-segment facts come from the
// project's dissectors (tcp-facts.testutil.ts), the engine runs on them in capture order, and the
// columns tcp.analysis.retransmission / duplicate_ack / acks_frame / bytes_in_flight and the Info
// tags are compared cell by cell. `node dist/analysis/tcp-analysis-golden.testutil.js [files…]`
// prints the figures and the first mismatches (facts are cached in $TMPDIR/wirelens-tcpfacts).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { allGoldenCaptures, capturesDir } from '../test-support/inet-golden.js';
import { repoRoot } from '../test-support/corpus.js';
import { readSegFacts, readGoldenColumns, analysisTags, type SegFacts } from './tcp-facts.testutil.js';
import { analyzeSegment, analysisInfo, TA, TA_FLAG_MASK, TA_TREE_MASK, TcpAnalysisResult, TcpConvAnalysis, TcpSegment } from './tcp-analysis.js';

export const COLUMNS = ['tcp.stream', 'tcp.analysis.retransmission', 'tcp.analysis.duplicate_ack', 'tcp.analysis.acks_frame', 'tcp.analysis.bytes_in_flight', '_ws.col.Info'] as const;
export const MEASURED = ['retransmission', 'duplicate_ack', 'acks_frame', 'bytes_in_flight', 'tags'] as const;

export interface Measure {
  /** per measured column: [compared, equal] */
  cols: Record<string, [number, number]>;
  mismatches: string[];
  segments: number;
}

export function newMeasure(): Measure {
  const cols: Record<string, [number, number]> = {};
  for (const c of MEASURED) cols[c] = [0, 0];
  return { cols, mismatches: [], segments: 0 };
}

/** Our -T fields cells for one analyzed segment. */
export function ourCells(r: TcpAnalysisResult): [string, string, string, string, string] {
  const f = r.flags;
  return [
    f & TA.RETRANSMISSION ? '1' : '',
    f & TA.DUPLICATE_ACK ? '1,1' : '',
    f & TA.HAS_ACKS_FRAME ? String(r.acksFrame) : '',
    f & TA.HAS_BIF ? String(r.bytesInFlight) : '',
    analysisInfo(r).trim(),
  ];
}

export async function factsOf(dir: string, rel: string): Promise<SegFacts[]> {
  const cache = join(tmpdir(), 'wirelens-tcpfacts');
  const file = join(cache, rel.replace(/\//g, '__') + '.json');
  if (process.env['TCPFACTS_CACHE'] === '1' && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SegFacts[];
  const facts = await readSegFacts(join(dir, rel));
  if (process.env['TCPFACTS_CACHE'] === '1') {
    mkdirSync(cache, { recursive: true });
    writeFileSync(file, JSON.stringify(facts));
  }
  return facts;
}

/** Runs the engine over one capture's facts and compares with its golden. */
export function measureFacts(rel: string, facts: readonly SegFacts[], gold: Map<number, string[]>, m: Measure, maxMis = 200, ext?: Map<number, string[]>): void {
  const convs = new Map<number, TcpConvAnalysis>();
  const seg = new TcpSegment();
  const res = new TcpAnalysisResult();
  for (const f of facts) {
    const g = gold.get(f.num);
    if (!g) continue;
    // the stream numbering is the TCP dissector's: rows where it differs say nothing about analysis
    if (g[0] !== String(f.stream)) continue;
    let c = convs.get(f.stream);
    if (!c) convs.set(f.stream, (c = new TcpConvAnalysis(f.tsSec, f.tsNsec)));
    seg.num = f.num; seg.tsSec = f.tsSec; seg.tsNsec = f.tsNsec; seg.dir = f.dir;
    seg.seq = f.seq; seg.ack = f.ack; seg.len = f.len; seg.flags = f.flags; seg.win = f.win; seg.shift = f.shift;
    seg.nsack = Math.min(4, f.sack.length >> 1);
    for (let i = 0; i < seg.nsack; i++) { seg.sackLe[i] = f.sack[2 * i]!; seg.sackRe[i] = f.sack[2 * i + 1]!; }
    analyzeSegment(c, seg, res);
    m.segments++;
    const ours = ourCells(res);
    const golden = [g[1]!, g[2]!, g[3]!, g[4]!, analysisTags(g[5]!)];
    for (let k = 0; k < MEASURED.length; k++) {
      const a = golden[k]!, b = ours[k]!;
      if (a === '' && b === '') continue;
      const cc = m.cols[MEASURED[k]!]!;
      cc[0]++;
      if (a === b) cc[1]++;
      else if (m.mismatches.length < maxMis) m.mismatches.push(`${rel}#${f.num} s${f.stream} ${MEASURED[k]}: golden=${JSON.stringify(a)} ours=${JSON.stringify(b)}`);
    }
    // compact fixtures leave out rows without any value
    const x = ext ? ext.get(f.num) ?? EMPTY : undefined;
    if (x) {
      const oe = ourExtCells(res);
      for (let k = 2; k < EXT_COLUMNS.length; k++) {
        const a = x[k] ?? '', b = oe[k - 2]!;
        if (a === '' && b === '') continue;
        const name = EXT_COLUMNS[k]!.replace('tcp.analysis.', '');
        const cc = (m.cols[name] ??= [0, 0]);
        cc[0]++;
        if (a === b) cc[1]++;
        else if (m.mismatches.length < maxMis) m.mismatches.push(`${rel}#${f.num} s${f.stream} ${name}: tshark=${JSON.stringify(a)} ours=${JSON.stringify(b)}`);
      }
    }
  }
}

/** Extended columns (tshark -T fields, occurrence=a, aggregator=,) kept as fixtures for the -V-only fields. */
export const EXT_COLUMNS = ['frame.number', 'tcp.stream', 'tcp.analysis.ack_rtt', 'tcp.analysis.initial_rtt', 'tcp.analysis.push_bytes_sent',
  'tcp.analysis.duplicate_ack_num', 'tcp.analysis.duplicate_ack_frame', 'tcp.analysis.rto', 'tcp.analysis.rto_frame',
  'tcp.analysis.zero_window', 'tcp.analysis.zero_window_probe', 'tcp.analysis.zero_window_probe_ack', 'tcp.analysis.window_full',
  'tcp.analysis.window_update', 'tcp.analysis.keep_alive', 'tcp.analysis.keep_alive_ack', 'tcp.analysis.lost_segment',
  'tcp.analysis.ack_lost_segment', 'tcp.analysis.out_of_order', 'tcp.analysis.fast_retransmission',
  'tcp.analysis.spurious_retransmission', 'tcp.analysis.reused_ports', 'tcp.analysis.flags', 'tcp.analysis'] as const;

const EMPTY: string[] = [];

function secs(ns: number): string {
  const neg = ns < 0;
  const a = Math.abs(ns);
  const s = Math.floor(a / 1e9);
  return (neg ? '-' : '') + s + '.' + String(a - s * 1e9).padStart(9, '0');
}

/** Our cells for EXT_COLUMNS[2..]. */
export function ourExtCells(r: TcpAnalysisResult): string[] {
  const f = r.flags;
  const b = (m: number): string => (f & m ? '1' : '');
  const any = (f & TA_TREE_MASK) !== 0;
  return [
    f & TA.HAS_ACK_RTT ? secs(r.ackRtt) : '',
    f & TA.HAS_IRTT && any ? secs(r.irtt) : '',
    f & TA.HAS_PUSH ? String(r.pushBytes) : '',
    f & TA.DUPLICATE_ACK ? String(r.dupAckNum) : '',
    f & TA.DUPLICATE_ACK ? String(r.dupAckFrame) : '',
    f & TA.HAS_RTO ? secs(r.rto) : '',
    f & TA.HAS_RTO ? String(r.rtoFrame) : '',
    b(TA.ZERO_WINDOW), b(TA.ZERO_WINDOW_PROBE), b(TA.ZERO_WINDOW_PROBE_ACK), b(TA.WINDOW_FULL), b(TA.WINDOW_UPDATE),
    b(TA.KEEP_ALIVE), b(TA.KEEP_ALIVE_ACK), b(TA.LOST_SEGMENT), b(TA.ACK_LOST_SEGMENT), b(TA.OUT_OF_ORDER),
    b(TA.FAST_RETRANSMISSION), b(TA.SPURIOUS_RETRANSMISSION), b(TA.REUSED_PORTS),
    f & TA_FLAG_MASK ? '1' : '',
    any ? '1' : '',
  ];
}

/** Captures whose golden has at least one TCP row. */
export function tcpCaptures(dir: string): string[] {
  return allGoldenCaptures().filter((rel) => {
    const g = readGoldenColumns(dir, rel, ['tcp.stream']);
    if (!g) return false;
    for (const v of g.values()) if (v[0] !== '') return true;
    return false;
  });
}

/** The extended fixture of a capture (test/fixtures/tcp-analysis/<path with _>.tsv), by frame number. */
export function extFixture(rel: string): Map<number, string[]> | undefined {
  const dir = process.env['TCP_EXT_DIR'] ?? join(repoRoot, 'test', 'fixtures', 'tcp-analysis');
  const f = join(dir, rel.replace(/\//g, '_') + '.tsv');
  if (!existsSync(f)) return undefined;
  const out = new Map<number, string[]>();
  for (const l of readFileSync(f, 'utf8').split('\n')) {
    if (!l) continue;
    const c = l.split('\t');
    out.set(Number(c[0]), c);
  }
  return out;
}

export async function measureCorpus(files?: readonly string[], maxMis = 200): Promise<Measure> {
  const dir = capturesDir();
  const m = newMeasure();
  if (!dir) return m;
  for (const rel of files ?? tcpCaptures(dir)) {
    const gold = readGoldenColumns(dir, rel, COLUMNS);
    if (!gold) continue;
    measureFacts(rel, await factsOf(dir, rel), gold, m, maxMis, extFixture(rel));
  }
  return m;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const t0 = Date.now();
  const m = await measureCorpus(args.length ? args : undefined, Number(process.env['MAXMIS'] ?? 60));
  for (const [k, [n, ok]] of Object.entries(m.cols)) console.log(`${k.padEnd(16)} ${ok}/${n} ${(n ? (100 * ok) / n : 100).toFixed(2)}%`);
  console.log(`${m.segments} segments, ${Date.now() - t0} ms`);
  for (const s of m.mismatches) console.log(s);
}
