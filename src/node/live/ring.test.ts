import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaptureMeta, FrameRecord } from '../../capture/types.js';
import { readCaptureFile } from '../read.js';
import { CaptureOutput, ringFileName } from './ring.js';
import { capinfosCounts } from './netns.testutil.js';

const CAPTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'captures');
/** real traffic between two namespaces (ARP, ICMP, DNS, TCP/HTTP), pcapng with ns timestamps */
const SOURCE = join(CAPTURES, 'netns', 'mixed.pcapng');
const TMP = mkdtempSync(join(tmpdir(), 'wlt-ring-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

interface Seen { ts: string; len: number; bytes: string }

function seen(r: FrameRecord): Seen {
  let h = 0;
  for (let i = r.off; i < r.off + r.caplen; i++) h = (h * 31 + r.buf[i]!) >>> 0;
  return { ts: `${r.tsSec}.${String(r.tsNsec).padStart(9, '0')}`, len: r.len, bytes: `${r.caplen}:${h}` };
}

async function frames(path: string): Promise<Seen[]> {
  const out: Seen[] = [];
  await readCaptureFile(path, (r) => { out.push(seen(r)); });
  return out;
}

/** Feeds SOURCE through an output, `step` ms of fake clock per packet. */
async function feed(out: CaptureOutput, clock: { t: number }, step: number): Promise<number> {
  let meta: CaptureMeta | undefined;
  let n = 0;
  let stopped = false;
  const m = await readCaptureFile(SOURCE, (r) => {
    clock.t += step;
    n++;
    if (!out.write(r, meta)) {
      stopped = true;
      return false;
    }
    return true;
  }, { onMeta: (x) => { meta = x; } });
  out.close(m);
  void stopped;
  return n;
}

test('ring file names follow dumpcap (number, local time, last extension)', () => {
  const t = new Date(2026, 0, 2, 15, 4, 5).getTime();
  assert.equal(ringFileName('/tmp/out.pcapng', 1, t), '/tmp/out_00001_20260102150405.pcapng');
  assert.equal(ringFileName('/tmp/x.pcap.gz', 12, t), '/tmp/x.pcap_00012_20260102150405.gz');
  assert.equal(ringFileName('/tmp/noext', 3, t), '/tmp/noext_00003_20260102150405');
  assert.equal(ringFileName('rel.pcapng', 2, t), 'rel_00002_20260102150405.pcapng');
});

test('-b filesize + files: files switch after the packet reaching the size, the last N are kept', { skip: !existsSync(SOURCE) && 'corpus absent' }, async () => {
  const all = await frames(SOURCE);
  const dir = mkdtempSync(join(TMP, 'size-'));
  const clock = { t: new Date(2026, 0, 2, 15, 4, 5).getTime() };
  const opened: string[] = [];
  const out = new CaptureOutput({
    path: join(dir, 'ring.pcapng'), format: 'pcapng', ring: { filesize: 20, files: 3 }, now: () => clock.t,
    onFile: (p) => opened.push(p),
  });
  await feed(out, clock, 1);
  const kept = readdirSync(dir).sort();
  assert.ok(opened.length > 3, `rotated: ${opened.length} files`);
  assert.equal(kept.length, 3);
  assert.deepEqual(kept.map((k) => join(dir, k)), out.files);
  assert.deepEqual(out.files, opened.slice(-3));
  for (const [k, f] of kept.entries()) assert.match(f, new RegExp(`^ring_${String(opened.length - 2 + k).padStart(5, '0')}_20260102150405\\.pcapng$`));
  // every kept file is a whole capture; all but the last passed 20 kB with their last packet only
  const got: Seen[][] = [];
  for (const f of out.files) got.push(await frames(f));
  for (let k = 0; k < got.length - 1; k++) assert.ok(statSync(out.files[k]!).size >= 20000, basename(out.files[k]!));
  // the files hold the last packets of the source, in order
  const tail = got.flat();
  assert.deepEqual(tail, all.slice(all.length - tail.length));
  assert.equal(out.packets, all.length);
  // Wireshark's reader agrees (capinfos: the library tshark reads with, one process for all files)
  const c = capinfosCounts(out.files);
  if (c) assert.deepEqual(c, got.map((g) => g.length));
});

test('-b packets / duration, -a files and -a filesize stop conditions', { skip: !existsSync(SOURCE) && 'corpus absent' }, async () => {
  const all = await frames(SOURCE);
  // packets per file
  let dir = mkdtempSync(join(TMP, 'pk-'));
  let clock = { t: 0 };
  let out = new CaptureOutput({ path: join(dir, 'p.pcapng'), format: 'pcapng', ring: { packets: 50 }, now: () => clock.t });
  await feed(out, clock, 1);
  let counts = [];
  for (const f of out.files) counts.push((await frames(f)).length);
  assert.equal(counts.reduce((a, b) => a + b, 0), all.length);
  assert.ok(counts.slice(0, -1).every((c) => c === 50), counts.join(','));

  // duration (fake clock: 100 ms per packet, 1 s per file → 10 packets per file)
  dir = mkdtempSync(join(TMP, 'du-'));
  clock = { t: 0 };
  out = new CaptureOutput({ path: join(dir, 'd.pcapng'), format: 'pcapng', ring: { duration: 1 }, now: () => clock.t });
  await feed(out, clock, 100);
  counts = [];
  for (const f of out.files) counts.push((await frames(f)).length);
  assert.equal(counts.reduce((a, b) => a + b, 0), all.length);
  // (the first file opened at 0 ms and its first packet came at 100 ms)
  assert.ok(counts[0] === 9 && counts.slice(1, -1).every((c) => c === 10), counts.join(','));

  // -a files:2 with -b packets:30 → stops after 60 packets, two files
  dir = mkdtempSync(join(TMP, 'af-'));
  clock = { t: 0 };
  out = new CaptureOutput({ path: join(dir, 'f.pcapng'), format: 'pcapng', ring: { packets: 30 }, autostop: { files: 2 }, now: () => clock.t });
  await feed(out, clock, 1);
  assert.equal(out.full, true);
  assert.equal(out.packets, 60);
  assert.equal(readdirSync(dir).length, 2);

  // -a filesize:10 on one file: stops after the packet reaching 10 kB
  dir = mkdtempSync(join(TMP, 'fs-'));
  const path = join(dir, 'one.pcap');
  out = new CaptureOutput({ path, format: 'pcap', autostop: { filesize: 10 } });
  await feed(out, { t: 0 }, 1);
  assert.equal(out.full, true);
  assert.deepEqual(readdirSync(dir), ['one.pcap']);
  const one = await frames(path);
  assert.equal(one.length, out.packets);
  assert.ok(statSync(path).size >= 10000);
  assert.deepEqual(one.map((f) => f.bytes), all.slice(0, one.length).map((f) => f.bytes));
});

test('an empty capture still writes a readable file', async () => {
  const path = join(TMP, 'empty.pcapng');
  const out = new CaptureOutput({ path, format: 'pcapng' });
  out.close();
  assert.deepEqual(await frames(path), []);
  const c = capinfosCounts([path]);
  if (c) assert.deepEqual(c, [0]);
});
