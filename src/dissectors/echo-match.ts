// Echo request/reply matching for ICMP and ICMPv6 (ping), per capture, in one pass as tshark does:
// a request waits under (its source, its destination, identifier, sequence number) for the first
// reply travelling the other way with the same identifier and sequence number; that reply gets its
// request's frame and the response time. A later request with the same key replaces a waiting one;
// an answered request waits no more (a second reply finds nothing). When frames are revisited (a
// two-pass run, the UI) the results are kept per frame: the reply's match, and for each request its
// reply or that none came (tshark's second pass shows "(reply in N)" / "no response found").

import type { Packet } from '../core/packet.js';
import { ConvMap } from './inet-util.js';

export interface EchoMatch {
  /** the request's frame */
  req: number;
  /** response time in milliseconds (unrounded) */
  ms: number;
}

interface Waiting {
  frame: number;
  sec: number;
  nsec: number;
}

/**
 * The key is a ConvMap conversation whose two "ports" are the identifier (the requester's side) and
 * the sequence number + 0x10000 (the responder's side): a reply, sent the other way, names the same
 * conversation with the ports swapped, and a request in the opposite direction names another one.
 */
const RESPONDER = 0x10000;

export class EchoMatcher {
  private readonly waiting = new ConvMap<Waiting>();
  /** reply frame → its match (kept for revisits) */
  private readonly replies = new Map<number, EchoMatch>();
  /** request frame → reply frame, 0 while none (kept for revisits) */
  private readonly answered = new Map<number, number>();

  /** A request seen in the first pass. */
  request(p: Packet, id: number, seq: number): void {
    this.waiting.set(p, id, seq + RESPONDER, { frame: p.num, sec: p.tsSec, nsec: p.tsNsec });
    if (p.session.retainFrames && !this.answered.has(p.num)) this.answered.set(p.num, 0);
  }

  /** A reply: its match, found now or kept from an earlier dissection of the frame; undefined when none. */
  reply(p: Packet, id: number, seq: number): EchoMatch | undefined {
    const kept = p.session.retainFrames ? this.replies.get(p.num) : undefined;
    if (kept !== undefined || p.session.visited) return kept;
    const w = this.waiting.get(p, seq + RESPONDER, id);
    if (w === undefined) return undefined;
    this.waiting.delete(p, seq + RESPONDER, id);
    const m: EchoMatch = { req: w.frame, ms: ((p.tsSec - w.sec) * 1e9 + (p.tsNsec - w.nsec)) / 1e6 };
    if (p.session.retainFrames) {
      this.replies.set(p.num, m);
      this.answered.set(w.frame, p.num);
    }
    return m;
  }

  /** A request on a revisit: its reply's frame, 0 when none came, -1 when the first pass did not see it. */
  replyOf(p: Packet): number {
    return this.answered.get(p.num) ?? -1;
  }
}
