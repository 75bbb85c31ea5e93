// Hand-made TCP conversations with tshark 4.0.17's verdicts, for the analysis engine: situations
// the corpus lacks or has once (zero-window probes and their ACKs, every tag combination seen,
// ACKs of unseen data around retransmissions). `expect` holds, per frame in file order,
// "Info tags|bytes_in_flight|acks_frame" exactly as `tshark -n -r <scenarioPcap(sc)> -T fields`
// gave them (tags of the Info column, reassembly tags left out).

import type { SynthSeg } from './synth.testutil.js';
import { tcpPacket, LINKTYPE_RAW } from './synth.testutil.js';
import { pcapBytes, type RawFrame } from '../test-support/mutate.js';

export interface Scenario {
  name: string;
  /** conversations in file order; stream i uses client port basePort + i */
  streams: SynthSeg[][];
  basePort: number;
  expect: string[];
}

const A = 1000;
const B = 5000;

/** the three-way handshake: SYN from A (ISN 1000), SYN+ACK from B (ISN 5000), ACK, 10 ms apart */
const handshake: SynthSeg[] = [
  { t: 0, from: 0, seq: A, ack: 0, flags: 'S' },
  { t: 0.01, from: 1, seq: B, ack: A + 1, flags: 'SA' },
  { t: 0.02, from: 0, seq: A + 1, ack: B + 1, flags: 'A' },
];

/** handshake + 300 bytes from A */
const hs300: SynthSeg[] = [
  ...handshake,
  { t: 0.03, from: 0, seq: A + 1, ack: B + 1, flags: 'PA', data: 'x'.repeat(300) },
];
/** handshake + 100 bytes from B, ACKed */
const hs100b: SynthSeg[] = [
  ...handshake,
  { t: 0.03, from: 1, seq: B + 1, ack: A + 1, flags: 'PA', data: 'r'.repeat(100) },
  { t: 0.04, from: 0, seq: A + 1, ack: B + 101, flags: 'A' },
];
/** handshake, 300 bytes from A, zero window, a probe, an ACK of the probe's byte */
const zwp: SynthSeg[] = [
  ...hs300,
  { t: 0.04, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 0 },
  { t: 0.05, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'y' },
  { t: 0.07, from: 1, seq: B + 1, ack: A + 302, flags: 'A', win: 500 },
];

const EXPECT1: string[] = [
  '||', '||1', '||2', '[TCP Previous segment not captured]||',
  '[TCP ZeroWindow] [TCP ACKed unseen segment]||4', '[TCP ZeroWindowProbe]|1|',
  '[TCP ZeroWindowProbeAck] [TCP ZeroWindow]||', '[TCP ACKed unseen segment]||6', '[TCP Window Update]||',
  '[TCP Spurious Retransmission]|1|', '[TCP Dup ACK 8#1]||10',
  '[TCP Window Full] [TCP Previous segment not captured]||', '[TCP ZeroWindow] [TCP Keep-Alive]||',
  '[TCP ACKed unseen segment]||12', '[TCP Keep-Alive ACK]||', '[TCP ZeroWindow]||', '[TCP ZeroWindow]||',
  '[TCP Window Update]||',
];

const EXPECT2: string[] = [
  '||', '||1', '||2', '|300|', '[TCP ZeroWindow]||4', '[TCP ZeroWindowProbe]|1|',
  '[TCP ZeroWindowProbeAck] [TCP ZeroWindow]||', '[TCP ZeroWindowProbe]|1|',
  '[TCP ZeroWindowProbeAck] [TCP ZeroWindow]||', '[TCP Window Update]||', '|3|', '||11',
  '[TCP Keep-Alive]|1|', '||', '||14', '||15', '|300|', '||17',
  '[TCP Keep-Alive] [TCP ACKed unseen segment]||', '|300|', '[TCP Previous segment not captured]||',
  '[TCP Window Full] [TCP Out-Of-Order]||', '[TCP Window Full] [TCP Retransmission]||', '||21',
  '[TCP Window Full] [TCP ACKed unseen segment]|600|', '[TCP Window Full] [TCP Retransmission]|600|',
];

