// Hand-made TCP conversations as pcap bytes (LINKTYPE_RAW IPv4), for tests of the analysis,
// reassembly and state engines on situations the corpus lacks (zero-window probes, every flag
// combination, PDUs split at awkward places). Checksums are computed; times are seconds.

import { pcapBytes, type RawFrame } from '../test-support/mutate.js';

export interface SynthSeg {
  /** seconds since the start */
  t: number;
  /** 0 = from endpoint A (the client), 1 = from B */
  from: 0 | 1;
  /** raw sequence and acknowledgment numbers */
  seq: number;
  ack: number;
  /** letters of S A F R P U (any order) */
  flags: string;
  win?: number;
  data?: string | Uint8Array;
  /** raw TCP option bytes (padded to 4 with NOPs) */
  opts?: readonly number[];
}

export const LINKTYPE_RAW = 101;

const A_IP = [10, 0, 0, 1];
const B_IP = [10, 0, 0, 2];

function sum16(b: Uint8Array, off: number, len: number, init: number): number {
  let s = init;
  for (let i = 0; i + 1 < len; i += 2) s += (b[off + i]! << 8) | b[off + i + 1]!;
  if (len & 1) s += b[off + len - 1]! << 8;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

/** One IPv4+TCP packet. */
export function tcpPacket(s: SynthSeg, aPort = 40000, bPort = 80): Uint8Array {
  const data = typeof s.data === 'string' ? new TextEncoder().encode(s.data) : s.data ?? new Uint8Array(0);
  const opts = s.opts ? [...s.opts] : [];
  while (opts.length % 4) opts.push(1);
  const thl = 20 + opts.length;
  const total = 20 + thl + data.length;
  const p = new Uint8Array(total);
  const dv = new DataView(p.buffer);
  p[0] = 0x45;
  dv.setUint16(2, total);
  dv.setUint16(4, 1);
  p[8] = 64;
  p[9] = 6;
  p.set(s.from === 0 ? A_IP : B_IP, 12);
  p.set(s.from === 0 ? B_IP : A_IP, 16);
  dv.setUint16(10, ~sum16(p, 0, 20, 0) & 0xffff);
  const t = 20;
  dv.setUint16(t, s.from === 0 ? aPort : bPort);
  dv.setUint16(t + 2, s.from === 0 ? bPort : aPort);
  dv.setUint32(t + 4, s.seq >>> 0);
  dv.setUint32(t + 8, s.ack >>> 0);
  let fl = 0;
  for (const c of s.flags) fl |= { F: 1, S: 2, R: 4, P: 8, A: 16, U: 32 }[c as 'F'] ?? 0;
  dv.setUint16(t + 12, ((thl / 4) << 12) | fl);
  dv.setUint16(t + 14, s.win ?? 65535);
  p.set(opts, t + 20);
  p.set(data, t + thl);
  // pseudo-header: addresses, protocol, TCP length
  let ps = sum16(p, 12, 8, 0) + 6 + (thl + data.length);
  ps = sum16(p, t, thl + data.length, ps);
  dv.setUint16(t + 16, ~ps & 0xffff);
  return p;
}

/** A pcap (LINKTYPE_RAW) of the segments, starting at 1700000000 s. */
export function synthPcap(segs: readonly SynthSeg[], aPort = 40000, bPort = 80): Uint8Array {
  const frames: RawFrame[] = segs.map((s) => {
    const data = tcpPacket(s, aPort, bPort);
    const us = Math.round(s.t * 1e6);
    return { data, len: data.length, sec: 1700000000 + Math.floor(us / 1e6), usec: us % 1e6 };
  });
  return pcapBytes(LINKTYPE_RAW, frames);
}
