// mndp: MikroTik Neighbor Discovery over UDP 5678 against the corpus goldens and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('mndp: MNDP rows of ndpi/1kxun.pcap (IPv4 and IPv6) match the goldens', (t) => {
  const r = protoRows('ndpi/1kxun.pcap', ['MNDP']);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 5);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('mndp: the TLVs read as tshark -V shows them', (t) => {
  const tree = frameTree('ndpi/1kxun.pcap', 685);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Mikrotik Neighbor Discovery Protocol'), [
    'Mikrotik Neighbor Discovery Protocol',
    '    Header Unknown: 0000',
    '    SeqNo: 43293',
    '    T 1, L 6: MAC-Address',
    '        TlvType: 1 = MAC-Address',
    '        TlvLength: 6',
    '        MAC-Address: 4c:5e:0c:ea:03:88',
    '    T 5, L 5: Identity',
    '        TlvType: 5 = Identity',
    '        TlvLength: 5',
    '        Identity: 4MNAT',
    '    T 7, L 15: Version',
    '        TlvType: 7 = Version',
    '        TlvLength: 15',
    '        Version: 6.35.1 (stable)',
    '    T 8, L 8: Platform',
    '        TlvType: 8 = Platform',
    '        TlvLength: 8',
    '        Platform: MikroTik',
    '    T 10, L 4: Uptime',
    '        TlvType: 10 = Uptime',
    '        TlvLength: 4',
    '        Uptime: 2397827.000000000 seconds',
    '    T 11, L 9: Software-ID',
    '        TlvType: 11 = Software-ID',
    '        TlvLength: 9',
    '        Software-ID: N538-G04U',
    '    T 12, L 6: Board',
    '        TlvType: 12 = Board',
    '        TlvLength: 6',
    '        Board: RB450G',
    '    T 14, L 1: Unpack',
    '        TlvType: 14 = Unpack',
    '        TlvLength: 1',
    '        Unpack: Unknown (0)',
    '    T 16, L 6: Interface name',
    '        TlvType: 16 = Interface name',
    '        TlvLength: 6',
    '        Interface name: ether2',
  ].join('\n'));
});
