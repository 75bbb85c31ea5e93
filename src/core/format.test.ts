import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../dissectors/index.js';
import { fieldByName } from './field.js';
import { Tree, ROOT } from './tree.js';
import { escapeText, fieldText, formatG, itemLabel, jsonText } from './format.js';

function id(name: string): number {
  const f = fieldByName(name);
  assert.ok(f, name);
  return f.id;
}

function tree(bytes: number[]): Tree {
  const t = new Tree(null);
  const b = new Uint8Array(bytes);
  t.reset(b, 0, b.length);
  return t;
}

test('escapeText: C escapes and octal, as tshark prints strings', () => {
  assert.equal(escapeText('plain'), 'plain');
  assert.equal(escapeText('GET / HTTP/1.1\r\n'), 'GET / HTTP/1.1\\r\\n');
  assert.equal(escapeText('a\tb\x01\x7f'), 'a\\tb\\001\\177');
  assert.equal(escapeText('back\\slash'), 'back\\slash');
  assert.equal(escapeText('·AP·'), '·AP·');
});

test('formatG: C %g', () => {
  assert.equal(formatG(0.5, 15), '0.5');
  assert.equal(formatG(1234567, 6), '1.23457e+06');
  assert.equal(formatG(0.0001, 6), '0.0001');
  assert.equal(formatG(0.00001, 6), '1e-05');
  assert.equal(formatG(100, 15), '100');
  assert.equal(formatG(1 / 3, 15), '0.333333333333333');
  assert.equal(formatG(0, 6), '0');
});

test('value text per type (-T fields, JSON, -V)', () => {
  const t = tree([0x08, 0x00, 0x00, 0x1a, 0x6b, 0x6c, 0x0c, 0xcc, 0x01, 0x02, 0x03]);
  const type = t.addNum(ROOT, id('eth.type'), 0, 2, 0x0800);
  const mac = t.addBytes(ROOT, id('eth.src'), 2, 6);
  const lg = t.addNum(mac, id('eth.src.lg'), 2, 3, 0x001a6b);
  const pad = t.addBytes(ROOT, id('eth.padding'), 8, 3);
  const rel = t.generated(t.addObj(ROOT, id('frame.time_relative'), 0, 0, { sec: 0, nsec: 70034000 }));
  const abs = t.addObj(ROOT, id('frame.time'), 0, 0, { sec: 1362692526, nsec: 869344000 });
  const marked = t.addNum(ROOT, id('frame.marked'), 0, 0, 0);
  const prot = t.addStr(ROOT, id('frame.protocols'), 0, 0, 'eth:ethertype:ip');
  const txt = t.addText(ROOT, 0, 0, 'Timestamps');

  assert.equal(fieldText(t, type), '0x0800');
  assert.equal(itemLabel(t, type), 'Type: IPv4 (0x0800)');
  assert.equal(fieldText(t, mac), '00:1a:6b:6c:0c:cc');
  assert.equal(fieldText(t, lg), '0');
  assert.equal(itemLabel(t, lg), '.... ..0. .... .... .... .... = LG bit: Globally unique address (factory default)');
  assert.equal(fieldText(t, pad), '010203');
  assert.equal(jsonText(t, pad), '01:02:03');
  assert.equal(itemLabel(t, pad), 'Padding: 010203');
  assert.equal(fieldText(t, rel), '0.070034000');
  assert.equal(itemLabel(t, rel), 'Time since reference or first frame: 0.070034000 seconds');
  assert.equal(fieldText(t, abs), 'Mar  7, 2013 21:42:06.869344000 UTC');
  assert.equal(fieldText(t, marked), '0');
  assert.equal(itemLabel(t, marked), 'Frame is marked: False');
  assert.equal(fieldText(t, prot), 'eth:ethertype:ip');
  assert.equal(fieldText(t, txt), 'Timestamps');
  assert.equal(jsonText(t, txt), '');
});

test('protocol and FT_NONE items in -T fields', () => {
  const t = tree(new Array(40).fill(0x58));
  const eth = t.addItem(ROOT, id('eth'), 0, 14);
  t.setLabel(eth, 'Ethernet II, Src: a, Dst: b');
  const data = t.addItem(ROOT, id('data'), 14, 26);
  const d = t.addBytes(data, id('data.data'), 14, 26);
  assert.equal(fieldText(t, eth), 'Ethernet II, Src: a, Dst: b');
  assert.equal(fieldText(t, data), 'data');
  assert.equal(jsonText(t, data), '');
  // long bytes are cut at 36 bytes with an ellipsis in -V labels, never in values
  const long = tree(new Array(40).fill(0x58));
  const dd = long.addBytes(ROOT, id('data.data'), 0, 40);
  assert.equal(itemLabel(long, dd), 'Data: ' + '58'.repeat(36) + '\u2026');
  assert.equal(fieldText(long, dd), '58'.repeat(40));
  void d;
});

test('long labels are cut as tshark cuts them', () => {
  const t = tree([]);
  const long = 'R'.repeat(400);
  const str = t.addStr(ROOT, id('frame.protocols'), 0, 0, long);
  assert.equal(itemLabel(t, str), 'Protocols in frame [truncated]: ' + 'R'.repeat(238 - 32));
  const txt = t.addText(ROOT, 0, 0, long);
  assert.equal(itemLabel(t, txt), ' [truncated]' + 'R'.repeat(226));
  const own = t.addStr(ROOT, id('frame.protocols'), 0, 0, 'x');
  t.setLabel(own, 'ECHConfig: ' + long);
  assert.equal(itemLabel(t, own), ' [truncated]ECHConfig: ' + 'R'.repeat(226 - 11));
  const app = t.addStr(ROOT, id('frame.protocols'), 0, 0, 'x');
  t.setLabel(app, 'Form item: ');
  t.appendLabel(app, '"' + long);
  assert.equal(itemLabel(t, app).length, 239);
});
