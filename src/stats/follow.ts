// `-z follow,tcp|udp,ascii|hex|raw,STREAM|ADDR:PORT,ADDR:PORT`: the payload of one stream, both
// directions interleaved as sent. TCP data is put in sequence order per direction (retransmitted
// bytes once, out-of-order segments when the gap fills), as tshark 4.0 prints it.

import type { Packet } from '../core/packet.js';
import { fieldText } from '../core/format.js';
import { endpointName, fid, type Tap } from './tap.js';

export type FollowMode = 'ascii' | 'hex' | 'raw';

export interface FollowSegment {
  /** 0: from node 0 (the stream's first sender), 1: from node 1 */
  dir: 0 | 1;
  frame: number;
  data: Uint8Array;
}

export interface FollowResult {
  proto: 'tcp' | 'udp';
  filter: string;
  node0: string;
  node1: string;
  segments: FollowSegment[];
}

/** STREAM number, or a pair of "addr:port" endpoints (either direction matches). */
export type FollowTarget = { stream: number } | { a: string; aPort: number; b: string; bPort: number };

interface Pending { seq: number; frame: number; data: Uint8Array }

const RULE = '='.repeat(67);

function hostPort(s: string): [string, number] {
  const i = s.lastIndexOf(':');
  let h = s.slice(0, i);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return [h, Number(s.slice(i + 1))];
}

/** Parses the STREAM argument of follow (a number or "a:p,b:p"); undefined when invalid. */
export function parseFollowTarget(parts: string[]): FollowTarget | undefined {
  if (parts.length === 1 && /^\d+$/.test(parts[0]!)) return { stream: Number(parts[0]) };
  if (parts.length === 2) {
    const [a, ap] = hostPort(parts[0]!);
    const [b, bp] = hostPort(parts[1]!);
    if (a && b && Number.isInteger(ap) && Number.isInteger(bp)) return { a, aPort: ap, b, bPort: bp };
  }
  return undefined;
}

export class FollowTap implements Tap<FollowResult> {
  readonly fields: string[];
  readonly fullTree = false;
  readonly columns = false;
  readonly filter = undefined;
  private readonly fStream: number;
  private readonly fSrc: number[];
  private readonly fDst: number[];
  private readonly fSport: number;
  private readonly fDport: number;
  private readonly fSeq: number;
  private readonly fPayload: number;
  private readonly fSyn: number;
  private readonly fAck: number;
  private readonly fAckFlag: number;
  private readonly fFin: number;
  private node0 = '';
  private node1 = '';
  private addr0 = '';
  private port0 = -1;
  private readonly segs: FollowSegment[] = [];
  /** per direction: next expected sequence number (NaN until the first segment) */
  private readonly next = [NaN, NaN];
  private readonly pending: Pending[][] = [[], []];
  private readonly acked = [NaN, NaN];

  constructor(readonly spec: string, readonly proto: 'tcp' | 'udp', readonly mode: FollowMode, readonly target: FollowTarget) {
    this.fields = ['ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', `${proto}.srcport`, `${proto}.dstport`, `${proto}.stream`, `${proto}.payload`,
      ...(proto === 'tcp' ? ['tcp.seq', 'tcp.ack', 'tcp.flags.syn', 'tcp.flags.ack', 'tcp.flags.fin'] : [])];
    this.fStream = fid(`${proto}.stream`);
    this.fSrc = [fid('ip.src'), fid('ipv6.src')];
    this.fDst = [fid('ip.dst'), fid('ipv6.dst')];
    this.fSport = fid(`${proto}.srcport`);
    this.fDport = fid(`${proto}.dstport`);
    this.fSeq = fid('tcp.seq');
    this.fPayload = fid(`${proto}.payload`);
    this.fSyn = fid('tcp.flags.syn');
    this.fAck = fid('tcp.ack');
    this.fAckFlag = fid('tcp.flags.ack');
    this.fFin = fid('tcp.flags.fin');
  }

  get filterText(): string {
    const t = this.target;
    if ('stream' in t) return `${this.proto}.stream eq ${t.stream}`;
    const ip = t.a.includes(':') ? 'ipv6' : 'ip';
    const p = this.proto;
    const side = (s: string, sp: number, d: string, dp: number): string =>
      `((${ip}.src eq ${s} and ${p}.srcport eq ${sp}) and (${ip}.dst eq ${d} and ${p}.dstport eq ${dp}))`;
    return `${side(t.a, t.aPort, t.b, t.bPort)} or ${side(t.b, t.bPort, t.a, t.aPort)}`;
  }

