// loop: Configuration Test Protocol against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('loop: LOOP rows of tcpdump/loopback.pcap and tcpdump/various_gre.pcap match the goldens', (t) => {
  for (const [rel, frames] of [['tcpdump/loopback.pcap', 6], ['tcpdump/various_gre.pcap', 5]] as const) {
    const r = protoRows(rel, ['LOOP']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.equal(r.frames, frames, rel);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('loop: a skipCount pointing past the first function reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/loopback.pcap', 2);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Configuration Test Protocol'), [
    'Configuration Test Protocol (loopback)',
    '    skipCount: 8',
    '    Function: Forward Data (2)',
    '    Forwarding address: aa:00:04:00:1d:04',
    '    Relevant function: Reply (1)',
    '    Function: Reply (1)',
    '    Receipt number: 1',
  ].join('\n'));
});
