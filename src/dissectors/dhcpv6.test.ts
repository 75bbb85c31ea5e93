// DHCPv6 against tshark 4.0: Protocol/Info/frame.protocols of every DHCPv6 row of the corpus (XID, CID
// and IAA in option order, a truncated Relay-reply), and the -V subtree of an Advertise with IA_NA.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;

const CAPTURES = ['tcpdump/dhcp6_reconf_asan.pcap', 'tcpdump/dhcpv6-ia-na.pcap', 'ndpi/android.pcap', 'ndpi/1kxun.pcap',
  'ndpi/gnutella.pcap', 'arkime/wireshark-dhcpv6.pcap'];

test('dhcpv6: Protocol, Info and frame.protocols equal tshark on DHCPv6 rows', { skip }, () => {
  const { cells, bad } = layerRowsAgreement(CAPTURES, 'dhcpv6');
  assert.ok(cells >= 90, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

// tshark -n -r tcpdump/dhcpv6-ia-na.pcap -V, frame 2
const ADVERTISE = `DHCPv6
    Message type: Advertise (2)
    Transaction ID: 0x90b45c
    Identity Association for Non-temporary Address
        Option: Identity Association for Non-temporary Address (3)
        Length: 40
        IAID: 02030405
        T1: 3600
        T2: 5400
        IA Address
            Option: IA Address (5)
            Length: 24
            IPv6 address: 2a00:1:1:200:38e6:b22e:c440:acdf
            Preferred lifetime: 4500
            Valid lifetime: 7200
    Client Identifier
        Option: Client Identifier (1)
        Length: 10
        DUID: 00030001000102030405
        DUID Type: link-layer address (3)
        Hardware type: Ethernet (1)
        Link-layer address: 00:01:02:03:04:05`;

test('dhcpv6: -V subtree of an Advertise equals tshark (head)', { skip }, () => {
  const b = block(frameTree('tcpdump/dhcpv6-ia-na.pcap', 2)!, 'DHCPv6')!;
  assert.equal(b.split('\n').slice(0, ADVERTISE.split('\n').length).join('\n'), ADVERTISE);
});
