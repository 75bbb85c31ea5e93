// The frame pseudo-protocol: pcapng interface/section/flags/drop count/comments, pcap frames,
// encapsulation names, and the frame.* golden columns.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, dissectBytes, frameTree, hex } from './golden.testutil.js';

test('pcapng frame: interface, section, EPB flags, drop count and comments', (t) => {
  const tree = frameTree('pcapng-test-generator/output_le/basic/test009.pcapng', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Packet comments'), [
    'Packet comments',
    '    test009-1',
    '        [Expert Info (Comment/Comment): test009-1]',
    '            [test009-1]',
    '            [Severity level: Comment]',
    '            [Group: Comment]',
  ].join('\n'));
  const f = block(tree, 'Frame 1:')!;
  assert.equal(f.split('\n').slice(0, 18).join('\n'), [
    'Frame 1: 314 bytes on wire (2512 bits), 314 bytes captured (2512 bits) on interface eth0, id 0',
    '    Section number: 1',
    '    Interface id: 0 (eth0)',
    '        Interface name: eth0',
    '    Packet flags: 0x00000000',
    '        .... .... .... .... .... .... .... ..00 = Direction: Unknown (0x0)',
    '        .... .... .... .... .... .... ...0 00.. = Reception type: Not specified (0)',
    '        .... .... .... .... .... ...0 000. .... = FCS length: 0',
    '        .... .... .... .... 0000 000. .... .... = Reserved: 0',
    '        .... ...0 .... .... .... .... .... .... = CRC error: Not set',
    '        .... ..0. .... .... .... .... .... .... = Packet too long error: Not set',
    '        .... .0.. .... .... .... .... .... .... = Packet too short error: Not set',
    '        .... 0... .... .... .... .... .... .... = Wrong interframe gap error: Not set',
    '        ...0 .... .... .... .... .... .... .... = Unaligned frame error: Not set',
    '        ..0. .... .... .... .... .... .... .... = Start frame delimiter error: Not set',
    '        .0.. .... .... .... .... .... .... .... = Preamble error: Not set',
    '        0... .... .... .... .... .... .... .... = Symbol error: Not set',
    '    Encapsulation type: Ethernet (1)',
  ].join('\n'));
  assert.match(f, /\n    Capture Length: 314 bytes \(2512 bits\)\n    Drop Count: 0\n    \[Frame is marked: False\]/);
  const t8 = frameTree('pcapng-test-generator/output_le/basic/test008.pcapng', 2)!;
  assert.match(t8, /^Frame 2: 342 bytes on wire \(2736 bits\), 128 bytes captured \(1024 bits\) on interface en1, id 1\n    Section number: 1\n    Interface id: 1 \(en1\)\n        Interface name: en1\n        Interface description: silly ethernet interface 2\n/m);
});

test('pcap frame: no interface, times, lengths, protocols', () => {
  const [r] = dissectBytes([hex('ffffffffffff 020000000001 0806 0001 0800 0604 0001 020000000001 0a000001 000000000000 0a000002' + '00'.repeat(18))]);
  assert.equal(block(r!.tree, 'Frame 1:'), [
    'Frame 1: 60 bytes on wire (480 bits), 60 bytes captured (480 bits)',
    '    Encapsulation type: Ethernet (1)',
    '    Arrival Time: Jan  1, 1970 00:16:40.000000000 UTC',
    '    [Time shift for this packet: 0.000000000 seconds]',
    '    Epoch Time: 1000.000000000 seconds',
    '    [Time delta from previous captured frame: 0.000000000 seconds]',
    '    [Time delta from previous displayed frame: 0.000000000 seconds]',
    '    [Time since reference or first frame: 0.000000000 seconds]',
    '    Frame Number: 1',
    '    Frame Length: 60 bytes (480 bits)',
    '    Capture Length: 60 bytes (480 bits)',
    '    [Frame is marked: False]',
    '    [Frame is ignored: False]',
    '    [Protocols in frame: eth:ethertype:arp]',
  ].join('\n'));
});

test('a wire length below the captured length is flagged and the captured bytes are used', () => {
  const [r] = dissectBytes([{ data: hex('ffffffffffff 020000000001 0806 0001 0800 0604 0001 020000000001 0a000001 000000000000 0a000002' + '00'.repeat(22)), len: 60 }]);
  assert.match(r!.tree, /\n    Frame Length: 60 bytes \(480 bits\)\n        \[Expert Info \(Error\/Malformed\): Frame length is less than captured length\]/);
  assert.match(r!.tree, /\n    Frame check sequence: 0x00000000 \[unverified\]/);
});

test('frame.* golden columns (pcap, pcapng, several interfaces, SPB/OPB)', (t) => {
  for (const rel of ['zeek/arp-who-has.pcap', 'pcapng-test-generator/output_le/basic/test004.pcapng', 'pcapng-test-generator/output_be/basic/test008.pcapng', 'pcapng-test-generator/output_le/basic/test009.pcapng', 'scapy/pfcp.pcap', 'tcpdump/tcp-handshake-nano.pcap']) {
    const r = compareGolden(rel, ['frame.number', 'frame.time_epoch', 'frame.len', 'frame.cap_len']);
    if (!r) { t.skip('corpus absent'); return; }
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('a link type tshark does not know: encapsulation Unknown (0), Protocol UNKNOWN, Info "WTAP_ENCAP = 0"', () => {
  // tshark 4.0 on a pcapng interface of LINKTYPE 284 (DSA); a known one without a dissector is data only
  const [r] = dissectBytes([new Uint8Array(60)], 284);
  assert.deepEqual([r!.proto, r!.info, r!.protocols], ['UNKNOWN', 'WTAP_ENCAP = 0', 'data']);
  assert.match(r!.tree, /\n    Encapsulation type: Unknown \(0\)\n/);
  // LINKTYPE_USER0, known to tshark but without a dissector: empty columns
  const [k] = dissectBytes([new Uint8Array(60)], 147);
  assert.deepEqual([k!.proto, k!.info], ['', '']);
});

test('an empty record still goes to the link layer: "Ethernet 0 [Malformed Packet]" (tshark 4.0)', () => {
  // 67 M empty records of a gzip of zeros after a pcap header, or an empty pcapng EPB
  const [r] = dissectBytes([new Uint8Array(0)], 1);
  assert.deepEqual([r!.proto, r!.info, r!.protocols], ['Ethernet', '[Malformed Packet]', 'eth']);
});
