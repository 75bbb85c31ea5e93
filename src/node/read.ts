// Reading capture files from the OS: regular files in large reused chunks (double-buffered
// positioned reads, or synchronous ones into one buffer for a CLI run; bounded memory whatever the
// file size), gzip through a streaming
// node:zlib Gunzip (never a whole-file inflate), stdin ('-'), FIFOs and any byte stream (the live
// capture feeds dumpcap's pcapng pipe through readCaptureStream). Random access by frame number
// through a FrameIndex built during the streaming pass.

import { createReadStream, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type * as Zlib from 'node:zlib';
import { decompressError, describeInput, truncatedError, truncatedHeaderError } from '../capture/errors.js';
import { FrameIndex } from '../capture/frame-index.js';
import { createParser, type CaptureParser, type FrameCallback } from '../capture/parser.js';
import { newFrameRecord } from '../capture/pcap.js';
import { CaptureError, type CaptureMeta, type FrameRecord } from '../capture/types.js';

export { FrameIndex } from '../capture/frame-index.js';
export type { FrameCallback } from '../capture/parser.js';

export interface ReadOptions {
  /** bytes per read for regular files (default 1 MiB); streams deliver what they deliver */
  chunkSize?: number;
  /**
   * Read a regular file synchronously, into one buffer: the event loop does not run until the
   * file is read (a CLI run with nothing else to serve, no progress bar to draw). An asynchronous
   * read's round trip through libuv's thread pool left the main thread waiting between chunks when
   * it parsed them faster (a filter that skips most frames: ~0.1 s of 0.5 s on bench.pcap). Default
   * false: a read ahead while each chunk is parsed, yielding to the event loop between chunks.
   */
  sync?: boolean;
  /** hand pcapng custom blocks to onFrame as records, as tshark 4.0 shows them (default false) */
  customBlocks?: boolean;
  /** filled with every frame during the read, for readFrameAt / RandomAccessCapture later */
  index?: FrameIndex;
  /** called once the parser exists: its live `meta` gives interfaces (timestamp precision) while reading */
  onParser?: (parser: CaptureParser) => void;
  /**
   * Called once with the metadata as soon as the header is read (before the first frame, also for
   * captures without frames). The object stays live: pcapng interfaces, names, secrets and
   * statistics are appended to it while reading (a writer syncs its interfaces from it).
   */
  onMeta?: (meta: CaptureMeta) => void;
}

// two buffers of this size: fresh pages cost a fault each on first touch (~15 µs here), so 2 × 4 MiB
// cost ~35 ms of a short run, and the reads of a bigger chunk save nothing measurable
const DEFAULT_CHUNK = 1 << 20;
const GUNZIP_CHUNK = 1 << 18;
/** compressed bytes per zlib write: an error costs at most this slice's output */
const GZ_SLICE = 1 << 16;

/**
 * Reads the capture at `path` ('-' = stdin), calling onFrame for each frame in order (the record
 * is reused: valid only during the call; return false to stop). Resolves with the file's
 * metadata; rejects with a CaptureError worded as tshark's (after every whole frame before the
 * problem was delivered). An empty input is an empty capture (as tshark treats it).
 */
export async function readCaptureFile(path: string, onFrame: FrameCallback, opts: ReadOptions = {}): Promise<CaptureMeta> {
  if (path === '-') return readCaptureStream(process.stdin, '-', onFrame, opts);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw openError(path, e);
  }
  let closed = false;
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new CaptureError(`"${path}" is a directory (folder), not a file.`, 'io');
    if (!st.isFile()) {
      // FIFO, character device, socket: no positioned reads, no second look at the head
      closed = true;
      return await readCaptureStream(fh.createReadStream({ highWaterMark: 1 << 20 }), path, onFrame, opts);
    }
    // no bigger than the file: small captures (tests read hundreds) cost no 4 MiB buffers
    const size = Math.max(16, Math.min(opts.chunkSize ?? DEFAULT_CHUNK, 1 << 30, st.size + 1));
    const sync = opts.sync === true;
    let cur = new Uint8Array(size);
    // (one buffer when reading synchronously: the swap below is then a no-op)
    let next = sync ? cur : new Uint8Array(size);
    let n = (await fh.read(cur, 0, size, 0).catch((e: unknown) => { throw readError(path, e); })).bytesRead;
    if (n >= 2 && cur[0] === 0x1f && cur[1] === 0x8b) {
      await fh.close();
      closed = true;
      return await readCaptureStream(createReadStream(path, { highWaterMark: 1 << 20 }), path, onFrame, opts);
    }
    const hooks = new Hooks(onFrame, opts, false);
    let pos = n;
    while (n > 0) {
      // read ahead into the other buffer while this one is parsed (sync: the next chunk after it,
      // into the same buffer)
      const pending = sync ? undefined : fh.read(next, 0, size, pos);
      pending?.catch(() => undefined);
      const parser = hooks.parser ?? hooks.create(cur.subarray(0, n), path);
      if (!parser.push(cur.subarray(0, n), hooks.cb)) {
        await pending?.catch(() => undefined);
        return hooks.done(false);
      }
      if (pending !== undefined) n = (await pending.catch((e: unknown) => { throw readError(path, e); })).bytesRead;
      else {
        try {
          n = readSync(fh.fd, cur, 0, size, pos);
        } catch (e) {
          throw readError(path, e);
        }
      }
      pos += n;
      const t = cur;
      cur = next;
      next = t;
    }
    hooks.parser?.end();
    return hooks.done(false);
  } finally {
    if (!closed) await fh.close().catch(() => undefined);
  }
}

