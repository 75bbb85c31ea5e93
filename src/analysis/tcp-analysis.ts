// TCP sequence analysis (tcp.analysis.*) in one pass, as tshark 4.0 shows it.
//
// A pure engine: the TCP dissector fills a reusable TcpSegment with the facts of one segment
// (direction, raw seq/ack, length, flags, window and its shift, SACK blocks, frame number and
// time) and calls analyzeSegment(conv, seg, out) on the first pass; the result (flags, acks_frame,
// RTTs, bytes in flight …) is written into a reusable TcpAnalysisResult and stored per frame in a
// TcpAnalysisStore (typed arrays indexed by frame number) so that a later dissection of the same
// frame (second pass, -V, the UI) reads exactly what the first pass computed.
//
// The rules follow Wireshark's documentation of TCP analysis (User's Guide, "TCP Analysis") and
// tshark's observable behaviour on the corpus; each rule's comment says what it tests.
// Sequence numbers are raw uint32 values compared modulo 2^32 (seqGT …). Times are nanoseconds
// relative to the connection's first segment (exact in a double for ~104 days).

/** Analysis flags of one segment (bit set). */
export const enum TA {
  RETRANSMISSION = 0x1,
  FAST_RETRANSMISSION = 0x2,
  SPURIOUS_RETRANSMISSION = 0x4,
  OUT_OF_ORDER = 0x8,
  LOST_SEGMENT = 0x10,
  ACK_LOST_SEGMENT = 0x20,
  DUPLICATE_ACK = 0x40,
  ZERO_WINDOW = 0x80,
  ZERO_WINDOW_PROBE = 0x100,
  ZERO_WINDOW_PROBE_ACK = 0x200,
  WINDOW_FULL = 0x400,
  WINDOW_UPDATE = 0x800,
  KEEP_ALIVE = 0x1000,
  KEEP_ALIVE_ACK = 0x2000,
  REUSED_PORTS = 0x4000,
  // presence bits of the numeric results (stored with the flags)
  HAS_ACKS_FRAME = 0x10000,
  HAS_ACK_RTT = 0x20000,
  HAS_IRTT = 0x40000,
  HAS_BIF = 0x80000,
  HAS_PUSH = 0x100000,
  HAS_RTO = 0x200000,
  /** tshark shows the (maybe empty) "SEQ/ACK analysis" tree even without any of the above */
  HAS_TREE = 0x400000,
}

/** Flags that make tshark show "TCP Analysis Flags" (everything but the numbers). */
export const TA_FLAG_MASK = 0x7fff;
/** Bits that make tshark show the "SEQ/ACK analysis" tree (the iRTT is shown inside it only). */
export const TA_TREE_MASK = TA_FLAG_MASK | TA.HAS_ACKS_FRAME | TA.HAS_BIF | TA.HAS_PUSH | TA.HAS_TREE;

const FIN = 0x001;
const SYN = 0x002;
const RST = 0x004;
const PSH = 0x008;
const ACK = 0x010;

/** Out-of-order threshold when no iRTT is known (the User's Guide: 3 ms). */
const OOO_DEFAULT_NS = 3_000_000;
/** "no time": times are ns relative to the connection's first segment and may be negative. */
const NO_TIME = -Infinity;
/** Fields per entry of the unacknowledged-segment list: frame, seq, next seq, time. */
const SEG = 4;
/** Unacknowledged segments kept per direction (older ones still count, they just are not matched). */
const MAX_UNACKED = 10000;
/** 2 ** i for a window shift i (Math.pow costs in the per-segment path) */
export const POW2 = Float64Array.from({ length: 256 }, (_, i) => 2 ** i);
/** A fast retransmission follows the last duplicate ACK within 20 ms. */
const FAST_RETRANS_NS = 20_000_000;

/** a > b modulo 2^32 */
export function seqGT(a: number, b: number): boolean { return ((a - b) | 0) > 0; }
/** a >= b modulo 2^32 */
export function seqGE(a: number, b: number): boolean { return ((a - b) | 0) >= 0; }
/** a < b modulo 2^32 */
export function seqLT(a: number, b: number): boolean { return ((a - b) | 0) < 0; }
/** a <= b modulo 2^32 */
export function seqLE(a: number, b: number): boolean { return ((a - b) | 0) <= 0; }

