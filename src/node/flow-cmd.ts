// `wirelens flow -r FILE [--stream N] [-Y FILTER] [-o OUT.svg] [--lang en|zh]`: the SVG sequence
// diagram of one TCP connection (src/explain/flow-svg.ts). Without --stream, the first connection
// (the first one -Y selects, when given). Without -o (or with -o -), the SVG goes to stdout.

import { writeFileSync } from 'node:fs';
import { collectSegments, parseStoryArgs, UsageError } from './explain-cmd.js';
import { flowSvg } from '../explain/flow-svg.js';

const USAGE = 'Usage: wirelens flow -r FILE [--stream N] [-Y FILTER] [-o OUT.svg] [--lang en|zh]\n';

/** Runs `wirelens flow`; resolves with the exit code. */
export async function flowMain(argv: readonly string[]): Promise<number> {
  try {
    let out: string | undefined;
    const a = parseStoryArgs(argv, { '-o': (v) => { out = v; } });
    if (a.streams.length > 1) throw new UsageError('one --stream only: the diagram shows one connection');
    const got = await collectSegments(a);
    const stream = a.streams[0] ?? got.segs[0]?.stream;
    const segs = got.segs.filter((s) => s.stream === stream);
    if (segs.length === 0) {
      process.stderr.write(`wirelens flow: no TCP connection ${a.streams.length === 0 ? 'selected' : `with tcp.stream ${a.streams[0]}`}\n`);
      return 1;
    }
    const svg = flowSvg(segs, { lang: a.lang });
    if (out === undefined || out === '-') process.stdout.write(svg);
    else writeFileSync(out, svg);
    if (got.error) {
      process.stderr.write(`wirelens flow: ${got.error}\n`);
      return 2;
    }
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message ? `wirelens flow: ${e.message}\n${USAGE}` : USAGE);
    return e.message ? 1 : 0;
  }
}
