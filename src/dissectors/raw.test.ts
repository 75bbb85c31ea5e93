// Raw IP link types: 101/12/14 (version sniffed, `raw` layer), 228 (IPv4), 229 (IPv6).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dissectBytes, hex, linkAgreement } from './golden.testutil.js';

test('raw frames that are not IP', () => {
  const [r] = dissectBytes([hex('11'.repeat(30))], 101);
  assert.equal(r!.protocols, 'raw:data');
  assert.equal(r!.proto, 'N/A');
  assert.equal(r!.info, 'Raw packet data');
  assert.match(r!.tree, /^Raw packet data\n/m);
});

test('LINKTYPE_IPV6 with a bad version: no layer, no data, tshark columns', () => {
  const [r] = dissectBytes([hex('45000039' + '00'.repeat(53))], 229);
  assert.equal(r!.protocols, '');
  assert.equal(r!.proto, 'IPv6');
  assert.equal(r!.info, 'Bogus IPv6 version (4, must be 6)');
});

test('raw IP captures agree with the goldens', (t) => {
  for (const rel of ['tcpdump/LINKTYPE_RAW_ipv4.pcap', 'tcpdump/LINKTYPE_RAW_ipv6.pcap', 'tcpdump/LINKTYPE_IPV4.pcap', 'tcpdump/LINKTYPE_IPV6.pcap', 'tcpdump/LINKTYPE_IPV4_invalid.pcap', 'tcpdump/LINKTYPE_IPV6_invalid.pcap', 'zeek/tcp-syslog.pcap']) {
    const a = linkAgreement(rel);
    if (!a) { t.skip('corpus absent'); return; }
    assert.deepEqual(a.mismatches, [], rel);
  }
});
