// The corpus-wide differential test against the tshark goldens (issue "Foundation", "Done means").
// One run of every capture in golden/INDEX.tsv, in this process; the assertions below read its
// result. Figures and example mismatches: `npm run golden-report` (docs/golden-report.md).
//
// Thresholds: TARGET is what the issue requires; FLOORS (golden-floors.ts) is the ratchet of what
// the tree reaches today, so a regression fails at once. Raise the floors as dissectors land
// (`node dist/test-support/golden-report.js --floors > src/test-support/golden-floors.ts`);
// the TARGET tests are marked `todo` until they pass, then become ordinary tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusDir } from './corpus.js';
import { groupTotals, pct, runCorpus, type CorpusResult } from './harness.js';
import { FLOORS } from './golden-floors.js';

/** The issue's targets. */
export const TARGET = {
  /** every Foundation field: ≥ 99 % of cells equal */
  foundationField: 99,
  /** summary lines of Ethernet/ARP/IP/ICMP/TCP/UDP packets (no TCP-analysis tag): all equal */
  foundationSummary: 100,
} as const;

/** Set to true once the target is reached (then the test is no longer `todo`). */
const REACHED = { foundationGroup: true, foundationFields: true, foundationSummary: true };

/**
 * Captures whose record count differs from tshark's for a known reason (each listed in
 * docs/mismatches.md). For these the count must still equal the packet-block count of INDEX.tsv.
 */
const KNOWN_COUNT_GAPS: ReadonlyMap<string, string> = new Map([
  ...['output_be', 'output_le'].flatMap((d) => ['advanced/test102', 'basic/test017', 'basic/test018', 'difficult/test202'].map(
    (t): [string, string] => [`pcapng-test-generator/${d}/${t}.pcapng`, 'tshark 4.0 shows pcapng Custom Blocks as records; the reader does not deliver them yet'])),
]);

const dir = corpusDir();
let result: Promise<CorpusResult> | undefined;
function corpus(): Promise<CorpusResult> {
  result ??= runCorpus(dir!);
  return result;
}

const skip = dir === undefined ? 'capture corpus (../shared/captures) not found' : false;

test('every capture runs to the end: no exception escapes, no dissector bug is caught', { skip }, async () => {
  const r = await corpus();
  const crashes = r.captures.filter((c) => c.crash).map((c) => `${c.entry.path}: ${c.crash}`);
  assert.deepEqual(crashes, [], 'exceptions escaped the pipeline');
  const bugs = r.captures.flatMap((c) => c.bugs.map((b) => `${c.entry.path} frame ${b.frame}: ${b.msg}`));
  assert.deepEqual(bugs.slice(0, 20), [], `${bugs.length} dissector bug(s) caught by the engine`);
});

test('Protocol and Info do not depend on which tree items are built (-T fields run vs summary run)', { skip }, async () => {
  const r = await corpus();
  const diffs = r.captures.flatMap((c) => c.modeDiffs.map((d) => `${c.entry.path} #${d.frame}: -T fields run "${d.fields}", summary run "${d.summary}"`));
  assert.deepEqual(diffs.slice(0, 20), [], `${diffs.length} frame(s)`);
});

test('every capture yields tshark\'s record count; readable captures give no reader error', { skip }, async () => {
  const r = await corpus();
  const wrong: string[] = [];
  for (const c of r.captures) {
    if (c.entry.status === 'ok' && c.error) wrong.push(`${c.entry.path}: unexpected reader error: ${c.error.message}`);
    if (c.expectedFrames === null) continue;
    if (c.entry.status !== 'ok' && c.entry.note.includes("doesn't support")) continue; // checked below
    const gap = KNOWN_COUNT_GAPS.get(c.entry.path);
    if (c.frames === c.expectedFrames || (gap !== undefined && c.frames === c.entry.packets)) continue;
    wrong.push(`${c.entry.path}: ${c.frames} frames, tshark ${c.expectedFrames}${gap ? ` (known gap: ${gap}; packet blocks: ${c.entry.packets})` : ''}`);
  }
  assert.deepEqual(wrong, []);
});

test('cut-short captures give the right clean error; unsupported link types are read as data or refused cleanly', { skip }, async () => {
  const r = await corpus();
  const wrong: string[] = [];
  for (const c of r.captures) {
    if (c.entry.status === 'ok') continue;
    const note = c.entry.note;
    const want = note.includes('cut short') ? 'truncated' : note.includes("doesn't support") ? 'unsupported' : undefined;
    if (want === undefined) {
      if (c.error) wrong.push(`${c.entry.path}: unexpected error ${c.error.kind}: ${c.error.message}`);
      continue;
    }
    // Link types tshark cannot dissect: wirelens still reads every record and shows it as data
    // (nothing is lost; the frames are there for -w, -x and the UI). A clean 'unsupported' error
    // naming the file would also be acceptable; a crash or another error is not.
    if (want === 'unsupported' && !c.error && c.frames > 0) continue;
    if (!c.error) wrong.push(`${c.entry.path}: no error, tshark says: ${note}`);
    else if (c.error.kind !== want) wrong.push(`${c.entry.path}: error ${c.error.kind} (${c.error.message}), want ${want}`);
    else if (!c.error.message.includes(c.entry.path.split('/').pop()!)) wrong.push(`${c.entry.path}: error does not name the file: ${c.error.message}`);
  }
  assert.deepEqual(wrong, []);
});

