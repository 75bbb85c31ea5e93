// Differential test of the dispatch gate (core/prune.ts): over the corpus (captures up to 20,000 packets), for a table of
// varied display filters, the packets displayed with pruning and their summary lines equal those
// of the unpruned run. The unpruned reference is one pass per capture that evaluates every filter
// on the fully dissected packet (want = the union of the filters' fields); the pruned runs are one
// per filter and capture where the reference displays something.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { corpusDir, readIndex } from '../test-support/corpus.js';
import { runPipeline, type PacketFilter } from './pipeline.js';
import { compileFilter, type CompiledFilter } from '../dfilter/index.js';
import type { Packet } from '../core/packet.js';
import type { FrameRecord } from '../capture/types.js';
import { summaryLine } from './output/summary.js';
import { DispatchGate, undeclaredUnder, GATED, prunable, prunableOutput } from '../core/prune.js';
import { fieldsRow, resolveFieldColumns, type FieldColumns } from './output/fields.js';
import { prng } from '../test-support/mutate.js';
import { fields, fieldByName, fieldCount } from '../core/field.js';
import { fieldHosts } from '../dfilter/require.js';
import { PreWalk } from '../core/prewalk.js';
import { findHandle } from '../core/table.js';

const FILTERS = [
  'icmp',
  'ip.addr == 10.77.0.2 and icmp',
  'icmp and ip.src == 192.168.0.0/16',
  'tcp',
  'udp',
  'arp',
  'arp or icmp',
  'ipv6',
  'icmpv6',
  'tcp.port in {80 443} and tcp.len > 1000',
  'tcp.analysis.retransmission',
  'tcp.flags.syn == 1 and tcp.flags.ack == 0',
  'udp.port == 53',
  'eth.type == 0x0806',
  'ip.ttl < 64 and udp',
  'icmp.type == 3',
  'vlan',
  'ip and not tcp',
  'tcp or icmp',
  'tcp.stream == 1',
  'udp.length > 100 and ip.proto == 17',
  'icmpv6 or (arp and eth.src[0] == 0)',
  'vlan or arp',
  'vlan or icmp',
  // the raw pre-dispatch walk (core/prewalk.ts): filters that reject most packets, tunnels, tags
  'dns',
  'http',
  'ip.addr == 10.0.0.1',
  'ipv6 and udp',
  'icmp and udp',
  'icmp and tcp',
  'ieee8021ad',
  'vlan and ip',
  'gre',
  'vxlan',
  'teredo',
  'udp.port == 4789 or udp.port == 3544',
  'arp.opcode == 2',
  'ip.proto == 1',
  'ipv6.nxt == 58 and icmpv6.type == 135',
  // frames skipped unseen must still move frame.time_delta / time_relative of the next ones
  'icmp and frame.time_delta < 0.2',
  'arp and frame.time_relative > 1',
  // fields some dissectors add under another protocol's layer (IPv6 adds ip.version; SLL and
  // VLAN add eth.padding / eth.trailer)
  'ip.version == 6',
  'eth.padding',
  'eth.trailer',
  // global stream numbers of ICMP-quoted transport headers
  'icmp and udp.stream == 1',
  'icmp and tcp.stream == 2',
];

const dir = corpusDir();

interface Differential {
  /** corpus captures of at most this many packets */
  maxPackets: number;
  /** the output's fields (both runs), beside the filters' own */
  want?: Uint8Array;
  /** what is compared of a displayed packet */
  line: (p: Packet) => string;
  /** sees, in the reference pass, each frame and whether filter i matches it */
  check?: (i: number, matched: boolean, rec: FrameRecord, path: string) => void;
}

/**
 * Over the corpus: for each filter, the lines of the packets a pruned run displays equal those of
 * the unpruned reference, one pass per capture that evaluates every filter on the full dissection
 * (the pruned runs are one per filter and capture where the reference displays something: a
 * capture where nothing matches unpruned cannot match pruned either, the gate only skips a layer
 * when a protocol every match needs cannot appear any more, see require.ts). Returns the lines
 * compared and the captures read.
 */
