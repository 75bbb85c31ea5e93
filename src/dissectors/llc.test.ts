// LLC and SNAP: the header tree, SNAP dispatch by EtherType, SAP-only frames.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, dissectBytes, frameTree, hex, protocolsPrefix } from './golden.testutil.js';

test('SNAP with an EtherType dispatches without an ethertype layer', (t) => {
  const tree = frameTree('zeek/snap-arp.pcapng', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Logical-Link Control'), [
    'Logical-Link Control',
    '    DSAP: SNAP (0xaa)',
    '        1010 101. = SAP: SNAP',
    '        .... ...0 = IG Bit: Individual',
    '    SSAP: SNAP (0xaa)',
    '        1010 101. = SAP: SNAP',
    '        .... ...0 = CR Bit: Command',
    '    Control field: U, func=UI (0x03)',
    '        000. 00.. = Command: Unnumbered Information (0x00)',
    '        .... ..11 = Frame type: Unnumbered frame (0x3)',
    '    Organization Code: 00:00:00 (Officially Xerox, but',
    '    Type: ARP (0x0806)',
  ].join('\n'));
  const r = compareGolden('zeek/snap-arp.pcapng', ['frame.protocols', '_ws.col.Info'])!;
  assert.deepEqual(r.mismatches, []);
});

test('LLC over 802.3 and over 802.1Q (frame.protocols up to LLC)', (t) => {
  for (const rel of ['tcpdump/rpvstp-trunk-native-vid5.pcap', 'arkime/packetlife-ISIS_level2_adjacency.pcap']) {
    const r = compareGolden(rel, ['frame.protocols'], {
      transform: (_c, w, g) => [protocolsPrefix(w), protocolsPrefix(g)],
    });
    if (!r) { t.skip('corpus absent'); return; }
    assert.deepEqual(r.mismatches, [], rel);
  }
});

test('the poll/final bit follows the frame type: "U F, func=UI", "I P, …", "S F, func=RR, …" (tshark 4.0)', () => {
  // 802.3 frames, DSAP 0x42 with SSAP 0x43 (response) or 0x42 (command); an I frame is a command
  const eth = (llc: string): Uint8Array => {
    const body = llc.replace(/ /g, '') + '01'.repeat(10);
    return hex('001122334455 00aabbccddee' + (body.length / 2).toString(16).padStart(4, '0') + body + '00'.repeat(Math.max(0, 46 - body.length / 2)));
  };
  const rs = dissectBytes([eth('424313'), eth('42420201'), eth('42430201'), eth('42430101'), eth('42420101'), eth('424303')]);
  const funcs = rs.map((r) => /\n    Control field: (.*) \(0x/.exec(r.tree)?.[1]);
  assert.deepEqual(funcs, ['U F, func=UI', 'I P, N(R)=0, N(S)=1', 'I P, N(R)=0, N(S)=1', 'S F, func=RR, N(R)=0', 'S P, func=RR, N(R)=0', 'U, func=UI']);
  assert.equal(rs[0]!.info, 'U F, func=UI; DSAP Spanning Tree BPDU Individual, SSAP Spanning Tree BPDU Response');
  // the 16-bit control word's subfields
  assert.match(rs[3]!.tree, /\n    Control field: S F, func=RR, N\(R\)=0 \(0x0101\)\n        0000 000\. \.{4} \.{4} = N\(R\): 0\n        \.{4} \.\.\.1 \.{4} \.{4} = Final: Set\n        \.{4} \.{4} \.{4} 00\.\. = Supervisory frame type: Receiver ready \(0x0\)\n        \.{4} \.{4} \.{4} \.\.01 = Frame type: Supervisory frame \(0x1\)\n/);
  // only I frames and plain UI frames reach the SAP's dissector (STP here)
  assert.deepEqual(rs.map((r) => r.proto), ['LLC', 'STP', 'STP', 'LLC', 'LLC', 'STP']);
  assert.equal(rs[1]!.info, 'Unknown BPDU type (1)');
});

test('SNAP: the Info names OUI and PID; UI with the poll bit is not dispatched (tshark 4.0)', () => {
  const eth = (llc: string): Uint8Array => {
    const body = llc.replace(/ /g, '') + '01'.repeat(10);
    return hex('001122334455 00aabbccddee' + (body.length / 2).toString(16).padStart(4, '0') + body + '00'.repeat(Math.max(0, 46 - body.length / 2)));
  };
  const rs = dissectBytes([eth('aaaa03 000000 0000'), eth('aaaa03 00000c 9999'), eth('aaaa03 123456 0001'), eth('aaaa13 000000 0800 45'), eth('aaaa03 0000')]);
  assert.deepEqual(rs.map((r) => r.info), [
    'U, func=UI; SNAP, OUI 0x000000 (Officially Xerox, but 0:0:0:0:0:0 is more common), PID 0x0000',
    'U, func=UI; SNAP, OUI 0x00000C (Cisco Systems, Inc), PID 0x9999',
    'U, func=UI; SNAP, OUI 0x123456 (Unknown), PID 0x0001',
    'U P, func=UI; SNAP, OUI 0x000000 (Officially Xerox, but 0:0:0:0:0:0 is more common), PID 0x0800',
    // the 802.3 length covers the 01 bytes after 'aaaa03 0000': they are read as OUI and PID
    'U, func=UI; SNAP, OUI 0x000001 (Xerox Corporation), PID 0x0101',
  ]);
  assert.equal(rs[3]!.protocols, 'eth:llc:data');
  assert.doesNotMatch(rs[3]!.tree, /\n    Type: IPv4/);
});
