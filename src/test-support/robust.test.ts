// Robustness: corrupted and random captures run to the end with no exception escaping the pipeline
// and no dissector bug (the Engine's per-frame catch counts as a failure here, reported with the
// frame); the tree stays consistent; hostile record lengths are refused cleanly by the reader.
//
// Three sources of bad input:
// - `editcap -E 0.05 --seed S` over real captures (deterministic; skipped without editcap);
// - `randpkt -t TYPE` (randpkt has no seed: a failing file is kept and its path reported);
// - an in-process seeded mutator (mutate.ts), which needs no tools.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { corpusDir, readFieldList, readIndex } from './corpus.js';
import { resolveColumns, runCapture, type FieldColumns } from './pipeline.js';
import { treeProblem } from './tree-check.js';
import { mutateFrame, pcapBytes, prng, writePcap, type RawFrame } from './mutate.js';

const dir = corpusDir();
const skipCorpus = dir === undefined ? 'capture corpus (../shared/captures) not found' : false;

function hasTool(name: string): boolean {
  const r = spawnSync(name, ['-h'], { stdio: 'ignore' });
  return r.error === undefined;
}

/** Small captures covering the Foundation layers (Ethernet, VLAN, SLL/SLL2, null, raw, ARP, IPv4 fragments, IPv6 ext headers, ICMP/v6, TCP options, UDP, DNS, TLS). */
const VICTIMS = [
  'zeek/http/get.pcap', 'arkime/dns-wiresharkrepo.pcap', 'zeek/icmp/icmp6-nd-options.pcap', 'zeek/ipv6-http-atomic-frag.pcap',
  'zeek/q-in-q.pcap', 'zeek/linuxsll-arp.pcap', 'tcpdump/tcp-handshake-nano.pcap', 'zeek/tls/chrome-34-google.pcap',
  'zeek/ipv4/fragmented-1.pcap', 'zeek/icmp/icmp-destunreach-udp.pcap', 'tcpdump/mptcp-v1.pcap', 'zeek/linux_dlt_sll2.pcap',
  'gopacket/pcap/test_loopback.pcap', 'tcpdump/LINKTYPE_RAW_ipv6.pcap', 'ndpi/dns_fragmented.pcap', 'zeek/tcp/option-sack.pcap',
];

let columns: FieldColumns | undefined;
function cols(): FieldColumns {
  columns ??= resolveColumns(dir ? readFieldList(dir) : ['frame.number', 'frame.protocols', '_ws.col.Protocol', '_ws.col.Info']);
  return columns;
}

/**
 * Runs a capture as -V would (whole tree, checked for consistency), as -T fields would (the golden
 * columns) and as the plain summary would (no tree). Returns the problems found, each naming the
 * file and frame.
 */
async function problems(path: string, expectFrames?: number): Promise<string[]> {
  const out: string[] = [];
  const name = basename(path);
  for (const m of ['full', 'fields', 'summary'] as const) {
    const mode = m === 'full' ? '-V' : m === 'fields' ? '-T fields' : 'summary';
    let treeErrs = 0;
    const run = await runCapture(path, m === 'full'
      ? {
        mode: 'full',
        onPacket: (p) => {
          const e = treeProblem(p);
          if (e !== undefined && treeErrs++ < 3) out.push(`${name} frame ${p.num} (${mode}): tree: ${e}`);
        },
      }
      : m === 'fields' ? { mode: 'fields', columns: cols(), onPacket: () => {} } : { mode: 'summary', onPacket: () => {} });
    if (run.crash) out.push(`${name} (${mode}): exception escaped the pipeline after ${run.frames} frames: ${run.crash}`);
    for (const b of run.bugs.slice(0, 3)) out.push(`${name} frame ${b.frame} (${mode}): dissector bug: ${b.msg}`);
    if (run.error) out.push(`${name} (${mode}): reader error: ${run.error.message}`);
    if (expectFrames !== undefined && run.frames !== expectFrames) out.push(`${name} (${mode}): ${run.frames} frames, expected ${expectFrames}`);
  }
  return out;
}

/**
 * Problems grouped by kind (numbers and file names blurred), one example and a count each: the
 * assertion shows every distinct failure, not the first 30 of one kind.
 */
