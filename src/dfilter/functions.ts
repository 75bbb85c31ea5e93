// Display-filter functions: len count string upper lower max min abs (tshark 4.0) and
// vals dec hex float double ip_special_name ip_special_mask ip_linklocal ip_multicast ip_rfc1918
// ip_ula (Wireshark 4.2–4.4). Each declares its arity, checks its argument types (returning the
// result type) and compiles to a getter over the argument getters.

import { FT, Base, fields, isIntegerType, valueName } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { formatIPv4, formatIPv6, formatMac, hexBytes, formatInt } from '../core/format.js';
import { formatAbsTime, formatSecNsec, type NsTime } from '../core/time.js';
import { DfError } from './scanner.js';
import { ftDesc, utf8Bytes, type Val } from './literals.js';
import type { VNode } from './semcheck.js';
import { kindOf } from './semcheck.js';

export type Getter = (p: Packet) => Val[];

export interface FnCtx {
  getter(n: VNode): Getter;
  /** byte lengths of a field's items (len() of a field) */
  itemLengths(n: VNode): Getter;
  /** number of items of a field */
  count(n: VNode): (p: Packet) => number;
}

export interface FuncDef {
  name: string;
  min: number;
  max: number;
  /** type given to literal arguments when no argument is typed (abs(-1)) */
  literalType?: FT;
  check(args: VNode[], name: string): FT;
  compile(args: VNode[], ctx: FnCtx): Getter;
}


function fail(msg: string, n: { start: number; end: number }): never {
  throw new DfError(msg, n.start, n.end);
}

function isNumKind(ft: FT): boolean {
  const k = kindOf(ft);
  return k === 'int' || k === 'float' || k === 'bool' || k === 'reltime' || k === 'abstime';
}

function isIPKind(ft: FT): boolean {
  return ft === FT.IPv4 || ft === FT.IPv6;
}

/** A getter that maps each value of one argument through fn (undefined drops the value). */
function map1(g: Getter, fn: (v: Val) => Val | undefined): Getter {
  const out: Val[] = [];
  return (p) => {
    out.length = 0;
    const vs = g(p);
    for (let i = 0; i < vs.length; i++) {
      const r = fn(vs[i]!);
      if (r !== undefined) out.push(r);
    }
    return out;
  };
}

/** String form of a value of type ft (the -T fields form). */
export function valueString(ft: FT, v: Val, fid = -1): string {
  const k = kindOf(ft);
  switch (k) {
    case 'int': return fid >= 0 && (typeof v === 'number' || typeof v === 'bigint') ? String(v) : String(v);
    case 'bool': return v ? '1' : '0';
    case 'float': return String(v);
    case 'ipv4': return formatIPv4(v as number);
    case 'ipv6': return formatIPv6(v as Uint8Array);
    case 'string': return v as string;
    case 'abstime': return formatAbsTime(v as NsTime);
    case 'reltime': return formatSecNsec(v as NsTime);
    case 'bytes':
      if (ft === FT.ETHER && v instanceof Uint8Array && v.length === 6) return formatMac(v);
      return v instanceof Uint8Array ? hexBytes(v, ':') : String(v);
    case 'none': return '';
  }
}

function num(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'object' && 'sec' in v) return v.sec + v.nsec / 1e9;
  return NaN;
}

function ltVal(a: Val, b: Val): boolean {
  if (typeof a === 'object' && 'sec' in a && typeof b === 'object' && 'sec' in b) {
    return a.sec < b.sec || (a.sec === b.sec && a.nsec < b.nsec);
  }
  return (a as number) < (b as number);
}

// ---- IP special-purpose address registries (RFC 6890 and the IANA registries it defines) ----

