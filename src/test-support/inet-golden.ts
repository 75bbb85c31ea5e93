// Test support for the IPv4/ICMP/UDP/TCP dissectors: reads a capture from ../shared/captures,
// dissects it in-process, and compares the ip/icmp/udp/tcp columns and summary lines with the
// tshark goldens (golden/<path>.fields.tsv, made with -E occurrence=a -E aggregator=,).
// Node-only (fs, zlib): used by tests and by `node dist/test-support/inet-golden.js [files…]`.
//
// Until the capture readers (src/capture, src/node/read.ts) land, this carries a small inline
// pcap/pcapng reader; it prefers `readCaptureFile` from src/node/read.js when that exists.

import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../dissectors/index.js';
import { Engine } from '../core/dissect.js';
import type { FrameInfo } from '../core/packet.js';
import { fieldByName, fields } from '../core/field.js';
import { fieldText, itemLabel } from '../core/format.js';
import { ItemFlag, ROOT, type Tree } from '../core/tree.js';

export interface RawFrame {
  fi: FrameInfo;
  buf: Uint8Array;
  off: number;
}

/** ../shared/captures relative to the repo root (dist/test-support → ../../..), or undefined. */
export function capturesDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../../shared/captures', '../../shared/captures']) {
    const d = join(here, up);
    if (existsSync(join(d, 'golden'))) return d;
  }
  return undefined;
}

/** Minimal pcap / pcap-nsec / pcapng reader (gzip too), whole file in memory. */
export function readFrames(path: string): RawFrame[] {
  let b: Uint8Array = readFileSync(path);
  if (b[0] === 0x1f && b[1] === 0x8b) b = gunzipSync(b);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: RawFrame[] = [];
  const magic = dv.getUint32(0, true);
  if (magic === 0xa1b2c3d4 || magic === 0xd4c3b2a1 || magic === 0xa1b23c4d || magic === 0x4d3cb2a1) {
    const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
    const nano = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
    const linktype = dv.getUint32(20, le) & 0x0fffffff;
    let o = 24;
    let num = 0;
    while (o + 16 <= b.length) {
      const sec = dv.getUint32(o, le);
      const frac = dv.getUint32(o + 4, le);
      const caplen = dv.getUint32(o + 8, le);
      const len = dv.getUint32(o + 12, le);
      if (o + 16 + caplen > b.length) break;
      out.push({
        fi: { num: ++num, tsSec: sec, tsNsec: nano ? frac : frac * 1000, caplen, len, linktype, iface: -1, comments: undefined },
        buf: b, off: o + 16,
      });
      o += 16 + caplen;
    }
    return out;
  }
  if (magic !== 0x0a0d0d0a) throw new Error(`${path}: not a pcap/pcapng file`);
  let o = 0;
  let le = true;
  let ifaces: { linktype: number; tsres: number; tsoff: number }[] = [];
  let num = 0;
  while (o + 12 <= b.length) {
    let type = dv.getUint32(o, le);
    if (type === 0x0a0d0d0a) {
      le = dv.getUint32(o + 8, true) === 0x1a2b3c4d;
      ifaces = [];
      type = 0x0a0d0d0a;
    }
    const blen = dv.getUint32(o + 4, le);
    if (blen < 12 || o + blen > b.length) break;
    const body = o + 8;
    if (type === 1) {
      const linktype = dv.getUint16(body, le);
      let tsres = 1e6;
      let tsoff = 0;
      let p = body + 8;
      while (p + 4 <= o + blen - 4) {
        const code = dv.getUint16(p, le);
        const olen = dv.getUint16(p + 2, le);
        if (code === 0) break;
        if (code === 9 && olen >= 1) {
          const r = b[p + 4]!;
          tsres = r & 0x80 ? 2 ** (r & 0x7f) : 10 ** r;
        }
        if (code === 14 && olen >= 8) tsoff = Number(dv.getBigInt64(p + 4, le));
        p += 4 + ((olen + 3) & ~3);
      }
      ifaces.push({ linktype, tsres, tsoff });
    } else if (type === 6 || type === 2) {
      const ifid = type === 6 ? dv.getUint32(body, le) : dv.getUint16(body, le);
      const hi = dv.getUint32(body + 4, le);
      const lo = dv.getUint32(body + 8, le);
      const caplen = dv.getUint32(body + 12, le);
      const len = dv.getUint32(body + 16, le);
      const ifc = ifaces[ifid] ?? { linktype: 1, tsres: 1e6, tsoff: 0 };
      const ts = BigInt(hi) * 4294967296n + BigInt(lo);
      const res = BigInt(Math.round(ifc.tsres));
      const sec = Number(ts / res) + ifc.tsoff;
      const nsec = Number(((ts % res) * 1000000000n) / res);
      out.push({ fi: { num: ++num, tsSec: sec, tsNsec: nsec, caplen, len, linktype: ifc.linktype, iface: ifid, comments: undefined }, buf: b, off: body + 20 });
    } else if (type === 3) {
      const ifc = ifaces[0] ?? { linktype: 1, tsres: 1e6, tsoff: 0 };
      const len = dv.getUint32(body, le);
      const caplen = Math.min(len, blen - 16);
      out.push({ fi: { num: ++num, tsSec: 0, tsNsec: 0, caplen, len, linktype: ifc.linktype, iface: 0, comments: undefined }, buf: b, off: body + 4 });
    }
    o += blen;
  }
  return out;
}

