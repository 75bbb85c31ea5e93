// Test helpers for the link-layer / ARP / IPv6 / ICMPv6 dissector tests: read a capture from
// ../shared/captures, dissect it in-process and compare -T fields style columns with tshark's
// goldens (golden/<path>.fields.tsv, made by tshark 4.0.17 with TZ=UTC).
//
// The capture reader here is a small stand-in used only by tests until src/node/read.ts lands:
// pcap (µs/ns, both byte orders), pcapng (SHB/IDB/EPB/SPB/OPB, if_name, if_description,
// if_tsresol, if_tsoffset, epb_flags, epb_dropcount, comments) and gzip.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import './index.js';
import { Engine } from '../core/dissect.js';
import type { FrameInfo, Packet } from '../core/packet.js';
import { fieldByName, fields } from '../core/field.js';
import { fieldText, itemLabel } from '../core/format.js';
import { ItemFlag } from '../core/tree.js';
import { formatSecNsec } from '../core/time.js';

/** ../shared/captures from the repo root (dist/dissectors/x.js → ../../../shared/captures), or undefined. */
export function capturesDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../..', '../..', '../../../..']) {
    const d = join(here, up, 'shared', 'captures');
    if (existsSync(join(d, 'golden'))) return d;
  }
  return undefined;
}

export interface TestFrame extends FrameInfo {
  buf: Uint8Array;
  dv: DataView;
  off: number;
  /** pcapng custom block (not a packet): skipped by the tests */
  custom: boolean;
}

interface Iface { linktype: number; name: string | undefined; description: string | undefined; idInSection: number; units: number; tsOffset: number; }

export interface TestCapture { frames: TestFrame[]; ifaces: Iface[]; }

/** Reads every record of a capture file (pcap / pcapng, optionally gzip-compressed). */
export function readFrames(path: string): TestCapture {
  let data: Uint8Array = readFileSync(path);
  if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: TestFrame[] = [];
  const ifaces: Iface[] = [];
  const magic = dv.getUint32(0, false);
  if (magic === 0x0a0d0d0a) readPcapng(data, dv, out, ifaces);
  else readPcap(data, dv, out);
  return { frames: out, ifaces };
}

function readPcap(data: Uint8Array, dv: DataView, out: TestFrame[]): void {
  const m = dv.getUint32(0, true);
  let le: boolean, nano: boolean;
  if (m === 0xa1b2c3d4) { le = true; nano = false; } else if (m === 0xa1b23c4d) { le = true; nano = true; } else if (dv.getUint32(0, false) === 0xa1b2c3d4) { le = false; nano = false; } else if (dv.getUint32(0, false) === 0xa1b23c4d) { le = false; nano = true; } else throw new Error('not a capture file');
  // FCS bits live in the top of the link-type word; the link type is the low 16 bits.
  const linktype = dv.getUint32(20, le) & 0xffff;
  let off = 24;
  let num = 0;
  while (off + 16 <= data.length) {
    const sec = dv.getUint32(off, le);
    const frac = dv.getUint32(off + 4, le);
    const caplen = dv.getUint32(off + 8, le);
    const len = dv.getUint32(off + 12, le);
    if (off + 16 + caplen > data.length) break;
    out.push({
      num: ++num, tsSec: sec, tsNsec: nano ? frac : frac * 1000, caplen, len, linktype, iface: -1, comments: undefined,
      buf: data, dv, off: off + 16, custom: false,
    });
    off += 16 + caplen;
  }
}