const EXPECT3: string[] = [
  '||', '||1', '||2', '|300|', '[TCP ZeroWindow]||4', '[TCP ZeroWindowProbe]|1|',
  '[TCP ACKed unseen segment]||6', '[TCP Previous segment not captured]||', '||', '||9', '||10', '|300|',
  '[TCP ZeroWindow]||12', '[TCP ZeroWindowProbe]|1|', '[TCP ACKed unseen segment]||14',
  '[TCP Dup ACK 11#1]||', '||', '||17', '||18', '|300|', '[TCP ZeroWindow]||20',
  '[TCP ZeroWindowProbe]|1|', '[TCP ACKed unseen segment]||22', '[TCP Previous segment not captured]||',
  '||', '||25', '||26', '|300|', '[TCP ZeroWindow]||28', '[TCP ZeroWindowProbe]|1|',
  '[TCP ACKed unseen segment]||30', '[TCP Previous segment not captured]||', '||', '||33', '||34', '|300|',
  '[TCP ZeroWindow]||36', '[TCP ZeroWindowProbe]|1|', '[TCP ACKed unseen segment]||38', '|2|', '||',
  '||41', '||42', '|300|', '[TCP ZeroWindow]||44', '[TCP ZeroWindowProbe]|1|',
  '[TCP ACKed unseen segment]||46', '||', '||48', '||49', '|300|', '[TCP ACKed unseen segment]||',
  '[TCP Keep-Alive]|1|', '[TCP Spurious Retransmission]|2|', '[TCP Previous segment not captured]||',
];

const EXPECT4: string[] = [
  '||', '||1', '||2', '|100|', '||4', '[TCP ACKed unseen segment]||', '[TCP Spurious Retransmission]|100|',
  '||', '||', '||9', '||10', '|100|', '||12', '|100|', '[TCP ACKed unseen segment]||', '||', '||16',
  '||17', '|100|', '||19', '|50|', '||21', '[TCP ACKed unseen segment] [TCP Spurious Retransmission]|50|',
  '[TCP Dup ACK 22#1]||23', '[TCP Dup ACK 22#2]||', '||', '||26', '||27', '|100|', '||29', '|50|',
  '[TCP ACKed unseen segment] [TCP Retransmission]|50|', '|100|', '||', '||34', '||35', '|100|', '||37',
  '[TCP Previous segment not captured]||', '[TCP ACKed unseen segment] [TCP Out-Of-Order]||', '||', '||41',
  '||42', '|100|', '||44', '|50|', '||46', '||47', '[TCP Retransmission]||',
];

/** handshake, 100 bytes from A, ACKed */
const hs100a: SynthSeg[] = [
  ...handshake,
  { t: 0.03, from: 0, seq: A + 1, ack: B + 1, flags: 'A', data: 'x'.repeat(100) },
  { t: 0.04, from: 1, seq: B + 1, ack: A + 101, flags: 'A' },
];

/** hs100a then segments `[from, seq - ISN, ack - ISN, length]` 10 ms apart, flags ACK */
function after100a(...segs: [0 | 1, number, number, number][]): SynthSeg[] {
  return [...hs100a, ...segs.map(([from, seq, ack, len], i): SynthSeg => ({
    t: 0.05 + i * 0.01, from, seq: (from ? B : A) + seq, ack: (from ? A : B) + ack, flags: 'A',
    ...(len ? { data: 'x'.repeat(len) } : {}),
  }))];
}