async function prunedEqualsUnpruned(filters: readonly CompiledFilter[], o: Differential): Promise<{ compared: number; captures: number }> {
  const union = new Uint8Array(fieldCount());
  for (const w of [...filters.map((f) => f.want), o.want ?? union]) for (let i = 0; i < union.length; i++) union[i]! |= w[i] ?? 0;
  const all: PacketFilter = { match: () => true, want: union };
  let compared = 0;
  let captures = 0;
  for (const e of readIndex(dir!)) {
    if (e.packets !== null && e.packets > o.maxPackets) continue;
    captures++;
    const path = join(dir!, e.path);
    const ref: string[][] = filters.map(() => []);
    await runPipeline(path, { filter: all, cols: true, want: o.want }, (p, ctx) => {
      let line: string | undefined;
      for (let i = 0; i < filters.length; i++) {
        const m = filters[i]!.match(p);
        if (m) ref[i]!.push(line ??= o.line(p));
        o.check?.(i, m, ctx.rec, e.path);
      }
    });
    for (let i = 0; i < filters.length; i++) {
      if (ref[i]!.length === 0) continue;
      const got: string[] = [];
      await runPipeline(path, { filter: filters[i]!, cols: true, want: o.want, prune: true }, (p) => { got.push(o.line(p)); });
      assert.deepEqual(got, ref[i], `${e.path}: -Y '${filters[i]!.text}'`);
      compared += got.length;
    }
  }
  return { compared, captures };
}

test('pruned dissection displays the same packets with the same summary lines', { skip: dir === undefined ? 'no ../shared/captures' : false, timeout: 600_000 }, async (t) => {
  const filters = FILTERS.map((t) => {
    const r = compileFilter(t);
    assert.ok(r.ok, t);
    return r.filter;
  });
  // filters the gate can do something with (the others run unpruned anyway)
  const gated = filters.filter((f) => DispatchGate.build(f.required) !== undefined);
  assert.ok(gated.length >= 12, `only ${gated.length} filters prune`);
  // the raw walk of each filter: a frame it skips must not match on the full dissection
  const walks = gated.map((f) => PreWalk.build(DispatchGate.build(f.required)!));
  let walked = 0;
  // (one 82,582-packet capture alone would double the test's time; everything else is checked)
  const { compared: checked } = await prunedEqualsUnpruned(gated, {
    maxPackets: 20_000,
    line: (p) => summaryLine(p, ''),
    check: (i, m, r, path) => {
      if (walks[i]?.skips(r.buf, r.dv, r.off, r.caplen, r.linktype, r.blockType)) {
        walked++;
        assert.ok(!m, `${path} frame ${r.num}: the walk skips it, but -Y '${gated[i]!.text}' matches`);
      }
    },
  });
  assert.ok(checked > 1000, `${checked} displayed packets compared`);
  t.diagnostic(`${gated.length} pruning filters; ${checked} displayed packets compared; ${walked} (frame, filter) pairs skipped by the walk`);
  assert.ok(walked > 50_000, `the walk skipped only ${walked} frames`);
});

test('-T fields rows of the protocols a pruned run may print equal those of the unpruned run', { skip: dir === undefined ? 'no ../shared/captures' : false, timeout: 600_000 }, async (t) => {
  // every field of frame, Ethernet, VLAN, ARP, IP, IPv6, ICMP, ICMPv6 and UDP the gate lets a
  // pruned run print (core/prune.ts prunableOutput), as -T fields -E occurrence=a prints them
  const safeProtos = new Set(['frame', 'eth', 'vlan', 'ieee8021ad', 'arp', 'ip', 'ipv6', 'icmp', 'icmpv6', 'udp'].map((n) => fieldByName(n)!.id));
  // (frame.time_delta_displayed depends on which frames the filter displays: the reference below
  // displays all; the test after next compares it with unpruned runs of each filter)
  const names = fields.filter((f) => !f.isProtocol && safeProtos.has(f.parent)).map((f) => f.abbrev)
    .filter((n) => n !== 'frame.time_delta_displayed' && prunableOutput(resolveOk([n]).want));
  assert.ok(names.length > 400, `${names.length} fields`);
  const cols = resolveOk(names);
  assert.ok(prunableOutput(cols.want));
  const filters = FILTERS.map((x) => compileFilter(x)).flatMap((r) => (r.ok ? [r.filter] : []))
    .filter((f) => prunable(f.want) && DispatchGate.build(f.required) !== undefined);
  const { compared } = await prunedEqualsUnpruned(filters, { maxPackets: 20_000, want: cols.want, line: (p) => `${p.num}\t${fieldsRow(p, cols)}` });
  t.diagnostic(`${names.length} fields, ${filters.length} filters, ${compared} rows compared`);
  assert.ok(compared > 1000, `${compared} rows compared`);
});

