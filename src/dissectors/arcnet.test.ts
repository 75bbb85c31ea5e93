// arcnet: ARCNET — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('arcnet: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['tcpdump/arcnet-rfc1201-arp-icmp-http.pcap']) {
    const r = encapAgreement(rel, ['arcnet']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('arcnet: tcpdump/arcnet-rfc1201-arp-icmp-http.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/arcnet-rfc1201-arp-icmp-http.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'ARCNET'), [
    'ARCNET',
    '    Source: 0xbe',
    '    Dest: 0x00',
    '    Offset: ea08',
    '    Protocol ID: RFC 1201 ARP (0xd5)',
    '    Split Flag: 0',
    '    Sequence: 357',
  ].join('\n'));
});
