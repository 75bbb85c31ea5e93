// ARP: Info texts (requests, replies, gratuitous/probe/announcement forms, odd address sizes, RARP),
// malformed packets, duplicate-address detection, and the golden columns.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, dissectBytes, frameTree, hex, linkAgreement } from './golden.testutil.js';

const ETH = 'ffffffffffff 020000000001 0806';

function arp(body: string): { info: string; proto: string; tree: string } {
  const [r] = dissectBytes([hex(ETH + body + '00'.repeat(18))]);
  return { info: r!.info, proto: r!.proto, tree: r!.tree };
}

test('request, reply and the RFC 5227 forms', () => {
  assert.equal(arp('0001 0800 0604 0001 020000000001 0a000001 000000000000 0a000002').info, 'Who has 10.0.0.2? Tell 10.0.0.1');
  assert.equal(arp('0001 0800 0604 0002 020000000001 0a000001 020000000002 0a000002').info, '10.0.0.1 is at 02:00:00:00:00:01');
  const probe = arp('0001 0800 0604 0001 020000000001 00000000 000000000000 0a000002');
  assert.equal(probe.info, 'Who has 10.0.0.2? (ARP Probe)');
  assert.match(probe.tree, /^Address Resolution Protocol \(ARP Probe\)\n(.*\n)*    \[Is probe: True\]/m);
  const ann = arp('0001 0800 0604 0001 020000000001 0a000001 000000000000 0a000001');
  assert.equal(ann.info, 'ARP Announcement for 10.0.0.1');
  assert.match(ann.tree, /    \[Is gratuitous: True\]\n    \[Is announcement: True\]/);
  assert.equal(arp('0001 0800 0604 0001 020000000001 0a000001 ffffffffffff 0a000001').info, 'Gratuitous ARP for 10.0.0.1 (Request)');
  assert.equal(arp('0001 0800 0604 0002 020000000001 0a000001 ffffffffffff 0a000001').info, 'Gratuitous ARP for 10.0.0.1 (Reply)');
});

test('non-Ethernet / non-IPv4 sizes show bytes and hex in Info; unknown opcodes', () => {
  const r = arp('0025 0000 0604 0001 001f29da2d79 98a80168 000000000000 c0a80101');
  assert.equal(r.info, 'Who has c0a80101? Tell 98a80168');
  const b = block(r.tree, 'Address Resolution Protocol')!;
  assert.match(b, /\n    Hardware type: HFI \(37\)\n    Protocol type: Unknown \(0x0000\)\n/);
  assert.match(b, /\n    Sender hardware address: 001f29da2d79\n    Sender protocol address: 98a80168\n/);
  const u = arp('0001 0800 0604 aaaa 020000000001 0a000001 000000000000 0a000002');
  assert.equal(u.info, 'Unknown ARP opcode 0xaaaa');
  assert.match(u.tree, /^Address Resolution Protocol \(opcode 0xaaaa\)\n(.*\n)*    Opcode: Unknown \(43690\)/m);
  const rarp = arp('0001 0800 0604 0003 020000000001 00000000 020000000001 00000000');
  assert.equal(rarp.proto, 'RARP');
  assert.equal(rarp.info, 'Who is 02:00:00:00:00:01? Tell 02:00:00:00:00:01');
});

test('addresses past the frame are malformed (ARP/RARP)', () => {
  const [r] = dissectBytes([hex(ETH + '0001 0800 8604 0001' + '00'.repeat(38))]);
  assert.equal(r!.proto, 'ARP');
  assert.equal(r!.info, '[Malformed Packet]');
  assert.match(r!.tree, /^Address Resolution Protocol\n/m);
  assert.match(r!.tree, /^\[Malformed Packet: ARP\/RARP\]/m);
});

test('an IP address seen with another MAC is reported as tshark does', (t) => {
  const tree = frameTree('tcpdump/arp-oobr.pcap', 26);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, '[Duplicate IP address detected'), [
    '[Duplicate IP address detected for 192.168.1.104 (00:1f:29:da:6d:79) - also in use by 00:1f:29:da:2d:79 (frame 25)]',
    '    [Frame showing earlier use of IP address: 25]',
    '        [Expert Info (Warning/Sequence): Duplicate IP address configured (192.168.1.104)]',
    '            [Duplicate IP address configured (192.168.1.104)]',
    '            [Severity level: Warning]',
    '            [Group: Sequence]',
    '    [Seconds since earlier frame seen: 4]',
  ].join('\n').replace(/\[(Severity level|Group): (\w+)\]/g, (m) => m));
});

test('ARP goldens: opcode, Protocol and Info', (t) => {
  const files = ['zeek/arp-who-has.pcap', 'arkime/cloudshark-arp.pcap', 'zeek/linuxsll-arp.pcap', 'tcpdump/arp-too-long-tha.pcap', 'zeek/snap-arp.pcapng'];
  for (const rel of files) {
    const r = compareGolden(rel, ['arp.opcode', '_ws.col.Protocol', '_ws.col.Info', 'frame.protocols']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.deepEqual(r.mismatches, [], rel);
  }
  // the fuzzed capture: all but the frames an F5 trailer heuristic or AX.25 addresses would change
  const a = linkAgreement('tcpdump/arp-oobr.pcap')!;
  assert.ok(a.equal / a.cells > 0.998, `arp-oobr agreement ${a.equal}/${a.cells}`);
});
