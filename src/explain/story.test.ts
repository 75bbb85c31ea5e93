// The connection's story on corpus captures: whole texts checked by hand against tshark's fields
// (normal connection with a three-way close, SYN then RST, FIN before the SYN-ACK, fast
// retransmission after duplicate ACKs, a capture that starts mid-stream, Chinese), and properties
// over every stream of many captures: each segment is cited by exactly one line, the states the
// text gives are the tcp.state.* fields of the cited segment, and no placeholder leaks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { capturesDir } from '../test-support/inet-golden.js';
import { collectSegments } from '../node/explain-cmd.js';
import { buildStories, buildStory, renderStory, frameList } from './story.js';
import { en } from './en.js';
import { zh } from './zh.js';
import { TCP_STATE_NAMES } from '../analysis/tcp-state.js';
import type { ExplainSeg } from './facts.js';
import { TcpSegment } from '../analysis/tcp-analysis.js';
import { TcpConnState, TcpStateResult } from '../analysis/tcp-state.js';

const dir = capturesDir();
const skip = dir ? false : 'no ../shared/captures';

async function segsOf(rel: string, streams: number[] = [], filter?: string): Promise<ExplainSeg[]> {
  const r = await collectSegments({ file: join(dir!, rel), filter, streams });
  return r.segs;
}

async function text(rel: string, stream = 0, lang = en): Promise<string> {
  return renderStory(buildStory(await segsOf(rel, [stream]), lang));
}

test('frame lists are compact ranges', () => {
  assert.equal(frameList([1, 2, 3, 5, 7, 8]), '#1–#3, #5, #7–#8');
  assert.equal(frameList([]), '');
});

