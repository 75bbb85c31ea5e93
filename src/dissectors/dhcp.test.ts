// DHCP/BOOTP against tshark 4.0: Protocol and Info of the DHCP rows of real captures, the whole -V
// subtree of a DORA exchange packet and of option-rich packets, and truncated captures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, treeText } from './golden.testutil.js';
import type { Packet } from '../core/packet.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const CAPTURES = [
  'arkime/wireshark-dhcp.pcap', 'zeek/dhcp/dhcp.pcap', 'zeek/dhcp/dhcp_inform.pcap', 'tcpdump/dhcp-rfc3004.pcap',
  'tcpdump/dhcp-rfc5859.pcap', 'tcpdump/dhcp-option-108.pcapng', 'ndpi/1kxun.pcap', 'ndpi/teams.pcap',
  'pcapng-test-generator/output_le/basic/test001.pcapng', 'pcapng-test-generator/output_le/basic/test012.pcapng',
  'pcapng-test-generator/output_le/difficult/test202.pcapng', 'tcpdump/bootp_asan.pcap',
];

test('dhcp: Protocol and Info equal tshark on DHCP/BOOTP rows', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const r = compareGolden(rel, ['_ws.col.Protocol', '_ws.col.Info'], { rowFilter: (get) => /:dhcp(:|$)/.test(get('frame.protocols')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want}\n  got  ${m.got}`);
  }
  assert.ok(cells > 100, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

function dhcpSubtree(p: Packet): string {
  const out: string[] = [];
  let on = false;
  for (const l of treeText(p).split('\n')) {
    if (/^\S/.test(l)) on = /^(Dynamic Host Configuration Protocol|\[(Malformed Packet|Packet size limited during capture): DHCP)/.test(l) && (on || !l.startsWith('['));
    if (on && l !== '') out.push(l.replace(/\[(Severity level|Group): (\w+) \(\d+\)\]/, '[$1: $2]'));
  }
  return out.join('\n');
}

function subtreeOf(rel: string, num: number): string | undefined {
  let hit: string | undefined;
  dissectFile(join(dir!, rel), (p) => { if (p.num === num) hit = dhcpSubtree(p); });
  return hit;
}

// tshark -n -r arkime/wireshark-dhcp.pcap -V, frame 2
const OFFER = `Dynamic Host Configuration Protocol (Offer)
    Message type: Boot Reply (2)
    Hardware type: Ethernet (0x01)
    Hardware address length: 6
    Hops: 0
    Transaction ID: 0x00003d1d
    Seconds elapsed: 0
    Bootp flags: 0x0000 (Unicast)
        0... .... .... .... = Broadcast flag: Unicast
        .000 0000 0000 0000 = Reserved flags: 0x0000
    Client IP address: 0.0.0.0
    Your (client) IP address: 192.168.0.10
    Next server IP address: 192.168.0.1
    Relay agent IP address: 0.0.0.0
    Client MAC address: 00:0b:82:01:fc:42
    Client hardware address padding: 00000000000000000000
    Server host name not given
    Boot file name not given
    Magic cookie: DHCP
    Option: (53) DHCP Message Type (Offer)
        Length: 1
        DHCP: Offer (2)
    Option: (1) Subnet Mask (255.255.255.0)
        Length: 4
        Subnet Mask: 255.255.255.0
    Option: (58) Renewal Time Value
        Length: 4
        Renewal Time Value: (1800s) 30 minutes
    Option: (59) Rebinding Time Value
        Length: 4
        Rebinding Time Value: (3150s) 52 minutes, 30 seconds
    Option: (51) IP Address Lease Time
        Length: 4
        IP Address Lease Time: (3600s) 1 hour
    Option: (54) DHCP Server Identifier (192.168.0.1)
        Length: 4
        DHCP Server Identifier: 192.168.0.1
    Option: (255) End
        Option End: 255
    Padding: 0000000000000000000000000000000000000000000000000000`;

test('dhcp: -V subtree of an Offer equals tshark', { skip }, () => {
  assert.equal(subtreeOf('arkime/wireshark-dhcp.pcap', 2), OFFER);
});

// tshark -n -r tcpdump/dhcp-rfc3004.pcap -V, frame 1: user class instances
const USER_CLASS = `    Option: (77) User Class Information
        Length: 37
        Instance of User Class: [0]
            User Class Length: 7
            User Class Data: 7375626f707431
        Instance of User Class: [1]
            User Class Length: 17
            User Class Data: 7375626f7074322d313233343536373839
        Instance of User Class: [2]
            User Class Length: 10
            User Class Data: 7375626f7074332d3132`;

test('dhcp: option 77 (user class) as tshark', { skip }, () => {
  const s = subtreeOf('tcpdump/dhcp-rfc3004.pcap', 1)!;
  assert.ok(s.includes(USER_CLASS), s);
});

test('dhcp: options cut by the capture stop before any field, as tshark', { skip }, () => {
  // frame 2 of test012 ends inside the options: tshark shows only the protocol item
  assert.equal(subtreeOf('pcapng-test-generator/output_le/basic/test012.pcapng', 2),
    'Dynamic Host Configuration Protocol\n[Packet size limited during capture: DHCP/BOOTP truncated]');
  // frame 2 of test202 ends inside the fixed header: the fields up to the cut are shown
  const s = subtreeOf('pcapng-test-generator/output_le/difficult/test202.pcapng', 2)!;
  assert.ok(s.endsWith('    Client hardware address padding: 00000000000000000000\n[Packet size limited during capture: DHCP/BOOTP truncated]'), s);
});

test('dhcp: mutated packets never throw and every item stays inside the captured bytes', { skip }, async () => {
  const { Engine } = await import('../core/dissect.js');
  const { prng } = await import('../test-support/mutate.js');
  const { treeProblem } = await import('../test-support/tree-check.js');
  const base: Uint8Array[] = [];
  for (const rel of ['arkime/wireshark-dhcp.pcap', 'zeek/dhcp/dhcp.pcap', 'tcpdump/dhcp-rfc3004.pcap', 'ndpi/1kxun.pcap']) {
    dissectFile(join(dir!, rel), (p, f) => { if (p.proto === 'DHCP' && base.length < 60) base.push(f.buf.slice(f.off, f.off + f.caplen)); });
  }
  assert.ok(base.length > 10);
  const rnd = prng(7);
  const e = new Engine({ want: null });
  let n = 0;
  for (let round = 0; round < 30; round++) {
    for (const b of base) {
      const c = b.slice(0, rnd() < 0.2 ? 42 + Math.floor(rnd() * (b.length - 42)) : b.length);
      for (let i = 0; i < 1 + Math.floor(rnd() * 4); i++) c[42 + Math.floor(rnd() * (c.length - 42))] = Math.floor(rnd() * 256);
      const p = e.dissect({ num: ++n, tsSec: n, tsNsec: 0, caplen: c.length, len: b.length, linktype: 1, iface: -1, comments: undefined }, c, new DataView(c.buffer), 0);
      assert.ok(!p.info.includes('dissector bug'), p.info);
      assert.equal(treeProblem(p), undefined);
    }
  }
});
