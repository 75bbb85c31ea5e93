// fddi: FDDI — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('fddi: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/dns-inverse-query.pcap']) {
    const r = encapAgreement(rel, ['fddi']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('fddi: zeek/dns-inverse-query.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/dns-inverse-query.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Fiber'), [
    'Fiber Distributed Data Interface, Async LLC frame, priority 0',
    '    Frame Control: 0x50 (Async LLC frame, priority 0)',
    '        0101 .... = Class/Length/Format: Async LLC (0x5)',
    '        .... .000 = Priority: 0',
    '    Destination: 55:00:20:00:c1:e5',
    '    Source: 55:00:20:00:41:e5',
  ].join('\n'));
});
