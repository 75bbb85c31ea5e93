// dtp: Cisco DTP over LLC SNAP against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('dtp: DTP rows of two captures match the goldens', (t) => {
  for (const [rel, frames] of [['tcpdump/rpvstp-trunk-native-vid5.pcap', 2], ['tcpdump/various_gre.pcap', 1]] as const) {
    const r = protoRows(rel, ['DTP']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.equal(r.frames, frames, rel);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('dtp: the TLVs read as tshark -V shows them', (t) => {
  const tree = frameTree('tcpdump/rpvstp-trunk-native-vid5.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Dynamic Trunk Protocol'), [
    'Dynamic Trunk Protocol: cisco (Operating/Administrative): Trunk/On (0x81) (Operating/Administrative): 802.1Q/802.1Q (0xa5): 00:1f:6d:96:ec:04',
    '    Version: 1',
    '    Domain',
    '        Type: Domain (0x0001)',
    '        Length: 10',
    '        Domain: cisco',
    '    Trunk Status',
    '        Type: Trunk Status (0x0002)',
    '        Length: 5',
    '        Value: Trunk/On (0x81)',
    '            1... .... = Trunk Operating Status: Trunk (0x1)',
    '            .... .001 = Trunk Administrative Status: On (0x1)',
    '    Trunk Type',
    '        Type: Trunk Type (0x0003)',
    '        Length: 5',
    '        Value: 802.1Q/802.1Q (0xa5)',
    '            101. .... = Trunk Operating Type: 802.1Q (0x5)',
    '            .... .101 = Trunk Administrative Type: 802.1Q (0x5)',
    '    Sender ID',
    '        Type: Sender ID (0x0004)',
    '        Length: 10',
    '        Sender ID: 00:1f:6d:96:ec:04',
  ].join('\n'));
});
