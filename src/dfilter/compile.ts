// Typed filter tree → closures. The common shapes get loops specialised at compile time over the
// packet's field tree (struct of arrays): a field's presence, `field OP number` on fields stored in
// `t.num` (integers, booleans, IPv4 as uint32, with CIDR masks), `field in {set}` on those, and
// `bytes field == constant` compared in place in the data source. They allocate nothing per packet.
// Everything else goes through getters that fill per-node scratch arrays (allocation-light, general).

import { FT, fields, typeBits } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ItemFlag, type Tree } from '../core/tree.js';
import { Cmp, Quant, ArOp, type RangeItem } from './ast.js';
import { kindOf, arith, compileRegex, type TNode, type VNode, type Kind } from './semcheck.js';
import { utf8Bytes, latin1, type Val } from './literals.js';
import type { NsTime } from '../core/time.js';
import type { FnCtx, Getter } from './functions.js';

export type Match = (p: Packet) => boolean;

export interface CompileInfo {
  /** field ids read (fields, protocols, and the protocols of fields used with layers) */
  want: Set<number>;
  /** the fields of `want` whose values are read (compared, sliced, searched), not only counted */
  valued: Set<number>;
  needsColumns: boolean;
}


/** Bytes of item i's range in its data source (allocates a view: general path only). */
function itemBytes(t: Tree, i: number): Uint8Array {
  const s = t.sources[t.src[i]!]!;
  const a = s.base + t.start[i]!;
  return s.buf.subarray(a, a + t.len[i]!);
}

/** Value of item i (general path). Protocols and raw `@f` give their bytes; FT_NONE gives undefined. */
function itemValue(t: Tree, i: number, raw: boolean): Val | undefined {
  if (raw) return itemBytes(t, i);
  const fl = t.flags[i]!;
  if (fl & ItemFlag.NOVALUE) {
    if (fields[t.fid[i]!]!.type !== FT.PROTOCOL) return undefined;
    // a protocol's value is its data from where it starts to the end of the data source (what
    // Wireshark's protocol fields hold), so `tcp contains "GET"` sees the payload too
    const s = t.sources[t.src[i]!]!;
    const a = s.base + t.start[i]!;
    return s.buf.subarray(a, Math.max(a, s.base + s.len));
  }
  if (fl & ItemFlag.OBJ) return t.obj[i] as Val;
  if (fl & ItemFlag.BYTES) return itemBytes(t, i);
  return t.num[i]!;
}

function inRanges(x: number, rs: RangeItem[]): boolean {
  for (const r of rs) {
    switch (r.kind) {
      case 'one': if (x === r.start) return true; break;
      case 'len': if (x >= r.start && x < r.start + r.n) return true; break;
      case 'end': if (x >= r.start && x <= r.n) return true; break;
      case 'toend': if (x >= r.start) return true; break;
    }
  }
  return false;
}

/** Applies slice ranges to bytes; undefined when a range falls outside (the comparison then fails). */
function sliceBytes(b: Uint8Array, rs: RangeItem[]): Uint8Array | undefined {
  const n = b.length;
  const parts: Uint8Array[] = [];
  for (const r of rs) {
    let s = r.start < 0 ? n + r.start : r.start;
    let e: number;
    switch (r.kind) {
      case 'one': e = s + 1; break;
      case 'len': e = s + r.n; break;
      case 'end': e = (r.n < 0 ? n + r.n : r.n) + 1; break;
      case 'toend': e = n; break;
    }
    if (s < 0 || e > n || e < s) return undefined;
    if (s === e && r.kind !== 'toend') return undefined;
    parts.push(b.subarray(s, e));
    s = e;
  }
  if (parts.length === 1) return parts[0]!;
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function toBytes(v: Val, ft: FT): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return utf8Bytes(v);
  if (typeof v === 'number' && ft === FT.IPv4) return Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  return undefined;
}

function bytesEq(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function bytesCmp(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function bytesContain(h: Uint8Array, nd: Uint8Array): boolean {
  const n = nd.length;
  if (n === 0) return true;
  // candidates by the native indexOf of the first byte (3x a byte-by-byte loop on frame data)
  const c = nd[0]!, last = h.length - n;
  for (let i = 0; i <= last; i++) {
    i = h.indexOf(c, i);
    if (i < 0 || i > last) return false;
    let j = 1;
    while (j < n && h[i + j] === nd[j]) j++;
    if (j === n) return true;
  }
  return false;
}

function v6PrefixEq(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  if (a.length !== 16 || b.length !== 16) return false;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const m = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a[i]! & m) !== (b[i]! & m)) return false;
  }
  return true;
}

