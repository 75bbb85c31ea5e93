// TCP stream graph series against tshark 4.0 on a real transfer with losses: tcp.stream 3 of
// netns/tcp-loss.pcap (10.77.0.1:34080 <-> 10.77.0.2:80, a 268 kB HTTP download). The expected
// figures are totals of `tshark -n -r netns/tcp-loss.pcap -Y tcp.stream==3 -T fields -e
// frame.number -e frame.time_relative -e ip.src -e tcp.srcport -e tcp.seq -e tcp.nxtseq -e tcp.len
// -e tcp.ack -e tcp.analysis.ack_rtt -e tcp.analysis.bytes_in_flight -e tcp.window_size`, per
// sending side, and a few of its rows. tcp.ack is kept only with the ACK flag (the graphs plot
// acknowledgements), where tshark also prints the SYN's 0.
// (Frame 382, the client's ACK of the server's FIN after both FINs, carries tshark's last
// ack_rtt, 0.000028 s: the analysis keeps a teardown's unacknowledged FIN for it.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../node/pipeline.js';
import { tapWant, type TapClock } from './index.js';
import { TcpGraphTap, tcpGraphSeries, THROUGHPUT_SEGMENTS, type TcpGraphResult } from './tcp-graph.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = join(root, '..', 'shared', 'captures', 'netns', 'tcp-loss.pcap');
const skip = existsSync(FILE) ? false : `${FILE} missing`;

async function graphOf(path: string, stream: number): Promise<TcpGraphResult> {
  const tap = new TcpGraphTap(stream);
  const clock: TapClock = { firstSec: NaN, firstNsec: 0 };
  await runPipeline(path, { want: tapWant([tap]), cols: false }, (p, ctx) => {
    clock.firstSec = ctx.clock.firstSec;
    clock.firstNsec = ctx.clock.firstNsec;
    tap.packet(p, clock);
  });
  return tap.result();
}

const sum = (a: readonly (number | null)[]): number => a.reduce<number>((n, v) => n + (v ?? 0), 0);
const count = (a: readonly (number | null)[]): number => a.filter((v) => v !== null).length;

test('tcp stream graph data = tshark -T fields on tcp.stream 3 of tcp-loss.pcap', { skip }, async () => {
  const r = await graphOf(FILE, 3);
  assert.equal(r.node0, '10.77.0.1:34080');
  assert.equal(r.node1, '10.77.0.2:80');
  const [a, b] = r.sides;
  // side 0: the client; side 1: the server sending the data
  assert.deepEqual([a.frame.length, sum(a.seq), sum(a.nxtseq), sum(a.len), sum(a.ack), count(a.rtt), count(a.bytesInFlight), sum(a.bytesInFlight), sum(a.window)],
    [117, 9351, 9434, 81, 14583821, 63, 1, 81, 21821168]);
  assert.deepEqual([b.frame.length, sum(b.seq), sum(b.nxtseq), sum(b.len), sum(b.ack), count(b.rtt), count(b.bytesInFlight), sum(b.bytesInFlight), sum(b.window)],
    [193, 24952553, 25220695, 268140, 15746, 3, 189, 1296596, 12648072]);
  assert.equal(Math.round(sum(a.rtt) * 1e6), 909);
  assert.equal(Math.round(sum(b.rtt) * 1e6), 65);
  // rows: frame 73 (SYN), 80 (first full segment), 377 (a late data segment)
  assert.deepEqual([a.frame[0], a.time[0], a.seq[0], a.nxtseq[0], a.ack[0], a.window[0]], [73, 1.611181, 0, 1, null, 64240]);
  const k = b.frame.indexOf(80);
  assert.deepEqual([b.time[k], b.seq[k], b.nxtseq[k], b.len[k], b.ack[k], b.bytesInFlight[k], b.window[k]], [1.622748, 205, 1653, 1448, 82, 1448, 65536]);
  const m = b.frame.indexOf(377);
  assert.deepEqual([b.seq[m], b.nxtseq[m], b.bytesInFlight[m]], [198261, 199709, 1448]);
  const q = a.frame.indexOf(159);
  assert.deepEqual([a.ack[q], a.rtt[q], a.window[q]], [65741, 0.000148, 66560]);
});

test('the four graphs of the download direction (server → client)', { skip }, async () => {
  const r = await graphOf(FILE, 3);
  const stevens = tcpGraphSeries(r, 'stevens', 1);
  assert.equal(stevens.x.length, 193);
  assert.deepEqual(stevens.frames, r.sides[1].frame);
  // sequence numbers never go back but for retransmissions
  assert.equal(stevens.ys[0]!.values[stevens.frames.indexOf(80)], 205);
  const tp = tcpGraphSeries(r, 'throughput', 1);
  assert.equal(tp.x.length, 189); // the server's segments carrying data
  assert.equal(tp.ys[0]!.values[0], null);
  const later = tp.ys[0]!.values.slice(THROUGHPUT_SEGMENTS + 1).filter((v): v is number => v !== null);
  assert.ok(later.length > 100 && later.every((v) => v > 0));
  assert.equal(sum(tp.ys[1]!.values), 268140); // each data segment's length
  const rtt = tcpGraphSeries(r, 'rtt', 1);
  assert.equal(rtt.x.length, 63); // the client's ACKs carrying tcp.analysis.ack_rtt
  assert.equal(Math.round(sum(rtt.ys[0]!.values) * 1e3), 909);
  assert.ok(rtt.frames.includes(159));
  const win = tcpGraphSeries(r, 'window', 1);
  assert.equal(count(win.ys[0]!.values), 189);
  assert.equal(count(win.ys[1]!.values), 117);
  assert.equal(win.x.length, 189 + 117);
  for (let i = 1; i < win.frames.length; i++) assert.ok(win.frames[i]! > win.frames[i - 1]!, 'points in frame order');
  // the other direction: the client's request
  assert.equal(tcpGraphSeries(r, 'stevens', 0).x.length, 117);
  assert.equal(tcpGraphSeries(r, 'rtt', 0).x.length, 3);
  // a stream that does not exist: empty series
  const none = await graphOf(FILE, 9999);
  assert.equal(none.node0, '');
  assert.equal(tcpGraphSeries(none, 'window', 0).x.length, 0);
});