/**
 * Reads a capture from a byte stream (stdin, a pipe, a socket, dumpcap's output …): pcap or
 * pcapng by magic, gzip-compressed or not. `name` is used in error messages ('-' is "The
 * standard input"). Stopping (onFrame returns false) destroys the stream.
 */
export async function readCaptureStream(
  source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
  name: string,
  onFrame: FrameCallback,
  opts: ReadOptions = {},
): Promise<CaptureMeta> {
  const it = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  // the first bytes decide between gzip and a plain capture
  const head: Uint8Array[] = [];
  let got = 0;
  while (got < 2) {
    let r: IteratorResult<Uint8Array>;
    try {
      r = await it.next();
    } catch (e) {
      throw readError(name, e);
    }
    if (r.done) break;
    const c = toU8(r.value);
    head.push(c);
    got += c.length;
  }
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => (head.length ? { done: false, value: head.shift()! } : it.next()),
      return: async () => {
        await it.return?.();
        return { done: true, value: undefined };
      },
    }),
  };
  const h0 = head[0];
  const gz = h0 !== undefined && (h0.length >= 2 ? h0[1] === 0x8b : head[1]?.[0] === 0x8b) && h0[0] === 0x1f;
  if (!gz) return feed(rest, name, onFrame, opts, false);
  const out = gunzipStream(rest, name);
  try {
    return await feed(out, name, onFrame, opts, true);
  } finally {
    await out.return?.(undefined);
  }
}

/**
 * Inflates a gzip byte stream. Unlike iterating a Gunzip stream, every byte inflated before an
 * error is delivered before the error (tshark shows the packets before the damage): input goes to
 * zlib in 64 KiB slices, the last 8 bytes (the CRC/length trailer of a one-member file) alone, and
 * output is queued from 'data' events, so an error costs at most one slice's output.
 */
