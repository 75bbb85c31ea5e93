// Turning tree items into text: the -T fields / -e value form and the -V label form.
// Both follow tshark's output (learned from `tshark -T fields` and `tshark -V`).

import { Base, FT, fields, isIntegerType, valueName, type Field } from './field.js';
import { ItemFlag, type Tree } from './tree.js';
import { formatAbsTime, formatSecNsec, type NsTime } from './time.js';

const HEX = '0123456789abcdef';

export function hexBytes(b: Uint8Array, sep = ''): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    if (i && sep) s += sep;
    const x = b[i]!;
    s += HEX[x >> 4]! + HEX[x & 15]!;
  }
  return s;
}

export function formatMac(b: Uint8Array, off = 0): string {
  let s = '';
  for (let i = 0; i < 6; i++) {
    const x = b[off + i]!;
    s += (i ? ':' : '') + HEX[x >> 4]! + HEX[x & 15]!;
  }
  return s;
}

export function formatIPv4(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** RFC 5952 text of 16 bytes at `off` (longest run of ≥ 2 zero groups compressed; IPv4-mapped shown dotted). */
export function formatIPv6(b: Uint8Array, off = 0): string {
  const g = new Array<number>(8);
  for (let i = 0; i < 8; i++) g[i] = (b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!;
  let bestS = -1, bestL = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestL && j - i >= 2) { bestS = i; bestL = j - i; }
    i = j;
  }
  // ::ffff:a.b.c.d and ::a.b.c.d (deprecated compatible) are shown with a dotted tail, as inet_ntop does
  const dotted = bestS === 0 && ((bestL === 5 && g[5] === 0xffff) || (bestL === 6 && g[6] !== 0) || (bestL === 4 && g[4] === 0xffff && g[5] === 0 && false));
  if (dotted) {
    const tail = `${b[off + 12]}.${b[off + 13]}.${b[off + 14]}.${b[off + 15]}`;
    return bestL === 5 ? `::ffff:${tail}` : `::${tail}`;
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestS) { s += '::'; i += bestL - 1; continue; }
    if (s && !s.endsWith(':')) s += ':';
    s += g[i]!.toString(16);
  }
  return s;
}

function hexPad(v: number, digits: number): string {
  const s = v.toString(16);
  return '0x' + (s.length >= digits ? s : '0'.repeat(digits - s.length) + s);
}

/** Hex digits tshark uses for a field: from the type's width (masked fields too). */
function hexDigits(f: Field): number {
  switch (f.type) {
    case FT.UINT8: case FT.INT8: case FT.CHAR: return 2;
    case FT.UINT16: case FT.INT16: return 4;
    case FT.UINT24: case FT.INT24: return 6;
    case FT.UINT32: case FT.INT32: return 8;
    case FT.UINT40: case FT.INT40: return 10;
    case FT.UINT48: case FT.INT48: return 12;
    case FT.UINT56: case FT.INT56: return 14;
    default: return 16;
  }
}

/** Integer in the field's base, without value names: `80`, `0x0800`. (First form only for DEC_HEX/HEX_DEC.) */
export function formatInt(f: Field, v: number | bigint): string {
  switch (f.base) {
    case Base.HEX: case Base.HEX_DEC:
      return typeof v === 'bigint' ? '0x' + v.toString(16).padStart(hexDigits(f), '0') : hexPad(v < 0 ? v + 2 ** hexDigits(f) * 4 : v, hexDigits(f));
    case Base.OCT:
      return '0' + v.toString(8);
    default:
      return String(v);
  }
}