/** [prefix, bits, name, mask] — mask bits: 16 source, 8 destination, 4 forwardable, 2 globally reachable, 1 reserved-by-protocol */
const V4_SPECIAL: ReadonlyArray<readonly [number, number, string, number]> = [
  [0x00000000, 8, 'This network', 16 | 1],
  [0x00000000, 32, 'This host on this network', 16 | 1],
  [0x0a000000, 8, 'Private-Use', 16 | 8 | 4],
  [0x64400000, 10, 'Shared Address Space', 16 | 8 | 4],
  [0x7f000000, 8, 'Loopback', 16 | 8 | 1],
  [0xa9fe0000, 16, 'Link Local', 16 | 8 | 1],
  [0xac100000, 12, 'Private-Use', 16 | 8 | 4],
  [0xc0000000, 24, 'IETF Protocol Assignments', 0],
  [0xc0000000, 29, 'IPv4 Service Continuity Prefix', 16 | 8 | 4],
  [0xc0000008, 32, 'IPv4 dummy address', 16],
  [0xc00000aa, 32, 'NAT64/DNS64 Discovery', 1],
  [0xc00000ab, 32, 'NAT64/DNS64 Discovery', 1],
  [0xc0000200, 24, 'Documentation (TEST-NET-1)', 0],
  [0xc01fc400, 24, 'AS112-v4', 16 | 8 | 4 | 2],
  [0xc034c100, 24, 'AMT', 16 | 8 | 4 | 2],
  [0xc0586300, 24, 'Deprecated (6to4 Relay Anycast)', 0],
  [0xc0a80000, 16, 'Private-Use', 16 | 8 | 4],
  [0xc0af3000, 24, 'Direct Delegation AS112 Service', 16 | 8 | 4 | 2],
  [0xc6120000, 15, 'Benchmarking', 16 | 8 | 4],
  [0xc6336400, 24, 'Documentation (TEST-NET-2)', 0],
  [0xcb007100, 24, 'Documentation (TEST-NET-3)', 0],
  [0xf0000000, 4, 'Reserved', 1],
  [0xffffffff, 32, 'Limited Broadcast', 8 | 1],
];

function v6(s: string): Uint8Array {
  const out = new Uint8Array(16);
  const [h, t] = s.split('::');
  const hs = h ? h.split(':') : [];
  const ts = t ? t.split(':') : [];
  hs.forEach((g, i) => { const x = parseInt(g, 16); out[2 * i] = x >> 8; out[2 * i + 1] = x & 255; });
  ts.forEach((g, i) => { const x = parseInt(g, 16); const j = 8 - ts.length + i; out[2 * j] = x >> 8; out[2 * j + 1] = x & 255; });
  return out;
}

const V6_SPECIAL: ReadonlyArray<readonly [Uint8Array, number, string, number]> = [
  [v6('::1'), 128, 'Loopback Address', 1],
  [v6('::'), 128, 'Unspecified Address', 16],
  [v6('::ffff:0:0'), 96, 'IPv4-mapped Address', 0],
  [v6('64:ff9b::'), 96, 'IPv4-IPv6 Translat.', 16 | 8 | 4 | 2],
  [v6('64:ff9b:1::'), 48, 'IPv4-IPv6 Translat.', 16 | 8 | 4],
  [v6('100::'), 64, 'Discard-Only Address Block', 16 | 8 | 4],
  [v6('2001::'), 23, 'IETF Protocol Assignments', 0],
  [v6('2001::'), 32, 'TEREDO', 16 | 8 | 4],
  [v6('2001:1::1'), 128, 'Port Control Protocol Anycast', 16 | 8 | 4 | 2],
  [v6('2001:1::2'), 128, 'Traversal Using Relays around NAT Anycast', 16 | 8 | 4 | 2],
  [v6('2001:2::'), 48, 'Benchmarking', 16 | 8 | 4],
  [v6('2001:3::'), 32, 'AMT', 16 | 8 | 4 | 2],
  [v6('2001:4:112::'), 48, 'AS112-v6', 16 | 8 | 4 | 2],
  [v6('2001:10::'), 28, 'Deprecated (previously ORCHID)', 0],
  [v6('2001:20::'), 28, 'ORCHIDv2', 16 | 8 | 4 | 2],
  [v6('2001:db8::'), 32, 'Documentation', 0],
  [v6('2002::'), 16, '6to4', 16 | 8 | 4],
  [v6('2620:4f:8000::'), 48, 'Direct Delegation AS112 Service', 16 | 8 | 4 | 2],
  [v6('fc00::'), 7, 'Unique-Local', 16 | 8 | 4],
  [v6('fe80::'), 10, 'Link-Local Unicast', 16 | 8 | 1],
];

function v6Prefix(a: Uint8Array, p: Uint8Array, bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const m = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a[i]! & m) !== (p[i]! & m)) return false;
  }
  return true;
}

