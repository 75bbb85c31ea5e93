// igmp: IGMP v2/v3 against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, dissectBytes, frameTree, hex } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('igmp: IGMP rows of three captures match the goldens', (t) => {
  const want: [string, number][] = [['arkime/igmp.pcap', 29], ['tcpdump/IGMP_V2.pcap', 18], ['ndpi/gnutella.pcap', 12]];
  for (const [rel, frames] of want) {
    const r = protoRows(rel, ['IGMPv1', 'IGMPv2', 'IGMPv3']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames >= frames, `${rel}: ${r.frames}`);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('igmp: a v3 report, a v3 query and a v2 report read as tshark -V shows them', (t) => {
  const tree = frameTree('arkime/igmp.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Internet Group Management Protocol'), [
    'Internet Group Management Protocol',
    '    [IGMP Version: 3]',
    '    Type: Membership Report (0x22)',
    '    Reserved: 00',
    '    Checksum: 0xfeed [correct]',
    '    [Checksum Status: Good]',
    '    Reserved: 0000',
    '    Num Group Records: 3',
    '    Group Record : 239.1.1.1  Change To Exclude Mode',
    '        Record Type: Change To Exclude Mode (4)',
    '        Aux Data Len: 0',
    '        Num Src: 0',
    '        Multicast Address: 239.1.1.1',
    '    Group Record : 239.2.2.2  Change To Exclude Mode',
    '        Record Type: Change To Exclude Mode (4)',
    '        Aux Data Len: 0',
    '        Num Src: 0',
    '        Multicast Address: 239.2.2.2',
    '    Group Record : 239.3.3.3  Change To Exclude Mode',
    '        Record Type: Change To Exclude Mode (4)',
    '        Aux Data Len: 0',
    '        Num Src: 0',
    '        Multicast Address: 239.3.3.3',
  ].join('\n'));
  assert.equal(block(frameTree('arkime/igmp.pcap', 4)!, 'Internet Group Management Protocol'), [
    'Internet Group Management Protocol',
    '    [IGMP Version: 3]',
    '    Type: Membership Query (0x11)',
    '    Max Resp Time: 1.0 sec (0x0a)',
    '    Checksum: 0xfc75 [correct]',
    '    [Checksum Status: Good]',
    '    Multicast Address: 239.1.1.1',
    '    .... 0... = S: Do not suppress router side processing',
    '    .... .010 = QRV: 2',
    '    QQIC: 125',
    '    Num Src: 0',
  ].join('\n'));
  assert.equal(block(frameTree('tcpdump/IGMP_V2.pcap', 2)!, 'Internet Group Management Protocol'), [
    'Internet Group Management Protocol',
    '    [IGMP Version: 2]',
    '    Type: Membership Report (0x16)',
    '    Max Resp Time: 0.0 sec (0x00)',
    '    Checksum: 0xfa04 [correct]',
    '    [Checksum Status: Good]',
    '    Multicast Address: 239.255.255.250',
  ].join('\n'));
});

test('IGMPv3 query sources in Info, a bad checksum as tshark 4.0 shows it', () => {
  // hand-made queries for group 224.3.3.3 (IP with Router Alert): two sources, one, a list cut
  // after one of two; checksums left 0
  const frame = (igmp: string): Uint8Array => {
    const ip = '4600' + (24 + igmp.replace(/ /g, '').length / 2).toString(16).padStart(4, '0') + '000100000102000014000101e0030303 94040000';
    const b = hex('01005e030303 00aabbccddee 0800' + ip + igmp);
    const out = new Uint8Array(Math.max(60, b.length));
    out.set(b);
    return out;
  };
  const rs = dissectBytes([frame('1164 0000 e0030303 027d 0002 01020304 05060708'), frame('1164 0000 e0030303 027d 0001 01020304'), frame('1164 0000 e0030303 027d 0002 01020304')]);
  assert.deepEqual(rs.map((r) => r.info), [
    'Membership Query, specific for group 224.3.3.3, sources {1.2.3.4, 5.6.7.8}',
    'Membership Query, specific for group 224.3.3.3, source {1.2.3.4}',
    'Membership Query, specific for group 224.3.3.3, sources {1.2.3.4, [Malformed Packet]',
  ]);
  assert.match(rs[0]!.tree, /\n {4}Checksum: 0x0000 incorrect, should be 0xf901\n {8}\[Expert Info \(Error\/Checksum\): Bad checksum \[should be 0xf901\]\]\n/);
  assert.match(rs[2]!.tree, /\n\[Malformed Packet: IGMP\]\n/);
});
