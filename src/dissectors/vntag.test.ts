// vntag: VN-Tag — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('vntag: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/vntag.pcap']) {
    const r = encapAgreement(rel, ['vntag']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('vntag: zeek/vntag.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/vntag.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'VN-Tag'), [
    'VN-Tag',
    '    0... .... .... .... .... .... .... .... = Direction: To Bridge',
    '    .0.. .... .... .... .... .... .... .... = Pointer: vif_id',
    '    ..00 0000 0000 0000 .... .... .... .... = Destination: 0',
    '    .... .... .... .... 0... .... .... .... = Looped: No',
    '    .... .... .... .... .0.. .... .... .... = Reserved: 0',
    '    .... .... .... .... ..00 .... .... .... = Version: 0',
    '    .... .... .... .... .... 0000 0000 0000 = Source: 0',
    '    Type: 802.1Q Virtual LAN (0x8100)',
  ].join('\n'));
});
