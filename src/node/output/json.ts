// `tshark -T json` (4.0 layout): an array of
//   { "_index": "packets-YYYY-MM-DD", "_type": "doc", "_score": null,
//     "_source": { "layers": { "<proto>": { "<field>": "<value>", "<field>_tree": { … } } } } }
// two spaces of indent per level. Every item is written, hidden and generated ones too; text
// items use their label as key; an item with a value and children gives "x": value then
// "x_tree": {children} (protocols nested in a layer, like TCP options, have their bytes as
// value); layers, FT_NONE, generated protocols and text items with children give "x": {children}.
// Repeated keys stay repeated (tshark 4.0's default); --no-duplicate-keys merges them into arrays.
// With -e, "layers" holds one array of values per field instead.

import { fields, FT, type Field } from '../../core/field.js';
import { fieldText, hexBytes, itemLabel, jsonText } from '../../core/format.js';
import type { Packet } from '../../core/packet.js';
import { ItemFlag, TEXT_FIELD, type Tree } from '../../core/tree.js';
import { TreeLinks } from './verbose.js';
import type { FieldColumns } from './fields.js';
import { collectValues } from './fields.js';

const ESC: string[] = [];
for (let c = 0; c < 0x20; c++) ESC[c] = '\\u' + c.toString(16).padStart(4, '0');
ESC[8] = '\\b'; ESC[9] = '\\t'; ESC[10] = '\\n'; ESC[12] = '\\f'; ESC[13] = '\\r';

/** A JSON string literal (quotes included), escaping as tshark's JSON dumper does. */
export function jsonString(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) break;
  }
  if (i === n) return '"' + s + '"';
  let out = '"' + s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) out += ESC[c];
    else if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else out += s[i];
  }
  return out + '"';
}

function sp(n: number): string {
  return ' '.repeat(n);
}

function p2(n: number): string { return n < 10 ? '0' + n : String(n); }

