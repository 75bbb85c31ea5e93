// Turning tree items into text: the -T fields / -e value form and the -V label form.
// Both follow tshark's output (learned from `tshark -T fields` and `tshark -V`).

import { Base, FT, fields, isIntegerType, valueName, type Field } from './field.js';
import { ItemFlag, TEXT_FIELD, type Tree } from './tree.js';
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

/**
 * A direct-mapped cache of recent IPv4 texts (a pure function's results, not capture state): the
 * address columns of a capture repeat a few hosts, and each text cost several temporaries.
 */
const V4_SLOTS = 1024;
const v4Keys = new Int32Array(V4_SLOTS);
const v4Texts: string[] = new Array<string>(V4_SLOTS).fill('');

export function formatIPv4(v: number): string {
  const k = v | 0;
  const h = (Math.imul(k, 0x9e3779b1) >>> 22) & (V4_SLOTS - 1);
  const t = v4Texts[h]!;
  if (t !== '' && v4Keys[h] === k) return t;
  const s = `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  v4Keys[h] = k;
  v4Texts[h] = s;
  return s;
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

/** Hex digits in -V labels: a masked field shows as many as its mask is wide (tshark: 20-bit flow label 0x00000). */
function labelHexDigits(f: Field): number {
  if (f.mask === 0) return hexDigits(f);
  let w = f.mask / 2 ** f.shift;
  let bits = 0;
  while (w >= 1) { w = Math.floor(w / 2); bits++; }
  return Math.max(1, Math.ceil(bits / 4));
}

/** Integer in the field's base, without value names: `80`, `0x0800`. (First form only for DEC_HEX/HEX_DEC.) */
export function formatInt(f: Field, v: number | bigint, digits = hexDigits(f)): string {
  switch (f.base) {
    case Base.HEX: case Base.HEX_DEC:
      return typeof v === 'bigint' ? '0x' + v.toString(16).padStart(digits, '0') : hexPad(v < 0 ? v + 2 ** (hexDigits(f) * 4) : v, digits);
    case Base.OCT:
      return '0' + v.toString(8);
    default:
      return String(v);
  }
}

/**
 * tshark's escaping of string values in labels and `-T fields` (format_text): C escapes for
 * \a \b \f \n \r \t \v and the backslash stays as it is; other control characters as
 * `\ooo` octal. Printable text (including non-ASCII characters) is kept. Returns `s` itself
 * when nothing needs escaping (no allocation on the common path).
 */
export function escapeText(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) { out += s[i]; continue; }
    switch (c) {
      case 7: out += '\\a'; break;
      case 8: out += '\\b'; break;
      case 9: out += '\\t'; break;
      case 10: out += '\\n'; break;
      case 11: out += '\\v'; break;
      case 12: out += '\\f'; break;
      case 13: out += '\\r'; break;
      default: out += '\\' + c.toString(8).padStart(3, '0');
    }
  }
  return out;
}

/** C's `%.<prec>g` (what tshark uses for FT_FLOAT with 6 and FT_DOUBLE with 15 digits). */
export function formatG(v: number, prec: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const e = Math.floor(Math.log10(Math.abs(v)));
  // toExponential gives the correctly rounded mantissa and the real exponent after rounding
  const ex = v.toExponential(prec - 1);
  const k = ex.indexOf('e');
  const exp = Number(ex.slice(k + 1));
  void e;
  if (exp < -4 || exp >= prec) {
    let m = ex.slice(0, k);
    if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    const a = Math.abs(exp);
    return `${m}e${exp < 0 ? '-' : '+'}${a < 10 ? '0' + a : a}`;
  }
  let f = v.toFixed(Math.max(0, prec - 1 - exp));
  if (f.includes('.')) f = f.replace(/0+$/, '').replace(/\.$/, '');
  return f;
}

function isTextItem(t: Tree, i: number): boolean {
  return t.fid[i] === TEXT_FIELD;
}

/** The label text of an item whose label was set or appended to (proto_item_set_text/append_text), else undefined. */
function customLabel(t: Tree, i: number): string | undefined {
  if (t.label[i] === undefined && t.suffix[i] === undefined) return undefined;
  return itemLabel(t, i);
}

function bytesOf(t: Tree, i: number): Uint8Array {
  const s = t.sources[t.src[i]!]!;
  const a = s.base + t.start[i]!;
  // never past the captured bytes of the source
  const e = Math.min(a + Math.max(t.len[i]!, 0), s.base + s.len);
  return s.buf.subarray(a, Math.max(a, e));
}

function valueText(t: Tree, i: number, f: Field, sep: string): string {
  const v = t.value(i);
  switch (f.type) {
    case FT.BOOLEAN:
      return v ? '1' : '0';
    case FT.IPv4:
      return typeof v === 'number' ? formatIPv4(v) : String(v ?? '');
    case FT.IPv6:
      return v instanceof Uint8Array ? formatIPv6(v) : String(v ?? '');
    case FT.ETHER:
      return v instanceof Uint8Array ? formatMac(v) : String(v ?? '');
    case FT.EUI64:
      return v instanceof Uint8Array ? hexBytes(v, ':') : String(v ?? '');
    case FT.BYTES: case FT.UINT_BYTES:
      return v instanceof Uint8Array ? hexBytes(v, sep) : typeof v === 'string' ? v : String(v ?? '');
    case FT.ABSOLUTE_TIME:
      return v === undefined ? '' : formatAbsTime(v as NsTime);
    case FT.RELATIVE_TIME:
      return v === undefined ? '' : formatSecNsec(v as NsTime);
    case FT.FLOAT:
      return formatG(v as number, 6);
    case FT.DOUBLE:
      return formatG(v as number, 15);
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING:
      return v === undefined ? '' : String(v);
    default:
      if (isIntegerType(f.type)) return v === undefined ? '' : formatInt(f, v as number | bigint);
      return v instanceof Uint8Array ? hexBytes(v, sep) : String(v ?? '');
  }
}

/**
 * The -T fields / -e text of item i, as tshark 4.0 prints it: text items give their label;
 * protocols their label when one was set (`Internet Protocol Version 4, Src: …`), else their filter
 * name at the top level and their bytes in hex below it (TCP options); FT_NONE gives "1";
 * integers their number in the field's base (value names are not used); booleans 1/0; bytes plain
 * hex; strings with tshark's escaping.
 */
export function fieldText(t: Tree, i: number): string {
  if (isTextItem(t, i)) return itemLabel(t, i);
  const f = fields[t.fid[i]!]!;
  switch (f.type) {
    case FT.PROTOCOL: {
      const c = customLabel(t, i);
      if (c !== undefined) return c;
      // a layer gives its name; a protocol inside a layer (TCP options) its bytes. In a partial
      // tree (-e) parents may not be built: tell them apart by name (options are dotted).
      if (t.full ? t.parent[i] === -1 : !f.abbrev.includes('.')) return f.abbrev;
      return hexBytes(bytesOf(t, i));
    }
    case FT.NONE:
      return '1';
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING:
      return escapeText(valueText(t, i, f, ''));
    default:
      return valueText(t, i, f, '');
  }
}

/**
 * The `-T json` value text of item i (without the JSON quoting): like -T fields except bytes are
 * colon-separated, FT_NONE/protocol items without children are "" and strings are not escaped
 * (JSON escaping is the printer's).
 */
export function jsonText(t: Tree, i: number): string {
  if (isTextItem(t, i)) return '';
  const f = fields[t.fid[i]!]!;
  switch (f.type) {
    case FT.PROTOCOL: {
      // top-level layers and generated ones (expert info) are objects; protocols nested in a
      // layer (TCP options) show their bytes
      if (t.parent[i] === -1 || (t.flags[i]! & ItemFlag.GENERATED) !== 0) return '';
      return hexBytes(bytesOf(t, i), ':');
    }
    case FT.NONE:
      return '';
    default:
      return valueText(t, i, f, ':');
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

/** Bytes in a -V label: at most 36 bytes, then an ellipsis (tshark's label form). */
function labelBytes(b: Uint8Array, sep: string): string {
  if (b.length === 0) return '<MISSING>';
  return b.length > 36 ? hexBytes(b.subarray(0, 36), sep) + '\u2026' : hexBytes(b, sep);
}

function sepOf(f: Field): string {
  switch (f.base) {
    case Base.SEP_COLON: return ':';
    case Base.SEP_DASH: return '-';
    case Base.SEP_DOT: return '.';
    case Base.SEP_SPACE: return ' ';
    default: return '';
  }
}

/** The value part of a -V label: `IPv4 (0x0800)`, `Set`, `1460`, `0xdf8e (57230)`. */
export function displayValue(t: Tree, i: number): string {
  const f = fields[t.fid[i]!]!;
  const v = t.value(i);
  if (f.type === FT.BOOLEAN) return v ? f.tfs![0] : f.tfs![1];
  if (isIntegerType(f.type)) {
    const n = v as number | bigint;
    const ld = labelHexDigits(f);
    let num: string;
    switch (f.base) {
      case Base.DEC_HEX: num = `${n} (${formatInt({ ...f, base: Base.HEX }, n, ld)})`; break;
      case Base.HEX_DEC: num = `${formatInt(f, n, ld)} (${n})`; break;
      default: num = formatInt(f, n, ld) + (f.unit ?? '');
    }
    const name = typeof n === 'number' ? valueName(f, n) : undefined;
    // BASE_NONE with value names shows the name alone ("[Checksum Status: Good]")
    if (name !== undefined && f.base === Base.NONE) return name;
    if (name !== undefined) return `${name} (${f.base === Base.DEC_HEX || f.base === Base.HEX_DEC ? formatInt(f, n, ld) : num})`;
    // a value missing from the names is "Unknown (N)", as tshark prints it
    if (f.vals !== undefined || f.ranges !== undefined) return `Unknown (${f.base === Base.DEC_HEX || f.base === Base.HEX_DEC ? formatInt(f, n, ld) : num})`;
    return num;
  }
  switch (f.type) {
    case FT.ABSOLUTE_TIME: return v === undefined ? '' : formatAbsTime(v as NsTime);
    case FT.RELATIVE_TIME: return v === undefined ? '' : formatSecNsec(v as NsTime) + ' seconds';
    case FT.BYTES: case FT.UINT_BYTES:
      return v instanceof Uint8Array ? labelBytes(v, sepOf(f)) : String(v ?? '');
    case FT.STRING: case FT.STRINGZ: case FT.UINT_STRING:
      return v === undefined ? '' : escapeText(String(v));
    case FT.FLOAT: return formatG(v as number, 6);
    case FT.DOUBLE: return formatG(v as number, 15);
    default: return valueText(t, i, f, '');
  }
}

/**
 * tshark cuts long labels (measured on its output): " [truncated]" goes after the field name
 * ("Name [truncated]: value") or before a label given with the item (text items,
 * dissector-formatted labels: " [truncated]text", leading space included) and the result is cut
 * at 238 UTF-8 bytes; a label that was appended to afterwards is only cut, at 239.
 */
const MAX_LABEL = 239;

/** `s` cut to at most `max` UTF-8 bytes, at a character boundary. */
function clipLabel(s: string, max = MAX_LABEL): string {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let n: number;
    if (c < 0x80) n = 1;
    else if (c < 0x800) n = 2;
    else if (c >= 0xd800 && c <= 0xdbff) n = 4;
    else if (c >= 0xdc00 && c <= 0xdfff) n = 0;
    else n = 3;
    if (bytes + n > max) return s.slice(0, i);
    bytes += n;
  }
  return s;
}

/**
 * The whole -V label of item i (without the [ ] of generated items). Long labels are cut as
 * tshark cuts them (see MAX_LABEL).
 */
export function itemLabel(t: Tree, i: number): string {
  const custom = t.label[i];
  let s: string;
  let named = '';
  if (custom !== undefined) s = custom;
  else {
    const f = fields[t.fid[i]!]!;
    if (f.type === FT.NONE || f.type === FT.PROTOCOL) s = f.name;
    else {
      named = f.name;
      s = `${f.name}: ${displayValue(t, i)}`;
      if (f.mask !== 0 && f.bits > 0) {
        const raw = (t.num[i]!) * 2 ** f.shift;
        s = `${bitPattern(f.mask, f.bits, raw)} = ${s}`;
        named = '';
      }
    }
  }
  const suf = t.suffix[i];
  if (suf !== undefined) s += suf;
  if (s.length <= 79) return s; // at most 3 bytes per UTF-16 unit: cannot exceed the limit
  const clipped = clipLabel(s);
  if (clipped === s) return s;
  if (suf !== undefined) return clipped;
  if (named !== '') return clipLabel(`${named} [truncated]: ${s.slice(named.length + 2)}`, MAX_LABEL - 1);
  return clipLabel(' [truncated]' + s, MAX_LABEL - 1);
}
