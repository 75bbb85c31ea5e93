// isis: IS-IS over LLC/OSI against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { compareGolden } from './golden.testutil.js';
import { SUMMARY_COLUMNS } from './smallproto.testutil.js';

test('isis: Hello, LSP and CSNP rows of arkime/packetlife-ISIS_level2_adjacency.pcap match the goldens', (t) => {
  const r = compareGolden('arkime/packetlife-ISIS_level2_adjacency.pcap', SUMMARY_COLUMNS);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 43);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('isis: the common header reads as tshark -V shows it', (t) => {
  const tree = frameTree('arkime/packetlife-ISIS_level2_adjacency.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'ISO 10589 ISIS InTRA'), [
    'ISO 10589 ISIS InTRA Domain Routeing Information Exchange Protocol',
    '    Intradomain Routing Protocol Discriminator: ISIS (0x83)',
    '    Length Indicator: 27',
    '    Version/Protocol ID Extension: 1',
    '    ID Length: 0',
    '    000. .... = Reserved: 0x0',
    '    ...1 0000 = PDU Type: L2 HELLO (16)',
    '    Version: 1',
    '    Reserved: 0',
    '    Maximum Area Addresses: 0',
  ].join('\n'));
});
