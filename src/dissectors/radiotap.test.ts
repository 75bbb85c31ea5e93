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

test('radiotap: zeek/radiotap.pcap #1 reads as tshark -V shows it', (t) => {
  const tree = frameTree('zeek/radiotap.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'IEEE 802.11'), [
    'IEEE 802.11 QoS Data, Flags: .......TC',
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
    '    .000 0000 0010 1100 = Duration: 44 microseconds',
    '    Receiver address: 8a:15:14:9b:5a:e0',
    '    Transmitter address: 90:72:40:97:b6:f5',
    '    Destination address: 44:2b:03:aa:ab:8d',
    '    Source address: 90:72:40:97:b6:f5',
    '    BSS Id: 8a:15:14:9b:5a:e0',
    '    STA address: 90:72:40:97:b6:f5',
    '    .... .... .... 0000 = Fragment number: 0',
    '    0000 0000 0001 .... = Sequence number: 1',
    '    Frame check sequence: 0xa7c61203 [unverified]',
    '    [FCS Status: Unverified]',
    '    Qos Control: 0x0006',
    '        .... .... .... 0110 = TID: 6',
    '        [.... .... .... .110 = Priority: Voice (Voice) (6)]',
    '        .... .... ...0 .... = QoS bit 4: Bits 8-15 of QoS Control field are TXOP Duration Requested',
    '        .... .... .00. .... = Ack Policy: Normal Ack (0x0)',
    '        .... .... 0... .... = Payload Type: MSDU',
    '        0000 0000 .... .... = TXOP Duration Requested: 0 (no TXOP requested)',
  ].join('\n'));
});
