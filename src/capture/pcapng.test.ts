import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  block, Bytes, concat, CORPUS, epb, epochText, goldenRows, idb, needCorpus, parseBytes, shb, str, u32le, type Opt,
} from './corpus.test.js';
import { countToSecNsec, secNsecToCount, TsScale } from './timestamp.js';

const data = (n: number, fill = n): Uint8Array => new Uint8Array(n).fill(fill & 0xff);
const u8 = (v: number): Uint8Array => Uint8Array.of(v);
const i64le = (v: bigint): Uint8Array => new Bytes(true).u64(BigInt.asUintN(64, v)).done();

function corpus(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS!, path)));
}

test('pcapng: both byte orders, EPB fields, options on the IDB', () => {
  for (const le of [true, false]) {
    const opts: Opt[] = [[2, str('eth0')], [3, str('the first one')], [11, concat(u8(0), str('tcp port 80'))], [12, str('Linux')], [9, u8(9)]];
    const f = concat(shb(le, [[4, str('test app')], [1, str('hello')]]), idb(le, 1, 262144, opts), epb(le, 0, 1362692526869344123n, data(61), [], 1514));
    const r = parseBytes(f);
    assert.equal(r.error, undefined);
    const m = r.meta!;
    assert.equal(m.format, 'pcapng');
    assert.equal(m.bigEndian, !le);
    assert.equal(m.shbUserAppl, 'test app');
    assert.deepEqual(m.shbComments, ['hello']);
    const i = m.interfaces[0]!;
    assert.deepEqual([i.linktype, i.snaplen, i.name, i.description, i.filter, i.os, i.tsUnitsPerSec], [1, 262144, 'eth0', 'the first one', 'tcp port 80', 'Linux', 1e9]);
    const p = r.frames[0]!;
    assert.deepEqual([p.num, p.tsSec, p.tsNsec, p.caplen, p.len, p.iface, p.linktype, p.blockType, p.hasTs], [1, 1362692526, 869344123, 61, 1514, 0, 1, 6, true]);
    assert.deepEqual(p.data, data(61));
  }
});

test('pcapng: if_tsresol powers of 10 and of 2, if_tsoffset, exact 64-bit timestamps', () => {
  const cases: [number, bigint, number, number][] = [
    [6, 1362692526869344n, 1362692526, 869344000],
    [9, 1362692526869344123n, 1362692526, 869344123],
    [3, 1234567890123n, 1234567890, 123000000],
    [0, 1234567890n, 1234567890, 0],
    [12, 1234567890123456789n, 1234567, 890123456], // tshark 4.0 overflows here; we are exact
    [19, 12345678901234567890n, 1, 234567890],
    [0x80 | 20, (1234567n << 20n) + (1n << 19n), 1234567, 500000000],
    [0x80 | 1, 3n, 1, 500000000],
    [0x80 | 30, (5n << 30n) + 1n, 5, 0], // 0.93 ns truncates to 0
    [0x80 | 32, (7n << 32n) + (1n << 31n) + (1n << 30n), 7, 750000000],
    [0x80 | 63, 1n << 63n, 1, 0],
  ];
  for (const [resol, ts, sec, nsec] of cases) {
    const r = parseBytes(concat(shb(), idb(true, 1, 0, [[9, u8(resol)]]), epb(true, 0, ts, data(4))));
    assert.equal(r.error, undefined);
    assert.deepEqual([r.frames[0]!.tsSec, r.frames[0]!.tsNsec], [sec, nsec], `tsresol 0x${resol.toString(16)} ts ${ts}`);
  }
  const off = parseBytes(concat(shb(), idb(true, 1, 0, [[14, i64le(1000n)]]), epb(true, 0, 1500000n, data(4)), idb(true, 1, 0, [[14, i64le(-1000n)]]), epb(true, 1, 1500000n, data(4)), epb(true, 1, 15n, data(4))));
  assert.deepEqual(off.frames.map((f) => epochText(f.tsSec, f.tsNsec)), ['1001.500000000', '-999.500000000', '-1000.000015000']);
  assert.deepEqual(off.meta!.interfaces.map((i) => i.tsOffset), [1000, -1000]);
});