/** The most specific special-purpose entry for an address, or undefined. */
function special(v: Val): readonly [string, number] | undefined {
  let best: readonly [string, number] | undefined;
  let bestBits = -1;
  if (typeof v === 'number') {
    for (const [pfx, bits, name, mask] of V4_SPECIAL) {
      const m = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      if (((v & m) >>> 0) === pfx && bits > bestBits) { best = [name, mask]; bestBits = bits; }
    }
  } else if (v instanceof Uint8Array) {
    for (const [pfx, bits, name, mask] of V6_SPECIAL) {
      if (v6Prefix(v, pfx, bits) && bits > bestBits) { best = [name, mask]; bestBits = bits; }
    }
  }
  return best;
}

function ipPredicate(name: string, v4: (a: number) => boolean, v6p: (a: Uint8Array) => boolean, only?: 4 | 6): FuncDef {
  return {
    name, min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (!isIPKind(a.ft) || (only === 4 && a.ft !== FT.IPv4) || (only === 6 && a.ft !== FT.IPv6)) {
        fail(`Only ${only === 4 ? 'IPv4' : only === 6 ? 'IPv6' : 'IP'} address type fields can be used as parameter for ${name}()`, a);
      }
      return FT.BOOLEAN;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => (typeof v === 'number' ? (v4(v) ? 1 : 0) : v instanceof Uint8Array ? (v6p(v) ? 1 : 0) : undefined));
    },
  };
}

const inV4 = (a: number, pfx: number, bits: number): boolean => ((a & ((0xffffffff << (32 - bits)) >>> 0)) >>> 0) === pfx;

function stringFn(name: string, conv: (s: string) => string): FuncDef {
  return {
    name, min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (kindOf(a.ft) !== 'string') fail(`Only string type fields can be used as parameter for ${name}()`, a);
      return FT.STRING;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => conv(v as string));
    },
  };
}

function minmax(name: string, isMax: boolean): FuncDef {
  return {
    name, min: 1, max: 64,
    check(args) {
      const ft = args[0]!.ft;
      for (const a of args) {
        if (!isNumKind(a.ft)) fail(`Argument '${a.text}' (FT_${FT[a.ft]}) is not valid for ${name}()`, a);
        if (kindOf(a.ft) !== kindOf(ft)) fail(`Arguments to '${name}' must have the same type (expected ${ftDesc(ft)}, got ${ftDesc(a.ft)})`, a);
      }
      return ft;
    },
    compile(args, ctx) {
      const gs = args.map((a) => ctx.getter(a));
      const out: Val[] = [];
      return (p) => {
        out.length = 0;
        let best: Val | undefined;
        for (const g of gs) {
          const vs = g(p);
          for (let i = 0; i < vs.length; i++) {
            const v = vs[i]!;
            if (best === undefined || (isMax ? ltVal(best, v) : ltVal(v, best))) best = v;
          }
        }
        if (best !== undefined) out.push(best);
        return out;
      };
    },
  };
}

