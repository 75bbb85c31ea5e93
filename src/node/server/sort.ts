// Sorting many texts fast: multikey (ternary) quicksort (Bentley & Sedgewick, "Fast algorithms
// for sorting and searching strings", 1997) over positions, comparing one unit at a time.
// Packet-list columns share long prefixes ("50404 → 80 [ACK] Seq=…"), where a comparison sort
// re-reads the prefix on every comparison: measured here on 450k Info strings, ~0.5 s against
// 6–8 s for Array.prototype.sort (with or without a comparator).

/**
 * Positions 0 … n-1 in ascending order of their texts, ties by position. `at(p, d)` is unit `d`
 * of text `p` (a non-negative number), -1 past its end.
 */
export function sortUnits(n: number, at: (p: number, d: number) => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // explicit stack of [lo, hi, depth] ranges
  const stack: number[] = [0, n, 0];
  while (stack.length) {
    const d = stack.pop()!, hi = stack.pop()!, lo = stack.pop()!;
    if (hi - lo < 2) continue;
    if (hi - lo <= 12) {
      // insertion sort; the first d units are equal in this range
      for (let i = lo + 1; i < hi; i++) {
        const x = idx[i]!;
        let j = i - 1;
        while (j >= lo) {
          const y = idx[j]!;
          let k = d, uy = at(y, k), ux = at(x, k);
          while (uy === ux && uy !== -1) { k++; uy = at(y, k); ux = at(x, k); }
          if (uy < ux || (uy === ux && y < x)) break;
          idx[j + 1] = y;
          j--;
        }
        idx[j + 1] = x;
      }
      continue;
    }
    // median of three as the pivot unit
    const a = at(idx[lo]!, d), b = at(idx[(lo + hi) >> 1]!, d), c = at(idx[hi - 1]!, d);
    const v = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    // 3-way partition: [lo, lt) < v, [lt, gt) = v, [gt, hi) > v
    let lt = lo, gt = hi, i = lo;
    while (i < gt) {
      const u = at(idx[i]!, d);
      if (u < v) { const t = idx[lt]!; idx[lt++] = idx[i]!; idx[i++] = t; }
      else if (u > v) { const t = idx[--gt]!; idx[gt] = idx[i]!; idx[i] = t; }
      else i++;
    }
    stack.push(lo, lt, d, gt, hi, d);
    if (v === -1) idx.subarray(lt, gt).sort(); // equal texts: by position
    else stack.push(lt, gt, d + 1);
  }
  return idx;
}
