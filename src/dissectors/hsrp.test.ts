// hsrp: HSRPv2 over IPv6 against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('hsrp: ndpi/hsrp2_ipv6.pcapng summary columns match the goldens', (t) => {
  const r = protoRows('ndpi/hsrp2_ipv6.pcapng', ['HSRP', 'HSRPv2']);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 36);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('hsrp: Interface State and Group State + MD5 TLVs read as tshark -V shows them', (t) => {
  const tree = frameTree('ndpi/hsrp2_ipv6.pcapng', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Cisco Hot Standby Router Protocol'), [
    'Cisco Hot Standby Router Protocol',
    '    Interface State TLV: Type=2 Len=6',
    '        Active Groups: 0',
    '        Passive Groups: 1',
  ].join('\n'));
  assert.equal(block(frameTree('ndpi/hsrp2_ipv6.pcapng', 3)!, 'Cisco Hot Standby Router Protocol'), [
    'Cisco Hot Standby Router Protocol',
    '    Group State TLV: Type=1 Len=40',
    '        Version: 2',
    '        Op Code: Hello (0)',
    '        State: Speak (4)',
    '        IP Ver.: IPv6 (6)',
    '        Group: 16',
    '        Identifier: aa:bb:cc:00:01:20',
    '        Priority: 105',
    '        Hellotime: Non-Default (10000)',
    '        Holdtime: Non-Default (20000)',
    '        Virtual IPv6 Address: fe80::5:73ff:fea0:10',
    '    MD5 Authentication TLV: Type=4 Len=28',
    '        MD5 Algorithm: MD5 (1)',
    '        Padding: 0x00',
    '        MD5 Flags: 0',
    '        Sender\'s IP Address: 0.0.0.1',
    '        MD5 Key ID: 0',
    '        MD5 Authentication Data: 51d1ec51ab34509ab2e33188ca4fee3b',
  ].join('\n'));
});