const defs: FuncDef[] = [
  {
    name: 'len', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (a.k === 'const') fail(`Constant expression is invalid`, a);
      return FT.UINT32;
    },
    compile(args, ctx) {
      const a = args[0]!;
      const k = kindOf(a.ft);
      if (a.k === 'field' && k !== 'string' && k !== 'bytes') return ctx.itemLengths(a);
      return map1(ctx.getter(a), (v) => (typeof v === 'string' ? utf8Bytes(v).length : v instanceof Uint8Array ? v.length : undefined));
    },
  },
  {
    name: 'count', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (a.k !== 'field') fail(`Only fields can be used as parameter for count()`, a);
      return FT.UINT32;
    },
    compile(args, ctx) {
      const c = ctx.count(args[0]!);
      const out: Val[] = [];
      return (p) => {
        out.length = 0;
        const n = c(p);
        if (n > 0) out.push(n);
        return out;
      };
    },
  },
  {
    name: 'string', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (kindOf(a.ft) === 'none' || a.ft === FT.PROTOCOL) fail(`String conversion for field "${a.text}" is not supported`, a);
      return FT.STRING;
    },
    compile(args, ctx) {
      const a = args[0]!;
      return map1(ctx.getter(a), (v) => valueString(a.ft, v));
    },
  },
  stringFn('upper', (s) => s.toUpperCase()),
  stringFn('lower', (s) => s.toLowerCase()),
  minmax('max', true),
  minmax('min', false),
  {
    name: 'abs', min: 1, max: 1, literalType: FT.INT64,
    check(args) {
      const a = args[0]!;
      const k = kindOf(a.ft);
      if (k !== 'int' && k !== 'float' && k !== 'reltime') fail(`Only numeric types can be used as parameter for abs()`, a);
      return a.ft;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => {
        if (typeof v === 'number') return Math.abs(v);
        if (typeof v === 'bigint') return v < 0n ? -v : v;
        if (typeof v === 'object' && 'sec' in v && v.sec < 0) return v.nsec > 0 ? { sec: -v.sec - 1, nsec: 1e9 - v.nsec } : { sec: -v.sec, nsec: 0 };
        return v;
      });
    },
  },
  {
    // Wireshark 4.4: the value name of an integer field (the number when it has none)
    name: 'vals', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (a.k !== 'field' || (!isIntegerType(a.ft) && a.ft !== FT.BOOLEAN)) fail(`Only integer fields can be used as parameter for vals()`, a);
      return FT.STRING;
    },
    compile(args, ctx) {
      const a = args[0]!;
      const f = fields[(a as { fid: number }).fid]!;
      return map1(ctx.getter(a), (v) => {
        if (f.type === FT.BOOLEAN) return f.tfs ? (v ? f.tfs[0] : f.tfs[1]) : v ? 'True' : 'False';
        const n = typeof v === 'number' ? valueName(f, v) : undefined;
        return n ?? String(v);
      });
    },
  },
  {
    name: 'dec', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (!isIntegerType(a.ft) && a.ft !== FT.BOOLEAN) fail(`Only integer types can be used as parameter for dec()`, a);
      return FT.STRING;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => String(v));
    },
  },
  {
    // hexadecimal with the field width's digits, as tshark shows BASE_HEX (0x0050)
    name: 'hex', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (!isIntegerType(a.ft) && a.ft !== FT.BOOLEAN) fail(`Only integer types can be used as parameter for hex()`, a);
      return FT.STRING;
    },
    compile(args, ctx) {
      const a = args[0]!;
      const f = a.k === 'field' ? fields[a.fid]! : fields[0]!;
      const fake = { ...f, type: a.ft };
      return map1(ctx.getter(a), (v) => formatInt({ ...fake, base: Base.HEX }, v as number | bigint));
    },
  },
  ...['float', 'double'].map((name): FuncDef => ({
    name, min: 1, max: 1, literalType: FT.DOUBLE,
    check(args) {
      const a = args[0]!;
      if (!isNumKind(a.ft)) fail(`Only numeric types can be used as parameter for ${name}()`, a);
      return FT.DOUBLE;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => num(v));
    },
  })),
  {
    name: 'ip_special_name', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (!isIPKind(a.ft)) fail(`Only IP address type fields can be used as parameter for ip_special_name()`, a);
      return FT.STRING;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => special(v)?.[0]);
    },
  },
  {
    name: 'ip_special_mask', min: 1, max: 1,
    check(args) {
      const a = args[0]!;
      if (!isIPKind(a.ft)) fail(`Only IP address type fields can be used as parameter for ip_special_mask()`, a);
      return FT.UINT8;
    },
    compile(args, ctx) {
      return map1(ctx.getter(args[0]!), (v) => special(v)?.[1]);
    },
  },
  ipPredicate('ip_linklocal', (a) => inV4(a, 0xa9fe0000, 16), (a) => a[0] === 0xfe && (a[1]! & 0xc0) === 0x80),
  ipPredicate('ip_multicast', (a) => inV4(a, 0xe0000000, 4), (a) => a[0] === 0xff),
  ipPredicate('ip_rfc1918', (a) => inV4(a, 0x0a000000, 8) || inV4(a, 0xac100000, 12) || inV4(a, 0xc0a80000, 16), () => false, 4),
  ipPredicate('ip_ula', () => false, (a) => (a[0]! & 0xfe) === 0xfc, 6),
];

export const FUNCTIONS: ReadonlyMap<string, FuncDef> = new Map(defs.map((d) => [d.name, d]));