/** The facts of one segment, filled by the dissector (one object reused for every segment). */
export class TcpSegment {
  /** frame number */
  num = 0;
  tsSec = 0;
  tsNsec = 0;
  /** 0 = from the endpoint that sent the connection's first segment, 1 = the other one */
  dir: 0 | 1 = 0;
  /** raw sequence and acknowledgment numbers (uint32) */
  seq = 0;
  ack = 0;
  /** TCP payload length */
  len = 0;
  /** the 12 flag bits */
  flags = 0;
  /** the window field as sent */
  win = 0;
  /** window shift in effect for this direction: ≥ 0, -1 unknown, -2 no scaling */
  shift = -1;
  /** the dissector started a new stream on ports an earlier stream used (a SYN with a new ISN) */
  reused = false;
  /**
   * the run reads the numeric results (acks_frame, RTTs, bytes in flight, push bytes, RTO) or
   * keeps them for revisits; without them the analysis keeps no unacknowledged segments and
   * ignores SACK blocks (the flags and duplicate-ACK numbers do not depend on either). One value
   * for a whole capture.
   */
  numbers = true;
  /** number of SACK blocks and their raw edges */
  nsack = 0;
  readonly sackLe = new Float64Array(4);
  readonly sackRe = new Float64Array(4);
}

/** The analysis of one segment (one object reused; copy what you keep). */
export class TcpAnalysisResult {
  /** TA bits */
  flags = 0;
  acksFrame = 0;
  /** ns */
  ackRtt = 0;
  /** ns */
  irtt = 0;
  bytesInFlight = 0;
  pushBytes = 0;
  dupAckNum = 0;
  dupAckFrame = 0;
  /** ns */
  rto = 0;
  rtoFrame = 0;

  clear(): void {
    this.flags = 0;
    this.acksFrame = this.ackRtt = this.irtt = this.bytesInFlight = this.pushBytes = 0;
    this.dupAckNum = this.dupAckFrame = this.rto = this.rtoFrame = 0;
  }
}

/**
 * Unacknowledged segments, SEG numbers each (frame, seq, next seq, time) in an array with a fill
 * count: acknowledging and sending reuse one store (an array shrunk by every ACK and grown by every
 * segment reallocated it over and over). A plain array of doubles, not a typed array: a connection
 * allocates its lists once or twice, and a small typed array costs several times more to create.
 */
export class SegList {
  a: number[] = EMPTY_SEGS;
  /** numbers in use (a multiple of SEG) */
  n = 0;
  /**
   * The entries ascend (seq and next seq each, in list order) within less than 2^31 from the first
   * seq: then the lowest seq (as seqLT finds it) is the first entry's and the highest next seq (as
   * seqGT finds it) the last entry's. Kept by push() and by the ACK's pass over the list.
   */
  sorted = true;
  push(frame: number, seq: number, next: number, time: number): void {
    const i = this.n;
    if (i === 0) this.sorted = ascends(seq, seq, seq, seq, next);
    else if (this.sorted) this.sorted = ascends(this.a[1]!, this.a[i - SEG + 1]!, this.a[i - SEG + 2]!, seq, next);
    if (this.a === EMPTY_SEGS) {
      this.a = [frame, seq, next, time];
    } else if (i === this.a.length) {
      this.a.push(frame, seq, next, time);
    } else {
      const a = this.a;
      a[i] = frame; a[i + 1] = seq; a[i + 2] = next; a[i + 3] = time;
    }
    this.n = i + SEG;
  }
  /** Empties the list and lets its memory go. */
  release(): void {
    this.a = EMPTY_SEGS;
    this.n = 0;
    this.sorted = true;
  }
}
/** (never written: a list's first push replaces it) */
const EMPTY_SEGS: number[] = [];

/**
 * An entry (seq, next) may follow one (pseq, pnext) in a sorted list whose first seq is `first`:
 * measured from `first` (mod 2^32), neither goes back and the entry ends less than 2^31 away.
 */
function ascends(first: number, pseq: number, pnext: number, seq: number, next: number): boolean {
  const s = (seq - first) >>> 0;
  const e = (next - first) >>> 0;
  return s >= ((pseq - first) >>> 0) && e >= ((pnext - first) >>> 0) && s <= e && e < 0x80000000;
}