function distinct(all: string[]): string[] {
  const by = new Map<string, { n: number; ex: string }>();
  for (const s of all) {
    const key = s.replace(/^\S+/, '').replace(/\[.*\]$/, '').replace(/\d+/g, '#').replace(/"[^"]*"/g, '"…"');
    const e = by.get(key);
    if (e) e.n++;
    else by.set(key, { n: 1, ex: s });
  }
  return [...by.values()].map((e) => `${e.n}× e.g. ${e.ex}`);
}

/** Frames (copied) and link type of a single-link-type capture. */
async function loadFrames(path: string): Promise<{ linktype: number; frames: RawFrame[] }> {
  const frames: RawFrame[] = [];
  let linktype = -1;
  await runCapture(path, {
    mode: 'summary',
    onPacket: (_p, rec) => {
      linktype = rec.linktype;
      frames.push({ data: rec.buf.slice(rec.off, rec.off + rec.caplen), len: rec.len, sec: rec.tsSec, usec: Math.floor(rec.tsNsec / 1000) });
    },
  });
  return { linktype, frames };
}

/** Where failing random inputs are kept for reproduction. */
function keep(path: string): string {
  const d = join(tmpdir(), 'wirelens-robust-failures');
  mkdirSync(d, { recursive: true });
  const to = join(d, `${Date.now()}-${basename(path)}`);
  copyFileSync(path, to);
  return to;
}

