// rpc + portmap: zeek/portmapper-many-unanswered-calls.pcapng.gz (record marking over TCP, ~27
// calls per segment, one call split across segments) against the goldens and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, frameTree } from './golden.testutil.js';
import { SUMMARY_COLUMNS } from './smallproto.testutil.js';

const CAP = 'zeek/portmapper-many-unanswered-calls.pcapng.gz';

test('rpc: portmap calls over TCP: summary columns match the goldens on every frame', (t) => {
  const r = compareGolden(CAP, SUMMARY_COLUMNS);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 189);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('rpc: a call reassembled from two segments reads as tshark -V shows it', (t) => {
  const tree = frameTree(CAP, 5);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Remote Procedure Call'), [
    'Remote Procedure Call, Type:Call XID:0x1000001b',
    '    Fragment header: Last fragment, 40 bytes',
    '        1... .... .... .... .... .... .... .... = Last Fragment: Yes',
    '        .000 0000 0000 0000 0000 0000 0010 1000 = Fragment Length: 40',
    '    XID: 0x1000001b (268435483)',
    '    Message Type: Call (0)',
    '    RPC Version: 2',
    '    Program: Portmap (100000)',
    '    Program Version: 2',
    '    Procedure: NULL (0)',
    '    Credentials',
    '        Flavor: AUTH_NULL (0)',
    '        Length: 0',
    '    Verifier',
    '        Flavor: AUTH_NULL (0)',
    '        Length: 0',
  ].join('\n'));
  assert.equal(block(tree, 'Portmap'), ['Portmap', '    [Program Version: 2]', '    [V2 Procedure: NULL (0)]'].join('\n'));
});
