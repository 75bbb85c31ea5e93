// Semantic check: resolves names against the field registry, types every value, coerces literals to
// the type of the other side (with tshark's messages), and checks operators and functions.
// Output: the typed tree (TNode/VNode) that compile.ts turns into closures.

import { FT, fieldByName, isIntegerType, isUnsignedType, typeBits, fields, type Field } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ItemFlag } from '../core/tree.js';
import { DfError } from './scanner.js';
import { Cmp, Quant, ArOp, CMP_TEXT, type Test, type Value, type RangeItem, type Span } from './ast.js';
import {
  ftDesc, parseInteger, parseFloatLit, parseIPv4, parseIPv6, parseBytes, parseAbsTime, parseRelTime, utf8Bytes, type Val,
} from './literals.js';
import { FUNCTIONS, type FuncDef } from './functions.js';

export type Kind = 'int' | 'float' | 'bool' | 'ipv4' | 'ipv6' | 'bytes' | 'string' | 'abstime' | 'reltime' | 'none';

export function kindOf(t: FT): Kind {
  if (isIntegerType(t)) return 'int';
  switch (t) {
    case FT.BOOLEAN: return 'bool';
    case FT.FLOAT: case FT.DOUBLE: return 'float';
    case FT.IPv4: return 'ipv4';
    case FT.IPv6: return 'ipv6';
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING: return 'string';
    case FT.ABSOLUTE_TIME: return 'abstime';
    case FT.RELATIVE_TIME: return 'reltime';
    case FT.NONE: return 'none';
    default: return 'bytes';
  }
}

/** `_ws.col.*` pseudo-fields (Wireshark 4.2+ in filters): the packet's columns. */
export type ColName = 'protocol' | 'info' | 'src' | 'dst' | 'number';

const COLUMNS: ReadonlyMap<string, ColName> = new Map([
  ['protocol', 'protocol'], ['info', 'info'], ['src', 'src'], ['def_src', 'src'], ['source', 'src'],
  ['res_src', 'src'], ['unres_src', 'src'], ['dst', 'dst'], ['def_dst', 'dst'], ['destination', 'dst'],
  ['res_dst', 'dst'], ['unres_dst', 'dst'], ['number', 'number'], ['no.', 'number'], ['no', 'number'],
]);

export function columnOf(name: string): ColName | undefined {
  if (!name.startsWith('_ws.col.')) return undefined;
  return COLUMNS.get(name.slice(8).toLowerCase());
}

interface NodeBase { ft: FT; text: string; start: number; end: number }

export type VNode =
  | (NodeBase & { k: 'field'; fid: number; layer: RangeItem[] | undefined; raw: boolean })
  | (NodeBase & { k: 'col'; col: ColName })
  /** constant: one value, or several (a field reference); mask = IPv4 netmask / IPv6 prefix bits, or -1 */
  | (NodeBase & { k: 'const'; vals: Val[]; mask: number })
  | (NodeBase & { k: 'slice'; a: VNode; ranges: RangeItem[] })
  | (NodeBase & { k: 'func'; fn: FuncDef; args: VNode[] })
  | (NodeBase & { k: 'arith'; op: ArOp; a: VNode; b: VNode })
  | (NodeBase & { k: 'neg'; a: VNode });

export type TNode =
  | { k: 'and' | 'or' | 'xor'; a: TNode; b: TNode }
  | { k: 'not'; a: TNode }
  | { k: 'exists'; v: VNode }
  | { k: 'truthy'; v: VNode }
  | { k: 'cmp'; op: Cmp; q: Quant; a: VNode; b: VNode }
  | { k: 'in'; a: VNode; set: { lo: VNode; hi: VNode | undefined }[]; negated: boolean; q: Quant };

export interface CheckOptions {
  reference?: Packet | undefined;
  /** filled with the deprecated names the filter uses (see DEPRECATED_NAMES) */
  deprecated?: string[] | undefined;
}

