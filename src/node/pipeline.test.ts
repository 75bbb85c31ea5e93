import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { corpus } from './cli.testutil.js';
import { runPipeline, mergeWant } from './pipeline.js';
import { compileFilter } from '../dfilter/index.js';

const C = corpus();

test('mergeWant', () => {
  assert.equal(mergeWant(undefined, undefined), undefined);
  assert.equal(mergeWant(null, new Uint8Array(2)), null);
  assert.deepEqual(mergeWant(new Uint8Array([1, 0]), new Uint8Array([0, 0, 1])), new Uint8Array([1, 0, 1]));
});

test('-c counts frames read, filter counts displayed, errors are values', { skip: !C }, async () => {
  const f = compileFilter('frame.len == 98');
  assert.ok(f.ok);
  const nums: number[] = [];
  const r = await runPipeline(resolve(C!, 'arkime/cloudshark-arp.pcap'), { filter: f.filter, count: 4 }, (p) => { nums.push(p.num); });
  assert.deepEqual(nums, [3, 4]);
  assert.deepEqual([r.frames, r.displayed, r.error], [4, 2, undefined]);
  const bad = await runPipeline('/nonexistent/x.pcap', {}, () => undefined);
  assert.equal(bad.error?.message, 'The file "/nonexistent/x.pcap" doesn\'t exist.');
});

test('two passes (-2): same frames, the second pass on a visited session', { skip: !C }, async () => {
  const one: string[] = [];
  await runPipeline(resolve(C!, 'zeek/http/get.pcap'), { cols: true }, (p) => { one.push(`${p.num} ${p.src} ${p.dst}`); });
  const two: string[] = [];
  let visited = false;
  await runPipeline(resolve(C!, 'zeek/http/get.pcap'), { cols: true, twoPass: true }, (p) => { two.push(`${p.num} ${p.src} ${p.dst}`); visited = p.session.visited; });
  assert.deepEqual(two, one);
  assert.ok(visited);
});
