import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concat, CORPUS, needCorpus, parseBytes, type ParseResult, type Seen } from './corpus.test.js';
import { createParser } from './parser.js';
import { CaptureError, type FrameRecord, type InterfaceInfo } from './types.js';
import { CaptureWriter, type WritableFrame, type WriteFormat, type WriterInterface, type WriterOptions } from './writer.js';

/** Writes frames with a writer into one byte array. */
function write(opts: Omit<WriterOptions, 'sink'>, frames: WritableFrame[], lateIfaces: WriterInterface[] = []): Uint8Array {
  const pieces: Uint8Array[] = [];
  const w = new CaptureWriter({ ...opts, sink: (p) => pieces.push(opts.syncSink ? p.slice() : p) });
  for (const i of lateIfaces) w.addInterface(i);
  for (const f of frames) w.writeFrame(f);
  w.finish();
  return concat(...pieces);
}

const frameOf = (s: Seen): WritableFrame => ({
  tsSec: s.tsSec, tsNsec: s.tsNsec, caplen: s.caplen, len: s.len, iface: s.iface, buf: s.data, off: 0,
  comments: s.comments, epbFlags: s.epbFlags, hasTs: s.hasTs, blockType: s.blockType,
});

const iface = (linktype: number, tsUnitsPerSec: number, extra: Partial<InterfaceInfo> = {}): WriterInterface => ({ linktype, snaplen: 262144, tsUnitsPerSec, ...extra });
const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

const frames: WritableFrame[] = [
  { tsSec: 1362692526, tsNsec: 869344123, caplen: 61, len: 1514, iface: 0, buf: bytes(61, 1), off: 0, comments: ['first', 'ünïcode ✓'], epbFlags: 1, dropCount: 7 },
  { tsSec: 1700000000, tsNsec: 999999999, caplen: 3, len: 3, iface: 1, buf: bytes(10, 2), off: 4, comments: undefined, epbFlags: undefined },
  { tsSec: 4102444800, tsNsec: 123456789, caplen: 0, len: 60, iface: 2, buf: bytes(0, 0), off: 0 },
  { tsSec: 0, tsNsec: 0, caplen: 5, len: 5, iface: 0, buf: bytes(5, 3), off: 0, hasTs: false },
];
const ifaces = [
  iface(1, 1e9, { name: 'eth0', description: 'first', filter: 'tcp port 80', os: 'Linux 6.1', hardware: 'nic', fcsLen: 4, speed: 1e9 }),
  iface(101, 1e6, { name: 'raw0', tsOffset: 1000 }),
  iface(113, 2 ** 20),
];

test('writer: pcapng round trip — timestamps (ns), lengths, interfaces, comments, flags; both byte orders', () => {
  for (const bigEndian of [false, true]) {
    const out = write({ format: 'pcapng', interfaces: ifaces, bigEndian, comments: ['section comment'], os: 'TestOS' }, frames);
    const r = parseBytes(out);
    assert.equal(r.error, undefined);
    assert.equal(r.meta!.bigEndian, bigEndian);
    assert.equal(r.meta!.shbUserAppl, 'wirelens');
    assert.equal(r.meta!.shbOs, 'TestOS');
    assert.deepEqual(r.meta!.shbComments, ['section comment']);
    assert.deepEqual(r.meta!.interfaces.map((i) => [i.linktype, i.snaplen, i.name, i.description, i.filter, i.os, i.hardware, i.fcsLen, i.speed, i.tsUnitsPerSec, i.tsOffset]), [
      [1, 262144, 'eth0', 'first', 'tcp port 80', 'Linux 6.1', 'nic', 4, 1e9, 1e9, 0],
      [101, 262144, 'raw0', undefined, undefined, undefined, undefined, undefined, undefined, 1e6, 1000],
      [113, 262144, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 2 ** 20, 0],
    ]);
    const got = r.frames.map((f) => [f.tsSec, f.tsNsec, f.caplen, f.len, f.iface, f.comments, f.epbFlags, [...f.data]]);
    assert.deepEqual(r.frames.map((f) => f.dropCount), [7, undefined, undefined, undefined]);
    assert.deepEqual(got, [
      [1362692526, 869344123, 61, 1514, 0, ['first', 'ünïcode ✓'], 1, [...bytes(61, 1)]],
      [1700000000, 999999000, 3, 3, 1, undefined, undefined, [...bytes(10, 2).subarray(4, 7)]], // µs interface
      [4102444800, 123456001, 0, 60, 2, undefined, undefined, []], // 2^-20 s units: truncated to 129453 units
      [0, 0, 5, 5, 0, undefined, undefined, [...bytes(5, 3)]], // no timestamp → 0, as tshark writes SPBs
    ]);
  }
});

test('writer: pcap µs truncates nanoseconds (as editcap), nsec pcap keeps them; big-endian pcap', () => {
  for (const [format, nsec] of [['pcap', 869344000], ['pcap-nsec', 869344123]] as [WriteFormat, number][]) {
    for (const bigEndian of [false, true]) {
      const out = write({ format, interfaces: [iface(1, 1e9)], bigEndian }, [{ ...frames[0]!, comments: undefined }, { ...frames[0]!, iface: -1, tsNsec: 999 }]);
      const r = parseBytes(out);
      assert.equal(r.meta!.format, format);
      assert.equal(r.meta!.bigEndian, bigEndian);
      assert.deepEqual(r.frames.map((f) => [f.tsSec, f.tsNsec, f.caplen, f.len]), [[1362692526, nsec, 61, 1514], [1362692526, format === 'pcap' ? 0 : 999, 61, 1514]]);
      assert.equal(r.meta!.interfaces[0]!.snaplen, 262144);
    }
  }
});

