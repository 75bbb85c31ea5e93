// Test support for the IPv4/ICMP/UDP/TCP dissectors: reads a capture from ../shared/captures,
// dissects it in-process, and compares the ip/icmp/udp/tcp columns and summary lines with the
// tshark goldens (golden/<path>.fields.tsv, made with -E occurrence=a -E aggregator=,).
// Node-only (fs, zlib): used by tests and by `node dist/test-support/inet-golden.js [files…]`.
//

import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../dissectors/index.js';
import { Engine } from '../core/dissect.js';
import { readCaptureFile } from '../node/read.js';
import { CaptureError, type FrameRecord } from '../capture/types.js';
import { fieldByName, fields } from '../core/field.js';
import { fieldText, itemLabel } from '../core/format.js';
import { ItemFlag, ROOT, type Tree } from '../core/tree.js';

/** ../shared/captures relative to the repo root (dist/test-support → ../../..), or undefined. */
export function capturesDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../../shared/captures', '../../shared/captures']) {
    const d = join(here, up);
    if (existsSync(join(d, 'golden'))) return d;
  }
  return undefined;
}

/**
 * Dissects every frame of `path` (read with the project's reader, src/node/read.ts), calling
 * `each` while the packet state is valid.
 */
export async function dissectFile(path: string, want: Uint8Array | null, each: (e: Engine, f: FrameRecord) => void): Promise<void> {
  const e = new Engine({ want });
  try {
    await readCaptureFile(path, (f) => {
      e.dissect(f, f.buf, f.dv, f.off);
      each(e, f);
    }, { customBlocks: true });
  } catch (err) {
    // a capture cut short still had its whole frames delivered (as tshark does)
    if (!(err instanceof CaptureError)) throw err;
  }
}

/** The ip/icmp/udp/tcp columns of golden/FIELDS.txt that this engineer owns (tcp.analysis.* excluded). */
export const INET_COLUMNS = [
  'ip.src', 'ip.dst', 'ip.proto', 'ip.ttl', 'ip.len', 'ip.id', 'ip.flags.mf', 'ip.frag_offset',
  'icmp.type', 'icmp.code', 'icmp.seq',
  'tcp.srcport', 'tcp.dstport', 'tcp.stream', 'tcp.seq', 'tcp.seq_raw', 'tcp.ack', 'tcp.nxtseq', 'tcp.len', 'tcp.flags',
  'tcp.window_size_value', 'tcp.window_size', 'tcp.window_size_scalefactor', 'tcp.options.mss_val',
  'tcp.options.wscale.shift', 'tcp.options.wscale.multiplier',
  'udp.srcport', 'udp.dstport', 'udp.length',
];

/** -T fields text of every occurrence of field `fid`, joined by ',' (tshark -E occurrence=a -E aggregator=,). */
export function fieldValues(t: Tree, fid: number): string {
  let s = '';
  let first = true;
  for (let i = 0; i < t.n; i++) {
    if (t.fid[i] !== fid) continue;
    s += (first ? '' : ',') + fieldText(t, i);
    first = false;
  }
  return s;
}

export interface Agreement {
  /** cells (rows × INET_COLUMNS) where golden or ours is non-empty */
  cells: number;
  cellsOk: number;
  /** per column: [compared, ok] */
  perColumn: Map<string, [number, number]>;
  /** summary (Protocol + Info) of packets whose top protocol is one of ours */
  lines: number;
  linesOk: number;
  /** rows skipped because the link layer is not dissected yet (first layer differs from golden) */
  skippedRows: number;
  /** lines tshark tags "[TCP segment of a reassembled PDU]" (PDU reassembly for app protocols), counted apart */
  reassemblyLines: number;
  /** lines tshark tags with tcp.analysis ([TCP Retransmission] …), counted apart */
  analysisLines: number;
  analysisOk: number;
  mismatches: string[];
}

export function newAgreement(): Agreement {
  return { cells: 0, cellsOk: 0, perColumn: new Map(), lines: 0, linesOk: 0, skippedRows: 0, reassemblyLines: 0, analysisLines: 0, analysisOk: 0, mismatches: [] };
}

