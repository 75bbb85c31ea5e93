// gvrp: GARP VLAN Registration Protocol (via STP's SAP) against the corpus goldens and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('gvrp: scapy/gvrp.pcapng.gz summary columns match the goldens (frame.protocols llc:stp:gvrp)', (t) => {
  const r = protoRows('scapy/gvrp.pcapng.gz', ['GVRP']);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 11);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('gvrp: Leave All and Join In messages read as tshark -V shows them', (t) => {
  const tree = frameTree('scapy/gvrp.pcapng.gz', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'GARP VLAN Registration Protocol'), [
    'GARP VLAN Registration Protocol',
    '    Protocol Identifier: 0x0001 (GARP VLAN Registration Protocol)',
    '    Message 1',
    '        Type: VID (0x01)',
    '        Attribute 1',
    '            Length: 2',
    '            Event: Leave All (0)',
    '        End of Mark',
    '    End of Mark',
  ].join('\n'));
  assert.equal(block(frameTree('scapy/gvrp.pcapng.gz', 3)!, 'GARP VLAN Registration Protocol'), [
    'GARP VLAN Registration Protocol',
    '    Protocol Identifier: 0x0001 (GARP VLAN Registration Protocol)',
    '    Message 1',
    '        Type: VID (0x01)',
    '        Attribute 1',
    '            Length: 4',
    '            Event: Join In (2)',
    '            Value: 3',
    '        End of Mark',
    '    End of Mark',
  ].join('\n'));
  assert.equal(block(frameTree('scapy/gvrp.pcapng.gz', 3)!, 'Spanning Tree Protocol'), undefined);
});