test('writer: pcap holds one link type; custom records only in pcapng (0x40000BAD dropped)', () => {
  assert.throws(() => write({ format: 'pcap', interfaces: ifaces }, []), (e: unknown) => e instanceof CaptureError && e.message === `The capture file being read can't be written as a "pcap" file.`);
  assert.throws(() => write({ format: 'pcap-nsec', interfaces: ifaces }, []), { message: `The capture file being read can't be written as a "nsecpcap" file.` });
  const custom = (blockType: number): WritableFrame => ({ tsSec: 0, tsNsec: 0, caplen: 4, len: 4, iface: -1, buf: bytes(4, 9), off: 0, blockType, customPen: 32473, hasTs: false, num: 1 });
  const out = write({ format: 'pcapng', interfaces: [ifaces[0]!] }, [custom(0xbad), frames[0]!, custom(0x40000bad)]);
  const r = parseBytes(out, 0, { customBlocks: true });
  assert.deepEqual(r.frames.map((f) => [f.blockType, [...f.data]]), [[0xbad, [...bytes(4, 9)]], [6, [...bytes(61, 1)]]]);
  assert.throws(() => write({ format: 'pcap', interfaces: [ifaces[0]!], inputName: 'in.pcapng' }, [custom(0xbad)]), { message: `Record 1 of file "in.pcapng" has a record type that can't be saved in a "pcap" file.` });
});

test('writer: small buffers, reused (sync sink) or handed over, give the same bytes; interfaces added late', () => {
  const big: WritableFrame[] = Array.from({ length: 50 }, (_, k) => ({ tsSec: 1e9 + k, tsNsec: k, caplen: 1000 + k * 37, len: 2000, iface: k % 2, buf: bytes(3000, k), off: k, comments: k % 7 ? undefined : [`c${k}`] }));
  for (const format of ['pcapng', 'pcap-nsec'] as WriteFormat[]) {
    const ifs = format === 'pcapng' ? [iface(1, 1e9), iface(1, 1e6)] : [iface(1, 1e9), iface(1, 1e9)];
    const ref = write({ format, interfaces: ifs }, big);
    assert.deepEqual(write({ format, bufferSize: 4096, syncSink: true }, big, ifs), ref);
    assert.deepEqual(write({ format, bufferSize: 4096 }, big, ifs), ref);
    const r = parseBytes(ref);
    assert.equal(r.frames.length, 50);
    assert.deepEqual(r.frames[49]!.data, bytes(3000, 49).subarray(49, 49 + 1000 + 49 * 37));
  }
  // an empty pcap still gets its header
  assert.equal(write({ format: 'pcap' }, []).length, 24);
  assert.equal(parseBytes(write({ format: 'pcapng' }, [])).meta!.format, 'pcapng');
});

/** Reads a corpus file, writes it in `format`, reads the result back. */
function roundTrip(path: string, format: WriteFormat): [ParseResult, ParseResult] {
  const input = new Uint8Array(readFileSync(join(CORPUS!, path)));
  const a = parseBytes(input, 0, { customBlocks: true });
  const pieces: Uint8Array[] = [];
  const p = createParser(input, { customBlocks: true });
  let w: CaptureWriter | undefined;
  p.push(input, (r: FrameRecord) => {
    w ??= new CaptureWriter({ format, sink: (x) => pieces.push(x), comments: p.meta!.shbComments });
    w.syncInterfaces(p.meta!.interfaces);
    w.writeFrame(r);
  });
  p.end();
  w!.finish();
  return [a, parseBytes(concat(...pieces), 0, { customBlocks: true })];
}

test('writer: corpus round trips (pcap → pcapng / pcap, pcapng → pcapng)', needCorpus, () => {
  const strip = (s: Seen, usec: boolean): unknown[] => [s.tsSec, usec ? s.tsNsec - (s.tsNsec % 1000) : s.tsNsec, s.caplen, s.len, s.linktype, [...s.data].join()];
  for (const path of ['zeek/http/get.pcap', 'tcpdump/tcp-handshake-nano.pcap', 'arkime/bigendian.pcap', 'ndpi/rtp.pcapng', 'pcapng-test-generator/output_be/basic/test009.pcapng', 'pcapng-test-generator/output_le/basic/test008.pcapng', 'zeek/pcapng-multi-interface.pcapng']) {
    const [a, b] = roundTrip(path, 'pcapng');
    assert.equal(b.error, undefined, path);
    assert.deepEqual(b.frames.map((s) => strip(s, false)), a.frames.map((s) => strip(s, false)), path);
    assert.deepEqual(b.frames.map((s) => [s.comments, s.epbFlags]), a.frames.map((s) => [s.comments, s.epbFlags]), path);
    assert.deepEqual(b.meta!.interfaces.map((i) => [i.name, i.tsUnitsPerSec]), a.meta!.interfaces.map((i) => [i.name, i.tsUnitsPerSec]), path);
    if (a.meta!.interfaces.every((i) => i.linktype === a.meta!.interfaces[0]!.linktype)) {
      const [, c] = roundTrip(path, 'pcap');
      assert.deepEqual(c.frames.map((s) => strip(s, true)), a.frames.map((s) => strip(s, true)), path);
    }
  }
});
