import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import '../../dissectors/index.js';
import { fieldByName } from '../../core/field.js';
import { Tree, ROOT } from '../../core/tree.js';
import type { Packet } from '../../core/packet.js';
import { corpus, collect, fixture } from '../cli.testutil.js';
import { indexName, jsonString, JsonWriter } from './json.js';
import { resolveFieldColumns } from './fields.js';

const C = corpus();

function id(name: string): number {
  const f = fieldByName(name);
  assert.ok(f, name);
  return f.id;
}

test('jsonString escaping', () => {
  assert.equal(jsonString('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(jsonString('x\r\n\t\x01'), '"x\\r\\n\\t\\u0001"');
  assert.equal(jsonString('·A/'), '"·A/"');
  assert.equal(indexName(1352595620), 'packets-2012-11-11');
});

test('layout: text keys, _tree objects, protocol objects, hidden items kept, empty array', () => {
  const b = new Uint8Array([0x08, 0x00, 1, 2, 3, 4, 5, 6]);
  const t = new Tree(null);
  t.reset(b, 0, b.length);
  const eth = t.addItem(ROOT, id('eth'), 0, 8);
  const dst = t.addBytes(eth, id('eth.dst'), 2, 6);
  t.hide(t.addBytes(dst, id('eth.addr'), 2, 6));
  t.addNum(eth, id('eth.type'), 0, 2, 0x800);
  const ts = t.addText(eth, 0, 0, 'GET / HTTP/1.1\\r\\n');
  t.addNum(ts, id('eth.len'), 0, 0, 5);
  const p = { tree: t, tsSec: 1352595620 } as unknown as Packet;
  const w = new JsonWriter();
  const s = w.begin() + w.packet(p) + w.end();
  assert.equal(s, [
    '[',
    '  {',
    '    "_index": "packets-2012-11-11",',
    '    "_type": "doc",',
    '    "_score": null,',
    '    "_source": {',
    '      "layers": {',
    '        "eth": {',
    '          "eth.dst": "01:02:03:04:05:06",',
    '          "eth.dst_tree": {',
    '            "eth.addr": "01:02:03:04:05:06"',
    '          },',
    '          "eth.type": "0x0800",',
    '          "GET / HTTP/1.1\\\\r\\\\n": {',
    '            "eth.len": "5"',
    '          }',
    '        }',
    '      }',
    '    }',
    '  }',
    ']',
    '',
  ].join('\n'));
  const e = new JsonWriter();
  assert.equal(e.begin() + e.end(), '[]\n');
});

test('-T json wrapper, frame/data layers and -e arrays equal tshark (udp-packet fixture)', { skip: !C }, async () => {
  const w = new JsonWriter();
  const body = await collect(resolve(C!, 'zeek/udp-packet.pcap'), { want: null }, (p) => w.packet(p));
  const mine = w.begin() + body.join('') + w.end();
  const ref = fixture('udp-packet.json');
  JSON.parse(mine);
  // wrapper and layer keys (indent up to 8)
  const outer = (s: string): string[] => s.split('\n').filter((l) => /^ {0,8}\S/.test(l));
  assert.deepEqual(outer(mine), outer(ref));
  const layer = (s: string, key: string): string[] => {
    const out: string[] = [];
    let on = false;
    for (const l of s.split('\n')) {
      if (l === `        "${key}": {`) on = true;
      if (on) out.push(l);
      if (on && /^ {8}\}/.test(l)) on = false;
    }
    return out;
  };
  assert.deepEqual(layer(mine, 'data'), layer(ref, 'data'));
  // -e: arrays per field
  const r = resolveFieldColumns(['frame.number', 'eth.type', 'ip.nonexistent.field']);
  assert.ok(!r.ok);
  const r2 = resolveFieldColumns(['frame.number', 'eth.addr']);
  assert.ok(r2.ok);
  const w2 = new JsonWriter();
  const one = await collect(resolve(C!, 'zeek/udp-packet.pcap'), { want: r2.columns.want, count: 1 }, (p) => w2.packetFields(p, r2.columns));
  assert.match(one[0]!, /"frame.number": \[\n {10}"1"\n {8}\],\n {8}"eth.addr": \[\n {10}"00:00:00:00:00:00",\n {10}"00:00:00:00:00:00"\n {8}\]/);
});

test('--no-duplicate-keys merges repeated keys into arrays, _tree objects too', () => {
  const b = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  const t = new Tree(null);
  t.reset(b, 0, b.length);
  const eth = t.addItem(ROOT, id('eth'), 0, 12);
  const a1 = t.addBytes(eth, id('eth.addr'), 0, 6);
  t.addNum(a1, id('eth.ig'), 0, 3, 0x010203);
  const a2 = t.addBytes(eth, id('eth.addr'), 6, 6);
  t.addNum(a2, id('eth.ig'), 6, 3, 0x070809);
  const p = { tree: t, tsSec: 0 } as unknown as Packet;
  const s = new JsonWriter(true).packet(p);
  assert.ok(s.includes([
    '        "eth": {',
    '          "eth.addr": [',
    '            "01:02:03:04:05:06",',
    '            "07:08:09:0a:0b:0c"',
    '          ],',
    '          "eth.addr_tree": [',
    '            {',
    '              "eth.ig": "1"',
    '            },',
    '            {',
    '              "eth.ig": "1"',
    '            }',
    '          ]',
    '        }',
  ].join('\n')), s);
});

test('-T json -x: "<key>_raw" arrays before items with bytes', () => {
  const b = new Uint8Array([0x45, 0x00, 0x08, 0x00]);
  const t = new Tree(null);
  t.reset(b, 0, b.length);
  const eth = t.addItem(ROOT, id('eth'), 0, 4);
  t.addNum(eth, id('eth.type'), 2, 2, 0x800);
  t.addNum(eth, id('eth.ig'), 0, 3, 0x450008);
  t.generated(t.addNum(eth, id('eth.len'), 0, 2, 1));
  const s = new JsonWriter(false, true).packet({ tree: t, tsSec: 0 } as unknown as Packet);
  assert.ok(s.includes([
    '        "eth_raw": [',
    '          "45000800",',
    '          0,',
    '          4,',
    '          0,',
    '          1',
    '        ],',
    '        "eth": {',
    '          "eth.type_raw": [',
    '            "0800",',
    '            2,',
    '            2,',
    '            0,',
    '            5',
    '          ],',
    '          "eth.type": "0x0800",',
    '          "eth.ig_raw": [',
    '            "1",',
    '            0,',
    '            3,',
    '            65536,',
    '            2',
    '          ],',
    '          "eth.ig": "1",',
    '          "eth.len": "1"',
  ].join('\n')), s);
});

test('-T ek: flattened, grouped by key per level with merged children', async () => {
  const { EkWriter } = await import('./json.js');
  const b = new Uint8Array(12);
  const t = new Tree(null);
  t.reset(b, 0, b.length);
  const eth = t.addItem(ROOT, id('eth'), 0, 12);
  const d = t.addBytes(eth, id('eth.dst'), 0, 6);
  t.addBytes(d, id('eth.addr'), 0, 6);
  t.addNum(d, id('eth.ig'), 0, 3, 0);
  const s2 = t.addBytes(eth, id('eth.src'), 6, 6);
  t.addBytes(s2, id('eth.addr'), 6, 6);
  t.addText(eth, 0, 0, 'note');
  const a = t.addBytes(eth, id('eth.padding'), 0, 1);
  t.addNum(a, id('eth.len'), 0, 1, 1);
  const a2 = t.addBytes(eth, id('eth.padding'), 1, 1);
  t.addNum(a2, id('eth.len'), 1, 1, 2);
  const p = { tree: t, tsSec: 1584014617, tsNsec: 531081000 } as unknown as Packet;
  assert.equal(new EkWriter().packet(p),
    '{"index":{"_index":"packets-2020-03-12","_type":"doc"}}\n' +
    '{"timestamp":"1584014617531","layers":{"eth":{"eth_eth_dst":"00:00:00:00:00:00","eth_eth_addr":"00:00:00:00:00:00","eth_eth_ig":false,' +
    '"eth_eth_src":"00:00:00:00:00:00","eth_eth_addr":"00:00:00:00:00:00","text":"note","eth_eth_padding":["00","00"],"eth_eth_len":["1","2"]}}}\n');
});
