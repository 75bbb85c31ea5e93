// `tshark -T fields -e … -E …`: one line per packet, one column per -e field. A field present
// several times gives all its values joined by the aggregator (occurrence=a, the default), or
// the first/last one; `_ws.col.<title>` columns give the summary column of that title (tshark
// 4.0 accepts any title and prints nothing for unknown ones). Quoting wraps a non-empty column.

import { fieldByName, fieldCount } from '../../core/field.js';
import { fieldText } from '../../core/format.js';
import type { Packet } from '../../core/packet.js';
import type { Tree } from '../../core/tree.js';
import { columnByTitle } from './summary.js';

export interface FieldsOptions {
  /** column separator (tshark -E separator=, default tab) */
  separator: string;
  /** 'f' first, 'l' last, 'a' all (default) */
  occurrence: 'f' | 'l' | 'a';
  /** between the values of one field with occurrence=a (default ',') */
  aggregator: string;
  /** 'd' double quotes, 's' single quotes, 'n' none (default) */
  quote: 'd' | 's' | 'n';
  header: boolean;
  bom: boolean;
}

export const DEFAULT_FIELDS_OPTIONS: FieldsOptions = {
  separator: '\t', occurrence: 'a', aggregator: ',', quote: 'n', header: false, bom: false,
};

/** The -e columns resolved against the field registry. */
export interface FieldColumns {
  names: readonly string[];
  /** field id per column; -1 for `_ws.col.*` columns */
  fids: Int32Array;
  /** `_ws.col.<title>` title per column (undefined for fields) */
  titles: (string | undefined)[];
  /** Engine `want` for these fields */
  want: Uint8Array;
  /** true when some column is `_ws.col.*` (the dissectors must fill the columns) */
  needsColumns: boolean;
  /** field id → the columns showing it (a field may be asked for twice) */
  byFid: Map<number, number[]>;
}

export type ResolveResult = { ok: true; columns: FieldColumns } | { ok: false; invalid: string[] };

/** Resolves -e names. Unknown names are reported in tshark's order (last given first). */
export function resolveFieldColumns(names: readonly string[]): ResolveResult {
  const fids = new Int32Array(names.length);
  const titles: (string | undefined)[] = [];
  const want = new Uint8Array(fieldCount());
  const byFid = new Map<number, number[]>();
  const invalid: string[] = [];
  let needsColumns = false;
  names.forEach((name, c) => {
    if (name.startsWith('_ws.col.')) {
      fids[c] = -1;
      titles[c] = name.slice(8);
      needsColumns = true;
      return;
    }
    titles[c] = undefined;
    const f = fieldByName(name);
    if (f === undefined) {
      invalid.unshift(name);
      fids[c] = -1;
      return;
    }
    fids[c] = f.id;
    want[f.id] = 1;
    const l = byFid.get(f.id);
    if (l) l.push(c);
    else byFid.set(f.id, [c]);
  });
  if (invalid.length) return { ok: false, invalid };
  return { ok: true, columns: { names, fids, titles, want, needsColumns, byFid } };
}

/** tshark's message for invalid -e fields (without the program-name prefix), exit code 1. */
export function invalidFieldsMessage(invalid: readonly string[]): string {
  return 'Some fields aren\'t valid:\n' + invalid.map((n) => '\t' + n + '\n').join('');
}

/** Values of each column's field in tree order, formatted by `fmt` (field columns only). */
export function collectValues(p: Packet, cols: FieldColumns, fmt: (t: Tree, i: number) => string): string[][] {
  const out: string[][] = [];
  for (let c = 0; c < cols.names.length; c++) out.push([]);
  const t = p.tree;
  const byFid = cols.byFid;
  for (let i = 0; i < t.n; i++) {
    const l = byFid.get(t.fid[i]!);
    if (l === undefined) continue;
    const s = fmt(t, i);
    for (const c of l) out[c]!.push(s);
  }
  return out;
}

/** The header line (field names), without the newline. */
export function fieldsHeader(cols: FieldColumns, o: FieldsOptions): string {
  return cols.names.join(o.separator);
}

/**
 * One -T fields row for `p` (without the newline). `time` is the Time column text, needed only for
 * `_ws.col.Time`.
 */
export function fieldsRow(p: Packet, cols: FieldColumns, o: FieldsOptions = DEFAULT_FIELDS_OPTIONS, time = ''): string {
  const vals = collectValues(p, cols, fieldText);
  const q = o.quote === 'd' ? '"' : o.quote === 's' ? "'" : '';
  let line = '';
  for (let c = 0; c < cols.names.length; c++) {
    let s: string;
    const title = cols.titles[c];
    if (title !== undefined) s = columnByTitle(title, p, time);
    else {
      const v = vals[c]!;
      if (v.length === 0) s = '';
      else if (o.occurrence === 'f') s = v[0]!;
      else if (o.occurrence === 'l') s = v[v.length - 1]!;
      else s = v.length === 1 ? v[0]! : v.join(o.aggregator);
    }
    if (c) line += o.separator;
    line += q && s !== '' ? q + s + q : s;
  }
  return line;
}

/** Parses one `-E key=value`; returns an error text (tshark's) or undefined. */
export function applyFieldsOption(o: FieldsOptions, arg: string): boolean {
  const eq = arg.indexOf('=');
  if (eq < 0) return false;
  const k = arg.slice(0, eq);
  const v = arg.slice(eq + 1);
  const sepVal = (x: string): string | undefined => (x === '/t' ? '\t' : x === '/s' ? ' ' : x.length ? x : undefined);
  switch (k) {
    case 'header': case 'bom': {
      const y = v === 'y' || v === 'Y';
      if (!y && v !== 'n' && v !== 'N') return false;
      if (k === 'header') o.header = y;
      else o.bom = y;
      return true;
    }
    case 'separator': {
      const s = sepVal(v);
      if (s === undefined) return false;
      o.separator = s;
      return true;
    }
    case 'aggregator': {
      const s = v === ',' ? ',' : sepVal(v);
      if (s === undefined) return false;
      o.aggregator = s;
      return true;
    }
    case 'occurrence':
      if (v !== 'f' && v !== 'l' && v !== 'a') return false;
      o.occurrence = v;
      return true;
    case 'quote':
      if (v !== 'd' && v !== 's' && v !== 'n') return false;
      o.quote = v;
      return true;
    default:
      return false;
  }
}

/** tshark's help for -E, printed after a bad `-E` (on stderr). */
export const FIELDS_OPTIONS_HELP = `The available options for field output "E" are:
bom=y|n    Prepend output with the UTF-8 BOM (def: N: no)
header=y|n    Print field abbreviations as first line of output (def: N: no)
separator=/t|/s|<character>   Set the separator to use;
     "/t" = tab, "/s" = space (def: /t: tab)
occurrence=f|l|a  Select the occurrence of a field to use;
     "f" = first, "l" = last, "a" = all (def: a: all)
aggregator=,|/s|<character>   Set the aggregator to use;
     "," = comma, "/s" = space (def: ,: comma)
quote=d|s|n   Print either d: double-quotes, s: single quotes or 
     n: no quotes around field values (def: n: none)
`;
