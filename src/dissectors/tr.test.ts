// tr: Token Ring — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('tr: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['wireshark-tests/tftp.pcap']) {
    const r = encapAgreement(rel, ['tr']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('tr: wireshark-tests/tftp.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('wireshark-tests/tftp.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Token-Ring'), [
    'Token-Ring',
    '    Access Control: 0x10, Frame',
    '        000. .... = Priority: 0',
    '        ...1 .... = Frame: Frame',
    '        .... 0... = Monitor Count: 0',
    '        .... .000 = Priority Reservation: 0',
    '    Frame Control: 0x40, Frame Type: LLC, Frame PCF: Normal buffer',
    '        01.. .... = Frame Type: LLC (1)',
    '        .... 0000 = Frame PCF: Normal buffer (0)',
    '    Destination: 00:20:35:01:2b:59',
    '    Source: 00:06:29:17:93:f8',
    '    Source Routed: False',
  ].join('\n'));
});
