// A per-frame cache of the tree items most display filters read (protocol items, addresses,
// ports, stream numbers, TCP flags and analysis markers …), recorded on the first pass from the
// very items the dissectors built. A filter that reads only cached items is answered by replaying
// them into a Tree and running the real compiled filter on it: same semantics as a re-dissection
// by construction, without re-reading or re-dissecting the file (450k frames in ~0.1 s instead of
// ~5–10 s here). Anything else (payload bytes, strings, slices, functions, columns) falls back to a
// re-dissection pass.
//
// Cost: 6 bytes per cached item (Uint16 field id + Uint32 value), ~20 items per TCP frame.

import { fieldByName, fields, fieldCount, FT } from '../../core/field.js';
import { ItemFlag, ROOT, type Tree } from '../../core/tree.js';
import { parse } from '../../dfilter/parser.js';
import { semcheck, type TNode, type VNode } from '../../dfilter/semcheck.js';

/** Fields cached besides every protocol item (those that exist in the registry are used). */
const CACHED_FIELDS = [
  'frame.number', 'frame.len', 'frame.cap_len',
  'eth.type', 'vlan.id', 'arp.opcode', 'arp.src.proto_ipv4', 'arp.dst.proto_ipv4',
  'ip.src', 'ip.dst', 'ip.addr', 'ip.proto', 'ip.ttl', 'ip.flags.mf', 'ip.flags.df', 'ip.len', 'ip.id', 'ip.hdr_len',
  'ip.dsfield.dscp', 'ip.frag_offset',
  'ipv6.nxt', 'ipv6.hlim', 'ipv6.plen',
  'icmp.type', 'icmp.code', 'icmp.ident', 'icmp.seq', 'icmpv6.type', 'icmpv6.code',
  'tcp.srcport', 'tcp.dstport', 'tcp.port', 'tcp.stream', 'tcp.len', 'tcp.flags',
  'tcp.flags.syn', 'tcp.flags.ack', 'tcp.flags.fin', 'tcp.flags.reset', 'tcp.flags.push',
  'tcp.seq', 'tcp.ack', 'tcp.nxtseq', 'tcp.hdr_len', 'tcp.window_size', 'tcp.window_size_value', 'tcp.analysis.bytes_in_flight',
  'udp.srcport', 'udp.dstport', 'udp.port', 'udp.stream', 'udp.length',
  'dns.id', 'dns.flags.response', 'dns.flags.rcode', 'dns.qry.type', 'dns.resp.type', 'dns.count.answers',
  'http.response.code', 'http.request', 'http.response', 'dns.a',
  'tls.handshake.type', 'tls.record.content_type', 'tls.record.version',
];
/** String fields cached as interned ids (names people filter on: DNS names, HTTP host/URI, TLS SNI). */
const CACHED_STRINGS = [
  'dns.qry.name', 'dns.resp.name', 'dns.cname', 'dns.ptr.domain_name',
  'http.host', 'http.request.method', 'http.request.uri', 'http.user_agent', 'http.server', 'http.content_type',
  'tls.handshake.extensions_server_name',
];
/**
 * Byte-valued fields cached as their place in the frame (start, length; items on the frame's own
 * bytes only): with the frame bytes read back from the file (no dissection), filters on them are
 * answered too — as are protocols as values (`tcp contains "GET"`, `frame[12:2]`, `ip[8]`),
 * whose places are always recorded.
 */
const CACHED_BYTES = [
  'eth.src', 'eth.dst', 'eth.addr', 'ipv6.src', 'ipv6.dst', 'ipv6.addr',
  'tcp.payload', 'udp.payload', 'data', 'data.data', 'tcp.options',
];
/** FT_NONE markers under these prefixes are cached too (expert-like analysis flags). */
const CACHED_PREFIXES = ['tcp.analysis.', '_ws.expert', '_ws.malformed'];

/** Field ids whose items are recorded (1) — built lazily, once all dissectors registered. */
let cachedSet: Uint8Array | undefined;

