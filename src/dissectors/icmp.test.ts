// ICMP dissector tests: goldens (echo matching, errors with quoted datagrams, truncation, bad
// checksums) and hand-made messages; expected texts are tshark 4.0's for the same bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  capturesDir, compareFile, newAgreement, dissectFile, dissectFrames, ether, ip4, udp, tcp, icmp, labelsOf, valueOf, treeLines,
} from '../test-support/inet-golden.js';

const dir = capturesDir();
const skip = dir ? false : 'captures not found (../shared/captures)';

test('icmp columns and summary lines equal the goldens', { skip }, async () => {
  const acc = newAgreement();
  for (const f of [
    'zeek/icmp/5-pings.pcap', 'zeek/icmp/icmp-ping.pcap', 'zeek/icmp/icmp-destunreach-udp.pcap', 'zeek/icmp/icmp-timeexceeded.pcap',
    'zeek/trunc/icmp-header-trunc.pcap', 'zeek/trunc/icmp-payload-trunc.pcap', 'tcpdump/icmp-cksum-oobr-1.pcap',
    'tcpdump/icmp_ext_oob_poc.pcap', 'arkime/bigendian.pcap',
  ]) assert.ok(await compareFile(f, acc, 20), `no golden for ${f}`);
  assert.deepEqual(acc.mismatches, []);
  assert.ok(acc.lines >= 20, `compared ${acc.lines} lines`);
});

test('echo: request/reply matching in one pass, response time, data timestamp', { skip }, async () => {
  const got: string[] = [];
  await dissectFile(`${dir}/zeek/icmp/5-pings.pcap`, null, (e) => {
    if (e.packet.num > 2) return;
    got.push(treeLines(e.tree, new Set(['icmp'])).filter((l) => l.startsWith('    ') && !l.startsWith('        ')).join('\n'));
  });
  assert.equal(got[1], [
    '    Type: 0 (Echo (ping) reply)',
    '    Code: 0',
    '    Checksum: 0xf724 [correct]',
    '    [Checksum Status: Good]',
    '    Identifier (BE): 1226 (0x04ca)',
    '    Identifier (LE): 51716 (0xca04)',
    '    Sequence Number (BE): 1 (0x0001)',
    '    Sequence Number (LE): 256 (0x0100)',
    '    [Request frame: 1]',
    '    [Response time: 26.299 ms]',
    '    Timestamp from icmp data: Dec  8, 2020 19:10:03.000000000 UTC',
    '    [Timestamp from icmp data (relative): 1.012895000 seconds]',
    '    Data (48 bytes)',
  ].join('\n'));
});

test('error: the quoted datagram is dissected, columns stay ICMP', { skip }, async () => {
  await dissectFile(`${dir}/zeek/icmp/icmp-destunreach-udp.pcap`, null, (e) => {
    const p = e.packet;
    assert.equal(p.proto, 'ICMP');
    assert.equal(p.info, 'Destination unreachable (Port unreachable)');
    assert.equal(p.src, '192.168.1.102');
    assert.equal(valueOf(e.tree, 'ip.src'), '192.168.1.102,192.168.1.1');
    assert.equal(valueOf(e.tree, 'udp.srcport'), '53');
    assert.deepEqual(labelsOf(e.tree, 'icmp.unused'), ['Unused: 00000000']);
  });
});

