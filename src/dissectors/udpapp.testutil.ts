// Shared by the UDP application protocol tests (mojito, pfcp, nbns …): Protocol and Info of the rows
// whose golden frame.protocols carries a given layer, compared with tshark's on whole captures.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden } from './golden.testutil.js';

/** Mismatching Protocol/Info cells (as readable lines) of the rows carrying `layer`, and the cells compared. */
export function layerRowsAgreement(captures: readonly string[], layer: string): { cells: number; bad: string[] } {
  const dir = capturesDir();
  const re = new RegExp(`:${layer.replace(/\./g, '\\.')}(:|$)`);
  let cells = 0;
  const bad: string[] = [];
  if (!dir) return { cells, bad };
  for (const rel of captures) {
    if (!existsSync(join(dir, rel))) continue;
    const r = compareGolden(rel, ['frame.protocols', '_ws.col.Protocol', '_ws.col.Info'], { rowFilter: (get) => re.test(get('frame.protocols')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want}\n  got  ${m.got}`);
  }
  return { cells, bad };
}
