// The capture corpus and its tshark goldens (../shared/captures from the repo root): INDEX.tsv,
// FIELDS.txt, <path>.fields.tsv and <path>.summary.txt. Test-only code (reads files).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface IndexEntry {
  /** path relative to the corpus root, e.g. `zeek/http/get.pcap` */
  path: string;
  /** `ok` (goldens exist) or `skipped` (tshark refused the file, or it is too big for goldens) */
  status: string;
  /** tshark's packet count, or null when INDEX.tsv says `?` */
  packets: number | null;
  note: string;
}

/** The repo root: two levels above dist/test-support (or src/test-support). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The corpus directory, or undefined when it is absent (tests skip then). */
export function corpusDir(): string | undefined {
  const env = process.env['WIRELENS_CAPTURES'];
  const d = env ?? join(repoRoot, '..', 'shared', 'captures');
  return existsSync(join(d, 'golden', 'INDEX.tsv')) ? d : undefined;
}

export function readIndex(dir: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  const lines = readFileSync(join(dir, 'golden', 'INDEX.tsv'), 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    const [path, status, packets, note] = l.split('\t');
    out.push({ path: path!, status: status!, packets: packets === '?' || packets === undefined ? null : Number(packets), note: note ?? '' });
  }
  return out;
}

export function readFieldList(dir: string): string[] {
  return readFileSync(join(dir, 'golden', 'FIELDS.txt'), 'utf8').split('\n').filter((s) => s.length > 0);
}

/** Golden -T fields rows (header line dropped), each split into cells. */
export function readGoldenFields(dir: string, path: string): string[][] {
  const text = readFileSync(join(dir, 'golden', path + '.fields.tsv'), 'utf8');
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) rows.push(lines[i]!.split('\t'));
  return rows;
}

/** Golden summary lines (`tshark -n -r F`). */
export function readGoldenSummary(dir: string, path: string): string[] {
  const lines = readFileSync(join(dir, 'golden', path + '.summary.txt'), 'utf8').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