function timeCmp(a: NsTime, b: NsTime): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nsec - b.nsec;
}

function truthy(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof Uint8Array) {
    // a bitwise result (`tcp[13] & 0x02`) is true when a bit is set
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) return true;
    return false;
  }
  return v.sec !== 0 || v.nsec !== 0;
}

/** The comparison domain of two typed sides (after semcheck made them compatible). */
type Dom = 'num' | 'bool' | 'ipv4' | 'ipv6' | 'bytes' | 'string' | 'time';

function domainOf(a: Kind, b: Kind): Dom {
  if (a === 'bytes' || b === 'bytes') return 'bytes';
  if (a === 'bool' && b === 'bool') return 'bool';
  if (a === 'string') return 'string';
  if (a === 'ipv4') return 'ipv4';
  if (a === 'ipv6') return 'ipv6';
  if (a === 'abstime' || a === 'reltime') return 'time';
  return 'num';
}

export function compileTest(root: TNode, info: CompileInfo): Match {
  const fnCtx: FnCtx = { getter, itemLengths, count };

  function use(n: VNode): void {
    if (n.k === 'field') {
      info.want.add(n.fid);
      if (n.layer) info.want.add(fields[n.fid]!.parent);
    } else if (n.k === 'col') info.needsColumns = true;
  }

  /** Visits the items of a field node (respecting layers); fn returns true to stop. */
  function eachItem(n: VNode & { k: 'field' }): (t: Tree, fn: (i: number) => boolean) => boolean {
    use(n);
    const F = n.fid;
    const layer = n.layer;
    if (!layer) {
      return (t, fn) => {
        const fid = t.fid;
        for (let i = 0, m = t.n; i < m; i++) if (fid[i] === F && fn(i)) return true;
        return false;
      };
    }
    const P = fields[F]!.parent;
    return (t, fn) => {
      const fid = t.fid;
      let l = 0;
      for (let i = 0, m = t.n; i < m; i++) {
        const x = fid[i];
        if (x === P) l++;
        if (x === F && inRanges(l, layer) && fn(i)) return true;
      }
      return false;
    };
  }

  function getter(n: VNode): Getter {
    const out: Val[] = [];
    switch (n.k) {
      case 'field': {
        const each = eachItem(n);
        info.valued.add(n.fid);
        const raw = n.raw;
        let t0: Tree;
        const push = (i: number): boolean => {
          const v = itemValue(t0, i, raw);
          if (v !== undefined) out.push(v);
          return false;
        };
        return (p) => {
          out.length = 0;
          t0 = p.tree;
          each(t0, push);
          return out;
        };
      }
      case 'col': {
        use(n);
        const c = n.col;
        return (p) => {
          out.length = 0;
          out.push(c === 'protocol' ? p.proto : c === 'info' ? p.info : c === 'src' ? p.src : c === 'dst' ? p.dst : String(p.num));
          return out;
        };
      }
      case 'const': {
        const vals = n.vals;
        return () => vals;
      }
      case 'slice': {
        const ga = getter(n.a);
        const ft = n.a.ft;
        const rs = n.ranges;
        return (p) => {
          out.length = 0;
          const vs = ga(p);
          for (let i = 0; i < vs.length; i++) {
            const b = toBytes(vs[i]!, ft);
            if (!b) continue;
            const s = sliceBytes(b, rs);
            if (s) out.push(s);
          }
          return out;
        };
      }
      case 'func':
        return n.fn.compile(n.args, fnCtx);
      case 'arith': {
        const ga = getter(n.a), gb = getter(n.b);
        const op = n.op;
        const isTime = kindOf(n.ft) === 'reltime';
        return (p) => {
          out.length = 0;
          const va = ga(p);
          if (va.length === 0) return out;
          const vb = gb(p);
          for (let i = 0; i < va.length; i++) {
            for (let j = 0; j < vb.length; j++) {
              let r = arith(op, va[i]!, vb[j]!);
              if (r === undefined) continue;
              if (isTime && typeof r === 'number') {
                const sec = Math.floor(r);
                r = { sec, nsec: Math.round((r - sec) * 1e9) };
              }
              out.push(r);
            }
          }
          return out;
        };
      }
      case 'neg': {
        const ga = getter(n.a);
        return (p) => {
          out.length = 0;
          const va = ga(p);
          for (let i = 0; i < va.length; i++) {
            const v = va[i]!;
            if (typeof v === 'number') out.push(-v);
            else if (typeof v === 'bigint') out.push(-v);
            else if (typeof v === 'object' && 'sec' in v) out.push(v.nsec > 0 ? { sec: -v.sec - 1, nsec: 1e9 - v.nsec } : { sec: -v.sec, nsec: 0 });
          }
          return out;
        };
      }
    }
  }

  function itemLengths(n: VNode): Getter {
    const out: Val[] = [];
    const each = eachItem(n as VNode & { k: 'field' });
    let t0: Tree;
    const push = (i: number): boolean => { out.push(t0.len[i]!); return false; };
    return (p) => {
      out.length = 0;
      t0 = p.tree;
      each(t0, push);
      return out;
    };
  }

  function count(n: VNode): (p: Packet) => number {
    const each = eachItem(n as VNode & { k: 'field' });
    let c = 0;
    const inc = (): boolean => { c++; return false; };
    return (p) => {
      c = 0;
      each(p.tree, inc);
      return c;
    };
  }

  /** eq/order/contains/matches on one pair of values, for a domain. */
  function relation(op: Cmp, dom: Dom, mask: number, aft: FT, bft: FT): (a: Val, b: Val) => boolean {
    if (op === Cmp.MATCHES) {
      const cache = new Map<string, RegExp>();
      return (a, b) => {
        let re = cache.get(b as string);
        if (!re) { re = compileRegex(b as string); cache.set(b as string, re); }
        const s = typeof a === 'string' ? a : a instanceof Uint8Array ? latin1(a) : String(a);
        return re.test(s);
      };
    }
    if (op === Cmp.CONTAINS) {
      if (dom === 'string') return (a, b) => typeof a === 'string' && typeof b === 'string' ? a.includes(b) : bytesContain(toBytes(a, aft)!, toBytes(b, bft)!);
      return (a, b) => {
        const x = toBytes(a, aft), y = toBytes(b, bft);
        return x !== undefined && y !== undefined && bytesContain(x, y);
      };
    }
    let eq: (a: Val, b: Val) => boolean;
    let cmp: (a: Val, b: Val) => number;
    switch (dom) {
      case 'num':
        // number/bigint mixes compare correctly with == and <
        // eslint-disable-next-line eqeqeq
        eq = (a, b) => a == b;
        cmp = (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
        break;
      case 'bool':
        eq = (a, b) => (a !== 0) === (b !== 0);
        cmp = (a, b) => (a ? 1 : 0) - (b ? 1 : 0);
        break;
      case 'ipv4':
        eq = mask >= 0 ? (a, b) => (((a as number) & mask) >>> 0) === b : (a, b) => a === b;
        cmp = (a, b) => (a as number) - (b as number);
        break;
      case 'ipv6':
        eq = mask >= 0 ? (a, b) => v6PrefixEq(a as Uint8Array, b as Uint8Array, mask) : (a, b) => bytesEq(a as Uint8Array, b as Uint8Array);
        cmp = (a, b) => bytesCmp(a as Uint8Array, b as Uint8Array);
        break;
      case 'bytes':
        eq = (a, b) => {
          const x = toBytes(a, aft), y = toBytes(b, bft);
          return x !== undefined && y !== undefined && bytesEq(x, y);
        };
        cmp = (a, b) => {
          const x = toBytes(a, aft), y = toBytes(b, bft);
          return x !== undefined && y !== undefined ? bytesCmp(x, y) : NaN;
        };
        break;
      case 'string':
        eq = (a, b) => a === b;
        cmp = (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
        break;
      case 'time':
        eq = (a, b) => timeCmp(a as NsTime, b as NsTime) === 0;
        cmp = (a, b) => timeCmp(a as NsTime, b as NsTime);
        break;
    }
    switch (op) {
      case Cmp.EQ: case Cmp.ALL_EQ: return eq;
      case Cmp.NE: case Cmp.ANY_NE: return (a, b) => !eq(a, b);
      case Cmp.GT: return (a, b) => cmp(a, b) > 0;
      case Cmp.GE: return (a, b) => cmp(a, b) >= 0;
      case Cmp.LT: return (a, b) => cmp(a, b) < 0;
      case Cmp.LE: return (a, b) => cmp(a, b) <= 0;
    }
  }

  /** Is this a plain field whose values live in t.num (no OBJ, no BYTES)? */
  function numField(n: VNode): n is VNode & { k: 'field' } {
    if (n.k !== 'field' || n.raw || n.layer) return false;
    const t = n.ft;
    const k = kindOf(t);
    if (k === 'int') return typeBits(t) <= 48;
    return k === 'bool' || k === 'ipv4' || k === 'float';
  }

  function constNum(n: VNode): number | undefined {
    if (n.k !== 'const' || n.vals.length !== 1) return undefined;
    const v = n.vals[0];
    return typeof v === 'number' ? v : undefined;
  }

  /** Fast loops for `numeric field OP constant`. undefined when the shape does not apply. */
  function fastCmp(op: Cmp, q: Quant, a: VNode, b: VNode): Match | undefined {
    if (!numField(a)) return undefined;
    let c = constNum(b);
    if (c === undefined) return undefined;
    use(a);
    const F = a.fid;
    const isBool = kindOf(a.ft) === 'bool';
    if (isBool) c = c !== 0 ? 1 : 0;
    const mask = b.k === 'const' ? b.mask : -1;
    const anyMode = (op === Cmp.EQ && q !== Quant.ALL) || (op === Cmp.ANY_NE) || (op === Cmp.NE && q === Quant.ANY)
      || ((op === Cmp.GT || op === Cmp.GE || op === Cmp.LT || op === Cmp.LE) && q !== Quant.ALL);
    const C = c;
    if (mask >= 0 && kindOf(a.ft) === 'ipv4') {
      const M = mask;
      if (op === Cmp.EQ && q !== Quant.ALL) {
        return (p) => {
          const t = p.tree, fid = t.fid, num = t.num;
          for (let i = 0, n = t.n; i < n; i++) if (fid[i] === F && ((num[i]! & M) >>> 0) === C) return true;
          return false;
        };
      }
      return undefined;
    }
    if (isBool && op !== Cmp.EQ && op !== Cmp.NE && op !== Cmp.ALL_EQ && op !== Cmp.ANY_NE) return undefined;
    let pred: (x: number) => boolean;
    switch (op) {
      case Cmp.EQ: case Cmp.ALL_EQ: pred = isBool ? (x) => (x !== 0 ? 1 : 0) === C : (x) => x === C; break;
      case Cmp.NE: case Cmp.ANY_NE: pred = isBool ? (x) => (x !== 0 ? 1 : 0) !== C : (x) => x !== C; break;
      case Cmp.GT: pred = (x) => x > C; break;
      case Cmp.GE: pred = (x) => x >= C; break;
      case Cmp.LT: pred = (x) => x < C; break;
      case Cmp.LE: pred = (x) => x <= C; break;
      default: return undefined;
    }
    if (anyMode) {
      // the most common shape gets a loop with the comparison inlined
      if (op === Cmp.EQ && !isBool) {
        return (p) => {
          const t = p.tree, fid = t.fid, num = t.num;
          for (let i = 0, n = t.n; i < n; i++) if (fid[i] === F && num[i] === C) return true;
          return false;
        };
      }
      return (p) => {
        const t = p.tree, fid = t.fid, num = t.num;
        for (let i = 0, n = t.n; i < n; i++) if (fid[i] === F && pred(num[i]!)) return true;
        return false;
      };
    }
    // all-mode: every occurrence satisfies, and there is one
    return (p) => {
      const t = p.tree, fid = t.fid, num = t.num;
      let seen = false;
      for (let i = 0, n = t.n; i < n; i++) {
        if (fid[i] === F) {
          if (!pred(num[i]!)) return false;
          seen = true;
        }
      }
      return seen;
    };
  }

  /** `bytes field == constant` compared in place in the data source. */
  function fastBytesEq(op: Cmp, q: Quant, a: VNode, b: VNode): Match | undefined {
    if (a.k !== 'field' || a.raw || a.layer || op !== Cmp.EQ || q === Quant.ALL) return undefined;
    const k = kindOf(a.ft);
    if (k !== 'bytes' && k !== 'ipv6') return undefined;
    if (a.ft === FT.PROTOCOL) return undefined;
    if (b.k !== 'const' || b.vals.length !== 1 || !(b.vals[0] instanceof Uint8Array) || b.mask >= 0) return undefined;
    use(a);
    const F = a.fid;
    const C = b.vals[0];
    const L = C.length;
    return (p) => {
      const t = p.tree, fid = t.fid;
      for (let i = 0, n = t.n; i < n; i++) {
        if (fid[i] !== F) continue;
        if (t.flags[i]! & ItemFlag.BYTES) {
          if (t.len[i] !== L) continue;
          const s = t.sources[t.src[i]!]!;
          const buf = s.buf;
          const o = s.base + t.start[i]!;
          let j = 0;
          while (j < L && buf[o + j] === C[j]) j++;
          if (j === L) return true;
        } else {
          const v = itemValue(t, i, false);
          if (v instanceof Uint8Array && bytesEq(v, C)) return true;
        }
      }
      return false;
    };
  }

  function compileCmp(n: TNode & { k: 'cmp' }): Match {
    const { op, q, a, b } = n;
    const fast = fastCmp(op, q, a, b) ?? fastBytesEq(op, q, a, b);
    if (fast) return fast;
    const ga = getter(a), gb = getter(b);
    const dom = domainOf(kindOf(a.ft), kindOf(b.ft));
    const mask = a.k === 'const' ? a.mask : b.k === 'const' ? b.mask : -1;
    // a constant on the left (`6 == ip.proto`): compare with the sides swapped so masks apply to the field
    const swapped = a.k === 'const' && b.k !== 'const';
    const rel0 = relation(op, dom, mask, swapped ? b.ft : a.ft, swapped ? a.ft : b.ft);
    const flip = swapped && (op === Cmp.GT || op === Cmp.GE || op === Cmp.LT || op === Cmp.LE);
    const rel = swapped
      ? flip
        ? relation(op === Cmp.GT ? Cmp.LT : op === Cmp.GE ? Cmp.LE : op === Cmp.LT ? Cmp.GT : Cmp.GE, dom, mask, b.ft, a.ft)
        : rel0
      : rel0;
    const L = swapped ? gb : ga;
    const R = swapped ? ga : gb;
    if (swapped && (op === Cmp.CONTAINS || op === Cmp.MATCHES)) {
      // `"x" contains f` keeps its order
      const r = relation(op, dom, mask, a.ft, b.ft);
      return (p) => {
        const va = ga(p), vb = gb(p);
        for (let i = 0; i < va.length; i++) for (let j = 0; j < vb.length; j++) if (r(va[i]!, vb[j]!)) return true;
        return false;
      };
    }
    const allMode = op === Cmp.NE ? q !== Quant.ANY : op === Cmp.ALL_EQ || (q === Quant.ALL && op !== Cmp.ANY_NE);
    const pairAll = op === Cmp.NE || op === Cmp.ALL_EQ || (op === Cmp.EQ && q === Quant.ALL);
    if (!allMode) {
      return (p) => {
        const va = L(p);
        if (va.length === 0) return false;
        const vb = R(p);
        for (let i = 0; i < va.length; i++) for (let j = 0; j < vb.length; j++) if (rel(va[i]!, vb[j]!)) return true;
        return false;
      };
    }
    if (pairAll) {
      // every pair satisfies (`!=`: every occurrence differs from every value; `===`: all equal)
      return (p) => {
        const va = L(p);
        if (va.length === 0) return false;
        const vb = R(p);
        if (vb.length === 0) return false;
        for (let i = 0; i < va.length; i++) for (let j = 0; j < vb.length; j++) if (!rel(va[i]!, vb[j]!)) return false;
        return true;
      };
    }
    // `all f > x`: every occurrence satisfies the relation with some value
    return (p) => {
      const va = L(p);
      if (va.length === 0) return false;
      const vb = R(p);
      outer: for (let i = 0; i < va.length; i++) {
        for (let j = 0; j < vb.length; j++) if (rel(va[i]!, vb[j]!)) continue outer;
        return false;
      }
      return true;
    };
  }

  function compileIn(n: TNode & { k: 'in' }): Match {
    const { a, set, negated, q } = n;
    let m: Match | undefined;
    // fast: numeric field in numeric constants
    if (numField(a) && kindOf(a.ft) !== 'bool' && set.every((s) => constNum(s.lo) !== undefined && (!s.hi || constNum(s.hi) !== undefined) && (s.lo as { mask: number }).mask < 0)) {
      use(a);
      const lo = Float64Array.from(set.map((s) => constNum(s.lo)!));
      const hi = Float64Array.from(set.map((s) => (s.hi ? constNum(s.hi)! : constNum(s.lo)!)));
      const K = lo.length;
      const F = a.fid;
      const has = (x: number): boolean => {
        for (let k = 0; k < K; k++) if (x >= lo[k]! && x <= hi[k]!) return true;
        return false;
      };
      if (q === Quant.ALL) {
        m = (p) => {
          const t = p.tree, fid = t.fid, num = t.num;
          let seen = false;
          for (let i = 0, nn = t.n; i < nn; i++) if (fid[i] === F) { if (!has(num[i]!)) return false; seen = true; }
          return seen;
        };
      } else {
        m = (p) => {
          const t = p.tree, fid = t.fid, num = t.num;
          for (let i = 0, nn = t.n; i < nn; i++) if (fid[i] === F && has(num[i]!)) return true;
          return false;
        };
      }
    } else {
      const ga = getter(a);
      const dom = domainOf(kindOf(a.ft), kindOf(set[0]!.lo.ft));
      const members = set.map((s) => {
        const g = getter(s.lo);
        const mask = s.lo.k === 'const' ? s.lo.mask : -1;
        if (!s.hi) {
          const eq = relation(Cmp.EQ, dom, mask, a.ft, s.lo.ft);
          return (v: Val, p: Packet): boolean => {
            const vs = g(p);
            for (let i = 0; i < vs.length; i++) if (eq(v, vs[i]!)) return true;
            return false;
          };
        }
        const gh = getter(s.hi);
        const ge = relation(Cmp.GE, dom, -1, a.ft, s.lo.ft);
        const le = relation(Cmp.LE, dom, -1, a.ft, s.hi.ft);
        return (v: Val, p: Packet): boolean => {
          const l = g(p), h = gh(p);
          for (let i = 0; i < l.length; i++) for (let j = 0; j < h.length; j++) if (ge(v, l[i]!) && le(v, h[j]!)) return true;
          return false;
        };
      });
      const inSet = (v: Val, p: Packet): boolean => {
        for (const mm of members) if (mm(v, p)) return true;
        return false;
      };
      m = q === Quant.ALL
        ? (p) => {
          const va = ga(p);
          if (va.length === 0) return false;
          for (let i = 0; i < va.length; i++) if (!inSet(va[i]!, p)) return false;
          return true;
        }
        : (p) => {
          const va = ga(p);
          for (let i = 0; i < va.length; i++) if (inSet(va[i]!, p)) return true;
          return false;
        };
    }
    if (!negated) return m;
    const mm = m;
    return (p) => !mm(p);
  }

  function test(n: TNode): Match {
    switch (n.k) {
      case 'and': {
        const a = test(n.a), b = test(n.b);
        return (p) => a(p) && b(p);
      }
      case 'or': {
        const a = test(n.a), b = test(n.b);
        return (p) => a(p) || b(p);
      }
      case 'xor': {
        const a = test(n.a), b = test(n.b);
        return (p) => a(p) !== b(p);
      }
      case 'not': {
        const a = test(n.a);
        return (p) => !a(p);
      }
      case 'exists': {
        const v = n.v;
        if (v.k === 'field' && !v.layer) {
          use(v);
          const F = v.fid;
          return (p) => {
            const t = p.tree, fid = t.fid;
            for (let i = 0, m = t.n; i < m; i++) if (fid[i] === F) return true;
            return false;
          };
        }
        if (v.k === 'col') {
          use(v);
          const g = getter(v);
          return (p) => (g(p)[0] as string).length > 0;
        }
        if (v.k === 'field') {
          const c = count(v);
          return (p) => c(p) > 0;
        }
        const g = getter(v);
        return (p) => g(p).length > 0;
      }
      case 'truthy': {
        const g = getter(n.v);
        return (p) => {
          const vs = g(p);
          for (let i = 0; i < vs.length; i++) if (truthy(vs[i]!)) return true;
          return false;
        };
      }
      case 'cmp':
        return compileCmp(n);
      case 'in':
        return compileIn(n);
    }
  }

  return test(root);
}

export { ArOp };
