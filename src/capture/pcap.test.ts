import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, epochText, goldenRows, needCorpus, parseBytes, pcapFile } from './corpus.test.js';
import { createParser, detectFormat } from './parser.js';
import { CaptureError } from './types.js';

const data = (n: number, fill = n): Uint8Array => new Uint8Array(n).fill(fill & 0xff);

test('pcap: both byte orders, µs and ns magics', () => {
  for (const le of [true, false]) {
    for (const nsec of [false, true]) {
      const f = pcapFile({ le, nsec, linktype: 101, snaplen: 1234 }, [
        { sec: 1362692526, frac: nsec ? 869344123 : 869344, data: data(60) },
        { sec: 4294967295, frac: nsec ? 999999999 : 999999, data: data(1), len: 1500 },
      ]);
      assert.equal(detectFormat(f), 'pcap');
      const r = parseBytes(f);
      assert.equal(r.error, undefined);
      assert.equal(r.meta!.format, nsec ? 'pcap-nsec' : 'pcap');
      assert.equal(r.meta!.bigEndian, !le);
      assert.deepEqual([r.meta!.interfaces[0]!.linktype, r.meta!.interfaces[0]!.snaplen, r.meta!.interfaces[0]!.tsUnitsPerSec], [101, 1234, nsec ? 1e9 : 1e6]);
      assert.equal(r.frames.length, 2);
      const [a, b] = r.frames;
      assert.deepEqual([a!.num, a!.tsSec, a!.tsNsec, a!.caplen, a!.len, a!.linktype, a!.iface, a!.fileOffset], [1, 1362692526, nsec ? 869344123 : 869344000, 60, 60, 101, -1, 24]);
      assert.deepEqual([b!.num, b!.tsSec, b!.tsNsec, b!.caplen, b!.len, b!.fileOffset], [2, 4294967295, 999999999 - (nsec ? 0 : 999), 1, 1500, 24 + 16 + 60]);
      assert.deepEqual(a!.data, data(60));
    }
  }
});

test('pcap: records split across chunks at every boundary give the same frames', () => {
  const f = pcapFile({}, [{ sec: 1, frac: 2, data: data(70, 1) }, { sec: 3, frac: 4, data: data(0) }, { sec: 5, frac: 6, data: data(33, 7) }]);
  const whole = parseBytes(f);
  for (const chunk of [1, 2, 3, 5, 7, 16, 17, 23, 24, 25, 40, 41, 64]) {
    const r = parseBytes(f, chunk);
    assert.equal(r.error, undefined, `chunk ${chunk}`);
    assert.deepEqual(r.frames, whole.frames, `chunk ${chunk}`);
  }
});

test('pcap: link type word — FCS bits masked off, reserved bits refused', () => {
  const ok = parseBytes(pcapFile({ linktype: 0x10000001 }, [{ sec: 0, frac: 0, data: data(4) }]));
  assert.equal(ok.frames[0]!.linktype, 1);
  const bad = parseBytes(pcapFile({ linktype: 0x00010001 }, []));
  assert.equal(bad.error?.kind, 'unsupported');
  assert.equal(bad.error?.message, `The standard input contains record data that wirelens doesn't support.\n(pcap: network type reserved field not zero (0x00010000))`);
});

test('pcap: unsupported link types are not a reader error', () => {
  const r = parseBytes(pcapFile({ linktype: 284 }, [{ sec: 0, frac: 0, data: data(10) }]));
  assert.equal(r.error, undefined);
  assert.equal(r.frames[0]!.linktype, 284);
});

test('pcap: versions 2.0–2.2 store len before caplen; 2.3 swaps when caplen > len', () => {
  // written fields (caplen, len) = (60, 50): in 2.2 that means caplen 50, len 60
  const v22 = parseBytes(pcapFile({ minor: 2 }, [{ sec: 0, frac: 0, data: data(50), caplen: 60, len: 50 }]));
  assert.deepEqual([v22.frames[0]!.caplen, v22.frames[0]!.len], [50, 60]);
  const v23 = parseBytes(pcapFile({ minor: 3 }, [{ sec: 0, frac: 0, data: data(50), caplen: 60, len: 50 }, { sec: 0, frac: 0, data: data(40), caplen: 40, len: 50 }]));
  assert.deepEqual(v23.frames.map((f) => [f.caplen, f.len]), [[50, 60], [40, 50]]);
  assert.equal(parseBytes(pcapFile({ minor: 0 }, []).slice(0, 24)).error, undefined);
});

