// wlan: 802.11 data frames (Aruba GRE WLAN, link type 105) — fields against the corpus goldens, the tree against tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { encapAgreement } from './encap.testutil.js';

test('wlan: Foundation columns and frame.protocols match the goldens', (t) => {
  for (const rel of ['zeek/tunnels/gre-aruba.pcap', 'zeek/wlanmon.pcap']) {
    const r = encapAgreement(rel, ['gre', 'wlan']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.ok(r.frames > 0, rel);
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('wlan: zeek/tunnels/gre-aruba.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/tunnels/gre-aruba.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'IEEE 802.11'), [
    'IEEE 802.11 QoS Data, Flags: .......T',
    '    Type/Subtype: QoS Data (0x0028)',
    '    Frame Control Field: 0x8801',
    '        .... ..00 = Version: 0',
    '        .... 10.. = Type: Data frame (2)',
    '        1000 .... = Subtype: 8',
    '        Flags: 0x01',
    '            .... ..01 = DS status: Frame from STA to DS via an AP (To DS: 1 From DS: 0) (0x1)',
    '            .... .0.. = More Fragments: This is the last fragment',
    '            .... 0... = Retry: Frame is not being retransmitted',
    '            ...0 .... = PWR MGT: STA will stay up',
    '            ..0. .... = More Data: No data buffered',
    '            .0.. .... = Protected flag: Data is not protected',
    '            0... .... = +HTC/Order flag: Not strictly ordered',
    '    .000 0000 0000 0000 = Duration: 0 microseconds',
    '    Receiver address: f0:5c:19:7c:8d:70',
    '    Transmitter address: 5c:5f:67:02:2e:7a',
    '    Destination address: 00:11:dc:00:00:01',
    '    Source address: 5c:5f:67:02:2e:7a',
    '    BSS Id: f0:5c:19:7c:8d:70',
    '    STA address: 5c:5f:67:02:2e:7a',
    '    .... .... .... 0000 = Fragment number: 0',
    '    0111 1101 1000 .... = Sequence number: 2008',
    '    Qos Control: 0x0000',
    '        .... .... .... 0000 = TID: 0',
    '        [.... .... .... .000 = Priority: Best Effort (Best Effort) (0)]',
    '        .... .... ...0 .... = QoS bit 4: Bits 8-15 of QoS Control field are TXOP Duration Requested',
    '        .... .... .00. .... = Ack Policy: Normal Ack (0x0)',
    '        .... .... 0... .... = Payload Type: MSDU',
    '        0000 0000 .... .... = TXOP Duration Requested: 0 (no TXOP requested)',
  ].join('\n'));
});