/** Protocols Wireshark renamed: the old name (and its fields) still works, with a warning. */
export const DEPRECATED_NAMES: ReadonlyMap<string, string> = new Map([['ssl', 'tls'], ['bootp', 'dhcp']]);

/** Type context for coercing a literal: the type, and the field when the other side is a plain field. */
interface Ctx { ft: FT; field: Field | undefined }

function err(msg: string, s: Span): DfError {
  return new DfError(msg, s.start, s.end);
}

function fieldOrCol(name: string, deprecated?: string[]): { f: Field } | { col: ColName } | undefined {
  const f = fieldByName(name);
  if (f) return { f };
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const now = DEPRECATED_NAMES.get(head);
  const g = now === undefined ? undefined : fieldByName(now + name.slice(head.length));
  if (g) {
    if (deprecated && !deprecated.includes(name)) deprecated.push(name);
    return { f: g };
  }
  const col = columnOf(name);
  return col ? { col } : undefined;
}

const ABS_TIME_MSG = 'is not a valid absolute time. Example: "Nov 12, 1999 08:55:44.123" or "2011-07-04 12:34:56"';

export function semcheck(text: string, root: Test, opts: CheckOptions = {}): TNode {
  const src = (s: Span): string => text.slice(s.start, s.end);

  /** The type of a value without coercing anything; undefined for literals (typed by context). */
  function typeOf(v: Value): FT | undefined {
    switch (v.t) {
      case 'word': {
        const r = fieldOrCol(v.text, opts.deprecated);
        if (!r) return undefined;
        if (v.raw) return FT.BYTES;
        return 'f' in r ? r.f.type : FT.STRING;
      }
      case 'string': case 'char': return undefined;
      case 'ref': {
        const f = fieldByName(v.name);
        return f ? f.type : undefined;
      }
      case 'slice': return typeOf(v.a) === undefined ? undefined : FT.BYTES;
      case 'func': return build(v, undefined).ft;
      case 'arith': {
        const a = typeOf(v.a);
        const b = typeOf(v.b);
        if (a === undefined && b === undefined) return undefined;
        if (a !== undefined && b !== undefined) return arithType(a, b);
        return arithType(a ?? b!, a ?? b!);
      }
      case 'neg': {
        const a = typeOf(v.a);
        return a === undefined ? undefined : isUnsignedType(a) ? FT.INT64 : a;
      }
    }
  }

  function arithType(a: FT, b: FT): FT {
    const ka = kindOf(a), kb = kindOf(b);
    if (ka === 'bytes' || kb === 'bytes') return FT.BYTES;
    if (ka === 'float' || kb === 'float') return FT.DOUBLE;
    if (ka === 'reltime' || kb === 'reltime') return FT.RELATIVE_TIME;
    if (a === b) return a;
    return FT.INT64;
  }

  /** Builds a typed node; literals are coerced to ctx (required for them). */
  function build(v: Value, ctx: Ctx | undefined): VNode {
    switch (v.t) {
      case 'word': {
        const r = fieldOrCol(v.text, opts.deprecated);
        if (r) {
          if ('col' in r) return { k: 'col', col: r.col, ft: FT.STRING, text: v.text, start: v.start, end: v.end };
          const f = r.f;
          return { k: 'field', fid: f.id, ft: v.raw ? FT.BYTES : f.type, layer: v.layer, raw: v.raw, text: src(v), start: v.start, end: v.end };
        }
        if (v.raw || v.layer) throw err(`${v.text} is neither a field nor a protocol name.`, v);
        if (!ctx) throw err(`${v.text} is neither a field nor a protocol name.`, v);
        return coerce(v, ctx);
      }
      case 'string': case 'char':
        if (!ctx) throw err(`${v.text} is neither a field nor a protocol name.`, v);
        return coerce(v, ctx);
      case 'ref': {
        const f = fieldByName(v.name);
        if (!f) throw err(`${v.name} is neither a field nor a protocol name.`, v);
        return { k: 'const', ft: f.type, vals: referenceValues(f, opts.reference), mask: -1, text: src(v), start: v.start, end: v.end };
      }
      case 'slice': {
        const a = build(v.a, undefined);
        const k = kindOf(a.ft);
        if (k === 'int' || k === 'bool' || k === 'float' || k === 'abstime' || k === 'reltime' || k === 'none') {
          throw err(`"${a.text}" is a ${ftDesc(a.ft)} and cannot be sliced into a sequence of bytes.`, a);
        }
        return { k: 'slice', a, ranges: v.ranges, ft: FT.BYTES, text: src(v), start: v.start, end: v.end };
      }
      case 'func': {
        const fn = FUNCTIONS.get(v.name.toLowerCase());
        if (!fn) throw err(`Function '${v.name}' does not exist`, v.nameSpan);
        if (v.args.length < fn.min) throw err(`Function ${v.name} needs at least ${fn.min} arguments.`, v.nameSpan);
        if (v.args.length > fn.max) throw err(`Function ${v.name} can only accept ${fn.max} arguments.`, v.nameSpan);
        // arguments: typed ones first, literals take the type of the first typed argument
        const types = v.args.map(typeOf);
        const firstTyped = types.find((t) => t !== undefined);
        const args = v.args.map((a) => build(a, firstTyped !== undefined ? { ft: firstTyped, field: undefined } : fn.literalType !== undefined ? { ft: fn.literalType, field: undefined } : undefined));
        const ft = fn.check(args, v.name);
        return { k: 'func', fn, args, ft, text: src(v), start: v.start, end: v.end };
      }
      case 'arith': {
        // CIDR: address/bits
        if (v.op === ArOp.DIV && ctx && (ctx.ft === FT.IPv4 || ctx.ft === FT.IPv6) && typeOf(v.a) === undefined && v.a.t === 'word' && v.b.t === 'word') {
          return cidr(v.a.text, v.b.text, ctx.ft, v);
        }
        const ta = typeOf(v.a), tb = typeOf(v.b);
        let a: VNode, b: VNode;
        if (ta === undefined && tb === undefined) {
          if (!ctx) throw err(`${src(v.a)} is neither a field nor a protocol name.`, v.a);
          const c = { ft: kindOf(ctx.ft) === 'int' ? FT.INT64 : ctx.ft, field: undefined };
          a = build(v.a, c);
          b = build(v.b, c);
        } else if (ta !== undefined) {
          a = build(v.a, undefined);
          b = build(v.b, { ft: ta, field: undefined });
        } else {
          b = build(v.b, undefined);
          a = build(v.a, { ft: tb!, field: undefined });
        }
        for (const x of [a, b]) {
          const k = kindOf(x.ft);
          // `&` also works on byte strings (`tcp[13] & 0x02`): bytewise
          if (v.op === ArOp.BITAND && k === 'bytes' && kindOf(a.ft) === kindOf(b.ft)) continue;
          if (!(k === 'int' || k === 'float' || k === 'bool' || k === 'reltime') || (v.op === ArOp.BITAND && k !== 'int' && k !== 'bool')) {
            throw err(`${x.text} (type=${ftDesc(x.ft)}) cannot participate in arithmetic expressions.`, x);
          }
        }
        const node: VNode = { k: 'arith', op: v.op, a, b, ft: arithType(a.ft, b.ft), text: src(v), start: v.start, end: v.end };
        return fold(node);
      }
      case 'neg': {
        if (v.a.t === 'word' && typeOf(v.a) === undefined && ctx) {
          // a negative literal: parse "-text" in the context type (range checks apply to the whole)
          return coerce({ ...v.a, text: '-' + v.a.text, start: v.start }, ctx);
        }
        const a = build(v.a, ctx ? { ft: ctx.ft, field: undefined } : undefined);
        const k = kindOf(a.ft);
        if (!(k === 'int' || k === 'float' || k === 'reltime')) {
          throw err(`${a.text} (type=${ftDesc(a.ft)}) cannot participate in arithmetic expressions.`, a);
        }
        const node: VNode = { k: 'neg', a, ft: isUnsignedType(a.ft) ? FT.INT64 : a.ft, text: src(v), start: v.start, end: v.end };
        return fold(node);
      }
    }
  }

  function cidr(addr: string, bitsText: string, ft: FT, s: Span): VNode {
    const bits = parseInteger(bitsText);
    const whole = src(s);
    if (ft === FT.IPv4) {
      const a = parseIPv4(addr);
      if (a === undefined) throw err(`"${addr}" is not a valid hostname or IPv4 address.`, s);
      if (typeof bits !== 'number' || bits < 0) throw err(`"${whole}" is not a valid hostname or IPv4 address.`, s);
      if (bits > 32) throw err(`Netmask bits in a CIDR IPv4 address should be <= 32, not ${bits}`, s);
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      return { k: 'const', ft, vals: [(a & mask) >>> 0], mask, text: whole, start: s.start, end: s.end };
    }
    const a = parseIPv6(addr);
    if (a === undefined) throw err(`"${addr}" is not a valid hostname or IPv6 address.`, s);
    if (typeof bits !== 'number' || bits < 0) throw err(`"${whole}" is not a valid hostname or IPv6 address.`, s);
    if (bits > 128) throw err(`Prefix in a IPv6 address should be <= 128, not ${bits}`, s);
    return { k: 'const', ft, vals: [a], mask: bits, text: whole, start: s.start, end: s.end };
  }

  /** Coerces a literal (word, string or char) to ctx's type. */
  function coerce(v: Value, ctx: Ctx): VNode {
    const ft = ctx.ft;
    const k = kindOf(ft);
    const mk = (val: Val): VNode => ({ k: 'const', ft, vals: [val], mask: -1, text: src(v), start: v.start, end: v.end });
    const f = ctx.field;
    if (v.t === 'char') {
      if (k === 'int' || k === 'bool' || k === 'float') return mk(v.code);
      if (k === 'bytes') return mk(Uint8Array.of(v.code & 255));
      if (k === 'string') return mk(String.fromCodePoint(v.code));
      throw err(`${ftDesc(ft)} cannot be converted from a character (${v.text}).`, v);
    }
    if (v.t === 'string') {
      const s = v.str;
      switch (k) {
        case 'string': return mk(s);
        case 'bytes':
          if (ft === FT.ETHER || ft === FT.GUID || ft === FT.EUI64) break;
          return mk(v.bytes);
        case 'int': case 'bool': {
          const n = namedValue(f, s, k === 'bool');
          if (n !== undefined) return mk(n);
          if (f && (f.vals || f.ranges || k === 'bool')) throw err(`"${s}" cannot be found among the possible values for ${f.abbrev}.`, v);
          break;
        }
        case 'abstime': {
          const t = parseAbsTime(s);
          if (!t) throw err(`"${s}" ${ABS_TIME_MSG}`, v);
          return mk(t);
        }
        default: break;
      }
      throw err(`${ftDesc(ft)} cannot be converted from a string ("${s}").`, v);
    }
    if (v.t !== 'word') throw err(`"${src(v)}" was unexpected in this context.`, v);
    const w = v.text;
    switch (k) {
      case 'int': {
        const n = parseInteger(w);
        if (n === undefined) {
          const nv = namedValue(f, w, false);
          if (nv !== undefined) return mk(nv);
          if (f && (f.vals || f.ranges)) throw err(`"${w}" cannot be found among the possible values for ${f.abbrev}.`, v);
          throw err(`"${w}" is not a valid number.`, v);
        }
        const bits = typeBits(ft);
        if (bits > 0 && bits <= 64) {
          const unsigned = isUnsignedType(ft);
          const max = unsigned ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
          const min = unsigned ? 0n : -(2n ** BigInt(bits - 1));
          const b = BigInt(n);
          if (b > max) throw err(`"${w}" too big for this field, maximum ${max}.`, v);
          // a negated literal (`tcp.port == -1`) is arithmetic in tshark 4.0: no lower bound check
          if (b < min && !w.startsWith('-')) throw err(`"${w}" too small for this field, minimum ${min}.`, v);
        }
        return mk(n);
      }
      case 'bool': {
        const n = parseInteger(w);
        if (n !== undefined) return mk(n === 0 || n === 0n ? 0 : 1);
        const nv = namedValue(f, w, true);
        if (nv !== undefined) return mk(nv);
        throw err(`"${w}" cannot be found among the possible values for ${f ? f.abbrev : 'a boolean'}.`, v);
      }
      case 'float': {
        const x = parseFloatLit(w);
        if (x === undefined) throw err(`"${w}" is not a valid floating point number.`, v);
        return mk(x);
      }
      case 'ipv4': {
        const a = parseIPv4(w);
        if (a === undefined) throw err(`"${w}" is not a valid hostname or IPv4 address.`, v);
        return mk(a);
      }
      case 'ipv6': {
        const a = parseIPv6(w);
        if (a === undefined) throw err(`"${w}" is not a valid hostname or IPv6 address.`, v);
        return mk(a);
      }
      case 'bytes': {
        const b = parseBytes(w);
        if (ft === FT.ETHER) {
          if (!b) throw err(`"${w}" is not a valid Ethernet address.`, v);
          if (b.length < 6) throw err(`"${w}" contains too few bytes to be a valid Ethernet address.`, v);
          if (b.length > 6) throw err(`"${w}" contains too many bytes to be a valid Ethernet address.`, v);
          return mk(b);
        }
        if (b) return mk(b);
        const n = /^0[xX]/.test(w) ? parseInteger(w) : undefined;
        if (typeof n === 'number' && n >= 0) {
          const out: number[] = [];
          let x = n;
          do { out.unshift(x % 256); x = Math.floor(x / 256); } while (x > 0);
          return mk(Uint8Array.from(out));
        }
        throw err(`"${w}" is not a valid byte string.`, v);
      }
      case 'string': return mk(w);
      case 'abstime': {
        const t = parseAbsTime(w);
        if (!t) throw err(`"${w}" ${ABS_TIME_MSG}`, v);
        return mk(t);
      }
      case 'reltime': {
        const t = parseRelTime(w);
        if (!t) throw err(`"${w}" is not a valid time.`, v);
        return mk(t);
      }
      case 'none':
        throw err(`${f ? f.abbrev : w} is a Label and cannot be compared to a value.`, v);
    }
  }

  function compatible(a: FT, b: FT): boolean {
    const ka = kindOf(a), kb = kindOf(b);
    if (ka === kb) return ka !== 'none';
    const num = (k: Kind): boolean => k === 'int' || k === 'float' || k === 'bool';
    if (num(ka) && num(kb)) return true;
    if ((ka === 'bytes' && kb === 'string') || (ka === 'string' && kb === 'bytes')) return true;
    return false;
  }

  function checkOp(op: Cmp, n: VNode): void {
    const k = kindOf(n.ft);
    if (op === Cmp.CONTAINS || op === Cmp.MATCHES) {
      if (k !== 'bytes' && k !== 'string') {
        throw err(`${n.text} (type=${ftDesc(n.ft)}) cannot participate in ${op === Cmp.CONTAINS ? 'contains' : 'matches'} comparison.`, n);
      }
    } else if (k === 'none') {
      throw err(`${n.text} (type=${ftDesc(n.ft)}) cannot participate in '${CMP_TEXT[op]}' comparison.`, n);
    }
  }

  /** Context for the literal side: the typed side's type, its field when it is a plain field. */
  function ctxOf(n: VNode, op: Cmp): Ctx {
    const field = n.k === 'field' && !n.raw ? fields[n.fid] : undefined;
    // `contains`/`matches` take strings or bytes whatever the other side's exact type
    if (op === Cmp.MATCHES) return { ft: FT.STRING, field: undefined };
    if (op === Cmp.CONTAINS && kindOf(n.ft) === 'bytes') return { ft: FT.BYTES, field: undefined };
    return { ft: n.ft, field };
  }

  function visit(t: Test): TNode {
    switch (t.t) {
      case 'and': case 'or': case 'xor':
        return { k: t.t, a: visit(t.a), b: visit(t.b) };
      case 'not':
        return { k: 'not', a: visit(t.a) };
      case 'value': {
        const v = build(t.v, undefined);
        if (v.k === 'field' || v.k === 'col' || v.k === 'slice') return { k: 'exists', v };
        return { k: 'truthy', v };
      }
      case 'cmp': {
        const ta = typeOf(t.a), tb = typeOf(t.b);
        if (ta === undefined && tb === undefined) {
          throw err(`Left side of "${text.slice(t.opSpan.start, t.opSpan.end)}" expression must be a field or function, not ${src(t.a)}.`, t.a);
        }
        let a: VNode, b: VNode;
        if (ta !== undefined) {
          a = build(t.a, undefined);
          checkOp(t.op, a);
          b = build(t.b, ctxOf(a, t.op));
        } else {
          // a value on the left (Wireshark 4.2+): `6 == ip.proto`
          b = build(t.b, undefined);
          a = build(t.a, ctxOf(b, t.op));
          checkOp(t.op, a);
        }
        if (t.op === Cmp.MATCHES) {
          if (b.k !== 'const' || kindOf(b.ft) !== 'string') throw err(`${b.text} is not a valid regular expression.`, b);
          for (const x of b.vals) {
            try { compileRegex(x as string); } catch (e) { throw err(`${(e as Error).message}`, b); }
          }
        } else if (t.op === Cmp.CONTAINS) {
          if (!compatible(a.ft, b.ft)) throw err(`${a.text} and ${b.text} are not of compatible types.`, b);
        } else if (!compatible(a.ft, b.ft)) {
          throw err(`${a.text} and ${b.text} are not of compatible types.`, b);
        }
        return { k: 'cmp', op: t.op, q: t.q, a, b };
      }
      case 'in': {
        const ta = typeOf(t.a);
        if (ta === undefined) throw err(`Left side of "in" expression must be a field or function, not ${src(t.a)}.`, t.a);
        const a = build(t.a, undefined);
        checkOp(Cmp.EQ, a);
        const ctx = ctxOf(a, Cmp.EQ);
        const set = t.set.map((m) => {
          const lo = build(m.v, ctx);
          const hi = m.hi ? build(m.hi, ctx) : undefined;
          for (const x of hi ? [lo, hi] : [lo]) if (!compatible(a.ft, x.ft)) throw err(`${a.text} and ${x.text} are not of compatible types.`, x);
          return { lo, hi };
        });
        return { k: 'in', a, set, negated: t.negated, q: t.q };
      }
    }
  }

  return visit(root);
}