/** The -T fields / -e text of item i. */
export function fieldText(t: Tree, i: number): string {
  const f = fields[t.fid[i]!]!;
  const v = t.value(i);
  switch (f.type) {
    case FT.NONE: case FT.PROTOCOL: {
      if (t.len[i]! > 0 && !(t.flags[i]! & ItemFlag.GENERATED)) {
        const s = t.sources[t.src[i]!]!;
        const a = s.base + t.start[i]!;
        return hexBytes(s.buf.subarray(a, a + t.len[i]!));
      }
      return '1';
    }
    case FT.BOOLEAN:
      return v ? '1' : '0';
    case FT.IPv4:
      return formatIPv4(v as number);
    case FT.IPv6:
      return v instanceof Uint8Array ? formatIPv6(v) : String(v);
    case FT.ETHER:
      return v instanceof Uint8Array ? formatMac(v) : String(v);
    case FT.BYTES: case FT.UINT_BYTES:
      return v instanceof Uint8Array
        ? hexBytes(v, f.base === Base.SEP_COLON ? ':' : f.base === Base.SEP_DASH ? '-' : f.base === Base.SEP_DOT ? '.' : f.base === Base.SEP_SPACE ? ' ' : '')
        : String(v ?? '');
    case FT.ABSOLUTE_TIME:
      return formatAbsTime(v as NsTime);
    case FT.RELATIVE_TIME:
      return formatSecNsec(v as NsTime);
    case FT.FLOAT: case FT.DOUBLE:
      return String(v);
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING:
      return String(v ?? '');
    default:
      if (isIntegerType(f.type)) return formatInt(f, v as number | bigint);
      return v instanceof Uint8Array ? hexBytes(v) : String(v ?? '');
  }
}

/** `..1. ....` bit pattern of a masked field over `bits` bits, grouped by 4. */
export function bitPattern(mask: number, bits: number, value: number): string {
  let s = '';
  for (let b = bits - 1; b >= 0; b--) {
    const m = 2 ** b;
    const inMask = Math.floor(mask / m) % 2 === 1;
    s += inMask ? (Math.floor(value / m) % 2 === 1 ? '1' : '0') : '.';
    if (b > 0 && b % 4 === 0) s += ' ';
  }
  return s;
}

/** The value part of a -V label: `IPv4 (0x0800)`, `Set`, `1460`, `0xdf8e (57230)`. */
export function displayValue(t: Tree, i: number): string {
  const f = fields[t.fid[i]!]!;
  const v = t.value(i);
  if (f.type === FT.BOOLEAN) return v ? f.tfs![0] : f.tfs![1];
  if (isIntegerType(f.type)) {
    const n = v as number | bigint;
    let num: string;
    switch (f.base) {
      case Base.DEC_HEX: num = `${n} (${formatInt({ ...f, base: Base.HEX }, n)})`; break;
      case Base.HEX_DEC: num = `${formatInt(f, n)} (${n})`; break;
      default: num = formatInt(f, n) + (f.unit ?? '');
    }
    const name = typeof n === 'number' ? valueName(f, n) : undefined;
    if (name !== undefined) return `${name} (${f.base === Base.DEC_HEX || f.base === Base.HEX_DEC ? formatInt(f, n) : num})`;
    return num;
  }
  if (f.type === FT.ABSOLUTE_TIME) return formatAbsTime(v as NsTime);
  if (f.type === FT.RELATIVE_TIME) return formatSecNsec(v as NsTime) + ' seconds';
  if (f.type === FT.BYTES && v instanceof Uint8Array) return hexBytes(v, f.base === Base.SEP_COLON ? ':' : '');
  return fieldText(t, i);
}

/** The whole -V label of item i (without the [ ] of generated items). */
export function itemLabel(t: Tree, i: number): string {
  const custom = t.label[i];
  let s: string;
  if (custom !== undefined) s = custom;
  else {
    const f = fields[t.fid[i]!]!;
    if (f.type === FT.NONE || f.type === FT.PROTOCOL) s = f.name;
    else {
      s = `${f.name}: ${displayValue(t, i)}`;
      if (f.mask !== 0 && f.bits > 0) {
        const raw = (t.num[i]!) * 2 ** f.shift;
        s = `${bitPattern(f.mask, f.bits, raw)} = ${s}`;
      }
    }
  }
  const suf = t.suffix[i];
  return suf === undefined ? s : s + suf;
}
