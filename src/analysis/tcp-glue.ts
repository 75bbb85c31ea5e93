// Glue between the TCP dissector and the analysis engines: per-capture state (one analysis and one
// state machine per stream index), the per-frame snapshot the dissector keeps for revisits, the
// "SEQ/ACK analysis" tree and the Info tags as tshark shows them, and the tcp.state.* fields.

import { FT, field, fieldByName, fields } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { stateKey } from '../core/session.js';
import { wantTest } from '../core/tree.js';
import { Group, Severity, type ExpertInfo } from '../core/expert.js';
import { analysisInfo, analyzeSegment, TA, TA_FLAG_MASK, TA_TREE_MASK, TcpAnalysisResult, TcpConvAnalysis, TcpSegment } from './tcp-analysis.js';
import { packState, STEP, TcpConnState, TcpStateResult, TCP_STATE_NAMES, TCP_STEP_NAMES, unpackState } from './tcp-state.js';

// tcp.state.*: wirelens' own fields (no tshark counterpart), registered by the TCP dissector
// right after its own fields (registerTcpStateFields) so -G fields lists them under tcp.
let hf_state = -1;
let hf_state_client = -1;
let hf_state_server = -1;
let hf_state_step = -1;
let hf_state_inferred = -1;

/** Registers tcp.state.* under the protocol `tcpProto` (call once, from the TCP dissector). */
export function registerTcpStateFields(tcpProto: number): void {
  hf_state = field({ abbrev: 'tcp.state', name: 'Connection state', type: FT.NONE, blurb: 'The TCP state machine of both endpoints (wirelens)' }, tcpProto);
  hf_state_client = field({ abbrev: 'tcp.state.client', name: 'Client state', type: FT.UINT8, vals: TCP_STATE_NAMES, blurb: 'RFC 9293 state of the client (the SYN sender) after this segment was sent and received; UNKNOWN before the capture shows it' }, tcpProto);
  hf_state_server = field({ abbrev: 'tcp.state.server', name: 'Server state', type: FT.UINT8, vals: TCP_STATE_NAMES, blurb: 'RFC 9293 state of the server after this segment was sent and received; UNKNOWN before the capture shows it' }, tcpProto);
  hf_state_step = field({ abbrev: 'tcp.state.step', name: 'Connection step', type: FT.UINT8, vals: TCP_STEP_NAMES, blurb: 'What this segment does in the connection: handshake 1/3..3/3, data, ACK, teardown 1/4..4/4, reset' }, tcpProto);
  hf_state_inferred = field({ abbrev: 'tcp.state.inferred', name: 'States inferred (handshake not captured)', type: FT.BOOLEAN, blurb: 'The connection started before the capture: the states were inferred from the segments seen' }, tcpProto);
}

/** What the first pass computed for one segment (kept by the dissector for revisits). */
export class TcpAnalysisSnapshot {
  flags = 0;
  acksFrame = 0;
  ackRtt = 0;
  irtt = 0;
  bytesInFlight = 0;
  pushBytes = 0;
  dupAckNum = 0;
  dupAckFrame = 0;
  rto = 0;
  rtoFrame = 0;
  /** packState() of the state machine's result (0 when the run reads neither it nor the numbers) */
  state = 0;
}

/** The analysis and the state machine of one connection (the dissector keeps it with its stream). */
export class TcpConn extends TcpConvAnalysis {
  /** the state machine, created by the first segment analyzed with `numbers` (see analyzeTcp) */
  st: TcpConnState | undefined = undefined;
}

class GlueState {
  seg = new TcpSegment();
  res = new TcpAnalysisResult();
  sres = new TcpStateResult();
}
const GLUE = stateKey('tcp-analysis', () => new GlueState());

/** Raw SACK edges of the options [off, end) into seg (kind 5). */
function scanSack(b: Uint8Array, off: number, end: number, seg: TcpSegment): void {
  seg.nsack = 0;
  let o = off;
  while (o < end) {
    const k = b[o]!;
    if (k === 0) break;
    if (k === 1) { o++; continue; }
    if (o + 1 >= end) break;
    const l = b[o + 1]!;
    if (l < 2 || o + l > end) break;
    if (k === 5) {
      for (let a = o + 2; a + 8 <= o + l && seg.nsack < 4; a += 8) {
        seg.sackLe[seg.nsack] = ((b[a]! << 24) | (b[a + 1]! << 16) | (b[a + 2]! << 8) | b[a + 3]!) >>> 0;
        seg.sackRe[seg.nsack] = ((b[a + 4]! << 24) | (b[a + 5]! << 16) | (b[a + 6]! << 8) | b[a + 7]!) >>> 0;
        seg.nsack++;
      }
    }
    o += l;
  }
}

