// FrameMap and ConvMap against plain Maps: keys of several layers per frame, frames without
// entries, gaps; conversations in both directions, deleted ones, hash chains.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConvMap, FrameMap } from './inet-util.js';
import type { Packet } from '../core/packet.js';

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

test('ConvMap finds a conversation from either direction, and forgets a deleted one', () => {
  const cm = new ConvMap<number>();
  const ref = new Map<string, number>();
  // only the fields ConvMap reads
  const pkt = { netType: 4, src4: 0, dst4: 0, src6: '', dst6: '' };
  const p = pkt as unknown as Packet;
  const at = (a: number, b: number): Packet => { pkt.src4 = a; pkt.dst4 = b; return p; };
  const key = (a: number, b: number, sp: number, dp: number): string => (a < b || (a === b && sp <= dp) ? `${a}:${sp}-${b}:${dp}` : `${b}:${dp}-${a}:${sp}`);
  // 60,000 conversations over a 30-bit hash: some share a chain (a collision is all but certain)
  const N = 60_000;
  for (let i = 0; i < N; i++) {
    const a = 0x0a000001 + (i % 7), b = 0xc0a80001 + (i % 13);
    cm.set(at(a, b), 1024 + i, 80, i);
    ref.set(key(a, b, 1024 + i, 80), i);
  }
  assert.equal(cm.size, N);
  for (let i = 0; i < N; i += 3) {
    const a = 0x0a000001 + (i % 7), b = 0xc0a80001 + (i % 13);
    // deleted from the other direction
    assert.equal(cm.delete(at(b, a), 80, 1024 + i), true);
    assert.equal(cm.delete(at(b, a), 80, 1024 + i), false);
    ref.delete(key(a, b, 1024 + i, 80));
  }
  assert.equal(cm.size, ref.size);
  for (let i = 0; i < N; i++) {
    const a = 0x0a000001 + (i % 7), b = 0xc0a80001 + (i % 13);
    const want = ref.get(key(a, b, 1024 + i, 80));
    assert.equal(cm.get(at(a, b), 1024 + i, 80), want, `conversation ${i}`);
    assert.equal(cm.get(at(b, a), 80, 1024 + i), want, `conversation ${i}, reply direction`);
  }
});