test('random and/or/not combinations of protocols and fields: pruned runs display the frames unpruned runs display', { skip: dir === undefined ? 'no ../shared/captures' : false, timeout: 600_000 }, async (t) => {
  // the hand-written FILTERS miss shapes (a link layer inside an 'or' was pruned wrongly once):
  // seeded random filters over the gated protocols, a few fields and protocols above them
  const ATOMS = ['eth', 'vlan', 'ieee8021ad', 'arp', 'ip', 'ipv6', 'icmp', 'icmpv6', 'tcp', 'udp', 'dns', 'http', 'tls',
    'ip.ttl < 64', 'tcp.port == 80', 'udp.port == 53', 'eth.src[0] == 0', 'arp.opcode == 1', 'icmp.type == 8', 'ipv6.hlim > 1', 'frame.len > 100'];
  const rnd = prng(20261124);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const gen = (depth: number): string => {
    const r = rnd();
    if (depth === 0 || r < 0.3) return pick(ATOMS);
    if (r < 0.4) return `not ${gen(depth - 1)}`;
    return `(${gen(depth - 1)} ${r < 0.7 ? 'and' : 'or'} ${gen(depth - 1)})`;
  };
  const filters: NonNullable<ReturnType<typeof compileFilter> & { ok: true }>['filter'][] = [];
  const texts = new Set<string>();
  while (filters.length < 60 && texts.size < 2000) {
    const text = gen(3);
    if (texts.has(text)) continue;
    texts.add(text);
    const r = compileFilter(text);
    assert.ok(r.ok, text);
    if (prunable(r.filter.want) && DispatchGate.build(r.filter.required) !== undefined) filters.push(r.filter);
  }
  assert.ok(filters.length >= 40, `${filters.length} pruning filters generated`);
  const { compared, captures } = await prunedEqualsUnpruned(filters, { maxPackets: 3_000, line: (p) => String(p.num) });
  t.diagnostic(`${filters.length} random pruning filters over ${captures} captures: ${compared} displayed frames compared`);
  assert.ok(compared > 10_000, `${compared} frames compared`);
});

function resolveOk(names: string[]): FieldColumns {
  const r = resolveFieldColumns(names);
  assert.ok(r.ok, names.join(' '));
  return r.columns;
}

test('which output fields a pruned run may print', () => {
  const ok = (...n: string[]): boolean => prunableOutput(resolveOk(n).want);
  assert.ok(ok('frame.number', 'ip.src', 'icmp.seq', 'icmp.resp_to', 'udp.srcport', 'arp.opcode', 'eth.src', 'ipv6.dst'));
  assert.ok(ok('_ws.col.Info'), 'the columns are what a summary prints');
  // a quoted TCP header's relative numbers come from its connection's packets; conversation state
  for (const n of ['tcp.seq', 'tcp.srcport', 'udp.stream', 'tcp.stream', 'udp.time_relative', 'dns.qry.name', 'http.host']) assert.ok(!ok('ip.src', n), n);
});

