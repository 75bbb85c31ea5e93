// json: JavaScript Object Notation (RFC 8259), as tshark 4.0 shows it from the outside: Object / Member
// / Array items with the generated path and member-with-value items. Called by the protocols that carry
// JSON (db-lsp-disc …); appends "/JSON" to the Protocol column and ", JavaScript Object Notation" to Info.

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, type Handle } from '../core/table.js';
import { decodeUtf8 } from '../capture/utf8.js';

export const proto_json = registerProtocol('json', 'JavaScript Object Notation', 'JSON');

const hf = {
  array: f('json.array', 'Array', FT.NONE),
  object: f('json.object', 'Object', FT.NONE),
  member: f('json.member', 'Member', FT.STRING),
  key: f('json.key', 'Key', FT.STRING),
  path: f('json.path', 'Path', FT.STRING),
  path_with_value: f('json.path_with_value', 'Path with value', FT.STRING),
  member_with_value: f('json.member_with_value', 'Member with value', FT.STRING),
  value_string: f('json.value.string', 'String value', FT.STRING),
  value_number: f('json.value.number', 'Number value', FT.STRING),
  value_false: f('json.value.false', 'False value', FT.NONE),
  value_null: f('json.value.null', 'Null value', FT.NONE),
  value_true: f('json.value.true', 'True value', FT.NONE),
};

const MAX_DEPTH = 64;
const C_QUOTE = 0x22;
const C_BACKSLASH = 0x5c;

/** Parser state over [pos, end) of the packet's buffer; `ok` false once the text is not JSON. */
interface Cur { pos: number; end: number; ok: boolean; }

function ws(b: Uint8Array, c: Cur): void {
  while (c.pos < c.end) {
    const x = b[c.pos]!;
    if (x !== 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d) return;
    c.pos++;
  }
}

/** A string token at c.pos (the quotes excluded from the returned text, escapes kept as written). */
function str(b: Uint8Array, c: Cur): string {
  const a = ++c.pos;
  while (c.pos < c.end && b[c.pos] !== C_QUOTE) c.pos += b[c.pos] === C_BACKSLASH ? 2 : 1;
  if (c.pos >= c.end) { c.ok = false; return ''; }
  const s = decodeUtf8(b, a, c.pos);
  c.pos++;
  return s;
}

/**
 * A value at c.pos under `parent`. `path` is the JSON path of the value, `member` the member name
 * ('[]' in arrays) for the generated items of scalar values.
 */
function value(p: Packet, c: Cur, parent: number, path: string, member: string, depth: number): void {
  const b = p.buf;
  const t = p.tree;
  ws(b, c);
  if (c.pos >= c.end || depth > MAX_DEPTH) { c.ok = false; return; }
  const x = b[c.pos]!;
  const start = c.pos;
  if (x === 0x7b) { // {
    const oi = t.addItem(parent, hf.object, start, 0);
    c.pos++;
    ws(b, c);
    if (b[c.pos] === 0x7d) { c.pos++; t.setEnd(oi, c.pos); return; }
    while (c.ok) {
      ws(b, c);
      if (b[c.pos] !== C_QUOTE) { c.ok = false; return; }
      const ms = c.pos;
      const key = str(b, c);
      ws(b, c);
      if (b[c.pos] !== 0x3a) { c.ok = false; return; }
      c.pos++;
      const mi = t.addStr(oi, hf.member, ms, 0, key);
      if (mi >= 0 && t.full) t.setLabel(mi, `Member: ${key}`);
      value(p, c, mi, `${path}/${key}`, key, depth + 1);
      t.setEnd(mi, c.pos);
      t.addStr(mi, hf.key, ms + 1, key.length, key);
      t.generated(t.addStr(mi, hf.path, ms, 0, `${path}/${key}`));
      ws(b, c);
      if (b[c.pos] === 0x2c) { c.pos++; continue; }
      if (b[c.pos] === 0x7d) { c.pos++; t.setEnd(oi, c.pos); return; }
      c.ok = false;
    }
    return;
  }
  if (x === 0x5b) { // [
    const ai = t.addItem(parent, hf.array, start, 0);
    c.pos++;
    ws(b, c);
    if (b[c.pos] === 0x5d) { c.pos++; t.setEnd(ai, c.pos); return; }
    while (c.ok) {
      value(p, c, ai, `${path}/[]`, '[]', depth + 1);
      ws(b, c);
      if (b[c.pos] === 0x2c) { c.pos++; continue; }
      if (b[c.pos] === 0x5d) { c.pos++; t.setEnd(ai, c.pos); return; }
      c.ok = false;
    }
    return;
  }
  let text: string;
  let fid: number;
  if (x === C_QUOTE) {
    text = str(b, c);
    fid = hf.value_string;
  } else {
    while (c.pos < c.end && !/[\s,\]}]/.test(String.fromCharCode(b[c.pos]!))) c.pos++;
    text = String.fromCharCode(...b.subarray(start, c.pos));
    fid = text === 'true' ? hf.value_true : text === 'false' ? hf.value_false : text === 'null' ? hf.value_null : hf.value_number;
    if (fid === hf.value_number && !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) { c.ok = false; return; }
  }
  if (!c.ok) return;
  t.generated(t.addStr(parent, hf.path_with_value, start, c.pos - start, `${path}:${text}`));
  t.generated(t.addStr(parent, hf.member_with_value, start, c.pos - start, `${member}:${text}`));
  if (fid === hf.value_string || fid === hf.value_number) t.addStr(parent, fid, start, c.pos - start, text);
  else t.addItem(parent, fid, start, c.pos - start);
}

function dissectJson(p: Packet, off: number, end: number, parent: number): number {
  p.proto = p.proto ? `${p.proto}/JSON` : 'JSON';
  if (p.cols) p.appendInfo(', JavaScript Object Notation');
  const top = p.addProto(parent, proto_json, off, end);
  const c: Cur = { pos: off, end: Math.min(end, p.capEnd), ok: true };
  value(p, c, top, '', '', 0);
  return end - off;
}

export const jsonHandle: Handle = registerHandle('json', dissectJson);
