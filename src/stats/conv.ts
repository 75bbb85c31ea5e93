// `-z conv,TYPE[,FILTER]`: conversations (address pairs, both directions together) with frames
// and bytes each way, the start relative to the first frame and the duration; sorted by total
// frames (ties keep first-seen order), as tshark 4.0 prints them.

import type { Packet } from '../core/packet.js';
import { ADDR_TITLES, addrFields, addrWalker, type AddrType } from './addr.js';
import { formatSize, padL, padR, relNs, secText9, type Tap, type TapClock, type TapFilter } from './tap.js';

export interface ConvRow {
  /** address A (the first packet's source), with ":port" for tcp/udp */
  a: string;
  b: string;
  /** frames and bytes from B to A (tshark's "<-" columns) */
  framesBA: number;
  bytesBA: number;
  /** from A to B ("->") */
  framesAB: number;
  bytesAB: number;
  frames: number;
  bytes: number;
  /** first packet, nanoseconds after the capture's first frame */
  startNs: number;
  /** last minus first packet, nanoseconds */
  durationNs: number;
}

export interface ConvResult {
  type: AddrType;
  filter: string | undefined;
  rows: ConvRow[];
}

const RULE = '='.repeat(80);

export class ConvTap implements Tap<ConvResult> {
  readonly fields: string[];
  readonly fullTree = false;
  readonly itemsOnly = true;
  readonly columns = false;
  private readonly walk: ReturnType<typeof addrWalker>;
  private readonly byKey = new Map<string, ConvRow & { lastNs: number }>();
  private readonly rows: (ConvRow & { lastNs: number })[] = [];
  private len = 0;
  private ns = 0;

  constructor(readonly spec: string, readonly type: AddrType, readonly filter: TapFilter | undefined) {
    this.fields = addrFields(type);
    this.walk = addrWalker(type);
  }

  packet(p: Packet, clock: TapClock): void {
    if (this.filter && !this.filter.match(p)) return;
    this.len = p.len;
    this.ns = relNs(p, clock);
    this.walk(p, this.add);
  }

  /** the previous packet's endpoints and row (a transfer's packets come in runs: no key text then) */
  private lastSrc = '';
  private lastDst = '';
  private lastSport = -1;
  private lastDport = -1;
  private lastRow: (ConvRow & { lastNs: number }) | undefined = undefined;
  /** the previous packet went A → B of lastRow */
  private lastAB = false;

  private readonly add = (src: string, dst: string, sport: number, dport: number): void => {
    let r = this.lastRow;
    let ab: boolean;
    if (r !== undefined && src === this.lastSrc && dst === this.lastDst && sport === this.lastSport && dport === this.lastDport) {
      ab = this.lastAB;
    } else if (r !== undefined && src === this.lastDst && dst === this.lastSrc && sport === this.lastDport && dport === this.lastSport) {
      ab = !this.lastAB;
    } else {
      const ports = this.type === 'tcp' || this.type === 'udp';
      const s = ports ? `${src}:${sport}` : src;
      const d = ports ? `${dst}:${dport}` : dst;
      const key = s < d ? `${s}\u0000${d}` : `${d}\u0000${s}`;
      r = this.byKey.get(key);
      if (r === undefined) {
        r = { a: s, b: d, framesBA: 0, bytesBA: 0, framesAB: 0, bytesAB: 0, frames: 0, bytes: 0, startNs: this.ns, durationNs: 0, lastNs: this.ns };
        this.byKey.set(key, r);
        this.rows.push(r);
      }
      ab = r.a === s;
    }
    this.lastRow = r;
    this.lastSrc = src; this.lastDst = dst; this.lastSport = sport; this.lastDport = dport;
    this.lastAB = ab;
    if (ab) {
      r.framesAB++;
      r.bytesAB += this.len;
    } else {
      r.framesBA++;
      r.bytesBA += this.len;
    }
    r.frames++;
    r.bytes += this.len;
    if (this.ns < r.startNs) r.startNs = this.ns;
    if (this.ns > r.lastNs) r.lastNs = this.ns;
    r.durationNs = r.lastNs - r.startNs;
  };

  private sorted(): (ConvRow & { lastNs: number })[] {
    // Array.prototype.sort is stable: ties keep first-seen order, as tshark's table does
    return this.rows.slice().sort((x, y) => y.frames - x.frames);
  }

  result(): ConvResult {
    return {
      type: this.type, filter: this.filter?.text,
      rows: this.sorted().map(({ lastNs: _l, ...r }) => r),
    };
  }

  text(): string {
    const w = this.type === 'tcp' || this.type === 'udp' ? 26 : 20;
    const lead = ' '.repeat(2 * w + 7);
    let s = `${RULE}\n${ADDR_TITLES[this.type]} Conversations\nFilter:${this.filter?.text ?? '<No Filter>'}\n`;
    s += `${lead}|       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n`;
    s += `${lead}| Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n`;
    // lines are joined (flattened) in blocks: tens of thousands of lines kept as concatenation
    // trees until the end cost ~20 MB of peak memory
    const parts: string[] = [s];
    let block: string[] = [];
    for (const r of this.sorted()) {
      block.push(`${padR(r.a, w)} <-> ${padR(r.b, w)}  ${padL(r.framesBA, 6)} ${padR(formatSize(r.bytesBA), 9)}`
        + `  ${padL(r.framesAB, 6)} ${padR(formatSize(r.bytesAB), 9)}`
        + `  ${padL(r.frames, 6)} ${padR(formatSize(r.bytes), 9)}`
        // tshark subtracts the two relative times as doubles (seconds) before rounding
        + `  ${padL(secText9(r.startNs), 14)}  ${padL((r.lastNs / 1e9 - r.startNs / 1e9).toFixed(4), 13)}\n`);
      if (block.length === 256) { parts.push(block.join('')); block = []; }
    }
    parts.push(block.join(''), RULE + '\n');
    return parts.join('');
  }
}