/** Per-direction state (what one endpoint sent). */
export class TcpFlow {
  /** the ISN (or first sequence number - 1) of this direction */
  base = 0;
  baseSet = false;
  /** highest sequence number sent + its length: the next expected sequence number */
  nextseq = 0;
  nextseqSet = false;
  nextseqFrame = 0;
  nextseqTime = 0;
  /** highest sequence number the other side may acknowledge */
  maxseqtobeacked = 0;
  maxSet = false;
  /**
   * ACKs past everything this side sent (beyond its next expected sequence number) are not reported
   * while this side's last ACK number is `quietAck` (set by such an ACK or by a duplicate ACK of this
   * side), except one report after this side leaves a hole (`afterHole`). tshark 4.0's rule, found by
   * experiment (src/analysis/tcp-scenarios.testutil.ts, 5th scenario).
   */
  quietAck = 0;
  quietSet = false;
  afterHole = false;
  /** last acknowledgment number this endpoint sent, and when */
  lastack = 0;
  lastackSet = false;
  lastackTime = 0;
  /** last frame of this direction that was not a duplicate ACK */
  lastnondupack = 0;
  dupacknum = 0;
  /** frames since the ACK number last moved that carried it without SYN/FIN/RST */
  sameAcks = 0;
  /** a hole was seen: bytes in flight are not shown until the other side ACKs */
  bifInvalid = false;
  /** bytes the SACK blocks of this side's last segment cover */
  lastSacked = 0;
  /** last (scaled) window this endpoint advertised; -1 unknown */
  window = -1;
  /** its window shift (TcpSegment.shift) */
  shift = -1;
  /** KEEP_ALIVE / ZERO_WINDOW_PROBE of the last segment */
  lastFlags = 0;
  /** bytes since the last PSH */
  pushBytes = 0;
  pushSetLast = false;
  /** unacknowledged segments, SEG numbers each: frame, seq, next seq, time */
  segs = new SegList();

  /** Forgets everything (ports reused). */
  reset(): void {
    this.baseSet = this.nextseqSet = this.maxSet = this.lastackSet = this.pushSetLast = this.bifInvalid = false;
    this.base = this.nextseq = this.nextseqFrame = this.nextseqTime = this.maxseqtobeacked = 0;
    this.lastack = this.lastackTime = this.lastnondupack = this.dupacknum = this.sameAcks = 0;
    this.window = this.shift = -1;
    this.lastFlags = this.pushBytes = this.lastSacked = 0;
    this.quietSet = this.afterHole = false;
    this.segs.n = 0;
    this.segs.sorted = true;
  }
}

/** Per-connection state of the analysis (both directions). */
export class TcpConvAnalysis {
  readonly flows: [TcpFlow, TcpFlow] = [new TcpFlow(), new TcpFlow()];
  /** time origin: the first segment's timestamp */
  readonly baseSec: number;
  readonly baseNsec: number;
  /** time of the last SYN (ns) before the iRTT was known, NO_TIME none */
  synTime = NO_TIME;
  /** initial RTT (SYN → ACK of the SYN-ACK), ns; -1 unknown */
  irtt = -1;
  constructor(tsSec: number, tsNsec: number) {
    this.baseSec = tsSec;
    this.baseNsec = tsNsec;
  }
  time(sec: number, nsec: number): number {
    return (sec - this.baseSec) * 1e9 + (nsec - this.baseNsec);
  }
}

/**
 * Analyzes one segment of `conv` (first pass, in capture order) and writes the result to `out`.
 * Cost: a few comparisons; the unacknowledged-segment list (kept with `s.numbers`) grows with data
 * in flight only.
 */
