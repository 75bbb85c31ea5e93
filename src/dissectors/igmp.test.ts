// igmp: IGMP v2/v3 against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
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
