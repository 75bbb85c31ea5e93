#!/usr/bin/env node
// Entry of the bundled CLI, dist/bundle/wirelens.mjs (scripts/bundle-cli.mjs builds it from this
// file): runs the CommonJS bundle wirelens.cjs beside it through V8's code cache (code-cache.ts).
// Not meant to run from dist/node.

import { runWithCodeCache } from './code-cache.js';

// (not imported: see code-cache.ts)
const { fileURLToPath } = process.getBuiltinModule('node:url');
runWithCodeCache(fileURLToPath(new URL('wirelens.cjs', import.meta.url)));
