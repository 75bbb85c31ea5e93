// LLC and SNAP: the header tree, SNAP dispatch by EtherType, SAP-only frames.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, frameTree, protocolsPrefix } from './golden.testutil.js';

test('SNAP with an EtherType dispatches without an ethertype layer', (t) => {
  const tree = frameTree('zeek/snap-arp.pcapng', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Logical-Link Control'), [
    'Logical-Link Control',
    '    DSAP: SNAP (0xaa)',
    '        1010 101. = SAP: SNAP',
    '        .... ...0 = IG Bit: Individual',
    '    SSAP: SNAP (0xaa)',
    '        1010 101. = SAP: SNAP',
    '        .... ...0 = CR Bit: Command',
    '    Control field: U, func=UI (0x03)',
    '        000. 00.. = Command: Unnumbered Information (0x00)',
    '        .... ..11 = Frame type: Unnumbered frame (0x3)',
    '    Organization Code: 00:00:00 (Officially Xerox, but',
    '    Type: ARP (0x0806)',
  ].join('\n'));
  const r = compareGolden('zeek/snap-arp.pcapng', ['frame.protocols', '_ws.col.Info'])!;
  assert.deepEqual(r.mismatches, []);
});

test('LLC over 802.3 and over 802.1Q (frame.protocols up to LLC)', (t) => {
  for (const rel of ['tcpdump/rpvstp-trunk-native-vid5.pcap', 'arkime/packetlife-ISIS_level2_adjacency.pcap']) {
    const r = compareGolden(rel, ['frame.protocols'], {
      transform: (_c, w, g) => [protocolsPrefix(w), protocolsPrefix(g)],
    });
    if (!r) { t.skip('corpus absent'); return; }
    assert.deepEqual(r.mismatches, [], rel);
  }
});
