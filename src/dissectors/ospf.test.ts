// ospf: OSPFv2 header against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('ospf: OSPF rows of two captures match the goldens', (t) => {
  for (const [rel, frames] of [['tcpdump/OSPFv2_Capture_FINAL.pcapng', 30], ['tcpdump/ospf2-seg-fault-1.pcapng', 1]] as const) {
    const r = protoRows(rel, ['OSPF']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.equal(r.frames, frames, rel);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('ospf: the header with cryptographic and null authentication reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/OSPFv2_Capture_FINAL.pcapng', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Open Shortest Path First'), [
    'Open Shortest Path First',
    '    OSPF Header',
    '        Version: 2',
    '        Message Type: Hello Packet (1)',
    '        Packet Length: 52',
    '        Source OSPF Router: 192.168.255.15',
    '        Area ID: 0.0.0.0 (Backbone)',
    '        Checksum: 0x0000 (None)',
    '        Auth Type: Cryptographic (2)',
    '        Auth Crypt Key id: 1',
    '        Auth Crypt Data Length: 16',
    '        Auth Crypt Sequence Number: 1518551314',
    '        Auth Crypt Data: 91b01c6bd6c7093c11861e76334ba858',
  ].join('\n'));
  assert.equal(block(frameTree('tcpdump/ospf2-seg-fault-1.pcapng', 1)!, 'Open Shortest Path First'), [
    'Open Shortest Path First',
    '    OSPF Header',
    '        Version: 2',
    '        Message Type: LS Update (4)',
    '        Packet Length: 152',
    '        Source OSPF Router: 10.255.245.35',
    '        Area ID: 0.0.0.0 (Backbone)',
    '        Checksum: 0x6fc4 [incorrect, should be 0x70b4]',
    '        Auth Type: Null (0)',
    '        Auth Data (none): 0000000000000000',
  ].join('\n'));
});
