// -z through the CLI (spawned) and the library API the UI server uses (computeStats results).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpus, repoRoot } from './cli.testutil.js';
import { computeStats } from './stats-cmd.js';
import type { ConvResult, EndpointsResult, ExpertResult, FollowResult, IoStatResult, PhsResult } from '../stats/index.js';

const C = corpus();
const CLI = resolve(repoRoot, 'dist', 'node', 'cli.js');
const FX = resolve(repoRoot, 'test', 'fixtures', 'stats');
const fx = (name: string): string => readFileSync(join(FX, name), 'utf8');

function wl(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test('CLI -z: several taps print in reverse order; -Y limits printing, not the taps; -2 -R limits both', { skip: C ? false : 'no ../shared/captures' }, () => {
  const f = join(C!, 'zeek', 'http', 'get.pcap');
  let r = wl(['-n', '-q', '-r', f, '-z', 'conv,tcp', '-z', 'endpoints,ip']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, fx('zeek__http__get.pcap.endpoints_ip.txt') + fx('zeek__http__get.pcap.conv_tcp.txt'));
  r = wl(['-n', '-q', '-r', f, '-Y', 'tcp.len > 0', '-z', 'conv,eth']);
  assert.equal(r.out, fx('zeek__http__get.pcap.conv_eth.txt'));
  // packets printed (filtered by -Y) come before the statistics
  r = wl(['-n', '-r', f, '-Y', 'tcp.flags.syn == 1', '-z', 'io,stat,0']);
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /^ +1 +0\.000000 /);
  assert.match(lines[1]!, /^ +2 /);
  assert.equal(lines.slice(2).join('\n'), fx('zeek__http__get.pcap.io_stat_0.txt'));
  r = wl(['-n', '-q', '-2', '-R', 'tcp', '-r', join(C!, 'zeek', 'wikipedia.pcap'), '-z', 'conv,ip', '-z', 'endpoints,udp']);
  assert.equal(r.out, fx('cli-2R-tcp.wikipedia.txt'));
  r = wl(['-n', '-q', '-r', f, '-z', 'conv,bogus']);
  assert.equal(r.code, 1);
  assert.match(r.err, /Invalid -z argument "conv,bogus"/);
});

test('computeStats: structured rows for the UI', { skip: C ? false : 'no ../shared/captures' }, async () => {
  const run = await computeStats(join(C!, 'zeek', 'http', 'get.pcap'),
    ['conv,tcp', 'endpoints,ip', 'io,phs', 'io,stat,0.1', 'expert', 'follow,tcp,ascii,0']);
  assert.equal(run.texts[0], fx('zeek__http__get.pcap.conv_tcp.txt'));
  const [conv, ep, phs, io, ex, fo] = run.taps.map((t) => t.result()) as
    [ConvResult, EndpointsResult, PhsResult, IoStatResult, ExpertResult, FollowResult];
  assert.deepEqual(conv.rows, [{
    a: '141.142.228.5:59856', b: '192.150.187.43:80', framesBA: 7, bytesBA: 5477, framesAB: 7, bytesAB: 610,
    frames: 14, bytes: 6087, startNs: 0, durationNs: 211628000,
  }]);
  assert.deepEqual(ep.rows.map((r) => [r.address, r.txPackets, r.rxBytes]), [['141.142.228.5', 7, 5477], ['192.150.187.43', 7, 610]]);
  assert.deepEqual([phs.roots[0]!.proto, phs.roots[0]!.frames, phs.roots[0]!.children[0]!.proto], ['eth', 14, 'ip']);
  assert.deepEqual(io.rows.map((r) => r.cells[0]!.frames), [4, 8, 2]);
  assert.equal(io.rows.reduce((n, r) => n + r.cells[0]!.bytes, 0), 6087);
  assert.ok(ex.rows.some((r) => r.severity === 'chat' && r.summary === 'Connection finish (FIN)' && r.count === 2));
  assert.equal(fo.node0, '141.142.228.5:59856');
  assert.deepEqual(fo.segments.map((s) => [s.dir, s.frame, s.data.length]), [[0, 4, 136], [1, 6, 1448], [1, 7, 1448], [1, 8, 1448], [1, 9, 663]]);
});
