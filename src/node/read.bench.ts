// Capture-reading throughput: `node dist/node/read.bench.js FILE…`
// For each file: parse alone (file already in memory, 4 MiB chunks, best of 8 runs) and the whole
// readCaptureFile path (I/O, gzip), in packets per second. gzip files are inflated first for the
// parse-only figure.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createParser } from '../capture/parser.js';
import { readCaptureFile } from './read.js';

const CHUNK = 4 << 20;

function parseOnly(data: Uint8Array): { packets: number; pps: number; mbps: number } {
  let best = Infinity;
  let packets = 0;
  for (let rep = 0; rep < 8; rep++) {
    let n = 0;
    let bytes = 0;
    const t0 = process.hrtime.bigint();
    const p = createParser(data.subarray(0, 16));
    for (let o = 0; o < data.length; o += CHUNK) {
      p.push(data.subarray(o, Math.min(o + CHUNK, data.length)), (r) => { n++; bytes += r.caplen; });
    }
    p.end();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    packets = n;
    void bytes;
  }
  return { packets, pps: packets / best, mbps: data.length / best / 1e6 };
}

async function fileRead(path: string): Promise<number> {
  let best = Infinity;
  let packets = 0;
  for (let rep = 0; rep < 3; rep++) {
    let n = 0;
    const t0 = process.hrtime.bigint();
    await readCaptureFile(path, () => { n++; });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    packets = n;
  }
  return packets / best;
}

for (const path of process.argv.slice(2)) {
  let data: Uint8Array = readFileSync(path);
  if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
  const own = new Uint8Array(data.length);
  own.set(data);
  const p = parseOnly(own);
  const f = await fileRead(path);
  console.log(`${path}: ${p.packets} packets; parse ${(p.pps / 1e6).toFixed(1)} Mpkt/s (${p.mbps.toFixed(0)} MB/s); readCaptureFile ${(f / 1e6).toFixed(2)} Mpkt/s`);
}
