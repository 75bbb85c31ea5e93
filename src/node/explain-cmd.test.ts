// The `wirelens explain` and `wirelens flow` command lines (spawned: this tests the CLI itself):
// output, languages, -Y/--stream selection, -o, exit codes and usage errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capturesDir } from '../test-support/inet-golden.js';

const dir = capturesDir();
const skip = dir ? false : 'no ../shared/captures';
const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('wirelens explain: English and Chinese, -Y and --stream, errors', { skip }, () => {
  const get = join(dir!, 'zeek/http/get.pcap');
  const a = run('explain', '-r', get);
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /^Connection 0 \(tcp\.stream eq 0\): client 141\.142\.228\.5:59856 → server 192\.150\.187\.43:80\n/);
  const z = run('explain', '-r', get, '--lang', 'zh');
  assert.match(z.out, /^连接 0（tcp\.stream eq 0）：客户端 141\.142\.228\.5:59856 → 服务器 192\.150\.187\.43:80\n/);
  assert.match(z.out, /\n握手\n/);
  const none = run('explain', '-r', get, '-Y', 'tcp.analysis.retransmission');
  assert.equal(none.code, 0, none.err);
  assert.equal(none.out, '');
  assert.match(none.err, /no TCP connection selected/);
  const x = run('explain', '-r', join(dir!, 'ndpi/1kxun.pcap'), '--stream', '23', '--stream', '24');
  assert.deepEqual([...x.out.matchAll(/^Connection (\d+) /gm)].map((m) => Number(m[1])), [23, 24]);
  const badY = run('explain', '-r', get, '-Y', 'tcp.port ==');
  assert.equal(badY.code, 2, badY.err);
  assert.match(badY.err, /^wirelens explain: /);
  const bad = run('explain', '-r', get, '--lang', 'fr');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--lang: "fr" is not one of en, zh\nUsage: wirelens explain/);
  const help = run('explain', '--help');
  assert.equal(help.code, 0, help.err);
  const j = JSON.parse(run('explain', '-r', get, '--json').out) as { stream: number; sections: { kind: string; lines: { frames: number[] }[] }[] }[];
  assert.equal(j.length, 1);
  assert.deepEqual(j[0]!.sections.map((s) => s.kind), ['handshake', 'data', 'teardown', 'end']);
  assert.deepEqual(j[0]!.sections.flatMap((s) => s.lines.flatMap((l) => l.frames)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
});

test('wirelens flow: SVG to a file or stdout, first connection by default', { skip }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wl-flow-'));
  try {
    const f = join(tmp, 'flow.svg');
    const r = run('flow', '-r', join(dir!, 'zeek/tcp/retransmit-fast009.pcap'), '--stream', '0', '-o', f);
    assert.equal(r.code, 0, r.err);
    const svg = readFileSync(f, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/data-frame="/g) ?? []).length, 39);
    const s = run('flow', '-r', join(dir!, 'zeek/http/get.pcap'));
    assert.equal(s.code, 0, s.err);
    assert.equal(s.out, readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'explain', 'flow-svg.snapshot.svg'), 'utf8'));
    const miss = run('flow', '-r', join(dir!, 'zeek/http/get.pcap'), '--stream', '7');
    assert.equal(miss.code, 1, miss.err);
    assert.match(miss.err, /no TCP connection with tcp\.stream 7/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
