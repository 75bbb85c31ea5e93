// `wirelens flow -r FILE [--stream N] [-Y FILTER] [-o OUT.svg] [--lang en|zh]`: the SVG sequence
// diagram of one TCP connection (src/explain/flow-svg.ts). Without --stream, the first connection
// (the first one -Y selects, when given). Without -o (or with -o -), the SVG goes to stdout.

import { writeFileSync } from 'node:fs';
import { collectSegments, LANGS, UsageError } from './explain-cmd.js';
import { flowSvg } from '../explain/flow-svg.js';
import { en } from '../explain/en.js';
import type { ExplainStrings } from '../explain/strings.js';

const USAGE = 'Usage: wirelens flow -r FILE [--stream N] [-Y FILTER] [-o OUT.svg] [--lang en|zh]\n';

interface FlowArgs {
  file: string;
  stream: number | undefined;
  filter: string | undefined;
  out: string | undefined;
  lang: ExplainStrings;
}

function parseArgs(argv: readonly string[]): FlowArgs {
  let file: string | undefined;
  const a: Omit<FlowArgs, 'file'> = { stream: undefined, filter: undefined, out: undefined, lang: en };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option ${k} needs a value`);
      return v;
    };
    switch (k) {
      case '-r': file = val(); break;
      case '-Y': a.filter = val(); break;
      case '-o': a.out = val(); break;
      case '--stream': {
        const v = val();
        if (!/^\d+$/.test(v)) throw new UsageError(`--stream: "${v}" is not a non-negative integer`);
        a.stream = Number(v);
        break;
      }
      case '--lang': {
        const v = val();
        const l = LANGS[v];
        if (!l) throw new UsageError(`--lang: "${v}" is not one of ${Object.keys(LANGS).join(', ')}`);
        a.lang = l;
        break;
      }
      case '-h': case '--help': throw new UsageError('');
      default: throw new UsageError(`unknown argument ${k}`);
    }
  }
  if (file === undefined) throw new UsageError('no capture file given: use -r FILE');
  return { file, ...a };
}

/** Runs `wirelens flow`; resolves with the exit code. */
export async function flowMain(argv: readonly string[]): Promise<number> {
  try {
    const a = parseArgs(argv);
    const got = await collectSegments({ file: a.file, filter: a.filter, streams: a.stream === undefined ? [] : [a.stream] });
    const stream = a.stream ?? got.segs[0]?.stream;
    const segs = got.segs.filter((s) => s.stream === stream);
    if (segs.length === 0) {
      process.stderr.write(`wirelens flow: no TCP connection ${a.stream === undefined ? 'selected' : `with tcp.stream ${a.stream}`}\n`);
      return 1;
    }
    const svg = flowSvg(segs, { lang: a.lang });
    if (a.out === undefined || a.out === '-') process.stdout.write(svg);
    else writeFileSync(a.out, svg);
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
