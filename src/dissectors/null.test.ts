// BSD loopback: the family in either byte order, EtherType-valued headers, LINKTYPE_LOOP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, dissectBytes, hex, linkAgreement } from './golden.testutil.js';

const IP = '4500001c 00010000 40010000 0a000001 0a000002 0800f7ff00000000';

test('families and types as tshark reads them', () => {
  const rs = dissectBytes(['02000000', '00000002', '00000800', '86dd0000', '63000000'].map((h) => hex(h + IP)), 0);
  assert.deepEqual(rs.map((r) => block(r.tree, 'Null/Loopback')!.split('\n')[1]), [
    '    Family: IP (2)', '    Family: IP (2)', '    Type: IPv4 (0x0800)', '    Type: Unknown (0xdd86)', '    Family: Unknown (99)',
  ]);
  assert.equal(rs[0]!.protocols.split(':').slice(0, 2).join(':'), 'null:ip');
  assert.equal(rs[4]!.protocols, 'null:data');
  assert.equal(rs[4]!.proto, 'N/A');
  assert.equal(rs[4]!.info, 'Null/Loopback');
});

test('LINKTYPE_LOOP is big-endian only', () => {
  const rs = dissectBytes([hex('00000002' + IP), hex('02000000' + IP)], 108);
  assert.match(rs[0]!.tree, /    Encapsulation type: OpenBSD loopback \(174\)/);
  assert.match(rs[0]!.tree, /\n    Family: IP \(2\)\n/);
  assert.match(rs[1]!.tree, /\n    Family: Unknown \(33554432\)\n/);
});

test('null/loopback captures agree with the goldens', (t) => {
  for (const rel of ['gopacket/pcap/test_loopback.pcap', 'tcpdump/quic_handshake.pcap', 'tcpdump/dns-badcookie.pcap', 'zeek/irc-353.pcap']) {
    const a = linkAgreement(rel);
    if (!a) { t.skip('corpus absent'); return; }
    assert.deepEqual(a.mismatches, [], rel);
  }
});