/**
 * First pass: runs the analysis and (when its results can be read) the state machine of
 * connection `c` (created with the timestamp of its first analyzed segment) for one segment and
 * returns its snapshot.
 * `optOff`/`optEnd` bound the captured option bytes in p.buf.
 */
export function analyzeTcp(p: Packet, c: TcpConn, dir: 0 | 1, seq: number, ack: number, len: number, flags: number,
  win: number, shift: number, reused: boolean, sport: number, dport: number, optOff: number, optEnd: number,
  into?: TcpAnalysisSnapshot): TcpAnalysisSnapshot {
  const g = p.session.get(GLUE);
  const s = g.seg;
  s.num = p.num; s.tsSec = p.tsSec; s.tsNsec = p.tsNsec; s.dir = dir;
  s.seq = seq >>> 0; s.ack = ack >>> 0; s.len = len; s.flags = flags; s.win = win; s.shift = shift; s.reused = reused;
  // The analysis' numbers and the state machine are read from the tree of this run or from the
  // snapshots kept for revisits; without either only the flags are (Info tags, expert entries,
  // filters on them). A want lives for a whole run: every segment of a capture gets one answer.
  const numbers = p.session.retainFrames || analysisItems(p.tree.want);
  s.numbers = numbers;
  if (numbers) scanSack(p.buf, optOff, optEnd, s);
  else s.nsack = 0;
  const r = g.res;
  analyzeSegment(c, s, r);
  let state = 0;
  if (numbers) {
    const sr = g.sres;
    (c.st ??= new TcpConnState()).step(s, sport, dport, sr);
    // a finished connection keeps its small state (late segments still find it) but not its lists
    // of unacknowledged segments: memory stays bounded in long streaming runs. After a teardown a
    // list still holding a FIN waits for its ACK (tshark matches the last ACK to the FIN).
    if (sr.step === STEP.RESET) {
      c.flows[0].segs.release();
      c.flows[1].segs.release();
    } else if (sr.step === STEP.TEARDOWN_4) {
      if (c.flows[0].segs.n === 0) c.flows[0].segs.release();
      if (c.flows[1].segs.n === 0) c.flows[1].segs.release();
    }
    state = packState(sr);
  }
  // (`into`: a snapshot to refill, for runs that keep none per frame)
  const snap = into ?? new TcpAnalysisSnapshot();
  snap.flags = r.flags; snap.acksFrame = r.acksFrame; snap.ackRtt = r.ackRtt; snap.irtt = r.irtt;
  snap.bytesInFlight = r.bytesInFlight; snap.pushBytes = r.pushBytes; snap.dupAckNum = r.dupAckNum;
  snap.dupAckFrame = r.dupAckFrame; snap.rto = r.rto; snap.rtoFrame = r.rtoFrame;
  snap.state = state;
  return snap;
}

/** Can a tree with this want hold an item of the SEQ/ACK analysis or the connection state? */
export const analysisItems = wantTest((id) => {
  const a = fields[id]?.abbrev;
  return a === undefined || a.startsWith('tcp.analysis') || a.startsWith('tcp.state');
}, true);

/** Info tags (`[TCP Dup ACK 6#1] `) of a snapshot, '' when none. */
export function tcpAnalysisInfo(snap: TcpAnalysisSnapshot): string {
  if ((snap.flags & TA_FLAG_MASK) === 0) return '';
  const r = tmp;
  r.flags = snap.flags; r.dupAckNum = snap.dupAckNum; r.dupAckFrame = snap.dupAckFrame;
  return analysisInfo(r);
}
const tmp = new TcpAnalysisResult();

let ids: Record<string, number> | undefined;
function id(name: string): number {
  if (!ids) ids = {};
  let v = ids[name];
  if (v === undefined) v = ids[name] = fieldByName(name)?.id ?? -1;
  return v;
}

