// The display-filter library API: compileFilter(text) → a compiled filter (match, wanted fields,
// explain) or an error with tshark's message and the span to underline.
// Phases: macros → scanner → parser → semcheck → compile (see the files of the same names).

import { fieldCount } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { DfError } from './scanner.js';
import { parse } from './parser.js';
import { semcheck, type TNode } from './semcheck.js';
import { compileTest, type CompileInfo } from './compile.js';
import { expandMacros } from './macros.js';
import { explainTree } from './explain.js';
import { requiredProtocols } from './require.js';

export interface CompiledFilter {
  match(p: Packet): boolean;
  /**
   * indexed by field id: non-zero for the fields and protocols the filter reads (Engine `want`):
   * bit 0 set when their values are read, 2 when only their presence is (wants merge by OR)
   */
  want: Uint8Array;
  /** the same, as a sorted list of field ids */
  fields: number[];
  /** the filter text (after macro expansion) */
  text: string;
  /** true when the filter reads `_ws.col.*`: dissect with `p.cols = true` */
  needsColumns: boolean;
  /** the resolved tree, like Wireshark's dftest */
  explain(): string;
  /**
   * Protocols a matching packet contains: every set must meet the packet's layers (require.ts);
   * undefined = unknown. Lets the dissection driver skip layers of packets that cannot match.
   */
  required: number[][] | undefined;
  /** deprecated names the filter uses ("ssl" for "tls" …): it works, the UI warns (yellow) */
  deprecated?: string[];
}

export interface FilterError {
  message: string;
  /** span in `text` (the filter after macro expansion; equal to the input when it has no macros) */
  start: number;
  end: number;
  /** the text the span refers to */
  text: string;
}

export type CompileResult = { ok: true; filter: CompiledFilter } | { ok: false; error: FilterError };

export interface CompileOptions {
  /** display-filter macros (name → body), e.g. from the user's `dmacros` file */
  macros?: Map<string, string>;
  /** the packet `${field}` references are resolved against */
  reference?: Packet;
}

/** Compiles a display filter. Never throws for a bad filter: the error is a value. */
export function compileFilter(text: string, opts: CompileOptions = {}): CompileResult {
  let src = text;
  try {
    src = expandMacros(text, opts.macros);
    if (src.trim() === '') return { ok: true, filter: build(src, undefined, () => true, { want: new Set(), valued: new Set(), needsColumns: false }) };
    const ast = parse(src);
    const deprecated: string[] = [];
    const typed = semcheck(src, ast, { reference: opts.reference, deprecated });
    const info: CompileInfo = { want: new Set(), valued: new Set(), needsColumns: false };
    const match = compileTest(typed, info);
    const filter = build(src, typed, match, info);
    if (deprecated.length > 0) filter.deprecated = deprecated;
    return { ok: true, filter };
  } catch (e) {
    if (e instanceof DfError) return { ok: false, error: { message: e.message, start: e.start, end: e.end, text: src } };
    throw e;
  }
}

function build(text: string, typed: TNode | undefined, match: (p: Packet) => boolean, info: CompileInfo): CompiledFilter {
  const want = new Uint8Array(fieldCount());
  const list = [...info.want].sort((a, b) => a - b);
  // 1: the value is read; 2: only the presence or count (a protocol tested with `http`)
  for (const f of list) want[f] = info.valued.has(f) ? 1 : 2;
  return {
    match,
    want,
    fields: list,
    text,
    needsColumns: info.needsColumns,
    required: typed === undefined ? undefined : requiredProtocols(typed),
    explain: () => explainTree(text, typed, list, info.needsColumns),
  };
}

export { formatFilterError } from './explain.js';
export { parseMacroFile, expandMacros } from './macros.js';
