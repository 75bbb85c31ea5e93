// teredo: Teredo — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('teredo: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/tunnels/Teredo.pcap']) {
    const r = encapAgreement(rel, ['teredo']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('teredo: zeek/tunnels/Teredo.pcap #7 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/tunnels/Teredo.pcap', 7);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Teredo'), [
    'Teredo IPv6 over UDP tunneling',
    '    Teredo Authentication header',
    '        Client identifier length: 0',
    '        Authentication value length: 0',
    '        Nonce value: cd5669400b22df88',
    '        Confirmation byte: 00',
    '    Teredo Origin Indication header',
    '        Origin UDP port: 3797',
    '        Origin IPv4 address: 70.55.215.234',
  ].join('\n'));
});