test('pcap: major version 1 is refused as tshark does', () => {
  const f = pcapFile({}, []);
  f[4] = 1;
  const r = parseBytes(f);
  assert.equal(r.error?.message, `The standard input contains record data that wirelens doesn't support.\n(pcap: major version 1 unsupported)`);
});

test('pcap: hostile caplen is refused with the offset, before any allocation', () => {
  // the record claims 2 GiB; only its header is present: the error comes at once, not at end()
  const f = pcapFile({}, [{ sec: 0, frac: 0, data: data(10) }]);
  const huge = new Uint8Array([...f.slice(0, 24 + 16 + 10), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x80, 0, 0, 0, 0]);
  const p = createParser(huge, { name: 'x.pcap' });
  let n = 0;
  assert.throws(() => p.push(huge, () => { n++; }), (e: unknown) => {
    assert.ok(e instanceof CaptureError);
    assert.equal(e.kind, 'bad-record');
    assert.equal(e.offset, 50);
    assert.equal(e.message, 'The file "x.pcap" appears to be damaged or corrupt.\n(pcap: File has 2147483648-byte packet, bigger than maximum of 262144; at file offset 50)');
    return true;
  });
  assert.equal(n, 1);
  // USB link types allow 128 MiB records (tshark's limits)
  const usb = parseBytes(pcapFile({ linktype: 220 }, [{ sec: 0, frac: 0, data: data(300000) }]));
  assert.equal(usb.error, undefined);
  assert.equal(usb.frames[0]!.caplen, 300000);
});

test('pcap: cut short — whole packets first, then tshark\'s messages', () => {
  const f = pcapFile({}, [{ sec: 1, frac: 0, data: data(30) }, { sec: 2, frac: 0, data: data(30) }]);
  const cases: [number, number, string][] = [
    [0, 0, ''],
    [3, 0, 'cut short in the middle of a packet or other data.'],
    [10, 0, 'cut short in the middle of a packet or other data.'],
    [24, 0, ''],
    [30, 0, 'cut short in the middle of a packet.'],
    [24 + 46, 1, ''],
    [24 + 46 + 20, 1, 'cut short in the middle of a packet.'],
    [f.length - 1, 1, 'cut short in the middle of a packet.'],
    [f.length, 2, ''],
  ];
  for (const [cut, frames, msg] of cases) {
    for (const chunk of [0, 7]) {
      const r = parseBytes(f.slice(0, cut), chunk, { name: 'cut.pcap' });
      assert.equal(r.frames.length, frames, `cut ${cut}`);
      assert.equal(r.error?.message ?? '', msg && `The file "cut.pcap" appears to have been ${msg}`, `cut ${cut}`);
      if (msg) assert.equal(r.error?.kind, 'truncated');
    }
  }
});

test('pcap: stop requested ends the parse', () => {
  const f = pcapFile({}, [{ sec: 1, frac: 0, data: data(3) }, { sec: 2, frac: 0, data: data(3) }, { sec: 3, frac: 0, data: data(3) }]);
  const p = createParser(f);
  const seen: number[] = [];
  assert.equal(p.push(f, (r) => { seen.push(r.num); return r.num < 2; }), false);
  assert.deepEqual(seen, [1, 2]);
  assert.equal(p.push(f, () => { seen.push(99); }), false);
  p.end(); // no truncation error after a stop
  assert.deepEqual(seen, [1, 2]);
});

test('pcap: not a capture file', () => {
  const txt = new TextEncoder().encode('# wirelens\nnot a capture\n');
  assert.throws(() => createParser(txt, { name: 'README.md' }), { message: `The file "README.md" isn't a capture file in a format wirelens understands.` });
  const r = parseBytes(new Uint8Array(0));
  assert.equal(r.error, undefined);
  assert.equal(r.frames.length, 0);
});

test('pcap: corpus files (big-endian, ns, timestamps tshark keeps unnormalised)', needCorpus, () => {
  for (const path of ['arkime/bigendian.pcap', 'tcpdump/tcp-handshake-nano.pcap', 'tcpdump/timestamp_invalid_nano.pcap', 'zeek/http/get.pcap', 'tcpdump/isup.pcap']) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS!, path)));
    const r = parseBytes(bytes, 4096);
    assert.equal(r.error, undefined, path);
    const g = goldenRows(path);
    assert.equal(r.frames.length, g.length, path);
    r.frames.forEach((f, i) => assert.deepEqual([String(f.num), epochText(f.tsSec, f.tsNsec), String(f.len), String(f.caplen)], g[i], `${path} #${i + 1}`));
  }
});
