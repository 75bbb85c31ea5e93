// fr: Frame Relay (Cisco and RFC 2427 encapsulations) — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('fr: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['arkime/icmp-frame-relay.pcap', 'wireshark-tests/arp.pcap']) {
    const r = encapAgreement(rel, ['fr']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('fr: arkime/icmp-frame-relay.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('arkime/icmp-frame-relay.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Frame Relay'), [
    'Frame Relay',
    '    First address octet: 0x18',
    '        0001 10.. = Upper DLCI: 0x06',
    '        .... ..0. = CR: Response',
    '        .... ...0 = EA: More Follows',
    '    Second address octet: 0x61, EA',
    '        0110 .... = Second DLCI: 0x6',
    '        .... 0... = FECN: False',
    '        .... .0.. = BECN: False',
    '        .... ..0. = DE: False',
    '        .... ...1 = EA: Last Octet',
    '    DLCI: 102',
    '    Type: IP (0x0800)',
  ].join('\n'));
});

test('fr: RFC 2427 encapsulation (wireshark-tests/arp.pcap #1: UI, padding, SNAP) as tshark -V shows it', (t) => {
  const tree = frameTree('wireshark-tests/arp.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  // the address octets are laid out as in the Cisco case above; what follows the DLCI differs
  const fr = block(tree, 'Frame Relay')!;
  assert.equal(fr.slice(fr.indexOf('    DLCI:')), [
    '    DLCI: 100',
    '    Control field: U, func=UI (0x03)',
    '        000. 00.. = Command: Unnumbered Information (0x00)',
    '        .... ..11 = Frame type: Unnumbered frame (0x3)',
    '    Padding',
    '    NLPID: SNAP (0x80)',
    '    Organization Code: 00:00:00 (Officially Xerox, but',
    '    Type: ARP (0x0806)',
  ].join('\n'));
});
