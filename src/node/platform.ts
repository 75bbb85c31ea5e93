// Node's implementations of the core/platform.ts services. Importing this module installs them.
import { setPlatform, type Encoding, type InflateResult } from '../core/platform.js';
import { setLatin1Decoder } from '../capture/utf8.js';

// Latin-1 text of packet bytes (HTTP headers …) straight from Node's decoder
const latin1Slice = Buffer.prototype.latin1Slice;
setLatin1Decoder((b, start, end) =>
  start >= 0 && end <= b.length ? latin1Slice.call(b, start, end) : String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]));

/** node:zlib, loaded on the first decode (importing it costs ~9 ms of CLI start-up) */
let zlibModule: typeof import('node:zlib') | undefined;
const zlibLazy = (): typeof import('node:zlib') => (zlibModule ??= process.getBuiltinModule('node:zlib'));

/** One synchronous decode of `data`, at most maxOut bytes out (throws past it); a sync flush accepts a cut stream. */
function decodeSync(enc: Encoding | 'raw', data: Uint8Array, maxOut: number): Uint8Array {
  const zlib = zlibLazy();
  const maxOutputLength = Math.max(1, maxOut);
  const opts = { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const out = enc === 'br'
    ? zlib.brotliDecompressSync(data, { maxOutputLength, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
    : enc === 'gzip' ? zlib.gunzipSync(data, opts) : enc === 'raw' ? zlib.inflateRawSync(data, opts) : zlib.inflateSync(data, opts);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function inflate(enc: Encoding, data: Uint8Array, maxOut: number): InflateResult {
  try {
    return { data: decodeSync(enc, data, maxOut), truncated: false };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE') {
      // keep the decodable prefix that fits
      return { data: partial(enc, data, maxOut), truncated: true };
    }
    if (enc === 'deflate' && err.code === 'Z_DATA_ERROR') {
      // "deflate" in HTTP is often raw deflate without the zlib header
      try {
        return { data: decodeSync('raw', data, maxOut), truncated: false };
      } catch { /* fall through */ }
    }
    return { data: new Uint8Array(0), truncated: false, error: err.message };
  }
}

/** The decoded prefix that fits in maxOut: decode growing prefixes of the input (a sync flush
 *  accepts a cut stream) and keep the longest that fits. Runs only for bodies past the cap. */
function partial(enc: Encoding, data: Uint8Array, maxOut: number): Uint8Array {
  let best: Uint8Array = new Uint8Array(0);
  for (let len = 16; ; len *= 2) {
    const n = Math.min(len, data.byteLength);
    try {
      best = decodeSync(enc, data.subarray(0, n), maxOut);
    } catch {
      break;
    }
    if (n === data.byteLength) break;
  }
  return best;
}

setPlatform({ inflate });
