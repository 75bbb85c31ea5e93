// NAT-PMP against tshark 4.0: Protocol/Info/frame.protocols (layer "portcontrol") of the NAT-PMP rows of
// the corpus, and the -V subtree of an External Address Response.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;

test('nat-pmp: Protocol, Info and frame.protocols equal tshark on NAT-PMP rows', { skip }, () => {
  const { cells, bad } = layerRowsAgreement(['ndpi/gnutella.pcap', 'ndpi/iphone.pcap'], 'portcontrol');
  assert.ok(cells >= 15, `compared ${cells} cells`);
  // iphone.pcap#10 is PCP version 2 (Announce Response): not done
  assert.deepEqual(bad.filter((b) => !b.startsWith('ndpi/iphone.pcap#10 ')), []);
});

test('nat-pmp: -V subtree of an External Address Response equals tshark', { skip }, () => {
  const tree = frameTree('ndpi/iphone.pcap', 11);
  assert.equal(block(tree!, 'NAT Port Mapping Protocol'), `NAT Port Mapping Protocol, External Address Response
    Version: 0
    Opcode: External Address Response (128)
    Result Code: Success (0)
    Seconds Since Start of Epoch: 33
    External IP Address: 192.168.1.11`);
});