test('a normal connection, handshake to three-way close (zeek/http/get.pcap, checked against tshark -T fields)', { skip }, async () => {
  assert.equal(await text('zeek/http/get.pcap'), `Connection 0 (tcp.stream eq 0): client 141.142.228.5:59856 → server 192.150.187.43:80
  Frames #1–#14: 14 segments over 0.211628 s.
  The client opened it with the SYN in frame #1.
  Seq and Ack are relative: each side's first sequence number (its ISN) counts as 0.

Handshake
  #1  client → server  [SYN]  Seq=0 Len=0
      The client asks to open the connection (SYN) with its initial sequence number 4263588410 (raw), relative Seq=0.
      MSS=1460: the largest segment it is willing to receive; WS: shift 4, multiplier 2^4 = 16 for its later windows; SACK permitted.
      Win=65535 (the window of a SYN is never scaled).
      States after it: client SYN_SENT, server SYN_RECEIVED.
  #2  server → client  [SYN, ACK]  Seq=0 Ack=1 Len=0
      The server accepts (SYN, ACK) with its own initial sequence number 2779762238 (raw), relative Seq=0; Ack=1 = the client's Seq 0 + 1, because a SYN occupies one sequence number: the next byte expected is 1.
      MSS=1460: the largest segment it is willing to receive; WS: shift 7, multiplier 2^7 = 128 for its later windows; SACK permitted.
      Win=14480 (the window of a SYN is never scaled).
      Both sides sent the window scale option, so windows after the handshake are scaled: client × 16, server × 128.
      States after it: client ESTABLISHED, server SYN_RECEIVED.
  #3  client → server  [ACK]  Seq=1 Ack=1 Len=0
      The client acknowledges the server's SYN: Ack=1 = its Seq 0 + 1 (the SYN counts as one). The three-way handshake is complete.
      Win=8235 × 16 = 131760 bytes (calculated window: window_size_value × multiplier).
      States after it: client ESTABLISHED, server ESTABLISHED.

Data
  #4  client → server  [PSH, ACK]  Seq=1 Ack=1 Len=136
      The client sends 136 bytes: Seq 1 + Len 136 = next Seq 137.
  #5  server → client  [ACK]  Seq=1 Ack=137 Len=0
      Ack=137 confirms the client's bytes 1–136 (the segment of frame #4).
  #6  server → client  [ACK]  Seq=1 Ack=137 Len=1448
      The server sends 1448 bytes: Seq 1 + Len 1448 = next Seq 1449.
  #7  server → client  [ACK]  Seq=1449 Ack=137 Len=1448
      The server sends 1448 bytes: Seq 1449 + Len 1448 = next Seq 2897.
  #8  server → client  [ACK]  Seq=2897 Ack=137 Len=1448
      The server sends 1448 bytes: Seq 2897 + Len 1448 = next Seq 4345.
  #9  server → client  [PSH, ACK]  Seq=4345 Ack=137 Len=663
      The server sends 663 bytes: Seq 4345 + Len 663 = next Seq 5008.
  #10  client → server  [ACK]  Seq=137 Ack=2897 Len=0
      Ack=2897 confirms the server's bytes 1–2896 (the segment of frame #7).
  #11  client → server  [ACK]  Seq=137 Ack=5008 Len=0
      Ack=5008 confirms the server's bytes 2897–5007 (the segment of frame #9).

Teardown
  #12  client → server  [FIN, ACK]  Seq=137 Ack=5008 Len=0
      The client closes its sending direction (FIN). A FIN occupies one sequence number: Seq 137 + 1 = 138, so the ACK of this FIN carries Ack=138.
      States after it: client FIN_WAIT_1, server CLOSE_WAIT.
  #13  server → client  [FIN, ACK]  Seq=5008 Ack=138 Len=0
      FIN and ACK merged: the server acknowledges the other FIN (Ack=138) and sends its own FIN in the same segment (a three-way close).
      The server closes its sending direction (FIN). A FIN occupies one sequence number: Seq 5008 + 1 = 5009, so the ACK of this FIN carries Ack=5009.
      States after it: client TIME_WAIT, server LAST_ACK.
  #14  client → server  [ACK]  Seq=138 Ack=5009 Len=0
      The client acknowledges the FIN: Ack=5009 = the FIN's Seq 5008 + 1.
      States after it: client TIME_WAIT, server CLOSED.

End
  At the end of the capture: client TIME_WAIT, server CLOSED.
  The client is in TIME_WAIT: it waits 2×MSL (twice the Maximum Segment Lifetime: 4 minutes by RFC 9293's MSL of 2 minutes, 60 s on Linux) before CLOSED, so late segments of this connection die out and a lost last ACK can be sent again.
`);
});

