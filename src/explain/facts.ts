// The facts the connection's story is told from: one record per TCP segment, read from the field
// tree the dissectors built (tcp.*, tcp.analysis.*, tcp.state.* and the network addresses), so the
// story says exactly what the tree, the filters and `-T fields` say. Platform-neutral: the CLI
// builds these from a file, the UI server from its capture.
//
// Cost: only the fields listed in FACT_FIELDS are built (wantExplainFields), one pass over the
// items of the tree per packet, one small object per TCP segment.

import { fieldByName, fieldCount } from '../core/field.js';
import { formatIPv4, formatIPv6 } from '../core/format.js';
import { PType, type Packet } from '../core/packet.js';
import type { Tree } from '../core/tree.js';
import { TA } from '../analysis/tcp-analysis.js';

/** One TCP segment, as the story needs it. Sequence numbers are tshark's relative ones. */
export interface ExplainSeg {
  /** frame number */
  num: number;
  /** capture time, seconds since the epoch (fractional) */
  time: number;
  stream: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  /** relative (tcp.seq / tcp.ack) and raw values */
  seq: number;
  ack: number;
  seqRaw: number;
  ackRaw: number;
  /** tcp.nxtseq (seq + len, + 1 for SYN/FIN) */
  nxtseq: number;
  len: number;
  /** the 12 flag bits */
  flags: number;
  /** tcp.window_size_value, tcp.window_size (calculated), tcp.window_size_scalefactor (-1 unknown, -2 none) */
  win: number;
  winCalc: number;
  scale: number;
  /** options of this segment; -1 when absent */
  mss: number;
  wsShift: number;
  wsMult: number;
  sackPerm: boolean;
  /** TA bits of tcp.analysis.* and their numbers (0 = none) */
  analysis: number;
  acksFrame: number;
  dupAckNum: number;
  dupAckFrame: number;
  /** tcp.state.* (TS / STEP values); -1 when the tree had none */
  client: number;
  server: number;
  step: number;
  inferred: boolean;
}

/** Analysis fields and their TA bit. */
const FLAG_FIELDS: readonly [string, number][] = [
  ['tcp.analysis.retransmission', TA.RETRANSMISSION],
  ['tcp.analysis.fast_retransmission', TA.FAST_RETRANSMISSION],
  ['tcp.analysis.spurious_retransmission', TA.SPURIOUS_RETRANSMISSION],
  ['tcp.analysis.out_of_order', TA.OUT_OF_ORDER],
  ['tcp.analysis.lost_segment', TA.LOST_SEGMENT],
  ['tcp.analysis.ack_lost_segment', TA.ACK_LOST_SEGMENT],
  ['tcp.analysis.duplicate_ack', TA.DUPLICATE_ACK],
  ['tcp.analysis.zero_window', TA.ZERO_WINDOW],
  ['tcp.analysis.zero_window_probe', TA.ZERO_WINDOW_PROBE],
  ['tcp.analysis.zero_window_probe_ack', TA.ZERO_WINDOW_PROBE_ACK],
  ['tcp.analysis.window_full', TA.WINDOW_FULL],
  ['tcp.analysis.window_update', TA.WINDOW_UPDATE],
  ['tcp.analysis.keep_alive', TA.KEEP_ALIVE],
  ['tcp.analysis.keep_alive_ack', TA.KEEP_ALIVE_ACK],
  ['tcp.analysis.reused_ports', TA.REUSED_PORTS],
];

const enum K {
  OTHER, IP_SRC, IP_DST, IP6_SRC, IP6_DST, STREAM, SPORT, DPORT, SEQ, ACK, SEQ_RAW, ACK_RAW, NXTSEQ, LEN, FLAGS,
  WIN, WIN_CALC, SCALE, MSS, WS_SHIFT, WS_MULT, SACK_PERM, ACKS_FRAME, DUP_NUM, DUP_FRAME,
  ST_CLIENT, ST_SERVER, ST_STEP, ST_INFERRED, FLAG,
}

const NAMED: readonly [string, K][] = [
  ['ip.src', K.IP_SRC], ['ip.dst', K.IP_DST], ['ipv6.src', K.IP6_SRC], ['ipv6.dst', K.IP6_DST],
  ['tcp.stream', K.STREAM], ['tcp.srcport', K.SPORT], ['tcp.dstport', K.DPORT], ['tcp.seq', K.SEQ], ['tcp.ack', K.ACK],
  ['tcp.seq_raw', K.SEQ_RAW], ['tcp.ack_raw', K.ACK_RAW], ['tcp.nxtseq', K.NXTSEQ], ['tcp.len', K.LEN], ['tcp.flags', K.FLAGS],
  ['tcp.window_size_value', K.WIN], ['tcp.window_size', K.WIN_CALC], ['tcp.window_size_scalefactor', K.SCALE],
  ['tcp.options.mss_val', K.MSS], ['tcp.options.wscale.shift', K.WS_SHIFT], ['tcp.options.wscale.multiplier', K.WS_MULT],
  ['tcp.options.sack_perm', K.SACK_PERM], ['tcp.analysis.acks_frame', K.ACKS_FRAME],
  ['tcp.analysis.duplicate_ack_num', K.DUP_NUM], ['tcp.analysis.duplicate_ack_frame', K.DUP_FRAME],
  ['tcp.state.client', K.ST_CLIENT], ['tcp.state.server', K.ST_SERVER], ['tcp.state.step', K.ST_STEP],
  ['tcp.state.inferred', K.ST_INFERRED],
];