test('types, codes and Info padding as tshark', () => {
  const inner = ip4(udp(5353, 53, new Array(72).fill(0x78)), { src: '10.0.0.2', dst: '10.0.0.9', ttl: 1 }).slice(0, 28);
  const innerTcp = ip4(tcp(40000, 80, { seq: 1000, ack: 5, flags: 0x18, data: new Array(50).fill(0x79) }), { proto: 6, src: '10.0.0.2', dst: '10.0.0.9' });
  const msgs: number[][] = [
    icmp(8, 0, [0, 1, 0, 2]),
    icmp(13, 0, [0, 1, 0, 2], [0, 0, 0, 100, 0, 0, 0, 200, 0, 0, 1, 44]),
    icmp(4, 0, [0, 0, 0, 0], inner),
    icmp(3, 1, [0, 7, 0, 0], inner),
    icmp(5, 1, [10, 0, 0, 254], inner),
    icmp(12, 0, [20, 0, 0, 0], inner),
    icmp(10, 0, [0, 0, 0, 0]),
    icmp(30, 0, [0, 1, 0, 3], [0x61, 0x62, 0x63]),
    icmp(3, 4, [0, 0, 5, 220], innerTcp.slice(0, 48)),
    icmp(11, 0, [0, 0, 0, 0], innerTcp.slice(0, 28)),
    icmp(97, 116, [0, 0, 0, 0]),
  ];
  const infos: string[] = [];
  const trees: string[][] = [];
  dissectFrames(msgs.map((m) => ether(ip4(m, { proto: 1 }))), (e) => {
    infos.push(e.packet.info);
    trees.push(treeLines(e.tree, new Set(['icmp', 'ip', 'udp', 'tcp'])));
  });
  assert.deepEqual(infos, [
    'Echo (ping) request  id=0x0001, seq=2/512, ttl=64',
    'Timestamp request    id=0x0001, seq=2/512, ttl=64',
    'Source quench (flow control)',
    'Destination unreachable (Host unreachable)',
    'Redirect             (Redirect for host)',
    'Parameter problem    (Pointer indicates the error)',
    'Router solicitation ',
    'Traceroute          ',
    'Destination unreachable (Fragmentation needed)',
    'Time-to-live exceeded (Time to live exceeded in transit)',
    'Unknown ICMP (obsolete or malformed?)',
  ]);
  const has = (k: number, ...lines: string[]): void => { for (const l of lines) assert.ok(trees[k]!.includes(l), `frame ${k + 1}: ${l}\n${trees[k]!.join('\n')}`); };
  has(1, '    Originate Timestamp: 100 (0.100 seconds after midnight UTC)', '    Transmit Timestamp: 300 (0.300 seconds after midnight UTC)');
  has(3, '    Unused: 00', '    Length: 7', '    [Length of original datagram: 28]', '    Unused: 0000',
    '    Internet Protocol Version 4, Src: 10.0.0.2, Dst: 10.0.0.9', '        Length: 80');
  has(4, '    Gateway Address: 10.0.0.254');
  has(5, '    Pointer: 20', '    Unused: 000000');
  has(8, '    Unused: 0000', '    MTU of next hop: 1500', '    Transmission Control Protocol, Src Port: 40000, Dst Port: 80, Seq: 1000, Ack: 5',
    '        Sequence Number: 1000', '        Acknowledgment Number: 5    (relative ack number)', '        [Window size scaling factor: -1 (unknown)]',
    '        TCP payload (8 bytes)');
  // a quote holding 8 bytes of TCP: ports and sequence number, then nothing (no truncation marker)
  has(9, '    Transmission Control Protocol, Src Port: 40000, Dst Port: 80', '        Sequence Number: 1000');
  assert.ok(!trees[9]!.some((l) => l.includes('Packet size limited')));
  has(10, '    Type: 97 (Unknown ICMP (obsolete or malformed?))', '    Code: 116');
});

test('bad checksum: expert with the right value, status Bad', () => {
  const m = icmp(8, 0, [0, 1, 0, 3], [0x61]);
  m[2] = 0x33; m[3] = 0x99;
  dissectFrames([ether(ip4(m, { proto: 1 }))], (e) => {
    assert.deepEqual(labelsOf(e.tree, 'icmp.checksum'), ['Checksum: 0x3399 incorrect, should be 0x96fb']);
    assert.deepEqual(labelsOf(e.tree, 'icmp.checksum.status'), ['[Checksum Status: Bad]']);
    assert.deepEqual(labelsOf(e.tree, 'icmp.checksum_bad'), ['[Bad checksum [should be 0x96fb]]']);
  });
});

test('revisit (visited session): requests show their reply or "(no response found!)", as tshark -2', async () => {
  const { Engine } = await import('../core/dissect.js');
  const e = new Engine({ want: null });
  const msgs = [
    ether(ip4(icmp(8, 0, [0, 9, 0, 9], [0x78]), { proto: 1 })),
    ether(ip4(icmp(8, 0, [0, 9, 0, 9], [0x78]), { proto: 1 })),
    ether(ip4(icmp(0, 0, [0, 9, 0, 9], [0x78]), { proto: 1, src: '10.0.0.2', dst: '10.0.0.1' })),
  ].map((m) => Uint8Array.from(m));
  const go = (i: number): string => {
    const b = msgs[i]!;
    e.dissect({ num: i + 1, tsSec: 1000000 + i, tsNsec: 0, caplen: b.length, len: b.length, linktype: 1, iface: -1, comments: undefined }, b, new DataView(b.buffer), 0);
    return e.packet.info;
  };
  assert.deepEqual([0, 1, 2].map(go), [
    'Echo (ping) request  id=0x0009, seq=9/2304, ttl=64',
    'Echo (ping) request  id=0x0009, seq=9/2304, ttl=64',
    'Echo (ping) reply    id=0x0009, seq=9/2304, ttl=64 (request in 2)',
  ]);
  e.session.visited = true;
  assert.equal(go(0), 'Echo (ping) request  id=0x0009, seq=9/2304, ttl=64 (no response found!)');
  assert.deepEqual(labelsOf(e.tree, 'icmp.no_resp'), ['[No response seen]']);
  assert.equal(go(1), 'Echo (ping) request  id=0x0009, seq=9/2304, ttl=64 (reply in 3)');
  assert.deepEqual(labelsOf(e.tree, 'icmp.resp_in'), ['[Response frame: 3]']);
  assert.equal(go(2), 'Echo (ping) reply    id=0x0009, seq=9/2304, ttl=64 (request in 2)');
});
