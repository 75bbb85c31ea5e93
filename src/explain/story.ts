// The connection's story (`wirelens explain`): per TCP connection, who opened it, each handshake
// segment with its flags, relative Seq/Ack, window and options, the data exchanged (Seq + Len =
// next Seq, which ACK confirms which bytes), every analysis event with the rule that fired, and the
// teardown with both endpoints' states after each segment (tcp.state.*, so the text and the
// filterable fields never disagree).
//
// Invariant (tested): every segment of a connection is cited by exactly one line (`frames`), so a
// reader finds each packet; long runs of ordinary segments (no SYN/FIN/RST, no analysis flag, no
// state change) are summarised in one line that lists their frames. Platform-neutral: the words
// come from a strings table (en.ts, zh.ts), the facts from facts.ts.

import { TCP_STATE_NAMES, STEP, TS } from '../analysis/tcp-state.js';
import { TA } from '../analysis/tcp-analysis.js';
import type { ExplainSeg } from './facts.js';
import type { ExplainStrings, Who } from './strings.js';

const FIN = 0x001;
const SYN = 0x002;
const RST = 0x004;
const ACK = 0x010;

/** Analysis flags that make a segment worth its own line. */
const EVENT_MASK = TA.RETRANSMISSION | TA.FAST_RETRANSMISSION | TA.SPURIOUS_RETRANSMISSION | TA.OUT_OF_ORDER
  | TA.LOST_SEGMENT | TA.ACK_LOST_SEGMENT | TA.DUPLICATE_ACK | TA.ZERO_WINDOW | TA.ZERO_WINDOW_PROBE
  | TA.ZERO_WINDOW_PROBE_ACK | TA.WINDOW_FULL | TA.WINDOW_UPDATE | TA.KEEP_ALIVE | TA.KEEP_ALIVE_ACK | TA.REUSED_PORTS;

/** One line of the story: a head sentence, its explanations, and the frames it cites. */
export interface StoryLine {
  frames: number[];
  text: string[];
}

export interface StorySection {
  kind: 'handshake' | 'data' | 'teardown' | 'end';
  title: string;
  lines: StoryLine[];
}

export interface Story {
  stream: number;
  client: string;
  server: string;
  /** per segment (same order as the input): 'c' when the client sent it */
  who: Who[];
  header: string[];
  sections: StorySection[];
}

export interface StoryOptions {
  /** shortest run of ordinary segments summarised in one line (default 10) */
  runMin?: number;
}

/** tshark's flag text ("SYN, ACK"), in the order its Info column uses. */
export function flagText(f: number): string {
  const out: string[] = [];
  if (f & 0x001) out.push('FIN');
  if (f & 0x002) out.push('SYN');
  if (f & 0x004) out.push('RST');
  if (f & 0x008) out.push('PSH');
  if (f & 0x010) out.push('ACK');
  if (f & 0x020) out.push('URG');
  if (f & 0x040) out.push('ECE');
  if (f & 0x080) out.push('CWR');
  if (f & 0x100) out.push('AE');
  return out.length ? out.join(', ') : '<None>';
}

