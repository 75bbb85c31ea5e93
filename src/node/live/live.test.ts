// End-to-end live capture: two network namespaces joined by a veth pair (netns.testutil.ts),
// real traffic (ping over IPv4 and IPv6, HTTP from node to curl, DNS from dnsmasq to dig when
// installed), captured live by wirelens through dumpcap (and tcpdump), checked against what
// tshark / capinfos read from the file wirelens wrote. Needs root; skips with the reason otherwise.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../dissectors/index.js';
import { compileFilter } from '../../dfilter/index.js';
import type { CaptureMeta } from '../../capture/types.js';
import { readCaptureFile } from '../read.js';
import { DEFAULT_FIELDS_OPTIONS, fieldsRow, resolveFieldColumns, type FieldColumns } from '../output/fields.js';
import { startCapture } from './capture.js';
import { listInterfaces } from './interfaces.js';
import { runLiveCapture, type LiveRunOptions, type LiveRunResult } from './run.js';
import { LiveCaptureError, whichTool } from './tools.js';
import {
  capinfosCounts, createNetnsPair, exited, IF_A, IP6_B, IP_A, IP_B, MAC_A, netnsSkipReason, sleep, type NetnsPair,
} from './netns.testutil.js';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');
const HAVE_DUMPCAP = whichTool('dumpcap') !== undefined;
const HAVE_TCPDUMP = whichTool('tcpdump') !== undefined;
const SKIP = netnsSkipReason()
  ?? (!HAVE_DUMPCAP && !HAVE_TCPDUMP ? 'neither dumpcap nor tcpdump is installed (Debian: wireshark-common, tcpdump)' : undefined)
  ?? (whichTool('ping') === undefined ? 'ping is missing (Debian: iputils-ping)' : undefined);
const skip = SKIP === undefined ? false : `live capture tests skipped: ${SKIP}`;
const dumpcapSkip = skip || (!HAVE_DUMPCAP && 'dumpcap is missing (Debian: wireshark-common)');
const HAVE_TSHARK = whichTool('tshark') !== undefined;
const DNS = whichTool('dnsmasq') !== undefined && whichTool('dig') !== undefined;
const HTTP_PORT = 8080;

let pair: NetnsPair;
let noNetns: string | undefined;
/** False (and the test skipped) when the namespaces could not be created. */
function netnsReady(t: { skip(msg?: string): void }): boolean {
  if (noNetns === undefined) return true;
  t.skip(noNetns);
  return false;
}
let TMP = '';
const servers: ChildProcess[] = [];

before(async () => {
  if (skip) return;
  TMP = mkdtempSync(join(tmpdir(), 'wlt-live-'));
  try {
    pair = createNetnsPair();
  } catch (e) {
    // e.g. a container without CAP_SYS_ADMIN: root, but no namespaces
    noNetns = `live capture tests skipped: cannot create network namespaces (${(e as Error).message})`;
    return;
  }
  // HTTP server in namespace b (node), started while DNS comes up
  const http = pair.start('b', process.execPath, ['-e', `
    require('http').createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('hello from wirelens\\n'.repeat(40)); })
      .listen(${HTTP_PORT}, '${IP_B}', () => console.log('ready'));`]);
  servers.push(http);
  const ready = new Promise<void>((res, rej) => {
    http.stdout!.on('data', (d: Buffer) => { if (String(d).includes('ready')) res(); });
    http.on('exit', (code) => rej(new Error(`HTTP server exited (${code})`)));
  });
  if (DNS) {
    servers.push(pair.start('b', 'dnsmasq', ['--keep-in-foreground', '--conf-file=/dev/null', '--no-resolv', '--no-hosts',
      '--bind-interfaces', `--listen-address=${IP_B}`, '--port=53', '--user=root', '--group=root', '--pid-file=',
      '--cache-size=0', `--host-record=www.wlt.test,${IP_B},${IP6_B}`]));
    const until = Date.now() + 15000;
    while ((await inNs('a', 'dig', ['+short', '+tries=1', '+time=1', `@${IP_B}`, 'www.wlt.test', 'A'])).stdout.trim() !== IP_B) {
      if (Date.now() > until) throw new Error('dnsmasq did not answer');
      await sleep(100);
    }
  }
  await ready;
});

