// --export-objects <protocol>,<destdir> like tshark: every complete HTTP message body (decoded:
// de-chunked and decompressed) written to a file named after the request URI's last path segment,
// in capture order; a name already used (or already in the directory) gets "(1)", "(2)" … before its extension.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpObject } from '../dissectors/http.js';

/** The object types this build can export (tshark lists dicom, ftp-data, http, imf, smb, tftp). */
export const EXPORT_OBJECT_TYPES = ['http'] as const;

export interface ExportObjectsSpec {
  proto: (typeof EXPORT_OBJECT_TYPES)[number];
  dir: string;
}

/** The error text tshark prints for a bad --export-objects value (each line gets the program prefix). */
export function exportObjectsUsage(prog: string): string {
  return `"--export-objects" are specified as: <protocol>,<destdir>\n${prog}: The available export object types for the "--export-objects" option are:\n`
    + EXPORT_OBJECT_TYPES.map((t) => `     ${t}`).join('\n');
}

/** Parses `http,DIR`; undefined when it does not follow the template or names an unknown type. */
export function parseExportObjects(val: string): ExportObjectsSpec | undefined {
  const comma = val.indexOf(',');
  if (comma <= 0 || comma === val.length - 1) return undefined;
  const proto = val.slice(0, comma);
  if (!(EXPORT_OBJECT_TYPES as readonly string[]).includes(proto)) return undefined;
  return { proto: proto as ExportObjectsSpec['proto'], dir: val.slice(comma + 1) };
}

/** Characters that cannot be in a file name (or would make it a path): percent-escaped, as tshark does. */
const UNSAFE = /[\\/:*?"<>|%\x00-\x1f]/g;

/** tshark's file name for a body fetched with `uri`: the last path segment (query included). */
export function objectFileName(uri: string): string {
  let u = uri;
  // an absolute URI (proxy request) names its path
  const scheme = u.indexOf('://');
  if (scheme >= 0) {
    const slash = u.indexOf('/', scheme + 3);
    u = slash < 0 ? '/' : u.slice(slash);
  }
  const q = u.indexOf('?');
  const path = q < 0 ? u : u.slice(0, q);
  const trimmed = path.replace(/\/+$/, '');
  const seg = trimmed.slice(trimmed.lastIndexOf('/') + 1) + (q < 0 ? '' : u.slice(q));
  const name = seg === '' ? u : seg;
  return name.replace(UNSAFE, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** `name(n).ext` (the counter goes before the extension). */
function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}(${n})${name.slice(dot)}` : `${name}(${n})`;
}

/** Writes the objects into `dir` (created when missing). Returns the file names, in order. */
export function writeHttpObjects(objects: readonly HttpObject[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  const names: string[] = [];
  for (const o of objects) {
    const base = objectFileName(o.uri) || 'object';
    let name = base;
    // a name taken in this run or by a file already there (an earlier export) gets a counter
    for (let n = 1; used.has(name) || existsSync(join(dir, name)); n++) name = numbered(base, n);
    used.add(name);
    writeFileSync(join(dir, name), o.data);
    names.push(name);
  }
  return names;
}