export function analyzeSegment(conv: TcpConvAnalysis, s: TcpSegment, out: TcpAnalysisResult): void {
  out.clear();
  const fwd = conv.flows[s.dir];
  const rev = conv.flows[1 - s.dir]!;
  const flags = s.flags;
  const seq = s.seq;
  const ack = s.ack;
  const seglen = s.len;
  const hasAck = (flags & ACK) !== 0;
  const now = conv.time(s.tsSec, s.tsNsec);
  const synfin = (flags & (SYN | FIN)) !== 0;
  const ctl = (flags & (SYN | FIN | RST)) !== 0;
  const window = (flags & SYN) || s.shift < 0 ? s.win : s.win * POW2[s.shift & 255]!;
  const dataEnd = (seq + seglen) >>> 0;
  const nextseq = (dataEnd + (synfin ? 1 : 0)) >>> 0;
  let fl = s.reused ? TA.REUSED_PORTS : 0;

  // The sequence space of this direction: a SYN-ACK with another ISN than the one known means the
  // ports were reused (tshark flags it, the stream goes on); its analysis state starts afresh.
  if (fwd.baseSet) {
    if ((flags & (SYN | ACK)) === (SYN | ACK) && seq !== fwd.base) {
      fl |= TA.REUSED_PORTS;
      fwd.reset();
      fwd.base = seq;
      fwd.baseSet = true;
    }
  } else {
    fwd.base = flags & SYN ? seq : (seq - 1) >>> 0;
    fwd.baseSet = true;
    // a SYN after the SYN-ACK (capture reordering): tshark starts the analysis of the other side
    // over, so the SYN-ACK is never matched by an ACK
    if ((flags & (SYN | ACK)) === SYN && rev.baseSet) {
      fl |= TA.HAS_TREE;
      const b = rev.base;
      rev.reset();
      rev.base = b;
      rev.baseSet = true;
    }
  }

  // iRTT: from the (last) SYN to the first segment with ACK and without SYN, from either side
  // (the handshake's third segment, or the RST+ACK refusing the connection).
  if (conv.irtt < 0) {
    if ((flags & (SYN | ACK)) === SYN) {
      conv.synTime = now;
    } else if ((flags & (SYN | ACK)) === ACK && conv.synTime !== NO_TIME) {
      conv.irtt = now - conv.synTime;
    }
  }

  check: {
    // Zero window probe: one byte at the next expected sequence number into a zero window.
    if (seglen === 1 && fwd.nextseqSet && seq === fwd.nextseq && rev.window === 0) {
      fl |= TA.ZERO_WINDOW_PROBE;
      break check;
    }
    // Zero window: the receive window is zero on a segment without SYN, FIN, RST.
    if (window === 0 && !ctl) fl |= TA.ZERO_WINDOW;
    // Previous segment not captured: the sequence number is past the next expected one.
    if (fwd.nextseqSet && seqGT(seq, fwd.nextseq) && !(flags & RST)) fl |= TA.LOST_SEGMENT;
    // Keep-alive: 0 or 1 byte at the next expected sequence number - 1.
    if (seglen <= 1 && !ctl && fwd.nextseqSet && ((fwd.nextseq - 1) >>> 0) === seq) fl |= TA.KEEP_ALIVE;
    // Window update: no data, a changed non-zero window, same seq and ack as expected.
    if (seglen === 0 && window !== 0 && window !== fwd.window && fwd.nextseqSet && fwd.lastackSet
      && seq === fwd.nextseq && ack === fwd.lastack && !ctl) fl |= TA.WINDOW_UPDATE;
    // Window full: this segment fills the window the receiver advertised (when its scale is known).
    if (seglen > 0 && rev.window >= 0 && rev.shift !== -1 && rev.lastackSet && dataEnd === ((rev.lastack + rev.window) >>> 0) && !ctl) {
      fl |= TA.WINDOW_FULL;
    }
    const same = seglen === 0 && window === fwd.window && fwd.nextseqSet && fwd.lastackSet
      && seq === fwd.nextseq && ack === fwd.lastack && !ctl;
    // Keep-alive ACK: answers a keep-alive with the same seq, ack and window.
    if (same && window !== 0 && (rev.lastFlags & TA.KEEP_ALIVE)) {
      fl |= TA.KEEP_ALIVE_ACK;
      break check;
    }
    // Zero window probe ACK: answers a zero window probe with a still-zero window.
    if (same && window === 0 && (rev.lastFlags & TA.ZERO_WINDOW_PROBE)) {
      fl |= TA.ZERO_WINDOW_PROBE_ACK;
      break check;
    }
    // Duplicate ACK: no data, the same non-zero window, seq and ack as before.
    if (same && window !== 0) {
      fwd.dupacknum++;
      fl |= TA.DUPLICATE_ACK;
      out.dupAckNum = fwd.dupacknum;
      out.dupAckFrame = fwd.lastnondupack;
    }
  }
  // Duplicate ACKs refer to the last frame that moved the acknowledgment number (a window update
  // or a zero-window ACK with the same number does not start a new series).
  if (hasAck && (!fwd.lastackSet || ack !== fwd.lastack)) {
    fwd.lastnondupack = s.num;
    fwd.dupacknum = 0;
    fwd.sameAcks = 0;
  } else if (hasAck) {
    fwd.sameAcks = ctl ? 0 : fwd.sameAcks + 1;
  }

  // Retransmissions (not keep-alives): data whose every byte was acknowledged already is a
  // spurious retransmission (even at the next expected sequence number: the ACK got there first);
  // otherwise data (or SYN/FIN) below the next expected sequence number is retransmitted.
  if (!(fl & TA.KEEP_ALIVE) && (seglen > 0 || synfin) && fwd.nextseqSet) {
    if (seglen > 0 && rev.lastackSet && seqLE(nextseq, rev.lastack)) {
      fl |= TA.SPURIOUS_RETRANSMISSION | TA.RETRANSMISSION;
    } else if (!seqGT(fwd.nextseq, seq)) {
      // new data
    } else if (rev.lastackSet && rev.lastack === seq && now - rev.lastackTime < FAST_RETRANS_NS
      && (rev.dupacknum >= 2 || (seglen === 0 && rev.sameAcks >= 2))) {
      // fast: right after two or more duplicate ACKs asking for it (tshark also counts a bare
      // FIN re-sent after two in-order segments carrying that same ACK)
      fl |= TA.FAST_RETRANSMISSION | TA.RETRANSMISSION;
    } else if (now - fwd.nextseqTime < (conv.irtt >= 0 ? conv.irtt : OOO_DEFAULT_NS) && fwd.nextseq !== nextseq) {
      // out of order: shortly (within the iRTT) after the segment that set the next expected seq
      fl |= TA.OUT_OF_ORDER;
    } else {
      // RTO: since the oldest unacknowledged segment was sent (else since the next expected
      // sequence number was set); tshark leaves out an RTO of zero
      fl |= TA.RETRANSMISSION;
      if (s.numbers) {
        const L = fwd.segs;
        out.rtoFrame = L.n !== 0 ? L.a[0]! : fwd.nextseqFrame;
        out.rto = now - (L.n !== 0 ? L.a[3]! : fwd.nextseqTime);
        if (out.rto !== 0) fl |= TA.HAS_RTO;
      }
    }
  }

  // ACKed unseen segment: the ACK is past the contiguous data the other side was seen sending; one
  // past everything it sent is not reported while that side is quiet (TcpFlow.quietAck). Such an
  // ACK (unless it used up an after-hole report) makes the side quiet at its current ACK number and
  // restarts its duplicate-ACK count (tshark shows "Dup ACK n#1" again after one).
  if (hasAck && rev.nextseqSet) {
    const beyond = seqGT(ack, rev.nextseq);
    const afterHole = rev.afterHole;
    if (rev.maxSet && seqGT(ack, rev.maxseqtobeacked)) {
      if (!beyond || !quiet(rev) || afterHole) {
        fl |= TA.ACK_LOST_SEGMENT;
        rev.afterHole = false;
      } else {
        // not reported, but tshark still shows the (empty) analysis tree
        fl |= TA.HAS_TREE;
      }
    }
    if (beyond) {
      if (!afterHole) {
        rev.quietAck = rev.lastackSet ? rev.lastack : -1;
        rev.quietSet = true;
      }
      rev.dupacknum = 0;
    }
  }
  // This side's own segment: when its ACK number moves, what it may be acknowledged for goes back to
  // what it sent (from past it, where an ACK of unseen data had moved it); a hole it leaves while
  // quiet allows one report; a duplicate ACK makes it quiet.
  if (hasAck && fwd.lastackSet && ack !== fwd.lastack && fwd.maxSet && fwd.nextseqSet
    && seqGT(fwd.maxseqtobeacked, fwd.nextseq)) fwd.maxseqtobeacked = fwd.nextseq;
  if ((fl & TA.LOST_SEGMENT) && quiet(fwd)) fwd.afterHole = true;
  else if (fl & TA.DUPLICATE_ACK) {
    fwd.quietAck = ack;
    fwd.quietSet = true;
    fwd.afterHole = false;
  }

  // The next expected sequence number: the highest one seen (a zero window probe's byte does not
  // count: the receiver had no room for it).
  if (!(flags & RST) && !(fl & TA.ZERO_WINDOW_PROBE)) {
    const prevNext = fwd.nextseq;
    if (seglen > 0 || synfin) {
      if (!fwd.nextseqSet || seqGT(nextseq, fwd.nextseq)) {
        fwd.nextseq = nextseq;
        fwd.nextseqSet = true;
        fwd.nextseqFrame = s.num;
        fwd.nextseqTime = now;
      }
    } else if (!fwd.nextseqSet || seqGT(seq, fwd.nextseq)) {
      // a bare ACK tells where this side's sequence space is (past a hole too: tshark reports the
      // hole once, on the first segment after it)
      fwd.nextseq = seq;
      fwd.nextseqSet = true;
      fwd.nextseqFrame = s.num;
      fwd.nextseqTime = now;
    }
    // What the other side may acknowledge: the end of the contiguous data seen. It moves (to the
    // highest sequence number seen) when a segment starts right there, or when data without a hole
    // gets past it after an ACK of unseen data had moved it beyond what was seen; a hole takes it
    // back to where the hole starts.
    if (fl & TA.LOST_SEGMENT) {
      if (seqGT(fwd.maxseqtobeacked, prevNext)) fwd.maxseqtobeacked = prevNext;
    } else if (fwd.nextseqSet && (!fwd.maxSet || seq === fwd.maxseqtobeacked
      || (!seqGT(seq, prevNext) && seqGT(fwd.nextseq, fwd.maxseqtobeacked) && seqGT(fwd.maxseqtobeacked, prevNext)))) {
      fwd.maxseqtobeacked = fwd.nextseq;
      fwd.maxSet = true;
    }
  }
  // once reported, an ACK past it does not report the same hole again
  if (fl & TA.ACK_LOST_SEGMENT) rev.maxseqtobeacked = ack;

  // The ACK: which segment of the other side it acknowledges (the one it ends), and the RTT.
  // Acknowledged segments leave the list; a partly acknowledged one keeps its unacknowledged rest.
  if (hasAck && s.numbers) {
    const L = rev.segs;
    const a = L.a;
    let keep = 0;
    // (the kept entries are checked for order on the way: see SegList.sorted)
    let sorted = true;
    for (let i = 0; i < L.n; i += SEG) {
      const sn = a[i + 2]!;
      if (seqLE(sn, ack)) {
        if (sn === ack && !(fl & TA.HAS_ACKS_FRAME)) {
          fl |= TA.HAS_ACKS_FRAME;
          out.acksFrame = a[i]!;
          out.ackRtt = now - a[i + 3]!;
          // tshark leaves out an RTT of zero
          if (out.ackRtt !== 0) fl |= TA.HAS_ACK_RTT;
        }
        continue;
      }
      const sq = seqLT(a[i + 1]!, ack) ? ack : a[i + 1]!;
      if (sorted) sorted = keep === 0 ? ascends(sq, sq, sq, sq, sn) : ascends(a[1]!, a[keep - SEG + 1]!, a[keep - SEG + 2]!, sq, sn);
      if (keep !== i || sq !== a[i + 1]) {
        a[keep] = a[i]!; a[keep + 1] = sq; a[keep + 2] = sn; a[keep + 3] = a[i + 3]!;
      }
      keep += SEG;
    }
    L.n = keep;
    L.sorted = sorted;
    rev.bifInvalid = false;
  }
  if ((seglen > 0 || synfin) && s.numbers) {
    if (fwd.segs.n < MAX_UNACKED * SEG) fwd.segs.push(s.num, seq, nextseq, now);
  }

  // Bytes in flight: the span of this side's unacknowledged segments (this segment's own SYN/FIN
  // not counted), less what the other side's last segment SACKed; shown when positive. After a
  // hole, neither it nor the PSH count is kept until the other side ACKs again.
  // Bytes sent since the last PSH: this segment included, shown with the bytes in flight.
  if (seglen > 0 && s.numbers) {
    if (fl & TA.LOST_SEGMENT) fwd.bifInvalid = true;
    const L = fwd.segs;
    const a = L.a;
    if (!fwd.bifInvalid && L.n !== 0) {
      fl |= TA.HAS_TREE;
      if (fwd.pushSetLast) { fwd.pushBytes = 0; fwd.pushSetLast = false; }
      fwd.pushBytes += seglen;
      if (flags & PSH) fwd.pushSetLast = true;
      let lo = a[1]!, hi = a[L.n - 2]!;
      if (!L.sorted) {
        hi = a[2]!;
        for (let i = SEG; i < L.n; i += SEG) {
          if (seqLT(a[i + 1]!, lo)) lo = a[i + 1]!;
          if (seqGT(a[i + 2]!, hi)) hi = a[i + 2]!;
        }
      }
      const bif = ((hi - lo) | 0) - (synfin ? 1 : 0) - rev.lastSacked;
      if (bif > 0) {
        fl |= TA.HAS_BIF | TA.HAS_PUSH;
        out.bytesInFlight = bif;
        out.pushBytes = fwd.pushBytes;
      }
    }
  }

  let sacked = 0;
  for (let i = 0; i < s.nsack; i++) sacked += (s.sackRe[i]! - s.sackLe[i]!) | 0;
  fwd.lastSacked = sacked;
  fwd.window = window;
  fwd.shift = flags & SYN ? -1 : s.shift;
  if (hasAck) {
    fwd.lastack = ack;
    fwd.lastackSet = true;
    fwd.lastackTime = now;
  }
  fwd.lastFlags = fl & (TA.KEEP_ALIVE | TA.ZERO_WINDOW_PROBE);
  if (conv.irtt >= 0) {
    fl |= TA.HAS_IRTT;
    out.irtt = conv.irtt;
  }
  out.flags = fl;
}