/** Value names (and boolean strings) → value, case-insensitively for value names. */
function namedValue(f: Field | undefined, s: string, bool: boolean): number | undefined {
  if (bool) {
    if (s === 'True') return 1;
    if (s === 'False') return 0;
    if (f?.tfs) {
      if (s === f.tfs[0]) return 1;
      if (s === f.tfs[1]) return 0;
    }
    return undefined;
  }
  if (!f) return undefined;
  const lower = s.toLowerCase();
  if (f.vals) for (const [k, name] of f.vals) if (name.toLowerCase() === lower) return k;
  if (f.ranges) for (const [lo, , name] of f.ranges) if (name.toLowerCase() === lower) return lo;
  return undefined;
}

/** Values of field f in a reference packet's tree (field references `${f}`). */
function referenceValues(f: Field, ref: Packet | undefined): Val[] {
  if (!ref) return [];
  const t = ref.tree;
  const out: Val[] = [];
  for (let i = 0; i < t.n; i++) {
    if (t.fid[i] !== f.id) continue;
    const fl = t.flags[i]!;
    if (fl & ItemFlag.NOVALUE) {
      const s = t.sources[t.src[i]!]!;
      const a = s.base + t.start[i]!;
      out.push(s.buf.slice(a, a + t.len[i]!));
    } else {
      const v = t.value(i);
      out.push(v instanceof Uint8Array ? v.slice() : v as Val);
    }
  }
  return out;
}

