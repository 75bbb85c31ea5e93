// MNDP against tshark 4.0: Protocol/Info/frame.protocols of the MNDP rows of ndpi/1kxun.pcap (Info stays
// UDP's), and the whole -V subtree of an announcement over IPv6.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block, dissectBytes } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;

test('mndp: Protocol, Info and frame.protocols equal tshark on MNDP rows', { skip }, () => {
  const { cells, bad } = layerRowsAgreement(['ndpi/1kxun.pcap'], 'mndp');
  assert.ok(cells >= 15, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

// tshark -n -r ndpi/1kxun.pcap -V, frame 632
const ANNOUNCE = `Mikrotik Neighbor Discovery Protocol
    Header Unknown: 0004
    SeqNo: 26687
    T 1, L 6: MAC-Address
        TlvType: 1 = MAC-Address
        TlvLength: 6
        MAC-Address: 4c:5e:0c:9a:ec:54
    T 5, L 0: Identity
        TlvType: 5 = Identity
        TlvLength: 0
    T 7, L 15: Version
        TlvType: 7 = Version
        TlvLength: 15
        Version: 6.35.1 (stable)
    T 8, L 8: Platform
        TlvType: 8 = Platform
        TlvLength: 8
        Platform: MikroTik
    T 10, L 4: Uptime
        TlvType: 10 = Uptime
        TlvLength: 4
        Uptime: 8385404.000000000 seconds
    T 11, L 9: Software-ID
        TlvType: 11 = Software-ID
        TlvLength: 9
        Software-ID: 3DXY-KHGD
    T 12, L 13: Board
        TlvType: 12 = Board
        TlvLength: 13
        Board: CRS125-24G-1S
    T 14, L 1: Unpack
        TlvType: 14 = Unpack
        TlvLength: 1
        Unpack: None (1)
    T 15, L 16: IPv6-Address
        TlvType: 15 = IPv6-Address
        TlvLength: 16
        IPv6-Address: fe80::4e5e:cff:fe9a:ec54
    T 16, L 7: Interface name
        TlvType: 16 = Interface name
        TlvLength: 7
        Interface name: bridge1`;

test('mndp: -V subtree equals tshark', { skip }, () => {
  assert.equal(block(frameTree('ndpi/1kxun.pcap', 632)!, 'Mikrotik Neighbor Discovery Protocol'), ANNOUNCE);
});

test('port 5678 is MNDP only with a header and a first TLV header of type < 256 (tshark 4.0)', () => {
  // UDP 1234 → 5678 in Ethernet/IPv4; payloads as hand-made for tshark, its Protocol column
  const frame = (pl: number[]): Uint8Array => {
    const udp = [0x04, 0xd2, 0x16, 0x2e, 0, 8 + pl.length, 0, 0, ...pl];
    const ip = [0x45, 0, 0, 20 + udp.length, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, ...udp];
    const b = [...new Array<number>(12).fill(0), 0x08, 0x00, ...ip];
    while (b.length < 60) b.push(0);
    return Uint8Array.from(b);
  };
  const abcd = [0x61, 0x62, 0x63, 0x64];
  const rs = dissectBytes([
    frame(abcd), frame([...abcd, 0x65]), frame([0, 0, 0, 0, 0, 0, 0]), frame(new Array<number>(8).fill(0)),
    frame([...abcd, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]), frame([...abcd, 0, 0xff, 0, 2, 0x78, 0x79]),
    frame([...abcd, 1, 0, 0, 2, 0x78, 0x79]), frame([...abcd, 0x65, 0x66, 0, 2, 0x78, 0x79]),
  ]);
  assert.deepEqual(rs.map((r) => r.proto), ['UDP', 'UDP', 'UDP', 'MNDP', 'MNDP', 'MNDP', 'UDP', 'UDP']);
  assert.equal(rs[0]!.info, '1234 → 5678 Len=4');
});