test('pcapng: timestamp conversion is exact both ways (random property check)', () => {
  let seed = 12345;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (const code of [6, 9, 3, 0x80 | 10, 0x80 | 24, 12, 0x80 | 40]) {
    const sc = new TsScale(code);
    const out = { tsSec: 0, tsNsec: 0 };
    const cnt = { hi: 0, lo: 0 };
    for (let k = 0; k < 300; k++) {
      // seconds stay below 2^53 (a number holds them exactly); real ones are below 2^40
      const hi = rnd(Math.min(0x7fffffff, sc.units * 2 ** 20)), lo = rnd(0x7fffffff) * 2 + rnd(2);
      countToSecNsec(hi, lo, sc, 0, out);
      const v = (BigInt(hi) << 32n) | BigInt(lo);
      assert.equal(BigInt(out.tsSec), v / sc.bigUnits, `code ${code}`);
      assert.equal(BigInt(out.tsNsec), ((v % sc.bigUnits) * 1000000000n) / sc.bigUnits, `code ${code}`);
      if (sc.nsMul !== 0) {
        // exact round trip for decimal resolutions up to ns
        secNsecToCount(out.tsSec, out.tsNsec, sc, 0, cnt);
        assert.deepEqual([cnt.hi, cnt.lo], [hi, lo], `code ${code} ${hi}:${lo}`);
      }
    }
  }
});

test('pcapng: SPB (interface 0, no timestamp, caplen from snaplen), OPB, custom blocks', () => {
  const spb = (orig: number, n: number): Uint8Array => block(true, 3, concat(u32le(orig), data(n)));
  const opb = block(true, 2, new Bytes(true).u16(1).u16(5).u32(0).u32(1000000).u32(60).u32(70).bytes(data(60)).done(), [[1, str('obsolete')], [2, u32le(2)]]);
  const custom = block(true, 0xbad, concat(u32le(32473), str('custom data!')));
  const f = concat(shb(), idb(true, 1, 128), idb(true, 101, 0), spb(314, 128), opb, custom, spb(60, 60));
  const r = parseBytes(f);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.frames.map((p) => [p.num, p.blockType, p.caplen, p.len, p.iface, p.hasTs]), [[1, 3, 128, 314, 0, false], [2, 2, 60, 70, 1, true], [3, 3, 60, 60, 0, false]]);
  assert.deepEqual(r.frames[1]!.comments, ['obsolete']);
  assert.equal(r.frames[1]!.epbFlags, 2);
  assert.deepEqual([r.frames[1]!.tsSec, r.frames[1]!.tsNsec], [1, 0]);
  const withCustom = parseBytes(f, 0, { customBlocks: true });
  assert.deepEqual(withCustom.frames.map((p) => [p.num, p.blockType, p.caplen, p.hasTs, p.linktype]), [[1, 3, 128, false, 1], [2, 2, 60, true, 101], [3, 0xbad, 12, false, -1], [4, 3, 60, false, 1]]);
  assert.deepEqual(withCustom.frames[2]!.data, str('custom data!'));
});

test('pcapng: NRB names, DSB secrets, ISB statistics, packet comments and flags', () => {
  const nrb = block(true, 4, new Bytes(true)
    .u16(1).u16(4 + 16).bytes([10, 1, 2, 3]).bytes(str('foo.example.org\0')).pad4()
    .u16(2).u16(16 + 13).bytes([0xfc, 1, 0xde, 0xad, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xbe, 0xef]).bytes(str('a.example\0b.c\0')).pad4()
    .u16(0).u16(0).done());
  const dsb = block(true, 10, concat(u32le(0x544c534b), u32le(8), str('CLIENT_R')));
  const isb = block(true, 5, new Bytes(true).u32(0).u32(0).u32(2000000).done(), [[4, i64le(100n)], [5, i64le(3n)], [1, str('stats')]]);
  const pkt = epb(true, 0, 0n, data(20), [[1, str('first')], [1, str('second ✓')], [2, u32le(0x48000000)]]);
  const r = parseBytes(concat(shb(), idb(), nrb, pkt, dsb, isb));
  assert.equal(r.error, undefined);
  const m = r.meta!;
  assert.deepEqual(m.nameRecords!.map((n) => [n.family, [...n.addr].length, n.names]), [[4, 4, ['foo.example.org']], [6, 16, ['a.example', 'b.c']]]);
  assert.deepEqual(m.secrets!.map((s) => [s.type, new TextDecoder().decode(s.data)]), [[0x544c534b, 'CLIENT_R']]);
  assert.deepEqual(m.stats!.map((s) => [s.iface, s.tsSec, s.ifRecv, s.ifDrop, s.comments]), [[0, 2, 100, 3, ['stats']]]);
  assert.deepEqual(r.frames[0]!.comments, ['first', 'second ✓']);
  assert.equal(r.frames[0]!.epbFlags, 0x48000000);
});

