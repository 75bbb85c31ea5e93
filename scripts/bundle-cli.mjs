// Bundles the CLI (dist/node/cli.js, emitted by tsc) into dist/bundle/wirelens.mjs: one module
// for everything a capture-reading run needs, plus chunks for what is imported lazily (ui,
// explain, flow, live capture …). Node then resolves, stats, reads and compiles a handful of files
// instead of ~200, which is most of the CLI's start-up time. Run by `npm run build` after tsc;
// dist/node/cli.js keeps working unbundled (tests import its modules).
//
// Uses rolldown (installed with vite). Output is ASCII-only (non-ASCII escaped) so Node reads it
// as a one-byte string; package dependencies stay external (resolved from node_modules), except
// @noble/*, replaced by scripts/noble-node-shim.mjs (node:crypto, looked up on first use).
// Afterwards it checks that the bundle prints what dist/node/cli.js prints for the sample (and,
// with the test corpus, QUIC/TLS captures whose decryption and JA3/JA4 hashes use the crypto).

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
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
    format: 'esm',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
    charset: 'ascii',
    comments: false,
    codeSplitting: { groups: [{ name: 'main', test: (id) => eager.has(id) }] },
  },
});

chmodSync(join(outDir, 'wirelens.mjs'), 0o755);

// smoke check: same output as the unbundled CLI
const corpus = join(root, '..', 'shared', 'captures');
const checks = [
  [join(root, 'samples', 'sample.pcapng'), '-c', '20'],
  // QUIC Initial decryption, Retry integrity tags, JA3/JA4 (@noble vs node:crypto)
  [join(corpus, 'tcpdump', 'quic_handshake.pcap'), '-V'],
  [join(corpus, 'tcpdump', 'quic_retry.pcap'), '-V'],
  [join(corpus, 'scapy', 'tls_nss_example.pcap'), '-V'],
];
for (const [file, ...rest] of checks) {
  if (!existsSync(file)) continue;
  const args = ['-r', file, ...rest];
  const run = (cli) => {
    try {
      return execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return Buffer.concat([Buffer.from(`exit ${e.status}\n`), e.stdout ?? Buffer.alloc(0), e.stderr ?? Buffer.alloc(0)]);
    }
  };
  const a = run(join(root, 'dist', 'node', 'cli.js'));
  const b = run(join(outDir, 'wirelens.mjs'));
  if (!a.equals(b) || a.length === 0) {
    console.error(`bundle-cli: the bundle prints something else than dist/node/cli.js for ${args.join(' ')}`);
    rmSync(outDir, { recursive: true, force: true });
    process.exit(1);
  }
}
rmSync(finalDir, { recursive: true, force: true });
renameSync(outDir, finalDir);
