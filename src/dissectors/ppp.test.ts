// ppp: PPP link type — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('ppp: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/quic/interop/quic-go_quic-go/handshake.pcap', 'zeek/quic/interop/quic-go_quic-go/retry.pcap', 'tcpdump/ppp_ip_udp_dns.pcap']) {
    const r = encapAgreement(rel, ['ppp']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('ppp: ndpi/dns.pcap #4 reads as tshark -V shows it', (t) => {
  const tree = frameTree('ndpi/dns.pcap', 4);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Point-to-Point'), [
    'Point-to-Point Protocol',
    '    Protocol: Internet Protocol version 4 (0x0021)',
  ].join('\n'));
});

test('ppp: tcpdump/ppp_ip_udp_dns.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/ppp_ip_udp_dns.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Point-to-Point'), [
    'Point-to-Point Protocol',
    '    Address: 0xff',
    '    Control: 0x5f',
    '    Protocol: Unknown (0x7e08)',
  ].join('\n'));
});
