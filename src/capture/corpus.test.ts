// Shared helpers for the capture tests (Node-only; *.test.ts files are outside the platform-neutral
// build): where the corpus is, its INDEX.tsv and goldens, and a tiny pcap/pcapng block builder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createParser, type ParserOptions } from './parser.js';
import type { CaptureMeta, FrameRecord } from './types.js';
import { CaptureError } from './types.js';

/** ../shared/captures next to the repo root (found by walking up to package.json), or undefined. */
export function corpusDir(): string | undefined {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(d, 'package.json'))) {
      const c = join(d, '..', 'shared', 'captures');
      return existsSync(join(c, 'golden', 'INDEX.tsv')) ? c : undefined;
    }
    d = dirname(d);
  }
  return undefined;
}

export const CORPUS = corpusDir();
/** test option: skip when the corpus is absent */
export const needCorpus = { skip: CORPUS === undefined ? 'capture corpus ../shared/captures not found' : false } as const;

export interface IndexRow { path: string; status: string; packets: string; note: string }

export function corpusIndex(): IndexRow[] {
  if (!CORPUS) return [];
  return readFileSync(join(CORPUS, 'golden', 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => {
    const [path = '', status = '', packets = '', note = ''] = l.split('\t');
    return { path, status, packets, note };
  });
}

/** Golden -T fields rows of a capture: [frame.number, frame.time_epoch, frame.len, frame.cap_len]. */
export function goldenRows(path: string): string[][] {
  return readFileSync(join(CORPUS!, 'golden', path + '.fields.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t').slice(0, 4));
}

/** frame.time_epoch as tshark prints it: sign, |sec|, '.', |nsec| (tshark keeps them unnormalised). */
export function epochText(sec: number, nsec: number): string {
  return (sec < 0 || nsec < 0 ? '-' : '') + Math.abs(sec) + '.' + String(Math.abs(nsec)).padStart(9, '0');
}

/** A copy of what a test needs from a (reused) FrameRecord. */
export interface Seen {
  num: number; tsSec: number; tsNsec: number; caplen: number; len: number; linktype: number; iface: number;
  comments: readonly string[] | undefined; epbFlags: number | undefined; hasTs: boolean; fileOffset: number;
  blockType: number; dropCount: number | undefined; data: Uint8Array;
}

export function snapshot(r: FrameRecord): Seen {
  return {
    num: r.num, tsSec: r.tsSec, tsNsec: r.tsNsec, caplen: r.caplen, len: r.len, linktype: r.linktype, iface: r.iface,
    comments: r.comments, epbFlags: r.epbFlags, hasTs: r.hasTs !== false, fileOffset: r.fileOffset,
    blockType: r.blockType ?? 0, dropCount: r.dropCount, data: new Uint8Array(r.buf.subarray(r.off, r.off + r.caplen)),
  };
}

export interface ParseResult { frames: Seen[]; meta: CaptureMeta | undefined; error: CaptureError | undefined }

/** Parses bytes pushed in chunks of `chunk` bytes (whole buffer when 0); collects frames and the error. */
export function parseBytes(bytes: Uint8Array, chunk = 0, opts: ParserOptions = {}): ParseResult {
  const frames: Seen[] = [];
  let meta: CaptureMeta | undefined;
  try {
    const p = createParser(bytes.subarray(0, Math.min(bytes.length, chunk || bytes.length)), opts);
    const step = chunk || bytes.length || 1;
    for (let o = 0; o < bytes.length; o += step) {
      // copy each chunk into a fresh buffer that is then scribbled over: the parser must not keep it
      const c = bytes.slice(o, Math.min(o + step, bytes.length));
      p.push(c, (r) => { frames.push(snapshot(r)); });
      c.fill(0xee);
    }
    p.end();
    meta = p.meta;
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    return { frames, meta, error: e };
  }
  return { frames, meta, error: undefined };
}

// ---- builders for synthetic files ----

export class Bytes {
  private parts: Uint8Array[] = [];
  private cur: number[] = [];
  private n = 0;
  constructor(readonly le = true) {}
  u8(v: number): this { this.cur.push(v & 0xff); this.n++; return this; }
  u16(v: number): this { return this.le ? this.u8(v).u8(v >>> 8) : this.u8(v >>> 8).u8(v); }
  u32(v: number): this { return this.le ? this.u16(v & 0xffff).u16(v >>> 16) : this.u16(v >>> 16).u16(v & 0xffff); }
  u64(v: bigint): this {
    const lo = Number(v & 0xffffffffn), hi = Number((v >> 32n) & 0xffffffffn);
    return this.le ? this.u32(lo).u32(hi) : this.u32(hi).u32(lo);
  }
  bytes(b: ArrayLike<number>): this {
    this.parts.push(Uint8Array.from(this.cur), Uint8Array.from(b));
    this.cur = [];
    this.n += b.length;
    return this;
  }
  pad4(): this { while (this.n % 4) this.u8(0); return this; }
  get length(): number { return this.n; }
  done(): Uint8Array { return concat(...this.parts, Uint8Array.from(this.cur)); }
}

export function pcapFile(opts: { le?: boolean; nsec?: boolean; linktype?: number; snaplen?: number; minor?: number },
  recs: { sec: number; frac: number; data: Uint8Array; len?: number; caplen?: number }[]): Uint8Array {
  const b = new Bytes(opts.le ?? true);
  b.u32(opts.nsec ? 0xa1b23c4d : 0xa1b2c3d4).u16(2).u16(opts.minor ?? 4).u32(0).u32(0).u32(opts.snaplen ?? 65535).u32(opts.linktype ?? 1);
  for (const r of recs) b.u32(r.sec).u32(r.frac).u32(r.caplen ?? r.data.length).u32(r.len ?? r.data.length).bytes(r.data);
  return b.done();
}

export type Opt = [code: number, value: Uint8Array];
export const str = (s: string): Uint8Array => new TextEncoder().encode(s);

/** pcapng block: type, body (already in byte order `le`), total length computed. */
export function block(le: boolean, type: number, body: Uint8Array, opts: Opt[] = []): Uint8Array {
  const o = new Bytes(le);
  for (const [c, v] of opts) o.u16(c).u16(v.length).bytes(v).pad4();
  if (opts.length) o.u32(0);
  const len = 12 + pad(body.length) + o.length;
  const b = new Bytes(le).u32(type).u32(len).bytes(body).pad4().bytes(o.done()).u32(len);
  return b.done();
}

function pad(n: number): number { return (n + 3) & ~3; }

export function shb(le = true, opts: Opt[] = [], major = 1, minor = 0): Uint8Array {
  return block(le, 0x0a0d0d0a, new Bytes(le).u32(0x1a2b3c4d).u16(major).u16(minor).u64(0xffffffffffffffffn).done(), opts);
}
export function idb(le = true, linktype = 1, snaplen = 0, opts: Opt[] = []): Uint8Array {
  return block(le, 1, new Bytes(le).u16(linktype).u16(0).u32(snaplen).done(), opts);
}
export function epb(le: boolean, iface: number, ts: bigint, data: Uint8Array, opts: Opt[] = [], len = data.length): Uint8Array {
  const b = new Bytes(le).u32(iface).u32(Number(ts >> 32n)).u32(Number(ts & 0xffffffffn)).u32(data.length).u32(len).bytes(data).pad4();
  return block(le, 6, b.done(), opts);
}
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
export function u32le(v: number): Uint8Array { return new Bytes(true).u32(v).done(); }

test('capture corpus location', needCorpus, () => {
  assert.ok(corpusIndex().length > 300);
});
