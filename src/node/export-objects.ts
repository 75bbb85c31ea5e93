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
  return fitName(name.replace(UNSAFE, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')));
}

/** File names longer than a file system takes (255 bytes) are cut to fit, as tshark cuts them. */
const NAME_MAX = 255;

/** `s` cut to `max` bytes of UTF-8 (never inside a character). */
function cutBytes(s: string, max: number): string {
  if (s.length * 3 <= max || Buffer.byteLength(s) <= max) return s;
  let bytes = 0;
  let i = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    bytes += n;
    i += ch.length;
  }
  return s.slice(0, i);
}

/**
 * `stem + tag + ext` within NAME_MAX bytes, `ext` being `name` from its last dot (the counter of a
 * name already used goes before the extension): the stem gives way, as tshark's cut keeps the
 * extension; an extension too long for that is cut with the rest.
 */
function fitName(name: string, tag = ''): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const room = NAME_MAX - Buffer.byteLength(tag) - Buffer.byteLength(ext);
  if (dot > 0 && room > 0) return cutBytes(name.slice(0, dot), room) + tag + ext;
  return cutBytes(name, NAME_MAX - Buffer.byteLength(tag)) + tag;
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
    for (let n = 1; used.has(name) || existsSync(join(dir, name)); n++) name = fitName(base, `(${n})`);
    used.add(name);
    writeFileSync(join(dir, name), o.data);
    names.push(name);
  }
  return names;
}
