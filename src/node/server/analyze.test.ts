// The Analyze methods of the API on the sample capture: statistics rows equal the stats library's
// own results (computeStats), follow gives both directions' bytes, the story and its diagram
// come from src/explain, properties count what the index holds; bad requests are refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeStats } from '../stats-cmd.js';
import { Api, ApiError } from './api.js';
import type { FollowData, Properties, TcpGraphData } from './analyze.js';
import type { StoryData } from './analyze-explain.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = join(repo, 'samples/sample.pcapng');

async function api(): Promise<Api> {
  const a = new Api({ roots: [dirname(SAMPLE)], live: false });
  await a.open(SAMPLE);
  await a.session!.ready();
  return a;
}

test('stats: the library\'s rows for each allowed statistic', async () => {
  const a = await api();
  for (const spec of ['conv,tcp', 'conv,ip', 'endpoints,udp', 'io,phs', 'expert', 'io,stat,1,,(tcp)']) {
    const want = (await computeStats(SAMPLE, [spec])).taps[0]!.result();
    assert.deepEqual(await a.call('stats', { spec }), want, spec);
  }
  await assert.rejects(a.call('stats', { spec: 'follow,tcp,raw,0' }), (e: unknown) => e instanceof ApiError && /unsupported statistic/.test(e.message));
  await assert.rejects(a.call('stats', { spec: 'conv,tcp,tcp.port ==' }), ApiError);
  await a.session!.close();
});

test('follow, story, properties', async () => {
  const a = await api();
  const f = await a.call('follow', { proto: 'tcp', stream: 0 }) as FollowData;
  assert.equal(f.filter, 'tcp.stream eq 0');
  assert.equal(Buffer.from(f.segments[0]!.hex, 'hex').toString('latin1').split('\r\n')[0], 'GET /hello.txt HTTP/1.1');
  assert.deepEqual(new Set(f.segments.map((s) => s.dir)), new Set([0, 1]));
  const st = await a.call('story', { stream: 0, lang: 'zh' }) as StoryData;
  assert.ok(st.story && st.story.sections.length >= 2);
  assert.equal((st.svg.match(/data-frame="/g) ?? []).length, 28);
  await assert.rejects(a.call('story', { stream: 0, lang: 'xx' }), ApiError);
  await assert.rejects(a.call('follow', { proto: 'sctp', stream: 0 }), ApiError);
  const p = await a.call('properties', {}) as Properties;
  assert.equal(p.frames, 60);
  assert.equal(p.bytes, 17430);
  assert.equal(p.format, 'pcapng');
  assert.equal(p.interfaces[0]!.linktype, 'Ethernet');
  // live capture refused by this server
  await assert.rejects(a.call('capture', { iface: 'lo' }), (e: unknown) => e instanceof ApiError && e.status === 403);
  await a.session!.close();
});

test('tcpgraph: the four TCP stream graphs of tcp.stream 0, counts as tshark -Y "tcp.stream==0" -T fields', async () => {
  const a = await api();
  const g = async (kind: string, dir: number): Promise<TcpGraphData> => await a.call('tcpgraph', { stream: 0, kind, dir }) as TcpGraphData;
  const st = await g('stevens', 1);
  assert.deepEqual([st.node0, st.node1, st.segments, st.filter], ['10.77.0.1:50404', '10.77.0.2:80', [15, 13], 'tcp.stream eq 0']);
  // the server's 13 segments, 10 with data; the client's 12 ACKs with an RTT; 10 bytes-in-flight + 15 windows
  assert.equal(st.x.length, 13);
  assert.equal(st.frames[0], 16);
  assert.equal((await g('throughput', 1)).x.length, 10);
  assert.equal((await g('rtt', 1)).x.length, 12);
  assert.equal((await g('window', 1)).x.length, 25);
  assert.equal((await g('stevens', 0)).x.length, 15);
  assert.equal((await g('rtt', 0)).x.length, 3);
  await assert.rejects(a.call('tcpgraph', { stream: 0, kind: 'pie', dir: 0 }), ApiError);
  await assert.rejects(a.call('tcpgraph', { stream: 0, kind: 'rtt', dir: 2 }), ApiError);
  await assert.rejects(a.call('tcpgraph', { stream: 99, kind: 'rtt', dir: 0 }), (e: unknown) => e instanceof ApiError && /no TCP stream 99/.test(e.message));
  await a.session!.close();
});