test('Foundation fields: no regression below the ratchet', { skip }, async (t) => {
  const r = await corpus();
  const low: string[] = [];
  for (const f of r.fields) {
    const floor = FLOORS.fields[f.field];
    const p = pct(f.equal, f.compared);
    if (floor !== undefined && p < floor) low.push(`${f.field}: ${p.toFixed(2)} % < floor ${floor} %`);
  }
  for (const [g, floor] of Object.entries(FLOORS.groups)) {
    const tot = groupTotals(r, g as 'Foundation');
    const p = pct(tot.equal, tot.compared);
    t.diagnostic(`${g}: ${tot.equal}/${tot.compared} cells = ${p.toFixed(2)} % (floor ${floor} %)`);
    if (p < floor) low.push(`group ${g}: ${p.toFixed(2)} % < floor ${floor} %`);
  }
  const fi = r.foundationInScope;
  const pi = pct(fi.equal, fi.compared);
  t.diagnostic(`Foundation, frames reachable through Foundation layers only: ${fi.equal}/${fi.compared} = ${pi.toFixed(3)} % (floor ${FLOORS.foundationInScope} %)`);
  if (pi < FLOORS.foundationInScope) low.push(`Foundation in scope: ${pi.toFixed(3)} % < floor ${FLOORS.foundationInScope} %`);
  assert.deepEqual(low, []);
});

test(`Foundation fields together: ≥ ${TARGET.foundationField} % of cells equal (issue target)`, { skip, todo: !REACHED.foundationGroup && 'target not reached yet: see docs/golden-report.md' }, async () => {
  const r = await corpus();
  const tot = groupTotals(r, 'Foundation');
  assert.ok(pct(tot.equal, tot.compared) >= TARGET.foundationField, `${pct(tot.equal, tot.compared).toFixed(2)} %`);
});

test(`Foundation fields: each ≥ ${TARGET.foundationField} % of cells equal (issue target)`, { skip, todo: !REACHED.foundationFields && 'target not reached yet: see docs/golden-report.md' }, async () => {
  const r = await corpus();
  const low = r.fields.filter((f) => f.group === 'Foundation' && pct(f.equal, f.compared) < TARGET.foundationField)
    .map((f) => `${f.field}: ${pct(f.equal, f.compared).toFixed(2)} %`);
  assert.deepEqual(low, []);
});

test('summary lines: no regression below the ratchet', { skip }, async (t) => {
  const r = await corpus();
  const all = pct(r.summaryAll.equal, r.summaryAll.compared);
  const fnd = pct(r.summaryFoundation.equal, r.summaryFoundation.compared);
  t.diagnostic(`all packets: ${r.summaryAll.equal}/${r.summaryAll.compared} = ${all.toFixed(2)} % (floor ${FLOORS.summaryAll} %)`);
  t.diagnostic(`Foundation packets: ${r.summaryFoundation.equal}/${r.summaryFoundation.compared} = ${fnd.toFixed(2)} % (floor ${FLOORS.summaryFoundation} %)`);
  assert.ok(all >= FLOORS.summaryAll, `all summary lines ${all.toFixed(2)} % < floor ${FLOORS.summaryAll} %`);
  assert.ok(fnd >= FLOORS.summaryFoundation, `Foundation summary lines ${fnd.toFixed(2)} % < floor ${FLOORS.summaryFoundation} %`);
  const si = r.summaryFoundationInScope;
  const psi = pct(si.equal, si.compared);
  t.diagnostic(`Foundation packets reachable through Foundation layers only: ${si.equal}/${si.compared} = ${psi.toFixed(2)} % (floor ${FLOORS.summaryFoundationInScope} %)`);
  assert.ok(psi >= FLOORS.summaryFoundationInScope, `Foundation summary lines in scope ${psi.toFixed(2)} % < floor ${FLOORS.summaryFoundationInScope} %`);
  // The corpus must actually exercise the Foundation packets (guards against an empty comparison).
  assert.ok(r.summaryFoundation.compared > 10000, 'too few Foundation summary lines compared');
});

test('summary lines of the whole corpus: ≥ 95 % identical to tshark\'s (issue 5 target)', { skip }, async (t) => {
  const r = await corpus();
  const all = pct(r.summaryAll.equal, r.summaryAll.compared);
  t.diagnostic(`${r.summaryAll.equal}/${r.summaryAll.compared} = ${all.toFixed(2)} %`);
  assert.ok(all >= 95, `${all.toFixed(2)} %`);
});

test('summary lines of Ethernet/ARP/IP/ICMP/TCP/UDP packets equal tshark\'s (issue target)', { skip, todo: !REACHED.foundationSummary && 'target not reached yet: see docs/golden-report.md' }, async () => {
  const r = await corpus();
  const bad = r.summaryExamples.filter((e) => e.foundation).slice(0, 10).map((e) => `${e.capture} #${e.frame}\n  ours:   ${e.ours}\n  tshark: ${e.tshark}`);
  assert.equal(r.summaryFoundation.equal, r.summaryFoundation.compared, bad.join('\n'));
});