  packet(p: Packet): void {
    const t = p.tree;
    let src = '';
    let dst = '';
    let sport = -1;
    let dport = -1;
    let stream = -1;
    let seq = NaN;
    let syn = false;
    let ack = NaN;
    let ackFlag = false;
    let fin = false;
    let payload: Uint8Array | undefined;
    // the outermost transport layer of this protocol (items after an ICMP error are quoted headers)
    for (let i = 0; i < t.n; i++) {
      const f = t.fid[i]!;
      if (f === this.fSrc[0] || f === this.fSrc[1]) { if (sport < 0) src = fieldText(t, i); }
      else if (f === this.fDst[0] || f === this.fDst[1]) { if (sport < 0) dst = fieldText(t, i); }
      else if (f === this.fSport) { if (sport >= 0) break; sport = t.num[i]!; }
      else if (f === this.fDport) dport = t.num[i]!;
      else if (f === this.fStream) stream = t.num[i]!;
      else if (f === this.fSeq) seq = t.num[i]!;
      else if (f === this.fSyn) syn = t.num[i]! !== 0;
      else if (f === this.fAck) ack = t.num[i]!;
      else if (f === this.fAckFlag) ackFlag = t.num[i]! !== 0;
      else if (f === this.fFin) fin = t.num[i]! !== 0;
      else if (f === this.fPayload) payload = t.value(i) as Uint8Array;
    }
    if (sport < 0) return;
    const tg = this.target;
    if ('stream' in tg) {
      if (stream !== tg.stream) return;
    } else if (!((src === tg.a && sport === tg.aPort && dst === tg.b && dport === tg.bPort)
      || (src === tg.b && sport === tg.bPort && dst === tg.a && dport === tg.aPort))) return;
    if (this.port0 < 0) {
      this.addr0 = src;
      this.port0 = sport;
      this.node0 = endpointName(src, sport);
      this.node1 = endpointName(dst, dport);
    }
    const dir: 0 | 1 = src === this.addr0 && sport === this.port0 ? 0 : 1;
    if (this.proto === 'udp') {
      if (payload && payload.length) this.segs.push({ dir, frame: p.num, data: payload.slice() });
      return;
    }
    if (Number.isNaN(seq)) return;
    if (Number.isNaN(this.next[dir]!)) this.next[dir] = syn ? seq + 1 : seq;
    if (payload && payload.length) this.tcpData(dir, seq, p.num, payload);
    // a FIN takes one sequence number (no byte of data)
    if (fin && this.next[dir] === seq + (payload?.length ?? 0)) this.next[dir]! += 1;
    // the highest acknowledgement of each direction's data by its peer
    const o = dir ? 0 : 1;
    if (ackFlag && !Number.isNaN(ack) && !(ack <= this.acked[o]!)) this.acked[o] = ack;
  }

  private tcpData(dir: 0 | 1, seq: number, frame: number, data: Uint8Array): void {
    let next = this.next[dir]!;
    if (seq > next) {
      if (!(this.acked[dir]! >= seq)) {
        this.pending[dir]!.push({ seq, frame, data: data.slice() });
        return;
      }
      // the peer acknowledged past the hole before this segment came: tshark gives the hole up
      const m = `[${seq - next} bytes missing in capture file]\u0000`;
      const mark = new Uint8Array(m.length);
      for (let k = 0; k < m.length; k++) mark[k] = m.charCodeAt(k);
      this.segs.push({ dir, frame, data: mark });
      this.next[dir] = next = seq;
    }
    const end = seq + data.length;
    if (end <= next) return; // all seen already (retransmission)
    this.segs.push({ dir, frame, data: data.slice(next - seq) });
    this.next[dir] = end;
    this.flush(dir);
  }

  /** Emits the buffered segments of `dir` that the data so far has reached. */
  private flush(dir: 0 | 1): void {
    const q = this.pending[dir]!;
    for (;;) {
      let k = -1;
      for (let i = 0; i < q.length; i++) if (q[i]!.seq <= this.next[dir]! && (k < 0 || q[i]!.seq < q[k]!.seq)) k = i;
      if (k < 0) break;
      const s = q.splice(k, 1)[0]!;
      const e = s.seq + s.data.length;
      if (e > this.next[dir]!) {
        this.segs.push({ dir, frame: s.frame, data: s.data.subarray(this.next[dir]! - s.seq) });
        this.next[dir] = e;
      }
    }
  }

  result(): FollowResult {
    return { proto: this.proto, filter: this.filterText, node0: this.node0 || ':0', node1: this.node1 || ':0', segments: this.segs };
  }

  text(): string {
    const r = this.result();
    let s = `\n${RULE}\nFollow: ${this.proto},${this.mode}\nFilter: ${r.filter}\nNode 0: ${r.node0}\nNode 1: ${r.node1}\n`;
    const off = [0, 0];
    for (const g of r.segments) {
      const tab = g.dir ? '\t' : '';
      if (this.mode === 'ascii') {
        let a = '';
        for (const b of g.data) a += b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) ? String.fromCharCode(b) : '.';
        s += `${tab}${g.data.length}\n${a}\n`;
      } else if (this.mode === 'raw') {
        let h = '';
        for (const b of g.data) h += (b < 16 ? '0' : '') + b.toString(16);
        s += `${tab}${h}\n`;
      } else {
        s += hexChunk(g.data, off[g.dir]!, tab);
      }
      off[g.dir]! += g.data.length;
    }
    return s + RULE + '\n';
  }
}

/** tshark's follow hex lines: offset, 16 bytes in two groups of 8, and their ASCII in two groups. */
function hexChunk(d: Uint8Array, base: number, tab: string): string {
  let s = '';
  for (let i = 0; i < d.length; i += 16) {
    let hex = '';
    let asc = '';
    for (let j = 0; j < 16; j++) {
      if (j === 8) { hex += ' '; }
      if (i + j < d.length) {
        const b = d[i + j]!;
        hex += (b < 16 ? '0' : '') + b.toString(16) + ' ';
        if (j === 8) asc += ' ';
        asc += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      } else hex += '   ';
    }
    const line = `${tab}${(base + i).toString(16).toUpperCase().padStart(8, '0')}  ${hex} ${asc}`;
    // tshark drops the last column of a full line when it is a space
    s += (i + 16 <= d.length && line.endsWith(' ') ? line.slice(0, -1) : line) + '\n';
  }
  return s;
}
