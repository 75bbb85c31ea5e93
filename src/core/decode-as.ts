// Decode As (tshark's -d <layer_type>==<selector>,<decode_as_protocol>): binds keys of a dispatch
// table (tcp.port, udp.port …) to a protocol's dissector for the rest of the run. The same parse
// serves the CLI and library users (`applyDecodeAs('tcp.port==8080,http')`); Table.decodeAs is the
// lower-level call. Error texts are tshark's, one message per line (the CLI prefixes its name).

import { fields, protocols } from './field.js';
import { findHandle, tables, type Handle, type Table } from './table.js';

export class DecodeAsError extends Error {}

export interface DecodeAsRule {
  readonly table: Table;
  /** the keys bound (a selector may be a range `8080-8090` or `8080:3`, three ports from 8080) */
  readonly keys: readonly number[];
  readonly handle: Handle;
  /** tshark's warning when the spec used "=" instead of "==" (the rule still applies) */
  readonly warning: string | undefined;
}

const TEMPLATE = '<layer_type>==<selector>,<decode_as_protocol>';

/** Keys beyond this many in one rule are refused (a range is a handful of ports, not a scan). */
const MAX_KEYS = 65536;

/** `\tname (Long Name)` lines of every protocol a table entry can be bound to, sorted by name. */
function protocolList(table: string): string {
  const names: string[] = [];
  for (const id of protocols) {
    const f = fields[id]!;
    if (findHandle(f.abbrev)) names.push(`\t${f.abbrev} (${f.name})`);
  }
  names.sort();
  return `Valid protocols for layer type "${table}" are:\n${names.join('\n')}`;
}

function tableList(): string {
  const names = [...tables.values()].map((t) => `\t${t.name} (${t.uiName})`).sort();
  return `Valid layer types are:\n${names.join('\n')}`;
}

/** Parses a -d spec against the registered tables and dissectors; throws DecodeAsError with tshark's text. */
export function parseDecodeAs(spec: string): DecodeAsRule {
  let s = spec;
  let warning: string | undefined;
  let eq = s.indexOf('==');
  if (eq < 0) {
    const one = s.indexOf('=');
    if (one >= 0) {
      s = s.slice(0, one) + '==' + s.slice(one + 1);
      eq = one;
    } else {
      eq = -1;
    }
    // tshark's wording, with what it makes of the spec
    warning = `WARNING: -d requires "==" instead of "=". Option will be treated as "${one >= 0 ? s : spec.replace(/,.*/, '') + '==' + spec.replace(/^[^,]*,?/, '')}"`;
    if (one < 0) throw new DecodeAsError(`${warning}\nParameter "${spec}" doesn't follow the template "${TEMPLATE}"`);
  }
  const layer = s.slice(0, eq).trim();
  const table = tables.get(layer);
  if (!table) throw new DecodeAsError(`Unknown layer type -- ${layer}\n${tableList()}`);
  const rest = s.slice(eq + 2);
  const comma = rest.indexOf(',');
  if (comma < 0) throw new DecodeAsError(`Parameter "${spec}" doesn't follow the template "${TEMPLATE}"\n${protocolList(layer)}`);
  const sel = rest.slice(0, comma).trim();
  const proto = rest.slice(comma + 1).trim();
  const keys = selectorKeys(sel);
  const handle = findHandle(proto);
  if (!handle) throw new DecodeAsError(`Unknown protocol -- "${proto}"\n${protocolList(layer)}`);
  return { table, keys, handle, warning };
}

/** `80`, `80-82` (inclusive) or `80:3` (three keys from 80). */
function selectorKeys(sel: string): number[] {
  const bad = (): never => { throw new DecodeAsError(`Invalid selector number "${sel}"`); };
  const num = (t: string): number => (/^\d+$/.test(t) ? Number(t) : /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : bad());
  let lo: number;
  let hi: number;
  const dash = sel.indexOf('-');
  const colon = sel.indexOf(':');
  if (dash > 0) { lo = num(sel.slice(0, dash)); hi = num(sel.slice(dash + 1)); } else if (colon > 0) { lo = num(sel.slice(0, colon)); hi = lo + num(sel.slice(colon + 1)) - 1; } else { lo = hi = num(sel); }
  if (hi < lo || hi - lo >= MAX_KEYS) bad();
  const keys: number[] = [];
  for (let k = lo; k <= hi; k++) keys.push(k);
  return keys;
}

/** Parses and applies a -d spec (for the rest of the process, like tshark's option). Returns the rule. */
export function applyDecodeAs(spec: string): DecodeAsRule {
  const r = parseDecodeAs(spec);
  for (const k of r.keys) r.table.decodeAs(k, r.handle);
  return r;
}