async function* gunzipStream(src: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array, void, undefined> {
  // node:zlib looked up here, not imported: importing it costs ~9 ms of every CLI start-up
  const zlib: typeof Zlib = process.getBuiltinModule('node:zlib');
  const z = zlib.createGunzip({ chunkSize: GUNZIP_CHUNK });
  const queue: Uint8Array[] = [];
  let queued = 0;
  let ended = false;
  let failed: unknown;
  let wake: (() => void) | undefined;
  const signal = (): void => { const w = wake; wake = undefined; w?.(); };
  z.on('data', (c: Buffer) => {
    queue.push(c);
    queued += c.length;
    if (queued > 8 * GUNZIP_CHUNK) z.pause();
    signal();
  });
  z.on('end', () => { ended = true; signal(); });
  z.on('error', (e) => { failed = e; signal(); });
  let stopPump = false;
  const input = src[Symbol.asyncIterator]();
  const pump = (async () => {
    const write = async (b: Uint8Array): Promise<void> => {
      for (let o = 0; o < b.length && !stopPump && failed === undefined; o += GZ_SLICE) {
        if (!z.write(b.subarray(o, Math.min(o + GZ_SLICE, b.length)))) {
          await new Promise<void>((res) => {
            const done = (): void => { z.off('drain', done); z.off('error', done); z.off('close', done); res(); };
            z.on('drain', done);
            z.on('error', done);
            z.on('close', done);
          });
        }
      }
    };
    let prev: Uint8Array | undefined;
    try {
      for (;;) {
        const r = await input.next();
        if (r.done || stopPump || failed !== undefined) break;
        const c = toU8(r.value);
        if (prev) await write(prev);
        prev = c;
      }
      if (prev && !stopPump && failed === undefined) {
        const cut = Math.max(0, prev.length - 8);
        await write(prev.subarray(0, cut));
        await write(prev.subarray(cut));
      }
      // a sync flush first pushes out all inflated bytes: a stream cut inside its trailer
      // still delivers every packet before end() reports it
      if (!stopPump && failed === undefined) await new Promise<void>((res) => z.flush(zlib.constants.Z_SYNC_FLUSH, () => res()));
      if (!stopPump && failed === undefined) z.end();
    } catch (e) {
      failed ??= e instanceof CaptureError ? e : readError(name, e);
      signal();
    }
  })();
  try {
    for (;;) {
      if (queue.length > 0) {
        const c = queue.shift()!;
        queued -= c.length;
        if (queued <= 2 * GUNZIP_CHUNK && z.isPaused()) z.resume();
        yield c;
        continue;
      }
      if (failed !== undefined) throw failed;
      if (ended) return;
      await new Promise<void>((res) => { wake = res; });
    }
  } finally {
    // stopped early or failed: release the source (a live pipe may never end by itself)
    const finished = ended;
    stopPump = true;
    z.destroy();
    if (finished) await pump;
    else void input.return?.().catch(() => undefined);
  }
}

async function feed(src: AsyncIterable<Uint8Array>, name: string, onFrame: FrameCallback, opts: ReadOptions, compressed: boolean): Promise<CaptureMeta> {
  const hooks = new Hooks(onFrame, opts, compressed);
  try {
    for await (const raw of src) {
      const chunk = toU8(raw);
      if (chunk.length === 0) continue;
      const parser = hooks.parser ?? hooks.create(chunk, name);
      if (!parser.push(chunk, hooks.cb)) return hooks.done(compressed);
    }
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    throw streamError(name, e, hooks.parser);
  }
  hooks.parser?.end();
  return hooks.done(compressed);
}

/** Bytes of a stream chunk (Buffers are Uint8Arrays; strings are not expected). */
function toU8(c: unknown): Uint8Array {
  if (c instanceof Uint8Array) return c;
  if (typeof c === 'string') return new TextEncoder().encode(c);
  throw new TypeError('capture stream chunks must be bytes');
}

/** The per-frame wrapper: index, onMeta before the first frame; the final metadata. */
class Hooks {
  parser: CaptureParser | undefined = undefined;
  private metaSent = false;
  readonly cb: FrameCallback;

  constructor(onFrame: FrameCallback, private readonly opts: ReadOptions, private readonly compressed: boolean) {
    const index = opts.index;
    this.cb = (r) => {
      if (!this.metaSent) this.sendMeta();
      if (index !== undefined) index.add(r);
      return onFrame(r);
    };
  }

  create(first: Uint8Array, name: string): CaptureParser {
    const p = createParser(first, { name, customBlocks: this.opts.customBlocks ?? false });
    this.parser = p;
    this.opts.onParser?.(p);
    return p;
  }

  private sendMeta(): void {
    this.metaSent = true;
    const m = this.parser?.meta;
    if (m === undefined) return;
    m.compressed = this.compressed;
    this.opts.onMeta?.(m);
  }

  done(compressed = this.compressed): CaptureMeta {
    let m = this.parser?.meta;
    if (m === undefined) {
      // empty input: an empty capture with no interfaces
      m = {
        format: 'pcap', bigEndian: false, compressed, interfaces: [],
        shbHardware: undefined, shbOs: undefined, shbUserAppl: undefined, shbComments: [],
        sections: [], nameRecords: [], secrets: [], stats: [],
      };
    }
    m.compressed = compressed;
    if (!this.metaSent) {
      this.metaSent = true;
      this.opts.onMeta?.(m);
    }
    return m;
  }
}

function errCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

function openError(path: string, e: unknown): CaptureError {
  switch (errCode(e)) {
    case 'ENOENT': return new CaptureError(`The file "${path}" doesn't exist.`, 'io');
    case 'EACCES': case 'EPERM': return new CaptureError(`The file "${path}" could not be opened because you don't have permission to read it.`, 'io');
    case 'EISDIR': return new CaptureError(`"${path}" is a directory (folder), not a file.`, 'io');
    default: return new CaptureError(`The file "${path}" could not be opened: ${(e as Error).message ?? String(e)}.`, 'io');
  }
}

function readError(name: string, e: unknown): CaptureError {
  if (e instanceof CaptureError) return e;
  if (errCode(e) === 'EISDIR') return new CaptureError(`"${name}" is a directory (folder), not a file.`, 'io');
  const what = name === '-' ? 'the standard input' : `the file "${name}"`;
  return new CaptureError(`An error occurred while reading from ${what}: ${(e as Error).message ?? String(e)}.`, 'io');
}

/** zlib's errors in tshark's words: a stream that just stops is a file cut short. */
function streamError(name: string, e: unknown, parser: CaptureParser | undefined): CaptureError {
  const code = errCode(e);
  const msg = (e as Error).message ?? String(e);
  if (code === 'Z_BUF_ERROR' || msg === 'unexpected end of file') {
    // the capture's own header not complete yet: tshark says "packet or other data"
    return parser?.meta === undefined ? truncatedHeaderError(name, -1) : truncatedError(name, -1);
  }
  if (code.startsWith('Z_')) {
    const reason = msg === 'incorrect data check' ? 'bad CRC' : msg === 'incorrect length check' ? 'bad length' : msg;
    return decompressError(name, reason, -1);
  }
  return readError(name, e);
}

/**
 * Random access to the frames of an uncompressed capture file, by frame number, through the
 * index built while reading it (readCaptureFile(path, cb, { index })).
 */
export class RandomAccessCapture {
  private constructor(private readonly fh: FileHandle, readonly index: FrameIndex, readonly name: string) {}

  static async open(path: string, index: FrameIndex, meta?: CaptureMeta): Promise<RandomAccessCapture> {
    if (meta?.compressed) {
      throw new CaptureError(`${describeInput(path)} is compressed: random access needs an uncompressed copy.`, 'unsupported');
    }
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch (e) {
      throw openError(path, e);
    }
    return new RandomAccessCapture(fh, index, path);
  }

  /** Frame `num` (1-based) as a fresh record owning its bytes (`buf` holds exactly caplen bytes). */
  async frame(num: number): Promise<FrameRecord> {
    return readFrameAt(this.fh, this.index, num, this.name);
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

/** Reads frame `num` of an open, uncompressed capture through its index. */
export async function readFrameAt(fh: FileHandle, index: FrameIndex, num: number, name = '-'): Promise<FrameRecord> {
  const i = index.slot(num);
  const caplen = index.caplen[i]!;
  const buf = new Uint8Array(caplen);
  const at = index.fileOffset[i]! + index.dataDelta[i]!;
  let got = 0;
  while (got < caplen) {
    const { bytesRead } = await fh.read(buf, got, caplen - got, at + got).catch((e: unknown) => { throw readError(name, e); });
    if (bytesRead === 0) throw truncatedError(name, index.fileOffset[i]!);
    got += bytesRead;
  }
  const r = index.fill(newFrameRecord(), i);
  r.buf = buf;
  r.dv = new DataView(buf.buffer);
  r.off = 0;
  return r;
}