test('seeded in-process corruption of real captures: runs to the end, tree consistent', { skip: skipCorpus }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wirelens-mutate-'));
  try {
    const all: string[] = [];
    for (const [k, v] of VICTIMS.entries()) {
      const { linktype, frames } = await loadFrames(join(dir!, v));
      assert.ok(frames.length > 0, `${v}: no frames read`);
      for (const seed of [1, 2, 3]) {
        const rnd = prng(seed * 1000 + k);
        const bad = frames.map((f) => mutateFrame(f, rnd));
        const out = join(tmp, `${v.replace(/\//g, '_')}.seed${seed}.pcap`);
        writePcap(out, linktype, bad);
        all.push(...(await problems(out, bad.length)).map((s) => `${s} [from ${v}, seed ${seed}]`));
      }
    }
    assert.deepEqual(distinct(all), [], `${all.length} problem(s)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('editcap -E 0.05 corrupted captures: runs to the end, tree consistent', { skip: skipCorpus || ((!hasTool('editcap') || !hasTool('mergecap')) && 'editcap/mergecap not installed') }, async () => {
  // One concatenation of all victims (a multi-interface pcapng), corrupted with three seeds:
  // four tool runs instead of one per file and seed.
  const tmp = mkdtempSync(join(tmpdir(), 'wirelens-editcap-'));
  try {
    const merged = join(tmp, 'victims.pcapng');
    const m = spawnSync('mergecap', ['-a', '-F', 'pcapng', '-w', merged, ...VICTIMS.map((v) => join(dir!, v))], { encoding: 'utf8' });
    assert.equal(m.status, 0, `mergecap failed: ${m.stderr}`);
    const all: string[] = [];
    for (const seed of [11, 12, 13]) {
      const out = join(tmp, `victims.E${seed}.pcapng`);
      const r = spawnSync('editcap', ['-E', '0.05', '--seed', String(seed), merged, out], { encoding: 'utf8' });
      assert.equal(r.status, 0, `editcap failed: ${r.stderr}`);
      all.push(...(await problems(out)).map((s) => `${s} [editcap -E 0.05 --seed ${seed} of mergecap -a ${VICTIMS.length} victims]`));
    }
    assert.deepEqual(distinct(all), [], `${all.length} problem(s)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

const RANDPKT_TYPES = ['eth', 'arp', 'ip', 'ipv6', 'icmp', 'tcp', 'udp', 'dns', 'llc', 'sctp'];

test('randpkt random packets: runs to the end, tree consistent', { skip: !hasTool('randpkt') && 'randpkt not installed' }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wirelens-randpkt-'));
  try {
    const all: string[] = [];
    for (const type of RANDPKT_TYPES) {
      const out = join(tmp, `randpkt-${type}.pcap`);
      const r = spawnSync('randpkt', ['-b', '400', '-c', '40', '-t', type, out], { encoding: 'utf8' });
      assert.equal(r.status, 0, `randpkt -t ${type} failed: ${r.stderr}`);
      const p = await problems(out, 40);
      if (p.length) all.push(...p.map((s) => `${s} [randpkt -t ${type}; kept as ${keep(out)}]`));
    }
    assert.deepEqual(distinct(all), [], `${all.length} problem(s)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('every corpus capture (< 20000 packets): tree internally consistent, columns as without a tree', { skip: skipCorpus }, async () => {
  // ~30k packets with the whole tree built (what -V, JSON and the UI get), compared with the
  // summary run's Protocol/Info (no tree): columns must not depend on what is built.
  const all: string[] = [];
  const modeDiffs: string[] = [];
  for (const e of readIndex(dir!)) {
    if (e.packets !== null && e.packets >= 20000) continue;
    const name = e.path;
    const cols: string[] = [];
    await runCapture(join(dir!, e.path), { mode: 'summary', onPacket: (p) => { cols[p.num] = `${p.proto} | ${p.info}`; } });
    let n = 0;
    await runCapture(join(dir!, e.path), {
      mode: 'full',
      onPacket: (p) => {
        const x = treeProblem(p);
        if (x !== undefined && n++ < 3) all.push(`${name} frame ${p.num}: ${x}`);
        const c = `${p.proto} | ${p.info}`;
        if (cols[p.num] !== undefined && cols[p.num] !== c && modeDiffs.length < 20) modeDiffs.push(`${name} frame ${p.num}: full tree "${c}", no tree "${cols[p.num]}"`);
      },
    });
  }
  // one assertion, so both kinds of problem are reported
  assert.deepEqual({ tree: distinct(all), columnsWithoutTree: modeDiffs }, { tree: [], columnsWithoutTree: [] },
    `${all.length} tree problem(s); ${modeDiffs.length} frame(s) whose Protocol/Info differ with and without the tree`);
});

// ---- the reader refuses hostile files cleanly ----

function pcapWithRecord(caplen: number, data: number, linktype = 1): Uint8Array {
  const good = pcapBytes(linktype, [{ data: new Uint8Array(60), len: 60, sec: 1, usec: 0 }]);
  const out = new Uint8Array(good.length + 16 + data);
  out.set(good);
  const dv = new DataView(out.buffer);
  dv.setUint32(good.length + 8, caplen, true);
  dv.setUint32(good.length + 12, caplen, true);
  return out;
}

interface ReadOutcome { frames: number; kind: string | undefined; message: string; crash: string | undefined }

async function readBytes(tmp: string, name: string, bytes: Uint8Array): Promise<ReadOutcome> {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  const run = await runCapture(path, { mode: 'summary', onPacket: () => {} });
  return { frames: run.frames, kind: run.error?.kind, message: run.error?.message ?? '', crash: run.crash };
}

test('hostile record lengths are refused with a clean error naming the file', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wirelens-hostile-'));
  try {
    // a record claiming 4 GiB: refused, not allocated; the good frame before it is delivered
    let r = await readBytes(tmp, 'huge.pcap', pcapWithRecord(0xfffffff0, 8));
    assert.equal(r.crash, undefined);
    assert.equal(r.frames, 1);
    assert.equal(r.kind, 'bad-record', r.message);
    assert.match(r.message, /huge\.pcap/);
    // over tshark's 262144-byte maximum, even with the bytes present: "damaged or corrupt"
    r = await readBytes(tmp, 'big.pcap', pcapWithRecord(300000, 300000));
    assert.equal(r.crash, undefined);
    assert.equal(r.kind, 'bad-record', r.message);
    // within limits but past the end of the file: cut short
    r = await readBytes(tmp, 'cut.pcap', pcapWithRecord(1000, 10));
    assert.equal(r.crash, undefined);
    assert.equal(r.frames, 1);
    assert.equal(r.kind, 'truncated', r.message);
    // a record header cut short
    r = await readBytes(tmp, 'cuthdr.pcap', pcapWithRecord(60, 0).subarray(0, 24 + 16 + 60 + 7));
    assert.equal(r.crash, undefined);
    assert.equal(r.frames, 1);
    assert.equal(r.kind, 'truncated', r.message);
    // a header-only pcap is an empty capture, not an error
    r = await readBytes(tmp, 'empty.pcap', pcapBytes(1, []));
    assert.deepEqual([r.frames, r.kind, r.crash], [0, undefined, undefined]);
    // not a capture at all
    r = await readBytes(tmp, 'junk.pcap', new TextEncoder().encode('this is not a capture file\n'));
    assert.equal(r.crash, undefined);
    assert.equal(r.kind, 'not-capture', r.message);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('hostile pcapng block lengths are refused with a clean error', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wirelens-hostile-ng-'));
  try {
    const shb = [0x0a0d0d0a, 28, 0x1a2b3c4d, 0x00000001, 0xffffffff, 0xffffffff, 28];
    const idb = [1, 20, 0x00000001 /* linktype 1, reserved 0 */, 262144, 20];
    const epb = (blen: number, caplen: number): number[] => [6, blen, 0, 0, 0, caplen, caplen, ...new Array<number>(15).fill(0), blen];
    const words = (ws: number[]): Uint8Array => {
      const b = new Uint8Array(ws.length * 4);
      const dv = new DataView(b.buffer);
      ws.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
      return b;
    };
    const good = epb(92, 60);
    // block length far past the end of the file
    let r = await readBytes(tmp, 'blen.pcapng', words([...shb, ...idb, ...good, 6, 0xfffffff0, 0, 0, 0]));
    assert.equal(r.crash, undefined);
    assert.equal(r.frames, 1);
    assert.ok(r.kind === 'truncated' || r.kind === 'bad-record', `${r.kind}: ${r.message}`);
    // packet length larger than its block
    r = await readBytes(tmp, 'caplen.pcapng', words([...shb, ...idb, ...epb(92, 0x7ffffff0)]));
    assert.equal(r.crash, undefined);
    assert.equal(r.kind, 'bad-record', r.message);
    // block length not a multiple of 4 / smaller than a block header
    r = await readBytes(tmp, 'small.pcapng', words([...shb, ...idb, 6, 8, 8]));
    assert.equal(r.crash, undefined);
    assert.equal(r.kind, 'bad-record', r.message);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

// ---- hostile nesting ----

/** An IPv4 header (checksum left 0) around `payload`. */
function ip4(payload: Uint8Array, proto: number): Uint8Array {
  const b = new Uint8Array(20 + payload.length);
  const dv = new DataView(b.buffer);
  dv.setUint8(0, 0x45);
  dv.setUint16(2, b.length);
  dv.setUint8(8, 64);
  dv.setUint8(9, proto);
  dv.setUint32(12, 0x0a000001);
  dv.setUint32(16, 0x0a000002);
  b.set(payload, 20);
  return b;
}

test('thousands of nested tunnels stop at tshark\'s layer limit, not at the JS stack', async () => {
  // 3000 IP-in-IP headers overflowed the stack ('Maximum call stack size exceeded' caught as a
  // dissector bug, frame.protocols empty); tshark lists 499 layers and reports its assertion
  const eth = Uint8Array.from([0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0x08, 0x00]);
  const frames: RawFrame[] = [];
  for (const n of [495, 3000]) {
    let pl = ip4(Uint8Array.from([0x04, 0xd2, 0x10, 0xe1, 0, 12, 0, 0, 0x61, 0x62, 0x63, 0x64]), 17);
    for (let i = 0; i < n; i++) pl = ip4(pl, 4);
    const data = new Uint8Array(eth.length + pl.length);
    data.set(eth);
    data.set(pl, eth.length);
    frames.push({ data, len: data.length, sec: 1, usec: 0 });
  }
  const tmp = mkdtempSync(join(tmpdir(), 'wirelens-deep-'));
  try {
    const path = join(tmp, 'deep.pcap');
    writePcap(path, 1, frames);
    const protos: string[] = [];
    const infos: string[] = [];
    const run = await runCapture(path, { mode: 'full', onPacket: (p) => { protos.push(p.protocolsString()); infos.push(`${p.proto} ${p.info}`); } });
    assert.equal(run.crash, undefined);
    assert.equal(run.frames, 2);
    const bug = './epan/packet.c:869: failed assertion "saved_layers_len < prefs.gui_max_tree_depth"';
    assert.deepEqual(run.bugs, [{ frame: 1, msg: bug }, { frame: 2, msg: bug }]);
    // tshark 4.0: 'eth:ethertype:ip:…:ip:udp' (499 layers), then 499 layers of IP
    assert.deepEqual(protos.map((s) => s.split(':').length), [499, 499]);
    assert.match(protos[0]!, /^eth:ethertype:ip:(ip:){495}udp$/);
    assert.deepEqual(infos, [`UDP 1234 → 4321 Len=4[Dissector bug, protocol UDP: ${bug}]`, `IPv4 [Dissector bug, protocol IPv4: ${bug}]`]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
