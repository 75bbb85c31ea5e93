// TCP stream graphs (Wireshark's Statistics → TCP Stream Graphs) for one TCP stream: the series
// behind Stevens time/sequence, throughput, round-trip time and window scaling, per direction.
//
// A tap over the dissection: it reads tcp.stream, the ports, tcp.seq/nxtseq/len/ack (relative
// numbers, as tshark shows them), tcp.analysis.ack_rtt, tcp.analysis.bytes_in_flight and
// tcp.window_size of every segment of the stream, and keeps them in columns per sending side.
// Direction 0 is sent by node 0 (the stream's first sender), direction 1 by node 1. The graphs of
// "direction d" (data flowing from node d to the other) are:
//   Stevens     (time, tcp.seq) of every segment sent in direction d
//   throughput  (time, bits/s) of the segments of d carrying data: bytes of the last
//               THROUGHPUT_SEGMENTS segments over the time they span (and each segment's length)
//   RTT         (time, tcp.analysis.ack_rtt in ms) of the ACKs coming back (sent in direction 1-d)
//   window      (time, tcp.analysis.bytes_in_flight) of the segments of d and (time,
//               tcp.window_size) of the ACKs coming back: the receiver's window
// Times are seconds since the capture's first frame (frame.time_relative).

import type { Packet } from '../core/packet.js';
import { fieldText } from '../core/format.js';
import type { NsTime } from '../core/time.js';
import { endpointName, fid, relNs, type Tap, type TapClock } from './tap.js';

/** Segments in the moving average of the throughput graph (Wireshark's default MA is 20 segments). */
export const THROUGHPUT_SEGMENTS = 20;

/** Every segment one side sent (columns; null where tshark shows no value). */
export interface TcpGraphSide {
  frame: number[];
  /** seconds since the first frame of the capture */
  time: number[];
  seq: number[];
  nxtseq: number[];
  len: number[];
  /** null when the ACK flag is not set */
  ack: (number | null)[];
  /** tcp.analysis.ack_rtt in seconds */
  rtt: (number | null)[];
  bytesInFlight: (number | null)[];
  window: number[];
}

export interface TcpGraphResult {
  stream: number;
  /** "addr:port" of the stream's first sender and of its peer ('' when the stream was not seen) */
  node0: string;
  node1: string;
  /** sides[0]: sent by node 0; sides[1]: sent by node 1 */
  sides: [TcpGraphSide, TcpGraphSide];
}

/** One graph: x values, one or more y series (null = no point) and the frame of each x. */
export interface TcpGraphSeries {
  x: number[];
  frames: number[];
  ys: { name: string; values: (number | null)[] }[];
}

export type TcpGraphKind = 'stevens' | 'throughput' | 'rtt' | 'window';
export const TCP_GRAPH_KINDS: readonly TcpGraphKind[] = ['stevens', 'throughput', 'rtt', 'window'];

function emptySide(): TcpGraphSide {
  return { frame: [], time: [], seq: [], nxtseq: [], len: [], ack: [], rtt: [], bytesInFlight: [], window: [] };
}

export class TcpGraphTap implements Tap<TcpGraphResult> {
  readonly spec: string;
  readonly fields = ['ip.src', 'ipv6.src', 'ip.dst', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'tcp.stream', 'tcp.seq', 'tcp.nxtseq', 'tcp.len',
    'tcp.ack', 'tcp.flags.ack', 'tcp.analysis.ack_rtt', 'tcp.analysis.bytes_in_flight', 'tcp.window_size'];
  readonly fullTree = false;
  readonly columns = false;
  readonly filter = undefined;
  private readonly f = {
    src: [fid('ip.src'), fid('ipv6.src')], dst: [fid('ip.dst'), fid('ipv6.dst')], sport: fid('tcp.srcport'), dport: fid('tcp.dstport'),
    stream: fid('tcp.stream'), seq: fid('tcp.seq'), nxtseq: fid('tcp.nxtseq'), len: fid('tcp.len'), ack: fid('tcp.ack'),
    ackFlag: fid('tcp.flags.ack'), rtt: fid('tcp.analysis.ack_rtt'), bif: fid('tcp.analysis.bytes_in_flight'), win: fid('tcp.window_size'),
  };
  private node0 = '';
  private node1 = '';
  private addr0 = '';
  private port0 = -1;
  private readonly sides: [TcpGraphSide, TcpGraphSide] = [emptySide(), emptySide()];

  constructor(readonly stream: number) {
    this.spec = `tcp-graph,${stream}`;
  }