test('pcapng: sections reset interfaces and may change byte order', () => {
  const f = concat(
    shb(true), idb(true, 1), epb(true, 0, 1000000n, data(10)),
    shb(false), idb(false, 101), idb(false, 113), epb(false, 1, 2000000n, data(11)), epb(false, 0, 3000000n, data(12)),
  );
  const r = parseBytes(f, 13);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.frames.map((p) => [p.iface, p.linktype, p.tsSec, p.caplen]), [[0, 1, 1, 10], [2, 113, 2, 11], [1, 101, 3, 12]]);
  assert.deepEqual(r.meta!.interfaces.map((i) => [i.section, i.idInSection]), [[0, 0], [1, 0], [1, 1]]);
  assert.deepEqual(r.meta!.sections!.map((s) => [s.bigEndian, s.firstInterface]), [[false, 0], [true, 1]]);
});

test('pcapng: blocks split across chunks at every boundary give the same frames', () => {
  const f = concat(shb(true, [[4, str('x')]]), idb(true, 1, 0, [[2, str('eth0')]]), epb(true, 0, 5n, data(33), [[1, str('c')]]), shb(false), idb(false, 1), epb(false, 0, 7n, data(2)));
  const whole = parseBytes(f);
  assert.equal(whole.frames.length, 2);
  for (let chunk = 1; chunk <= 70; chunk++) {
    const r = parseBytes(f, chunk);
    assert.equal(r.error, undefined, `chunk ${chunk}`);
    assert.deepEqual(r.frames, whole.frames, `chunk ${chunk}`);
  }
});

test('pcapng: hostile and damaged blocks — tshark\'s messages, the file offset, nothing allocated', () => {
  const head = concat(shb(), idb());
  const at = head.length;
  const good = epb(true, 0, 0n, data(60));
  const msg = (detail: string, off = at): string => `The file "x.pcapng" appears to be damaged or corrupt.\n(pcapng: ${detail}; at file offset ${off})`;
  const patch = (b: Uint8Array, off: number, v: number): Uint8Array => { const c = b.slice(); new DataView(c.buffer).setUint32(off, v, true); return c; };
  const cases: [Uint8Array, string][] = [
    [concat(head, new Bytes(true).u32(6).u32(0x7fffff00).done()), msg('total block length 2147483392 is too large (> 134348832)')],
    [concat(head, patch(good, 4, 8)), msg('total block length 8 of an EPB is less than the minimum EPB size 32')],
    [concat(head, new Bytes(true).u32(0x1234).u32(8).u32(8).done()), msg('total block length 8 of an unknown block type is less than the minimum block size 12')],
    [concat(head, patch(good, 20, 0x7fffff00)), msg('total block length 92 of an EPB is too small for 2147483392 bytes of packet data')],
    [concat(head, patch(good, 8, 7)), msg('interface index 7 is not less than section interface count 1')],
    [concat(head, patch(good, good.length - 4, 96)), msg('total block lengths (first 92 and second 96) don\'t match', at + 88)],
    [concat(head, epb(true, 0, 0n, data(300000))), msg('cap_len 300000 is larger than 262144')],
    [concat(head, block(true, 3, concat(u32le(10), data(60, 0)))), msg('total block lengths (first 76 and second 0) don\'t match', at + 24)],
    [concat(shb(), block(true, 3, concat(u32le(60), data(60)))), msg('SPB appeared before any IDBs in the section', shb().length)],
    [concat(head, block(true, 4, new Bytes(true).u16(1).u16(200).bytes(data(8)).done())), msg('8 bytes left in the block < NRB record length + padding 200')],
    [concat(head, block(true, 6, new Bytes(true).u32(0).u32(0).u32(0).u32(4).u32(4).bytes(data(4)).u16(1).u16(100).bytes(data(4)).done())), msg('Not enough data to handle option of length 100')],
  ];
  for (const [bytes, expected] of cases) {
    for (const chunk of [0, 5]) {
      const r = parseBytes(bytes, chunk, { name: 'x.pcapng' });
      assert.equal(r.error?.message, expected);
      assert.equal(r.error?.kind, 'bad-record');
    }
  }
  // the huge block is refused from its 8-byte header alone
  const r = parseBytes(concat(head, new Bytes(true).u32(6).u32(0x7ffffff0).done()), 3);
  assert.equal(r.error?.offset, at);
});

