// Literal text → typed value, with tshark's messages for bad literals.
// Values at match time: integers/booleans/IPv4/floats are numbers (64-bit integers may be bigint),
// IPv6/MAC/bytes are Uint8Array, strings are strings, times are NsTime.

import { FT } from '../core/field.js';
import type { NsTime } from '../core/time.js';

export type Val = number | bigint | string | Uint8Array | NsTime;

/** Type descriptions as `tshark -G ftypes` prints them (used in messages). */
export function ftDesc(t: FT): string {
  switch (t) {
    case FT.NONE: return 'Label';
    case FT.PROTOCOL: return 'Protocol';
    case FT.BOOLEAN: return 'Boolean';
    case FT.CHAR: return 'Character (1 byte)';
    case FT.UINT8: return 'Unsigned integer (1 byte)';
    case FT.UINT16: return 'Unsigned integer (2 bytes)';
    case FT.UINT24: return 'Unsigned integer (3 bytes)';
    case FT.UINT32: return 'Unsigned integer (4 bytes)';
    case FT.UINT40: return 'Unsigned integer (5 bytes)';
    case FT.UINT48: return 'Unsigned integer (6 bytes)';
    case FT.UINT56: return 'Unsigned integer (7 bytes)';
    case FT.UINT64: return 'Unsigned integer (8 bytes)';
    case FT.INT8: return 'Signed integer (1 byte)';
    case FT.INT16: return 'Signed integer (2 bytes)';
    case FT.INT24: return 'Signed integer (3 bytes)';
    case FT.INT32: return 'Signed integer (4 bytes)';
    case FT.INT40: return 'Signed integer (5 bytes)';
    case FT.INT48: return 'Signed integer (6 bytes)';
    case FT.INT56: return 'Signed integer (7 bytes)';
    case FT.INT64: return 'Signed integer (8 bytes)';
    case FT.FLOAT: return 'Floating point (single-precision)';
    case FT.DOUBLE: return 'Floating point (double-precision)';
    case FT.ABSOLUTE_TIME: return 'Date and time';
    case FT.RELATIVE_TIME: return 'Time offset';
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING: return 'Character string';
    case FT.ETHER: return 'Ethernet or other MAC address';
    case FT.BYTES: case FT.UINT_BYTES: return 'Byte sequence';
    case FT.IPv4: return 'IPv4 address';
    case FT.IPv6: return 'IPv6 address';
    case FT.FRAMENUM: return 'Frame number';
    case FT.GUID: return 'Globally Unique Identifier';
    case FT.OID: return 'ASN.1 object identifier';
    case FT.EUI64: return 'EUI64 address';
  }
}