const EXPECT5: string[] = [
  '||', '||1', '||2', '|100|', '||4', '[TCP ACKed unseen segment]||',
  '[TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||7', '|50|', '||9', '|50|',
  '||11', '||', '[TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||14', '||', '||16',
  '||17', '|100|', '||19', '[TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||21',
  '|50|', '||23', '|50|', '||25', '[TCP ACKed unseen segment]||', '||', '||28', '||29', '|100|', '||31',
  '[TCP ACKed unseen segment]||', '|50|', '||34', '||', '||', '||37', '||38', '|100|', '||40',
  '[TCP ACKed unseen segment]||', '[TCP Previous segment not captured]||',
  '[TCP ACKed unseen segment]||', '||', '||45', '||46', '|100|', '||48', '[TCP Dup ACK 47#1]||',
  '[TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||51', '||', '||', '||54', '||55',
  '|100|', '||57', '[TCP Dup ACK 56#1]||', '||', '[TCP Dup ACK 56#1]||', '||', '||', '||63', '||64',
  '|100|', '||66', '[TCP ACKed unseen segment]||', '|10|', '||69', '[TCP ACKed unseen segment]||', '||',
  '||72', '||73', '|100|', '||75', '[TCP ACKed unseen segment]|1|',
  '[TCP Previous segment not captured]||77', '[TCP ACKed unseen segment]||',
  '[TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||80', '|50|', '||82',
  '[TCP ACKed unseen segment]||', '||', '||85', '||86', '|100|', '||88', '[TCP ACKed unseen segment]||',
  '[TCP ACKed unseen segment] [TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||',
  '[TCP ACKed unseen segment] [TCP Previous segment not captured]||', '[TCP ACKed unseen segment]||93',
  '[TCP ACKed unseen segment]|50|', '||95', '[TCP ACKed unseen segment]||', '||', '||98', '||99',
  '|100|', '||101', '[TCP Previous segment not captured]||', '[TCP Dup ACK 102#1]||',
  '[TCP Dup ACK 102#2]||',
];