test('pcapng: first block must be an SHB with a known byte order; versions other than 1.0/1.2 refused', () => {
  assert.equal(parseBytes(concat(new Bytes(true).u32(0x0a0d0d0a).u32(28).u32(0x12345678).done(), data(16))).error?.kind, 'not-capture');
  assert.equal(parseBytes(concat(shb(true, [], 1, 2), idb(), epb(true, 0, 0n, data(1)))).frames.length, 1);
  const v2 = parseBytes(concat(shb(), idb(), epb(true, 0, 0n, data(1)), shb(true, [], 2, 0), idb(), epb(true, 0, 0n, data(1))), 0, { name: 'v2.pcapng' });
  assert.equal(v2.frames.length, 1);
  assert.equal(v2.error?.message, `The file "v2.pcapng" contains record data that wirelens doesn't support.\n(pcapng: unknown SHB version 2.0)`);
  const short = new Bytes(true).u32(0x0a0d0d0a).u32(16).u32(0x1a2b3c4d).u32(16).done();
  assert.match(parseBytes(short).error!.message, /total block length 16 of an SHB is less than the minimum SHB size 28/);
});

test('pcapng: cut short — whole packets, then "packet" or "packet or other data" as tshark says', () => {
  const f = concat(shb(), idb(), idb(), epb(true, 0, 0n, data(40)), epb(true, 1, 0n, data(40)));
  const s = shb().length, i = idb().length, e = epb(true, 0, 0n, data(40)).length;
  const cases: [number, number, string][] = [
    [4, 0, 'packet or other data'], [s - 2, 0, 'packet or other data'], [s + 3, 0, 'packet'], [s + 10, 0, 'packet or other data'],
    [s + 2 * i + 5, 0, 'packet'], [s + 2 * i + e, 1, ''], [s + 2 * i + e + 60, 1, 'packet'], [f.length, 2, ''],
  ];
  for (const [cut, frames, what] of cases) {
    const r = parseBytes(f.slice(0, cut), 9, { name: 'c.pcapng' });
    assert.equal(r.frames.length, frames, `cut ${cut}`);
    assert.equal(r.error?.message ?? '', what && `The file "c.pcapng" appears to have been cut short in the middle of a ${what}.`, `cut ${cut}`);
  }
});

test('pcapng: test-generator corpus (LE and BE): counts, interfaces, comments, names, custom records', needCorpus, () => {
  for (const order of ['le', 'be']) {
    const dir = `pcapng-test-generator/output_${order}`;
    const t9 = parseBytes(corpus(`${dir}/basic/test009.pcapng`));
    assert.deepEqual(t9.frames.map((f) => f.comments), [['test009-1'], ['test009-2']]);
    assert.deepEqual(t9.frames.map((f) => f.epbFlags), [0, 0x48000000]);
    const t100 = parseBytes(corpus(`${dir}/advanced/test100.pcapng`));
    assert.equal(t100.frames.length, 5);
    assert.deepEqual(t100.meta!.interfaces.map((i) => i.name), ['eth0', 'null1', 'wifi2?']);
    const names = new Map(t100.meta!.nameRecords!.filter((n) => n.family === 4).map((n) => [[...n.addr].join('.'), n.names]));
    assert.deepEqual(names.get('10.1.2.3'), ['foo.example.org']);
    assert.deepEqual(names.get('192.168.1.8'), ['example.com']);
    const t202 = parseBytes(corpus(`${dir}/difficult/test202.pcapng`), 0, { customBlocks: true });
    assert.equal(t202.error, undefined);
    const g = goldenRows(`${dir}/difficult/test202.pcapng`);
    assert.deepEqual(t202.frames.map((f) => [String(f.num), f.hasTs ? epochText(f.tsSec, f.tsNsec) : '', String(f.len), String(f.caplen)]), g);
    assert.equal(t202.meta!.sections!.length, 3);
    assert.equal(parseBytes(corpus(`${dir}/difficult/test202.pcapng`)).frames.length, 8);
  }
});
