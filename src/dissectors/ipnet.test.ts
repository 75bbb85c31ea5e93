// ipnet: Solaris IPNET — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('ipnet: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['tcpdump/e1000g.pcap']) {
    const r = encapAgreement(rel, ['ipnet']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('ipnet: tcpdump/e1000g.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/e1000g.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Solaris'), [
    'Solaris IPNET',
    '    Header version: 1',
    '    Address family: Solaris AF_INET (2)',
    '    Hook type: Inbound (0)',
    '    Data length: 84',
    '    Interface index: 2',
    '    Group interface index: 0',
    '    Source Zone ID: 4294967295',
    '    Destination Zone ID: 0',
  ].join('\n'));
});
