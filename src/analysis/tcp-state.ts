// The TCP connection's story: per segment, the state of both endpoints after it (RFC 9293 §3.3.2
// names, as RFC 793 gave them) and the step of the connection's life it is.
//
// Model: the capture point sits between the endpoints and a segment is delivered; "after the
// segment" means after its sender sent it and its receiver processed it. So after the first SYN the
// client is SYN_SENT and the server SYN_RECEIVED (it answers with the SYN-ACK), after the SYN-ACK
// the client is ESTABLISHED, after the third segment both are. Teardown: the FIN's sender goes to
// FIN_WAIT_1 and its receiver to CLOSE_WAIT; the ACK of that FIN moves the sender to FIN_WAIT_2;
// the second FIN puts its sender in LAST_ACK and the first closer in TIME_WAIT; its ACK closes the
// second closer. A FIN that crosses the other side's FIN (its ACK does not cover it) is a
// simultaneous close (both CLOSING, then TIME_WAIT as each FIN is acknowledged); a FIN+ACK that
// acknowledges the first FIN is the three-way close (steps 2 and 3 of 4 at once). Two SYNs without
// ACK are a simultaneous open. RST closes both. A capture that starts mid-connection shows UNKNOWN
// until a segment proves an endpoint synchronized (any ACK without SYN: ESTABLISHED, marked as
// inferred); the client is then the endpoint on the higher port (the usual ephemeral one).
//
// Fields (documented in -G fields by the TCP dissector that registers them):
//   tcp.state.client, tcp.state.server  FT_UINT8 with the state names below
//   tcp.state.step                      FT_UINT8 with the step names below
//   tcp.state.inferred                  FT_BOOLEAN: the handshake was not captured
// A pure engine: numbers in, numbers out, one state object per connection.

import type { TcpSegment } from './tcp-analysis.js';

/** Endpoint states (RFC 9293 §3.3.2), plus UNKNOWN for "before the capture started". */
export const enum TS {
  UNKNOWN = 0,
  CLOSED = 1,
  LISTEN = 2,
  SYN_SENT = 3,
  SYN_RECEIVED = 4,
  ESTABLISHED = 5,
  FIN_WAIT_1 = 6,
  FIN_WAIT_2 = 7,
  CLOSING = 8,
  TIME_WAIT = 9,
  CLOSE_WAIT = 10,
  LAST_ACK = 11,
}

export const TCP_STATE_NAMES: ReadonlyMap<number, string> = new Map([
  [TS.UNKNOWN, 'UNKNOWN'], [TS.CLOSED, 'CLOSED'], [TS.LISTEN, 'LISTEN'], [TS.SYN_SENT, 'SYN_SENT'],
  [TS.SYN_RECEIVED, 'SYN_RECEIVED'], [TS.ESTABLISHED, 'ESTABLISHED'], [TS.FIN_WAIT_1, 'FIN_WAIT_1'],
  [TS.FIN_WAIT_2, 'FIN_WAIT_2'], [TS.CLOSING, 'CLOSING'], [TS.TIME_WAIT, 'TIME_WAIT'],
  [TS.CLOSE_WAIT, 'CLOSE_WAIT'], [TS.LAST_ACK, 'LAST_ACK'],
]);

/** What a segment does in the connection's life. */
export const enum STEP {
  UNKNOWN = 0,
  HANDSHAKE_1 = 1,
  HANDSHAKE_2 = 2,
  HANDSHAKE_3 = 3,
  SIMULTANEOUS_OPEN = 4,
  DATA = 5,
  ACK = 6,
  TEARDOWN_1 = 7,
  TEARDOWN_2 = 8,
  TEARDOWN_3 = 9,
  TEARDOWN_4 = 10,
  TEARDOWN_2_3 = 11,
  SIMULTANEOUS_CLOSE = 12,
  RESET = 13,
  HALF_OPEN = 14,
}

export const TCP_STEP_NAMES: ReadonlyMap<number, string> = new Map([
  [STEP.UNKNOWN, 'Unknown'],
  [STEP.HANDSHAKE_1, 'Handshake 1/3 (SYN)'],
  [STEP.HANDSHAKE_2, 'Handshake 2/3 (SYN, ACK)'],
  [STEP.HANDSHAKE_3, 'Handshake 3/3 (ACK)'],
  [STEP.SIMULTANEOUS_OPEN, 'Simultaneous open (SYN)'],
  [STEP.DATA, 'Data'],
  [STEP.ACK, 'ACK'],
  [STEP.TEARDOWN_1, 'Teardown 1/4 (FIN)'],
  [STEP.TEARDOWN_2, 'Teardown 2/4 (ACK of the FIN)'],
  [STEP.TEARDOWN_3, 'Teardown 3/4 (FIN)'],
  [STEP.TEARDOWN_4, 'Teardown 4/4 (ACK of the FIN)'],
  [STEP.TEARDOWN_2_3, 'Teardown 2/4 + 3/4 (FIN, ACK of the FIN)'],
  [STEP.SIMULTANEOUS_CLOSE, 'Simultaneous close (FIN)'],
  [STEP.RESET, 'Reset'],
  [STEP.HALF_OPEN, 'Half-open (segment after a reset)'],
]);