function readPcapng(data: Uint8Array, dv: DataView, out: TestFrame[], all: Iface[]): void {
  let off = 0;
  let le = true;
  let ifaces: Iface[] = [];
  let section = -1;
  let num = 0;
  const td = new TextDecoder();
  while (off + 12 <= data.length) {
    let type = dv.getUint32(off, le);
    if (type === 0x0a0d0d0a) {
      const bom = dv.getUint32(off + 8, true);
      le = bom === 0x1a2b3c4d;
      ifaces = [];
      section++;
      type = 0x0a0d0d0a;
    }
    const blen = dv.getUint32(off + 4, le);
    if (blen < 12 || off + blen > data.length) break;
    const body = off + 8;
    const bend = off + blen - 4;
    const opts = (o: number): Map<number, Uint8Array[]> => {
      const m = new Map<number, Uint8Array[]>();
      while (o + 4 <= bend) {
        const code = dv.getUint16(o, le);
        const l = dv.getUint16(o + 2, le);
        if (code === 0) break;
        const v = data.subarray(o + 4, o + 4 + l);
        const a = m.get(code) ?? [];
        a.push(v);
        m.set(code, a);
        o += 4 + ((l + 3) & ~3);
      }
      return m;
    };
    if (type === 1) {
      const linktype = dv.getUint16(body, le);
      const o = opts(body + 8);
      let units = 1e6;
      const r = o.get(9)?.[0];
      if (r) units = r[0]! & 0x80 ? 2 ** (r[0]! & 0x7f) : 10 ** r[0]!;
      const tso = o.get(14)?.[0];
      const tsOffset = tso ? Number(new DataView(tso.buffer, tso.byteOffset, 8).getBigInt64(0, le)) : 0;
      const nm = o.get(2)?.[0];
      const ds = o.get(3)?.[0];
      const ifc: Iface = { linktype, name: nm ? td.decode(nm) : undefined, description: ds ? td.decode(ds) : undefined, idInSection: ifaces.length, units, tsOffset };
      ifaces.push(ifc);
      all.push(ifc);
    } else if (type === 6 || type === 2) {
      const ifid = type === 6 ? dv.getUint32(body, le) : dv.getUint16(body, le);
      const hi = dv.getUint32(body + 4, le);
      const lo = dv.getUint32(body + 8, le);
      const caplen = dv.getUint32(body + 12, le);
      const len = dv.getUint32(body + 16, le);
      const pkt = body + 20;
      const o = opts(pkt + ((caplen + 3) & ~3));
      const ifc = ifaces[ifid];
      const gid = ifc ? all.indexOf(ifc) : ifid;
      const units = ifc?.units ?? 1e6;
      const ticks = BigInt(hi) * 4294967296n + BigInt(lo);
      const u = BigInt(Math.round(units));
      let sec = Number(ticks / u);
      let nsec = Number(((ticks % u) * 1000000000n) / u);
      sec += ifc?.tsOffset ?? 0;
      const comments = o.get(1)?.map((c) => td.decode(c));
      const fl = o.get(2)?.[0];
      const dc = o.get(4)?.[0];
      const fi: TestFrame = {
        num: ++num, tsSec: sec, tsNsec: nsec, caplen, len, linktype: ifc?.linktype ?? 1, iface: gid, comments,
        buf: data, dv, off: pkt, custom: false, section, blockType: type,
        epbFlags: fl ? new DataView(fl.buffer, fl.byteOffset, 4).getUint32(0, le) : undefined,
        // OPB: the drops count is a header field; EPB: the epb_dropcount option
        dropCount: type === 2 ? dv.getUint16(body + 2, le) : dc ? Number(new DataView(dc.buffer, dc.byteOffset, 8).getBigUint64(0, le)) : undefined,
      };
      out.push(fi);
    } else if (type === 3) {
      const len = dv.getUint32(body, le);
      const caplen = Math.min(len, bend - body - 4);
      const ifc = ifaces[0];
      out.push({
        num: ++num, tsSec: 0, tsNsec: 0, caplen, len, linktype: ifc?.linktype ?? 1, iface: ifc ? all.indexOf(ifc) : 0, comments: undefined,
        buf: data, dv, off: body + 4, custom: false, section, blockType: 3, hasTs: false,
      });
    } else if (type === 0xbad || type === 0x40000bad) {
      out.push({
        num: ++num, tsSec: 0, tsNsec: 0, caplen: 0, len: 0, linktype: -1, iface: -1, comments: undefined,
        buf: data, dv, off: body, custom: true, section, blockType: type, hasTs: false,
      });
    }
    off += blen;
  }
}

/** Dissects every frame of a capture with the whole tree built; calls `each` with the packet. */
export function dissectFile(path: string, each: (p: Packet, f: TestFrame) => void, want: Uint8Array | null = null): void {
  const eng = new Engine({ want });
  const cap = readFrames(path);
  eng.session.ifaces = cap.ifaces;
  for (const fr of cap.frames) {
    if (fr.custom) continue;
    each(eng.dissect(fr, fr.buf, fr.dv, fr.off), fr);
    // every frame is displayed: what a display loop without a filter records
    eng.session.prevDispSec = fr.tsSec;
    eng.session.prevDispNsec = fr.tsNsec;
  }
}

