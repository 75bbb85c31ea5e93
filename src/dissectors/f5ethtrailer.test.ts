// f5ethtrailer: F5 Ethernet trailer — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('f5ethtrailer: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/mixed-vlan-mpls.pcap']) {
    const r = encapAgreement(rel, ['mpls', 'f5ethtrailer']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('f5ethtrailer: zeek/mixed-vlan-mpls.pcap #34 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/mixed-vlan-mpls.pcap', 34);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'F5 Ethernet'), [
    'F5 Ethernet Trailer Protocol',
    '    Low Details',
    '        F5 Trailer Header, Type: 1',
    '            Type: 1',
    '            Trailer length: 20',
    '            Version: 0',
    '        Ingress: False (OUT)',
    '        Slot (1-based): 1',
    '        TMM (0-based): 1',
    '        VIP Name: ',
  ].join('\n'));
});

test('f5ethtrailer: the broken trailers tshark claims and fails on (tcpdump/arp-oobr.pcap)', (t) => {
  const r = compareGolden('tcpdump/arp-oobr.pcap', ['frame.protocols', '_ws.col.Protocol', '_ws.col.Info']);
  if (!r) { t.skip('corpus absent'); return; }
  assert.ok(r.cells > 6000, `compared ${r.cells}`);
  // #186 and #1166: a second ARP / an ATM ARP in the trailer (arp.ts), not F5
  assert.deepEqual(r.mismatches.map((m) => m.frame).filter((n) => n !== 186 && n !== 1166), []);
  // #41: 18 bytes after the ARP, zero but for the last 7 (00 × 11, 40 00 00 00 00 00 aa)
  const tree = frameTree('tcpdump/arp-oobr.pcap', 41)!;
  assert.equal(block(tree, '[Malformed Packet'), [
    '[Malformed Packet: F5 Ethernet trailer]',
    '    [Expert Info (Error/Malformed): Malformed Packet (Exception occurred)]',
    '        [Malformed Packet (Exception occurred)]',
    '        [Severity level: Error]',
    '        [Group: Malformed]',
  ].join('\n'));
});