export function filterCacheFields(): Uint8Array {
  if (cachedSet !== undefined && cachedSet.length === fieldCount()) return cachedSet;
  const s = new Uint8Array(fieldCount());
  for (const f of fields) {
    // protocols that are layers (not sub-items like tcp.options.nop, registered as protocols too)
    if (f.isProtocol && !f.abbrev.includes('.')) s[f.id] = 1;
    else if (f.type === FT.NONE && CACHED_PREFIXES.some((p) => f.abbrev.startsWith(p))) s[f.id] = 1;
  }
  for (const n of CACHED_FIELDS) {
    const f = fieldByName(n);
    if (f !== undefined && f.type !== FT.PROTOCOL && cacheableType(f.type)) s[f.id] = 1;
  }
  for (const n of CACHED_STRINGS) {
    const f = fieldByName(n);
    if (f !== undefined && isStringType(f.type)) s[f.id] = 1;
  }
  for (const n of CACHED_BYTES) {
    const f = fieldByName(n);
    if (f !== undefined && isBytesType(f.type)) s[f.id] = 1;
  }
  cachedSet = s;
  return s;
}

function isStringType(t: FT): boolean {
  return t === FT.STRING || t === FT.STRINGZ || t === FT.UINT_STRING;
}

function isBytesType(t: FT): boolean {
  return t === FT.BYTES || t === FT.ETHER || t === FT.IPv6;
}

function cacheableType(t: FT): boolean {
  return t === FT.BOOLEAN || t === FT.NONE || t === FT.IPv4 || t === FT.FRAMENUM || t === FT.CHAR
    || (t >= FT.UINT8 && t <= FT.UINT32) || (t >= FT.INT8 && t <= FT.INT32);
}

const EMPTY = new Uint8Array(0);
const NUM = 0, NOVAL = 1, STR = 2, BYT = 3;
/** Values that depend on the filter applied (the previous displayed frame): never learned. */
const NOT_LEARNED = new Set(['frame.time_delta_displayed']);
/** a place in the frame packed in 32 bits: start | len << 16 */
const PLACE_MAX = 0xffff;

export class FilterCache {
  /** frame i's items are [start[i], start[i + 1]) */
  private start = new Uint32Array(1024 + 1);
  private fid = new Uint16Array(16384);
  private val = new Uint32Array(16384);
  private n = 0;
  frames = 0;
  /** fields seen with a value that the cache cannot hold (object, bytes, negative, not an integer) */
  readonly tainted: Uint8Array;
  /** protocols seen on a data source other than the frame (their bytes are not the frame's) or too far into it */
  private readonly notFrame: Uint8Array;
  private readonly set: Uint8Array;

  /** per field id: NUM, NOVAL (protocols, FT_NONE) or STR (interned string) */
  private readonly kind: Uint8Array;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  private intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  constructor() {
    this.set = filterCacheFields();
    this.kind = new Uint8Array(this.set.length);
    for (let i = 0; i < this.set.length; i++) {
      const ty = fields[i]!.type;
      this.kind[i] = ty === FT.PROTOCOL || ty === FT.NONE ? NOVAL : isStringType(ty) ? STR : isBytesType(ty) ? BYT : NUM;
    }
    this.tainted = new Uint8Array(this.set.length);
    this.notFrame = new Uint8Array(this.set.length);
    // field ids must fit the Uint16 array
    if (this.set.length > 0xffff) this.tainted.fill(1);
  }

  /** Records the cached items of the tree just built for the next frame (call in frame order). */
  /**
   * The cached form of tree item i of field f: a uint32 (number, interned string, or place in the
   * frame), or -1 when the cache cannot hold it faithfully (the field is then tainted).
   */
  private encode(t: Tree, i: number, f: number): number {
    const fl = t.flags[i]!;
    const kd = this.kind[f]!;
    if (kd === BYT || kd === NOVAL) {
      // the item's place in the frame (protocols: where their bytes start)
      const a = t.start[i]!, n = t.len[i]!;
      if (t.src[i] === 0 && a >= 0 && n >= 0 && a <= PLACE_MAX && n <= PLACE_MAX) {
        return kd === BYT && (fl & ItemFlag.BYTES) === 0 ? -1 : (a | (n << 16)) >>> 0;
      }
      if (kd === BYT) return -1;
      this.notFrame[f] = 1;
      return 0;
    }
    if (kd === STR) {
      const o = (fl & ItemFlag.OBJ) !== 0 ? t.obj[i] : undefined;
      return typeof o === 'string' ? this.intern(o) : -1;
    }
    if ((fl & (ItemFlag.OBJ | ItemFlag.BYTES)) !== 0) return -1;
    if ((fl & ItemFlag.NOVALUE) !== 0) return 0;
    const v = t.num[i]!;
    return v >= 0 && v <= 0xffffffff && Number.isInteger(v) ? v : -1;
  }

