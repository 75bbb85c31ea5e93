#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node --v8-pool-size=1
// Entry of the bundled CLI, dist/bundle/wirelens.mjs (scripts/bundle-cli.mjs builds it from this
// file): runs the CommonJS bundle wirelens.cjs beside it through V8's code cache (code-cache.ts).
// Not meant to run from dist/node.
//
// Run as a program (the `bin`: `npx wirelens`, `dist/bundle/wirelens.mjs`), the #! line starts
// Node as a short CLI run wants it (both are Node options, not V8 flags: the code cache stays
// valid, and `node dist/bundle/wirelens.mjs` works the same, only slower to start):
// - without NODE_EXTRA_CA_CERTS: Node 20 loads and parses that file of certificates when it starts,
//   before any script (~50 ms for Debian's 140 roots; machines behind a TLS proxy set it for every
//   program), and wirelens makes no TLS connection;
// - with one worker thread for V8 (TurboFan, concurrent GC) instead of four: on a machine with
//   few cores the four compete with the main thread, and each touches its own fresh memory
//   (~1,000 more page faults, ~15 ms of a 0.4 s run here); one keeps compiling beside the main
//   thread.

import { runWithCodeCache } from './code-cache.js';

// (not imported: see code-cache.ts)
const { fileURLToPath } = process.getBuiltinModule('node:url');
runWithCodeCache(fileURLToPath(new URL('wirelens.cjs', import.meta.url)));