function ei(abbrev: string, severity: Severity, summary: string): ExpertInfo {
  return { fid: id(abbrev), abbrev, group: Group.SEQUENCE, severity, summary };
}
let EI: Record<string, ExpertInfo> | undefined;
function experts(): Record<string, ExpertInfo> {
  return EI ??= {
    retransmission: ei('tcp.analysis.retransmission', Severity.NOTE, 'This frame is a (suspected) retransmission'),
    fast: ei('tcp.analysis.fast_retransmission', Severity.NOTE, 'This frame is a (suspected) fast retransmission'),
    spurious: ei('tcp.analysis.spurious_retransmission', Severity.NOTE, 'This frame is a (suspected) spurious retransmission'),
    ooo: ei('tcp.analysis.out_of_order', Severity.WARN, 'This frame is a (suspected) out-of-order segment'),
    lost: ei('tcp.analysis.lost_segment', Severity.WARN, 'Previous segment(s) not captured (common at capture start)'),
    acklost: ei('tcp.analysis.ack_lost_segment', Severity.WARN, "ACKed segment that wasn't captured (common at capture start)"),
    wupdate: ei('tcp.analysis.window_update', Severity.CHAT, 'TCP window update'),
    wfull: ei('tcp.analysis.window_full', Severity.WARN, 'TCP window specified by the receiver is now completely full'),
    ka: ei('tcp.analysis.keep_alive', Severity.NOTE, 'TCP keep-alive segment'),
    kaack: ei('tcp.analysis.keep_alive_ack', Severity.NOTE, 'ACK to a TCP keep-alive segment'),
    dup: ei('tcp.analysis.duplicate_ack', Severity.NOTE, 'Duplicate ACK'),
    zwp: ei('tcp.analysis.zero_window_probe', Severity.NOTE, 'TCP Zero Window Probe'),
    zw: ei('tcp.analysis.zero_window', Severity.WARN, 'TCP Zero Window segment'),
    zwpack: ei('tcp.analysis.zero_window_probe_ack', Severity.NOTE, 'ACK to a TCP Zero Window Probe'),
    reused: ei('tcp.analysis.reused_ports', Severity.NOTE, 'A new tcp session is started with the same ports as an earlier session in this trace'),
  };
}

function ns(v: number): { sec: number; nsec: number } {
  const sec = Math.floor(v / 1e9);
  return { sec, nsec: v - sec * 1e9 };
}

/** Field ids of the analysis tree, looked up once (a fixed-shape object: no name lookup per packet). */
let FIDS: Record<'analysis' | 'ack_rtt' | 'acks_frame' | 'bytes_in_flight' | 'duplicate_ack' | 'duplicate_ack_frame' | 'duplicate_ack_num' | 'flags' | 'initial_rtt' | 'push_bytes_sent' | 'rto' | 'rto_frame', number> | undefined;
function fids(): NonNullable<typeof FIDS> {
  return FIDS ??= {
    analysis: id('tcp.analysis'),
    ack_rtt: id('tcp.analysis.ack_rtt'),
    acks_frame: id('tcp.analysis.acks_frame'),
    bytes_in_flight: id('tcp.analysis.bytes_in_flight'),
    duplicate_ack: id('tcp.analysis.duplicate_ack'),
    duplicate_ack_frame: id('tcp.analysis.duplicate_ack_frame'),
    duplicate_ack_num: id('tcp.analysis.duplicate_ack_num'),
    flags: id('tcp.analysis.flags'),
    initial_rtt: id('tcp.analysis.initial_rtt'),
    push_bytes_sent: id('tcp.analysis.push_bytes_sent'),
    rto: id('tcp.analysis.rto'),
    rto_frame: id('tcp.analysis.rto_frame'),
  };
}

