// geneve: Geneve — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('geneve: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/tunnels/geneve.pcap']) {
    const r = encapAgreement(rel, ['geneve']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('geneve: zeek/tunnels/geneve.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/tunnels/geneve.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Generic Network'), [
    'Generic Network Virtualization Encapsulation, VNI: 0x000000',
    '    Version: 0',
    '    Length: 8 bytes',
    '    Flags: 0x00',
    '        0... .... = Operations, Administration and Management Frame: False',
    '        .0.. .... = Critical Options Present: False',
    '        ..00 0000 = Reserved: False',
    '    Protocol Type: Transparent Ethernet bridging (0x6558)',
    '    Virtual Network Identifier (VNI): 0x000000 (0)',
    '    Options: (8 bytes)',
    '        Unknown, Class: Standard (0x0000) Type: 0x00 (Non-critical)',
    '            Class: Standard (0x0000)',
    '            Type: 0x00 (Non-critical)',
    '            Length: 8 bytes',
    '            Unknown Option Data: 0000000a',
  ].join('\n'));
});
