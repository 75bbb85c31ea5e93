import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import '../../dissectors/index.js';
import { Tree } from '../../core/tree.js';
import { compileFilter } from '../../dfilter/index.js';
import { corpus, collect, fixture } from '../cli.testutil.js';
import { hexDump, packetHexDump } from './hexdump.js';

const C = corpus();

test('hexDump layout', () => {
  const b = new Uint8Array(20);
  for (let i = 0; i < 20; i++) b[i] = 0x41 + i;
  assert.equal(hexDump(b, 0, 20),
    '0000  41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50   ABCDEFGHIJKLMNOP\n' +
    '0010  51 52 53 54                                       QRST\n');
  assert.equal(hexDump(new Uint8Array([0, 0x7f, 0x20]), 0, 3), '0000  00 7f 20                                          .. \n');
});

test('several data sources get "Name (n bytes):" headers', () => {
  const f = new Uint8Array([1, 2, 3]);
  const t = new Tree(null);
  t.reset(f, 0, 3);
  t.pushSource('Reassembled TCP', new Uint8Array([0x47, 0x45, 0x54]), 0, 3);
  assert.equal(packetHexDump(t),
    'Frame (3 bytes):\n0000  01 02 03                                          ...\n' +
    'Reassembled TCP (3 bytes):\n0000  47 45 54                                          GET\n\n');
});

test('-x equals tshark on a whole capture (cloudshark-arp fixture)', { skip: !C }, async () => {
  const mine = await collect(resolve(C!, 'arkime/cloudshark-arp.pcap'), {}, (p) => packetHexDump(p.tree));
  assert.equal(mine.join(''), fixture('cloudshark-arp.x.txt'));
});

test('-x with a reassembled source equals tshark (when TCP reassembly is there)', { skip: !C }, async (t) => {
  const r = compileFilter('frame.number == 5');
  assert.ok(r.ok);
  const mine = await collect(resolve(C!, 'zeek/http/http_large_req_8001.pcap'), { filter: r.filter }, (p) => packetHexDump(p.tree));
  if (!mine[0]?.startsWith('Frame (')) { t.skip('no reassembled TCP data source yet (TCP dissector)'); return; }
  assert.equal(mine.join(''), fixture('http_large_req_8001.x5.txt'));
});

test('offsets widen past 64 KiB', () => {
  const b = new Uint8Array(0x10010);
  const d = hexDump(b, 0, b.length).split('\n');
  assert.match(d[0]!, /^00000  00 /);
  assert.match(d[0x1000]!, /^10000  00 /);
});
