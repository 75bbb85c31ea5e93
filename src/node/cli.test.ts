// The CLI itself, spawned: exit codes and messages as tshark gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpus, repoRoot } from './cli.testutil.js';

const C = corpus();
const CLI = resolve(repoRoot, 'dist', 'node', 'cli.js');

function wl(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test('bad options: tshark messages, usage, exit 1', () => {
  let r = wl(['--bogus']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^wirelens: unrecognized option: bogus\n\nUsage: wirelens \[options\]/);
  r = wl(['-k']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^wirelens: unrecognized option: k\n/);
  r = wl(['-r']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^wirelens: option requires an argument: r\n/);
  r = wl(['-c', 'abc', '-r', 'x']);
  assert.deepEqual([r.code, r.err], [1, 'wirelens: The specified packet count "abc" isn\'t a decimal number\n']);
  r = wl(['-c', '0', '-r', 'x']);
  assert.deepEqual([r.code, r.err], [1, 'wirelens: The specified packet count is zero\n']);
  r = wl(['-t', 'zz', '-r', 'x']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^wirelens: Invalid time stamp type "zz"; it must be one of:\n\t"a"    for absolute\n/);
  r = wl(['-E', 'header=q', '-r', 'x']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^wirelens: "header" is not a valid field output option=value pair\.\nwirelens: The available options for field output "E" are:\n/);
  r = wl(['-n', '-G', 'fields']);
  assert.deepEqual([r.code, r.err], [1, 'wirelens: -G only valid as first option\n']);
  r = wl(['-R', 'tcp', '-r', 'x']);
  assert.deepEqual([r.code, r.err], [1, 'wirelens: -R without -2 is deprecated. For single-pass filtering use -Y.\n']);
  r = wl(['-T', 'fields', '-r', 'x']);
  assert.deepEqual([r.code, r.err], [1, 'wirelens: "-Tfields" was specified, but no fields were specified with "-e".\n']);
  r = wl(['-e', 'ip.src', '-r', 'x']);
  assert.deepEqual([r.code, r.err], [1, 'wirelens: Output fields were specified with "-e", but "-Tek, -Tfields, -Tjson or -Tpdml" was not specified.\n']);
  r = wl(['-T', 'fields', '-e', 'foo.bar', '-e', 'frame.number', '-e', 'zzz', '-r', 'x']);
  assert.deepEqual([r.code, r.err], [1, "wirelens: Some fields aren't valid:\n\tzzz\n\tfoo.bar\n"]);
});

test('file errors: exit 2, one line, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wl-cli-'));
  try {
    let r = wl(['-r', join(dir, 'nope.pcap')]);
    assert.deepEqual([r.code, r.err], [2, `wirelens: The file "${join(dir, 'nope.pcap')}" doesn't exist.\n`]);
    const txt = join(dir, 'text.pcap');
    writeFileSync(txt, 'this is not a capture file at all\n');
    r = wl(['-r', txt]);
    assert.deepEqual([r.code, r.err], [2, `wirelens: The file "${txt}" isn't a capture file in a format wirelens understands.\n`]);
    r = wl(['-r', dir]);
    assert.deepEqual([r.code, r.err], [2, `wirelens: "${dir}" is a directory (folder), not a file.\n`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cut short: whole packets first, then the message, exit 2', { skip: !C }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wl-cli-'));
  try {
    const src = readFileSync(resolve(C!, 'arkime/cloudshark-arp.pcap'));
    const cut = join(dir, 'cut.pcap');
    writeFileSync(cut, src.subarray(0, src.length - 10));
    const r = wl(['-r', cut]);
    assert.equal(r.code, 2);
    assert.equal(r.out.split('\n').filter((l) => l !== '').length, 5);
    assert.equal(r.err, `wirelens: The file "${cut}" appears to have been cut short in the middle of a packet.\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad display filter: tshark message with the span, exit 2', { skip: !C }, () => {
  const r = wl(['-r', resolve(C!, 'zeek/http/get.pcap'), 'extra']);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'wirelens: extra is neither a field nor a protocol name.\n    extra\n    ^~~~~\n');
});

test('summary, -c, combined short options, -w then read back', { skip: !C }, () => {
  const f = resolve(C!, 'arkime/cloudshark-arp.pcap');
  let r = wl(['-nr', f, '-c', '2']);
  assert.equal(r.code, 0);
  assert.equal(r.out.split('\n').length, 3);
  assert.match(r.out, /^ {4}1 {3}0\.000000 00:1a:6b:6c:0c:cc \u2192 ff:ff:ff:ff:ff:ff /u);
  r = wl(['-r', f, '-Tfields', '-eframe.number', '-Eseparator=,', '-eframe.len']);
  assert.equal(r.out, '1,60\n2,42\n3,98\n4,98\n5,42\n6,60\n');
  const dir = mkdtempSync(join(tmpdir(), 'wl-cli-'));
  try {
    const out = join(dir, 'o.pcapng');
    r = wl(['-r', f, '-w', out, '-Y', 'frame.len == 98']);
    assert.deepEqual([r.code, r.out], [0, '']);
    r = wl(['-r', out, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.len']);
    assert.equal(r.out, '1\t98\n2\t98\n');
    r = wl(['-r', f, '-w', out, '-F', 'pcap', '-c', '1']);
    assert.equal(r.code, 0);
    assert.equal(readFileSync(out).readUInt32LE(0), 0xa1b2c3d4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-G fields lists the registry', () => {
  const r = wl(['-G', 'fields']);
  assert.equal(r.code, 0);
  assert.ok(r.out.includes('\nF\tType\teth.type\tFT_UINT16\teth\tBASE_HEX\t0x0\t\n'));
});
