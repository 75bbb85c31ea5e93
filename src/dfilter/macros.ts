// Display-filter macros, as Wireshark's `dmacros` file defines them: a name and a text in which
// `$1`, `$2` … are replaced by the arguments. Used as `$name(arg1, arg2)` (Wireshark 4.2+) or
// `${name:arg1;arg2}` (older form); `${name}` is a macro only when one of that name exists,
// otherwise it stays a field reference. Expansion is textual and runs before scanning.

import { DfError } from './scanner.js';

const MAX_DEPTH = 16;

/** Parses the contents of a `dmacros` file: lines of `"name","text"` (UAT CSV; `#` comments). */
export function parseMacroFile(content: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of content.split(/\r?\n/)) {
    const l = line.trim();
    if (!l || l.startsWith('#')) continue;
    const m = /^"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"/.exec(l);
    if (!m) continue;
    const unq = (s: string): string => s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, '$1');
    out.set(unq(m[1]!), unq(m[2]!));
  }
  return out;
}

function substitute(body: string, args: string[]): string {
  return body.replace(/\$(\d+)/g, (all, d: string) => {
    const i = Number(d) - 1;
    return i >= 0 && i < args.length ? args[i]! : all;
  });
}

/** Splits macro arguments on `sep` outside quotes and brackets. */
function splitArgs(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0, q = false, cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      cur += c;
      if (c === '\\' && i + 1 < s.length) cur += s[++i];
      else if (c === '"') q = false;
      continue;
    }
    if (c === '"') q = true;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === sep && depth === 0) { out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim() !== '' || out.length) out.push(cur.trim());
  return out;
}

/** Expands macros in a filter text. Throws DfError for an unknown macro. Strings are left alone. */
export function expandMacros(text: string, macros: ReadonlyMap<string, string> | undefined, depth = 0): string {
  if (text.indexOf('$') < 0) return text;
  if (depth > MAX_DEPTH) throw new DfError('Macro expansion is too deep (recursive macro?)', 0, text.length);
  let out = '';
  let i = 0;
  let changed = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      // copy strings verbatim
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c !== '$') { out += c; i++; continue; }
    const m1 = /^\$\{([A-Za-z0-9_.-]+)(?::([^}]*))?\}/.exec(text.slice(i));
    if (m1) {
      const name = m1[1]!;
      const body = macros?.get(name);
      if (m1[2] === undefined && body === undefined) { out += m1[0]; i += m1[0].length; continue; } // field reference
      if (body === undefined) throw new DfError(`Macro '${name}' does not exist`, i, i + m1[0].length);
      out += substitute(body, m1[2] === undefined ? [] : splitArgs(m1[2], ';'));
      i += m1[0].length;
      changed = true;
      continue;
    }
    const m2 = /^\$([A-Za-z_][A-Za-z0-9_]*)\(/.exec(text.slice(i));
    if (m2) {
      const name = m2[1]!;
      // find the matching parenthesis
      let j = i + m2[0].length, d = 1, q = false;
      for (; j < text.length && d > 0; j++) {
        const ch = text[j]!;
        if (q) { if (ch === '\\') j++; else if (ch === '"') q = false; continue; }
        if (ch === '"') q = true;
        else if (ch === '(') d++;
        else if (ch === ')') d--;
      }
      if (d !== 0) throw new DfError('Unexpected end of filter expression.', text.length, text.length);
      const body = macros?.get(name);
      if (body === undefined) throw new DfError(`Macro '${name}' does not exist`, i, j);
      out += substitute(body, splitArgs(text.slice(i + m2[0].length, j - 1), ','));
      i = j;
      changed = true;
      continue;
    }
    const m3 = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    if (m3 && macros?.has(m3[1]!)) {
      out += macros.get(m3[1]!)!;
      i += m3[0].length;
      changed = true;
      continue;
    }
    out += c;
    i++;
  }
  return changed ? expandMacros(out, macros, depth + 1) : out;
}
