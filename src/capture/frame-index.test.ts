import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameIndex, IndexFlag } from './frame-index.js';
import { newFrameRecord } from './pcap.js';

test('frame index: grows by doubling, keeps every field, comments and flags by frame number', () => {
  const ix = new FrameIndex(2);
  const r = newFrameRecord();
  for (let k = 1; k <= 1000; k++) {
    r.num = k;
    r.fileOffset = 24 + k * 100;
    r.tsSec = 1.7e9 + k;
    r.tsNsec = k * 1000;
    r.caplen = k % 1500;
    r.len = 1500;
    r.iface = k % 3;
    r.linktype = 1;
    r.blockType = k % 2 ? 6 : 3;
    r.hasTs = k % 2 === 1;
    r.comments = k === 500 ? ['half way'] : undefined;
    r.epbFlags = k === 7 ? 1 : undefined;
    ix.add(r);
  }
  assert.equal(ix.count, 1000);
  const s = ix.slot(999);
  assert.deepEqual([ix.fileOffset[s], ix.tsSec[s], ix.tsNsec[s], ix.caplen[s], ix.iface[s], ix.dataDelta[s], ix.flags[s]], [24 + 99900, 1.7e9 + 999, 999000, 999, 0, 28, 0]);
  assert.equal(ix.dataDelta[ix.slot(2)], 12);
  assert.equal(ix.flags[ix.slot(2)]! & IndexFlag.NO_TS, IndexFlag.NO_TS);
  assert.deepEqual(ix.comments.get(500), ['half way']);
  assert.equal(ix.epbFlags.get(7), 1);
  assert.throws(() => ix.slot(0), RangeError);
  assert.throws(() => ix.slot(1001), RangeError);
  assert.ok(ix.byteSize < 1024 * 40 * 2);
});
