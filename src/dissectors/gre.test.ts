// gre: GRE (and Cisco MetaData / Aruba 802.11 payloads) — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('gre: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/tunnels/gre-sample.pcap', 'tcpdump/various_gre.pcap', 'zeek/tunnels/gre-aruba.pcap']) {
    const r = encapAgreement(rel, ['gre', 'cmd', 'wlan']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('gre: zeek/tunnels/gre-sample.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/tunnels/gre-sample.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Generic Routing'), [
    'Generic Routing Encapsulation (IP)',
    '    Flags and Version: 0x0000',
    '        0... .... .... .... = Checksum Bit: No',
    '        .0.. .... .... .... = Routing Bit: No',
    '        ..0. .... .... .... = Key Bit: No',
    '        ...0 .... .... .... = Sequence Number Bit: No',
    '        .... 0... .... .... = Strict Source Route Bit: No',
    '        .... .000 .... .... = Recursion control: 0',
    '        .... .... 0000 0... = Flags (Reserved): 0',
    '        .... .... .... .000 = Version: GRE (0)',
    '    Protocol Type: IP (0x0800)',
  ].join('\n'));
});

test('gre: tcpdump/various_gre.pcap #11 reads as tshark -V shows it', (t) => {
  const tree = frameTree('tcpdump/various_gre.pcap', 11);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Generic Routing Encapsulation (Possible'), [
    'Generic Routing Encapsulation (Possible GRE keepalive packet)',
    '    Flags and Version: 0x2000',
    '        0... .... .... .... = Checksum Bit: No',
    '        .0.. .... .... .... = Routing Bit: No',
    '        ..1. .... .... .... = Key Bit: Yes',
    '        ...0 .... .... .... = Sequence Number Bit: No',
    '        .... 0... .... .... = Strict Source Route Bit: No',
    '        .... .000 .... .... = Recursion control: 0',
    '        .... .... 0000 0... = Flags (Reserved): 0',
    '        .... .... .... .000 = Version: GRE (0)',
    '    Protocol Type: Possible GRE keepalive packet (0x0000)',
    '    Key: 0x00000028',
  ].join('\n'));
});
