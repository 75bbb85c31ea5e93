// vxlan: VXLAN — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('vxlan: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/tunnels/vxlan.pcap']) {
    const r = encapAgreement(rel, ['vxlan']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('vxlan: zeek/tunnels/vxlan.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/tunnels/vxlan.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Virtual eXtensible'), [
    'Virtual eXtensible Local Area Network',
    '    Flags: 0x0800, VXLAN Network ID (VNI)',
    '        0... .... .... .... = GBP Extension: Not defined',
    '        .... 1... .... .... = VXLAN Network ID (VNI): True',
    "        .... .... .0.. .... = Don't Learn: False",
    '        .... .... .... 0... = Policy Applied: False',
    '        .000 .000 0.00 .000 = Reserved(R): 0x0000',
    '    Group Policy ID: 0',
    '    VXLAN Network Identifier (VNI): 123',
    '    Reserved: 0',
  ].join('\n'));
});