/** ACKs past everything `f` sent are not reported now (see TcpFlow.quietAck). */
function quiet(f: TcpFlow): boolean {
  return f.quietSet && (f.lastackSet ? f.lastack : -1) === f.quietAck;
}

/**
 * The Info column tags of a result, as tshark prefixes them (`[TCP Dup ACK 6#1] `). Empty when
 * none; allocates only when there is one.
 */
export function analysisInfo(r: TcpAnalysisResult): string {
  const f = r.flags & TA_FLAG_MASK;
  if (f === 0) return '';
  // tshark prepends each tag in the order of the expert items in the tree: the last one first
  let s = '';
  if (f & TA.REUSED_PORTS) s += '[TCP Port numbers reused] ';
  if (f & TA.ZERO_WINDOW_PROBE_ACK) s += '[TCP ZeroWindowProbeAck] ';
  if (f & TA.ZERO_WINDOW) s += '[TCP ZeroWindow] ';
  if (f & TA.ZERO_WINDOW_PROBE) s += '[TCP ZeroWindowProbe] ';
  if (f & TA.DUPLICATE_ACK) s += `[TCP Dup ACK ${r.dupAckFrame}#${r.dupAckNum}] `;
  if (f & TA.KEEP_ALIVE_ACK) s += '[TCP Keep-Alive ACK] ';
  if (f & TA.KEEP_ALIVE) s += '[TCP Keep-Alive] ';
  if (f & TA.WINDOW_FULL) s += '[TCP Window Full] ';
  if (f & TA.WINDOW_UPDATE) s += '[TCP Window Update] ';
  if (f & TA.ACK_LOST_SEGMENT) s += '[TCP ACKed unseen segment] ';
  if (f & TA.LOST_SEGMENT) s += '[TCP Previous segment not captured] ';
  if (f & TA.OUT_OF_ORDER) s += '[TCP Out-Of-Order] ';
  if (f & TA.SPURIOUS_RETRANSMISSION) s += '[TCP Spurious Retransmission] ';
  else if (f & TA.FAST_RETRANSMISSION) s += '[TCP Fast Retransmission] ';
  else if (f & TA.RETRANSMISSION) s += '[TCP Retransmission] ';
  return s;
}
