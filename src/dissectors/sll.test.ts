// Linux cooked capture v1 (LINKTYPE 113) and v2 (276).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree, linkAgreement } from './golden.testutil.js';

test('SLL v1 header, padding and trailer', (t) => {
  const tree = frameTree('zeek/linuxsll-arp.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Linux cooked'), [
    'Linux cooked capture v1',
    '    Packet type: Broadcast (1)',
    '    Link-layer address type: Ethernet (1)',
    '    Link-layer address length: 6',
    '    Source: cc:2d:e0:26:19:99',
    '    Unused: 0000',
    '    Protocol: ARP (0x0806)',
    '    Padding: 00000000000000000000000000000000',
    '    Trailer: 0000',
  ].join('\n'));
});

test('SLL v2 header order', (t) => {
  const tree = frameTree('zeek/linux_dlt_sll2.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Linux cooked'), [
    'Linux cooked capture v2',
    '    Protocol: IPv4 (0x0800)',
    '    Interface index: 1',
    '    Link-layer address type: Loopback (772)',
    '    Packet type: Unicast to us (0)',
    '    Link-layer address length: 6',
    '    Source: 00:00:00:00:00:00',
    '    Unused: 0000',
  ].join('\n'));
});

test('SLL captures agree with the goldens', (t) => {
  for (const rel of ['zeek/linuxsll-arp.pcap', 'zeek/linux_dlt_sll2.pcap', 'tcpdump/tcp-handshake-nano.pcap', 'tcpdump/mptcp-v1.pcap']) {
    const a = linkAgreement(rel);
    if (!a) { t.skip('corpus absent'); return; }
    assert.deepEqual(a.mismatches, [], rel);
  }
});
