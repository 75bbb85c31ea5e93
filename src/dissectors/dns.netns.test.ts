// DNS end to end on real traffic: dig queries dnsmasq across a veth pair (two network namespaces),
// tcpdump writes the packets, and every DNS packet of the file is compared with tshark -V on the
// same file (the whole DNS subtree, line by line) and with tshark's Info column.
// Skips (with the reason) without root, namespaces, tcpdump, dig, dnsmasq or tshark.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetnsPair, netnsSkipReason, exited, sleep, tcpdumpListening, waitUntil, IP_B, IF_A, type NetnsPair } from '../node/live/netns.testutil.js';
import { whichTool } from '../node/live/tools.js';
import { dissectFile, treeText } from './golden.testutil.js';

const TOOLS = ['tcpdump', 'dig', 'dnsmasq', 'tshark'] as const;
const missing = TOOLS.filter((t) => whichTool(t) === undefined);
const SKIP = netnsSkipReason() ?? (missing.length ? `missing ${missing.join(', ')}` : undefined);
const skip = SKIP === undefined ? false : `DNS end-to-end test skipped: ${SKIP}`;

let pair: NetnsPair | undefined;
let noNetns: string | undefined;
let TMP = '';
const procs: ChildProcess[] = [];

before(async () => {
  if (skip) return;
  TMP = mkdtempSync(join(tmpdir(), 'wlt-dns-'));
  try {
    pair = createNetnsPair('dns');
  } catch (e) {
    noNetns = `cannot create network namespaces (${(e as Error).message})`;
    return;
  }
  procs.push(pair.start('b', 'dnsmasq', ['--keep-in-foreground', '--conf-file=/dev/null', '--no-resolv', '--no-hosts',
    '--bind-interfaces', `--listen-address=${IP_B}`, '--port=53', '--user=root', '--group=root', '--pid-file=', '--cache-size=0',
    '--host-record=www.wlt.test,10.78.0.2,fd78::2', '--cname=alias.wlt.test,www.wlt.test',
    '--mx-host=wlt.test,mail.wlt.test,10', '--txt-record=wlt.test,"v=spf1 -all","second string"',
    '--srv-host=_sip._udp.wlt.test,sip.wlt.test,5060,0,5', '--ptr-record=2.0.78.10.in-addr.arpa,www.wlt.test',
    '--dns-rr=caa.wlt.test,257,000569737375656c65747365656e63727970742e6f7267',
    '--auth-zone=wlt.test', '--auth-server=ns.wlt.test']));
  const p0 = pair;
  await waitUntil(() => p0.run('a', 'dig', ['+short', '+tries=1', '+time=1', `@${IP_B}`, 'www.wlt.test', 'A'], { allowFail: true }).stdout.trim() === IP_B,
    'dnsmasq did not answer', 15000);
});

after(() => {
  for (const p of procs) p.kill('SIGKILL');
  pair?.down();
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** DNS subtrees of a -V text, by frame number (wirelens' treeText has no Frame lines: split by packet). */
function tsharkSubtrees(file: string): Map<number, string> {
  const out = spawnSync('tshark', ['-n', '-r', file, '-V'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' } }).stdout;
  const m = new Map<number, string>();
  let frame = 0, on = false, lines: string[] = [];
  const flush = (): void => { if (frame) m.set(frame, lines.join('\n')); lines = []; };
  for (const l of out.split('\n')) {
    const f = /^Frame (\d+):/.exec(l);
    if (f) { flush(); frame = Number(f[1]); on = false; continue; }
    if (/^\S/.test(l)) on = /^(Domain Name System|\[Malformed Packet: DNS)/.test(l);
    if (on && l !== '') lines.push(l);
  }
  flush();
  return m;
}

function oursSubtree(text: string): string {
  const out: string[] = [];
  let on = false;
  for (const l of text.split('\n')) {
    if (/^\S/.test(l)) on = /^(Domain Name System|\[Malformed Packet: DNS)/.test(l);
    if (on && l !== '') out.push(l.replace(/\[(Severity level|Group): (\w+) \(\d+\)\]/, '[$1: $2]'));
  }
  return out.join('\n');
}

// tcpdump runs with --immediate-mode: with -U alone the kernel may still hold the captured
// packets in a ring block that is never read before tcpdump is stopped (the earlier flake: an
// empty file although dig got its answers).
test('dig → dnsmasq (UDP, TCP, EDNS options, many types): every DNS packet equals tshark -V and Info', { skip }, async (t) => {
  if (noNetns) { t.skip(noNetns); return; }
  const p = pair!;
  const file = join(TMP, 'dns.pcap');
  const cap = p.start('a', 'tcpdump', ['-i', IF_A, '-n', '-U', '--immediate-mode', '-w', file, 'port', '53']);
  await tcpdumpListening(cap);
  const dig = (...args: string[]): void => { p.run('a', 'dig', ['+tries=2', '+time=5', `@${IP_B}`, ...args], { allowFail: true }); };
  dig('www.wlt.test', 'A');
  dig('www.wlt.test', 'AAAA');
  dig('alias.wlt.test', 'A');
  dig('wlt.test', 'MX');
  dig('wlt.test', 'TXT');
  dig('_sip._udp.wlt.test', 'SRV');
  dig('-x', IP_B);
  dig('caa.wlt.test', 'CAA');
  dig('nothere.wlt.test', 'A');
  dig('wlt.test', 'SOA');
  dig('+cookie', '+nsid', '+subnet=192.0.2.0/24', '+dnssec', 'www.wlt.test', 'A');
  dig('+tcp', 'www.wlt.test', 'A');
  dig('+noedns', 'www.wlt.test', 'ANY');
  await sleep(300);
  cap.kill('SIGINT');
  await exited(cap);
  assert.ok(existsSync(file) && statSync(file).size > 24, 'capture written');

  const theirs = tsharkSubtrees(file);
  const infos = spawnSync('tshark', ['-n', '-r', file, '-T', 'fields', '-e', '_ws.col.Info'], { encoding: 'utf8' }).stdout.split('\n');
  let dnsPackets = 0;
  const bad: string[] = [];
  dissectFile(file, (pk) => {
    const want = theirs.get(pk.num) ?? '';
    const got = oursSubtree(treeText(pk));
    if (want === '' && got === '') return;
    dnsPackets++;
    if (got !== want) {
      const a = got.split('\n'), b = want.split('\n');
      const i = a.findIndex((l, k) => l !== b[k]);
      bad.push(`frame ${pk.num} line ${i}:\n  ours  ${a[i]}\n  tshark ${b[i]}`);
    }
    if (pk.info !== (infos[pk.num - 1] ?? '')) bad.push(`frame ${pk.num} Info:\n  ours  ${pk.info}\n  tshark ${infos[pk.num - 1]}`);
  });
  // 26 when every dig is answered in time; under load some time out (18 seen in a CI-like run),
  // which only lowers the count: the check that matters is the packet-by-packet equality below
  assert.ok(dnsPackets >= 10, `${dnsPackets} DNS packets`);
  assert.deepEqual(bad, []);
});
