// HTTP end to end on real traffic: curl fetches from a node HTTP server across a veth pair (two
// network namespaces), tcpdump writes the packets, and the file is compared with tshark on the same
// capture: the http.* fields of every packet (one pass and two passes: request_in/response_in,
// reassembled_in), the Protocol and Info columns, and the whole HTTP subtree of -V with the
// reassembled segments, de-chunked and gunzipped bodies and the text lines.
// Skips (with the reason) without root, namespaces, tcpdump, curl or tshark.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, statSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetnsPair, netnsSkipReason, exited, sleep, tcpdumpListening, waitUntil, IP_B, IF_A, type NetnsPair } from '../node/live/netns.testutil.js';
import { whichTool } from '../node/live/tools.js';
import { readFrames, treeText, fieldValues } from './golden.testutil.js';
import { Engine } from '../core/dissect.js';
import type { Packet } from '../core/packet.js';
import { collectHttpObjects, httpObjects } from './http.js';
import { writeHttpObjects } from '../node/export-objects.js';
import '../node/platform.js';

const TOOLS = ['tcpdump', 'curl', 'tshark'] as const;
const missing = TOOLS.filter((t) => whichTool(t) === undefined);
const SKIP = netnsSkipReason() ?? (missing.length ? `missing ${missing.join(', ')}` : undefined);
const skip = SKIP === undefined ? false : `HTTP end-to-end test skipped: ${SKIP}`;

let pair: NetnsPair | undefined;
let noNetns: string | undefined;
let TMP = '';
const procs: ChildProcess[] = [];

/** The server: fixed bodies (Content-Length, chunked, gzip, a large text over many segments, JSON). */
const SERVER = `
const http = require('node:http'); const zlib = require('node:zlib');
const big = Array.from({ length: 3000 }, (_, i) => 'line ' + i + ' of a large text body\\n').join('');
const h = (req, res) => {
  const u = req.url;
  if (u === '/small') { res.setHeader('Content-Type', 'text/plain'); res.end('hello from wirelens\\n'); }
  else if (u === '/big.txt') { res.setHeader('Content-Type', 'text/plain; charset=utf-8'); res.end(big); }
  else if (u === '/chunked') { res.setHeader('Content-Type', 'text/html'); res.write('<html>\\n'); setTimeout(() => { res.write('<body>chunk two</body>\\n'); res.end('</html>\\n'); }, 20); }
  else if (u === '/gzip') { const z = zlib.gzipSync(big.slice(0, 20000)); res.setHeader('Content-Type', 'text/plain'); res.setHeader('Content-Encoding', 'gzip'); res.setHeader('Content-Length', z.length); res.end(z); }
  else if (u === '/data.json') { res.setHeader('Content-Type', 'application/json'); res.end(JSON.stringify({ a: 1, b: [true, null, 'x'] })); }
  else if (req.method === 'POST') { let n = 0; req.on('data', (d) => { n += d.length; }); req.on('end', () => { res.setHeader('Content-Type', 'text/plain'); res.end('got ' + n + ' bytes\\n'); }); }
  else { res.statusCode = 404; res.setHeader('Content-Type', 'text/plain'); res.end('not found\\n'); }
};
http.createServer(h).listen(80, '${IP_B}');
http.createServer(h).listen(8765, '${IP_B}');
`;

before(async () => {
  if (skip) return;
  TMP = mkdtempSync(join(tmpdir(), 'wl-http-'));
  try {
    pair = createNetnsPair('http');
  } catch (e) {
    noNetns = `cannot create network namespaces (${(e as Error).message})`;
    return;
  }
  procs.push(pair.start('b', process.execPath, ['-e', SERVER]));
  const p0 = pair;
  await waitUntil(() => p0.run('a', 'curl', ['-s', '--max-time', '1', `http://${IP_B}/small`], { allowFail: true }).stdout.includes('hello'),
    'the HTTP server did not answer', 15000);
});

