// PFCP against tshark 4.0: Protocol/Info/frame.protocols of every row of scapy/pfcp.pcap, and the
// header part of the -V tree (flags, message type, length, SEID, sequence number, IE type/length).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;
const CAP = 'scapy/pfcp.pcap';

test('pfcp: Protocol, Info and frame.protocols equal tshark on every PFCP row', { skip }, () => {
  const { cells, bad } = layerRowsAgreement([CAP], 'pfcp');
  assert.ok(cells >= 600, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

// tshark -n -r scapy/pfcp.pcap -V, frame 1 (up to the first IE's length)
const HEADER = `Packet Forwarding Control Protocol
    Flags: 0x21, SEID (S)
        001. .... = Version: 1
        ...0 .... = Spare: 0
        .... 0... = Spare: 0
        .... .0.. = Follow On (FO): False
        .... ..0. = Message Priority (MP): False
        .... ...1 = SEID (S): True
    Message Type: PFCP Association Setup Response (6)
    Length: 31
    SEID: 0x0000000000000083
    Sequence Number: 4
    Spare: 0
    Header Enrichment : 
        IE Type: Header Enrichment (98)
        IE Length: 10`;

test('pfcp: -V header equals tshark', { skip }, () => {
  const b = block(frameTree(CAP, 1)!, 'Packet Forwarding Control Protocol')!;
  assert.equal(b.split('\n').slice(0, 16).join('\n'), HEADER);
});