test('the gate knows every dissector on TCP (a new one must be declared in core/prune.ts, or TCP is never skipped)', () => {
  assert.deepEqual(undeclaredUnder('tcp.port'), []);
  // UDP carries tunnels (VXLAN, Geneve, Teredo, GTP-U: IP or Ethernet inside), so it stays unskippable
  assert.deepEqual(undeclaredUnder('udp.port'), ['geneve', 'gtp', 'teredo', 'vxlan']);
  const r = compileFilter('ip.addr == 10.77.0.2 and icmp');
  assert.ok(r.ok);
  const gate = DispatchGate.build(r.filter.required);
  assert.ok(gate !== undefined && gate.prunes(findHandle('tcp')!.fn), 'an ICMP filter skips TCP');
  // a global conversation index is renumbered when other conversations are skipped
  assert.ok(prunable(r.filter.want));
  for (const text of ['icmp and tcp.stream == 2', 'udp.stream == 1 and icmp']) {
    const x = compileFilter(text);
    assert.ok(x.ok && !prunable(x.filter.want), text);
  }
});

test('frames skipped by the walk keep -c and the previous displayed frame (frame.time_delta_displayed) as without pruning', { skip: dir === undefined ? 'no ../shared/captures' : false, timeout: 120_000 }, async () => {
  // time_delta_displayed depends on which frames are displayed, so it is compared against an
  // unpruned run of the same filter (the union reference of the test above displays everything)
  const texts = ['icmpv6 and frame.time_delta_displayed < 1', 'icmp and frame.time_delta_displayed > 0.5', 'arp or (icmp and frame.time_delta_displayed < 0.01)'];
  const caps = ['arkime/v6-http.pcap', 'zeek/icmp/5-pings.pcap', 'zeek/icmp/icmp-destunreach-udp.pcap', 'zeek/arp-who-has.pcap', 'zeek/linuxsll-arp.pcap', 'zeek/linux_dlt_sll2.pcap', 'tcpdump/802.1ad_QinQ.pcap', 'ndpi/1kxun.pcap'];
  let compared = 0;
  for (const text of texts) {
    const r = compileFilter(text);
    assert.ok(r.ok, text);
    for (const c of caps) {
      const path = join(dir!, c);
      for (const count of [undefined, 40]) {
        const run = async (prune: boolean): Promise<[string[], number]> => {
          const got: string[] = [];
          const res = await runPipeline(path, { filter: r.filter, cols: true, prune, count }, (p) => { got.push(`${p.num} ${summaryLine(p, '')}`); });
          return [got, res.frames];
        };
        const [want, wantFrames] = await run(false);
        const [got, gotFrames] = await run(true);
        assert.deepEqual(got, want, `${c}: -Y '${text}'${count === undefined ? '' : ` -c ${count}`}`);
        assert.equal(gotFrames, wantFrames);
        compared += got.length;
      }
    }
  }
  assert.ok(compared > 20, `${compared} displayed packets compared`);
});

test('a field of a gated protocol appears only with its protocol layer or a host declared in dfilter/require.ts', { skip: dir === undefined ? 'no ../shared/captures' : false, timeout: 600_000 }, async (t) => {
  // the requirement sets name a field's protocol; a dissector adding the field under another
  // layer (IPv6's hidden ip.version …) would let the gate and the walk skip a matching packet
  const gated = new Set(GATED.map((n) => fieldByName(n)!.id));
  const want = new Uint8Array(fieldCount());
  for (const f of fields) if (!f.isProtocol && gated.has(f.parent)) want[f.id] = 1;
  const bad = new Map<string, string>();
  const ipv6Version = fieldByName('ipv6.version')!.id;
  const ipv6Bogus = fieldByName('ipv6.bogus_ipv6_version')?.id;
  let items = 0;
  for (const e of readIndex(dir!)) {
    if (e.packets !== null && e.packets > 20_000) continue;
    await runPipeline(join(dir!, e.path), { want, cols: false }, (p) => {
      const tr = p.tree;
      for (let i = 0; i < tr.n; i++) {
        const fid = tr.fid[i]!;
        if (fid >= want.length || want[fid] === 0) continue;
        // an IPv6 header with a bad version is shown but refused (no layer): the caller shows the
        // rest as data, so nothing is dispatched after it, and the walk stops at a bad version
        if (fid === ipv6Version || fid === ipv6Bogus) continue;
        items++;
        const hosts = fieldHosts(fid);
        let ok = false;
        for (let j = 0; j < p.nlayers && !ok; j++) ok = hosts.includes(p.layers[j]!);
        if (!ok) {
          const ab = fields[fid]!.abbrev;
          if (!bad.has(ab)) bad.set(ab, `${e.path} #${p.num} layers ${[...p.layers.subarray(0, p.nlayers)].map((x) => fields[x]!.abbrev).join(':')}`);
        }
      }
    });
  }
  t.diagnostic(`${items} items of gated protocols' fields checked`);
  assert.deepEqual([...bad].map(([k, v]) => `${k}: ${v}`), []);
});

