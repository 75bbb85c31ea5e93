// English words of the connection's story (see strings.ts).

import type { ExplainStrings, Who } from './strings.js';

const W = { c: 'client', s: 'server' } as const;
const other = (w: Who): Who => (w === 'c' ? 's' : 'c');

export const en: ExplainStrings = {
  who: (w) => W[w],
  dir: (w) => `${W[w]} → ${W[other(w)]}`,
  state: (n) => n,

  connection: (n, c, s) => `Connection ${n} (tcp.stream eq ${n}): client ${c} → server ${s}`,
  span: (a, b, n, secs) => `Frames #${a}–#${b}: ${n} segment${n === 1 ? '' : 's'} over ${secs} s.`,
  openedBy: (f) => `The client opened it with the SYN in frame #${f}.`,
  openedSimultaneous: (f) => `Both ends sent a SYN (simultaneous open, frame #${f}); the first SYN's sender is called the client.`,
  synMissing: (f) => `The client's SYN was not captured: the capture starts with the server's SYN-ACK in frame #${f}, so the client is the endpoint it answers; the client's state before it is UNKNOWN.`,
  synData: (len) => `This SYN already carries ${len} bytes of data (TCP Fast Open): they are delivered once the handshake completes.`,
  midStream: (f, port) => `The capture starts in the middle of this connection: no SYN was captured, so both states are UNKNOWN before capture start (frame #${f}) and are inferred from the segments seen; the client is taken to be the endpoint on the higher port (${port}).`,
  noAnswerToSyn: () => 'No answer to the SYN was captured: the server did not reply, or its reply was not captured.',
  relativeNote: () => 'Seq and Ack are relative: each side\'s first sequence number (its ISN) counts as 0.',
  relativeNoteMid: () => 'Seq and Ack are relative to the first segment seen from each side (its Seq counts as 1: the real initial sequence number was not captured).',
  synAgain: (w) => `The ${W[w]} sends its SYN again: no answer arrived in time (the retransmission timer fired).`,
  synCopy: (w) => `A copy of the ${W[w]}'s SYN (the same initial sequence number) after the handshake: it changes no state.`,

  secHandshake: 'Handshake',
  secData: 'Data',
  secTeardown: 'Teardown',
  secEnd: 'End',

  segHead: (f, w, fl, seq, ack, len) => `#${f}  ${W[w]} → ${W[other(w)]}  [${fl}]  Seq=${seq}${ack === undefined ? '' : ` Ack=${ack}`} Len=${len}`,
  statesAfter: (c, s) => `States after it: client ${c}, server ${s}.`,
  synOpen: (w, isn) => `The ${W[w]} asks to open the connection (SYN) with its initial sequence number ${isn} (raw), relative Seq=0.`,
  synAck: (w, isn, ack, ps) => `The ${W[w]} accepts (SYN, ACK) with its own initial sequence number ${isn} (raw), relative Seq=0; Ack=${ack} = the ${W[other(w)]}'s Seq ${ps} + 1, because a SYN occupies one sequence number: the next byte expected is ${ack}.`,
  handshakeAck: (w, ack, ps) => `The ${W[w]} acknowledges the ${W[other(w)]}'s SYN: Ack=${ack} = its Seq ${ps} + 1 (the SYN counts as one). The three-way handshake is complete.`,
  handshakeAckData: (len) => `This third segment already carries ${len} bytes of data.`,
  simultaneousOpen: (w) => `The ${W[w]} sends its own SYN before answering the other's: a simultaneous open (both become SYN_RECEIVED).`,
  winSyn: (win) => `Win=${win} (the window of a SYN is never scaled).`,
  winScaled: (win, m, calc) => `Win=${win} × ${m} = ${calc} bytes (calculated window: window_size_value × multiplier).`,
  winUnscaled: (win) => `Win=${win} bytes (no window scaling on this connection).`,
  winUnknownScale: (win) => `Win=${win} (the scale factor is unknown: the handshake was not captured).`,
  mss: (v) => `MSS=${v}: the largest segment it is willing to receive`,
  ws: (sh, m) => `WS: shift ${sh}, multiplier 2^${sh} = ${m} for its later windows`,
  sackPerm: () => 'SACK permitted',
  scalingOn: (cm, sm) => `Both sides sent the window scale option, so windows after the handshake are scaled: client × ${cm}, server × ${sm}.`,
  scalingOff: () => 'Only one side (or neither) sent the window scale option, so no window is scaled.',
  data: (w, seq, len, next) => `The ${W[w]} sends ${len} bytes: Seq ${seq} + Len ${len} = next Seq ${next}.`,
  acks: (w, a, b, fr) => `Ack=${b + 1} confirms the ${W[w]}'s bytes ${a}–${b}${fr ? ` (the segment of frame #${fr})` : ''}.`,
  acksSynFin: (w, ack, what) => `Ack=${ack} confirms the ${W[w]}'s ${what} (it counts as one sequence number).`,
  ackNothingNew: (ack) => `Ack=${ack}: nothing new to confirm.`,
  fin: (w, seq, next) => `The ${W[w]} closes its sending direction (FIN). A FIN occupies one sequence number: Seq ${seq} + 1 = ${next}, so the ACK of this FIN carries Ack=${next}.`,
  finAgain: (w) => `The ${W[w]} sends its FIN again: the ACK of the first one has not arrived.`,
  finAckMerged: (w, ack) => `FIN and ACK merged: the ${W[w]} acknowledges the other FIN (Ack=${ack}) and sends its own FIN in the same segment (a three-way close).`,
  finAcked: (w, ack, fs) => `The ${W[w]} acknowledges the FIN: Ack=${ack} = the FIN's Seq ${fs} + 1.`,
  simultaneousClose: (w) => `This FIN crosses the other side's FIN (its Ack does not cover it): a simultaneous close; the ${W[w]} and its peer each wait in CLOSING for the ACK of their FIN.`,
  rst: (w) => `The ${W[w]} aborts the connection (RST): both ends are CLOSED at once, without TIME_WAIT.`,
  rstRefused: (w, port) => `The ${W[w]} refuses the connection (RST in reply to the SYN): nothing accepted connections on port ${port}.`,
  halfOpen: (w) => `The ${W[w]} still sends after the RST: the RST never reached it (a half-open connection).`,

  run: (a, b, n) => `#${a}–#${b}: ${n} ordinary segments (no flags of note, states unchanged):`,
  runSent: (w, segs, bytes, from, next) => `the ${W[w]} sent ${bytes} bytes in ${segs} segment${segs === 1 ? '' : 's'}: Seq ${from} → next Seq ${next}`,
  runAcked: (w, n, upTo) => `the ${W[w]} sent ${n} ACK${n === 1 ? '' : 's'}, confirming up to Ack=${upTo}`,

  retransmission: (next) => `Retransmission: it carries data (or a SYN/FIN) below the next expected sequence number ${next}, so these bytes were sent before.`,
  fastRetransmission: () => 'Fast retransmission: it re-sends the segment that two or more duplicate ACKs asked for (its Seq is their Ack), within 20 ms of the last of them.',
  spuriousRetransmission: () => 'Spurious retransmission: every byte of it had already been acknowledged by the receiver.',
  outOfOrder: () => 'Out-of-order: it is below the next expected sequence number but arrived within the round-trip time (or 3 ms) of the segment that set it: reordered rather than re-sent.',
  lostSegment: (next) => `Previous segment not captured: its Seq is above the next expected sequence number ${next}: bytes in between were lost or not captured.`,
  ackLostSegment: () => 'ACKed unseen segment: its Ack covers bytes this capture never saw the other side send.',
  dupAck: (n, f) => `Duplicate ACK #${n} of frame #${f}: no data, no SYN/FIN/RST, and the same Seq, Ack and non-zero window as this side's previous segment: the receiver repeats its ACK (as it does for each segment that arrives after a gap).`,
  zeroWindow: () => 'Zero window: the receiver advertises a window of 0, its buffer is full; the sender must stop.',
  zeroWindowProbe: () => 'Zero-window probe: one byte at the next expected sequence number into a zero window, to see whether it opened.',
  zeroWindowProbeAck: () => 'ACK of a zero-window probe: the window is still 0.',
  windowFull: () => 'Window full: this segment fills the window the receiver advertised; the sender must wait for an ACK.',
  windowUpdate: () => 'Window update: no data, the same Seq and Ack as expected, only the window changed (to a non-zero value).',
  keepAlive: () => 'Keep-alive: 0 or 1 byte at the next expected sequence number − 1, to check the peer is still there.',
  keepAliveAck: () => 'ACK of a keep-alive: the same Seq, Ack and window as before.',
  reusedPorts: () => 'Reused ports: a new SYN on the same addresses and ports as an earlier connection in this capture.',

  timeWait: (w) => `The ${W[w]} is in TIME_WAIT: it waits 2×MSL (twice the Maximum Segment Lifetime: 4 minutes by RFC 9293's MSL of 2 minutes, 60 s on Linux) before CLOSED, so late segments of this connection die out and a lost last ACK can be sent again.`,
  finalStates: (c, s) => `At the end of the capture: client ${c}, server ${s}.`,
  stillOpen: () => 'The connection was still open when the capture ended.',
};