  record(t: Tree): void {
    const set = this.set, fidA = t.fid, tainted = this.tainted;
    for (let i = 0, m = t.n; i < m; i++) {
      const f = fidA[i]!;
      if (f >= set.length || set[f] === 0) continue;
      const v = this.encode(t, i, f);
      if (v < 0) { tainted[f] = 1; continue; }
      if (this.n >= this.fid.length) this.growItems();
      this.fid[this.n] = f;
      this.val[this.n] = v;
      this.n++;
    }
    const k = ++this.frames;
    if (k >= this.start.length - 1) {
      const s = new Uint32Array(this.start.length * 2);
      s.set(this.start);
      this.start = s;
    }
    this.start[k] = this.n;
  }

  /** Drops the arrays' spare capacity (call when the first pass is over). */
  trim(): void {
    this.fid = this.fid.slice(0, this.n);
    this.val = this.val.slice(0, this.n);
    this.start = this.start.slice(0, this.frames + 1);
  }

  /** Bytes used (for status reports). */
  get byteSize(): number {
    let str = 0;
    for (const x of this.strings) str += x.length + 40;
    return this.start.byteLength + this.fid.byteLength + this.val.byteLength + str;
  }

  /**
   * Rebuilds frame `num`'s cached items into `t` (a Tree built with want = null). The tree then
   * holds protocol items (no value, no bytes) and numeric items as the dissectors stored them.
   */
  replay(num: number, t: Tree, learned?: readonly number[], only?: Uint8Array): void {
    // only items are replaced: filters the cache answers read no data source, label or object
    if (t.sources.length === 0) t.reset(EMPTY, 0, 0);
    t.n = 0;
    const a = this.start[num - 1]!, b = this.start[num]!;
    const fid = this.fid, val = this.val;
    if (only) {
      for (let k = a; k < b; k++) {
        const f = fid[k]!;
        if (only[f] !== 0) this.decode(t, f, val[k]!);
      }
    } else for (let k = a; k < b; k++) this.decode(t, fid[k]!, val[k]!);
    if (learned) {
      for (const f of learned) {
        const l = this.learned.get(f)!;
        for (let k = l.start[num - 1]!, e = l.start[num]!; k < e; k++) this.decode(t, f, l.val[k]!);
      }
    }
  }

  /**
   * The items a filter reading `want` (its CompiledFilter.want) needs replayed: its fields plus
   * every protocol item (layer operators count them). replay(…, only) then skips the other items.
   */
  replayMask(want: Uint8Array): Uint8Array {
    const m = new Uint8Array(Math.max(this.set.length, want.length));
    for (let f = 0; f < m.length; f++) m[f] = (want[f] ?? 0) !== 0 || fields[f]?.type === FT.PROTOCOL ? 1 : 0;
    return m;
  }

  /** Adds an item of field f with cached value v to t. */
  private decode(t: Tree, f: number, v: number): void {
    const i = t.addItem(ROOT, f, 0, 0);
    const kd = this.kind[f]!;
    if (kd === NUM) {
      t.flags[i] = 0;
      t.num[i] = v;
    } else if (kd === STR) {
      t.flags[i] = ItemFlag.OBJ;
      t.obj[i] = this.strings[v];
    } else {
      // place in the frame: read only by 'bytes' filters, which replay with the frame's bytes
      t.start[i] = v & PLACE_MAX;
      t.len[i] = v >>> 16;
      if (kd === BYT) t.flags[i] = ItemFlag.BYTES;
    }
  }

  // ---- fields learned from re-dissections ----

  /** per field: its items of every frame (frame i's are [start[i], start[i + 1])) */
  private readonly learned = new Map<number, { start: Uint32Array; val: Uint32Array }>();

  /** The learned fields among `fids` (replay() adds their items). */
  learnedOf(fids: readonly number[]): number[] {
    return fids.filter((f) => this.learned.has(f));
  }