/** A pcap of Ethernet frames (µs timestamps 1 ms apart). */
function pcapOf(frames: Uint8Array[]): Uint8Array {
  const parts: number[] = [];
  const u32 = (v: number): void => { parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24); };
  const u16 = (v: number): void => { parts.push(v & 0xff, v >>> 8); };
  u32(0xa1b2c3d4); u16(2); u16(4); u32(0); u32(0); u32(65535); u32(1);
  frames.forEach((f, i) => { u32(1700000000); u32(i * 1000); u32(f.length); u32(f.length); parts.push(...f); });
  return Uint8Array.from(parts);
}

/** One's complement sum, folded and inverted. */
function inet(b: number[]): number {
  let s = 0;
  for (let i = 0; i < b.length; i += 2) s += (b[i]! << 8) | (b[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

/** An ICMP echo (type 8 or 0) from `src` to `dst` in IPv4, after the given link header. */
function echo(link: number[], type: number, src: number[], dst: number[]): Uint8Array {
  const icmp = [type, 0, 0, 0, 0x12, 0x34, 0, 1, ...Array.from('abcdefghijklmnop', (c) => c.charCodeAt(0))];
  const ck = inet(icmp);
  icmp[2] = ck >> 8; icmp[3] = ck & 0xff;
  const len = 20 + icmp.length;
  const ip = [0x45, 0, len >> 8, len & 0xff, 0, 1, 0, 0, 64, 1, 0, 0, ...src, ...dst];
  const ik = inet(ip);
  ip[10] = ik >> 8; ip[11] = ik & 0xff;
  return Uint8Array.from([...link, ...ip, ...icmp]);
}

test('a link layer is never a reason to skip: the untagged request of a VLAN-tagged reply is still matched', async (t) => {
  // one direction tagged (VLAN 10), the other not, as a switch port can capture them
  const a = [10, 0, 0, 1], b = [10, 0, 0, 2];
  const macA = [2, 0, 0, 0, 0, 1], macB = [2, 0, 0, 0, 0, 2];
  const dir = mkdtempSync(join(tmpdir(), 'wirelens-prune-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'asym.pcap');
  writeFileSync(path, pcapOf([
    echo([...macB, ...macA, 0x08, 0x00], 8, a, b),
    echo([...macA, ...macB, 0x81, 0x00, 0x00, 0x0a, 0x08, 0x00], 0, b, a),
  ]));
  for (const text of ['vlan and icmp', 'vlan', 'eth and icmp', 'vlan or arp', 'arp or (icmp and vlan)']) {
    const r = compileFilter(text);
    assert.ok(r.ok, text);
    const lines = async (prune: boolean): Promise<string[]> => {
      const got: string[] = [];
      await runPipeline(path, { filter: r.filter, cols: true, prune }, (p) => { got.push(`${p.num} ${summaryLine(p, '')}`); });
      return got;
    };
    const pruned = await lines(true);
    assert.deepEqual(pruned, await lines(false), text);
    // tshark 4.0: "2 0.001000 10.0.0.2 → 10.0.0.1 ICMP 62 Echo (ping) reply id=0x1234, seq=1/256, ttl=64 (request in 1)"
    const reply = pruned.find((l) => l.startsWith('2 '));
    assert.equal(pruned.length, text.startsWith('eth') ? 2 : 1, text);
    assert.ok(reply?.endsWith('id=0x1234, seq=1/256, ttl=64 (request in 1)'), `${text}: ${reply}`);
  }
});