/** Constant folding of arithmetic on constants. */
function fold(n: VNode): VNode {
  if (n.k === 'neg' && n.a.k === 'const') {
    return { k: 'const', ft: n.ft, vals: n.a.vals.map(negVal), mask: -1, text: n.text, start: n.start, end: n.end };
  }
  if (n.k === 'arith' && n.a.k === 'const' && n.b.k === 'const') {
    const out: Val[] = [];
    for (const x of n.a.vals) for (const y of n.b.vals) {
      const r = arith(n.op, x, y);
      if (r !== undefined) out.push(r);
    }
    return { k: 'const', ft: n.ft, vals: out, mask: -1, text: n.text, start: n.start, end: n.end };
  }
  return n;
}

function negVal(v: Val): Val {
  if (typeof v === 'number') return -v;
  if (typeof v === 'bigint') return -v;
  if (typeof v === 'object' && 'sec' in v) return v.nsec > 0 ? { sec: -v.sec - 1, nsec: 1e9 - v.nsec } : { sec: -v.sec, nsec: 0 };
  return v;
}

function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'object' && 'sec' in v) return v.sec + v.nsec / 1e9;
  return NaN;
}

/** Arithmetic on two values (numbers; bigint and times are reduced to numbers). undefined: no value (÷0). */
export function arith(op: ArOp, x: Val, y: Val): Val | undefined {
  if (x instanceof Uint8Array && y instanceof Uint8Array) {
    const n = Math.min(x.length, y.length);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i]! & y[i]!;
    return out;
  }
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    switch (op) {
      case ArOp.ADD: return x + y;
      case ArOp.SUB: return x - y;
      case ArOp.MUL: return x * y;
      case ArOp.DIV: return y === 0n ? undefined : x / y;
      case ArOp.MOD: return y === 0n ? undefined : x % y;
      case ArOp.BITAND: return x & y;
    }
  }
  const a = toNum(x), b = toNum(y);
  switch (op) {
    case ArOp.ADD: return a + b;
    case ArOp.SUB: return a - b;
    case ArOp.MUL: return a * b;
    case ArOp.DIV: return b === 0 ? undefined : Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
    case ArOp.MOD: return b === 0 ? undefined : a % b;
    case ArOp.BITAND: return Number(BigInt(Math.trunc(a)) & BigInt(Math.trunc(b)));
  }
}

/**
 * PCRE-style pattern → RegExp. `matches` is case-insensitive by default (as tshark 4.0 measures);
 * a leading `(?-i)` makes it case-sensitive, `(?i)`/`(?m)`/`(?s)` are accepted.
 */
export function compileRegex(pat: string): RegExp {
  let ci = true, multi = false;
  let p = pat;
  const m = /^\(\?([imsx]*)(?:-([imsx]+))?\)/.exec(p);
  if (m && (m[1] || m[2])) {
    p = p.slice(m[0].length);
    if (m[1]!.includes('m')) multi = true;
    if (m[2]?.includes('i')) ci = false;
  }
  return new RegExp(p, 's' + (ci ? 'i' : '') + (multi ? 'm' : ''));
}