/** Parses a C-style integer: decimal, 0x hex, 0 octal, 0b binary. undefined if not an integer. */
export function parseInteger(s: string): number | bigint | undefined {
  let neg = false;
  let t = s;
  if (t.startsWith('-')) { neg = true; t = t.slice(1); } else if (t.startsWith('+')) t = t.slice(1);
  let v: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = BigInt(t);
  else if (/^0[bB][01]+$/.test(t)) v = BigInt(t);
  else if (/^0[0-7]+$/.test(t)) v = BigInt('0o' + t.slice(1));
  else if (/^[0-9]+$/.test(t)) v = BigInt(t);
  else return undefined;
  if (neg) v = -v;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

export function parseFloatLit(s: string): number | undefined {
  if (!/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(s) && !/^0[xX][0-9a-fA-F]+$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    v = v * 256 + o;
  }
  return v;
}

export function parseIPv6(s0: string): Uint8Array | undefined {
  let s = s0;
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.indexOf(':') < 0) return undefined;
  if (s.indexOf('.') >= 0) {
    // embedded IPv4 tail (::ffff:1.2.3.4): rewrite as two groups
    const lc = s.lastIndexOf(':');
    const v4 = parseIPv4(s.slice(lc + 1));
    if (v4 === undefined) return undefined;
    s = s.slice(0, lc + 1) + (v4 >>> 16).toString(16) + ':' + (v4 & 0xffff).toString(16);
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return undefined;
  const parts = (str: string): number[] | undefined => {
    if (str === '') return [];
    const out: number[] = [];
    for (const g of str.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (dbl >= 0) {
    const a = parts(s.slice(0, dbl));
    const b = parts(s.slice(dbl + 2));
    if (!a || !b || a.length + b.length > 7) return undefined;
    groups = [...a, ...new Array<number>(8 - a.length - b.length).fill(0), ...b];
  } else {
    const a = parts(s);
    if (!a || a.length !== 8) return undefined;
    groups = a;
  }
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) { out[2 * i] = groups[i]! >> 8; out[2 * i + 1] = groups[i]! & 255; }
  return out;
}

/** Byte strings: `aa:bb:cc`, `aa-bb`, `aa.bb`, `aabbcc`, a single `a`/`aa`. */
export function parseBytes(s: string): Uint8Array | undefined {
  if (s.length === 0) return undefined;
  if (/^[0-9a-fA-F]{1,2}$/.test(s)) return Uint8Array.of(parseInt(s, 16));
  if (/^([0-9a-fA-F]{2})+$/.test(s)) {
    const out = new Uint8Array(s.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
    return out;
  }
  const sep = s.match(/[:.-]/)?.[0];
  if (!sep) return undefined;
  const parts = s.split(sep);
  const out: number[] = [];
  for (const p of parts) {
    if (/^[0-9a-fA-F]{1,2}$/.test(p)) out.push(parseInt(p, 16));
    else if (sep === '.' && /^[0-9a-fA-F]{4}$/.test(p)) out.push(parseInt(p.slice(0, 2), 16), parseInt(p.slice(2), 16));
    else return undefined;
  }
  return Uint8Array.from(out);
}

/** MAC address forms; returns bytes (any count: the caller checks for 6). */
export function parseEtherBytes(s: string): Uint8Array | undefined {
  return parseBytes(s);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function fracToNs(f: string | undefined): number {
  if (!f) return 0;
  return Number((f + '000000000').slice(0, 9));
}

/**
 * Absolute time: "Nov 12, 1999 08:55:44.123", "2011-07-04 12:34:56[.frac]" (also with `T`),
 * optionally followed by `Z`, `UTC` or a ±hh:mm offset (Wireshark 4.2+), or epoch seconds
 * (4.2+: `1300000000.5`). Times without a zone are taken as UTC (wirelens shows UTC, as tshark with TZ=UTC).
 */
export function parseAbsTime(s0: string): NsTime | undefined {
  const s = s0.trim();
  const ep = /^(\d+)(?:\.(\d{1,9}))?$/.exec(s);
  if (ep) return { sec: Number(ep[1]), nsec: fracToNs(ep[2]) };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(s);
  let y: number, mo: number, d: number, h: number, mi: number, se: number, frac: string | undefined, zone: string | undefined;
  if (m) {
    y = +m[1]!; mo = +m[2]! - 1; d = +m[3]!; h = +(m[4] ?? 0); mi = +(m[5] ?? 0); se = +(m[6] ?? 0); frac = m[7]; zone = m[8];
  } else {
    m = /^([A-Za-z]{3})\s+(\d{1,2}),\s*(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(s);
    if (!m) return undefined;
    const mon = MONTHS.indexOf(m[1]!.toLowerCase());
    if (mon < 0) return undefined;
    y = +m[3]!; mo = mon; d = +m[2]!; h = +(m[4] ?? 0); mi = +(m[5] ?? 0); se = +(m[6] ?? 0); frac = m[7]; zone = m[8];
  }
  if (mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return undefined;
  let sec = Date.UTC(y, mo, d, h, mi, se) / 1000;
  if (zone && /^[+-]/.test(zone)) {
    const z = zone.replace(':', '');
    const off = (+z.slice(1, 3) * 3600 + +z.slice(3, 5) * 60) * (z[0] === '-' ? -1 : 1);
    sec -= off;
  }
  return { sec, nsec: fracToNs(frac) };
}

/** Relative time in seconds (`0.5`, `-1.25`, `3`) as NsTime. */
export function parseRelTime(s: string): NsTime | undefined {
  const m = /^(-)?(\d*)(?:\.(\d{0,9})\d*)?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return undefined;
  let sec = Number(m[2] || '0');
  let nsec = fracToNs(m[3]);
  if (m[1]) {
    if (nsec > 0) { sec = -sec - 1; nsec = 1e9 - nsec; } else sec = -sec;
  }
  return { sec, nsec };
}

/** UTF-8 bytes of a string (no TextEncoder: the platform-neutral build has no DOM/Node types). */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    cp = 0;
  }
  return Uint8Array.from(out);
}

/** Bytes as a string of code points 0-255 (what `matches` sees for byte values). */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}
