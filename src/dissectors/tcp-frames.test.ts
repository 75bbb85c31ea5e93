import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TcpAnalysisSnapshot } from '../analysis/tcp-glue.js';
import { TcpFrameStore } from './tcp-frames.js';
import type { TcpFrame, TcpStream } from './tcp.js';

const make = (): TcpFrame => ({
  stream: undefined as unknown as TcpStream, completeness: 0, seqBase: 0, ackBase: 0, scale: 0, fin: 0, reused: false,
  relSec: 0, relNsec: 0, deltaSec: 0, deltaNsec: 0, an: undefined,
});

test('TcpFrameStore: what set() stored comes back from get(), per key, in one object per layer depth', () => {
  let seed = 11;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) >>> 0; return seed % n; };
  const streams = Array.from({ length: 40 }, (_, i) => ({ index: i }) as unknown as TcpStream);
  const store = new TcpFrameStore(make);
  const want = new Map<number, TcpFrame>();
  for (let num = 1; num <= 5000; num++) {
    if (rnd(7) === 0) continue; // a frame without TCP
    // most frames have one TCP header (depth 4); some a second one deeper (a tunnel)
    for (const depth of rnd(10) === 0 ? [4, 7] : [4]) {
      const key = num * 64 + depth;
      let an: TcpAnalysisSnapshot | undefined;
      if (rnd(3) !== 0) {
        an = new TcpAnalysisSnapshot();
        an.flags = rnd(1 << 23); an.acksFrame = rnd(num); an.ackRtt = rnd(1e9) / 7; an.irtt = rnd(1e6); an.bytesInFlight = rnd(1e9) * 8;
        an.pushBytes = rnd(1e5); an.dupAckNum = rnd(9); an.dupAckFrame = rnd(num); an.rto = rnd(1e9) / 3; an.rtoFrame = rnd(num);
        an.state = rnd(1 << 15) - (rnd(2) ? 0 : 1 << 16);
      }
      const fr: TcpFrame = {
        stream: streams[rnd(streams.length)]!, completeness: rnd(64), seqBase: rnd(3) === 0 ? -1 : rnd(2 ** 32), ackBase: rnd(2 ** 32),
        scale: rnd(17) - 2, fin: rnd(3), reused: rnd(2) === 0, relSec: rnd(1e6), relNsec: rnd(1e9), deltaSec: rnd(10) - 1, deltaNsec: rnd(1e9), an,
      };
      // the first pass fills the pool object of the key's depth, then stores it
      const slot = store.slot(key);
      Object.assign(slot, fr);
      if (an) slot.an = Object.assign(store.slotAn(key), an);
      store.set(key, slot);
      want.set(key, { ...fr, an: an ? Object.assign(new TcpAnalysisSnapshot(), an) : undefined });
    }
  }
  for (const [key, fr] of want) assert.deepEqual({ ...store.get(key)! }, fr, `key ${key}`);
  assert.equal(store.get(3 * 64 + 5), undefined);
  // an outer and an inner header of one frame: each in its own object, neither overwrites the other
  const two = [...want.keys()].find((k) => want.has(k + 3) && (k & 63) === 4)!;
  const outer = store.get(two)!;
  const inner = store.get(two + 3)!;
  assert.notEqual(outer, inner);
  assert.deepEqual({ ...outer }, want.get(two));
  assert.deepEqual({ ...inner }, want.get(two + 3));
});
