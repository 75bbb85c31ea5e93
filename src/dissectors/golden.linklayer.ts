// Runs the link-layer / ARP / IPv6 / ICMPv6 golden comparison over the whole corpus (or the
// captures named on the command line) and prints the agreement per column and the worst files:
//   node dist/dissectors/golden.linklayer.js [-v] [capture …]
// Not a test: the focused tests are in eth.test.ts, arp.test.ts, ipv6.test.ts … (CPU-heavy: a
// full run dissects every capture once).

import { goldenCaptures, linkAgreement, type Mismatch } from './golden.testutil.js';

const args = process.argv.slice(2);
const verbose = args[0] === '-v';
const files = verbose ? args.slice(1) : args;
const list = files.length ? files : goldenCaptures();
const perCol = new Map<string, { cells: number; equal: number }>();
const perFile: { file: string; bad: number; cells: number; first: Mismatch | undefined }[] = [];
let cells = 0, equal = 0;
for (const rel of list) {
  let a;
  try {
    a = linkAgreement(rel);
  } catch (e) {
    console.log(`${rel}: ${(e as Error).message}`);
    continue;
  }
  if (!a) continue;
  cells += a.cells;
  equal += a.equal;
  perFile.push({ file: rel, bad: a.mismatches.length, cells: a.cells, first: a.mismatches[0] });
  for (const [col, n] of a.perColumn) {
    const c = perCol.get(col) ?? { cells: 0, equal: 0 };
    c.cells += n;
    c.equal += n;
    perCol.set(col, c);
  }
  for (const m of a.mismatches) perCol.get(m.field)!.equal--;
  if (verbose) for (const m of a.mismatches.slice(0, 20)) console.log(`${rel} #${m.frame} ${m.field}: want ${JSON.stringify(m.want)} got ${JSON.stringify(m.got)}`);
}
console.log(`cells ${cells}, equal ${equal} (${((100 * equal) / Math.max(cells, 1)).toFixed(2)}%)`);
for (const [k, v] of perCol) console.log(`  ${k.padEnd(18)} ${v.equal}/${v.cells} (${((100 * v.equal) / Math.max(v.cells, 1)).toFixed(2)}%)`);
perFile.sort((x, y) => y.bad - x.bad);
for (const f of perFile.slice(0, 25)) {
  if (!f.bad) break;
  const m = f.first!;
  console.log(`${f.file}: ${f.bad}/${f.cells}  e.g. #${m.frame} ${m.field}: want ${JSON.stringify(m.want).slice(0, 90)} got ${JSON.stringify(m.got).slice(0, 90)}`);
}
