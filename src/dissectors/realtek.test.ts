// realtek: Realtek Layer 2 Protocols (EtherType 0x8899) against the corpus goldens and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('realtek: Realtek rows of ndpi/teams.pcap match the goldens', (t) => {
  const r = protoRows('ndpi/teams.pcap', ['Realtek']);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 13);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('realtek: an unknown Realtek protocol shows as one Unknown packet item', (t) => {
  const tree = frameTree('ndpi/teams.pcap', 4);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Realtek Layer 2 Protocols'), [
    'Realtek Layer 2 Protocols',
    '    Unknown packet: 25800000d80d17d655ab0000800000d80d17d655ab800800000000000000000000000000…',
  ].join('\n'));
});