/** field id → what it is (K) and, for analysis flags, the TA bit; built on first use. */
let kindOf: Uint8Array | undefined;
let bitOf: Map<number, number> | undefined;

function tables(): Uint8Array {
  if (kindOf) return kindOf;
  const k = new Uint8Array(fieldCount() + 1);
  bitOf = new Map();
  for (const [n, v] of NAMED) {
    const f = fieldByName(n);
    if (f) k[f.id] = v;
  }
  for (const [n, bit] of FLAG_FIELDS) {
    const f = fieldByName(n);
    if (f) {
      k[f.id] = K.FLAG;
      bitOf.set(f.id, bit);
    }
  }
  return (kindOf = k);
}

/** Marks the fields the story reads in `want` (an Engine want array; grown if needed) and returns it. */
export function wantExplainFields(want?: Uint8Array): Uint8Array {
  const k = tables();
  const w = want && want.length >= k.length ? want : new Uint8Array(Math.max(k.length, want?.length ?? 0));
  if (want && w !== want) w.set(want);
  for (let i = 0; i < k.length; i++) if (k[i] !== K.OTHER) w[i] = 1;
  return w;
}

function num(t: Tree, i: number): number {
  const v = t.value(i);
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0;
}

/**
 * The segment facts of the packet just dissected (the first TCP header of the frame: a TCP header
 * quoted inside an ICMP error is not a segment of the connection), or undefined for other packets.
 */
export function segFromPacket(p: Packet): ExplainSeg | undefined {
  if (p.ptype !== PType.TCP) return undefined;
  const k = tables();
  const t = p.tree;
  const s: ExplainSeg = {
    num: p.num, time: p.tsSec + p.tsNsec / 1e9, stream: -1, src: '', dst: '', sport: 0, dport: 0,
    seq: 0, ack: 0, seqRaw: 0, ackRaw: 0, nxtseq: 0, len: 0, flags: 0, win: 0, winCalc: -1, scale: -1,
    mss: -1, wsShift: -1, wsMult: -1, sackPerm: false, analysis: 0, acksFrame: 0, dupAckNum: 0, dupAckFrame: 0,
    client: -1, server: -1, step: -1, inferred: false,
  };
  let inTcp = false;
  for (let i = 0; i < t.n; i++) {
    const fid = t.fid[i]!;
    const kind = fid < k.length ? k[fid]! : K.OTHER;
    if (kind === K.OTHER) continue;
    // addresses: the last network header before the TCP header (the innermost of a tunnel)
    if (!inTcp) {
      switch (kind) {
        case K.IP_SRC: s.src = formatIPv4(num(t, i)); continue;
        case K.IP_DST: s.dst = formatIPv4(num(t, i)); continue;
        case K.IP6_SRC: case K.IP6_DST: {
          const v = t.value(i);
          const text = v instanceof Uint8Array && v.length === 16 ? formatIPv6(v) : '';
          if (kind === K.IP6_SRC) s.src = text; else s.dst = text;
          continue;
        }
        default: break;
      }
    }
    if (kind === K.SPORT) {
      // a second TCP header (quoted in a payload): the segment's facts are complete
      if (inTcp) break;
      inTcp = true;
    }
    if (!inTcp) continue;
    switch (kind) {
      case K.STREAM: s.stream = num(t, i); break;
      case K.SPORT: s.sport = num(t, i); break;
      case K.DPORT: s.dport = num(t, i); break;
      case K.SEQ: s.seq = num(t, i); break;
      case K.ACK: s.ack = num(t, i); break;
      case K.SEQ_RAW: s.seqRaw = num(t, i); break;
      case K.ACK_RAW: s.ackRaw = num(t, i); break;
      case K.NXTSEQ: s.nxtseq = num(t, i); break;
      case K.LEN: s.len = num(t, i); break;
      case K.FLAGS: s.flags = num(t, i); break;
      case K.WIN: s.win = num(t, i); break;
      case K.WIN_CALC: s.winCalc = num(t, i); break;
      case K.SCALE: s.scale = num(t, i); break;
      case K.MSS: s.mss = num(t, i); break;
      case K.WS_SHIFT: s.wsShift = num(t, i); break;
      case K.WS_MULT: s.wsMult = num(t, i); break;
      case K.SACK_PERM: s.sackPerm = true; break;
      case K.ACKS_FRAME: s.acksFrame = num(t, i); break;
      case K.DUP_NUM: s.dupAckNum = num(t, i); break;
      case K.DUP_FRAME: s.dupAckFrame = num(t, i); break;
      case K.ST_CLIENT: s.client = num(t, i); break;
      case K.ST_SERVER: s.server = num(t, i); break;
      case K.ST_STEP: s.step = num(t, i); break;
      case K.ST_INFERRED: s.inferred = num(t, i) !== 0; break;
      case K.FLAG: s.analysis |= bitOf!.get(fid) ?? 0; break;
      default: break;
    }
  }
  if (s.stream < 0) return undefined;
  if (s.nxtseq === 0 && s.len === 0 && !(s.flags & 3)) s.nxtseq = s.seq;
  return s;
}
