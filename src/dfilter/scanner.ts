// Display-filter scanner: text → tokens with spans (character offsets into the filter text).
// Hand-written, one pass, no regular expressions on the hot part. Errors are DfError values with
// tshark's message and the span tshark underlines.
//
// Words: an unquoted run such as `ip.src`, `1.2.3.4`, `00:1b:21`, `::1`, `ff-ff`, `tcp.len-1` is one
// WORD token; whether it names a field or is a literal is decided later (semcheck), as in Wireshark.
// A `:` continues a word only while the word so far looks like hex bytes or an IPv6 address
// (`zz:zz` is `zz` then an unexpected `:`, as tshark reports). `..` ends a word (set ranges).
// Inside `[ … ]` after a value (slices) and after `#` (layers) the scanner switches to range mode.

export const enum T {
  EOF, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, DOTDOT,
  EQ, NE, ALL_EQ, ANY_NE, GT, GE, LT, LE, CONTAINS, MATCHES, BITAND,
  AND, OR, XOR, NOT, IN, ANY, ALL,
  PLUS, MINUS, STAR, SLASH, PERCENT,
  HASH, AT, FIELDREF,
  WORD, STRING, CHAR,
  /** in range mode: an integer (possibly negative) */
  RINT, COLON,
}

export interface Token {
  kind: T;
  start: number;
  end: number;
  /** the source text of the token */
  text: string;
  /** STRING/CHAR: decoded value; FIELDREF: the field name */
  str?: string;
  /** STRING: the decoded bytes (\x escapes give raw bytes, other characters UTF-8) */
  bytes?: Uint8Array;
  /** STRING: r"…" */
  raw?: boolean;
  /** RINT */
  num?: number;
}

export class DfError extends Error {
  constructor(message: string, readonly start: number, readonly end: number) {
    super(message);
  }
}

/** The message tshark gives when the filter stops early. Its span is empty (tshark draws no caret). */
export const MSG_EOF = 'Unexpected end of filter expression.';

const KEYWORDS: ReadonlyMap<string, T> = new Map([
  ['and', T.AND], ['or', T.OR], ['xor', T.XOR], ['not', T.NOT], ['in', T.IN],
  ['any', T.ANY], ['all', T.ALL], ['contains', T.CONTAINS], ['matches', T.MATCHES],
  ['eq', T.EQ], ['ne', T.NE], ['all_eq', T.ALL_EQ], ['any_ne', T.ANY_NE],
  ['gt', T.GT], ['ge', T.GE], ['lt', T.LT], ['le', T.LE], ['bitand', T.BITAND],
]);

function isWordStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 46 /* . */ || c === 58 /* : */;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || c === 45 /* - */;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function utf8(cp: number, out: number[]): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** Tokenizes the whole filter. Throws DfError (compile time only; matching never throws). */
export function scan(text: string): Token[] {
  const toks: Token[] = [];
  const n = text.length;
  let i = 0;
  /** depth of range mode: set after `[` that follows a value, or `#[` */
  let rangeMode = false;

  const at = (k: number): number => (k < n ? text.charCodeAt(k) : -1);
  const push = (kind: T, start: number, end: number): Token => {
    const t: Token = { kind, start, end, text: text.slice(start, end) };
    toks.push(t);
    return t;
  };
  const prevIsValue = (): boolean => {
    const p = toks[toks.length - 1];
    if (!p) return false;
    return p.kind === T.WORD || p.kind === T.STRING || p.kind === T.RPAREN || p.kind === T.RBRACKET
      || p.kind === T.FIELDREF || p.kind === T.RBRACE || p.kind === T.CHAR || p.kind === T.RINT;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    const s = i;
    if (rangeMode) {
      if (c === 93 /* ] */) { push(T.RBRACKET, s, ++i); rangeMode = false; continue; }
      if (c === 58) { push(T.COLON, s, ++i); continue; }
      if (c === 44) { push(T.COMMA, s, ++i); continue; }
      if (c === 45 || (c >= 48 && c <= 57)) {
        // an integer; `-` is a sign at the start of a range item or after `:`/`,`, else the `i-j` separator
        const p = toks[toks.length - 1]!;
        const signOk = p.kind === T.LBRACKET || p.kind === T.COLON || p.kind === T.COMMA;
        if (c === 45 && !signOk) { push(T.MINUS, s, ++i); continue; }
        i++;
        while (i < n && at(i) >= 48 && at(i) <= 57) i++;
        const t = push(T.RINT, s, i);
        t.num = Number(t.text);
        if (!Number.isFinite(t.num) || t.text === '-') throw new DfError(`"${t.text}" was unexpected in this context.`, s, i);
        continue;
      }
      // anything else inside a range: let the parser report it
      while (i < n && !isSpace(at(i)) && at(i) !== 93) i++;
      push(T.WORD, s, i);
      continue;
    }
    switch (c) {
      case 40: push(T.LPAREN, s, ++i); continue;
      case 41: push(T.RPAREN, s, ++i); continue;
      case 123: push(T.LBRACE, s, ++i); continue;
      case 125: push(T.RBRACE, s, ++i); continue;
      case 91: {
        // a slice follows a value; `#[` a layer range
        const p = toks[toks.length - 1];
        const afterValue = prevIsValue();
        push(T.LBRACKET, s, ++i);
        if (p && (afterValue || p.kind === T.HASH)) rangeMode = true;
        continue;
      }
      case 93: push(T.RBRACKET, s, ++i); continue;
      case 44: push(T.COMMA, s, ++i); continue;
      case 43: push(T.PLUS, s, ++i); continue;
      case 42: push(T.STAR, s, ++i); continue;
      case 47: push(T.SLASH, s, ++i); continue;
      case 37: push(T.PERCENT, s, ++i); continue;
      case 64: push(T.AT, s, ++i); continue;
      case 45: push(T.MINUS, s, ++i); continue;
      case 46:
        if (at(i + 1) === 46) { i += 2; push(T.DOTDOT, s, i); continue; }
        break;
      case 35: {
        // layer: #2 or #[1-2]
        push(T.HASH, s, ++i);
        if (at(i) >= 48 && at(i) <= 57) {
          const b = i;
          while (i < n && at(i) >= 48 && at(i) <= 57) i++;
          const t = push(T.RINT, b, i);
          t.num = Number(t.text);
        }
        continue;
      }
      case 61: // =
        if (at(i + 1) === 61) {
          if (at(i + 2) === 61) { i += 3; push(T.ALL_EQ, s, i); } else { i += 2; push(T.EQ, s, i); }
          continue;
        }
        throw new DfError('"=" was unexpected in this context.', s, s + 1);
      case 33: // !
        if (at(i + 1) === 61) {
          if (at(i + 2) === 61) { i += 3; push(T.ANY_NE, s, i); } else { i += 2; push(T.NE, s, i); }
        } else push(T.NOT, s, ++i);
        continue;
      case 126: // ~ ~=
        if (at(i + 1) === 61) { i += 2; push(T.ANY_NE, s, i); } else push(T.MATCHES, s, ++i);
        continue;
      case 62: if (at(i + 1) === 61) { i += 2; push(T.GE, s, i); } else push(T.GT, s, ++i); continue;
      case 60: if (at(i + 1) === 61) { i += 2; push(T.LE, s, i); } else push(T.LT, s, ++i); continue;
      case 38: if (at(i + 1) === 38) { i += 2; push(T.AND, s, i); } else push(T.BITAND, s, ++i); continue;
      case 124:
        if (at(i + 1) === 124) { i += 2; push(T.OR, s, i); continue; }
        throw new DfError('"|" was unexpected in this context.', s, s + 1);
      case 94:
        if (at(i + 1) === 94) { i += 2; push(T.XOR, s, i); continue; }
        throw new DfError('"^" was unexpected in this context.', s, s + 1);
      case 36: { // ${field}
        if (at(i + 1) === 123) {
          const close = text.indexOf('}', i + 2);
          if (close < 0) throw new DfError(MSG_EOF, n, n);
          i = close + 1;
          const t = push(T.FIELDREF, s, i);
          t.str = text.slice(s + 2, close).trim();
          continue;
        }
        throw new DfError('"$" was unexpected in this context.', s, s + 1);
      }
      case 34: { // "…"
        i = scanString(text, s, false, toks);
        continue;
      }
      case 39: { // 'c'
        i = scanChar(text, s, toks);
        continue;
      }
      default:
        break;
    }
    if ((c === 114 || c === 82) && at(i + 1) === 34) { // r"…"
      i = scanString(text, s, true, toks);
      continue;
    }
    if (c === 58 && at(i + 1) !== 58) throw new DfError('":" was unexpected in this context.', s, s + 1);
    if (isWordStart(c)) {
      // a word; `:` continues it only while it looks like hex bytes / IPv6 so far
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 46 && at(i + 1) === 46) break; // `..`
        if (d === 58) {
          let ok = true;
          for (let k = s; k < i; k++) {
            const e = text.charCodeAt(k);
            if (!(isHex(e) || e === 58 || e === 46)) { ok = false; break; }
          }
          if (!ok) break;
          i++;
          continue;
        }
        if (!isWordChar(d)) break;
        i++;
      }
      // a word does not end with '.' (`1.2.3.` is `1.2.3` then an unexpected `.`, as tshark says)
      while (i - s > 1 && text.charCodeAt(i - 1) === 46) i--;
      if (i - s === 1 && c === 46) throw new DfError('"." was unexpected in this context.', s, s + 1);
      const t = push(T.WORD, s, i);
      const kw = KEYWORDS.get(t.text.toLowerCase());
      if (kw !== undefined) t.kind = kw;
      continue;
    }
    throw new DfError(`"${String.fromCodePoint(text.codePointAt(i)!)}" was unexpected in this context.`, s, s + 1);
  }
  push(T.EOF, n, n);
  return toks;
}