  /**
   * A recorder for a re-dissection over every frame in order: it keeps the items of the filter's
   * fields that the first pass did not cache, so the next filter on them (`http.request.uri
   * contains …` refined) is answered without dissection. finish() after the last frame; an
   * interrupted run is simply not finished.
   */
  learner(fids: readonly number[]): { record(num: number, t: Tree): void; finish(): void } | undefined {
    const todo = fids.filter((f) => f < this.set.length && this.set[f] === 0 && !this.learned.has(f) && !NOT_LEARNED.has(fields[f]!.abbrev)
      && (this.kind[f] === NUM ? cacheableType(fields[f]!.type) && fields[f]!.type !== FT.NONE : this.kind[f] === STR || this.kind[f] === BYT));
    if (todo.length === 0 || this.frames === 0) return undefined;
    const total = this.frames;
    const slot = new Int32Array(this.set.length).fill(-1);
    const recs = todo.map((f, k) => {
      slot[f] = k;
      return { f, start: new Uint32Array(total + 1), val: new Uint32Array(1024), n: 0, bad: false };
    });
    let last = 0;
    return {
      record: (num: number, t: Tree): void => {
        if (num !== last + 1) { last = -1; return; }
        last = num;
        for (let i = 0, m = t.n; i < m; i++) {
          const k = slot[t.fid[i]!]!;
          if (k < 0) continue;
          const r = recs[k]!;
          if (r.bad) continue;
          const v = this.encode(t, i, r.f);
          if (v < 0) { r.bad = true; continue; }
          if (r.n >= r.val.length) {
            const b = new Uint32Array(r.val.length * 2);
            b.set(r.val);
            r.val = b;
          }
          r.val[r.n++] = v;
        }
        for (const r of recs) r.start[num] = r.n;
      },
      finish: (): void => {
        if (last !== total || this.frames !== total) return;
        for (const r of recs) if (!r.bad) this.learned.set(r.f, { start: r.start, val: r.val.slice(0, r.n) });
      },
    };
  }

  private growItems(): void {
    const f = new Uint16Array(Math.max(16384, this.fid.length * 2));
    f.set(this.fid);
    this.fid = f;
    const v = new Uint32Array(Math.max(16384, this.val.length * 2));
    v.set(this.val);
    this.val = v;
  }

  /**
   * True when filter `text` reads only what the cache holds faithfully: cached, untainted fields;
   * protocols only as presence tests; no raw bytes, slices, functions or columns.
   */
  canAnswer(text: string): boolean {
    return this.answerMode(text) === 'cache';
  }

  /**
   * How filter `text` can be answered without re-dissection: 'cache' (cached items only), 'bytes'
   * (cached items plus the `frame` protocol's bytes: replayFrame() with each frame's bytes), or
   * 'no' (re-dissect).
   */
  answerMode(text: string): 'cache' | 'bytes' | 'no' {
    let root: TNode;
    try {
      root = semcheck(text, parse(text));
    } catch {
      return 'no';
    }
    let bytes = false;
    const okField = (v: VNode, presence: boolean): boolean => {
      if (v.k !== 'field' || v.raw) return false;
      if (v.fid >= this.set.length || this.tainted[v.fid] !== 0) return false;
      // learned items are replayed after the cached ones: no layer operator on them
      if (this.set[v.fid] === 0 && (!this.learned.has(v.fid) || v.layer !== undefined)) return false;
      const kd = this.kind[v.fid]!;
      if (kd === BYT && !presence) bytes = true;
      if (fields[v.fid]!.type === FT.PROTOCOL && !presence) {
        // the protocol's bytes, in the frame
        if (this.notFrame[v.fid] !== 0) return false;
        bytes = true;
      }
      // a layer operator counts protocol items: they are all cached
      return true;
    };
    const okValue = (v: VNode): boolean => {
      switch (v.k) {
        case 'field': return okField(v, false);
        case 'const': return true;
        case 'arith': return okValue(v.a) && okValue(v.b);
        case 'neg': return okValue(v.a);
        case 'slice': return okValue(v.a);
        // len(), count(), upper() … read the same items as on a dissected tree
        case 'func': return v.args.every(okValue);
        default: return false;
      }
    };
    const okTest = (n: TNode): boolean => {
      switch (n.k) {
        case 'and': case 'or': case 'xor': return okTest(n.a) && okTest(n.b);
        case 'not': return okTest(n.a);
        case 'exists': return n.v.k === 'field' ? okField(n.v, true) : false;
        case 'truthy': return okValue(n.v);
        case 'cmp': return okValue(n.a) && okValue(n.b);
        case 'in': return okValue(n.a) && n.set.every((s) => okValue(s.lo) && (s.hi === undefined || okValue(s.hi)));
      }
    };
    return okTest(root) ? (bytes ? 'bytes' : 'cache') : 'no';
  }

  /** replay() plus frame `num`'s bytes as the Frame data source (for 'bytes' filters). */
  replayFrame(num: number, t: Tree, buf: Uint8Array, off: number, caplen: number, learned?: readonly number[], only?: Uint8Array): void {
    this.replay(num, t, learned, only);
    const s = t.sources[0]!;
    s.buf = buf;
    s.base = off;
    s.len = caplen;
  }
}