/** `packets-2012-11-11` from the frame's (local) date. */
export function indexName(sec: number): string {
  const d = new Date(sec * 1000);
  if (Number.isNaN(d.getTime())) return 'packets';
  return `packets-${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
}

/** Streams the JSON array: call begin(), packet() for each, end(). */
export class JsonWriter {
  private n = 0;
  private readonly links = new TreeLinks();

  /**
   * `noDuplicateKeys`: tshark's --no-duplicate-keys (repeated keys merged into arrays);
   * `raw`: -T json -x, a "<key>_raw": [hex, offset, length, mask, type] member before each item
   * that has bytes (not text items, not generated ones).
   */
  constructor(private readonly noDuplicateKeys = false, private readonly raw = false) {}

  begin(): string {
    return '[';
  }

  end(): string {
    return this.n > 0 ? '\n]\n' : ']\n';
  }

  private head(p: Packet): string {
    const pre = this.n++ > 0 ? ',\n' : '\n';
    return `${pre}  {\n    "_index": "${indexName(p.tsSec)}",\n    "_type": "doc",\n    "_score": null,\n    "_source": {\n      "layers": {\n`;
  }

  private static tail = '\n      }\n    }\n  }';

  /** One packet with its whole tree. */
  packet(p: Packet): string {
    const t = p.tree;
    this.links.build(t);
    let out = this.head(p);
    out += this.children(t, -1, 8);
    return out + JsonWriter.tail;
  }

  /** One packet with the -e fields only: "field": ["v", …] for the fields present. */
  packetFields(p: Packet, cols: FieldColumns): string {
    let out = this.head(p);
    const vals = collectValues(p, cols, fieldText);
    let first = true;
    for (let c = 0; c < cols.names.length; c++) {
      const v = vals[c]!;
      if (v.length === 0) continue;
      out += (first ? '' : ',\n') + `${sp(8)}${jsonString(cols.names[c]!)}: [\n`;
      first = false;
      for (let k = 0; k < v.length; k++) out += `${sp(10)}${jsonString(v[k]!)}${k + 1 < v.length ? ',' : ''}\n`;
      out += `${sp(8)}]`;
    }
    return out + JsonWriter.tail;
  }

  /** The members for the children of `parent` (-1: top level) at `ind` spaces, without a trailing newline. */
  private children(t: Tree, parent: number, ind: number): string {
    let i = parent < 0 ? this.links.top : this.links.first[parent]!;
    const pad = sp(ind);
    if (!this.noDuplicateKeys) {
      let out = '';
      let first = true;
      while (i >= 0) {
        for (const [k, v] of this.pairs(t, i)) {
          out += (first ? '' : ',\n') + `${pad}${k}: ${v(ind)}`;
          first = false;
        }
        i = this.links.next[i]!;
      }
      return out;
    }
    // --no-duplicate-keys: one member per key, repeated keys become arrays (first-seen order)
    const order: string[] = [];
    const groups = new Map<string, ((ind: number) => string)[]>();
    while (i >= 0) {
      for (const [k, v] of this.pairs(t, i)) {
        const g = groups.get(k);
        if (g) g.push(v);
        else { groups.set(k, [v]); order.push(k); }
      }
      i = this.links.next[i]!;
    }
    return order.map((k) => {
      const g = groups.get(k)!;
      if (g.length === 1) return `${pad}${k}: ${g[0]!(ind)}`;
      const inner = sp(ind + 2);
      return `${pad}${k}: [\n${g.map((v) => inner + v(ind + 2)).join(',\n')}\n${pad}]`;
    }).join(',\n');
  }

  /** The JSON members item i gives: [quoted key, value renderer for an indent]. */
  private pairs(t: Tree, i: number): [string, (ind: number) => string][] {
    const fid = t.fid[i]!;
    const f = fields[fid]!;
    const isText = fid === TEXT_FIELD;
    const key = jsonString(isText ? itemLabel(t, i) : f.abbrev);
    const hasKids = this.links.first[i]! >= 0;
    const v = jsonText(t, i);
    const out: [string, (ind: number) => string][] = [];
    if (this.raw && !isText && t.len[i]! > 0 && (t.flags[i]! & ItemFlag.GENERATED) === 0) {
      out.push([jsonString(f.abbrev + '_raw'), (ind) => rawArray(t, i, f, ind)]);
    }
    if (!hasKids) out.push([key, () => jsonString(v)]);
    else {
      const obj = (ind: number): string => `{\n${this.children(t, i, ind + 2)}\n${sp(ind)}}`;
      if (isText || f.type === FT.NONE || (f.type === FT.PROTOCOL && v === '')) out.push([key, obj]);
      else out.push([key, () => jsonString(v)], [jsonString(f.abbrev + '_tree'), obj]);
    }
    return out;
  }
}

/** Wireshark's field type numbers (its ftenum order), as -T json -x prints them. */
export function ftNumber(t: FT): number {
  if (t <= FT.INT64) return t; // NONE 0 … INT64 19 line up
  if (t <= FT.IPv6) return t + 2; // FLOAT 22 … IPv6 33 (after two IEEE 11073 float types)
  return t + 3; // FRAMENUM 35, GUID 36, OID 37, EUI64 38 (after IPXNET)
}

function rawArray(t: Tree, i: number, f: Field, ind: number): string {
  let hex: string;
  if (f.mask !== 0) {
    const v = t.value(i);
    hex = typeof v === 'number' ? v.toString(16) : typeof v === 'bigint' ? v.toString(16) : '0';
  } else {
    const s = t.sources[t.src[i]!]!;
    const a = s.base + t.start[i]!;
    hex = hexBytes(s.buf.subarray(a, Math.max(a, Math.min(a + t.len[i]!, s.base + s.len))));
  }
  const pad = sp(ind + 2);
  return `[\n${pad}${jsonString(hex)},\n${pad}${t.start[i]},\n${pad}${t.len[i]},\n${pad}${f.mask},\n${pad}${ftNumber(f.type)}\n${sp(ind)}]`;
}

/** `2020-03-12T12:03:37.531081000Z` (EK's absolute times). */
function isoTime(v: unknown): string {
  const t = v as { sec: number; nsec: number } | undefined;
  if (!t) return '';
  const d = new Date(t.sec * 1000);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(t.nsec).padStart(9, '0')}Z`;
}

/**
 * `tshark -T ek`: two lines per packet, an index line and the packet on one line:
 *   {"index":{"_index":"packets-YYYY-MM-DD","_type":"doc"}}
 *   {"timestamp":"<ms>","layers":{"ip":{"ip_ip_src":"…","ip_ip_addr":["…","…"],…},…}}
 * It is the --no-duplicate-keys tree flattened: at each level the items are grouped by key (a
 * repeated key becomes an array at its first place) and each group is followed by the merged
 * children of its items. Keys are `<field's protocol>_<field>` with dots as underscores (protocol
 * items: their own name); FT_NONE items are null, booleans true/false, absolute times ISO 8601,
 * text items "text": label; layers and generated protocols (expert info) are nested objects.
 * With -e: "layers":{"ip_addr":["…"],…}.
 */
export class EkWriter {
  private readonly links = new TreeLinks();

  private head(p: Packet): string {
    const ms = Math.floor(p.tsSec * 1000 + p.tsNsec / 1e6);
    return `{"index":{"_index":"${indexName(p.tsSec)}","_type":"doc"}}\n{"timestamp":"${ms}","layers":{`;
  }

  packet(p: Packet): string {
    const t = p.tree;
    this.links.build(t);
    const top: number[] = [];
    for (let i = this.links.top; i >= 0; i = this.links.next[i]!) top.push(i);
    return this.head(p) + this.level(t, top) + '}}\n';
  }

  packetFields(p: Packet, cols: FieldColumns): string {
    const vals = collectValues(p, cols, fieldText);
    const parts: string[] = [];
    for (let c = 0; c < cols.names.length; c++) {
      const v = vals[c]!;
      if (v.length === 0) continue;
      parts.push(`${jsonString(cols.names[c]!.replace(/\./g, '_'))}:[${v.map(jsonString).join(',')}]`);
    }
    return this.head(p) + parts.join(',') + '}}\n';
  }

  /** The members for the items `items` (one tree level, or the merged children of a group). */
  private level(t: Tree, items: number[]): string {
    const order: string[] = [];
    const groups = new Map<string, { vals: string[]; kids: number[]; nested: boolean }>();
    for (const i of items) {
      const [key, val, nested] = this.item(t, i);
      let g = groups.get(key);
      if (!g) { g = { vals: [], kids: [], nested }; groups.set(key, g); order.push(key); }
      g.vals.push(val);
      if (!nested) for (let c = this.links.first[i]!; c >= 0; c = this.links.next[c]!) g.kids.push(c);
    }
    const out: string[] = [];
    for (const key of order) {
      const g = groups.get(key)!;
      out.push(`${jsonString(key)}:${g.vals.length === 1 ? g.vals[0] : `[${g.vals.join(',')}]`}`);
      if (g.kids.length) out.push(this.level(t, g.kids));
    }
    return out.join(',');
  }

  /** [key, JSON value, is a nested object] of item i. */
  private item(t: Tree, i: number): [string, string, boolean] {
    const fid = t.fid[i]!;
    if (fid === TEXT_FIELD) return ['text', jsonString(itemLabel(t, i)), false];
    const f = fields[fid]!;
    const own = f.abbrev.replace(/\./g, '_');
    if (f.type === FT.PROTOCOL) {
      const v = jsonText(t, i);
      if (v !== '') return [own, jsonString(v), false];
      const kids: number[] = [];
      for (let c = this.links.first[i]!; c >= 0; c = this.links.next[c]!) kids.push(c);
      return [own, `{${this.level(t, kids)}}`, true];
    }
    const proto = f.abbrev.startsWith('_ws.expert.') ? '_ws.expert' : (fields[f.parent]?.abbrev ?? '');
    const key = `${proto.replace(/\./g, '_')}_${own}`;
    switch (f.type) {
      case FT.NONE: return [key, 'null', false];
      case FT.BOOLEAN: return [key, t.value(i) ? 'true' : 'false', false];
      case FT.ABSOLUTE_TIME: return [key, jsonString(isoTime(t.value(i))), false];
      default: return [key, jsonString(jsonText(t, i)), false];
    }
  }
}
