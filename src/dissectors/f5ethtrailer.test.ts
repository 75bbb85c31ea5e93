// f5ethtrailer: F5 Ethernet trailer — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('f5ethtrailer: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/mixed-vlan-mpls.pcap']) {
    const r = encapAgreement(rel, ['mpls', 'f5ethtrailer']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('f5ethtrailer: zeek/mixed-vlan-mpls.pcap #34 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/mixed-vlan-mpls.pcap', 34);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'F5 Ethernet'), [
    'F5 Ethernet Trailer Protocol',
    '    Low Details',
    '        F5 Trailer Header, Type: 1',
    '            Type: 1',
    '            Trailer length: 20',
    '            Version: 0',
    '        Ingress: False (OUT)',
    '        Slot (1-based): 1',
    '        TMM (0-based): 1',
    '        VIP Name: ',
  ].join('\n'));
});
