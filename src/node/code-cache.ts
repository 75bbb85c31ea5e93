// Runs CommonJS files through V8's code cache: the bundled CLI's start-up (scripts/bundle-cli.mjs).
//
// Node 20 compiles every module from source at each start (no module.enableCompileCache before
// Node 22): for the 1.2 MB bundle that is ~80 ms of parsing, plus compiling each function on its
// first call. A code cache (`vm.Script#createCachedData()`, taken after a run, so it holds the
// bytecode of the functions that run used and not just the top level) skips both. ES modules
// cannot be given one, so the bundle is CommonJS and this loader plays Node's CommonJS loader for
// the files of one directory: `require('./x.cjs')` loads a file beside the requiring one (through
// its cache), anything else goes to Node's own `require`. The files must be ASCII (read as Latin-1).
//
// The cache of `x.cjs` is `x.cjs.codecache`. It is not used when it is older than the source, and
// V8 rejects it when its own checks fail (another V8 version or flags, another source length);
// the file then runs compiled from source, as it would without a cache. `writeCaches()` remakes
// the caches that were not used, best-effort: a read-only directory is no error. A cache rejected
// in a process started with options is left alone: it is that of the runs without (V8 flags such
// as --max-old-space-size or --trace-gc make it unusable), which would otherwise rewrite it back.

import type { Script } from 'node:vm';

// Built-ins taken with process.getBuiltinModule, not imported: the bundle's entry is an ES module,
// and an ES import of node:fs builds its ES facade, which reads every export — the lazy ReadStream
// getter among them loads node:stream and ~20 internal modules (~10 M instructions of each start).
const { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { dirname, join } = process.getBuiltinModule('node:path');
const vm = process.getBuiltinModule('node:vm');

/** What became of a file's cache: used, refused by V8, absent, or older than the file. */
export type CacheState = 'accepted' | 'rejected' | 'missing' | 'stale';

interface Loaded {
  readonly module: { exports: unknown };
  readonly script: Script;
  readonly cacheFile: string;
  readonly state: CacheState;
  /** the file as it was loaded: no cache is written for a file replaced since (a rebuild) */
  readonly ino: number;
  readonly mtimeMs: number;
}

// Node's CommonJS wrapper, on the first line so that line numbers stay those of the file
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

export const cacheFileOf = (file: string): string => file + '.codecache';

/**
 * CommonJS source `source` in Node's wrapper, as the loader runs it; scripts/bundle-cli.mjs writes
 * the bundle's files so. The loader then compiles the file's text as it was read: wrapping it at
 * each start builds a second 1.2 MB string for V8 to copy flat (~300 page faults, ~5 ms here).
 * Line numbers are kept (the head is on the first line; a #! line, allowed only at the very start
 * of a script, becomes a comment).
 */
export const wrapCommonJs = (source: string): string =>
  WRAPPER_HEAD + (source.startsWith('#!') ? '//' + source.slice(2) : source) + WRAPPER_TAIL;

const isWrapped = (source: string): boolean => source.startsWith(WRAPPER_HEAD) && source.endsWith(WRAPPER_TAIL);

/**
 * Whether this process runs V8 with the flags of a plain `node` (those a cache is made with): no
 * NODE_OPTIONS, and no option on the command line but the #! line's --v8-pool-size (bundle-boot.ts),
 * a Node option that leaves V8's flags alone.
 */
const plainV8 = (): boolean => !process.env['NODE_OPTIONS'] && process.execArgv.every((a) => a.startsWith('--v8-pool-size='));

export class CodeCacheLoader {
  private readonly loaded = new Map<string, Loaded>();

  /** The exports of CommonJS file `file` (an absolute path), run once. */
  load(file: string): unknown {
    const done = this.loaded.get(file);
    if (done !== undefined) return done.module.exports;
    const { ino, mtimeMs } = statSync(file);
    // the bundle is ASCII (emitted so): Latin-1 gives V8 the same one-byte string, without UTF-8 decoding
    let source = readFileSync(file, 'latin1');
    if (!isWrapped(source)) source = wrapCommonJs(source);
    const cacheFile = cacheFileOf(file);
    const cacheTime = statSync(cacheFile, { throwIfNoEntry: false })?.mtimeMs;
    let state: CacheState = cacheTime === undefined ? 'missing' : 'stale';
    let cachedData: Buffer | undefined;
    if (cacheTime !== undefined && cacheTime >= mtimeMs) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        state = 'missing';
      }
    }
    const script = new vm.Script(source, cachedData === undefined ? { filename: file } : { filename: file, cachedData });
    if (cachedData !== undefined) state = script.cachedDataRejected === true ? 'rejected' : 'accepted';
    const module = { exports: {} as unknown };
    this.loaded.set(file, { module, script, cacheFile, state, ino, mtimeMs });
    const dir = dirname(file);
    const nodeRequire = createRequire(file);
    const require = (id: string): unknown => (id.startsWith('./') ? this.load(join(dir, id)) : nodeRequire(id));
    const fn = script.runInThisContext() as (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;
    fn.call(module.exports, module.exports, require, module, file, dir);
    return module.exports;
  }

  /** How each file loaded so far found its cache. */
  states(): Map<string, CacheState> {
    return new Map([...this.loaded].map(([file, l]) => [file, l.state]));
  }

  /**
   * Writes the cache of each loaded file whose cache was not used (rejected ones only with
   * `rewriteRejected`), with the bytecode of the functions compiled until now, unless the file was
   * replaced since it was loaded. Best-effort: a cache that cannot be written is skipped (another
   * process writing the same cache meanwhile is harmless: each writes a whole file and renames it).
   * Returns the cache files written.
   */
  writeCaches(rewriteRejected = plainV8()): string[] {
    const written: string[] = [];
    for (const [file, l] of this.loaded) {
      if (l.state === 'accepted' || (l.state === 'rejected' && !rewriteRejected)) continue;
      const now = statSync(file, { throwIfNoEntry: false });
      if (now === undefined || now.ino !== l.ino || now.mtimeMs !== l.mtimeMs) continue;
      const tmp = `${l.cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, l.script.createCachedData());
        renameSync(tmp, l.cacheFile);
        written.push(l.cacheFile);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          // not created
        }
      }
    }
    return written;
  }
}

/**
 * Runs CommonJS file `file` (and what it requires beside it) through the code cache and, when the
 * process exits, writes the caches that were not used (how scripts/bundle-cli.mjs makes them: it
 * runs the new bundle once over the sample capture).
 */
export function runWithCodeCache(file: string): void {
  const loader = new CodeCacheLoader();
  process.once('exit', () => loader.writeCaches());
  loader.load(file);
}
