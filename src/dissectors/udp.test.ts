// UDP dissector tests: goldens and hand-made datagrams (bad lengths, zero checksum, streams and
// per-stream times); expected texts are tshark 4.0's for the same bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturesDir, compareFile, newAgreement, dissectFrames, ether, ip4, udp, labelsOf, valueOf, treeLines } from '../test-support/inet-golden.js';
import { udpPortTable, udpHeuristics } from './udp.js';

const dir = capturesDir();
const skip = dir ? false : 'captures not found (../shared/captures)';

test('udp columns and summary lines equal the goldens', { skip }, async () => {
  const acc = newAgreement();
  for (const f of [
    'zeek/udp-packet.pcap', 'zeek/udp-broadcast.pcap', 'zeek/ntp/ntp.pcap', 'zeek/udp-contents-truncated-oob.pcap',
    'tcpdump/ipv4_invalid_total_length.pcap', 'zeek/wikipedia.pcap', 'arkime/dns-udp.pcap',
  ]) assert.ok(await compareFile(f, acc, 20), `no golden for ${f}`);
  assert.deepEqual(acc.mismatches, []);
  assert.ok(acc.cells > 500, `compared ${acc.cells} cells`);
});

test('lengths, checksum, stream index, times, payload', () => {
  const d = [0x61, 0x62, 0x63, 0x64];
  const infos: string[] = [];
  const trees: string[][] = [];
  dissectFrames([
    ether(ip4(udp(1000, 2000, d, { cs: 0x1234 }))),
    ether(ip4(udp(1000, 2000, d))),
    ether(ip4(udp(1000, 2000, d, { length: 20 }))),
    ether(ip4(udp(1000, 2000, d, { length: 6 }))),
    ether(ip4(udp(1000, 2000, d, { length: 10 }))),
    ether(ip4(udp(1000, 2000, []))),
    ether(ip4(udp(2000, 1000, d), { src: '10.0.0.2', dst: '10.0.0.1' })),
    ether(ip4(udp(33434, 2000, d))),
  ], (e) => {
    infos.push(e.packet.info);
    trees.push(treeLines(e.tree, new Set(['udp'])).filter((l) => l.startsWith('    ') && !/Severity|Group/.test(l)));
  });
  assert.deepEqual(infos, [
    '1000 → 2000 Len=4',
    '1000 → 2000 Len=4',
    '1000 → 2000 [BAD UDP LENGTH 20 > IP PAYLOAD LENGTH] Len=12',
    '1000 → 2000 [BAD UDP LENGTH 6 < 8]',
    '1000 → 2000 Len=2',
    '1000 → 2000 Len=0',
    '2000 → 1000 Len=4',
    '33434 → 2000 Len=4',
  ]);
  assert.deepEqual(trees[0], [
    '    Source Port: 1000', '    Destination Port: 2000', '    Length: 12', '    Checksum: 0x1234 [unverified]',
    '    [Checksum Status: Unverified]', '    [Stream index: 0]', '    [Timestamps]',
    '        [Time since first frame: 0.000000000 seconds]', '        [Time since previous frame: 0.000000000 seconds]',
    '    UDP payload (4 bytes)',
  ]);
  assert.deepEqual(trees[1].slice(3, 5), ['    Checksum: 0x0000 [zero-value ignored]', '        [Checksum Status: Not present]']);
  assert.deepEqual(trees[2].slice(2, 4), ['    Length: 20 (bogus, payload length 12)', '        [Expert Info (Error/Malformed): Bad length value 20 > IP payload length]']);
  assert.deepEqual(trees[3].slice(2), ['    Length: 6 (bogus, must be >= 8)', '        [Expert Info (Error/Malformed): Bad length value 6 < 8]', '            [Bad length value 6 < 8]']);
  // no payload: no Timestamps, no payload item, and the stream's previous time is not moved
  assert.deepEqual(trees[5].slice(-1), ['    [Stream index: 0]']);
  assert.ok(trees[6].includes('        [Time since previous frame: 2.000000000 seconds]'), trees[6].join('\n'));
  assert.ok(trees[6].includes('    [Stream index: 0]'));
  assert.ok(trees[7].includes('    [Stream index: 1]'));
});

test('payload dispatch: lower port first, then heuristics, then data', () => {
  const seen: string[] = [];
  const h = (name: string) => ({ name, fn: () => { seen.push(name); return 0; } });
  udpPortTable.add(40001, h('p40001'));
  udpPortTable.add(40002, h('p40002'));
  udpHeuristics.add('heur-test', () => { seen.push('heur'); return 0; });
  try {
    dissectFrames([ether(ip4(udp(40002, 40001, [1, 2])))], (e) => {
      assert.equal(valueOf(e.tree, 'data.len'), '2');
    });
    assert.deepEqual(seen, ['p40001', 'p40002', 'heur']);
  } finally {
    for (const e of udpHeuristics.entries) if (e.name === 'heur-test') e.enabled = false;
  }
  void labelsOf;
});

test('"UDP payload (N bytes)" counts the bytes captured when the snaplen cut the datagram', () => {
  // tshark 4.0: UDP length 60, 18 payload bytes of a 100-byte frame captured to 60 → '(18 bytes)'
  const frame = ether(ip4(udp(40000, 40001, new Array<number>(52).fill(0)), { totlen: 80 }));
  const full: string[] = [];
  const cut: string[] = [];
  dissectFrames([frame, [frame.slice(0, 60), 100]], (e) => {
    const lines = treeLines(e.tree, null).filter((l) => l.includes('UDP payload'));
    (full.length === 0 ? full : cut).push(...lines);
  });
  assert.deepEqual([full.map((l) => l.trim()), cut.map((l) => l.trim())], [['UDP payload (52 bytes)'], ['UDP payload (18 bytes)']]);
});