const OUR_PROTOCOLS = new Set(['IPv4', 'IP', 'ICMP', 'UDP', 'TCP']);
const ANALYSIS_RE = /\[TCP (Retransmission|Fast Retransmission|Spurious Retransmission|Out-Of-Order|Dup ACK|Previous segment not captured|ACKed unseen segment|Window Update|ZeroWindow|ZeroWindowProbe|ZeroWindowProbeAck|Window Full|Keep-Alive|Keep-Alive ACK|Port numbers reused)/;

const OURS = new Set(['ip', 'icmp', 'udp', 'tcp']);

/**
 * True when our layers reproduce the golden ones up to its last ip/icmp/udp/tcp layer: the layers
 * below (link, VLAN, IPv6, tunnels …) belong to other dissectors, and a row they cannot reach yet
 * says nothing about these dissectors.
 */
export function layersReachable(golden: string, ours: string): boolean {
  const g = golden.split(':');
  let last = -1;
  for (let i = 0; i < g.length; i++) if (OURS.has(g[i]!)) last = i;
  if (last < 0) return ours.split(':')[0] === g[0];
  const o = ours.split(':');
  for (let i = 0; i <= last; i++) if (o[i] !== g[i]) return false;
  return true;
}

function splitTsv(line: string): string[] {
  return line.split('\t');
}

/**
 * Compares one capture (path relative to the captures dir) with its golden fields.tsv.
 * Returns false when there is no golden.
 */
export async function compareFile(rel: string, acc: Agreement, maxMismatches = 50, requireLink = true): Promise<boolean> {
  const dir = capturesDir();
  if (!dir) return false;
  const g = join(dir, 'golden', rel + '.fields.tsv');
  if (!existsSync(g)) return false;
  const lines = readFileSync(g, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = splitTsv(lines[0]!);
  const idx = new Map<string, number>();
  header.forEach((h, i) => idx.set(h, i));
  const fids = INET_COLUMNS.map((c) => fieldByName(c)?.id ?? -1);
  const want = new Uint8Array(fields.length + 1);
  for (const id of fids) if (id >= 0) want[id] = 1;
  const fp = fieldByName('frame.protocols');
  if (fp) want[fp.id] = 1;
  let row = 1;
  await dissectFile(join(dir, rel), want, (e) => {
    const cols = splitTsv(lines[row++] ?? '');
    if (cols.length < header.length) return;
    const p = e.packet;
    const t = e.tree;
    if (requireLink && !layersReachable(cols[idx.get('frame.protocols')!] ?? '', p.protocolsString())) { acc.skippedRows++; return; }
    let rowOk = true;
    for (let k = 0; k < INET_COLUMNS.length; k++) {
      const name = INET_COLUMNS[k]!;
      const gold = cols[idx.get(name)!] ?? '';
      const ours = fids[k]! >= 0 ? fieldValues(t, fids[k]!) : '';
      if (gold === '' && ours === '') continue;
      acc.cells++;
      const pc = acc.perColumn.get(name) ?? [0, 0];
      pc[0]++;
      if (gold === ours) { acc.cellsOk++; pc[1]++; } else {
        rowOk = false;
        if (acc.mismatches.length < maxMismatches) acc.mismatches.push(`${rel}#${p.num} ${name}: golden=${JSON.stringify(gold)} ours=${JSON.stringify(ours)}`);
      }
      acc.perColumn.set(name, pc);
    }
    void rowOk;
    const gProto = cols[idx.get('_ws.col.Protocol')!] ?? '';
    const gInfo = cols[idx.get('_ws.col.Info')!] ?? '';
    if (OUR_PROTOCOLS.has(gProto)) {
      const ok = gProto === p.proto && gInfo === p.info;
      if (gInfo.includes('[TCP segment of a reassembled PDU]')) {
        acc.reassemblyLines++;
      } else if (ANALYSIS_RE.test(gInfo)) {
        acc.analysisLines++;
        if (ok) acc.analysisOk++;
      } else {
        acc.lines++;
        if (ok) acc.linesOk++;
        else if (acc.mismatches.length < maxMismatches) acc.mismatches.push(`${rel}#${p.num} summary: golden=${JSON.stringify(gProto + ' | ' + gInfo)} ours=${JSON.stringify(p.proto + ' | ' + p.info)}`);
      }
    }
  });
  return true;
}

/** Every capture with a golden, relative to the captures dir. */
export function allGoldenCaptures(): string[] {
  const dir = capturesDir();
  if (!dir) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const pth = join(d, n);
      if (statSync(pth).isDirectory()) walk(pth);
      else if (n.endsWith('.fields.tsv')) out.push(relative(join(dir, 'golden'), pth).slice(0, -'.fields.tsv'.length));
    }
  };
  walk(join(dir, 'golden'));
  return out;
}

// ---- a -V-like printer for eyeballing against `tshark -V -O <protos>` ----

/** Lines of the tree as tshark -V prints them (hidden items skipped, generated ones bracketed). */
export function treeLines(t: Tree, expand: ReadonlySet<string> | null): string[] {
  const out: string[] = [];
  const kids = new Map<number, number[]>();
  for (let i = 0; i < t.n; i++) {
    const par = t.parent[i]!;
    let a = kids.get(par);
    if (!a) kids.set(par, (a = []));
    a.push(i);
  }
  const walk = (i: number, depth: number, show: boolean): void => {
    if (t.flags[i]! & ItemFlag.HIDDEN) return;
    let label = itemLabel(t, i);
    if (t.flags[i]! & ItemFlag.GENERATED) label = `[${label}]`;
    out.push('    '.repeat(depth) + label);
    if (!show) return;
    for (const k of kids.get(i) ?? []) walk(k, depth + 1, show);
  };
  for (const i of kids.get(ROOT) ?? []) {
    const abbrev = fields[t.fid[i]!]!.abbrev;
    walk(i, 0, expand === null || expand.has(abbrev));
  }
  return out;
}