/** The -T fields text of `abbrev` in the current packet (all occurrences joined by ','), like `-E occurrence=a -E aggregator=,`. */
export function fieldValues(p: Packet, abbrev: string): string {
  if (abbrev === '_ws.col.Protocol') return p.proto;
  if (abbrev === '_ws.col.Info') return p.info;
  const fl = fieldByName(abbrev);
  if (!fl) return '';
  const t = p.tree;
  let s = '';
  let n = 0;
  for (let i = 0; i < t.n; i++) {
    if (t.fid[i] !== fl.id) continue;
    s += (n++ ? ',' : '') + (abbrev === 'frame.time_epoch' ? formatSecNsec(t.value(i) as { sec: number; nsec: number }) : fieldText(t, i));
  }
  return s;
}

export interface Golden { header: string[]; rows: Map<number, string[]>; }

/** golden/<rel>.fields.tsv, rows by frame number; undefined when absent. */
export function loadGolden(rel: string): Golden | undefined {
  const dir = capturesDir();
  if (!dir) return undefined;
  const p = join(dir, 'golden', rel + '.fields.tsv');
  if (!existsSync(p)) return undefined;
  const lines = readFileSync(p, 'utf8').split('\n');
  const header = lines[0]!.split('\t');
  const rows = new Map<number, string[]>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const r = lines[i]!.split('\t');
    rows.set(Number(r[0]), r);
  }
  return { header, rows };
}

export interface Mismatch { frame: number; field: string; want: string; got: string; }

export interface CompareResult { frames: number; cells: number; mismatches: Mismatch[]; /** cells compared per column */ perColumn: Map<string, number>; }

/**
 * Dissects `rel` (relative to the captures folder) and compares the listed golden columns.
 * `rowFilter` picks which golden rows count (e.g. only ARP packets for the Info column).
 * `transform` may normalise a golden value before comparing (e.g. cut frame.protocols to a prefix).
 */
export function compareGolden(
  rel: string,
  columns: readonly string[],
  opts: {
    rowFilter?: (get: (col: string) => string) => boolean;
    colFilter?: (col: string, get: (col: string) => string) => boolean;
    transform?: (col: string, want: string, got: string) => [string, string];
  } = {},
): CompareResult | undefined {
  const dir = capturesDir();
  const g = loadGolden(rel);
  if (!dir || !g) return undefined;
  const idx = new Map(g.header.map((h, i) => [h, i] as const));
  const res: CompareResult = { frames: 0, cells: 0, mismatches: [], perColumn: new Map() };
  dissectFile(join(dir, rel), (p) => {
    const row = g.rows.get(p.num);
    if (!row) return;
    const get = (c: string): string => row[idx.get(c)!] ?? '';
    if (opts.rowFilter && !opts.rowFilter(get)) return;
    res.frames++;
    for (const c of columns) {
      if (!idx.has(c)) continue;
      if (opts.colFilter && !opts.colFilter(c, get)) continue;
      let want = get(c);
      let got = fieldValues(p, c);
      if (opts.transform) [want, got] = opts.transform(c, want, got);
      res.cells++;
      res.perColumn.set(c, (res.perColumn.get(c) ?? 0) + 1);
      if (want !== got) res.mismatches.push({ frame: p.num, field: c, want, got });
    }
  }, null);
  return res;
}

/** Indented -V style text of the packet's tree (hidden items skipped, generated ones in [ ]). */
export function treeText(p: Packet): string {
  const t = p.tree;
  const kids = new Map<number, number[]>();
  for (let i = 0; i < t.n; i++) {
    const par = t.parent[i]!;
    let a = kids.get(par);
    if (!a) kids.set(par, (a = []));
    a.push(i);
  }
  let s = '';
  const walk = (i: number, depth: number): void => {
    for (const k of kids.get(i) ?? []) {
      if (t.flags[k]! & ItemFlag.HIDDEN) continue;
      const lab = itemLabel(t, k);
      s += ' '.repeat(depth * 4) + (t.flags[k]! & ItemFlag.GENERATED ? `[${lab}]` : lab) + '\n';
      walk(k, depth + 1);
    }
  };
  walk(-1, 0);
  return s;
}

/** Field abbrev of a tree item (for debugging). */
export function itemAbbrev(p: Packet, i: number): string {
  return fields[p.tree.fid[i]!]!.abbrev;
}

// ---- agreement of the link-layer / ARP / IPv6 / ICMPv6 columns with the goldens ----

/** The golden columns this area answers for (all rows). */
export const LINK_COLUMNS = ['eth.src', 'eth.dst', 'eth.type', 'vlan.id', 'arp.opcode', 'ipv6.src', 'ipv6.dst', 'ipv6.nxt', 'icmpv6.type'] as const;

