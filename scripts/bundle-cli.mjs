// Bundles the CLI (dist/node/cli.js, emitted by tsc) into dist/bundle/: one CommonJS file,
// main-*.cjs, for everything a capture-reading run needs, chunks for what is imported lazily (ui,
// explain, flow, live capture …), and wirelens.cjs, the CLI module itself. Node then resolves,
// stats, reads and compiles a handful of files instead of ~200. The entry, wirelens.mjs (built
// from src/node/bundle-boot.ts), runs them through V8's code cache (src/node/code-cache.ts): each
// x.cjs has its compiled bytecode in x.cjs.codecache, made here by running the new bundle once
// over the sample capture, so a run neither parses the 1.2 MB bundle nor compiles the functions
// of a typical run (CommonJS because ES modules cannot be given a code cache). Run by
// `npm run build` after tsc; dist/node/cli.js keeps working unbundled (tests import its modules).
//
// Uses rolldown (installed with vite). Output is ASCII-only (non-ASCII escaped) so Node reads it
// as a one-byte string; package dependencies stay external (resolved from node_modules), except
// @noble/*, replaced by scripts/noble-node-shim.mjs (node:crypto, looked up on first use).
// Afterwards it checks that the bundle prints what dist/node/cli.js prints for the sample (and,
// with the test corpus, QUIC/TLS captures whose decryption and JA3/JA4 hashes use the crypto).

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = join(root, 'dist', 'bundle');
// built and checked beside it, then swapped in: a CLI run meanwhile sees the old or the new bundle
const outDir = join(root, 'dist', `bundle.tmp-${process.pid}`);

async function loadRolldown() {
  try {
    return await import('rolldown');
  } catch {
    // not hoisted: take vite's own copy
    const req = createRequire(join(root, 'node_modules', 'vite', 'package.json'));
    return import(pathToFileURL(req.resolve('rolldown')).href);
  }
}

/** Modules statically reachable from `entry` (tsc output: plain `import … from './x.js'` lines). */
function staticGraph(entry) {
  const seen = new Set();
  const todo = [entry];
  const re = /^(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]/gm;
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(re)) todo.push(resolve(dirname(f), m[1]));
  }
  return seen;
}

const entry = join(root, 'dist', 'node', 'cli.js');
// what every run loads goes into one chunk (the entry module's static imports); the rest is split
// by rolldown into chunks loaded by the dynamic imports
const eager = staticGraph(entry);
eager.delete(entry);

// the @noble imports of quic-crypto.ts and tls-fingerprint.ts (importing another name from these
// fails the build: the shim does not export it; other @noble modules stay external)
const NOBLE = new Set(['@noble/hashes/hkdf.js', '@noble/hashes/sha2.js', '@noble/hashes/legacy.js', '@noble/ciphers/aes.js']);
const SHIM = join(root, 'scripts', 'noble-node-shim.mjs');

const { build } = await loadRolldown();
rmSync(outDir, { recursive: true, force: true });
await build({
  input: { wirelens: entry },
  platform: 'node',
  // node built-ins and npm packages are imported at run time, not copied in
  external: (id) => id.startsWith('node:') || (/^[^./]/.test(id) && !NOBLE.has(id)),
  plugins: [{ name: 'noble-node-shim', resolveId: (id) => (NOBLE.has(id) ? SHIM : null) }],
  logLevel: 'warn',
  output: {
    dir: outDir,
    format: 'cjs',
    // the modules were ES modules: keep their strict mode
    strict: true,
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    charset: 'ascii',
    comments: false,
    codeSplitting: { groups: [{ name: 'main', test: (id) => eager.has(id) }] },
  },
});
// the entry: the code-cache loader, one small ES module
await build({
  input: { wirelens: join(root, 'dist', 'node', 'bundle-boot.js') },
  platform: 'node',
  external: (id) => id.startsWith('node:'),
  logLevel: 'warn',
  output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', charset: 'ascii', comments: false },
});
chmodSync(join(outDir, 'wirelens.mjs'), 0o755);
// each CommonJS file in the wrapper the loader would put around it at every start (code-cache.ts)
const { wrapCommonJs } = await import(pathToFileURL(join(root, 'dist', 'node', 'code-cache.js')).href);
for (const f of readdirSync(outDir)) {
  if (f.endsWith('.cjs')) writeFileSync(join(outDir, f), wrapCommonJs(readFileSync(join(outDir, f), 'latin1')), 'latin1');
}

const sample = join(root, 'samples', 'sample.pcapng');

// smoke check: same output as the unbundled CLI
const corpus = join(root, '..', 'shared', 'captures');
const checks = [
  [sample, '-c', '20'],
  // QUIC Initial decryption, Retry integrity tags, JA3/JA4 (@noble vs node:crypto)
  [join(corpus, 'tcpdump', 'quic_handshake.pcap'), '-V'],
  [join(corpus, 'tcpdump', 'quic_retry.pcap'), '-V'],
  [join(corpus, 'scapy', 'tls_nss_example.pcap'), '-V'],
];
/** Whether bundle entry `cli` prints what dist/node/cli.js prints for `args`. */
function samePrint(cli, args) {
  const run = (cli) => {
    try {
      return execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return Buffer.concat([Buffer.from(`exit ${e.status}\n`), e.stdout ?? Buffer.alloc(0), e.stderr ?? Buffer.alloc(0)]);
    }
  };
  const a = run(join(root, 'dist', 'node', 'cli.js'));
  if (run(cli).equals(a) && a.length !== 0) return true;
  console.error(`bundle-cli: the bundle prints something else than dist/node/cli.js for ${args.join(' ')}`);
  return false;
}
for (const [file, ...rest] of checks) {
  if (existsSync(file) && !samePrint(join(outDir, 'wirelens.mjs'), ['-r', file, ...rest])) {
    rmSync(outDir, { recursive: true, force: true });
    process.exit(1);
  }
}
// the checks' runs wrote code caches (see below): not those wanted
for (const f of readdirSync(outDir)) if (f.endsWith('.codecache')) rmSync(join(outDir, f));
rmSync(finalDir, { recursive: true, force: true });
renameSync(outDir, finalDir);

// The code caches: the loader writes the missing ones when a run ends, from the functions that run
// compiled. The first run here makes those of the main chunk: a summary of all packets through a
// display filter (`frame` matches all; the rest compiles the usual kinds of tests); the second,
// those of the statistics. Made in place: a cache keeps the file name its script was compiled
// under (stack traces).
const WARM_FILTER = 'frame or ip.addr == 10.0.0.1 and icmp or tcp.port in {80,443} and tcp.len > 1000 or tcp.analysis.retransmission or dns or http';
for (const args of [['-Y', WARM_FILTER], ['-q', '-z', 'conv,tcp']]) {
  execFileSync(process.execPath, [join(finalDir, 'wirelens.mjs'), '-r', sample, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}
for (const f of ['wirelens.cjs', 'main-'].map((n) => readdirSync(finalDir).find((x) => x.startsWith(n) && x.endsWith('.cjs')))) {
  if (f === undefined || !existsSync(join(finalDir, `${f}.codecache`))) {
    console.error(`bundle-cli: no code cache was written for ${f ?? 'the main chunk'} (the bundle works, more slowly)`);
    process.exit(1);
  }
}
// and once more with them
if (!samePrint(join(finalDir, 'wirelens.mjs'), ['-r', ...checks[0]])) process.exit(1);