// CLI: node dist/test-support/inet-golden.js [-V protos] file…   (relative to the captures dir, or 'all')
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const dir = capturesDir() ?? '.';
  if (args[0] === '-F') {
    // live check of extra fields against tshark (needs tshark on PATH): -F f1,f2 file…
    const names = args[1]!.split(',');
    const { execFileSync } = await import('node:child_process');
    let n = 0, ok = 0;
    for (const f of args.slice(2)) {
      const path = f.startsWith('/') ? f : join(dir, f);
      const out = execFileSync('tshark', ['-n', '-r', path, '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', '-e', 'frame.protocols', ...names.flatMap((x) => ['-e', x])], { env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n');
      const fids = names.map((x) => fieldByName(x)?.id ?? -1);
      let row = 0;
      await dissectFile(path, null, (e) => {
        const gold = (out[row++] ?? '').split('\t');
        if (!layersReachable(gold.shift() ?? '', e.packet.protocolsString())) return;
        names.forEach((name, k) => {
          const g = gold[k] ?? '';
          const o = fids[k]! >= 0 ? fieldValues(e.tree, fids[k]!) : '';
          if (g === '' && o === '') return;
          n++;
          if (g === o) ok++;
          else if (n - ok <= Number(process.env.MAXMIS ?? 30)) console.log(`${f}#${e.packet.num} ${name}: tshark=${JSON.stringify(g)} ours=${JSON.stringify(o)}`);
        });
      });
    }
    console.log(`${ok}/${n} cells equal`);
  } else if (args[0] === '-V') {
    const expand = new Set(args[1]!.split(','));
    for (const f of args.slice(2)) {
      await dissectFile(f.startsWith('/') ? f : join(dir, f), null, (e) => {
        const p = e.packet;
        console.log(`Frame ${p.num}: ${p.proto} | ${p.info}`);
        for (const l of treeLines(e.tree, expand)) if (!l.startsWith('Frame ')) console.log(l);
        console.log('');
      });
    }
  } else {
    const files = args.length === 0 || args[0] === 'all' ? allGoldenCaptures() : args;
    const acc = newAgreement();
    const maxMis = Number(process.env.MAXMIS ?? 200);
    for (const f of files) {
      try { await compareFile(f, acc, maxMis); } catch (err) { console.log(`${f}: ERROR ${(err as Error).message}`); }
    }
    for (const m of acc.mismatches) console.log(m);
    console.log('--- per column (compared, ok)');
    for (const [k, [n, ok]] of acc.perColumn) console.log(`${k}\t${n}\t${ok}\t${(100 * ok / n).toFixed(2)}%`);
    console.log(`cells: ${acc.cellsOk}/${acc.cells} = ${(100 * acc.cellsOk / Math.max(1, acc.cells)).toFixed(2)}%`);
    console.log(`summary lines (IP/ICMP/UDP/TCP top): ${acc.linesOk}/${acc.lines} = ${(100 * acc.linesOk / Math.max(1, acc.lines)).toFixed(2)}%`);
    console.log(`tcp.analysis-tagged lines: ${acc.analysisOk}/${acc.analysisLines}`);
    console.log(`"[TCP segment of a reassembled PDU]" lines (not compared): ${acc.reassemblyLines}`);
    console.log(`rows skipped (lower layers not dissected yet): ${acc.skippedRows}`);
  }
}

// ---- hand-made packets (for tests of cases the corpus lacks; expected values come from tshark) ----

function be16(n: number): number[] { return [(n >> 8) & 255, n & 255]; }
function be32(n: number): number[] { return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]; }
function addr(s: string): number[] { return s.split('.').map(Number); }

function csum16(b: number[]): number {
  let s = 0;
  for (let i = 0; i + 1 < b.length; i += 2) s += (b[i]! << 8) | b[i + 1]!;
  if (b.length & 1) s += b[b.length - 1]! << 8;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 65536);
  return ~s & 0xffff;
}

export interface Ip4Opts {
  proto?: number; src?: string; dst?: string; tos?: number; id?: number; flags?: number; frag?: number; ttl?: number;
  opts?: number[]; totlen?: number; ihl?: number; ver?: number;
}

