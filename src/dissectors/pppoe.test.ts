// pppoe: PPPoE session — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('pppoe: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['ndpi/dns.pcap']) {
    const r = encapAgreement(rel, ['pppoes', 'ppp']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('pppoe: ndpi/dns.pcap #4 reads as tshark -V shows it', (t) => {
  const tree = frameTree('ndpi/dns.pcap', 4);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'PPP-over'), [
    'PPP-over-Ethernet Session',
    '    0001 .... = Version: 1',
    '    .... 0001 = Type: 1',
    '    Code: Session Data (0x00)',
    '    Session ID: 0x556a',
    '    Payload Length: 63',
  ].join('\n'));
});
