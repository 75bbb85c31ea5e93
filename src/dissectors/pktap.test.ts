// pktap: PKTAP — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('pktap: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['tcpdump/LINKTYPE_PKTAP.pcap']) {
    const r = encapAgreement(rel, ['pktap', 'pcap_pktdata']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('pktap: tcpdump/LINKTYPE_PKTAP.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/LINKTYPE_PKTAP.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'PKTAP'), [
    'PKTAP packet header',
    '    Header length: 108',
    '    Record type: 1',
    '    DLT: 1',
    '    Interface name: en0',
    '    Flags: 0x00000002',
    '    Protocol family: 2',
    '    Link-layer header length: 14',
    '    Link-layer trailer length: 0',
    '    Process ID: 512',
    '    Command name: ',
    '    Service class: 0',
    '    Interface type: 0',
    '    Interface unit: 0',
    '    Effective process ID: 4294967295',
    '    Effective command name: ',
  ].join('\n'));
});
