// TCP connections end to end (issue 4): real connections between two network namespaces joined by
// a veth pair, node programs on both ends, tcpdump on the client's interface. Scenarios, one port
// each: a normal close with data both ways (7001), an abort by RST (7002), a simultaneous close
// (7003: nftables drops each side's incoming FINs until both FINs crossed on the wire, then lets the
// retransmissions through) and lost segments (7005: nftables drops the server's data at the
// client's input hook, after tcpdump saw it, until the server retransmits).
// Checked on the capture: our tcp.state.* fields, the explain text's key sentences, and our
// tcp.analysis.* flags against tshark's on every frame.
// Skips (with the reason) without root, namespaces, tcpdump, nft or tshark; the namespaces
// (wlt-a-<pid>-tcpe, wlt-b-<pid>-tcpe) are deleted even on failure.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetnsPair, netnsSkipReason, exited, sleep, IP_B, IF_A, type NetnsPair } from '../node/live/netns.testutil.js';
import { whichTool } from '../node/live/tools.js';
import { collectSegments } from '../node/explain-cmd.js';
import { buildStory, renderStory } from './story.js';
import { en } from './en.js';
import type { ExplainSeg } from './facts.js';
import { TA } from '../analysis/tcp-analysis.js';
import { STEP, TS } from '../analysis/tcp-state.js';

const TOOLS = ['tcpdump', 'nft', 'tshark'] as const;
const missing = TOOLS.filter((t) => whichTool(t) === undefined);
const SKIP = netnsSkipReason() ?? (missing.length ? `missing ${missing.join(', ')} (Debian: tcpdump, nftables, tshark)` : undefined);
const skip = SKIP === undefined ? false : `TCP end-to-end test skipped: ${SKIP}`;

const SERVER = `
import net from 'node:net';
const host = process.argv[2];
const big = (n, c) => Buffer.alloc(n, c);
const handlers = {
  7001(s) { let got = 0; s.on('data', (d) => { got += d.length; if (got === 20000) s.write(big(30000, 'S')); }); },
  7002(s) { s.on('data', () => s.write('ok')); s.on('error', () => {}); },
  7003(s) { s.on('data', (d) => { if (String(d).includes('bye')) s.end(); }); },
  7005(s) { s.on('data', (d) => { if (String(d).includes('send')) s.write(big(6000, 'L')); }); },
};
let n = 0;
for (const [port, h] of Object.entries(handlers)) {
  const srv = net.createServer({ allowHalfOpen: port === '7003' }, (s) => { s.on('error', () => {}); h(s); });
  srv.listen(Number(port), host, () => { if (++n === Object.keys(handlers).length) console.log('ready'); });
}
`;

const CLIENT = `
import net from 'node:net';
const [host, scenario] = process.argv.slice(2);
setTimeout(() => { console.error('timeout'); process.exit(3); }, 15000).unref();
const port = { normal: 7001, rst: 7002, simclose: 7003, loss: 7005 }[scenario];
const s = net.connect({ host, port });
s.on('error', (e) => { if (scenario !== 'rst') { console.error(e.message); process.exit(2); } });
s.on('close', () => process.exit(0));
let got = 0;
s.on('connect', () => {
  console.log('connected');
  if (scenario === 'normal') s.write(Buffer.alloc(20000, 'C'));
  if (scenario === 'rst') s.write('hi');
  if (scenario === 'simclose') { s.write('bye'); setTimeout(() => { s.end(); console.log('closing'); }, 150); }
  if (scenario === 'loss') s.write('send');
});
s.on('data', (d) => {
  got += d.length;
  if (scenario === 'normal' && got === 30000) s.end();
  if (scenario === 'rst') s.resetAndDestroy();
  if (scenario === 'loss' && got === 6000) s.end();
});
`;

let pair: NetnsPair | undefined;
let noNetns: string | undefined;
let TMP = '';
const procs: ChildProcess[] = [];

