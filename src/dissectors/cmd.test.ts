// cmd: Cisco MetaData inside GRE — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('cmd: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['tcpdump/various_gre.pcap']) {
    const r = encapAgreement(rel, ['gre', 'cmd']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('cmd: tcpdump/various_gre.pcap #11 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/various_gre.pcap', 11);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Cisco MetaData'), [
    'Cisco MetaData',
    '    Type: IPv4 (0x0800)',
    '    Version: 1',
    '    Length: 1',
    '    Options: 0x0001',
    '    SGT: 0',
  ].join('\n'));
});
