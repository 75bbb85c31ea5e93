// Shared by the CLI/output tests: where the corpus and the tshark fixtures are, and an in-process
// run of the pipeline collecting one string per displayed packet.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Packet } from '../core/packet.js';
import { runPipeline, type PipelineContext, type PipelineOptions } from './pipeline.js';

/** The repository root (dist/node/.. /..). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared/captures next to the repository, or undefined when absent (tests then skip). */
export function corpus(): string | undefined {
  const d = resolve(repoRoot, '..', 'shared', 'captures');
  return existsSync(resolve(d, 'MANIFEST.md')) ? d : undefined;
}

/** A tshark output recorded under test/fixtures/cli/. */
export function fixture(name: string): string {
  return readFileSync(resolve(repoRoot, 'test', 'fixtures', 'cli', name), 'utf8');
}

/** Runs the pipeline on a capture and maps each displayed packet through `fn`. */
export async function collect(path: string, opts: PipelineOptions, fn: (p: Packet, ctx: PipelineContext) => string): Promise<string[]> {
  const out: string[] = [];
  await runPipeline(path, opts, (p, ctx) => { out.push(fn(p, ctx)); });
  return out;
}
