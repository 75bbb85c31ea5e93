import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortUnits } from './sort.js';
import { TextColumn } from './text-column.js';

test('sortUnits over a TextColumn: the order of a plain string comparison sort, ties by position; texts read back', () => {
  let seed = 7;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) >>> 0; return seed % n; };
  // a surrogate pair sorts below U+E000…U+FFFF in UTF-16 order (not in code point order); lone surrogates survive
  const alphabet = ['a', 'b', '→', ' ', '1', '', 'é', '\u0000', '\u{1F600}', '\uffff', '\ue000', '\udc00', '\ud800', '\u07ff', '\u0800'];
  for (const n of [0, 1, 2, 5, 13, 100, 3000]) {
    const strs: string[] = [];
    const col = new TextColumn();
    for (let i = 0; i < n; i++) {
      let s = rnd(3) === 0 ? '50404 → 80 [ACK] Seq=' : '';
      const len = rnd(6);
      for (let k = 0; k < len; k++) s += alphabet[rnd(alphabet.length)];
      const v = rnd(4) === 0 ? rnd(1e6) : -1;
      if (v >= 0) s += v;
      strs.push(s);
      col.open();
      if (v >= 0) col.textUint(s.slice(0, s.length - String(v).length), v);
      else col.text(s);
      col.close();
    }
    col.trim();
    assert.deepEqual(strs.map((_, i) => col.get(i)), strs, `n=${n}`);
    const want = strs.map((_, i) => i).sort((x, y) => (strs[x]! < strs[y]! ? -1 : strs[x]! > strs[y]! ? 1 : x - y));
    assert.deepEqual(Array.from(sortUnits(col.count, (p, d) => col.byteAt(p, d))), want, `n=${n}`);
  }
});
