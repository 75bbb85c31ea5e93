// NBNS against tshark 4.0: Protocol/Info/frame.protocols of every NBNS row of the corpus (queries and
// registrations, over IPv4 and inside Teredo), and the -V subtree of a registration with its NB record.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block, dissectBytes, hex } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;

test('nbns: Protocol, Info and frame.protocols equal tshark on NBNS rows', { skip }, () => {
  const { cells, bad } = layerRowsAgreement(['ndpi/1kxun.pcap', 'ndpi/gnutella.pcap', 'zeek/wikipedia.pcap', 'zeek/tunnels/Teredo.pcap'], 'nbns');
  assert.ok(cells > 100, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

// tshark -n -r ndpi/gnutella.pcap -V, frame 33
const REGISTRATION = `NetBIOS Name Service
    Transaction ID: 0x9c29
    Flags: 0x2910, Opcode: Registration, Recursion desired, Broadcast
        0... .... .... .... = Response: Message is a query
        .010 1... .... .... = Opcode: Registration (5)
        .... ..0. .... .... = Truncated: Message is not truncated
        .... ...1 .... .... = Recursion desired: Do query recursively
        .... .... ...1 .... = Broadcast: Broadcast packet
    Questions: 1
    Answer RRs: 0
    Authority RRs: 0
    Additional RRs: 1
    Queries
        MSEDGEWIN10<00>: type NB, class IN
            Name: MSEDGEWIN10<00> (Workstation/Redirector)
            Type: NB (32)
            Class: IN (1)
    Additional records
        MSEDGEWIN10<00>: type NB, class IN
            Name: MSEDGEWIN10<00> (Workstation/Redirector)
            Type: NB (32)
            Class: IN (1)
            Time to live: 3 days, 11 hours, 20 minutes
            Data length: 6
            Name flags: 0x0000, ONT: B-node (B-node, unique)
                0... .... .... .... = Name type: Unique name
                .00. .... .... .... = ONT: B-node (0)
            Addr: 10.0.2.15`;

test('nbns: -V subtree of a registration equals tshark', { skip }, () => {
  assert.equal(block(frameTree('ndpi/gnutella.pcap', 33)!, 'NetBIOS Name Service'), REGISTRATION);
});


test('a name cut by the snaplen is "limited during capture", not an endless read past the captured bytes', () => {
  // a mutated wikipedia.pcap frame: the query name's 32-byte label captured to 23 bytes (frame 92
  // bytes on the wire, 77 captured); wirelens looped, appending to the name, until out of memory.
  // tshark 4.0: 'Name query[Packet size limited during capture]'
  const bytes = hex('ffffffffffff f04da247ba25 0800 4500004e7e4200008011e75d8d8edce28d8edcff 00890089003ac278' +
    'ff72 0110 0001 0000 0000 0000 20 4543464346484544444145444543444444494444 4545');
  const [r] = dissectBytes([{ data: bytes, len: 92 }]);
  assert.deepEqual([r!.proto, r!.info], ['NBNS', 'Name query[Packet size limited during capture]']);
  assert.match(r!.tree, /\n\[Packet size limited during capture: NBNS truncated\]\n?$/);
});