/** Adds "[SEQ/ACK analysis]" under the TCP item `top` (tshark's order) and the tcp.state tree. */
export function addTcpAnalysisTree(p: Packet, top: number, off: number, snap: TcpAnalysisSnapshot): void {
  const t = p.tree;
  const fl = snap.flags;
  const f = fids();
  if (fl & TA_TREE_MASK) {
    const at = t.generated(t.addItem(top, f.analysis, off, 0));
    if (fl & TA.HAS_ACKS_FRAME) t.generated(t.addNum(at, f.acks_frame, off, 0, snap.acksFrame));
    if (fl & TA.HAS_ACK_RTT && t.wants(f.ack_rtt)) t.generated(t.addObj(at, f.ack_rtt, off, 0, ns(snap.ackRtt)));
    if (fl & TA.HAS_IRTT && t.wants(f.initial_rtt)) t.generated(t.addObj(at, f.initial_rtt, off, 0, ns(snap.irtt)));
    if (fl & TA.HAS_BIF) t.generated(t.addNum(at, f.bytes_in_flight, off, 0, snap.bytesInFlight));
    if (fl & TA.HAS_PUSH) t.generated(t.addNum(at, f.push_bytes_sent, off, 0, snap.pushBytes));
    if (fl & TA_FLAG_MASK) {
      const ft = t.generated(t.addItem(at, f.flags, off, 0));
      const e = experts();
      if (fl & TA.FAST_RETRANSMISSION) p.addExpert(ft, e['fast']!, off, 0);
      if (fl & TA.SPURIOUS_RETRANSMISSION) p.addExpert(ft, e['spurious']!, off, 0);
      if (fl & TA.RETRANSMISSION) {
        p.addExpert(ft, e['retransmission']!, off, 0);
        if (fl & TA.HAS_RTO) {
          t.generated(t.addObj(ft, f.rto, off, 0, ns(snap.rto)));
          t.generated(t.addNum(ft, f.rto_frame, off, 0, snap.rtoFrame));
        }
      }
      if (fl & TA.OUT_OF_ORDER) p.addExpert(ft, e['ooo']!, off, 0);
      if (fl & TA.LOST_SEGMENT) p.addExpert(ft, e['lost']!, off, 0);
      if (fl & TA.ACK_LOST_SEGMENT) p.addExpert(ft, e['acklost']!, off, 0);
      if (fl & TA.WINDOW_UPDATE) p.addExpert(ft, e['wupdate']!, off, 0);
      if (fl & TA.WINDOW_FULL) p.addExpert(ft, e['wfull']!, off, 0);
      if (fl & TA.KEEP_ALIVE) p.addExpert(ft, e['ka']!, off, 0);
      if (fl & TA.KEEP_ALIVE_ACK) p.addExpert(ft, e['kaack']!, off, 0);
      if (fl & TA.DUPLICATE_ACK) {
        const di = t.generated(t.addItem(ft, f.duplicate_ack, off, 0));
        t.setLabel(di, 'This is a TCP duplicate ack');
        t.generated(t.addNum(at, f.duplicate_ack_num, off, 0, snap.dupAckNum));
        const df = t.generated(t.addNum(at, f.duplicate_ack_frame, off, 0, snap.dupAckFrame));
        p.addExpert(df, e['dup']!, off, 0, `Duplicate ACK (#${snap.dupAckNum})`);
      }
      if (fl & TA.ZERO_WINDOW_PROBE) p.addExpert(ft, e['zwp']!, off, 0);
      if (fl & TA.ZERO_WINDOW) p.addExpert(ft, e['zw']!, off, 0);
      if (fl & TA.ZERO_WINDOW_PROBE_ACK) p.addExpert(ft, e['zwpack']!, off, 0);
      if (fl & TA.REUSED_PORTS) p.addExpert(ft, e['reused']!, off, 0);
    }
  }
  if (hf_state >= 0 && (t.wants(hf_state) || t.wants(hf_state_client) || t.wants(hf_state_server) || t.wants(hf_state_step) || t.wants(hf_state_inferred))) {
    const r = stmp;
    unpackState(snap.state, r);
    // hidden (like tcp.port): filterable and in -T fields/JSON, not in tshark's -V layout
    const si = t.hide(t.generated(t.addItem(top, hf_state, off, 0)));
    if (si >= 0 && t.full) {
      t.setLabel(si, `Connection state: client ${TCP_STATE_NAMES.get(r.client)}, server ${TCP_STATE_NAMES.get(r.server)} (${TCP_STEP_NAMES.get(r.step)})`);
    }
    t.hide(t.generated(t.addNum(si, hf_state_client, off, 0, r.client)));
    t.hide(t.generated(t.addNum(si, hf_state_server, off, 0, r.server)));
    t.hide(t.generated(t.addNum(si, hf_state_step, off, 0, r.step)));
    if (r.inferred) t.hide(t.generated(t.addNum(si, hf_state_inferred, off, 0, 1)));
  }
}
const stmp = new TcpStateResult();
