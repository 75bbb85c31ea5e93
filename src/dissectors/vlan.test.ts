// 802.1Q / 802.1ad tags: labels, stacked tags, the tag-only columns, and the golden columns.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, dissectBytes, frameTree, hex, protocolsPrefix } from './golden.testutil.js';

test('tag fields and the Info of a tag with nothing known above it', () => {
  const [r] = dissectBytes([hex('ffffffffffff 020000000001 8100 b005 1234' + '00'.repeat(60))]);
  assert.equal(block(r!.tree, '802.1Q'), [
    '802.1Q Virtual LAN, PRI: 5, DEI: 1, ID: 5',
    '    101. .... .... .... = Priority: Voice, < 10ms latency and jitter (5)',
    '    ...1 .... .... .... = DEI: Eligible',
    '    .... 0000 0000 0101 = ID: 5',
    '    Type: Unknown (0x1234)',
  ].join('\n'));
  assert.equal(r!.proto, '0x1234');
  assert.equal(r!.info, 'PRI: 5  DEI: 1  ID: 5');
  assert.equal(r!.protocols, 'eth:ethertype:vlan:ethertype:data');
});

test('a tag followed by an 802.3 length carries LLC', () => {
  const [r] = dissectBytes([hex('ffffffffffff 020000000001 8100 0005 0020 121203' + '00'.repeat(60))]);
  assert.equal(r!.protocols, 'eth:ethertype:vlan:llc:data');
  assert.match(block(r!.tree, '802.1Q')!, /\n    Length: 32\n    Padding: 0{20}\n    Trailer: 0{42}$/);
  assert.equal(r!.info, 'U, func=UI; DSAP 0x12 Individual, SSAP 0x12 Command');
});

test('802.1ad S-tag over an 802.1Q C-tag', (t) => {
  const tree = frameTree('tcpdump/802.1ad_QinQ.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'IEEE 802.1ad'), [
    'IEEE 802.1ad, ID: 200',
    '    000. .... .... .... = Priority: 0',
    '    ...0 .... .... .... = DEI: 0',
    '    .... 0000 1100 1000 = ID: 200',
    '    Type: 802.1Q Virtual LAN (0x8100)',
  ].join('\n'));
  assert.match(block(tree, '802.1Q')!, /\n    Type: ARP \(0x0806\)\n    Padding: 0{20}\n    Trailer: 00000000$/);
});

test('vlan.id, frame.protocols and columns match the goldens (stacked tags too)', (t) => {
  for (const rel of ['zeek/icmp_dot1q.pcap', 'zeek/q-in-q.pcap', 'zeek/vlan-qinqinq.pcap', 'tcpdump/802.1ad_QinQ.pcap', 'arkime/dot1ad.pcap', 'arkime/twovlan.pcap', 'zeek/vlan-pcp-dei.pcapng', 'zeek/http-vlan-0.pcap']) {
    const r = compareGolden(rel, ['vlan.id', 'eth.type', 'frame.protocols'], {
      // upper layers (IP and above) are other dissectors' business: compare up to the tags' payload
      transform: (c, w, g) => (c === 'frame.protocols' ? [protocolsPrefix(w), protocolsPrefix(g)] : [w, g]),
    });
    if (!r) { t.skip('corpus absent'); return; }
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('a 21st nested 802.1Q tag is refused with tshark\'s warning; 20 are decoded', () => {
  // 50 stacked tags (IDs 49 … 0) over IPv4, as hand-made for tshark 4.0: it decodes IDs 49 … 30,
  // names the 21st (Info 'ID: 29' already set) with "Too many nested VLAN tags" and stops
  let tags = '0800' + '4500001c00010000401100000a0000010a000002' + '04d2d431000800000000';
  for (let i = 0; i < 50; i++) tags = '8100' + i.toString(16).padStart(4, '0') + tags;
  const [r] = dissectBytes([hex('001122334455 00aabbccddee' + tags)]);
  assert.equal(r!.protocols, 'eth' + ':ethertype:vlan'.repeat(21));
  assert.deepEqual([r!.proto, r!.info], ['VLAN', 'PRI: 0  DEI: 0  ID: 29']);
  assert.match(r!.tree, /\n802\.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 30\n(?: {4}.*\n)+802\.1Q Virtual LAN\n {4}\[Expert Info \(Warning\/Undecoded\): Too many nested VLAN tags\]\n/);
});
