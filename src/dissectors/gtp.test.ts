// gtp: GTP-U — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('gtp: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['arkime/ipv6-gtp6.pcap', 'ndpi/dtls.pcap']) {
    const r = encapAgreement(rel, ['gtp']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('gtp: arkime/ipv6-gtp6.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('arkime/ipv6-gtp6.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'GPRS'), [
    'GPRS Tunneling Protocol',
    '    Flags: 0x30',
    '        001. .... = Version: GTP release 99 version (1)',
    '        ...1 .... = Protocol type: GTP (1)',
    '        .... 0... = Reserved: 0',
    '        .... .0.. = Is Next Extension Header present?: No',
    '        .... ..0. = Is Sequence Number present?: No',
    '        .... ...0 = Is N-PDU number present?: No',
    '    Message Type: T-PDU (0xff)',
    '    Length: 380',
    '    TEID: 0x022be642 (36431426)',
  ].join('\n'));
});
