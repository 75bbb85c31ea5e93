// ipoib: IP over InfiniBand — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('ipoib: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['tcpdump/ipoib.pcap']) {
    const r = encapAgreement(rel, ['ipoib']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('ipoib: tcpdump/ipoib.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/ipoib.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'IP over'), [
    'IP over Infiniband',
    '    Destination address',
    '        Destination QPN: 0x000550',
    '        Destination GID: fe80::10:e000:664a:b451',
    '    Type: IPv4 (0x0800)',
    '    Reserved: 0x0000',
  ].join('\n'));
});
