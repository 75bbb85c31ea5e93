#!/usr/bin/env node
// Entry of the bundled CLI, dist/bundle/wirelens.mjs (scripts/bundle-cli.mjs builds it from this
// file): runs the CommonJS bundle wirelens.cjs beside it through V8's code cache (code-cache.ts).
// Not meant to run from dist/node.

import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';

runWithCodeCache(fileURLToPath(new URL('wirelens.cjs', import.meta.url)));
