// tcp.analysis engine vs tshark 4.0: the goldens' analysis columns and Info tags, plus the -V-only
// fields (RTT, iRTT, RTO, PSH bytes, each flag) from test/fixtures/tcp-analysis, on captures chosen
// for their retransmissions, dup ACKs, zero windows, holes, keep-alives and reordering.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturesDir } from '../test-support/inet-golden.js';
import { COLUMNS, extFixture, factsOf, measureFacts, newMeasure } from './tcp-analysis-golden.testutil.js';
import { readGoldenColumns } from './tcp-facts.testutil.js';
import { analysisInfo, analyzeSegment, TA, TcpAnalysisResult, TcpConvAnalysis, TcpSegment } from './tcp-analysis.js';
import { SCENARIOS, type Scenario } from './tcp-scenarios.testutil.js';

const CAPTURES = [
  'arkime/wireshark-retrans.pcap', 'zeek/http/206_example_b.pcap', 'zeek/tcp/reassembly.pcap',
  'ndpi/long_tls_certificate.pcap', 'zeek/tcp/ssh-dups.pcap', 'ndpi/rtsp.pcap', 'tcpdump/of13_ericsson.pcapng',
  'zeek/tcp/handshake-reorder.pcap', 'ndpi/android.pcap', 'netns/tcp-loss.pcap', 'zeek/tcp/option-sack.pcap',
  'ndpi/ocs.pcap', 'zeek/tcp/rst-inject-rae.pcap', 'zeek/http/iso-download.pcap.gz', 'zeek/tcp/payload-syn.pcap',
  'zeek/tcp/fin_retransmission.pcap', 'ndpi/teams.pcap',
];

const dir = capturesDir();

test('tcp.analysis agrees with tshark on the chosen captures', { skip: dir ? false : 'no ../shared/captures' }, async () => {
  const m = newMeasure();
  for (const rel of CAPTURES) {
    const gold = readGoldenColumns(dir!, rel, COLUMNS);
    assert.ok(gold, rel);
    measureFacts(rel, await factsOf(dir!, rel), gold, m, 40, extFixture(rel));
  }
  assert.ok(m.segments > 5000, `segments ${m.segments}`);
  const low: string[] = [];
  for (const [k, [n, ok]] of Object.entries(m.cols)) {
    if (n === 0) continue;
    // every column ≥ 99.5 % (or one miss in a small column)
    if (ok / n < 0.995 && n - ok > 1) low.push(`${k} ${ok}/${n}`);
  }
  assert.deepEqual(low, [], m.mismatches.join('\n'));
  assert.deepEqual(m.mismatches, []);
});

/** A tiny driver for hand-made segments. */
function conn(): { seg: (dir: 0 | 1, t: number, seq: number, ack: number, len: number, flags: string, win?: number) => TcpAnalysisResult } {
  const c = new TcpConvAnalysis(1000, 0);
  const s = new TcpSegment();
  const r = new TcpAnalysisResult();
  let num = 0;
  return {
    seg(dir, t, seq, ack, len, flags, win = 1000) {
      s.num = ++num;
      s.tsSec = 1000 + Math.floor(t);
      s.tsNsec = Math.round((t % 1) * 1e9);
      s.dir = dir;
      s.seq = seq >>> 0;
      s.ack = ack >>> 0;
      s.len = len;
      s.flags = flagBits(flags);
      s.win = win;
      s.shift = -2;
      s.nsack = 0;
      analyzeSegment(c, s, r);
      return r;
    },
  };
}

test('handshake, data, ACK: acks_frame, RTT, iRTT, bytes in flight, PSH bytes', () => {
  const { seg } = conn();
  seg(0, 0, 100, 0, 0, 'S');
  let r = seg(1, 0.010, 5000, 101, 0, 'SA');
  assert.equal(r.acksFrame, 1);
  assert.equal(r.ackRtt, 10_000_000);
  r = seg(0, 0.020, 101, 5001, 0, 'A');
  assert.equal(r.acksFrame, 2);
  assert.equal(r.irtt, 20_000_000);
  r = seg(0, 0.021, 101, 5001, 100, 'A');
  assert.equal(r.bytesInFlight, 100);
  assert.equal(r.pushBytes, 100);
  r = seg(0, 0.022, 201, 5001, 50, 'PA');
  assert.equal(r.bytesInFlight, 150);
  assert.equal(r.pushBytes, 150);
  r = seg(1, 0.030, 5001, 251, 0, 'A');
  assert.equal(r.acksFrame, 5);
  assert.equal(analysisInfo(r), '');
});

test('hand-made conversations: every tag combination as tshark shows it', () => {
  const diffs: string[] = [];
  SCENARIOS.forEach((sc) => {
    const got = runScenario(sc);
    assert.equal(got.length, sc.expect.length, sc.name);
    got.forEach((g, i) => {
      if (g !== sc.expect[i]) diffs.push(`${sc.name} #${i + 1}: tshark ${sc.expect[i]} ours ${g}`);
    });
  });
  assert.deepEqual(diffs, []);
});

/** Runs the engine over a scenario: per frame "tags|bytes_in_flight|acks_frame". */
function runScenario(sc: Scenario): string[] {
  const out: string[] = [];
  const s = new TcpSegment();
  const r = new TcpAnalysisResult();
  let num = 0;
  for (const segs of sc.streams) {
    const c = new TcpConvAnalysis(0, 0);
    for (const g of segs) {
      s.num = ++num;
      s.tsSec = Math.floor(g.t);
      s.tsNsec = Math.round((g.t - s.tsSec) * 1e6) * 1000;
      s.dir = g.from;
      s.seq = g.seq >>> 0;
      s.ack = g.ack >>> 0;
      s.len = g.data ? g.data.length : 0;
      s.flags = flagBits(g.flags);
      s.win = g.win ?? 65535;
      s.shift = -2;
      s.nsack = 0;
      analyzeSegment(c, s, r);
      out.push(`${analysisInfo(r).trim()}|${r.flags & TA.HAS_BIF ? r.bytesInFlight : ''}|${r.flags & TA.HAS_ACKS_FRAME ? r.acksFrame : ''}`);
    }
  }
  return out;
}

function flagBits(f: string): number {
  return (f.includes('F') ? 1 : 0) | (f.includes('S') ? 2 : 0) | (f.includes('R') ? 4 : 0)
    | (f.includes('P') ? 8 : 0) | (f.includes('A') ? 16 : 0);
}