/** Dissects every frame of `path`, calling `each` with the packet state still valid. */
export function dissectFile(path: string, want: Uint8Array | null, each: (e: Engine, f: RawFrame) => void): void {
  const frames = readFrames(path);
  const e = new Engine({ want });
  for (const f of frames) {
    const dv = new DataView(f.buf.buffer, f.buf.byteOffset, f.buf.byteLength);
    e.dissect(f.fi, f.buf, dv, f.off);
    each(e, f);
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
  /** lines tshark tags with tcp.analysis ([TCP Retransmission] …), counted apart */
  analysisLines: number;
  analysisOk: number;
  mismatches: string[];
}

export function newAgreement(): Agreement {
  return { cells: 0, cellsOk: 0, perColumn: new Map(), lines: 0, linesOk: 0, skippedRows: 0, analysisLines: 0, analysisOk: 0, mismatches: [] };
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
export function compareFile(rel: string, acc: Agreement, maxMismatches = 50, requireLink = true): boolean {
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
  dissectFile(join(dir, rel), want, (e) => {
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
      if (ANALYSIS_RE.test(gInfo)) {
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
  if (args[0] === '-V') {
    const expand = new Set(args[1]!.split(','));
    for (const f of args.slice(2)) {
      dissectFile(f.startsWith('/') ? f : join(dir, f), null, (e) => {
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
      try { compareFile(f, acc, maxMis); } catch (err) { console.log(`${f}: ERROR ${(err as Error).message}`); }
    }
    for (const m of acc.mismatches) console.log(m);
    console.log('--- per column (compared, ok)');
    for (const [k, [n, ok]] of acc.perColumn) console.log(`${k}\t${n}\t${ok}\t${(100 * ok / n).toFixed(2)}%`);
    console.log(`cells: ${acc.cellsOk}/${acc.cells} = ${(100 * acc.cellsOk / Math.max(1, acc.cells)).toFixed(2)}%`);
    console.log(`summary lines (IP/ICMP/UDP/TCP top): ${acc.linesOk}/${acc.lines} = ${(100 * acc.linesOk / Math.max(1, acc.lines)).toFixed(2)}%`);
    console.log(`tcp.analysis-tagged lines: ${acc.analysisOk}/${acc.analysisLines}`);
    console.log(`rows skipped (lower layers not dissected yet): ${acc.skippedRows}`);
  }
}
