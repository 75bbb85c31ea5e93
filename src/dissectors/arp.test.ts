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

test('ATM ARP (hardware type 19): its own layout, Protocol and Info; lengths past the end are malformed before any item', (t) => {
  // tshark -V of the same bytes (RFC 2225 header, E.164 numbers with a subaddress)
  const hdr = (op: string): string => '0013 0800 48 02 ' + op + ' 04 44 00 04';
  const body = (op: string): string => hdr(op) + hex8('12345678') + '0102 0a000001' + hex8('8765') + '0a000002';
  const rows = dissectBytes(['0001', '0002', '0008', '0009', '000a', '0003', '0063'].map((op) => hex(ETH + body(op) + '00'.repeat(4))))
    .map((r) => `${r.proto} | ${r.info}`);
  assert.deepEqual(rows, [
    'ATMARP | Who has 10.0.0.2? Tell 10.0.0.1',
    'ATMARP | 10.0.0.1 is at 12345678,0102',
    'Inverse ATMARP | Who is 8765? Tell 12345678,0102',
    'Inverse ATMARP | 12345678,0102 is at 10.0.0.1',
    "ATMARP | I don't know where 10.0.0.1 is",
    'ATMRARP | Unknown ATMARP opcode 0x0003',
    'ATMARP | Unknown ATMARP opcode 0x0063',
  ]);
  const [req] = dissectBytes([hex(ETH + body('0001') + '00'.repeat(4))]);
  assert.equal(block(req!.tree, 'ATM Address'), [
    'ATM Address Resolution Protocol (request)',
    '    Hardware type: ATM (RFC 2225) (19)',
    '    Protocol type: IPv4 (0x0800)',
    '    Sender ATM number type/length: E.164/8',
    '        .1.. .... = Sender ATM number type: E.164',
    '        ..00 1000 = Sender ATM number length: 8',
    '    Sender ATM subaddress type/length: ATM Forum NSAPA/2',
    '        .0.. .... = Sender ATM subaddress type: ATM Forum NSAPA',
    '        ..00 0010 = Sender ATM subaddress length: 2',
    '    Opcode: request (1)',
    '    Sender protocol size: 4',
    '    Target ATM number type/length: E.164/4',
    '        .1.. .... = Target ATM number type: E.164',
    '        ..00 0100 = Target ATM number length: 4',
    '    Target ATM subaddress type/length: ATM Forum NSAPA/0',
    '        .0.. .... = Target ATM subaddress type: ATM Forum NSAPA',
    '        ..00 0000 = Target ATM subaddress length: 0',
    '    Target protocol size: 4',
    '    Sender ATM number (E.164): 12345678',
    '    Sender ATM subaddress: 0102',
    '    Sender IP address: 10.0.0.1',
    '    Target ATM number (E.164): 8765',
    '    Target IP address: 10.0.0.2',
  ].join('\n'));
  // tcpdump/arp-oobr.pcap #1166: hardware type 0x0013 in a fuzzed ARP; the lengths run far past
  const tree = frameTree('tcpdump/arp-oobr.pcap', 1166);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(tree.split('\n').filter((l) => /^\S/.test(l)).slice(1).join('|'), 'Ethernet II, Src: 00:1f:29:da:2d:79, Dst: ff:ff:ff:ff:ff:ff|[Malformed Packet: ATMARP]');
  const r = compareGolden('tcpdump/arp-oobr.pcap', ['frame.protocols', '_ws.col.Protocol', '_ws.col.Info'], { rowFilter: (get) => /atmarp/.test(get('frame.protocols')) });
  assert.ok(r && r.cells === 3, `compared ${r?.cells}`);
  assert.deepEqual(r.mismatches, []);
});

function hex8(s: string): string {
  return [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
}

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