before(() => {
  if (skip) return;
  TMP = mkdtempSync(join(tmpdir(), 'wl-tcpe-'));
  writeFileSync(join(TMP, 'server.mjs'), SERVER);
  writeFileSync(join(TMP, 'client.mjs'), CLIENT);
  try {
    pair = createNetnsPair('tcpe');
  } catch (e) {
    noNetns = `cannot create network namespaces (${(e as Error).message})`;
  }
});

after(() => {
  for (const p of procs) p.kill('SIGKILL');
  pair?.down();
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

function nft(p: NetnsPair, ns: 'a' | 'b', script: string): void {
  p.run(ns, 'nft', ['-f', '-'], { input: script });
}

async function waitFor(c: ChildProcess, what: string, stream: 'stdout' | 'stderr', ms = 10000): Promise<void> {
  let seen = false;
  c[stream]!.on('data', (d: Buffer) => { if (String(d).includes(what)) seen = true; });
  const until = Date.now() + ms;
  while (!seen) {
    if (Date.now() > until) throw new Error(`no "${what}" within ${ms} ms`);
    if (c.exitCode !== null) throw new Error(`exited (${c.exitCode}) before "${what}"`);
    await sleep(20);
  }
}

/** Starts the client of a scenario; `seen` resolves once it printed `mark`, `done` when it exited cleanly. */
function startClient(p: NetnsPair, scenario: string, mark?: string): { seen: Promise<void>; done: Promise<void> } {
  const c = p.start('a', process.execPath, [join(TMP, 'client.mjs'), IP_B, scenario]);
  let err = '';
  c.stderr!.on('data', (d: Buffer) => { err += String(d); });
  const seen = mark === undefined ? Promise.resolve() : waitFor(c, mark, 'stdout', 15000);
  const done = exited(c).then((code) => { assert.equal(code, 0, `client ${scenario}: ${err}`); });
  return { seen, done };
}

/** tshark's analysis flags per frame: frame number → TA bits (the flags both tools set). */
function tsharkAnalysis(file: string): Map<number, number> {
  const names: [string, number][] = [
    ['tcp.analysis.retransmission', TA.RETRANSMISSION], ['tcp.analysis.fast_retransmission', TA.FAST_RETRANSMISSION],
    ['tcp.analysis.spurious_retransmission', TA.SPURIOUS_RETRANSMISSION], ['tcp.analysis.out_of_order', TA.OUT_OF_ORDER],
    ['tcp.analysis.lost_segment', TA.LOST_SEGMENT], ['tcp.analysis.ack_lost_segment', TA.ACK_LOST_SEGMENT],
    ['tcp.analysis.duplicate_ack', TA.DUPLICATE_ACK], ['tcp.analysis.window_update', TA.WINDOW_UPDATE],
    ['tcp.analysis.window_full', TA.WINDOW_FULL], ['tcp.analysis.zero_window', TA.ZERO_WINDOW],
    ['tcp.analysis.keep_alive', TA.KEEP_ALIVE],
  ];
  const r = spawnSync('tshark', ['-n', '-r', file, '-Y', 'tcp', '-T', 'fields', '-e', 'frame.number', ...names.flatMap(([n]) => ['-e', n])],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  const m = new Map<number, number>();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const cols = line.split('\t');
    let bits = 0;
    names.forEach(([, b], i) => { if (cols[i + 1]) bits |= b; });
    m.set(Number(cols[0]), bits);
  }
  return m;
}
const COMPARED = TA.RETRANSMISSION | TA.FAST_RETRANSMISSION | TA.SPURIOUS_RETRANSMISSION | TA.OUT_OF_ORDER | TA.LOST_SEGMENT
  | TA.ACK_LOST_SEGMENT | TA.DUPLICATE_ACK | TA.WINDOW_UPDATE | TA.WINDOW_FULL | TA.ZERO_WINDOW | TA.KEEP_ALIVE;

test('real TCP connections between namespaces: states, explain text, analysis flags as tshark', { skip, timeout: 120000 }, async (t) => {
  if (noNetns) { t.skip(noNetns); return; }
  const p = pair!;
  const file = join(TMP, 'tcp.pcap');
  const server = p.start('b', process.execPath, [join(TMP, 'server.mjs'), IP_B]);
  procs.push(server);
  await waitFor(server, 'ready', 'stdout');
  const cap = p.start('a', 'tcpdump', ['-i', IF_A, '-n', '-U', '--immediate-mode', '-w', file, 'tcp or icmp']);
  procs.push(cap);
  await waitFor(cap, 'listening on', 'stderr');
  // the capture really runs once a ping is in the file (tcpdump may report before it records)
  for (let until = Date.now() + 10000; ;) {
    p.run('a', 'ping', ['-c1', '-W1', '-q', IP_B], { allowFail: true });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 100) break;
    if (Date.now() > until) throw new Error('tcpdump records nothing');
    await sleep(100);
  }

  await startClient(p, 'normal').done;
  await startClient(p, 'rst').done;

  // simultaneous close: each side's input drops FINs, so both FINs are sent before either arrives
  nft(p, 'a', 'table inet wltcpe { chain in { type filter hook input priority 0; tcp sport 7003 tcp flags & fin == fin drop; }; }');
  nft(p, 'b', 'table inet wltcpe { chain in { type filter hook input priority 0; tcp dport 7003 tcp flags & fin == fin drop; }; }');
  const sim = startClient(p, 'simclose', 'closing');
  await sim.seen;
  await sleep(100);
  nft(p, 'a', 'delete table inet wltcpe');
  nft(p, 'b', 'delete table inet wltcpe');
  await sim.done;

  // lost segments: the server's data is dropped at the client's input (tcpdump saw it) until the
  // rule dropped a few segments (the first ones and a retransmission or a tail loss probe)
  nft(p, 'a', 'table inet wltcpe { chain in { type filter hook input priority 0; tcp sport 7005 ip length > 200 counter drop; }; }');
  const loss = startClient(p, 'loss');
  for (let until = Date.now() + 15000; ;) {
    const n = Number(/packets (\d+)/.exec(p.run('a', 'nft', ['list', 'table', 'inet', 'wltcpe']).stdout)?.[1] ?? 0);
    if (n >= 6) break;
    if (Date.now() > until) throw new Error(`the drop rule dropped ${n} packets only`);
    await sleep(50);
  }
  nft(p, 'a', 'delete table inet wltcpe');
  await loss.done;

  await sleep(300);
  cap.kill('SIGINT');
  await exited(cap);

  if (process.env['WIRELENS_TCPE_KEEP']) writeFileSync(process.env['WIRELENS_TCPE_KEEP'], readFileSync(file));
  const { segs, error } = await collectSegments({ file, filter: undefined, streams: [] });
  assert.equal(error, undefined);
  const byPort = new Map<number, ExplainSeg[]>();
  for (const s of segs) {
    const port = Math.min(s.sport, s.dport);
    let a = byPort.get(port);
    if (!a) byPort.set(port, (a = []));
    a.push(s);
  }
  const conn = (port: number): { segs: ExplainSeg[]; text: string } => {
    const c = byPort.get(port);
    assert.ok(c && c.length > 0, `connection on port ${port} captured`);
    return { segs: c, text: renderStory(buildStory(c, en)) };
  };
  const fromClient = (s: ExplainSeg): boolean => s.dport < s.sport;
  const lastState = (c: ExplainSeg[]): string => `${c[c.length - 1]!.client}/${c[c.length - 1]!.server}`;

  // normal close, data both ways
  {
    const { segs: c, text } = conn(7001);
    assert.deepEqual(c.slice(0, 3).map((s) => s.step), [STEP.HANDSHAKE_1, STEP.HANDSHAKE_2, STEP.HANDSHAKE_3]);
    assert.deepEqual(c.slice(0, 3).map((s) => `${s.client}/${s.server}`), [
      `${TS.SYN_SENT}/${TS.SYN_RECEIVED}`, `${TS.ESTABLISHED}/${TS.SYN_RECEIVED}`, `${TS.ESTABLISHED}/${TS.ESTABLISHED}`]);
    assert.equal(c.filter(fromClient).reduce((n, s) => n + s.len, 0), 20000);
    assert.equal(c.filter((s) => !fromClient(s)).reduce((n, s) => n + s.len, 0), 30000);
    const fin1 = c.findIndex((s) => s.flags & 1);
    assert.ok(fromClient(c[fin1]!), 'the client closes first');
    assert.equal(`${c[fin1]!.client}/${c[fin1]!.server}`, `${TS.FIN_WAIT_1}/${TS.CLOSE_WAIT}`);
    assert.equal(lastState(c), `${TS.TIME_WAIT}/${TS.CLOSED}`);
    assert.ok(c.some((s) => s.step === STEP.TEARDOWN_4));
    assert.match(text, /The client opened it with the SYN in frame #\d+\./);
    assert.match(text, /The three-way handshake is complete\./);
    assert.match(text, /Ack=1 = the client's Seq 0 \+ 1, because a SYN occupies one sequence number/);
    assert.match(text, /MSS=1460: the largest segment it is willing to receive; WS: shift \d+, multiplier 2\^\d+ = \d+/);
    assert.match(text, /The client closes its sending direction \(FIN\)\. A FIN occupies one sequence number: Seq 20001 \+ 1 = 20002/);
    assert.match(text, /The client is in TIME_WAIT: it waits 2×MSL/);
    assert.match(text, /States after it: client TIME_WAIT, server CLOSED\.\n\nEnd\n/);
  }
  // RST
  {
    const { segs: c, text } = conn(7002);
    const r = c.find((s) => s.flags & 4)!;
    assert.ok(r && fromClient(r), 'the client resets');
    assert.equal(r.step, STEP.RESET);
    assert.equal(`${r.client}/${r.server}`, `${TS.CLOSED}/${TS.CLOSED}`);
    assert.match(text, /The client aborts the connection \(RST\): both ends are CLOSED at once, without TIME_WAIT\./);
  }
  // simultaneous close
  {
    const { segs: c, text } = conn(7003);
    const sc = c.find((s) => s.step === STEP.SIMULTANEOUS_CLOSE);
    assert.ok(sc, `a simultaneous close step in ${c.map((s) => s.step).join(',')}`);
    assert.equal(`${sc.client}/${sc.server}`, `${TS.CLOSING}/${TS.CLOSING}`);
    assert.equal(lastState(c), `${TS.TIME_WAIT}/${TS.TIME_WAIT}`);
    assert.match(text, /This FIN crosses the other side's FIN \(its Ack does not cover it\): a simultaneous close/);
    assert.match(text, /The client is in TIME_WAIT.*\n.*The server is in TIME_WAIT/);
  }
  // lost segments: retransmitted by the server, flagged as tshark flags them
  {
    const { segs: c, text } = conn(7005);
    assert.ok(c.some((s) => !fromClient(s) && s.analysis & TA.RETRANSMISSION), 'a retransmission by the server');
    assert.match(text, /server → client {2}\[[A-Z, ]+\] {2}Seq=\d+ Ack=\d+ Len=\d+\n(?: {6}.*\n)* {6}Retransmission: it carries data \(or a SYN\/FIN\) below the next expected sequence number/);
    assert.equal(lastState(c), `${TS.TIME_WAIT}/${TS.CLOSED}`);
  }
  // every frame's analysis flags equal tshark's
  const theirs = tsharkAnalysis(file);
  const diffs: string[] = [];
  for (const s of segs) {
    const want = theirs.get(s.num) ?? 0;
    if ((s.analysis & COMPARED) !== want) diffs.push(`#${s.num}: ours ${(s.analysis & COMPARED).toString(16)} tshark ${want.toString(16)}`);
  }
  assert.deepEqual(diffs, []);
  assert.equal(theirs.size, segs.length, 'the same TCP frames');
  // the states are filterable
  const tw = await collectSegments({ file, filter: 'tcp.state.client == 9 && tcp.state.server == 9', streams: [] });
  assert.deepEqual([...new Set(tw.segs.map((s) => Math.min(s.sport, s.dport)))], [7003]);
});