  packet(p: Packet, clock: TapClock): void {
    const t = p.tree;
    const f = this.f;
    let stream = -1;
    let src = '', dst = '';
    let sport = -1, dport = -1;
    let seq = NaN, nxtseq = NaN, len = 0, ack = NaN, win = NaN;
    let ackFlag = false;
    let rtt: number | null = null;
    let bif: number | null = null;
    // the outermost TCP header (items after an ICMP error's quoted header belong to another one)
    for (let i = 0; i < t.n; i++) {
      const id = t.fid[i]!;
      if (id === f.sport) { if (sport >= 0) break; sport = t.num[i]!; }
      else if (id === f.src[0] || id === f.src[1]) { if (sport < 0) src = fieldText(t, i); }
      else if (id === f.dst[0] || id === f.dst[1]) { if (sport < 0) dst = fieldText(t, i); }
      else if (id === f.dport) dport = t.num[i]!;
      else if (id === f.stream) stream = t.num[i]!;
      else if (id === f.seq) seq = t.num[i]!;
      else if (id === f.nxtseq) nxtseq = t.num[i]!;
      else if (id === f.len) len = t.num[i]!;
      else if (id === f.ack) ack = t.num[i]!;
      else if (id === f.ackFlag) ackFlag = t.num[i]! !== 0;
      else if (id === f.win) win = t.num[i]!;
      else if (id === f.bif) bif = t.num[i]!;
      else if (id === f.rtt) {
        const v = t.value(i) as NsTime | undefined;
        if (v) rtt = v.sec + v.nsec / 1e9;
      }
    }
    if (sport < 0 || stream !== this.stream) return;
    if (this.port0 < 0) {
      this.addr0 = src;
      this.port0 = sport;
      this.node0 = endpointName(src, sport);
      this.node1 = endpointName(dst, dport);
    }
    const s = this.sides[src === this.addr0 && sport === this.port0 ? 0 : 1];
    s.frame.push(p.num);
    s.time.push(relNs(p, clock) / 1e9);
    s.seq.push(seq);
    s.nxtseq.push(Number.isNaN(nxtseq) ? seq + len : nxtseq);
    s.len.push(len);
    s.ack.push(ackFlag && !Number.isNaN(ack) ? ack : null);
    s.rtt.push(rtt);
    s.bytesInFlight.push(bif);
    s.window.push(win);
  }

  result(): TcpGraphResult {
    return { stream: this.stream, node0: this.node0, node1: this.node1, sides: this.sides };
  }

  text(): string {
    const lines = [`TCP stream graph data, tcp.stream eq ${this.stream}: ${this.node0} <-> ${this.node1}`];
    for (const d of [0, 1] as const) {
      const s = this.sides[d];
      lines.push(`direction ${d} (${d ? this.node1 : this.node0} sends): ${s.frame.length} segments`);
    }
    return lines.join('\n') + '\n';
  }
}

/** The series of graph `kind` for data flowing in direction `dir` (0: node 0 → node 1). */
export function tcpGraphSeries(r: TcpGraphResult, kind: TcpGraphKind, dir: 0 | 1): TcpGraphSeries {
  const s = r.sides[dir];
  const back = r.sides[dir === 0 ? 1 : 0];
  switch (kind) {
    case 'stevens':
      return { x: s.time.slice(), frames: s.frame.slice(), ys: [{ name: 'tcp.seq', values: s.seq.slice() }] };
    case 'throughput': {
      const x: number[] = [], frames: number[] = [], tput: (number | null)[] = [], seglen: (number | null)[] = [];
      const idx: number[] = [];
      for (let i = 0; i < s.frame.length; i++) if (s.len[i]! > 0) idx.push(i);
      let sum = 0;
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k]!;
        sum += s.len[i]!;
        // bytes of the last N segments (this one included) over the time since the segment before them
        if (k >= THROUGHPUT_SEGMENTS) sum -= s.len[idx[k - THROUGHPUT_SEGMENTS]!]!;
        const first = idx[Math.max(0, k - THROUGHPUT_SEGMENTS)]!;
        const dt = s.time[i]! - s.time[first]!;
        x.push(s.time[i]!);
        frames.push(s.frame[i]!);
        seglen.push(s.len[i]!);
        // the oldest segment of the window started the clock: its bytes count only from the second on
        const bytes = k >= THROUGHPUT_SEGMENTS ? sum : sum - s.len[first]!;
        tput.push(dt > 0 && k > 0 ? (bytes * 8) / dt : null);
      }
      return { x, frames, ys: [{ name: 'throughput', values: tput }, { name: 'tcp.len', values: seglen }] };
    }
    case 'rtt': {
      const x: number[] = [], frames: number[] = [], v: (number | null)[] = [];
      for (let i = 0; i < back.frame.length; i++) {
        const rtt = back.rtt[i];
        if (rtt === null || rtt === undefined) continue;
        x.push(back.time[i]!);
        frames.push(back.frame[i]!);
        v.push(rtt * 1000);
      }
      return { x, frames, ys: [{ name: 'tcp.analysis.ack_rtt', values: v }] };
    }
    case 'window': {
      // both sides' points merged in time order: bytes in flight of d's segments, the peer's window
      const x: number[] = [], frames: number[] = [], bif: (number | null)[] = [], win: (number | null)[] = [];
      let i = 0, j = 0;
      while (i < s.frame.length || j < back.frame.length) {
        const takeS = j >= back.frame.length || (i < s.frame.length && s.frame[i]! < back.frame[j]!);
        if (takeS) {
          const b = s.bytesInFlight[i];
          if (b !== null && b !== undefined) {
            x.push(s.time[i]!); frames.push(s.frame[i]!); bif.push(b); win.push(null);
          }
          i++;
        } else {
          const w = back.window[j]!;
          if (!Number.isNaN(w)) {
            x.push(back.time[j]!); frames.push(back.frame[j]!); bif.push(null); win.push(w);
          }
          j++;
        }
      }
      return { x, frames, ys: [{ name: 'tcp.analysis.bytes_in_flight', values: bif }, { name: 'tcp.window_size', values: win }] };
    }
  }
}