const FIN = 0x001;
const SYN = 0x002;
const RST = 0x004;
const ACK = 0x010;

/** One endpoint. */
class Side {
  state = TS.UNKNOWN;
  /** state before a RST closed it (restored if it goes on sending: the RST never reached it) */
  beforeReset = TS.UNKNOWN;
  synSent = false;
  /** ISN + 1: what the other side's ACK of our SYN carries */
  synNext = 0;
  synAcked = false;
  finSent = false;
  /** sequence number after our FIN: what the other side's ACK of it carries */
  finNext = 0;
  /** the step its first FIN was (a retransmitted FIN repeats it and changes no state) */
  finStep = STEP.UNKNOWN;
  finAcked = false;
}

function ge(a: number, b: number): boolean { return ((a - b) | 0) >= 0; }

/** The result for one segment (one object reused). */
export class TcpStateResult {
  client = TS.UNKNOWN;
  server = TS.UNKNOWN;
  step = STEP.UNKNOWN;
  /** an endpoint's state was inferred (handshake not captured) */
  inferred = false;
  /** which direction is the client (0 = the connection's first sender) */
  clientDir: 0 | 1 = 0;
}

/** Per-connection state machine. */
export class TcpConnState {
  private readonly sides: [Side, Side] = [new Side(), new Side()];
  /** direction of the client; -1 until known */
  clientDir = -1;
  inferred = false;

  /** Free what is not needed any more (nothing big here; kept for symmetry with the others). */
  get closed(): boolean {
    const a = this.sides[0].state;
    const b = this.sides[1].state;
    return (a === TS.CLOSED || a === TS.TIME_WAIT) && (b === TS.CLOSED || b === TS.TIME_WAIT);
  }

