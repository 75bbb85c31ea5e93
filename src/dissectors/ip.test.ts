// IPv4 dissector tests: agreement with tshark's goldens on real captures (normal traffic, fragments,
// bogus and truncated headers, options), and hand-made packets for what the corpus lacks (the
// expected texts are tshark 4.0's for the same bytes).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  capturesDir, compareFile, newAgreement, dissectFrames, ether, ip4, udp, labelsOf, valueOf, treeLines,
} from '../test-support/inet-golden.js';

const dir = capturesDir();
const skip = dir ? false : 'captures not found (../shared/captures)';

async function agreement(files: string[]): Promise<ReturnType<typeof newAgreement>> {
  const acc = newAgreement();
  for (const f of files) assert.ok(await compareFile(f, acc, 20), `no golden for ${f}`);
  return acc;
}

test('ip columns and summary lines equal the goldens', { skip }, async () => {
  const acc = await agreement([
    'zeek/http/get.pcap', 'zeek/ipv4/fragmented-1.pcap', 'zeek/ipv4/fragmented-2.pcap', 'zeek/ipv4/fragmented-3.pcap',
    'zeek/ipv4/fragmented-4.pcap', 'zeek/ipv4/fragmented-syn.pcap', 'tcpdump/ipv4_invalid_hdr_length.pcap',
    'tcpdump/ipv4_invalid_length.pcap', 'tcpdump/ipv4_invalid_total_length.pcap', 'zeek/trunc/ipv4-internally-truncated-header.pcap',
    'zeek/trunc/ipv4-truncated-broken-header.pcap', 'zeek/trunc/ip4-trunc.pcap', 'tcpdump/ip_ts_opts_asan.pcap',
    'tcpdump/ip_printroute_asan.pcap', 'tcpdump/IGMP_V2.pcap', 'ndpi/ip_fragmented_garbage.pcap', 'zeek/trunc/mpls-6in6-broken.pcap.gz',
  ]);
  assert.deepEqual(acc.mismatches, []);
  assert.ok(acc.cells > 3000 && acc.lines > 1000, `compared ${acc.cells} cells, ${acc.lines} lines`);
});

test('fragments: Info until complete, reassembled payload dissected on the last one', { skip }, async () => {
  const rows: string[] = [];
  const { dissectFile } = await import('../test-support/inet-golden.js');
  await dissectFile(`${dir}/zeek/ipv4/fragmented-syn.pcap`, null, (e) => {
    const t = e.tree;
    rows.push(`${e.packet.protocolsString()} | ${e.packet.info} | ${labelsOf(t, 'ip.fragments').join()} | ${valueOf(t, 'ip.reassembled.length')} | ${valueOf(t, 'tcp.srcport')}`);
  });
  assert.deepEqual(rows, [
    'eth:ethertype:ip:data | Fragmented IP protocol (proto=TCP 6, off=0, ID=0001) |  |  | ',
    'eth:ethertype:ip:tcp | 12345 → 80 [SYN] Seq=0 Win=8192 Len=0 MSS=1460 SACK_PERM TSval=12345678 TSecr=0 WS=128 | [2 IPv4 Fragments (40 bytes): #1(24), #2(16)] | 40 | 12345',
  ]);
});

