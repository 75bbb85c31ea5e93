import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { CORPUS, corpusIndex, epochText, goldenRows, needCorpus, snapshot, type Seen } from '../capture/corpus.test.js';
import { CaptureError, type CaptureMeta } from '../capture/types.js';
import { FrameIndex, RandomAccessCapture, readCaptureFile, readCaptureStream, type ReadOptions } from './read.js';
import { CaptureFileWriter } from './write.js';

const TMP = mkdtempSync(join(tmpdir(), 'wirelens-read-test-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

interface Outcome { frames: Seen[]; meta: CaptureMeta | undefined; error: CaptureError | undefined }

/** Light read for corpus sweeps: frame count, golden-style rows, the error. */
async function sweep(path: string, opts: ReadOptions = {}): Promise<{ n: number; rows: string[][]; error: CaptureError | undefined }> {
  const out: string[][] = [];
  let error: CaptureError | undefined;
  try {
    await readCaptureFile(path, (r) => {
      out.push([String(r.num), r.hasTs === false ? '' : epochText(r.tsSec, r.tsNsec), String(r.len), String(r.caplen)]);
    }, opts);
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    error = e;
  }
  return { n: out.length, rows: out, error };
}

async function read(path: string, opts: ReadOptions = {}): Promise<Outcome> {
  const frames: Seen[] = [];
  try {
    const meta = await readCaptureFile(path, (r) => { frames.push(snapshot(r)); }, opts);
    return { frames, meta, error: undefined };
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    return { frames, meta: undefined, error: e };
  }
}

const cpath = (p: string): string => join(CORPUS!, p);
const rows = (o: Outcome): string[][] => o.frames.map((f) => [String(f.num), f.hasTs ? epochText(f.tsSec, f.tsNsec) : '', String(f.len), String(f.caplen)]);

test('read: every capture of the corpus gives tshark\'s packet count; refused ones a clean CaptureError', needCorpus, async () => {
  const rowsIdx = corpusIndex();
  assert.ok(rowsIdx.length > 380);
  for (const row of rowsIdx) {
    const o = await sweep(cpath(row.path), { chunkSize: 1 << 16 });
    const what = `${row.path} (${row.status} ${row.packets})`;
    if (row.status === 'ok') {
      assert.equal(o.error, undefined, `${what}: ${o.error?.message}`);
      assert.equal(o.n, Number(row.packets), what);
    } else if (/SHB version|test901/.test(row.path)) {
      // pcapng SHB version 2.0 in the 2nd section: tshark prints the 1st section's packet, then refuses
      assert.equal(o.n, 1, what);
      assert.equal(o.error?.kind, 'unsupported', what);
      assert.equal(o.error?.message, `The file "${cpath(row.path)}" contains record data that wirelens doesn't support.\n(pcapng: unknown SHB version 2.0)`);
    } else if (row.note.includes('cut short')) {
      assert.equal(o.n, Number(row.packets), what);
      assert.equal(o.error?.message, `The file "${cpath(row.path)}" appears to have been cut short in the middle of a packet.`, what);
    } else if (row.note.includes("doesn't support")) {
      // link types tshark does not know: still read (the frames are just undissectable)
      assert.equal(o.error, undefined, what);
      assert.ok(o.n > 0, what);
    } else {
      assert.equal(o.error, undefined, what);
      assert.equal(o.n, Number(row.packets), what);
    }
  }
});

test('read: time_epoch, frame.len, frame.cap_len of every golden row (custom blocks as tshark\'s records)', needCorpus, async () => {
  let n = 0;
  for (const row of corpusIndex()) {
    if (row.status !== 'ok') continue;
    const o = await sweep(cpath(row.path), { customBlocks: true });
    assert.deepEqual(o.rows, goldenRows(row.path), row.path);
    n += o.n;
  }
  assert.ok(n > 29000);
});

test('read: first and last timestamps, several files and chunk sizes, asynchronous and synchronous reads', needCorpus, async () => {
  for (const path of ['zeek/http/get.pcap', 'ndpi/rtp.pcapng', 'tcpdump/tcp-handshake-nano.pcap', 'ndpi/1kxun.pcap', 'zeek/http/iso-download.pcap.gz', 'zeek/portmapper-many-unanswered-calls.pcapng.gz', 'arkime/bigendian.pcap']) {
    const g = goldenRows(path);
    for (const chunkSize of [101, 1000, 4 << 20]) {
      if (chunkSize === 101 && path === 'ndpi/1kxun.pcap') continue;
      for (const sync of [false, true]) {
        const o = await read(cpath(path), { chunkSize, sync });
        assert.equal(o.error, undefined);
        const r = rows(o);
        assert.deepEqual([r[0], r[r.length - 1]], [g[0], g[g.length - 1]], `${path} chunk ${chunkSize}${sync ? ' sync' : ''}`);
      }
    }
  }
});

test('read: files cut short yield every whole packet, then the truncated error', needCorpus, async () => {
  for (const path of ['zeek/http/get.pcap', 'ndpi/rtp.pcapng', 'pcapng-test-generator/output_be/advanced/test102.pcapng']) {
    const bytes = readFileSync(cpath(path));
    const full = await read(cpath(path));
    // where each record ends: pcap header + caplen, or the pcapng block's total length
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const le = !full.meta!.bigEndian;
    const starts = full.frames.map((f) => f.fileOffset);
    const ends = full.frames.map((f) => f.fileOffset + (full.meta!.format === 'pcapng' ? dv.getUint32(f.fileOffset + 4, le) : 16 + f.caplen));
    for (const cut of [starts[0]! + 3, starts[1]! + 17, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const f = join(TMP, `cut-${cut}-${path.replaceAll('/', '_')}`);
      writeFileSync(f, bytes.subarray(0, cut));
      for (const sync of [false, true]) {
        const o = await read(f, { chunkSize: 512, sync });
        const whole = ends.filter((e) => e <= cut).length;
        assert.equal(o.frames.length, whole, `${path} cut at ${cut}`);
        assert.deepEqual(o.frames.map((x) => x.data), full.frames.slice(0, whole).map((x) => x.data));
        assert.equal(o.error?.kind, 'truncated', `${path} cut at ${cut}`);
        assert.match(o.error!.message, /^The file ".*" appears to have been cut short in the middle of a packet( or other data)?\.$/);
      }
    }
  }
});

test('read: gzip — streamed, compressed flag, cut and corrupt streams', needCorpus, async () => {
  const gz = await read(cpath('zeek/echo-connections.pcap.gz'));
  assert.equal(gz.error, undefined);
  assert.equal(gz.frames.length, 82582);
  assert.equal(gz.meta!.compressed, true);
  const src = readFileSync(cpath('zeek/http/iso-download.pcap.gz'));
  const whole = await read(cpath('zeek/http/iso-download.pcap.gz'));
  const cut = join(TMP, 'cut.pcap.gz');
  writeFileSync(cut, src.subarray(0, 5000));
  const c = await read(cut);
  assert.ok(c.frames.length > 100 && c.frames.length < whole.frames.length);
  assert.equal(c.error?.message, `The file "${cut}" appears to have been cut short in the middle of a packet.`);
  const bad = Buffer.from(src);
  bad[bad.length - 5]! ^= 0xff; // the CRC
  const crc = join(TMP, 'crc.pcap.gz');
  writeFileSync(crc, bad);
  const b = await read(crc);
  assert.equal(b.frames.length, whole.frames.length);
  assert.equal(b.error?.message, `The file "${crc}" cannot be decompressed; it may be damaged or corrupt.\n(bad CRC)`);
  const txt = join(TMP, 'text.gz');
  writeFileSync(txt, gzipSync('just some text, not a capture\n'.repeat(10)));
  assert.equal((await read(txt)).error?.message, `The file "${txt}" isn't a capture file in a format wirelens understands.`);
});

test('read: not a capture, empty, missing, directory, hostile length', async () => {
  const txt = join(TMP, 'notes.txt');
  writeFileSync(txt, '# wirelens\n\nThis is a text file and not a capture.\n');
  const t = await read(txt);
  assert.equal(t.error?.kind, 'not-capture');
  assert.equal(t.error?.message, `The file "${txt}" isn't a capture file in a format wirelens understands.`);
  const empty = join(TMP, 'empty.pcap');
  writeFileSync(empty, '');
  const e = await read(empty);
  assert.equal(e.error, undefined);
  assert.equal(e.frames.length, 0);
  assert.deepEqual(e.meta!.interfaces, []);
  assert.equal((await read(join(TMP, 'nope.pcap'))).error?.message, `The file "${join(TMP, 'nope.pcap')}" doesn't exist.`);
  assert.equal((await read(TMP)).error?.message, `"${TMP}" is a directory (folder), not a file.`);
  const hdr = Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex');
  const rec = Buffer.from('00000000000000000000fffffff00000', 'hex'); // caplen 0xfffff000 (LE at +8)
  const hostile = join(TMP, 'hostile.pcap');
  writeFileSync(hostile, Buffer.concat([hdr, rec]));
  const h = await read(hostile);
  assert.equal(h.error?.kind, 'bad-record');
  assert.equal(h.error?.offset, 24);
  assert.equal(h.error?.message, `The file "${hostile}" appears to be damaged or corrupt.\n(pcap: File has 4294901760-byte packet, bigger than maximum of 262144; at file offset 24)`);
  assert.ok(!(h.error!.message.includes('    at ')), 'no stack trace in the message');
});

test('read: streams (tiny chunks, gzip stream, stop early) and a FIFO', needCorpus, async () => {
  const bytes = readFileSync(cpath('ndpi/rtp.pcapng'));
  const ref = await read(cpath('ndpi/rtp.pcapng'));
  const pieces = (b: Uint8Array, n: number): Uint8Array[] => Array.from({ length: Math.ceil(b.length / n) }, (_, i) => b.subarray(i * n, (i + 1) * n));
  for (const [label, src] of [['plain', bytes], ['gzip', gzipSync(bytes)]] as const) {
    for (const n of label === 'plain' ? [1, 61, 4096] : [61, 4096]) {
      const got: Seen[] = [];
      // 1-byte pieces: only the first 3000 bytes, the rest in one piece (the async overhead per piece is large)
      const parts = n === 1 ? [...pieces(src.subarray(0, 3000), 1), src.subarray(3000)] : pieces(src, n);
      const meta = await readCaptureStream(Readable.from(parts), '-', (r) => { got.push(snapshot(r)); });
      assert.deepEqual(got, ref.frames, `${label} ${n}`);
      assert.equal(meta.compressed, label === 'gzip');
    }
  }
  let count = 0;
  const stream = Readable.from(pieces(bytes, 100));
  await readCaptureStream(stream, '-', () => ++count < 5);
  assert.equal(count, 5);
  await assert.rejects(readCaptureStream(Readable.from([bytes.subarray(0, 700)]), '-', () => undefined), { message: 'The standard input appears to have been cut short in the middle of a packet.' });

  const fifo = join(TMP, 'pipe');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    const w = createWriteStream(fifo);
    w.end(bytes);
    const o = await read(fifo);
    assert.deepEqual(o.frames, ref.frames);
  }
});

test('read: onMeta before the first frame (and for empty captures); frame index and random access', needCorpus, async () => {
  for (const path of ['zeek/http/get.pcap', 'ndpi/rtp.pcapng', 'pcapng-test-generator/output_le/basic/test016.pcapng']) {
    const index = new FrameIndex(4);
    let metaAt = -1;
    const ref = await read(cpath(path), { index, onMeta: () => { metaAt = index.count; } });
    assert.equal(metaAt, 0);
    assert.equal(index.count, ref.frames.length);
    const ra = await RandomAccessCapture.open(cpath(path), index, ref.meta);
    try {
      for (const k of [ref.frames.length, 1, Math.ceil(ref.frames.length / 2)]) {
        const f = await ra.frame(k);
        const s = ref.frames[k - 1]!;
        assert.deepEqual([f.num, f.tsSec, f.tsNsec, f.caplen, f.len, f.iface, f.linktype, f.comments, f.hasTs], [s.num, s.tsSec, s.tsNsec, s.caplen, s.len, s.iface, s.linktype, s.comments, s.hasTs]);
        assert.deepEqual(f.buf.subarray(f.off, f.off + f.caplen), s.data);
      }
      await assert.rejects(ra.frame(ref.frames.length + 1), RangeError);
    } finally {
      await ra.close();
    }
  }
  const empty = join(TMP, 'empty2.pcapng');
  writeFileSync(empty, '');
  let called = 0;
  await readCaptureFile(empty, () => undefined, { onMeta: () => { called++; } });
  assert.equal(called, 1);
  const gzMeta = await readCaptureFile(cpath('zeek/http/iso-download.pcap.gz'), () => undefined);
  await assert.rejects(RandomAccessCapture.open(cpath('zeek/http/iso-download.pcap.gz'), new FrameIndex(), gzMeta), { kind: 'unsupported' });
});

test('write: file writer round trip through the reader; tshark\'s messages for bad paths', needCorpus, async () => {
  for (const format of ['pcapng', 'pcap'] as const) {
    const out = join(TMP, `out.${format}`);
    let w: CaptureFileWriter | undefined;
    let m: CaptureMeta | undefined;
    const ref = await read(cpath('zeek/http/get.pcap'));
    await readCaptureFile(cpath('zeek/http/get.pcap'), (r) => {
      w!.syncInterfaces(m!.interfaces);
      w!.writeFrame(r);
    }, { onMeta: (meta) => { m = meta; w = CaptureFileWriter.open(out, { format, bufferSize: 4096 }); } });
    w!.close();
    const back = await read(out);
    assert.equal(back.meta!.format, format);
    assert.deepEqual(back.frames.map((f) => [f.tsSec, f.tsNsec, f.len, f.data]), ref.frames.map((f) => [f.tsSec, f.tsNsec, f.len, f.data]));
  }
  const dir = join(TMP, 'sub');
  mkdirSync(dir);
  assert.throws(() => CaptureFileWriter.open(join(TMP, 'no', 'x.pcapng'), { format: 'pcapng' }), { message: `The path to the file "${join(TMP, 'no', 'x.pcapng')}" doesn't exist.` });
  assert.throws(() => CaptureFileWriter.open(dir, { format: 'pcapng' }), { message: `"${dir}" is a directory (folder), not a file.` });
});