/** Scans "…" (or r"…" when raw) starting at s; pushes a STRING token; returns the index after it. */
function scanString(text: string, s: number, raw: boolean, toks: Token[]): number {
  const n = text.length;
  let i = s + (raw ? 2 : 1);
  let str = '';
  const bytes: number[] = [];
  for (;;) {
    if (i >= n) throw new DfError('The final quote was missing from a quoted string.', n, n + 1);
    const c = text.charCodeAt(i);
    if (c === 34) { i++; break; }
    if (c === 92 /* \ */) {
      if (raw) {
        // raw strings keep the backslash; \" does not end the string
        const d = i + 1 < n ? text.charCodeAt(i + 1) : -1;
        str += '\\';
        bytes.push(92);
        i++;
        if (d === 34 || d === 92) { str += String.fromCharCode(d); bytes.push(d); i++; }
        continue;
      }
      i = escape(text, i, (cp, isByte) => {
        str += String.fromCodePoint(cp);
        if (isByte) bytes.push(cp); else utf8(cp, bytes);
      });
      continue;
    }
    const cp = text.codePointAt(i)!;
    str += String.fromCodePoint(cp);
    utf8(cp, bytes);
    i += cp > 0xffff ? 2 : 1;
  }
  toks.push({ kind: T.STRING, start: s, end: i, text: text.slice(s, i), str, bytes: Uint8Array.from(bytes), raw });
  return i;
}

/** Decodes the escape at text[i] === '\\'; calls emit; returns the index after it. */
function escape(text: string, i: number, emit: (cp: number, isByte: boolean) => void): number {
  const n = text.length;
  if (i + 1 >= n) throw new DfError('The final quote was missing from a quoted string.', n, n + 1);
  const d = text.charCodeAt(i + 1);
  const simple: Record<number, number> = { 97: 7, 98: 8, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11, 92: 92, 34: 34, 39: 39 };
  const sv = simple[d];
  if (sv !== undefined) { emit(sv, true); return i + 2; }
  if (d === 120 /* x */) {
    let j = i + 2;
    while (j < n && j < i + 4 && isHex(text.charCodeAt(j))) j++;
    if (j === i + 2) throw new DfError(`${text.slice(i, i + 2)} is not a valid character escape sequence`, i, i + 2);
    emit(parseInt(text.slice(i + 2, j), 16), true);
    return j;
  }
  if (d >= 48 && d <= 55) {
    let j = i + 1;
    while (j < n && j < i + 4 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 55) j++;
    emit(parseInt(text.slice(i + 1, j), 8) & 255, true);
    return j;
  }
  if (d === 117 || d === 85) {
    // \uXXXX, \UXXXXXXXX (Wireshark 4.2+)
    const len = d === 117 ? 4 : 8;
    let j = i + 2;
    while (j < n && j < i + 2 + len && isHex(text.charCodeAt(j))) j++;
    const cp = parseInt(text.slice(i + 2, j), 16);
    if (j !== i + 2 + len || !(cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw new DfError(`${text.slice(i, j)} is not a valid universal character name`, i, j);
    }
    emit(cp, false);
    return j;
  }
  const bad = String.fromCodePoint(text.codePointAt(i + 1)!);
  throw new DfError(`\\${bad} is not a valid character escape sequence`, i, i + 1 + bad.length);
}

function scanChar(text: string, s: number, toks: Token[]): number {
  const n = text.length;
  let i = s + 1;
  let v = -1;
  if (i < n && text.charCodeAt(i) === 92) {
    i = escape(text, i, (cp) => { v = cp; });
  } else if (i < n && text.charCodeAt(i) !== 39) {
    v = text.codePointAt(i)!;
    i += v > 0xffff ? 2 : 1;
  }
  if (i >= n || text.charCodeAt(i) !== 39 || v < 0) {
    // not a character constant: report what tshark reports for a stray quote
    throw new DfError(`"${text.slice(s, Math.min(n, Math.max(i, s + 1)))}" was unexpected in this context.`, s, Math.max(i, s + 1));
  }
  i++;
  toks.push({ kind: T.CHAR, start: s, end: i, text: text.slice(s, i), num: v, str: String.fromCodePoint(v) });
  return i;
}

/** Token kind name for messages of the parser (the token's text is what tshark shows). */
export function tokenText(t: Token): string {
  return t.text;
}
