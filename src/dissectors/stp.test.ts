// stp: STP/RSTP over LLC and PVST+ over SNAP against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('stp: STP rows of four captures match the goldens', (t) => {
  const want: [string, number][] = [
    ['tcpdump/various_gre.pcap', 21], ['ndpi/teams.pcap', 26], ['tcpdump/rpvstp-trunk-native-vid5.pcap', 18], ['zeek/wikipedia.pcap', 4],
  ];
  for (const [rel, frames] of want) {
    const r = protoRows(rel, ['STP']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames >= frames, `${rel}: ${r.frames}`);
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
});

test('stp: PVST+ RST BPDU and an STP Conf BPDU read as tshark -V shows them', (t) => {
  const tree = frameTree('tcpdump/rpvstp-trunk-native-vid5.pcap', 3);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Spanning Tree Protocol'), [
    'Spanning Tree Protocol',
    '    Protocol Identifier: Spanning Tree Protocol (0x0000)',
    '    Protocol Version Identifier: Rapid Spanning Tree (2)',
    '    BPDU Type: Rapid/Multiple Spanning Tree (0x02)',
    '    BPDU flags: 0x0e, Port Role: Designated, Proposal',
    '        0... .... = Topology Change Acknowledgment: No',
    '        .0.. .... = Agreement: No',
    '        ..0. .... = Forwarding: No',
    '        ...0 .... = Learning: No',
    '        .... 11.. = Port Role: Designated (3)',
    '        .... ..1. = Proposal: Yes',
    '        .... ...0 = Topology Change: No',
    '    Root Identifier: 32768 / 1 / 00:1f:6d:96:ec:00',
    '        Root Bridge Priority: 32768',
    '        Root Bridge System ID Extension: 1',
    '        Root Bridge System ID: 00:1f:6d:96:ec:00',
    '    Root Path Cost: 0',
    '    Bridge Identifier: 32768 / 1 / 00:1f:6d:96:ec:00',
    '        Bridge Priority: 32768',
    '        Bridge System ID Extension: 1',
    '        Bridge System ID: 00:1f:6d:96:ec:00',
    '    Port identifier: 0x8004',
    '    Message Age: 0',
    '    Max Age: 20',
    '    Hello Time: 2',
    '    Forward Delay: 15',
    '    Version 1 Length: 0',
    '    Originating VLAN (PVID): 1',
    '        Type: Originating VLAN (0x0000)',
    '        Length: 2',
    '        Originating VLAN: 1',
  ].join('\n'));
  assert.equal(block(frameTree('ndpi/teams.pcap', 2)!, 'Spanning Tree Protocol'), [
    'Spanning Tree Protocol',
    '    Protocol Identifier: Spanning Tree Protocol (0x0000)',
    '    Protocol Version Identifier: Spanning Tree (0)',
    '    BPDU Type: Configuration (0x00)',
    '    BPDU flags: 0x00',
    '        0... .... = Topology Change Acknowledgment: No',
    '        .... ...0 = Topology Change: No',
    '    Root Identifier: 36864 / 0 / 78:28:ca:05:fa:cc',
    '        Root Bridge Priority: 36864',
    '        Root Bridge System ID Extension: 0',
    '        Root Bridge System ID: 78:28:ca:05:fa:cc',
    '    Root Path Cost: 0',
    '    Bridge Identifier: 36864 / 0 / 78:28:ca:05:fa:cc',
    '        Bridge Priority: 36864',
    '        Bridge System ID Extension: 0',
    '        Bridge System ID: 78:28:ca:05:fa:cc',
    '    Port identifier: 0x8001',
    '    Message Age: 0',
    '    Max Age: 6',
    '    Hello Time: 1',
    '    Forward Delay: 4',
  ].join('\n'));
});
