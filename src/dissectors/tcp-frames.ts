// TCP's per-frame facts of the first pass (TcpFrame and its analysis snapshot), kept for revisits
// (-2, the UI) in typed arrays, one row per stored frame, instead of two objects and their boxed
// numbers per segment: on bench.pcap (410,000 segments) those were ~150 MB in ~3.6 M heap
// objects that the UI server kept for the capture's lifetime and every major GC marked.
//
// get() fills an object of a small pool, one per layer depth of the key (frameKey's low bits), so
// a TCP header dissected inside another one's payload (a tunnel) does not overwrite the outer
// header's facts while the outer dissection still reads them. The object is valid until the next
// get()/slot() of the same depth; callers read it only while dissecting that header.

import { TcpAnalysisSnapshot } from '../analysis/tcp-glue.js';
import { FrameMap } from './inet-util.js';
import type { TcpFrame, TcpStream } from './tcp.js';

/** TcpFrame.fin in bits 0-1 of `bits`, then: */
const REUSED = 4;
const HAS_AN = 8;

export class TcpFrameStore {
  /** frameKey → row */
  private readonly rows = new FrameMap<number>();
  private n = 0;
  private cap = 0;
  /** streams by index (a stream replaced by port reuse is found here only) */
  private readonly streams: TcpStream[] = [];
  private stream = new Int32Array(0);
  private bits = new Uint8Array(0);
  private completeness = new Uint8Array(0);
  private scale = new Int8Array(0);
  /** seqBase, ackBase, relSec, relNsec, deltaSec, deltaNsec */
  private f = new Float64Array(0);
  /** analysis: flags, state */
  private ai = new Int32Array(0);
  /** analysis: acksFrame, ackRtt, irtt, bytesInFlight, pushBytes, dupAckNum, dupAckFrame, rto, rtoFrame */
  private af = new Float64Array(0);
  private readonly pool: TcpFrame[] = [];
  private readonly poolAn: TcpAnalysisSnapshot[] = [];

  constructor(private readonly make: () => TcpFrame) {}

  /** The object get() fills for `key`'s depth (the first pass fills it itself, then set()s it). */
  slot(key: number): TcpFrame {
    return this.pool[key & 63] ??= this.make();
  }

  /** The analysis snapshot object of `key`'s depth (see slot). */
  slotAn(key: number): TcpAnalysisSnapshot {
    return this.poolAn[key & 63] ??= new TcpAnalysisSnapshot();
  }

  /** Stores a copy of `fr` (and of its snapshot) under `key`. */
  set(key: number, fr: TcpFrame): void {
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.n++;
      if (r === this.cap) this.grow();
      this.rows.set(key, r);
    }
    const st = fr.stream;
    this.streams[st.index] = st;
    this.stream[r] = st.index;
    this.completeness[r] = fr.completeness;
    this.scale[r] = fr.scale;
    const f = this.f, o = r * 6;
    f[o] = fr.seqBase; f[o + 1] = fr.ackBase; f[o + 2] = fr.relSec; f[o + 3] = fr.relNsec; f[o + 4] = fr.deltaSec; f[o + 5] = fr.deltaNsec;
    const an = fr.an;
    this.bits[r] = fr.fin | (fr.reused ? REUSED : 0) | (an ? HAS_AN : 0);
    if (an) {
      this.ai[r * 2] = an.flags; this.ai[r * 2 + 1] = an.state;
      const a = this.af, q = r * 9;
      a[q] = an.acksFrame; a[q + 1] = an.ackRtt; a[q + 2] = an.irtt; a[q + 3] = an.bytesInFlight; a[q + 4] = an.pushBytes;
      a[q + 5] = an.dupAckNum; a[q + 6] = an.dupAckFrame; a[q + 7] = an.rto; a[q + 8] = an.rtoFrame;
    }
  }

  /** The facts stored under `key`, in the pool object of its depth; undefined when none. */
  get(key: number): TcpFrame | undefined {
    const r = this.rows.get(key);
    if (r === undefined) return undefined;
    const fr = this.slot(key);
    fr.stream = this.streams[this.stream[r]!]!;
    fr.completeness = this.completeness[r]!;
    fr.scale = this.scale[r]!;
    const f = this.f, o = r * 6;
    fr.seqBase = f[o]!; fr.ackBase = f[o + 1]!; fr.relSec = f[o + 2]!; fr.relNsec = f[o + 3]!; fr.deltaSec = f[o + 4]!; fr.deltaNsec = f[o + 5]!;
    const b = this.bits[r]!;
    fr.fin = b & 3;
    fr.reused = (b & REUSED) !== 0;
    if (b & HAS_AN) {
      const an = this.slotAn(key);
      an.flags = this.ai[r * 2]!; an.state = this.ai[r * 2 + 1]!;
      const a = this.af, q = r * 9;
      an.acksFrame = a[q]!; an.ackRtt = a[q + 1]!; an.irtt = a[q + 2]!; an.bytesInFlight = a[q + 3]!; an.pushBytes = a[q + 4]!;
      an.dupAckNum = a[q + 5]!; an.dupAckFrame = a[q + 6]!; an.rto = a[q + 7]!; an.rtoFrame = a[q + 8]!;
      fr.an = an;
    } else fr.an = undefined;
    return fr;
  }

  private grow(): void {
    const c = Math.max(1024, this.cap * 2);
    const g = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(a: T, b: T): T => { b.set(a); return b; };
    this.stream = g(this.stream, new Int32Array(c));
    this.bits = g(this.bits, new Uint8Array(c));
    this.completeness = g(this.completeness, new Uint8Array(c));
    this.scale = g(this.scale, new Int8Array(c));
    this.f = g(this.f, new Float64Array(c * 6));
    this.ai = g(this.ai, new Int32Array(c * 2));
    this.af = g(this.af, new Float64Array(c * 9));
    this.cap = c;
  }
}