  /**
   * Advances the machine with one segment (first pass, capture order). `sport`/`dport` of the
   * segment decide the client when no SYN was captured (the higher port is the client's).
   */
  step(s: TcpSegment, sport: number, dport: number, out: TcpStateResult): void {
    const x = this.sides[s.dir];
    const y = this.sides[1 - s.dir]!;
    const f = s.flags;
    let step = STEP.UNKNOWN;
    if (this.clientDir < 0) {
      if ((f & (SYN | ACK)) === SYN) this.clientDir = s.dir;
      else if ((f & (SYN | ACK)) === (SYN | ACK)) this.clientDir = 1 - s.dir;
      else {
        this.clientDir = sport > dport ? s.dir : sport < dport ? 1 - s.dir : s.dir;
        this.inferred = true;
      }
      // before the first segment: a SYN means the client was CLOSED and the server LISTENing
      if (f & SYN && !(f & ACK)) {
        x.state = TS.CLOSED;
        y.state = TS.LISTEN;
      }
    }

    if (f & RST) {
      if (x.state !== TS.CLOSED) x.beforeReset = x.state;
      if (y.state !== TS.CLOSED) y.beforeReset = y.state;
      x.state = TS.CLOSED;
      y.state = TS.CLOSED;
      step = STEP.RESET;
    } else {
      if (x.state === TS.CLOSED && x.beforeReset !== TS.UNKNOWN && !(f & SYN)) {
        // it goes on after a RST: the RST never reached it (a half-open connection)
        x.state = x.beforeReset;
        step = STEP.HALF_OPEN;
      }
      if (f & SYN) {
        const again = x.synSent && ((s.seq + 1) >>> 0) === x.synNext;
        if (!x.synSent) {
          x.synSent = true;
          x.synNext = (s.seq + 1) >>> 0;
        }
        if (!(f & ACK)) {
          if (again && x.state !== TS.SYN_SENT && x.state !== TS.SYN_RECEIVED && x.state !== TS.CLOSED && x.state !== TS.UNKNOWN) {
            // a copy of its first SYN after the handshake (late or duplicated): it changes no state
            step = STEP.HANDSHAKE_1;
          } else if (y.synSent && !y.synAcked && (y.state === TS.SYN_SENT || y.state === TS.SYN_RECEIVED)) {
            // both sent a SYN without ACK: each receives the other's
            x.state = TS.SYN_RECEIVED;
            y.state = TS.SYN_RECEIVED;
            step = STEP.SIMULTANEOUS_OPEN;
          } else {
            x.state = TS.SYN_SENT;
            if (y.state === TS.UNKNOWN || y.state === TS.LISTEN || y.state === TS.CLOSED) y.state = TS.SYN_RECEIVED;
            step = STEP.HANDSHAKE_1;
          }
        } else {
          if (x.state === TS.UNKNOWN || x.state === TS.LISTEN || x.state === TS.CLOSED || x.state === TS.SYN_SENT) x.state = TS.SYN_RECEIVED;
          if (y.synSent && ge(s.ack, y.synNext)) {
            y.synAcked = true;
            // (a SYN-ACK for a client a RST closed: the RST never reached it, it still waits)
            if (y.state === TS.CLOSED && y.beforeReset === TS.SYN_SENT) y.state = TS.SYN_SENT;
            if (y.state === TS.SYN_SENT || y.state === TS.SYN_RECEIVED || y.state === TS.UNKNOWN) y.state = TS.ESTABLISHED;
          }
          if (y.state === TS.UNKNOWN) y.state = TS.SYN_SENT;
          step = STEP.HANDSHAKE_2;
        }
      } else if (f & ACK) {
        // an ACK without SYN: its sender is synchronized
        if (x.state === TS.UNKNOWN) {
          x.state = TS.ESTABLISHED;
          this.inferred = true;
        } else if (x.state === TS.SYN_RECEIVED || x.state === TS.SYN_SENT) {
          x.state = TS.ESTABLISHED;
        }
        // it acknowledges the other side's SYN …
        if (y.synSent && !y.synAcked && ge(s.ack, y.synNext)) {
          y.synAcked = true;
          if (y.state === TS.SYN_RECEIVED || y.state === TS.SYN_SENT) {
            y.state = TS.ESTABLISHED;
            step = STEP.HANDSHAKE_3;
          }
        } else if (y.state === TS.UNKNOWN) {
          y.state = TS.ESTABLISHED;
          this.inferred = true;
        }
        // … or its FIN
        if (y.finSent && !y.finAcked && ge(s.ack, y.finNext)) {
          y.finAcked = true;
          switch (y.state) {
            case TS.FIN_WAIT_1: y.state = TS.FIN_WAIT_2; step = STEP.TEARDOWN_2; break;
            case TS.CLOSING: y.state = TS.TIME_WAIT; step = STEP.TEARDOWN_4; break;
            case TS.LAST_ACK: y.state = TS.CLOSED; step = STEP.TEARDOWN_4; break;
            default: break;
          }
        }
      }
      if (f & FIN && x.finSent && !(f & SYN)) {
        // a retransmitted FIN: the states moved with the first one (its ACK, if new, was handled above)
        if (step === STEP.UNKNOWN) step = x.finStep;
      } else if (f & FIN) {
        const first = !x.finSent;
        if (first) {
          x.finSent = true;
          x.finNext = (s.seq + s.len + (f & SYN ? 1 : 0) + 1) >>> 0;
        }
        // the other side's FIN reached us before ours left if this segment acknowledges it
        const ackedTheirs = y.finSent && (f & ACK) !== 0 && ge(s.ack, y.finNext);
        if (y.finSent && !ackedTheirs) {
          // FINs crossing: both were in FIN_WAIT_1; each receives the other's FIN
          if (x.state !== TS.TIME_WAIT && x.state !== TS.CLOSED) x.state = x.finAcked ? TS.TIME_WAIT : TS.CLOSING;
          if (y.state !== TS.TIME_WAIT && y.state !== TS.CLOSED) y.state = y.finAcked ? TS.TIME_WAIT : TS.CLOSING;
          step = STEP.SIMULTANEOUS_CLOSE;
        } else if (y.finSent) {
          // we close second: LAST_ACK; the first closer goes to TIME_WAIT on our FIN
          x.state = TS.LAST_ACK;
          if (y.state === TS.FIN_WAIT_1 || y.state === TS.FIN_WAIT_2 || y.state === TS.CLOSING) y.state = TS.TIME_WAIT;
          step = step === STEP.TEARDOWN_2 ? STEP.TEARDOWN_2_3 : STEP.TEARDOWN_3;
        } else {
          if (x.state === TS.ESTABLISHED || x.state === TS.SYN_RECEIVED || x.state === TS.UNKNOWN || x.state === TS.SYN_SENT) {
            x.state = TS.FIN_WAIT_1;
          }
          if (y.state === TS.ESTABLISHED || y.state === TS.UNKNOWN || y.state === TS.SYN_RECEIVED) y.state = TS.CLOSE_WAIT;
          step = STEP.TEARDOWN_1;
        }
        x.finStep = step;
      }
      if (step === STEP.UNKNOWN) step = s.len > 0 ? STEP.DATA : STEP.ACK;
    }
    const c = this.clientDir as 0 | 1;
    out.clientDir = c;
    out.client = this.sides[c].state;
    out.server = this.sides[1 - c]!.state;
    out.step = step;
    out.inferred = this.inferred;
  }
}

/** Packs a result into 16 bits for the per-frame store: client 4, server 4, step 5, inferred 1, clientDir 1. */
export function packState(r: TcpStateResult): number {
  return r.client | (r.server << 4) | (r.step << 8) | (r.inferred ? 1 << 13 : 0) | (r.clientDir << 14);
}

export function unpackState(v: number, r: TcpStateResult): void {
  r.client = v & 15;
  r.server = (v >> 4) & 15;
  r.step = (v >> 8) & 31;
  r.inferred = (v & (1 << 13)) !== 0;
  r.clientDir = ((v >> 14) & 1) as 0 | 1;
}