after(() => {
  for (const p of procs) p.kill('SIGKILL');
  pair?.down();
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

const FIELDS = ['frame.protocols', 'http.request.method', 'http.request.uri', 'http.request.version', 'http.host', 'http.user_agent',
  'http.accept', 'http.response.code', 'http.response.phrase', 'http.content_type', 'http.content_length', 'http.content_encoding',
  'http.transfer_encoding', 'http.chunk_size', 'http.request.full_uri', 'http.response_for.uri', 'http.request_in',
  'http.request_number', 'http.response_number', 'http.prev_request_in', 'http.prev_response_in', 'http.time',
  'tcp.segment', 'tcp.segment.count', 'tcp.reassembled.length', '_ws.col.Protocol', '_ws.col.Info'];
const FIELDS_2PASS = ['http.response_in', 'http.next_request_in', 'http.next_response_in', 'tcp.reassembled_in', '_ws.col.Info'];

/** tshark -T fields rows (frame number → values), like the goldens (all occurrences, comma-joined). */
function tsharkFields(file: string, fields: readonly string[], twoPass: boolean): Map<number, string[]> {
  const args = [...(twoPass ? ['-2'] : []), '-n', '-r', file, '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', '-e', 'frame.number', ...fields.flatMap((f) => ['-e', f])];
  const out = spawnSync('tshark', args, { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' } }).stdout;
  const m = new Map<number, string[]>();
  for (const l of out.split('\n')) {
    if (!l) continue;
    const c = l.split('\t');
    m.set(Number(c[0]), c.slice(1));
  }
  return m;
}

/** The HTTP-related top-level subtrees of -V text (reassembled segments, HTTP, text lines), per frame. */
function subtrees(text: string): string {
  const out: string[] = [];
  let on = false;
  for (const l of text.split('\n')) {
    if (/^\S/.test(l)) on = /^(\[\d+ Reassembled TCP Segments|Hypertext Transfer Protocol|Line-based text data)/.test(l);
    if (on && l !== '') out.push(l);
  }
  return out.join('\n');
}

function tsharkSubtrees(file: string): Map<number, string> {
  const out = spawnSync('tshark', ['-n', '-r', file, '-V'], { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, TZ: 'UTC' } }).stdout;
  const m = new Map<number, string>();
  const parts = out.split(/^Frame (\d+):/m);
  for (let i = 1; i + 1 < parts.length; i += 2) m.set(Number(parts[i]), subtrees(parts[i + 1]!));
  return m;
}

/** Dissects the file in one pass (and, with twoPass, revisits every frame), calling `each` per frame. */
function dissect(file: string, twoPass: boolean, each: (p: Packet) => void, setup?: (e: Engine) => void): void {
  const eng = new Engine({ want: null });
  setup?.(eng);
  const cap = readFrames(file);
  for (const fr of cap.frames) {
    const p = eng.dissect(fr, fr.buf, fr.dv, fr.off);
    if (!twoPass) each(p);
  }
  if (!twoPass) return;
  eng.session.visited = true;
  for (const fr of cap.frames) each(eng.dissect(fr, fr.buf, fr.dv, fr.off));
}

test('curl → node HTTP server (Content-Length, chunked, gzip, 100 KB body, POST, keep-alive, port 8765): http.* fields, Info and -V equal tshark', { skip }, async (t) => {
  if (noNetns) { t.skip(noNetns); return; }
  const p = pair!;
  const file = join(process.env['WL_HTTP_KEEP'] ?? TMP, 'http.pcap');
  const cap = p.start('a', 'tcpdump', ['-i', IF_A, '-n', '-U', '--immediate-mode', '-s', '0', '-w', file, 'tcp']);
  await tcpdumpListening(cap);
  await sleep(300);
  const curl = (...args: string[]): void => { p.run('a', 'curl', ['-s', '-o', '/dev/null', '--max-time', '10', ...args], { allowFail: true }); };
  // one connection, several requests (keep-alive): request/response matching across messages
  curl(`http://${IP_B}/small`, `http://${IP_B}/big.txt`, `http://${IP_B}/chunked`, `http://${IP_B}/data.json`, `http://${IP_B}/missing`);
  curl('-H', 'Accept-Encoding: gzip', `http://${IP_B}/gzip`);
  curl('-X', 'POST', '-H', 'Content-Type: application/x-www-form-urlencoded', '--data', 'a=' + 'x'.repeat(5000), `http://${IP_B}/form`);
  curl(`http://${IP_B}:8765/small`);
  // (--immediate-mode above: without it packets still in the capture ring are lost at SIGINT)
  await sleep(500);
  cap.kill('SIGINT');
  await exited(cap);
  assert.ok(existsSync(file) && statSync(file).size > 24, 'capture written');

  const bad: string[] = [];
  let httpPackets = 0;
  for (const twoPass of [false, true]) {
    const fields = twoPass ? FIELDS_2PASS : FIELDS;
    const theirs = tsharkFields(file, fields, twoPass);
    dissect(file, twoPass, (pk) => {
      const want = theirs.get(pk.num);
      if (!want) return;
      if (!twoPass && /:http/.test(want[0]!)) httpPackets++;
      fields.forEach((f, i) => {
        const got = fieldValues(pk, f);
        if (got !== (want[i] ?? '')) bad.push(`${twoPass ? '-2 ' : ''}frame ${pk.num} ${f}:\n  ours   ${got.slice(0, 200)}\n  tshark ${(want[i] ?? '').slice(0, 200)}`);
      });
    });
  }
  const trees = tsharkSubtrees(file);
  dissect(file, false, (pk) => {
    const want = trees.get(pk.num) ?? '';
    const got = subtrees(treeText(pk));
    if (got === want) return;
    const a = got.split('\n'), b = want.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    bad.push(`frame ${pk.num} -V line ${i}:\n  ours   ${a[i]}\n  tshark ${b[i]}`);
  });
  // 8 requests and 8 responses (some over several segments)
  assert.equal(httpPackets, 16, `${httpPackets} HTTP packets`);
  assert.deepEqual(bad, []);

  // --export-objects: the same files as tshark's
  const theirDir = join(TMP, 'eo-tshark');
  const ourDir = join(TMP, 'eo-ours');
  spawnSync('tshark', ['-n', '-r', file, '-q', '--export-objects', `http,${theirDir}`], { encoding: 'utf8' });
  let objects: ReturnType<typeof httpObjects> = [];
  dissect(file, false, () => undefined, (e) => { collectHttpObjects(e.session); objects = httpObjects(e.session); });
  writeHttpObjects(objects, ourDir);
  const list = (d: string): string[] => (existsSync(d) ? readdirSync(d).sort() : []);
  assert.deepEqual(list(ourDir), list(theirDir));
  for (const n of list(theirDir)) assert.ok(readFileSync(join(ourDir, n)).equals(readFileSync(join(theirDir, n))), `object ${n}`);
});
