// NTP against tshark 4.0: Protocol and Info of the NTP rows of real captures, and whole -V subtrees
// of a client packet, a packet with a MAC, a control message and a mode 7 monlist response.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, treeText } from './golden.testutil.js';
import type { Packet } from '../core/packet.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const CAPTURES = [
  'zeek/ntp/ntp.pcap', 'zeek/ntp/NTP-digest.pcap', 'zeek/ntp/ntp-no-extensions-mac.pcap', 'tcpdump/ntp.pcap',
  'tcpdump/ntp-time.pcap', 'tcpdump/ntp-control.pcap', 'ndpi/NTPv2.pcap', 'ndpi/NTPv3.pcap', 'ndpi/NTPv4.pcap',
];

test('ntp: Protocol and Info equal tshark on NTP rows', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const r = compareGolden(rel, ['_ws.col.Protocol', '_ws.col.Info'], { rowFilter: (get) => /:ntp(:|$)/.test(get('frame.protocols')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want}\n  got  ${m.got}`);
  }
  assert.ok(cells > 100, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

function ntpSubtree(p: Packet): string {
  const out: string[] = [];
  let on = false;
  for (const l of treeText(p).split('\n')) {
    if (/^\S/.test(l)) on = /^Network Time Protocol/.test(l);
    if (on && l !== '') out.push(l);
  }
  return out.join('\n');
}

function subtreeOf(rel: string, num: number): string | undefined {
  let hit: string | undefined;
  dissectFile(join(dir!, rel), (p) => { if (p.num === num) hit = ntpSubtree(p); });
  return hit;
}

// tshark -n -r zeek/ntp/NTP-digest.pcap -V, frame 1
const DIGEST = `Network Time Protocol (NTP Version 4, client)
    Flags: 0x23, Leap Indicator: no warning, Version number: NTP Version 4, Mode: client
        00.. .... = Leap Indicator: no warning (0)
        ..10 0... = Version number: NTP Version 4 (4)
        .... .011 = Mode: client (3)
    Peer Clock Stratum: secondary reference (2)
    Peer Polling Interval: 6 (64 seconds)
    Peer Clock Precision: 0.000000 seconds`;

test('ntp: -V of a client packet with a MAC equals tshark', { skip }, () => {
  const s = subtreeOf('zeek/ntp/NTP-digest.pcap', 1)!;
  assert.ok(s.startsWith(DIGEST), s);
  assert.match(s, /\n {4}Key ID: [0-9a-f]{8}\n {4}Message Authentication Code: [0-9a-f]{32,40}$/);
});

// tshark -n -r tcpdump/ntp-control.pcap -V, frame 4 (read status response)
const READ_STATUS = `    Count: 20
    Data
        Item
            AssociationID: 48829
        Item
            AssociationID: 48828
        Item
            AssociationID: 48827
        Item
            AssociationID: 48826
        Item
            AssociationID: 48825
    Status: 0x961a, Peer Status, Peer Status, Peer Selection: current synchronization source; max distance okay, Peer Event Code: become system peer`;

test('ntp: control read-status response as tshark', { skip }, () => {
  const s = subtreeOf('tcpdump/ntp-control.pcap', 4)!;
  assert.ok(s.includes(READ_STATUS), s);
});

// tshark -n -r tcpdump/ntp-control.pcap -V, frame 2: variables as its parser tree shows them
const VERSION_VAR = `    Data
        version="ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)"
            version="ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)"
                version
                =
                "ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)"
                    "ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)"
                        ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)
                            "ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)"
                                "
                                ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)
                                    ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)
                                        ntpd 4.2.8p10@1.3728-o Fri May 26 14:07:29 UTC 2017 (1)
                                "
                
                    
        processor="x86_64"`;

test('ntp: control variables as tshark', { skip }, () => {
  const s = subtreeOf('tcpdump/ntp-control.pcap', 2)!;
  assert.ok(s.includes(VERSION_VAR), s.slice(0, 2000));
});

// tshark -n -r ndpi/NTPv2.pcap -V: a mode 7 monlist response
const MONLIST = `Network Time Protocol (NTP Version 2, private)
    Flags: 0x97, Response bit: Response, Version number: NTP Version 2, Mode: reserved for private use
        1... .... = Response bit: Response (1)
        .0.. .... = More bit: 0
        ..01 0... = Version number: NTP Version 2 (2)
        .... .111 = Mode: reserved for private use (7)
    Auth, sequence: 14
        0... .... = Auth bit: 0
        .000 1110 = Sequence number: 14
    Implementation: XNTPD (3)
    Request code: MON_GETLIST_1 (42)
    0000 .... = Err: No error (0x00)
    .... 0000  0000 0101 = Number of data items: 5
    0000 .... = Reserved: 0x00
    .... 0000  0100 1000 = Size of data item: 72
    Monlist item: address: 72.239.89.109:3074
        avgint: 0
        lsint: 4154
        restr: 0x00000000
        count: 392
        remote address: 72.239.89.109
        local address: 172.16.12.101
        flags: 0x00000001
        port: 3074
        mode: 7
        version: 2
        ipv6: 0x00000000
        unused: 0x00000000`;

test('ntp: mode 7 monlist response as tshark', { skip }, () => {
  let s: string | undefined;
  dissectFile(join(dir!, 'ndpi/NTPv2.pcap'), (p) => { if (s === undefined && p.info.includes('MON_GETLIST_1')) s = ntpSubtree(p); });
  assert.ok(s?.startsWith(MONLIST), s);
});

test('ntp: mutated packets never throw and every item stays inside the captured bytes', { skip }, async () => {
  const { Engine } = await import('../core/dissect.js');
  const { prng } = await import('../test-support/mutate.js');
  const { treeProblem } = await import('../test-support/tree-check.js');
  const base: Uint8Array[] = [];
  for (const rel of ['zeek/ntp/ntp.pcap', 'tcpdump/ntp-control.pcap', 'ndpi/NTPv2.pcap', 'zeek/ntp/NTP-digest.pcap']) {
    dissectFile(join(dir!, rel), (p, f) => { if (p.proto === 'NTP' && base.length < 60 && f.linktype === 1) base.push(f.buf.slice(f.off, f.off + f.caplen)); });
  }
  assert.ok(base.length > 10);
  const rnd = prng(11);
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