/** "addr:port", IPv6 in brackets. */
export function endpoint(addr: string, port: number): string {
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** Frame numbers as compact ranges: "#3, #5–#9". */
export function frameList(frames: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < frames.length;) {
    let j = i;
    while (j + 1 < frames.length && frames[j + 1] === frames[j]! + 1) j++;
    out.push(j === i ? `#${frames[i]}` : `#${frames[i]}–#${frames[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * Which side sent the connection's segments, by the rule of tcp-state.ts: the first segment decides
 * (a SYN's sender or a SYN-ACK's receiver is the client), otherwise the endpoint on the higher port.
 */
export function clientOf(segs: readonly ExplainSeg[]): { addr: string; port: number } {
  const s = segs[0]!;
  const f = s.flags & (SYN | ACK);
  const senderIsClient = f === SYN ? true : f === (SYN | ACK) ? false : s.sport >= s.dport;
  return senderIsClient ? { addr: s.src, port: s.sport } : { addr: s.dst, port: s.dport };
}

type Phase = 'handshake' | 'data' | 'teardown';

const TEARDOWN_STEPS: ReadonlySet<number> = new Set([STEP.TEARDOWN_1, STEP.TEARDOWN_2, STEP.TEARDOWN_3, STEP.TEARDOWN_4,
  STEP.TEARDOWN_2_3, STEP.SIMULTANEOUS_CLOSE, STEP.RESET, STEP.HALF_OPEN]);

/** Per-side bookkeeping while the story is told. */
class SideTrack {
  /** highest next sequence number seen sent by this side (undefined before its first segment) */
  next: number | undefined;
  /** lowest sequence number seen sent by this side */
  low: number | undefined;
  /** highest Ack this side sent (confirms the other side's bytes below it) */
  acked: number | undefined;
  /** relative sequence number of its FIN, -1 none */
  fin = -1;
  synSeen = false;
  isnRaw = -1;
  synMult = -1;
}

/** Builds the story of one connection from its segments (capture order). */
export function buildStory(segs: readonly ExplainSeg[], L: ExplainStrings, opts: StoryOptions = {}): Story {
  const runMin = opts.runMin ?? 10;
  const first = segs[0]!;
  const last = segs[segs.length - 1]!;
  const cl = clientOf(segs);
  const who: Who[] = segs.map((s) => (s.src === cl.addr && s.sport === cl.port ? 'c' : 's'));
  const client = endpoint(cl.addr, cl.port);
  const srv = first.src === cl.addr && first.sport === cl.port ? endpoint(first.dst, first.dport) : endpoint(first.src, first.sport);
  const header = [
    L.span(first.num, last.num, segs.length, (last.time - first.time).toFixed(6)),
  ];
  if ((first.flags & (SYN | ACK)) === SYN) {
    const second = segs.findIndex((s, i) => i > 0 && who[i] === 's' && (s.flags & (SYN | ACK)) === SYN);
    header.push(second > 0 && segs[second]!.step === STEP.SIMULTANEOUS_OPEN ? L.openedSimultaneous(segs[second]!.num) : L.openedBy(first.num));
  } else if ((first.flags & (SYN | ACK)) === (SYN | ACK)) {
    header.push(L.synMissing(first.num));
  } else {
    header.push(L.midStream(first.num, cl.port));
  }
  header.push(first.flags & SYN ? L.relativeNote() : L.relativeNoteMid());

  const side: Record<Who, SideTrack> = { c: new SideTrack(), s: new SideTrack() };
  const sections: StorySection[] = [];
  let cur: StorySection | undefined;
  let phase: Phase = 'data';
  let prevClient = -2;
  let prevServer = -2;
  let scalingSaid = false;
  const title = (k: Phase): string => (k === 'handshake' ? L.secHandshake : k === 'data' ? L.secData : L.secTeardown);
  const put = (k: Phase, line: StoryLine): void => {
    if (!cur || cur.kind !== k) sections.push((cur = { kind: k, title: title(k), lines: [] }));
    cur.lines.push(line);
  };
  const stateName = (v: number): string => L.state(TCP_STATE_NAMES.get(v) ?? 'UNKNOWN');

  const phaseOf = (s: ExplainSeg): Phase => {
    if (s.flags & SYN) return 'handshake';
    if (s.step === STEP.HANDSHAKE_3) return 'handshake';
    if (s.flags & (FIN | RST) || TEARDOWN_STEPS.has(s.step)) return 'teardown';
    return phase === 'teardown' ? 'teardown' : 'data';
  };
  const ordinary = (s: ExplainSeg, ph: Phase): boolean =>
    ph !== 'handshake' && (s.flags & (SYN | FIN | RST)) === 0 && (s.analysis & EVENT_MASK) === 0
    && (s.step === STEP.DATA || s.step === STEP.ACK || s.step < 0) && s.client === prevClient && s.server === prevServer;

  /** What this segment's ACK confirms (updates the bookkeeping); '' when nothing is said. */
  const ackSentence = (s: ExplainSeg, w: Who): string => {
    if (!(s.flags & ACK)) return '';
    const me = side[w];
    const peer = side[w === 'c' ? 's' : 'c'];
    const pw: Who = w === 'c' ? 's' : 'c';
    const prev = me.acked ?? peer.low ?? s.ack;
    let text = '';
    if (s.ack > prev || (me.acked === undefined && peer.low !== undefined && s.ack > peer.low)) {
      let to = s.ack - 1;
      if (peer.fin >= 0 && peer.fin >= prev && peer.fin < s.ack) to = peer.fin - 1;
      const from = Math.max(prev, 1);
      if (to >= from) text = L.acks(pw, from, to, s.acksFrame);
      else if (peer.fin >= 0 && peer.fin < s.ack) text = L.acksSynFin(pw, s.ack, 'FIN');
      else if (prev === 0 && s.ack === 1) text = L.acksSynFin(pw, s.ack, 'SYN');
    } else if (s.len === 0 && !(s.flags & (SYN | FIN | RST)) && !(s.analysis & EVENT_MASK)) {
      text = L.ackNothingNew(s.ack);
    }
    if (me.acked === undefined || s.ack > me.acked) me.acked = s.ack;
    return text;
  };

  const note = (s: ExplainSeg, w: Who): void => {
    const me = side[w];
    const next = s.seq + s.len + (s.flags & (SYN | FIN) ? 1 : 0);
    if (me.low === undefined || s.seq < me.low) me.low = s.seq;
    if (me.next === undefined || next > me.next) me.next = next;
    if (s.flags & FIN && me.fin < 0) me.fin = s.seq + s.len;
  };

  const windowSentence = (s: ExplainSeg): string => {
    if (s.flags & SYN) return L.winSyn(s.win);
    if (s.scale > 0) return L.winScaled(s.win, s.scale, s.winCalc >= 0 ? s.winCalc : s.win * s.scale);
    if (s.scale === -2) return L.winUnscaled(s.win);
    return L.winUnknownScale(s.win);
  };

  const events = (s: ExplainSeg, nextBefore: number | undefined): string[] => {
    const a = s.analysis;
    const out: string[] = [];
    if (a & TA.FAST_RETRANSMISSION) out.push(L.fastRetransmission());
    else if (a & TA.SPURIOUS_RETRANSMISSION) out.push(L.spuriousRetransmission());
    else if (a & TA.RETRANSMISSION) out.push(L.retransmission(nextBefore ?? s.seq));
    if (a & TA.OUT_OF_ORDER) out.push(L.outOfOrder());
    if (a & TA.LOST_SEGMENT) out.push(L.lostSegment(nextBefore ?? s.seq));
    if (a & TA.ACK_LOST_SEGMENT) out.push(L.ackLostSegment());
    if (a & TA.DUPLICATE_ACK) out.push(L.dupAck(s.dupAckNum, s.dupAckFrame));
    if (a & TA.ZERO_WINDOW) out.push(L.zeroWindow());
    if (a & TA.ZERO_WINDOW_PROBE) out.push(L.zeroWindowProbe());
    if (a & TA.ZERO_WINDOW_PROBE_ACK) out.push(L.zeroWindowProbeAck());
    if (a & TA.WINDOW_FULL) out.push(L.windowFull());
    if (a & TA.WINDOW_UPDATE) out.push(L.windowUpdate());
    if (a & TA.KEEP_ALIVE) out.push(L.keepAlive());
    if (a & TA.KEEP_ALIVE_ACK) out.push(L.keepAliveAck());
    if (a & TA.REUSED_PORTS) out.push(L.reusedPorts());
    return out;
  };

  const detailed = (s: ExplainSeg, w: Who, ph: Phase): StoryLine => {
    const me = side[w];
    const peer = side[w === 'c' ? 's' : 'c'];
    const nextBefore = me.next;
    const text = [L.segHead(s.num, w, flagText(s.flags), s.seq, s.flags & ACK ? s.ack : undefined, s.len)];
    const f = s.flags;
    if (f & RST) {
      text.push(peer.synSeen && !me.synSeen && (f & ACK) !== 0 && peer.next === s.ack ? L.rstRefused(w, s.sport) : L.rst(w));
      ackSentence(s, w);
    } else if (f & SYN) {
      const opt: string[] = [];
      if (s.mss >= 0) opt.push(L.mss(s.mss));
      if (s.wsShift >= 0) opt.push(L.ws(s.wsShift, s.wsMult >= 0 ? s.wsMult : 2 ** s.wsShift));
      if (s.sackPerm) opt.push(L.sackPerm());
      if (me.synSeen && s.analysis & TA.RETRANSMISSION) text.push(L.synAgain(w));
      else if (me.synSeen && s.seqRaw === me.isnRaw && s.client >= TS.ESTABLISHED && s.server >= TS.ESTABLISHED) text.push(L.synCopy(w));
      else if (f & ACK) text.push(L.synAck(w, s.seqRaw, s.ack, s.ack - 1));
      else if (s.step === STEP.SIMULTANEOUS_OPEN) text.push(L.simultaneousOpen(w));
      else text.push(L.synOpen(w, s.seqRaw));
      if (opt.length) text.push(L.options(opt));
      if (s.len > 0) text.push(L.synData(s.len), L.data(w, s.seq + 1, s.len, s.seq + 1 + s.len));
      text.push(windowSentence(s));
      if (!me.synSeen) me.isnRaw = s.seqRaw;
      me.synSeen = true;
      me.synMult = s.wsShift >= 0 ? (s.wsMult >= 0 ? s.wsMult : 2 ** s.wsShift) : -1;
      if (f & ACK && peer.synSeen && !scalingSaid) {
        scalingSaid = true;
        const cm = side.c.synMult;
        const sm = side.s.synMult;
        text.push(cm > 0 && sm > 0 ? L.scalingOn(cm, sm) : L.scalingOff());
      }
      if (me.acked === undefined || s.ack > me.acked) if (f & ACK) me.acked = s.ack;
    } else {
      if (s.step === STEP.HALF_OPEN) text.push(L.halfOpen(w));
      if (s.step === STEP.HANDSHAKE_3) {
        text.push(L.handshakeAck(w, s.ack, s.ack - 1));
        if (s.len > 0) text.push(L.handshakeAckData(s.len));
        text.push(windowSentence(s));
        if (me.acked === undefined || s.ack > me.acked) me.acked = s.ack;
      } else if (s.step === STEP.TEARDOWN_2 || s.step === STEP.TEARDOWN_4) {
        const said = ackSentence(s, w);
        text.push(peer.fin >= 0 && s.ack === peer.fin + 1 ? L.finAcked(w, s.ack, peer.fin) : said);
      } else if (s.step === STEP.TEARDOWN_2_3) {
        ackSentence(s, w);
        text.push(L.finAckMerged(w, s.ack));
      } else {
        const said = ackSentence(s, w);
        if (said) text.push(said);
      }
      if (s.len > 0 && s.step !== STEP.HANDSHAKE_3) text.push(L.data(w, s.seq, s.len, s.seq + s.len));
      if (f & FIN && me.fin >= 0) {
        text.push(L.finAgain(w));
      } else if (f & FIN) {
        text.push(L.fin(w, s.seq + s.len, s.seq + s.len + 1));
        if (s.step === STEP.SIMULTANEOUS_CLOSE) text.push(L.simultaneousClose(w));
      }
      if (s.analysis & (TA.ZERO_WINDOW | TA.WINDOW_FULL | TA.WINDOW_UPDATE | TA.ZERO_WINDOW_PROBE_ACK)) text.push(windowSentence(s));
    }
    text.push(...events(s, nextBefore));
    const changed = s.client !== prevClient || s.server !== prevServer;
    if (s.client >= 0 && (ph !== 'data' || changed)) text.push(L.statesAfter(stateName(s.client), stateName(s.server)));
    note(s, w);
    return { frames: [s.num], text };
  };

  const runLine = (from: number, to: number): StoryLine => {
    const frames: number[] = [];
    const sent = { c: { segs: 0, bytes: 0, from: -1, next: -1 }, s: { segs: 0, bytes: 0, from: -1, next: -1 } };
    const acks = { c: { n: 0, upTo: -1 }, s: { n: 0, upTo: -1 } };
    for (let i = from; i < to; i++) {
      const s = segs[i]!;
      const w = who[i]!;
      frames.push(s.num);
      if (s.len > 0) {
        const d = sent[w];
        d.segs++;
        d.bytes += s.len;
        if (d.from < 0 || s.seq < d.from) d.from = s.seq;
        if (s.seq + s.len > d.next) d.next = s.seq + s.len;
      }
      if (s.flags & ACK) {
        const me = side[w];
        if (me.acked === undefined || s.ack > me.acked) {
          acks[w].n++;
          me.acked = s.ack;
        }
        if (s.ack > acks[w].upTo) acks[w].upTo = s.ack;
      }
      note(s, w);
    }
    const text = [L.run(frames[0]!, frames[frames.length - 1]!, frames.length)];
    for (const w of ['c', 's'] as const) {
      if (sent[w].segs > 0) text.push(L.runSent(w, sent[w].segs, sent[w].bytes, sent[w].from, sent[w].next));
    }
    for (const w of ['c', 's'] as const) {
      if (acks[w].n > 0) text.push(L.runAcked(w, acks[w].n, acks[w].upTo));
    }
    text.push(frameList(frames));
    return { frames, text };
  };

  for (let i = 0; i < segs.length;) {
    const s = segs[i]!;
    const ph = phaseOf(s);
    if (ordinary(s, ph)) {
      let j = i + 1;
      while (j < segs.length && phaseOf(segs[j]!) === ph && ordinary(segs[j]!, ph)) j++;
      if (j - i >= runMin) {
        phase = ph;
        put(ph, runLine(i, j));
        i = j;
        continue;
      }
    }
    phase = ph;
    put(ph, detailed(s, who[i]!, ph));
    prevClient = s.client;
    prevServer = s.server;
    i++;
  }

  // the end: final states, TIME_WAIT's 2MSL wait, or why nothing more happened
  const end: string[] = [];
  if (last.client >= 0) {
    end.push(L.finalStates(stateName(last.client), stateName(last.server)));
    if (last.client === TS.TIME_WAIT) end.push(L.timeWait('c'));
    if (last.server === TS.TIME_WAIT) end.push(L.timeWait('s'));
    if (last.client === TS.ESTABLISHED && last.server === TS.ESTABLISHED) end.push(L.stillOpen());
    if (segs.every((x) => (x.flags & (SYN | ACK)) === SYN)) end.push(L.noAnswerToSyn());
  }
  if (end.length) sections.push({ kind: 'end', title: L.secEnd, lines: [{ frames: [], text: end }] });
  return { stream: first.stream, client, server: srv, who, header: [L.connection(first.stream, client, srv), ...header], sections };
}

/** Groups segments by tcp.stream (streams in ascending order) and tells each connection's story. */
export function buildStories(segs: readonly ExplainSeg[], L: ExplainStrings, opts: StoryOptions = {}): Story[] {
  const by = new Map<number, ExplainSeg[]>();
  for (const s of segs) {
    let a = by.get(s.stream);
    if (!a) by.set(s.stream, (a = []));
    a.push(s);
  }
  return [...by.keys()].sort((a, b) => a - b).map((k) => buildStory(by.get(k)!, L, opts));
}

/** Plain text: the header, then each section with its lines (explanations indented under the head). */
export function renderStory(st: Story): string {
  const out: string[] = [st.header[0]!];
  for (const h of st.header.slice(1)) out.push(`  ${h}`);
  for (const sec of st.sections) {
    out.push('', sec.title);
    for (const l of sec.lines) {
      if (sec.kind === 'end') {
        for (const t of l.text) out.push(`  ${t}`);
        continue;
      }
      out.push(`  ${l.text[0]}`);
      for (const t of l.text.slice(1)) out.push(`      ${t}`);
    }
  }
  return out.join('\n') + '\n';
}