export const SCENARIOS: Scenario[] = [
  {
  name: 'zero window, probes, keep-alives, holes',
  basePort: 40000,
  streams: [[
    ...handshake,
    { t: 0.03, from: 0, seq: A + 201, ack: B + 1, flags: 'A', data: 'x'.repeat(100) },
    { t: 0.04, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 0 },
    { t: 0.05, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'y' },
    { t: 0.06, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 0 },
    { t: 0.07, from: 1, seq: B + 1, ack: A + 302, flags: 'A', win: 500 },
    { t: 0.08, from: 1, seq: B + 1, ack: A + 302, flags: 'A', win: 800 },
    { t: 10, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'z' },
    { t: 10.01, from: 1, seq: B + 1, ack: A + 302, flags: 'A', win: 800 },
    { t: 10.02, from: 0, seq: A + 402, ack: B + 1, flags: 'PA', data: 'w'.repeat(700) },
    { t: 20, from: 0, seq: A + 1101, ack: B + 1, flags: 'A', win: 0 },
    { t: 20.01, from: 1, seq: B + 1, ack: A + 1102, flags: 'A', win: 800 },
    { t: 20.02, from: 1, seq: B + 1, ack: A + 1102, flags: 'A', win: 800 },
    { t: 20.03, from: 0, seq: A + 1102, ack: B + 1, flags: 'A', win: 0 },
    { t: 20.04, from: 0, seq: A + 1102, ack: B + 1, flags: 'A', win: 0 },
    { t: 20.05, from: 0, seq: A + 1102, ack: B + 1, flags: 'A', win: 100 },
  ]],
  expect: EXPECT1,
  },
  {
  name: 'repeated probes; keep-alive, window full and ACKed unseen with retransmissions',
  basePort: 41000,
  streams: [
    [...hs300,
      { t: 0.04, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 0 },
      { t: 0.05, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'y' },
      { t: 0.06, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 0 },
      { t: 0.07, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'y' },
      { t: 0.08, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 0 },
      { t: 1.08, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 1000 },
      { t: 1.09, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'abc' },
      { t: 1.10, from: 1, seq: B + 1, ack: A + 304, flags: 'A', win: 1000 },
      { t: 9, from: 0, seq: A + 303, ack: B + 1, flags: 'A', data: 'c' }],
    [...hs300,
      { t: 0.04, from: 1, seq: B + 1, ack: A + 301, flags: 'A', win: 600 },
      { t: 5, from: 0, seq: A + 300, ack: B + 51, flags: 'A' },
      { t: 5.01, from: 0, seq: A + 301, ack: B + 51, flags: 'A', data: 'z'.repeat(300) },
      { t: 5.011, from: 0, seq: A + 901, ack: B + 51, flags: 'A', data: 'z'.repeat(300) },
      { t: 5.012, from: 0, seq: A + 601, ack: B + 71, flags: 'A', data: 'z'.repeat(300) },
      { t: 9, from: 0, seq: A + 301, ack: B + 71, flags: 'A', data: 'z'.repeat(600) },
      { t: 9.1, from: 1, seq: B + 1, ack: A + 1201, flags: 'A', win: 600 },
      { t: 9.2, from: 0, seq: A + 1201, ack: B + 71, flags: 'A', data: 'q'.repeat(600) },
      { t: 19.2, from: 0, seq: A + 1201, ack: B + 71, flags: 'A', data: 'q'.repeat(600) }],
  ],
  expect: EXPECT2,
  },
  {
  name: 'after a zero window probe and an ACK of its byte',
  basePort: 42000,
  streams: [
    [...zwp, { t: 5, from: 0, seq: A + 302, ack: B + 1, flags: 'A', data: 'abcdefghij' }],
    [...zwp, { t: 5, from: 0, seq: A + 301, ack: B + 1, flags: 'A' }],
    [...zwp, { t: 5, from: 0, seq: A + 302, ack: B + 1, flags: 'A' }],
    [...zwp, { t: 5, from: 0, seq: A + 303, ack: B + 1, flags: 'A', data: 'k' }],
    [...zwp, { t: 5, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'yz' }],
    [...zwp],
    [...hs300,
      { t: 0.04, from: 1, seq: B + 1, ack: A + 311, flags: 'A' },
      { t: 5, from: 0, seq: A + 300, ack: B + 1, flags: 'A', data: 'k' },
      { t: 6, from: 0, seq: A + 301, ack: B + 1, flags: 'A', data: 'k' },
      { t: 7, from: 0, seq: A + 310, ack: B + 1, flags: 'A' }],
  ],
  expect: EXPECT3,
  },
  {
  name: 'ACKs of unseen data; spurious, plain and out-of-order retransmissions; FIN retransmission',
  basePort: 43000,
  streams: [
    [...hs100b, { t: 1, from: 0, seq: A + 1, ack: B + 201, flags: 'A' },
      { t: 1.1, from: 1, seq: B + 101, ack: A + 1, flags: 'A', data: 'q'.repeat(100) },
      { t: 1.2, from: 0, seq: A + 1, ack: B + 301, flags: 'A' }],
    [...hs100b, { t: 1, from: 1, seq: B + 101, ack: A + 1, flags: 'A', data: 'q'.repeat(100) },
      { t: 1.1, from: 0, seq: A + 1, ack: B + 401, flags: 'A' }],
    [...hs100b, { t: 1, from: 0, seq: A + 1, ack: B + 101, flags: 'A', data: 'd'.repeat(50) },
      { t: 1.1, from: 1, seq: B + 101, ack: A + 51, flags: 'A' },
      { t: 5, from: 0, seq: A + 1, ack: B + 301, flags: 'A', data: 'd'.repeat(50) },
      { t: 6, from: 1, seq: B + 101, ack: A + 51, flags: 'A' },
      { t: 6.1, from: 1, seq: B + 101, ack: A + 51, flags: 'A' }],
    [...hs100b, { t: 1, from: 0, seq: A + 1, ack: B + 101, flags: 'A', data: 'd'.repeat(50) },
      { t: 3, from: 0, seq: A + 1, ack: B + 301, flags: 'A', data: 'd'.repeat(50) },
      { t: 4, from: 0, seq: A + 51, ack: B + 301, flags: 'A', data: 'e'.repeat(50) }],
    [...hs100b, { t: 1, from: 0, seq: A + 51, ack: B + 101, flags: 'A', data: 'd'.repeat(50) },
      { t: 1.001, from: 0, seq: A + 1, ack: B + 301, flags: 'A', data: 'd'.repeat(50) }],
    [...hs100b, { t: 1, from: 0, seq: A + 1, ack: B + 101, flags: 'FPA', data: 'd'.repeat(50) },
      { t: 1.1, from: 1, seq: B + 101, ack: A + 52, flags: 'FA' },
      { t: 1.2, from: 0, seq: A + 52, ack: B + 102, flags: 'A' },
      { t: 2, from: 1, seq: B + 101, ack: A + 52, flags: 'FA' }],
  ],
  expect: EXPECT4,
  },
  {
  name: 'ACKs past everything the other side sent: quiet after one until its ACK moves, one more after a hole',
  basePort: 44000,
  streams: [
    // reported, hole, past the hole; then silent past everything (and after hole-free data)
    after100a([1, 1, 121, 0], [0, 121, 1, 50], [1, 1, 171, 0], [0, 171, 1, 50], [1, 1, 221, 0], [0, 221, 1, 50],
      [1, 1, 271, 0], [1, 1, 321, 0], [0, 321, 1, 50], [1, 1, 371, 0]),
    // the same without the first report: reported
    after100a([0, 121, 1, 50], [1, 1, 171, 0], [0, 171, 1, 50], [1, 1, 221, 0], [0, 221, 1, 50], [1, 1, 271, 0],
      [1, 1, 321, 0]),
    // data covering the ACKed point does not lift the silence
    after100a([1, 1, 121, 0], [0, 101, 1, 50], [1, 1, 151, 0], [1, 1, 1000, 0]),
    // a hole right after the report does
    after100a([1, 1, 121, 0], [0, 151, 1, 10], [1, 1, 171, 0]),
    // a duplicate ACK from the sender silences them before any report
    after100a([0, 101, 1, 0], [0, 121, 1, 50], [1, 1, 171, 0], [1, 1, 221, 0]),
    after100a([0, 101, 1, 0], [1, 1, 121, 0], [0, 101, 1, 0], [1, 1, 131, 0]),
    // the sender's ACK number moving lifts it
    after100a([1, 1, 121, 0], [1, 1, 121, 10], [0, 101, 11, 0], [1, 11, 131, 0]),
    // the sender's ACK number moving while quiet, with a hole, keeps them reported
    after100a([1, 1, 201, 1], [0, 201, 2, 100], [1, 2, 321, 0], [0, 321, 2, 50], [1, 2, 371, 0], [0, 371, 2, 50],
      [1, 2, 421, 0], [1, 2, 521, 0]),
    // an ACK past everything, repeated after the other side's ACK number moved, is reported again
    after100a([1, 1, 201, 0], [0, 201, 2, 100], [1, 1, 321, 0], [0, 321, 2, 50], [1, 1, 371, 0], [0, 371, 2, 50],
      [1, 1, 421, 0], [1, 1, 521, 0]),
    // a hole seen on a bare ACK is reported once
    after100a([1, 2, 101, 0], [1, 2, 101, 0], [1, 2, 101, 0]),
  ],
  expect: EXPECT5,
  },
];

/** The scenario as the pcap tshark read (stream i 100 s after stream i - 1). */
export function scenarioPcap(sc: Scenario): Uint8Array {
  const frames: RawFrame[] = [];
  sc.streams.forEach((segs, i) => {
  for (const s of segs) {
    const data = tcpPacket(s, sc.basePort + i, 80);
    const us = Math.round(s.t * 1e6) + i * 100e6;
    frames.push({ data, len: data.length, sec: 1700000000 + Math.floor(us / 1e6), usec: us % 1e6 });
  }
  });
  return pcapBytes(LINKTYPE_RAW, frames);
}