/** An IPv4 header (valid checksum) followed by `payload`. */
export function ip4(payload: number[], o: Ip4Opts = {}): number[] {
  const opts = o.opts ?? [];
  const hl = 20 + opts.length;
  const h = [((o.ver ?? 4) << 4) | (o.ihl ?? hl / 4), o.tos ?? 0, ...be16(o.totlen ?? hl + payload.length), ...be16(o.id ?? 1),
    ...be16(((o.flags ?? 0) << 13) | (o.frag ?? 0)), o.ttl ?? 64, o.proto ?? 17, 0, 0, ...addr(o.src ?? '10.0.0.1'), ...addr(o.dst ?? '10.0.0.2'), ...opts];
  const c = csum16(h);
  h[10] = c >> 8;
  h[11] = c & 255;
  return [...h, ...payload];
}

export function udp(sport: number, dport: number, data: number[] = [], o: { length?: number; cs?: number } = {}): number[] {
  return [...be16(sport), ...be16(dport), ...be16(o.length ?? 8 + data.length), ...be16(o.cs ?? 0), ...data];
}

export interface TcpOpts { seq?: number; ack?: number; flags?: number; win?: number; opts?: number[]; data?: number[]; off?: number; urg?: number }

export function tcp(sport: number, dport: number, o: TcpOpts = {}): number[] {
  const opts = o.opts ?? [];
  const off = o.off ?? (20 + opts.length) / 4;
  return [...be16(sport), ...be16(dport), ...be32(o.seq ?? 0), ...be32(o.ack ?? 0), ...be16((off << 12) | (o.flags ?? 0)),
    ...be16(o.win ?? 8192), 0, 0, ...be16(o.urg ?? 0), ...opts, ...(o.data ?? [])];
}

/** An ICMP message with a correct checksum. */
export function icmp(type: number, code: number, rest: number[], body: number[] = []): number[] {
  const m = [type, code, 0, 0, ...rest, ...body];
  const c = csum16(m);
  m[2] = c >> 8;
  m[3] = c & 255;
  return m;
}

/** Ethernet II frame carrying `payload` (ethertype IPv4 by default). */
export function ether(payload: number[], type = 0x0800): number[] {
  return [0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, ...be16(type), ...payload];
}

export function bytesOf(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/**
 * Dissects hand-made Ethernet frames (one second apart, like the crafted pcaps the expectations were
 * taken from) with the full tree; `each` sees every packet while it is valid. A frame may be
 * [bytes, wireLength] to model a snap length.
 */
export function dissectFrames(frames: (number[] | [number[], number])[], each: (e: Engine) => void): void {
  const e = new Engine({ want: null });
  frames.forEach((fr, i) => {
    const [bytes, len] = Array.isArray(fr[0]) ? fr as [number[], number] : [fr as number[], (fr as number[]).length];
    const buf = Uint8Array.from(bytes);
    const dv = new DataView(buf.buffer);
    e.dissect({ num: i + 1, tsSec: 1000000 + i, tsNsec: 0, caplen: buf.length, len, linktype: 1, iface: -1, comments: undefined }, buf, dv, 0);
    each(e);
  });
}

/** Label lines of the items of field `abbrev` (with [ ] for generated ones), for -V style checks. */
export function labelsOf(t: Tree, abbrev: string): string[] {
  const fid = fieldByName(abbrev)?.id;
  const out: string[] = [];
  for (let i = 0; i < t.n; i++) {
    if (t.fid[i] !== fid) continue;
    const l = itemLabel(t, i);
    out.push(t.flags[i]! & ItemFlag.GENERATED ? `[${l}]` : l);
  }
  return out;
}

/** Value text of `abbrev` (all occurrences joined by ','), as -T fields prints it. */
export function valueOf(t: Tree, abbrev: string): string {
  const fid = fieldByName(abbrev)?.id;
  return fid === undefined ? '' : fieldValues(t, fid);
}

/**
 * Two-pass check: dissects hand-made frames in order, then (with session.visited set, as the UI's
 * random access does) dissects each again; returns the tree lines of both passes per frame.
 */
export function bothPasses(frames: number[][], expand: ReadonlySet<string>): { first: string[][]; again: string[][] } {
  const e = new Engine({ want: null });
  const bufs = frames.map((f) => Uint8Array.from(f));
  const fi = (i: number) => ({ num: i + 1, tsSec: 1000000 + i, tsNsec: 0, caplen: bufs[i]!.length, len: bufs[i]!.length, linktype: 1, iface: -1, comments: undefined });
  const first = bufs.map((b, i) => { e.dissect(fi(i), b, new DataView(b.buffer), 0); return treeLines(e.tree, expand); });
  e.session.visited = true;
  const again = bufs.map((b, i) => { e.dissect(fi(i), b, new DataView(b.buffer), 0); return treeLines(e.tree, expand); });
  return { first, again };
}
