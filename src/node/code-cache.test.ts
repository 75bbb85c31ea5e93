import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFileOf, CodeCacheLoader, wrapCommonJs } from './code-cache.js';

/** a.cjs (with a #! line) requires b.cjs beside it and a Node built-in. */
function fixture(): { dir: string; a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wirelens-code-cache-'));
  const a = join(dir, 'a.cjs');
  const b = join(dir, 'b.cjs');
  writeFileSync(a, '#!/usr/bin/env node\nconst b = require("./b.cjs");\nconst { basename } = require("node:path");\nexports.answer = b.twice(21);\nexports.name = basename(__filename);\nexports.self = this === exports;\n');
  writeFileSync(b, 'function twice(x) { return 2 * x; }\nmodule.exports = { twice };\n');
  return { dir, a, b };
}

function run(a: string): { exports: unknown; loader: CodeCacheLoader } {
  const loader = new CodeCacheLoader();
  return { exports: loader.load(a), loader };
}

const EXPECTED = { answer: 42, name: 'a.cjs', self: true };

test('code cache: made when missing, then accepted; same results both ways', (t) => {
  const { dir, a, b } = fixture();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = run(a);
  assert.deepEqual({ ...(first.exports as object) }, EXPECTED);
  assert.deepEqual([...first.loader.states()], [[a, 'missing'], [b, 'missing']]);
  assert.deepEqual(first.loader.writeCaches().sort(), [cacheFileOf(a), cacheFileOf(b)]);
  assert.deepEqual(readdirSync(dir).sort(), ['a.cjs', 'a.cjs.codecache', 'b.cjs', 'b.cjs.codecache']);

  const second = run(a);
  assert.deepEqual({ ...(second.exports as object) }, EXPECTED);
  assert.deepEqual([...second.loader.states()], [[a, 'accepted'], [b, 'accepted']]);
  assert.deepEqual(second.loader.writeCaches(), [], 'accepted caches are not rewritten');
});

test('code cache: files written in the wrapper (as the bundle is) run the same, with their line numbers', (t) => {
  const { dir, a, b } = fixture();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // b throws from its second line
  writeFileSync(b, '\nfunction twice(x) { if (x === 0) throw new Error("zero"); return 2 * x; }\nmodule.exports = { twice };\n');
  for (const f of [a, b]) writeFileSync(f, wrapCommonJs(readFileSync(f, 'latin1')), 'latin1');
  assert.ok(readFileSync(a, 'latin1').startsWith('(function (exports, require, module, __filename, __dirname) {///usr/bin/env node\n'));
  for (const pass of ['missing', 'accepted']) {
    const { exports, loader } = run(a);
    assert.deepEqual({ ...(exports as object) }, EXPECTED);
    assert.deepEqual([...loader.states()], [[a, pass], [b, pass]]);
    const twice = (loader.load(b) as { twice: (x: number) => number }).twice;
    assert.throws(() => twice(0), (e: Error) => e.stack!.includes(`${b}:2:`));
    loader.writeCaches();
  }
});

test('code cache: garbage is rejected (the file still runs), rewritten unless told not to', (t) => {
  const { dir, a, b } = fixture();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const garbage = Buffer.from('not a V8 code cache at all, just some bytes');
  writeFileSync(cacheFileOf(a), garbage);
  const { exports, loader } = run(a);
  assert.deepEqual({ ...(exports as object) }, EXPECTED);
  assert.equal(loader.states().get(a), 'rejected');
  // as in a process started with V8 flags: the rejected cache stays, the missing one is made
  assert.deepEqual(loader.writeCaches(false), [cacheFileOf(b)]);
  assert.deepEqual(readFileSync(cacheFileOf(a)), garbage);
  assert.deepEqual(loader.writeCaches(true).sort(), [cacheFileOf(a), cacheFileOf(b)]);
  assert.notDeepEqual(readFileSync(cacheFileOf(a)), garbage);
});

test('code cache: a cache older than its file is not used', (t) => {
  const { dir, a, b } = fixture();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  run(a).loader.writeCaches();
  const later = new Date(Date.now() + 60_000);
  utimesSync(b, later, later);
  const { exports, loader } = run(a);
  assert.deepEqual({ ...(exports as object) }, EXPECTED);
  assert.deepEqual([...loader.states()], [[a, 'accepted'], [b, 'stale']]);
});

test('code cache: none is written for a file replaced since it was loaded', (t) => {
  const { dir, a, b } = fixture();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { loader } = run(a);
  // a rebuild meanwhile: the bytecode compiled from the old b.cjs must not become the new one's cache
  writeFileSync(b, 'module.exports = { twice: (x) => x + x };\n');
  const later = new Date(Date.now() + 60_000);
  utimesSync(b, later, later);
  assert.deepEqual(loader.writeCaches(), [cacheFileOf(a)]);
});

test('code cache: a cache that cannot be written is skipped, no error', (t) => {
  const { dir, a, b } = fixture();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // a directory where b's cache would go: neither readable as a cache nor replaceable by a file
  mkdirSync(cacheFileOf(b));
  const { exports, loader } = run(a);
  assert.deepEqual({ ...(exports as object) }, EXPECTED);
  assert.equal(loader.states().get(b), 'missing');
  assert.deepEqual(loader.writeCaches(), [cacheFileOf(a)]);
  assert.deepEqual(readdirSync(dir).sort(), ['a.cjs', 'a.cjs.codecache', 'b.cjs', 'b.cjs.codecache'], 'no temporary file left');
});

test('code cache: the built bundle has a cache this Node accepts', (t) => {
  const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundle');
  const main = existsSync(bundle) ? readdirSync(bundle).find((f) => /^main-.*\.cjs$/.test(f)) : undefined;
  if (main === undefined) return t.skip('dist/bundle not built (npm run build)');
  const loader = new CodeCacheLoader();
  const exports = loader.load(join(bundle, main)) as Record<string, unknown>;
  assert.equal(typeof exports['runPipeline'], 'function');
  assert.equal(loader.states().get(join(bundle, main)), 'accepted');
});
