// esp: ESP over IPv4 against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('esp: arkime/wireshark-esp.pcap summary columns match the goldens', (t) => {
  const r = protoRows('arkime/wireshark-esp.pcap', ['ESP']);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 240);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('esp: frame 1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('arkime/wireshark-esp.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Encapsulating Security Payload'), [
    'Encapsulating Security Payload',
    '    ESP SPI: 0x0000006e (110)',
    '    ESP Sequence: 19',
  ].join('\n'));
});
