// Benchmark of the UI's API on a big capture, through the real server and WebSocket:
//   node dist/node/server/server.bench.js [CAPTURE (default bench/out/bench.pcap)] [filter …]
// (bench/README.md: the figures on bench/out/bench-500.pcap, 720,000 packets, 526 MB)
// Prints the time from the load request to the first page of rows, the full load time, the
// memory kept, and each filter's time over all packets (and whether the cache answered it).

import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WebSocket } from 'ws';
import { startServer } from './http.js';

const path = resolve(process.argv[2] ?? 'bench/out/bench.pcap');
const filters = process.argv.length > 3 ? process.argv.slice(3)
  : ['tcp', 'ip.addr == 10.77.0.2 and icmp', 'tcp.analysis.retransmission', 'http', 'frame contains "GET"', 'dns or http',
    'tcp.port == 80 && tcp.flags.syn == 1', 'udp.port == 53', 'frame.len > 1000', 'tcp.analysis.flags', 'dns.qry.name contains "wl"',
    'tcp.window_size < 1000', 'tcp.payload contains "HTTP"',
    // re-dissection (lower layers only: the dissectors above are skipped), then the same field again (learned)
    'ip.checksum > 1000', 'ip.checksum <= 1000 && tcp', 'udp.checksum > 100',
    // re-dissection of everything (a TCP field the cache lacks), then learned
    'tcp.checksum > 1000', 'tcp.checksum <= 1000'];

const srv = await startServer({ roots: [dirname(path)] });
const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/ws?token=${srv.token}`);
await new Promise((r, j) => { ws.on('open', r); ws.on('error', j); });
let seq = 0;
const waiting = new Map<number, (v: unknown) => void>();
ws.on('message', (m) => {
  const v = JSON.parse(String(m)) as { id?: number; result?: unknown; error?: { message: string } };
  if (typeof v.id === 'number') waiting.get(v.id)?.(v.error ? new Error(v.error.message) : v.result);
});
const call = <T>(method: string, params: unknown): Promise<T> => new Promise((res) => {
  const id = ++seq;
  waiting.set(id, (v) => res(v as T));
  ws.send(JSON.stringify({ id, method, params }));
});

const mb = statSync(path).size / 1e6;
const t0 = performance.now();
await call('load', { path });
let first = -1;
for (;;) {
  const r = await call<{ rows: unknown[] }>('frames', { skip: 0, limit: 100 });
  if (r.rows.length > 0) { first = performance.now() - t0; break; }
  await new Promise((r) => setTimeout(r, 5));
}
console.log(`${path}: ${mb.toFixed(0)} MB`);
console.log(`first 100 rows after ${first.toFixed(0)} ms`);
console.log(`(first frame dissected ${(await call<{ status: { firstRowsMs: number } }>('status', {})).status.firstRowsMs} ms after the load started)`);
// rows while loading: a page far down the list
let st: { state: string; frames: number; memory: number; elapsedMs: number };
let mid = -1;
for (;;) {
  st = (await call<{ status: typeof st }>('status', {})).status;
  if (mid < 0 && st.frames > 200000) {
    const t = performance.now();
    await call('frames', { skip: 150000, limit: 100 });
    mid = performance.now() - t;
  }
  if (st.state !== 'loading') break;
  await new Promise((r) => setTimeout(r, 100));
}
console.log(`loaded ${st.frames} frames in ${(st.elapsedMs / 1000).toFixed(1)} s (${(mb / (st.elapsedMs / 1000)).toFixed(1)} MB/s); a page at row 150000 during the load: ${mid.toFixed(0)} ms`);
console.log(`kept per capture: ${(st.memory / 1e6).toFixed(0)} MB (${(st.memory / st.frames).toFixed(0)} B/frame); process rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
for (const f of filters) {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const r = await call<{ displayed: number; total: number; via: string; message?: string }>('filter', { filter: f });
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  const t2 = performance.now();
  await call('frames', { skip: 0, limit: 100, filter: f });
  console.log(`filter ${JSON.stringify(f)}: ${r.displayed}/${r.total} in ${ms.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms (${r.via}${r.message ? ', ' + r.message : ''}); first page then ${(performance.now() - t2).toFixed(0)} ms`);
}
const ts = performance.now();
await call('frames', { skip: 0, limit: 100, sort: 'info' });
console.log(`sort all by Info: ${(performance.now() - ts).toFixed(0)} ms`);
const td = performance.now();
await call('frame', { num: 400000 });
console.log(`details of frame 400000: ${(performance.now() - td).toFixed(0)} ms`);
ws.close();
await srv.close();
