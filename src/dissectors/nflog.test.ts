// nflog: NFLOG — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('nflog: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/nflog-http.pcap', 'arkime/nflog.pcap', 'tcpdump/nflog.pcap']) {
    const r = encapAgreement(rel, ['nflog']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('nflog: zeek/nflog-http.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/nflog-http.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Linux Netfilter'), [
    'Linux Netfilter NFLOG',
    '    Family: IPv4 (2)',
    '    Version: 0',
    '    Resource id: 42',
    '    TLV Type: NFULA_PACKET_HDR (1), Length: 8',
    '        Length: 8',
    '        .000 0000 0000 0001 = Type: NFULA_PACKET_HDR (1)',
    '        HW protocol: Unknown (0x0000)',
    '        Netfilter hook: Local out (3)',
    '    TLV Type: NFULA_PREFIX (10), Length: 5',
    '        Length: 5',
    '        .000 0000 0000 1010 = Type: NFULA_PREFIX (10)',
    '        Prefix: ',
    '    TLV Type: NFULA_IFINDEX_OUTDEV (5), Length: 8',
    '        Length: 8',
    '        .000 0000 0000 0101 = Type: NFULA_IFINDEX_OUTDEV (5)',
    '        IFINDEX_OUTDEV: 2',
    '    TLV Type: NFULA_UID (11), Length: 8',
    '        Length: 8',
    '        .000 0000 0000 1011 = Type: NFULA_UID (11)',
    '        UID: 0',
    '    TLV Type: NFULA_GID (14), Length: 8',
    '        Length: 8',
    '        .000 0000 0000 1110 = Type: NFULA_GID (14)',
    '        GID: 0',
    '    TLV Type: NFULA_PAYLOAD (9), Length: 64',
    '        Length: 64',
    '        .000 0000 0000 1001 = Type: NFULA_PAYLOAD (9)',
  ].join('\n'));
});
