// `tshark -V`: the packet's field tree, four spaces of indent per level, generated items in
// [brackets], hidden items (and what is under them) left out, then a blank line. Without -x,
// the `data` protocol's bytes are dumped in hex right under its "Data (n bytes)" line, as tshark
// does; with -x the packet's hex dump follows the tree instead (see hexdump.ts).

import { fieldByName } from '../../core/field.js';
import { itemLabel } from '../../core/format.js';
import { ItemFlag, ROOT, type Tree } from '../../core/tree.js';
import { hexDump } from './hexdump.js';

const INDENT = ['', '    ', '        ', '            ', '                ', '                    '];

function indent(d: number): string {
  return d < INDENT.length ? INDENT[d]! : '    '.repeat(d);
}

/** First child / next sibling links of a tree, reused from packet to packet. */
export class TreeLinks {
  first = new Int32Array(256);
  next = new Int32Array(256);
  last = new Int32Array(256);
  /** first top-level item */
  top = -1;

  build(t: Tree): void {
    const n = t.n;
    if (this.first.length < n) {
      const c = Math.max(n, this.first.length * 2);
      this.first = new Int32Array(c);
      this.next = new Int32Array(c);
      this.last = new Int32Array(c);
    }
    const first = this.first, next = this.next, last = this.last, parent = t.parent;
    first.fill(-1, 0, n);
    next.fill(-1, 0, n);
    let topLast = -1;
    this.top = -1;
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      if (p === ROOT || p < 0 || p >= i) {
        if (topLast < 0) this.top = i;
        else next[topLast] = i;
        topLast = i;
      } else {
        if (first[p] === -1) first[p] = i;
        else next[last[p]!] = i;
        last[p] = i;
      }
    }
  }
}

let dataFid = -2;

/** The -V text of a packet's tree (ends with the blank line after the packet unless `hexAfter`). */
export function verboseTree(t: Tree, links: TreeLinks, dataInline: boolean): string {
  links.build(t);
  if (dataFid === -2) dataFid = fieldByName('data')?.id ?? -1;
  let out = '';
  const first = links.first, next = links.next, flags = t.flags;
  // iterative depth-first walk
  const stack: number[] = [];
  let i = links.top;
  let depth = 0;
  while (i >= 0) {
    const fl = flags[i]!;
    let descend = false;
    if (!(fl & ItemFlag.HIDDEN)) {
      const label = itemLabel(t, i);
      out += indent(depth) + (fl & ItemFlag.GENERATED ? '[' + label + ']' : label) + '\n';
      if (dataInline && t.fid[i] === dataFid) {
        const s = t.sources[t.src[i]!]!;
        const a = s.base + t.start[i]!;
        const len = Math.max(0, Math.min(t.len[i]!, s.base + s.len - a));
        out += '\n' + hexDump(s.buf, a, len);
      }
      descend = first[i]! >= 0;
    }
    if (descend) {
      stack.push(i);
      depth++;
      i = first[i]!;
      continue;
    }
    // next sibling, or climb
    let nx = next[i]!;
    while (nx < 0 && stack.length) {
      const up = stack.pop()!;
      depth--;
      nx = next[up]!;
    }
    i = nx;
  }
  return out;
}
