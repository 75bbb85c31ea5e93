// eapol: EAPOL-Key 4-way handshakes against the corpus goldens (Protocol/Info/frame.protocols) and tshark -V.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, frameTree } from './golden.testutil.js';
import { protoRows } from './smallproto.testutil.js';

test('eapol: EAPOL rows of ndpi/iphone.pcap and ndpi/android.pcap match the goldens', (t) => {
  let frames = 0;
  for (const rel of ['ndpi/iphone.pcap', 'ndpi/android.pcap']) {
    const r = protoRows(rel, ['EAPOL']);
    if (!r) { t.skip('corpus absent'); return; }
    frames += r.frames;
    assert.deepEqual(r.mismatches.slice(0, 5), [], rel);
  }
  assert.equal(frames, 10);
});

test('eapol: messages 1 and 4 of a 4-way handshake read as tshark -V shows them', (t) => {
  const tree = frameTree('ndpi/iphone.pcap', 25);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, '802.1X Authentication'), [
    '802.1X Authentication',
    '    Version: 802.1X-2004 (2)',
    '    Type: Key (3)',
    '    Length: 95',
    '    Key Descriptor Type: EAPOL RSN Key (2)',
    '    [Message number: 1]',
    '    Key Information: 0x008a',
    '        .... .... .... .010 = Key Descriptor Version: AES Cipher, HMAC-SHA1 MIC (2)',
    '        .... .... .... 1... = Key Type: Pairwise Key',
    '        .... .... ..00 .... = Key Index: 0',
    '        .... .... .0.. .... = Install: Not set',
    '        .... .... 1... .... = Key ACK: Set',
    '        .... ...0 .... .... = Key MIC: Not set',
    '        .... ..0. .... .... = Secure: Not set',
    '        .... .0.. .... .... = Error: Not set',
    '        .... 0... .... .... = Request: Not set',
    '        ...0 .... .... .... = Encrypted Key Data: Not set',
    '        ..0. .... .... .... = SMK Message: Not set',
    '    Key Length: 16',
    '    Replay Counter: 0',
    '    WPA Key Nonce: 6fbe036fb8ac0f17da063115ba997978b23a7f747bbf49ea01bbdc5330bd0f12',
    '    Key IV: 00000000000000000000000000000000',
    '    WPA Key RSC: 0000000000000000',
    '    WPA Key ID: 0000000000000000',
    '    WPA Key MIC: 00000000000000000000000000000000',
    '    WPA Key Data Length: 0',
  ].join('\n'));
  assert.equal(block(frameTree('ndpi/iphone.pcap', 28)!, '802.1X Authentication'), [
    '802.1X Authentication',
    '    Version: 802.1X-2004 (2)',
    '    Type: Key (3)',
    '    Length: 95',
    '    Key Descriptor Type: EAPOL RSN Key (2)',
    '    [Message number: 4]',
    '    Key Information: 0x030a',
    '        .... .... .... .010 = Key Descriptor Version: AES Cipher, HMAC-SHA1 MIC (2)',
    '        .... .... .... 1... = Key Type: Pairwise Key',
    '        .... .... ..00 .... = Key Index: 0',
    '        .... .... .0.. .... = Install: Not set',
    '        .... .... 0... .... = Key ACK: Not set',
    '        .... ...1 .... .... = Key MIC: Set',
    '        .... ..1. .... .... = Secure: Set',
    '        .... .0.. .... .... = Error: Not set',
    '        .... 0... .... .... = Request: Not set',
    '        ...0 .... .... .... = Encrypted Key Data: Not set',
    '        ..0. .... .... .... = SMK Message: Not set',
    '    Key Length: 16',
    '    Replay Counter: 1',
    '    WPA Key Nonce: 0000000000000000000000000000000000000000000000000000000000000000',
    '    Key IV: 00000000000000000000000000000000',
    '    WPA Key RSC: 0000000000000000',
    '    WPA Key ID: 0000000000000000',
    '    WPA Key MIC: c1aa78945f37903893acc738d1249084',
    '    WPA Key Data Length: 0',
  ].join('\n'));
});
