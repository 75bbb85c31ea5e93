// slarp (and chdlc): Cisco HDLC + SLARP against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('slarp: SLARP rows of the two Cisco HDLC captures match the goldens', (t) => {
  for (const [rel, frames] of [['tcpdump/chdlc-slarp.pcap', 1], ['tcpdump/hdlc_slarp.pcapng', 7]] as const) {
    const r = protoRows(rel, ['SLARP']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.equal(r.frames, frames, rel);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('slarp: a keepalive with a bad reliability and a request read as tshark -V shows them', (t) => {
  const tree = frameTree('tcpdump/chdlc-slarp.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Cisco HDLC'), [
    'Cisco HDLC',
    '    Address: Multicast (0x8f)',
    '    Control: 0x00',
    '    Protocol: SLARP (0x8035)',
  ].join('\n'));
  assert.equal(block(tree, 'Cisco SLARP'), [
    'Cisco SLARP',
    '    Packet type: Line keepalive (2)',
    '    Outgoing sequence number: 854577',
    '    Returned sequence number: 1463836198',
    '    Reliability: 0x04ff',
    '        [Expert Info (Error/Malformed): Reliability must be 0xFFFF]',
    '            [Reliability must be 0xFFFF]',
    '            [Severity level: Error]',
    '            [Group: Malformed]',
  ].join('\n'));
  assert.equal(block(frameTree('tcpdump/hdlc_slarp.pcapng', 2)!, 'Cisco SLARP'), [
    'Cisco SLARP',
    '    Packet type: Request (0)',
    '    Address: 0.0.0.0',
    '    Netmask: 0.0.0.0',
  ].join('\n'));
});
