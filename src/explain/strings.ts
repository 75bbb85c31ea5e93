// The words of the connection's story: one table per language (en.ts, zh.ts) implementing this
// interface, so a sentence exists in every language or the build fails. Numbers arrive formatted
// by the story builder; each function only arranges them into a sentence.

/** 'c' = the client, 's' = the server. */
export type Who = 'c' | 's';

export interface ExplainStrings {
  who(w: Who): string;
  /** "client → server" for a segment from `w` */
  dir(w: Who): string;
  state(name: string): string;

  // ---- header ----
  connection(stream: number, client: string, server: string): string;
  span(first: number, last: number, n: number, seconds: string): string;
  openedBy(frame: number): string;
  openedSimultaneous(frame: number): string;
  midStream(frame: number, clientPort: number): string;
  synMissing(frame: number): string;
  synData(len: number): string;
  noAnswerToSyn(): string;
  relativeNote(): string;
  relativeNoteMid(): string;
  synAgain(w: Who): string;
  synCopy(w: Who): string;

  // ---- sections ----
  secHandshake: string;
  secData: string;
  secTeardown: string;
  secEnd: string;
  /** the time axis label of the flow diagram */
  timeAxis: string;

  // ---- one segment ----
  /** "#4  client → server  [PSH, ACK]  Seq=1 Ack=1 Len=136" */
  segHead(frame: number, w: Who, flags: string, seq: number, ack: number | undefined, len: number): string;
  statesAfter(client: string, server: string): string;
  synOpen(w: Who, isnRaw: number): string;
  synAck(w: Who, isnRaw: number, ack: number, peerSeq: number): string;
  handshakeAck(w: Who, ack: number, peerSeq: number): string;
  handshakeAckData(len: number): string;
  simultaneousOpen(w: Who): string;
  winSyn(win: number): string;
  winScaled(win: number, mult: number, calc: number): string;
  winUnscaled(win: number): string;
  winUnknownScale(win: number): string;
  mss(v: number): string;
  ws(shift: number, mult: number): string;
  sackPerm(): string;
  /** the option phrases of a SYN as one sentence */
  options(parts: readonly string[]): string;
  scalingOn(cm: number, sm: number): string;
  scalingOff(): string;
  data(w: Who, seq: number, len: number, next: number): string;
  /** bytes from–to of `w` confirmed; `frame` = the segment it acknowledges (tcp.analysis.acks_frame), 0 = none */
  acks(w: Who, from: number, to: number, frame: number): string;
  acksSynFin(w: Who, ack: number, what: 'SYN' | 'FIN'): string;
  ackNothingNew(ack: number): string;
  fin(w: Who, seq: number, next: number): string;
  finAgain(w: Who): string;
  finAckMerged(w: Who, ack: number): string;
  finAcked(w: Who, ack: number, finSeq: number): string;
  simultaneousClose(w: Who): string;
  rst(w: Who): string;
  rstRefused(w: Who, port: number): string;
  halfOpen(w: Who): string;

  // ---- runs of ordinary segments ----
  run(first: number, last: number, n: number): string;
  runSent(w: Who, segs: number, bytes: number, from: number, next: number): string;
  runAcked(w: Who, acks: number, upTo: number): string;

  // ---- analysis (the rule that fired) ----
  retransmission(next: number): string;
  fastRetransmission(): string;
  spuriousRetransmission(): string;
  outOfOrder(): string;
  lostSegment(next: number): string;
  ackLostSegment(): string;
  dupAck(num: number, frame: number): string;
  zeroWindow(): string;
  zeroWindowProbe(): string;
  zeroWindowProbeAck(): string;
  windowFull(): string;
  windowUpdate(): string;
  keepAlive(): string;
  keepAliveAck(): string;
  reusedPorts(): string;

  // ---- end ----
  timeWait(w: Who): string;
  finalStates(client: string, server: string): string;
  stillOpen(): string;
}
