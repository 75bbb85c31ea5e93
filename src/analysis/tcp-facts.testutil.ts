// Test support for the TCP analysis engines: per-segment facts of a capture, read in-process with
// the project's reader and dissectors (tcp.ts gives stream, raw seq/ack, flags, window, SACK), and
// the golden columns the engines are compared with. Node-only (test utility).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../dissectors/index.js';
import { Engine } from '../core/dissect.js';
import { fieldByName, fieldCount } from '../core/field.js';
import { readCaptureFile } from '../node/read.js';
import { CaptureError } from '../capture/types.js';
import { PType } from '../core/packet.js';

/** One TCP segment as the engines see it (the first, non-quoted TCP header of a frame). */
export interface SegFacts {
  num: number;
  tsSec: number;
  tsNsec: number;
  stream: number;
  /** 0 = sent by the stream's first-seen endpoint */
  dir: 0 | 1;
  seq: number;
  ack: number;
  len: number;
  flags: number;
  win: number;
  /** window shift in effect: ≥ 0, -1 unknown, -2 no scaling */
  shift: number;
  /** raw SACK edges [le0, re0, le1, re1 …] */
  sack: number[];
  /** frame bytes after the TCP header (for reassembly tests); only when asked for */
  payload?: Uint8Array;
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

const NEEDED = ['tcp.stream', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len', 'tcp.flags', 'tcp.window_size_value',
  'tcp.window_size_scalefactor', 'tcp.options.sack_le', 'tcp.options.sack_re', 'tcp.payload', 'tcp.srcport'];

/** Reads every TCP segment of a capture (frames without an analyzable TCP header are skipped). */
export async function readSegFacts(path: string, withPayload = false): Promise<SegFacts[]> {
  const want = new Uint8Array(fieldCount() + 1);
  const id: Record<string, number> = {};
  for (const n of NEEDED) {
    const f = fieldByName(n);
    if (!f) throw new Error(`field ${n} not registered`);
    want[f.id] = 1;
    id[n] = f.id;
  }
  const e = new Engine({ want });
  const t = e.tree;
  const first = new Map<number, string>();
  const out: SegFacts[] = [];
  try {
    await readCaptureFile(path, (fr) => {
      const p = e.dissect(fr, fr.buf, fr.dv, fr.off);
      if (p.ptype !== PType.TCP) return;
      let stream = -1, seq = -1, ack = -1, len = -1, flags = -1, win = -1, shift = -1, pay = -1;
      const sack: number[] = [];
      for (let i = 0; i < t.n; i++) {
        const fid = t.fid[i]!;
        const v = t.num[i]!;
        if (fid === id['tcp.stream']) { if (stream >= 0) break; stream = v; } else if (fid === id['tcp.seq_raw'] && seq < 0) seq = v;
        else if (fid === id['tcp.ack_raw'] && ack < 0) ack = v;
        else if (fid === id['tcp.len'] && len < 0) len = v;
        else if (fid === id['tcp.flags'] && flags < 0) flags = v;
        else if (fid === id['tcp.window_size_value'] && win < 0) win = v;
        else if (fid === id['tcp.window_size_scalefactor']) shift = v > 0 ? Math.log2(v) : v;
        else if (fid === id['tcp.options.sack_le'] || fid === id['tcp.options.sack_re']) {
          const s = t.sources[t.src[i]!]!;
          sack.push(u32(s.buf, s.base + t.start[i]!));
        } else if (fid === id['tcp.payload'] && pay < 0) pay = i;
      }
      if (stream < 0 || seq < 0 || len < 0 || flags < 0) return;
      const key = (p.netType === 6 ? p.src6 : String(p.src4)) + '/' + p.srcport;
      let f0 = first.get(stream);
      if (f0 === undefined) first.set(stream, (f0 = key));
      const sf: SegFacts = {
        num: p.num, tsSec: p.tsSec, tsNsec: p.tsNsec, stream, dir: f0 === key ? 0 : 1,
        seq, ack: ack < 0 ? 0 : ack, len, flags, win, shift, sack,
      };
      if (withPayload && pay >= 0) {
        const s = t.sources[t.src[pay]!]!;
        const a = s.base + t.start[pay]!;
        sf.payload = s.buf.slice(a, a + t.len[pay]!);
      }
      out.push(sf);
    }, { customBlocks: true });
  } catch (err) {
    if (!(err instanceof CaptureError)) throw err;
  }
  return out;
}

/** Golden columns of one capture by frame number (header names → cell text). */
export function readGoldenColumns(capDir: string, rel: string, names: readonly string[]): Map<number, string[]> | undefined {
  const g = join(capDir, 'golden', rel + '.fields.tsv');
  if (!existsSync(g)) return undefined;
  const lines = readFileSync(g, 'utf8').split('\n');
  const header = lines[0]!.split('\t');
  const idx = names.map((n) => header.indexOf(n));
  const fnum = header.indexOf('frame.number');
  const out = new Map<number, string[]>();
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    const c = l.split('\t');
    out.set(Number(c[fnum]), idx.map((k) => (k >= 0 ? c[k] ?? '' : '')));
  }
  return out;
}

const TAG_RE = /\[TCP [^\]]*\]/g;

/** The tcp.analysis tags of an Info column (`[TCP Dup ACK 6#1]` …), reassembly tags excluded. */
export function analysisTags(info: string): string {
  const m = info.match(TAG_RE);
  if (!m) return '';
  return m.filter((s) => s !== '[TCP segment of a reassembled PDU]').join(' ');
}
