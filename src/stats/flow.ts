// `-z flow,any|tcp|icmp,standard|network`: tshark 4.0's text sequence diagram. Nodes are the
// addresses in first-seen order, 20 columns apart; each packet is a label line (written from 9
// columns into the left node's cell over the arrow's span, cut to fit) and an arrow line with
// the ports at both ends, then a comment after the last node.

import type { Packet } from '../core/packet.js';
import { fid, padR, relNs, type Tap, type TapClock } from './tap.js';

export type FlowKind = 'any' | 'tcp' | 'icmp';

export interface FlowItem {
  frame: number;
  /** nanoseconds after the first frame */
  ns: number;
  /** digits of the frame's timestamp precision (tshark prints the time with them) */
  digits: number;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  label: string;
  comment: string;
  /** tcp.stream (flow,tcp), else -1 */
  stream: number;
}

export interface FlowResult {
  kind: FlowKind;
  nodes: string[];
  items: FlowItem[];
}

const CELL = 20;
const TCP_FLAG_NAMES: readonly [number, string][] = [
  [0x01, 'FIN'], [0x02, 'SYN'], [0x04, 'RST'], [0x08, 'PSH'], [0x10, 'ACK'], [0x20, 'URG'], [0x40, 'ECE'], [0x80, 'CWR'], [0x100, 'NS'],
];

export class FlowTap implements Tap<FlowResult> {
  readonly fields: string[];
  readonly fullTree = false;
  readonly columns = true;
  readonly filter = undefined;
  private readonly items: FlowItem[] = [];
  private readonly nodes: string[] = [];
  private readonly nodeIdx = new Map<string, number>();
  private readonly f: Record<string, number>;

  constructor(readonly spec: string, readonly kind: FlowKind, readonly network: boolean) {
    this.fields = ['tcp.flags', 'tcp.seq', 'tcp.ack', 'tcp.len', 'tcp.srcport', 'tcp.dstport', 'udp.srcport', 'udp.dstport', 'icmp.type', 'icmp.code', 'tcp.stream'];
    this.f = Object.fromEntries(this.fields.map((n) => [n, fid(n)]));
  }

  /** First value of a field in the packet's tree, or NaN. */
  private num(p: Packet, name: string): number {
    const id = this.f[name]!;
    const t = p.tree;
    for (let i = 0; i < t.n; i++) if (t.fid[i] === id) return t.num[i]!;
    return NaN;
  }

  packet(p: Packet, clock: TapClock): void {
    let label: string;
    let comment: string;
    let sp = 0;
    let dp = 0;
    const tcpFlags = this.num(p, 'tcp.flags');
    if (this.kind === 'tcp') {
      if (Number.isNaN(tcpFlags)) return;
      const names = TCP_FLAG_NAMES.filter(([m]) => tcpFlags & m).map(([, n]) => n);
      const len = this.num(p, 'tcp.len');
      label = names.join(', ') + (len > 0 ? ` - Len: ${len}` : '');
      comment = `Seq = ${this.num(p, 'tcp.seq')}` + (tcpFlags & 0x10 ? ` Ack = ${this.num(p, 'tcp.ack')}` : '');
    } else if (this.kind === 'icmp') {
      const type = this.num(p, 'icmp.type');
      if (Number.isNaN(type)) return;
      const info = p.info;
      const cut = info.indexOf('  ');
      label = cut < 0 ? info : info.slice(0, cut);
      comment = `${p.proto}: ${info}`;
    } else {
      label = p.info;
      comment = `${p.proto}: ${p.info}`;
    }
    if (!Number.isNaN(tcpFlags)) {
      sp = this.num(p, 'tcp.srcport');
      dp = this.num(p, 'tcp.dstport');
    } else if (!Number.isNaN(this.num(p, 'udp.srcport'))) {
      sp = this.num(p, 'udp.srcport');
      dp = this.num(p, 'udp.dstport');
    } else if (!Number.isNaN(this.num(p, 'icmp.type'))) {
      dp = this.num(p, 'icmp.type') * 256 + (this.num(p, 'icmp.code') || 0);
    }
    const src = p.src;
    const dst = p.dst;
    for (const a of [src, dst]) {
      if (!this.nodeIdx.has(a)) {
        this.nodeIdx.set(a, this.nodes.length);
        this.nodes.push(a);
      }
    }
    const stream = this.kind === 'tcp' ? this.num(p, 'tcp.stream') : -1;
    this.items.push({ frame: p.num, ns: relNs(p, clock), digits: clock.precision ?? 6, src, dst, srcPort: sp, dstPort: dp, label, comment, stream });
  }

  result(): FlowResult {
    return { kind: this.kind, nodes: this.nodes, items: this.items };
  }

  text(): string {
    const n = this.nodes.length;
    if (n === 0) return '';
    const width = 11 + CELL * n;
    // header: even nodes on the first line, odd ones on the second, each over its own column
    // flow,tcp over several connections: a conversation column and a rule where it changes
    const conv = this.kind === 'tcp' && this.items.some((x) => x.stream !== this.items[0]!.stream);
    let h1 = conv ? 'Conv.| Time    |' : '|Time     |';
    for (let i = 0; i < n; i += 2) h1 += ` ${padR(this.nodes[i]!, 38)}|`;
    let h2 = conv ? '     |         |' : '|         |';
    for (let i = 1; i < n; i += 2) {
      h2 += ' '.repeat(CELL - 1) + '|';
      const name = this.nodes[i]!;
      h2 += i === n - 1 && name.length > 17 ? ` ${padR(name, 38)}` : ` ${padR(name, 18)}|`;
    }
    if (!(n % 2 === 0 && this.nodes[n - 1]!.length > 17)) h2 += ' '.repeat(CELL - 1);
    let s = `${h1}\n${h2}\n`;
    const blank = (): string[] => {
      const row = Array.from({ length: width - 11 }, () => ' ');
      for (let k = 1; k <= n; k++) row[k * CELL - 1] = '|';
      return row;
    };
    let prev = NaN;
    for (const it of this.items) {
      if (conv && !Number.isNaN(prev) && it.stream !== prev) s += '-'.repeat(width + 6) + '\n';
      prev = it.stream;
      const a = this.nodeIdx.get(it.src)!;
      const b = this.nodeIdx.get(it.dst)!;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const gap = Math.max(1, hi - lo);
      const sec = it.ns / 1e9;
      // label line
      const r1 = blank();
      const label = [...it.label].slice(0, CELL * gap);
      label.forEach((ch, k) => { r1[lo * CELL + 9 + k] = ch; });
      s += `${conv ? padR(it.stream, 5) : ''}|${padR(sec.toFixed(it.digits > 6 ? 9 : 6), 9)}|${r1.join('')}${it.comment}\n`;
      // arrow line
      const r2 = blank();
      const put = (at: number, text: string): void => { [...text].forEach((ch, k) => { r2[at + k] = ch; }); };
      const lp = a <= b ? it.srcPort : it.dstPort;
      const rp = a <= b ? it.dstPort : it.srcPort;
      const len = CELL * gap - 1;
      const arrow = a <= b ? '-'.repeat(len - 1) + '>' : '<' + '-'.repeat(len - 1);
      const at = lo * CELL;
      put(at, padR(`(${lp})`, 9) + arrow + '  ' + `(${rp})`);
      s += `${conv ? '     ' : ''}|         |${r2.join('')}\n`;
    }
    return s;
  }
}
