// can: CAN and CAN FD over Linux SLL against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('can: scapy/ecu_trace.pcap.gz and scapy/canfd.pcap.gz summary columns match the goldens', (t) => {
  for (const [rel, frames] of [['scapy/ecu_trace.pcap.gz', 141], ['scapy/canfd.pcap.gz', 4]] as const) {
    const r = protoRows(rel, ['CAN', 'CANFD']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.equal(r.frames, frames, rel);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('can: CAN and CAN FD frames read as tshark -V shows them', (t) => {
  const tree = frameTree('scapy/ecu_trace.pcap.gz', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Controller Area Network'), [
    'Controller Area Network, ID: 1808 (0x710), Length: 8',
    '    .... .... .... .... .... .111 0001 0000 = ID: 1808 (0x710)',
    '    0... .... .... .... .... .... .... .... = Extended Flag: False',
    '    .0.. .... .... .... .... .... .... .... = Remote Transmission Request Flag: False',
    '    ..0. .... .... .... .... .... .... .... = Error Message Flag: False',
    '    Frame-Length: 8',
    '    Reserved: 000000',
  ].join('\n'));
  const fd = frameTree('scapy/canfd.pcap.gz', 1)!;
  const b = block(fd, 'Controller Area Network FD')!.split('\n');
  assert.deepEqual(b.slice(0, 7), [
    'Controller Area Network FD, ID: 291 (0x123), Length: 12',
    '    .... .... .... .... .... .001 0010 0011 = ID: 291 (0x123)',
    '    0... .... .... .... .... .... .... .... = Extended Flag: False',
    '    Frame-Length: 12',
    '    .... ...1 = Bit Rate Setting: True',
    '    .... ..0. = Error State Indicator: False',
    '    Reserved: 0000',
  ]);
  assert.match(b[7]!, /^ {4}Padding: 0{72}/);
});