/** Layers whose dissection is in place: frame.protocols is compared up to the first layer not listed. */
const PREFIX_LAYERS = new Set([
  'eth', 'ethertype', 'vlan', 'ieee8021ad', 'arp', 'llc', 'sll', 'null', 'raw', 'ip', 'ipv6', 'ipv6.hopopts',
  'ipv6.routing', 'ipv6.fraghdr', 'ipv6.dstopts', 'icmpv6', 'icmp', 'tcp', 'udp',
]);

/** frame.protocols cut before the first layer outside PREFIX_LAYERS (the upper protocols come later). */
export function protocolsPrefix(s: string): string {
  const out: string[] = [];
  for (const x of s.split(':')) {
    if (!PREFIX_LAYERS.has(x)) break;
    out.push(x);
  }
  return out.join(':');
}

/** Protocol column values of the packets whose Protocol/Info columns this area sets last. */
const MY_PROTOCOL_COLUMNS = new Set(['ARP', 'RARP', 'DRARP', 'Inverse ARP', 'ICMPv6', 'IPv6', 'VLAN', 'LLC', 'SLL', 'N/A', 'Ethernet']);

export function isMyColumnRow(proto: string): boolean {
  return MY_PROTOCOL_COLUMNS.has(proto) || /^0x[0-9a-f]{4}$/.test(proto);
}

export interface Agreement { cells: number; equal: number; mismatches: Mismatch[]; perColumn: Map<string, number>; }

/**
 * Compares one capture's golden rows: LINK_COLUMNS everywhere, frame.protocols by prefix, and
 * _ws.col.Protocol / _ws.col.Info on rows whose golden Protocol column is one of ours.
 */
export function linkAgreement(rel: string): Agreement | undefined {
  const r = compareGolden(rel, [...LINK_COLUMNS, 'frame.protocols', '_ws.col.Protocol', '_ws.col.Info'], {
    colFilter: (c, get) => (c === '_ws.col.Protocol' || c === '_ws.col.Info' ? isMyColumnRow(get('_ws.col.Protocol')) : true),
    transform: (c, want, got) => (c === 'frame.protocols' ? [protocolsPrefix(want), protocolsPrefix(got)] : [want, got]),
  });
  if (!r) return undefined;
  return { cells: r.cells, equal: r.cells - r.mismatches.length, mismatches: r.mismatches, perColumn: r.perColumn };
}

/** Capture paths of the corpus that have goldens (golden/INDEX.tsv status ok). */
export function goldenCaptures(): string[] {
  const dir = capturesDir();
  if (!dir) return [];
  const lines = readFileSync(join(dir, 'golden', 'INDEX.tsv'), 'utf8').split('\n');
  const out: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [path, status] = lines[i]!.split('\t');
    if (path && status === 'ok') out.push(path);
  }
  return out;
}

/** -V style text of frame `num` of a capture (undefined when the corpus is absent). */
export function frameTree(rel: string, num: number): string | undefined {
  const dir = capturesDir();
  if (!dir) return undefined;
  let out: string | undefined;
  dissectFile(join(dir, rel), (p) => {
    if (p.num === num) out = treeText(p);
  });
  return out;
}

/** The top-level block of `tree` whose first line starts with `head` (its lines joined by \n). */
export function block(tree: string, head: string, nth = 0): string | undefined {
  const lines = tree.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(head)) continue;
    if (seen++ < nth) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.startsWith(' ')) j++;
    return lines.slice(i, j).join('\n');
  }
  return undefined;
}

/** Dissects synthetic frames (one pcap record each) with the whole tree; returns a packet's -V text and columns. */
export function dissectBytes(frames: readonly (Uint8Array | { data: Uint8Array; len: number })[], linktype = 1): { tree: string; proto: string; info: string; protocols: string }[] {
  const eng = new Engine({ want: null });
  const out: { tree: string; proto: string; info: string; protocols: string }[] = [];
  frames.forEach((fr, i) => {
    const data = fr instanceof Uint8Array ? fr : fr.data;
    const len = fr instanceof Uint8Array ? fr.length : fr.len;
    const buf = new Uint8Array(data);
    const fi: FrameInfo = { num: i + 1, tsSec: 1000 + i, tsNsec: 0, caplen: buf.length, len, linktype, iface: -1, comments: undefined };
    const p = eng.dissect(fi, buf, new DataView(buf.buffer), 0);
    out.push({ tree: treeText(p), proto: p.proto, info: p.info, protocols: p.protocolsString() });
  });
  return out;
}

/** Bytes from hex text (spaces allowed). */
export function hex(s: string): Uint8Array {
  const t = s.replace(/\s+/g, '');
  const b = new Uint8Array(t.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
  return b;
}
