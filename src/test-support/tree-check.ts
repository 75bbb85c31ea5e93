// Internal consistency of a packet's field tree: what the hex pane, -V and -T json rely on.

import { fields } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ROOT } from '../core/tree.js';

/**
 * Returns the first inconsistency of p's tree, or undefined when it is sound:
 * - every item's data source exists, and its byte range [start, start + len) lies inside that
 *   source (within the captured bytes, which are all a data source holds);
 * - every parent is ROOT or an earlier item (parents precede children, hence no cycles);
 * - every field id is registered.
 */
export function treeProblem(p: Packet): string | undefined {
  const t = p.tree;
  for (let i = 0; i < t.n; i++) {
    const fid = t.fid[i]!;
    const name = fields[fid]?.abbrev;
    if (name === undefined) return `item ${i}: unregistered field id ${fid}`;
    const s = t.sources[t.src[i]!];
    if (!s) return `item ${i} (${name}): data source ${t.src[i]} does not exist`;
    const start = t.start[i]!, len = t.len[i]!;
    if (start < 0 || len < 0 || start + len > s.len) {
      return `item ${i} (${name}${inProto(p, i)}): bytes [${start}, ${start + len}) outside data source "${s.name}" of ${s.len} bytes`;
    }
    const par = t.parent[i]!;
    if (par !== ROOT && (par < 0 || par >= i)) return `item ${i} (${name}): parent ${par} does not precede it`;
  }
  return undefined;
}

/** ` in dns` : the protocol item enclosing item i (for attributing text items), or ''. */
function inProto(p: Packet, i: number): string {
  const t = p.tree;
  for (let j = t.parent[i]!; j >= 0 && j < i; j = t.parent[j]!) {
    const f = fields[t.fid[j]!];
    if (f?.isProtocol) return ` in ${f.abbrev}`;
  }
  return '';
}
