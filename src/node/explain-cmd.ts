// `wirelens explain -r FILE [-Y FILTER] [--stream N]... [--lang en|zh] [--run-min N] [--json]`: the story of
// each TCP connection of a capture (src/explain/story.ts), from SYN to TIME_WAIT.
//
// -Y selects connections: a connection is told (all its segments) when at least one of its
// segments matches the filter, so `-Y "tcp.analysis.retransmission"` explains the connections that
// had a retransmission. --stream N (repeatable) selects by tcp.stream index.

import { compileFilter, formatFilterError } from '../dfilter/index.js';
import type { Packet } from '../core/packet.js';
import { mergeWant, runPipeline } from './pipeline.js';
import { segFromPacket, wantExplainFields, type ExplainSeg } from '../explain/facts.js';
import { buildStories, renderStory } from '../explain/story.js';
import { en } from '../explain/en.js';
import { zh } from '../explain/zh.js';
import type { ExplainStrings } from '../explain/strings.js';

export const LANGS: Readonly<Record<string, ExplainStrings>> = { en, zh };

export interface SegmentQuery {
  file: string;
  filter: string | undefined;
  /** tcp.stream indexes to keep; empty = all */
  streams: number[];
}

export class UsageError extends Error {}

/**
 * Reads `q.file` once and returns the TCP segments of the selected connections (capture order).
 * Throws UsageError for a bad filter; a damaged file ends the read (what was read is kept) and its
 * message is returned in `error`.
 */
export async function collectSegments(q: SegmentQuery): Promise<{ segs: ExplainSeg[]; error: string | undefined }> {
  let want: Uint8Array | null | undefined = wantExplainFields();
  let match: ((p: Packet) => boolean) | undefined;
  let cols = false;
  if (q.filter !== undefined) {
    const r = compileFilter(q.filter);
    if (!r.ok) throw new UsageError(formatFilterError(r.error.text, r.error).replace(/\n$/, ''));
    want = mergeWant(want, r.filter.want);
    match = (p) => r.filter.match(p);
    cols = r.filter.needsColumns;
  }
  const keep = new Set(q.streams);
  const all: ExplainSeg[] = [];
  const matched = new Set<number>();
  const res = await runPipeline(q.file, { want, cols }, (p) => {
    const s = segFromPacket(p);
    if (s && (keep.size === 0 || keep.has(s.stream))) {
      all.push(s);
      if (match && match(p)) matched.add(s.stream);
    }
  });
  const segs = match ? all.filter((s) => matched.has(s.stream)) : all;
  return { segs, error: res.error?.message };
}

const USAGE = 'Usage: wirelens explain -r FILE [-Y FILTER] [--stream N]... [--lang en|zh] [--run-min N] [--json]\n';

/** The options `explain` and `flow` share. */
export interface StoryArgs extends SegmentQuery {
  lang: ExplainStrings;
}

/** A non-negative integer option value. */
export function intArg(k: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${k}: "${v}" is not a non-negative integer`);
  return Number(v);
}

/**
 * Parses -r, -Y, --stream (repeatable), --lang and -h; `extra` handles a command's own options
 * (each takes a value). Throws UsageError ('' for --help).
 */
export function parseStoryArgs(argv: readonly string[], extra: Readonly<Record<string, (v: string) => void>> = {}): StoryArgs {
  let file: string | undefined;
  const a: Omit<StoryArgs, 'file'> = { filter: undefined, streams: [], lang: en };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (k === '-h' || k === '--help') throw new UsageError('');
    const known = k === '-r' || k === '-Y' || k === '--stream' || k === '--lang' || Object.hasOwn(extra, k);
    if (!known) throw new UsageError(`unknown argument ${k}`);
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`option ${k} needs a value`);
    if (k === '-r') file = v;
    else if (k === '-Y') a.filter = v;
    else if (k === '--stream') a.streams.push(intArg(k, v));
    else if (k === '--lang') {
      const l = LANGS[v];
      if (!l) throw new UsageError(`--lang: "${v}" is not one of ${Object.keys(LANGS).join(', ')}`);
      a.lang = l;
    } else extra[k]!(v);
  }
  if (file === undefined) throw new UsageError('no capture file given: use -r FILE');
  return { file, ...a };
}

/** Runs `wirelens explain`; resolves with the exit code. */
export async function explainMain(argv: readonly string[]): Promise<number> {
  let a: StoryArgs;
  let runMin = 10;
  const json = argv.includes('--json');
  try {
    a = parseStoryArgs(argv.filter((x) => x !== '--json'), { '--run-min': (v) => { runMin = Math.max(2, intArg('--run-min', v)); } });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message ? `wirelens explain: ${e.message}\n${USAGE}` : USAGE);
    return e.message ? 1 : 0;
  }
  let got;
  try {
    got = await collectSegments(a);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`wirelens explain: ${e.message}\n`);
    return 2;
  }
  const stories = buildStories(got.segs, a.lang, { runMin });
  process.stdout.write(json ? JSON.stringify(stories, null, 1) + '\n' : stories.map(renderStory).join('\n'));
  if (stories.length === 0) process.stderr.write('wirelens explain: no TCP connection selected\n');
  if (got.error) {
    process.stderr.write(`wirelens explain: ${got.error}\n`);
    return 2;
  }
  return 0;
}
