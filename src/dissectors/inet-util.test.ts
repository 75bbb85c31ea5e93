// FrameMap against a plain Map: keys of several layers per frame, frames without entries, gaps.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameMap } from './inet-util.js';

test('FrameMap holds what a Map keyed by frameKey holds', () => {
  const fm = new FrameMap<string>();
  const ref = new Map<number, string>();
  const put = (num: number, layers: number, v: string): void => {
    const key = num * 64 + layers;
    fm.set(key, v);
    ref.set(key, v);
  };
  // frame 1: one layer; frame 2: none; frame 3: two layers (a quote); frame 5000 after a gap
  put(1, 5, 'a');
  put(3, 5, 'b');
  put(3, 9, 'c');
  put(5000, 4, 'd');
  put(3, 5, 'b2');
  put(3, 9, 'c2');
  for (let num = 0; num <= 5001; num++) {
    for (const layers of [0, 4, 5, 9, 63]) {
      const key = num * 64 + layers;
      assert.equal(fm.get(key), ref.get(key), `frame ${num} layers ${layers}`);
    }
  }
});
