// IPv6: header, extension headers, fragment reassembly, malformed and truncated headers, and the
// ipv6.* / frame.protocols / column goldens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, dissectBytes, frameTree, hex, linkAgreement } from './golden.testutil.js';

test('fragments: Info of a non-final fragment, reassembly in the last one', (t) => {
  const c = compareGolden('ndpi/dns_fragmented.pcap', ['frame.protocols', 'ipv6.src', 'ipv6.dst', 'ipv6.nxt']);
  if (!c) { t.skip('corpus absent'); return; }
  assert.deepEqual(c.mismatches.filter((m) => m.field !== 'frame.protocols' || !m.want.includes('dns')), []);
  const f4 = compareGolden('zeek/ipv6-fragmented-dns.pcap', ['_ws.col.Info'], { rowFilter: (g) => g('_ws.col.Protocol') === 'IPv6' })!;
  assert.deepEqual(f4.mismatches, []);
  const tree = frameTree('ndpi/dns_fragmented.pcap', 6)!;
  const ip = block(tree, 'Internet Protocol Version 6')!.split('\n');
  assert.deepEqual(ip.slice(11, 23), [
    '    Fragment Header for IPv6',
    '        Next header: UDP (17)',
    '        Reserved octet: 0x00',
    '        0000 0101 1010 1... = Offset: 181 (1448 bytes)',
    '        .... .... .... .00. = Reserved bits: 0',
    '        .... .... .... ...0 = More Fragments: No',
    '        Identification: 0x28403c0b',
    '    [2 IPv6 Fragments (1509 bytes): #5(1448), #6(61)]',
    '        [Frame: 5, payload: 0-1447 (1448 bytes)]',
    '        [Frame: 6, payload: 1448-1508 (61 bytes)]',
    '        [Fragment count: 2]',
    '        [Reassembled IPv6 length: 1509]',
  ]);
});

test('hop-by-hop jumbo payload', (t) => {
  const tree = frameTree('tcpdump/ipv6_jumbogram_1.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  const ip = block(tree, 'Internet Protocol Version 6')!;
  assert.match(ip, /\n    Payload Length: 0 \(Jumbogram\)\n    Next Header: IPv6 Hop-by-Hop Option \(0\)\n/);
  assert.match(ip, /\n    \[Source SLAAC MAC: 00:12:3f:ae:22:f7\]\n    IPv6 Hop-by-Hop Option\n        Next Header: ICMPv6 \(58\)\n        Length: 0\n        \[Length: 8 bytes\]\n        Jumbo Payload\n            Type: Jumbo Payload \(0xc2\)\n                11\.\. \.\.\.\. = Action: Discard and send ICMP if not multicast \(3\)\n                \.\.0\. \.\.\.\. = May Change: No\n                \.\.\.0 0010 = Low-Order Bits: 0x02\n            Length: 4\n            Payload Length: 65536$/);
});

test('routing headers: type 0 (deprecated) and segment routing', (t) => {
  const tree = frameTree('tcpdump/ipv6-srh-ext-header.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.match(block(tree, 'Internet Protocol Version 6')!, /\n    Routing Header for IPv6 \(Segment Routing\)\n        Next Header: IPv6 \(41\)\n        Length: 4\n        \[Length: 40 bytes\]\n        Type: Segment Routing \(4\)\n        Segments Left: 1\n        Last Entry: 1\n        Flags: 0x00\n        Tag: 0000\n        Address\[0\]: a:b:c:3::d6\n        Address\[1\]: a:b:c:2::f1:0$/);
  const t0 = frameTree('zeek/ipv6-hbh-routing0.pcap', 1)!;
  assert.match(block(t0, 'Internet Protocol Version 6')!, /\n        Type: Source Route \(0\)\n            \[Expert Info \(Note\/Deprecated\): Routing header type is deprecated\]\n(.*\n)*        Segments Left: 2\n        Reserved: 00000000\n        Address\[1\]: 2001:78:1:32::1\n        Address\[2\]: 2001:78:1:32::2$/);
});

test('unknown next header, no next header, bad version', () => {
  const v6 = (nxt: string, payload: string): Uint8Array => hex('ffffffffffff 020000000001 86dd 60000000' + (payload.length / 2).toString(16).padStart(4, '0') + nxt + '40 20010db8000000000000000000000001 20010db8000000000000000000000002' + payload);
  const rs = dissectBytes([v6('fd', '41'.repeat(20)), v6('3b', ''), hex('ffffffffffff 020000000001 86dd 00000000' + '00'.repeat(60))]);
  assert.equal(rs[0]!.info, 'Unknown IP Protocol: Unknown (253)');
  assert.equal(rs[0]!.protocols, 'eth:ethertype:ipv6:data');
  assert.equal(rs[1]!.info, 'IPv6 no next header');
  assert.equal(rs[2]!.proto, '0x86dd');
  assert.equal(rs[2]!.info, 'IPv6');
  assert.equal(rs[2]!.protocols, 'eth:ethertype:data');
  assert.match(rs[2]!.tree, /^Internet Protocol Version 6\n    0000 \.\.\.\. = Version: 0\n        \[Expert Info \(Error\/Malformed\): Bogus IPv6 version\]/m);
});

test('IPv6 goldens: addresses, next header, protocols and the IPv6-only columns', (t) => {
  const files = [
    'zeek/ipv6-hbh-routing0.pcap', 'zeek/ipv6-fragmented-dns.pcap', 'zeek/ipv6-http-atomic-frag.pcap', 'zeek/ipv6-mobility-dst-opts.pcap',
    'tcpdump/ipv6-routing-header.pcap', 'tcpdump/ipv6-srh-ext-header.pcap', 'tcpdump/ipv6_jumbogram_1.pcap', 'tcpdump/bigtcp-ipv6-hbh.pcap',
    'tcpdump/ipv6_no_next_header.pcap', 'tcpdump/ipv6-bad-version.pcap', 'tcpdump/ipv6_invalid_length.pcap', 'zeek/trunc/ip6-trunc.pcap',
    'zeek/trunc/ip6-ext-trunc.pcap', 'tcpdump/ipv6-next-header-oobr-1.pcap', 'tcpdump/ipv6-rthdr-oobr.pcap', 'tcpdump/ipv6hdr-heapoverflow.pcap',
    'ndpi/dns_fragmented.pcap', 'arkime/v6.pcap', 'arkime/v6-http.pcap',
  ];
  let cells = 0, equal = 0;
  for (const rel of files) {
    const a = linkAgreement(rel);
    if (!a) { t.skip('corpus absent'); return; }
    cells += a.cells;
    equal += a.equal;
    assert.deepEqual(a.mismatches.filter((m) => m.field.startsWith('ipv6.')), [], rel);
  }
  assert.ok(equal / cells > 0.995, `agreement ${equal}/${cells}`);
});
