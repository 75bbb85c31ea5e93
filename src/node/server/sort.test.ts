import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortStrings } from './sort.js';

test('sortStrings: the order of a plain comparison sort, ties by position', () => {
  let seed = 7;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) >>> 0; return seed % n; };
  const alphabet = ['a', 'b', '→', ' ', '1', '', 'é', '\u0000'];
  for (const n of [0, 1, 2, 5, 13, 100, 3000]) {
    const strs: string[] = [];
    for (let i = 0; i < n; i++) {
      let s = rnd(3) === 0 ? '50404 → 80 [ACK] Seq=' : '';
      const len = rnd(6);
      for (let k = 0; k < len; k++) s += alphabet[rnd(alphabet.length)];
      strs.push(s);
    }
    const want = strs.map((_, i) => i).sort((x, y) => (strs[x]! < strs[y]! ? -1 : strs[x]! > strs[y]! ? 1 : x - y));
    assert.deepEqual(Array.from(sortStrings(strs)), want, `n=${n}`);
  }
});