test('overlapping fragments: first bytes win, flags as tshark', { skip }, async () => {
  const { dissectFile } = await import('../test-support/inet-golden.js');
  let lines: string[] = [];
  await dissectFile(`${dir}/zeek/ipv4/fragmented-1.pcap`, null, (e) => {
    if (e.packet.num === 3) lines = treeLines(e.tree, new Set(['ip'])).filter((l) => /^ *\[/.test(l) && /[Ff]ragment|Frame: |Reassembled IPv4 length/.test(l));
  });
  assert.deepEqual(lines, [
    '    [3 IPv4 Fragments (164 bytes): #1(18), #3(304), #2(116)]',
    '        [Frame: 1, payload: 0-17 (18 bytes)]',
    '        [Frame: 3, payload: 0-303 (304 bytes)]',
    '            [Fragment overlap: True]',
    '            [Conflicting data in fragment overlap: True]',
    '            [Fragment too long: True]',
    '        [Frame: 2, payload: 48-163 (116 bytes)]',
    '            [Fragment overlap: True]',
    '            [Conflicting data in fragment overlap: True]',
    '        [Fragment count: 3]',
    '        [Reassembled IPv4 length: 164]',
  ]);
});

test('header fields and labels', () => {
  dissectFrames([ether(ip4(udp(1000, 2000, [1, 2, 3, 4]), { tos: 0xb9, flags: 2, id: 0xdf8e, ttl: 64 }))], (e) => {
    const lines = treeLines(e.tree, new Set(['ip'])).filter((l) => l.startsWith('    ') && !l.includes('Expert'));
    assert.deepEqual(lines.slice(0, 14), [
      '    0100 .... = Version: 4',
      '    .... 0101 = Header Length: 20 bytes (5)',
      '    Differentiated Services Field: 0xb9 (DSCP: EF PHB, ECN: ECT(1))',
      '        1011 10.. = Differentiated Services Codepoint: Expedited Forwarding (46)',
      "        .... ..01 = Explicit Congestion Notification: ECN-Capable Transport codepoint '01' (1)",
      '    Total Length: 32',
      '    Identification: 0xdf8e (57230)',
      "    010. .... = Flags: 0x2, Don't fragment",
      '        0... .... = Reserved bit: Not set',
      "        .1.. .... = Don't fragment: Set",
      '        ..0. .... = More fragments: Not set',
      '    ...0 0000 0000 0000 = Fragment Offset: 0',
      '    Time to Live: 64',
      '    Protocol: UDP (17)',
    ]);
    assert.equal(valueOf(e.tree, 'ip.addr'), '10.0.0.1,10.0.0.2');
    assert.equal(valueOf(e.tree, 'ip.src_host'), '10.0.0.1');
    assert.equal(valueOf(e.tree, 'ip.flags'), '0x02');
    assert.equal(e.packet.src, '10.0.0.1');
    assert.equal(e.packet.netType, 4);
  });
});

test('bogus version, header length, total length; TSO; TTL experts; unknown protocol', () => {
  const u = udp(1000, 2000, [0x61, 0x62, 0x63, 0x64]);
  const infos: string[] = [];
  const extra: string[] = [];
  dissectFrames([
    ether(ip4(u, { ver: 0 })),
    ether(ip4(u, { ihl: 4 })),
    ether(ip4(u, { totlen: 10 })),
    ether(ip4(u, { totlen: 0 })),
    ether(ip4(u, { ttl: 4 })),
    ether(ip4(u, { ttl: 2, dst: '224.0.0.5' })),
    ether(ip4(u, { ttl: 1, dst: '239.1.1.1' })),
    ether(ip4([0x61, 0x61], { proto: 99 })),
    ether(ip4([0x61, 0x61], { proto: 253 })),
  ], (e) => {
    infos.push(`${e.packet.proto} | ${e.packet.info}`);
    extra.push([...labelsOf(e.tree, 'ip.len'), ...labelsOf(e.tree, 'ip.ttl.too_small'), ...labelsOf(e.tree, 'ip.ttl.lncb')].join(' / '));
  });
  assert.deepEqual(infos, [
    'IPv4 | Bogus IPv4 version (0, must be 4)',
    'IPv4 | Bogus IP header length (16, must be at least 20)',
    'IPv4 | Bogus IP length (10, less than header length 20)',
    'UDP | 1000 → 2000 Len=4',
    'UDP | 1000 → 2000 Len=4',
    'UDP | 1000 → 2000 Len=4',
    'UDP | 1000 → 2000 Len=4',
    'IPv4 | any private encryption scheme (99)',
    'IPv4 | Unknown (253)',
  ]);
  assert.equal(extra[2], 'Total Length: 10 bytes (bogus, less than header length 20)');
  assert.equal(extra[3], '[Total Length: 32 bytes (reported as 0, presumed to be because of "TCP segmentation offload" (TSO))]');
  assert.equal(extra[4], 'Total Length: 32 / ["Time To Live" only 4]');
  assert.equal(extra[5], 'Total Length: 32 / ["Time To Live" != 1 for a packet sent to the Local Network Control Block (see RFC 3171)]');
  assert.equal(extra[6], 'Total Length: 32');
});

test('options: router alert, record route, loose source route (destination and "Via")', () => {
  const u = udp(1000, 2000, [0x61, 0x62, 0x63, 0x64]);
  const a = (s: string): number[] => s.split('.').map(Number);
  const out: string[][] = [];
  dissectFrames([
    ether(ip4(u, { opts: [0x94, 0x04, 0, 0] })),
    ether(ip4(u, { opts: [0x07, 0x0b, 0x08, ...a('1.2.3.4'), ...a('5.6.7.8'), 0] })),
    ether(ip4(u, { opts: [0x83, 0x0b, 0x04, ...a('1.2.3.4'), ...a('5.6.7.8'), 0] })),
    ether(ip4(u, { opts: [0x01, 0x01, 0x01, 0x01] })),
  ], (e) => {
    out.push(treeLines(e.tree, new Set(['ip'])).filter((l) => /Options|IP Option|Route|Router Alert:|Destination|Current|^Internet|NOP in a row/.test(l) && !l.includes('Number:')));
    if (e.packet.num === 3) assert.equal(e.packet.dst, '5.6.7.8');
  });
  assert.deepEqual(out[0], [
    'Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2',
    '    Destination Address: 10.0.0.2',
    '    Options: (4 bytes), Router Alert',
    '        IP Option - Router Alert (4 bytes): Router shall examine packet (0)',
    '            Router Alert: Router shall examine packet (0)',
  ]);
  assert.deepEqual(out[1].slice(2), [
    '    Options: (12 bytes), Record Route',
    '        IP Option - Record Route (11 bytes)',
    '            Recorded Route: 1.2.3.4',
    '            Empty Route: 5.6.7.8 <- (next)',
    '        IP Option - End of Options List (EOL)',
  ]);
  assert.deepEqual(out[2], [
    'Internet Protocol Version 4, Src: 10.0.0.1, Dst: 5.6.7.8, Via: 10.0.0.2',
    '    Current Route: 10.0.0.2',
    '    Options: (12 bytes), Loose Source Route',
    '        IP Option - Loose Source Route (11 bytes)',
    '            Source Route: 1.2.3.4 <- (next)',
    '            Destination Address: 5.6.7.8',
    '        IP Option - End of Options List (EOL)',
  ]);
  assert.ok(out[3].includes('            [4 NOP in a row - a router may have removed some options]'));
});

test('reassembly memory stays bounded by the pending-bytes cap', async () => {
  // 40 datagrams whose first fragments never complete, under a 16 KiB cap: the oldest are dropped,
  // dissection goes on, and a datagram completed afterwards still reassembles.
  const { ipReassemblyUse, setIpReassemblyLimit } = await import('./ip.js');
  const frames: number[][] = [];
  for (let id = 1; id <= 40; id++) frames.push(ether(ip4(new Array(1480).fill(id & 255), { id, flags: 1, proto: 17 })));
  const tail = udp(1, 2, [9, 9, 9, 9]);
  frames.push(ether(ip4(tail.slice(0, 8), { id: 999, flags: 1 })));
  frames.push(ether(ip4(tail.slice(8), { id: 999, frag: 1 })));
  let last = '';
  let peak = 0;
  dissectFrames(frames, (e) => {
    if (e.packet.num === 1) setIpReassemblyLimit(e.session, 16384);
    peak = Math.max(peak, ipReassemblyUse(e.session).bytes);
    last = e.packet.protocolsString();
  });
  assert.ok(peak <= 16384 + 1480, `peak ${peak}`);
  assert.equal(last, 'eth:ethertype:ip:udp:data');
});
