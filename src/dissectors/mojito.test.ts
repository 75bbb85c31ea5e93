// Mojito DHT against tshark 4.0: Protocol/Info/frame.protocols of every Mojito row of ndpi/gnutella.pcap
// (found by the UDP heuristic), and the -V subtrees of a PING RESPONSE and a FIND NODE REQUEST.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;
const CAP = 'ndpi/gnutella.pcap';

test('mojito: Protocol, Info and frame.protocols equal tshark on Mojito rows', { skip }, () => {
  const { cells, bad } = layerRowsAgreement([CAP], 'mojito');
  assert.ok(cells > 1000, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

// tshark -n -r ndpi/gnutella.pcap -V, frame 781
const PING_RESPONSE = `Mojito DHT
    Gnutella Header
        Message ID: f5793102bf2968dbc481d04918f0c563
        FDHTMessage: 0x44
        Version
            Major Version: 0
            Minor Version: 0
        Payload Length: 47
        OPCode: PING RESPONSE (2)
        Originating Contact
            Vendor: GTKG
            Contact Version
                Major Version: 0
                Minor Version: 0
            Kademlia Unique ID (KUID): 5c60fad684580601d6e9d7edf952590446ddb78d
            Socket Address
                IP Version: 4
                IP Address: 104.156.226.72
                IP Port: 53258
        Instance ID: 1
        Flags: 0x00
            .... ..0. = SHUTDOWN: False
            .... ...0 = Firewalled: False
        Extended Length: 0
    Opcode specific data (PING RESPONSE)
        Requester's External Socket Address
            IP Version: 4
            IP Address: 93.47.226.53
            IP Port: 14240
        Estimated DHT size
            Big Integer Length: 1
            Big Integer DEC Value: 63
            Big Integer HEX Value: 3f`;

test('mojito: -V subtrees of a PING RESPONSE and a FIND NODE REQUEST equal tshark', { skip }, () => {
  assert.equal(block(frameTree(CAP, 781)!, 'Mojito DHT'), PING_RESPONSE);
  const find = block(frameTree(CAP, 782)!, 'Mojito DHT')!;
  assert.match(find, /\n {8}OPCode: FIND NODE REQUEST \(5\)\n/);
  assert.match(find, /\n {4}Opcode specific data \(FIND NODE REQUEST\)\n {8}Target Kademlia Unique ID \(KUID\): 289d0a8d06deffc8263c33897c2c9179fd84ab61$/);
});
