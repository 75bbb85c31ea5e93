// radiotap: Radiotap (the 802.11 frame after it carries its FCS) — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('radiotap: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/radiotap.pcap', 'tcpdump/ieee802.11_htc.pcap']) {
    const r = encapAgreement(rel, ['radiotap', 'wlan_radio', 'wlan']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('radiotap: the FCS flag makes the 802.11 frame end with its FCS, as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/radiotap.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.match(block(tree, 'Radiotap Header')!, /^Radiotap Header v0, Length 48\n/);
  assert.match(block(tree, 'Radiotap Header')!, /\n        \.\.\.1 \.\.\.\. = FCS at end: True/);
  const wlan = block(tree, 'IEEE 802.11')!;
  assert.match(wlan, /^IEEE 802.11 QoS Data, Flags: \.{7}TC\n/);
  assert.match(wlan, /= Sequence number: 1\n    Frame check sequence: 0xa7c61203 \[unverified\]\n    \[FCS Status: Unverified\]\n    Qos Control: 0x0006\n/);
});
