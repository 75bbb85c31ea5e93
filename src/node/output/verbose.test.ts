import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import '../../dissectors/index.js';
import { fieldByName } from '../../core/field.js';
import { Tree, ROOT } from '../../core/tree.js';
import { corpus, collect, fixture } from '../cli.testutil.js';
import { verboseTree, TreeLinks } from './verbose.js';
import { packetHexDump } from './hexdump.js';

const C = corpus();

function id(name: string): number {
  const f = fieldByName(name);
  assert.ok(f, name);
  return f.id;
}

test('tree printing: indent, [generated], hidden subtrees left out, inline data dump', () => {
  const b = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x31, 0x32, 0x0a]);
  const t = new Tree(null);
  t.reset(b, 0, b.length);
  const eth = t.addItem(ROOT, id('eth'), 0, 6);
  t.setLabel(eth, 'Ethernet II');
  const dst = t.addBytes(eth, id('eth.dst'), 0, 6);
  t.hide(t.addBytes(dst, id('eth.addr'), 0, 6));
  t.addNum(dst, id('eth.dst.ig'), 0, 3, 0xffffff);
  const h = t.hide(t.addItem(eth, id('eth.padding'), 0, 1));
  t.addNum(h, id('eth.type'), 0, 2, 0x800);
  t.generated(t.addText(eth, 0, 0, 'Timestamps'));
  const data = t.addItem(ROOT, id('data'), 6, 3);
  t.setLabel(data, 'Data (3 bytes)');
  t.addBytes(data, id('data.data'), 6, 3);
  const links = new TreeLinks();
  const expected = [
    'Ethernet II',
    '    Destination: ff:ff:ff:ff:ff:ff',
    '        .... ...1 .... .... .... .... = IG bit: Group address (multicast/broadcast)',
    '    [Timestamps]',
    'Data (3 bytes)',
    '',
    '0000  31 32 0a                                          12.',
    '    Data: 31320a',
    '',
  ].join('\n');
  assert.equal(verboseTree(t, links, true), expected);
  // with -x the data is not dumped inline
  assert.ok(!verboseTree(t, links, false).includes('0000  31'));
});

/** The lines of one protocol block (a top-level line starting with `head` up to the next top-level line). */
function block(text: string, head: string): string[] {
  const out: string[] = [];
  let on = false;
  for (const l of text.split('\n')) {
    if (l.startsWith(head)) { on = true; out.push(l); continue; }
    if (on && (l.startsWith(' ') || l === '' || /^[0-9a-f]{4}  /.test(l))) { out.push(l); continue; }
    if (on) on = false;
  }
  return out;
}

test('-V: Ethernet and Data blocks, blank lines, inline data hex equal tshark (udp-packet fixture)', { skip: !C }, async () => {
  const links = new TreeLinks();
  const mine = (await collect(resolve(C!, 'zeek/udp-packet.pcap'), { want: null }, (p) => verboseTree(p.tree, links, true) + '\n')).join('');
  const ref = fixture('udp-packet.V.txt');
  assert.deepEqual(block(mine, 'Ethernet II'), block(ref, 'Ethernet II'));
  assert.deepEqual(block(mine, 'Data ('), block(ref, 'Data ('));
  assert.equal(mine.split('\n\nFrame ').length, ref.split('\n\nFrame ').length);
  assert.ok(mine.endsWith('\n\n') && ref.endsWith('\n\n'));
});

test('-V -x: tree, blank line, hex dump, blank line (udp-packet fixture)', { skip: !C }, async () => {
  const links = new TreeLinks();
  const mine = (await collect(resolve(C!, 'zeek/udp-packet.pcap'), { want: null }, (p) => verboseTree(p.tree, links, false) + '\n' + packetHexDump(p.tree))).join('');
  const ref = fixture('udp-packet.Vx.txt');
  const hexOf = (s: string): string => s.split('\n').filter((l) => /^[0-9a-f]{4}  /.test(l) || l === '').join('\n');
  assert.equal(hexOf(mine), hexOf(ref));
  assert.deepEqual(block(mine, 'Data ('), block(ref, 'Data ('));
});