test('SYN then RST; FIN before the SYN-ACK (zeek/tcp)', { skip }, async () => {
  const rst = await text('zeek/tcp/syn-then-rst.pcap');
  assert.match(rst, /\n {2}#2 {2}client → server {2}\[RST\] {2}Seq=0 Len=0\n {6}The client aborts the connection \(RST\): both ends are CLOSED at once, without TIME_WAIT\.\n {6}States after it: client CLOSED, server CLOSED\.\n/);
  const fin = await text('zeek/tcp/fin_retransmission.pcap');
  // the FIN comes before the SYN-ACK: sections follow the capture order
  assert.deepEqual([...fin.matchAll(/^(Handshake|Data|Teardown|End)$/gm)].map((m) => m[1]), ['Handshake', 'Teardown', 'Handshake', 'Teardown', 'End']);
  assert.match(fin, /#4 {2}client → server {2}\[FIN, ACK\] {2}Seq=0 Ack=1 Len=0\n {6}Ack=1 confirms the server's SYN \(it counts as one sequence number\)\.\n/);
  assert.match(fin, /#5 {2}server → client {2}\[RST\] .*\n.*The server aborts/);
});

test('duplicate ACKs and a fast retransmission with their rules (zeek/tcp/retransmit-fast009.pcap)', { skip }, async () => {
  const t = await text('zeek/tcp/retransmit-fast009.pcap');
  assert.match(t, /#4–#28: 25 ordinary segments \(no flags of note, states unchanged\):\n {6}the client sent 474 bytes in 1 segment: Seq 1 → next Seq 475\n {6}the server sent 23783 bytes in 17 segments: Seq 1 → next Seq 23784\n/);
  assert.match(t, /#29 {2}client → server {2}\[ACK\] {2}Seq=475 Ack=12871 Len=0\n {6}Duplicate ACK #1 of frame #28: no data, no SYN\/FIN\/RST, and the same Seq, Ack and non-zero window/);
  assert.match(t, /#32 {2}server → client {2}\[ACK\] {2}Seq=12871 Ack=475 Len=1430\n {6}The server sends 1430 bytes: Seq 12871 \+ Len 1430 = next Seq 14301\.\n {6}Fast retransmission: it re-sends the segment that two or more duplicate ACKs asked for \(its Seq is their Ack\), within 20 ms/);
  assert.match(t, /#34 .*\n.*\n {6}Retransmission: it carries data \(or a SYN\/FIN\) below the next expected sequence number 23784/);
  assert.match(t, /#39 {2}client → server {2}\[RST, ACK\]/);
});

test('a capture that starts mid-connection (ndpi/1kxun.pcap stream 23), in English and Chinese', { skip }, async () => {
  const t = await text('ndpi/1kxun.pcap', 23);
  assert.match(t, /no SYN was captured, so both states are UNKNOWN before capture start \(frame #804\).*higher port \(53406\)/);
  assert.match(t, /The connection was still open when the capture ended\./);
  assert.match(t, /Seq and Ack are relative to the first segment seen from each side \(its Seq counts as 1/);
  const z = await text('ndpi/1kxun.pcap', 23, zh);
  assert.match(z, /^连接 23（tcp.stream eq 23）：客户端 192.168.5.16:53406 → 服务器 119.235.235.84:443\n/);
  assert.match(z, /抓包开始之前（帧 #804 之前）双方状态未知（UNKNOWN）/);
  assert.match(z, /此后状态：客户端 ESTABLISHED，服务器 ESTABLISHED。/);
});

test('-Y selects whole connections; --stream selects by index', { skip }, async () => {
  const segs = await segsOf('zeek/tcp/retransmit-fast009.pcap', [], 'tcp.analysis.fast_retransmission');
  assert.equal(segs.length, 39);
  assert.equal((await segsOf('zeek/tcp/retransmit-fast009.pcap', [], 'tcp.flags.urg == 1')).length, 0);
  assert.equal((await segsOf('ndpi/1kxun.pcap', [23])).length, 23);
});

const PROPERTY_CAPTURES = [
  'zeek/http/get.pcap', 'zeek/tcp/retransmit-fast009.pcap', 'zeek/tcp/fin_retransmission.pcap', 'zeek/tcp/syn-then-rst.pcap',
  'zeek/tcp/option-sack.pcap', 'zeek/tcp/reassembly.pcap', 'zeek/tcp/ssh-dups.pcap', 'arkime/wireshark-retrans.pcap',
  'arkime/http-post-upload.pcap', 'ndpi/1kxun.pcap', 'ndpi/android.pcap', 'ndpi/edonkey.pcap', 'tcpdump/tcp_rst_data.pcap',
  'netns/tcp-loss.pcap', 'netns/mixed.pcapng', 'arkime/v6.pcap',
];

test('properties over every stream: each segment cited once, states are tcp.state.*, no placeholders', { skip }, async () => {
  let streams = 0;
  let segsTotal = 0;
  for (const rel of PROPERTY_CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const segs = await segsOf(rel);
    const byNum = new Map(segs.map((s) => [s.num, s]));
    for (const [lang, L] of [['en', en], ['zh', zh]] as const) {
      for (const st of buildStories(segs, L, { runMin: 4 })) {
        if (lang === 'en') streams++;
        const mine = segs.filter((s) => s.stream === st.stream);
        if (lang === 'en') segsTotal += mine.length;
        const cited: number[] = [];
        for (const sec of st.sections) {
          for (const l of sec.lines) {
            cited.push(...l.frames);
            const body = l.text.join('\n');
            assert.doesNotMatch(body, /undefined|NaN|\[object/, `${rel} stream ${st.stream}: ${body}`);
            // a line about one segment states its tcp.state.* values; a run keeps them unchanged
            const m = lang === 'en' ? /States after it: client (\w+), server (\w+)\./.exec(body) : /此后状态：客户端 (\w+)，服务器 (\w+)。/.exec(body);
            if (m) {
              assert.equal(l.frames.length, 1, `${rel}: states on a run line`);
              const s = byNum.get(l.frames[0]!)!;
              assert.deepEqual([m[1], m[2]], [TCP_STATE_NAMES.get(s.client), TCP_STATE_NAMES.get(s.server)], `${rel} frame ${s.num}`);
            }
            if (l.frames.length > 1) {
              const states = new Set(l.frames.map((n) => `${byNum.get(n)!.client}/${byNum.get(n)!.server}`));
              assert.equal(states.size, 1, `${rel}: a run across a state change (${frameList(l.frames)})`);
            }
          }
        }
        assert.deepEqual(cited, mine.map((s) => s.num), `${rel} stream ${st.stream}: every segment cited once, in order`);
        const last = mine[mine.length - 1]!;
        const end = renderStory(st);
        if (lang === 'en') assert.ok(end.includes(`At the end of the capture: client ${TCP_STATE_NAMES.get(last.client)}, server ${TCP_STATE_NAMES.get(last.server)}.`), `${rel} ${st.stream}`);
      }
    }
  }
  assert.ok(streams >= 100, `only ${streams} streams checked`);
  assert.ok(segsTotal >= 2000, `only ${segsTotal} segments checked`);
});

/** Segments of a made-up connection (relative numbers) with the states tcp-state.ts gives them. */
function synth(steps: [0 | 1, number, number, number, string][]): ExplainSeg[] {
  const c = new TcpConnState();
  const seg = new TcpSegment();
  const r = new TcpStateResult();
  return steps.map(([d, seq, ack, len, fl], i) => {
    const flags = (fl.includes('F') ? 1 : 0) | (fl.includes('S') ? 2 : 0) | (fl.includes('R') ? 4 : 0) | (fl.includes('A') ? 16 : 0);
    seg.dir = d; seg.seq = seq; seg.ack = ack; seg.len = len; seg.flags = flags;
    c.step(seg, d === 0 ? 50000 : 80, d === 0 ? 80 : 50000, r);
    return {
      num: i + 1, time: i / 100, stream: 0, src: d === 0 ? '10.0.0.1' : '10.0.0.2', dst: d === 0 ? '10.0.0.2' : '10.0.0.1',
      sport: d === 0 ? 50000 : 80, dport: d === 0 ? 80 : 50000, seq, ack, seqRaw: seq + 1000, ackRaw: ack + 1000,
      nxtseq: seq + len + (flags & 3 ? 1 : 0), len, flags, win: 1000, winCalc: 1000, scale: flags & 2 ? -1 : -2,
      mss: -1, wsShift: -1, wsMult: -1, sackPerm: false, analysis: 0, acksFrame: 0, dupAckNum: 0, dupAckFrame: 0,
      client: r.client, server: r.server, step: r.step, inferred: r.inferred,
    };
  });
}

test('simultaneous open, four-way close with FIN_WAIT_2, half-open, missing SYN, unanswered SYN', () => {
  const open = renderStory(buildStory(synth([
    [0, 0, 0, 0, 'S'], [1, 0, 0, 0, 'S'], [0, 0, 1, 0, 'SA'], [1, 0, 1, 0, 'SA'],
    [0, 1, 1, 0, 'FA'], [1, 1, 2, 0, 'A'], [1, 1, 2, 0, 'FA'], [0, 2, 2, 0, 'A'],
  ]), en));
  assert.match(open, /Both ends sent a SYN \(simultaneous open, frame #2\)/);
  assert.match(open, /#2 {2}server → client {2}\[SYN\] {2}Seq=0 Len=0\n {6}The server sends its own SYN before answering the other's: a simultaneous open \(both become SYN_RECEIVED\)\.\n.*\n {6}States after it: client SYN_RECEIVED, server SYN_RECEIVED\.\n/);
  assert.match(open, /#6 {2}server → client {2}\[ACK\] {2}Seq=1 Ack=2 Len=0\n {6}The server acknowledges the FIN: Ack=2 = the FIN's Seq 1 \+ 1\.\n {6}States after it: client FIN_WAIT_2, server CLOSE_WAIT\.\n/);
  assert.match(open, /#7 .*\n.*\n {6}States after it: client TIME_WAIT, server LAST_ACK\.\n/);
  assert.match(open, /At the end of the capture: client TIME_WAIT, server CLOSED\./);

  const half = renderStory(buildStory(synth([
    [0, 0, 0, 0, 'S'], [1, 0, 1, 0, 'SA'], [0, 1, 1, 0, 'A'], [1, 1, 1, 0, 'RA'], [0, 1, 1, 10, 'A'],
  ]), en));
  assert.match(half, /#4 {2}server → client {2}\[RST, ACK\].*\n {6}The server aborts the connection \(RST\)/);
  assert.match(half, /#5 {2}client → server {2}\[ACK\] {2}Seq=1 Ack=1 Len=10\n {6}The client still sends after the RST: the RST never reached it \(a half-open connection\)\.\n {6}The client sends 10 bytes: Seq 1 \+ Len 10 = next Seq 11\.\n {6}States after it: client ESTABLISHED, server CLOSED\.\n/);

  const nosyn = renderStory(buildStory(synth([[1, 0, 1, 0, 'SA'], [0, 1, 1, 0, 'A'], [0, 1, 1, 5, 'A']]), en));
  assert.match(nosyn, /client 10\.0\.0\.1:50000 → server 10\.0\.0\.2:80\n/);
  assert.match(nosyn, /The client's SYN was not captured: the capture starts with the server's SYN-ACK in frame #1/);

  const lone = renderStory(buildStory(synth([[0, 0, 0, 0, 'S'], [0, 0, 0, 0, 'S']]), zh));
  assert.match(lone, /没有抓到对 SYN 的应答/);
  assert.match(lone, /抓包结束时：客户端 SYN_SENT，服务器 SYN_RECEIVED。/);
});

test('a SYN sent again with no answer (zeek/tcp/option-sack.pcap)', { skip }, async () => {
  const t = await text('zeek/tcp/option-sack.pcap');
  assert.equal(t.match(/The client sends its SYN again: no answer arrived in time/g)?.length, 3);
  assert.match(t, /No answer to the SYN was captured/);
});

test('SYN and SYN-ACK sent again, a late copy of the SYN (arkime/wireshark-retrans.pcap)', { skip }, async () => {
  const t = await text('arkime/wireshark-retrans.pcap');
  assert.match(t, /#2 {2}client → server {2}\[SYN\] {2}Seq=0 Len=0\n {6}The client sends its SYN again/);
  assert.match(t, /#5 {2}server → client {2}\[SYN, ACK\] {2}Seq=0 Ack=1 Len=0\n {6}The server sends its SYN again/);
  assert.match(t, /#10 {2}client → server {2}\[SYN\] {2}Seq=0 Len=0\n {6}A copy of the client's SYN \(the same initial sequence number\) after the handshake: it changes no state\.\n(?: {6}.*\n)* {6}States after it: client ESTABLISHED, server ESTABLISHED\.\n/);
});