after(() => {
  for (const s of servers) s.kill('SIGKILL');
  pair?.down();
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** Runs a command in a namespace; resolves with its exit code and output. */
function inNs(ns: 'a' | 'b', cmd: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const c = pair.start(ns, cmd, args);
  let stdout = '';
  let stderr = '';
  c.stdout!.on('data', (d: Buffer) => { stdout += d; });
  c.stderr!.on('data', (d: Buffer) => { stderr += d; });
  return exited(c).then((code) => ({ code, stdout, stderr }));
}

async function ping(args: readonly string[]): Promise<void> {
  const r = await inNs('a', 'ping', ['-n', '-q', ...args]);
  assert.equal(r.code, 0, `ping ${args.join(' ')}: ${r.stdout}${r.stderr}`);
}

async function httpGet(): Promise<void> {
  const url = `http://${IP_B}:${HTTP_PORT}/`;
  const r = whichTool('curl') !== undefined
    ? await inNs('a', 'curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '10', url])
    : await inNs('a', process.execPath, ['-e', `require('http').get('${url}', (r) => { r.resume(); r.on('end', () => process.stdout.write(String(r.statusCode))); })`]);
  assert.equal(r.stdout.trim(), '200', r.stderr);
}

/** Fields compared with tshark, packet by packet. */
const FIELDS = [
  'frame.number', 'frame.len', 'frame.cap_len', 'eth.src', 'eth.dst', 'eth.type', 'ip.src', 'ip.dst', 'ip.proto', 'ip.ttl',
  'ipv6.src', 'ipv6.dst', 'ipv6.nxt', 'icmp.type', 'icmp.seq', 'icmpv6.type', 'tcp.srcport', 'tcp.dstport', 'tcp.len',
  'udp.srcport', 'udp.dstport', 'dns.qry.name', 'dns.a', 'dns.aaaa',
];

function columns(names: readonly string[]): FieldColumns {
  const r = resolveFieldColumns(names);
  assert.ok(r.ok, `unknown fields: ${r.ok ? '' : r.invalid.join(', ')}`);
  return r.columns;
}

/** tshark's -T fields rows for a file (one tshark run). */
function tsharkRows(file: string, fields: readonly string[], extra: readonly string[] = []): string[] {
  const r = spawnSync('tshark', ['-n', '-r', file, ...extra, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])], {
    encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 60000, maxBuffer: 64 << 20,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '');
}

/** Runs a capture on namespace a's veth while `traffic` runs; stops (abort) when it is done. */
async function capture(opts: Partial<LiveRunOptions>, traffic: () => Promise<void>, onRow?: (row: string) => void, cols?: FieldColumns): Promise<LiveRunResult & { rows: string[] }> {
  const ac = new AbortController();
  const rows: string[] = [];
  let work: Promise<void> | undefined;
  const r = await runLiveCapture({
    launcher: pair.launcherA, interfaces: [IF_A], signal: ac.signal,
    ...(cols ? { pipeline: { want: cols.want, cols: cols.needsColumns } } : {}),
    ...opts,
    onStart: () => {
      work = traffic().then(() => sleep(150)).finally(() => ac.abort());
      work.catch(() => undefined);
    },
  }, (p) => {
    if (!cols) return;
    const row = fieldsRow(p, cols, DEFAULT_FIELDS_OPTIONS);
    rows.push(row);
    onRow?.(row);
  });
  await work;
  return { ...r, rows };
}

test('interfaces of the namespace, with addresses (dumpcap -D -M under the launcher)', { skip: dumpcapSkip }, async (t) => {
  if (!netnsReady(t)) return;
  const list = await listInterfaces({ launcher: pair.launcherA });
  const veth = list.find((i) => i.name === IF_A);
  assert.ok(veth, JSON.stringify(list));
  assert.ok(veth.addresses.includes(IP_A) && veth.addresses.includes('fd78::1'), veth.addresses.join(','));
  assert.ok(list.some((i) => i.name === 'lo' && i.description === 'Loopback'));
});

test('ping (v4, v6), HTTP and DNS captured live: every packet agrees with tshark reading the written file', { skip: dumpcapSkip }, async (t) => {
  if (!netnsReady(t)) return;
  const cols = columns(FIELDS);
  const file = join(TMP, 'mixed.pcapng');
  const r = await capture({
    filter: `icmp or icmp6 or tcp port ${HTTP_PORT} or udp port 53 or arp`,
    write: { path: file },
  }, async () => {
    await ping(['-c', '3', '-i', '0.2', IP_B]);
    await ping(['-6', '-c', '2', '-i', '0.2', IP6_B]);
    await httpGet();
    if (DNS) {
      const d = await inNs('a', 'dig', ['+short', '+tries=1', '+time=2', `@${IP_B}`, 'www.wlt.test', 'AAAA']);
      assert.equal(d.stdout.trim(), IP6_B);
    }
  }, undefined, cols);
  assert.equal(r.captureError, undefined);
  assert.equal(r.error, undefined);
  assert.equal(r.exit?.stopped, true);
  const icmpReq = r.rows.filter((x) => x.split('\t')[13] === '8').length;
  assert.equal(icmpReq, 3, 'three IPv4 echo requests');
  assert.ok(r.rows.filter((x) => x.split('\t')[15] === '128').length === 2, 'two IPv6 echo requests');
  assert.ok(r.rows.filter((x) => x.split('\t')[16] === String(HTTP_PORT) || x.split('\t')[17] === String(HTTP_PORT)).length >= 8, 'an HTTP exchange');
  if (DNS) assert.equal(r.rows.filter((x) => x.split('\t')[21] === 'www.wlt.test').length, 2, 'DNS query and response');
  assert.ok(r.rows.every((x) => x.split('\t')[3] === MAC_A || x.split('\t')[4] === MAC_A), 'all on the veth');
  // what was seen live = what was written = what the capturer counted
  assert.equal(r.frames, r.rows.length);
  assert.equal(r.written, r.frames);
  assert.equal(r.exit?.counts.captured, r.frames);
  assert.deepEqual(r.files, [file]);
  if (HAVE_TSHARK) {
    assert.deepEqual(r.rows, tsharkRows(file, FIELDS));
  } else {
    const again: string[] = [];
    await readCaptureFile(file, () => { again.push(''); });
    assert.equal(again.length, r.frames);
  }
});

test('display filter applied live, -c stops the capture by itself', { skip: skip }, async (t) => {
  if (!netnsReady(t)) return;
  const f = compileFilter('icmp.type == 8');
  assert.ok(f.ok);
  const cols = columns(['frame.number', 'icmp.type', 'icmp.seq']);
  const ac = new AbortController();
  let pinger: Promise<unknown> | undefined;
  const rows: string[] = [];
  const t0 = Date.now();
  const r = await runLiveCapture({
    launcher: pair.launcherA, interfaces: [IF_A], filter: 'icmp', count: 6, signal: ac.signal,
    pipeline: { filter: f.filter, want: cols.want, cols: false },
    onStart: () => { pinger = ping(['-c', '20', '-i', '0.1', IP_B]).catch(() => undefined); },
  }, (p) => { rows.push(fieldsRow(p, cols)); });
  assert.equal(r.frames, 6);
  assert.equal(r.displayed, 3);
  assert.deepEqual(rows, ['1\t8\t1', '3\t8\t2', '5\t8\t3']);
  assert.equal(r.captureError, undefined);
  assert.ok(Date.now() - t0 < 15000);
  await pinger;
});

test('-a duration stops an idle capture; the empty file is complete', { skip: skip }, async (t) => {
  if (!netnsReady(t)) return;
  const file = join(TMP, 'idle.pcapng');
  const t0 = Date.now();
  const r = await runLiveCapture({
    launcher: pair.launcherA, interfaces: [IF_A], filter: 'udp port 9', autostop: { duration: 1 }, write: { path: file },
  }, () => undefined);
  const took = Date.now() - t0;
  assert.equal(r.frames, 0);
  assert.equal(r.captureError, undefined);
  assert.ok(took >= 900 && took < 10000, `${took} ms`);
  const c = capinfosCounts([file]);
  if (c) assert.deepEqual(c, [0]);
  const meta: CaptureMeta = await readCaptureFile(file, () => undefined);
  assert.equal(meta.interfaces[0]?.name, IF_A, 'the interface block is written even without packets');
});

test('ring buffer: -b filesize:3 -b files:2 rotates while capturing, keeps the last two files', { skip: skip }, async (t) => {
  if (!netnsReady(t)) return;
  const dir = mkdtempSync(join(TMP, 'ring-'));
  const cols = columns(['frame.len', 'icmp.seq']);
  const opened: string[] = [];
  const r = await capture({
    filter: 'icmp', write: { path: join(dir, 'ring.pcapng'), ring: { filesize: 3, files: 2 } }, onFile: (p) => opened.push(p),
  }, () => ping(['-c', '8', '-i', '0.05', '-s', '1000', IP_B]), undefined, cols);
  assert.equal(r.frames, 16, JSON.stringify(r.exit?.counts) + r.rows.join("|"));
  assert.ok(opened.length >= 4, `files opened: ${opened.length}`);
  const kept = readdirSync(dir).sort().map((f) => join(dir, f));
  assert.deepEqual(kept, r.files);
  assert.deepEqual(kept, opened.slice(-2));
  for (const [k, f] of kept.entries()) {
    assert.match(f, new RegExp(`ring_${String(opened.length - 1 + k).padStart(5, '0')}_\\d{14}\\.pcapng$`));
  }
  // the kept files hold the last packets seen live, complete and in order
  const tail: string[] = [];
  for (const f of kept) {
    await readCaptureFile(f, (rec) => { tail.push(String(rec.len)); });
  }
  assert.deepEqual(tail, r.rows.slice(r.rows.length - tail.length).map((x) => x.split('\t')[0]));
  const c = capinfosCounts(kept);
  if (c) assert.equal(c.reduce((a, b) => a + b, 0), tail.length);
});

test('two interfaces at once (the veth and lo): one pcapng stream with two interfaces', { skip: dumpcapSkip }, async (t) => {
  if (!netnsReady(t)) return;
  const file = join(TMP, 'two.pcapng');
  const r = await capture({
    interfaces: [IF_A, 'lo'], filter: 'icmp', write: { path: file },
  }, async () => {
    await Promise.all([ping(['-c', '2', '-i', '0.2', IP_B]), ping(['-c', '2', '-i', '0.2', '127.0.0.1'])]);
  });
  assert.equal(r.frames, 8, JSON.stringify(r.exit?.counts));
  const perIface = [0, 0];
  const meta = await readCaptureFile(file, (rec) => { perIface[rec.iface]!++; });
  assert.deepEqual(meta.interfaces.map((i) => i.name), [IF_A, 'lo']);
  assert.deepEqual(meta.interfaces.map((i) => i.filter), ['icmp', 'icmp']);
  assert.deepEqual(perIface, [4, 4]);
});

test('tcpdump when dumpcap is missing: pcap stream, same pipeline', { skip: skip || (!HAVE_TCPDUMP && 'tcpdump is missing') }, async (t) => {
  if (!netnsReady(t)) return;
  const file = join(TMP, 'tcpdump.pcapng');
  const cols = columns(['frame.number', 'ip.src', 'icmp.type', 'icmp.seq']);
  const r = await capture({ capturer: 'tcpdump', filter: 'icmp', count: 4, write: { path: file } },
    () => ping(['-c', '3', '-i', '0.2', IP_B]), undefined, cols);
  assert.equal(r.captureError, undefined);
  assert.deepEqual(r.rows, [`1\t${IP_A}\t8\t1`, `2\t${IP_B}\t0\t1`, `3\t${IP_A}\t8\t2`, `4\t${IP_B}\t0\t2`]);
  assert.equal(r.meta?.format, 'pcap-nsec', 'tcpdump --nano');
  assert.equal(r.exit?.counts.captured, 4);
  const c = capinfosCounts([file]);
  if (c) assert.deepEqual(c, [4]);
});

test('clear errors: bad capture filter, no such interface, no permission (dumpcap and tcpdump)', { skip: skip }, async (t) => {
  if (!netnsReady(t)) return;
  const tools = [HAVE_DUMPCAP && 'dumpcap', HAVE_TCPDUMP && 'tcpdump'].filter((x): x is 'dumpcap' | 'tcpdump' => x !== false);
  const kind = async (o: Parameters<typeof startCapture>[0]): Promise<LiveCaptureError> => {
    try {
      const cap = await startCapture(o);
      await cap.stop();
    } catch (e) {
      assert.ok(e instanceof LiveCaptureError, String(e));
      return e;
    }
    assert.fail('the capture started');
  };
  const noRoot = whichTool('setpriv') === undefined ? undefined : [...pair.launcherA, 'setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  for (const capturer of tools) {
    const base = { launcher: pair.launcherA, capturer };
    let e = await kind({ ...base, interfaces: [IF_A], filter: 'tcp port foo' });
    assert.equal(e.kind, 'bad-filter', `${capturer}: ${e.message}`);
    assert.match(e.message, /^Invalid capture filter "tcp port foo"( for interface 'wlt-va')?\.\n\nThat string isn't a valid capture filter \(unknown port 'foo'\)\./);
    e = await kind({ ...base, interfaces: ['wlt-nosuch'] });
    assert.equal(e.kind, 'no-such-interface', `${capturer}: ${e.message}`);
    assert.match(e.message, /^There is no device named "wlt-nosuch"\.\n/);
    if (noRoot) {
      e = await kind({ ...base, launcher: noRoot, interfaces: [IF_A] });
      assert.equal(e.kind, 'permission', `${capturer}: ${e.message}`);
      assert.match(e.message, /^You don't have permission to capture on device "wlt-va"\./);
    }
  }
});

/** Spawns the CLI inside namespace a. */
function cli(args: readonly string[]): { child: ChildProcess; out: string[]; err: () => string; done: Promise<number | null> } {
  const child = spawn('ip', ['netns', 'exec', pair.a, process.execPath, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  let err = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    partial += d;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    out.push(...lines);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
  return { child, out, err: () => err, done: exited(child) };
}

test('CLI: -l prints each packet as it arrives; Ctrl+C (SIGINT) stops cleanly and the -w file is complete', { skip: dumpcapSkip }, async (t) => {
  if (!netnsReady(t)) return;
  const file = join(TMP, 'cli.pcapng');
  const fields = ['frame.number', 'ip.src', 'ip.dst', 'icmp.type', 'icmp.seq', 'frame.len'];
  const run = cli(['-i', IF_A, '-f', 'icmp', '-l', '-w', file, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])]);
  const until = Date.now() + 30000;
  while (!run.err().includes('Capturing on')) {
    assert.ok(Date.now() < until && run.child.exitCode === null, `CLI did not start: ${run.err()}`);
    await sleep(50);
  }
  await ping(['-c', '2', '-i', '0.2', IP_B]);
  while (run.out.length < 4) {
    assert.ok(Date.now() < until, `rows so far: ${run.out.join('|')} ${run.err()}`);
    await sleep(20);
  }
  assert.equal(run.child.exitCode, null, 'rows arrived while the capture runs (-l)');
  run.child.kill('SIGINT');
  assert.equal(await run.done, 0, run.err());
  assert.match(run.err(), /^Capturing on 'wlt-va'\n4 packets captured\n$/);
  assert.equal(run.out.length, 4);
  if (HAVE_TSHARK) assert.deepEqual(run.out, tsharkRows(file, fields));
  else assert.deepEqual(capinfosCounts([file]) ?? [4], [4]);
});

test('CLI: -c with -Y, bad interface, -D -V', { skip: dumpcapSkip }, async (t) => {
  if (!netnsReady(t)) return;
  const a = cli(['-i', IF_A, '-f', 'icmp', '-c', '4', '-Y', 'icmp.type == 0']);
  const c = cli(['-i', 'wlt-nosuch']);
  const d = cli(['-D', '-V']);
  const until = Date.now() + 30000;
  while (!a.err().includes('Capturing on')) {
    assert.ok(Date.now() < until && a.child.exitCode === null, `CLI did not start: ${a.err()}`);
    await sleep(50);
  }
  await ping(['-c', '3', '-i', '0.2', IP_B]);
  assert.equal(await a.done, 0, a.err());
  assert.equal(a.out.length, 2, a.out.join('\n'));
  assert.ok(a.out.every((l) => /ICMP 98 Echo \(ping\) reply/.test(l)), a.out.join('\n'));
  assert.match(a.err(), /4 packets captured\n$/);
  assert.equal(await c.done, 1);
  assert.match(c.err(), /^wirelens: There is no device named "wlt-nosuch"\.\n\(No such device exists\)\n/);
  assert.equal(await d.done, 0, d.err());
  assert.equal(d.out[0], `1. ${IF_A}`, d.out.join('\n'));
  assert.equal(d.out[1], `\t${IP_A}, fd78::1, fe80::78:ff:fe00:1`);
  assert.ok(d.out.includes('3. lo (Loopback)') || d.out.some((l) => /^\d+\. lo \(Loopback\)$/.test(l)), d.out.join('\n'));
});
