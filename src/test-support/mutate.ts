// Deterministic corruption of captures for robustness tests: a seeded PRNG, a pcap writer, and a
// mutator biased towards the first bytes of a frame (where the length and offset fields live).

import { writeFileSync } from 'node:fs';

/** mulberry32: a small seeded PRNG; same seed, same sequence. Returns [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RawFrame {
  data: Uint8Array;
  /** length on the wire (≥ data.length) */
  len: number;
  sec: number;
  usec: number;
}

/** A little-endian microsecond pcap file. */
export function pcapBytes(linktype: number, frames: readonly RawFrame[]): Uint8Array {
  let size = 24;
  for (const f of frames) size += 16 + f.data.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xa1b2c3d4, true);
  dv.setUint16(4, 2, true);
  dv.setUint16(6, 4, true);
  dv.setUint32(16, 262144, true);
  dv.setUint32(20, linktype, true);
  let off = 24;
  for (const f of frames) {
    dv.setUint32(off, f.sec, true);
    dv.setUint32(off + 4, f.usec, true);
    dv.setUint32(off + 8, f.data.length, true);
    dv.setUint32(off + 12, f.len, true);
    out.set(f.data, off + 16);
    off += 16 + f.data.length;
  }
  return out;
}

export function writePcap(path: string, linktype: number, frames: readonly RawFrame[]): void {
  writeFileSync(path, pcapBytes(linktype, frames));
}

/**
 * A corrupted copy of a frame. Kinds of damage, chosen by the PRNG: overwrite 1–4 random bytes
 * (mostly in the first 80 bytes, where headers and their length fields are), set a byte to 0x00 or
 * 0xff, cut the captured bytes short (snaplen-like, wire length kept), or shorten the wire length
 * too (a frame cut short on the wire, e.g. IP total length larger than the frame).
 */
export function mutateFrame(f: RawFrame, rnd: () => number): RawFrame {
  const data = f.data.slice();
  let len = f.len;
  let cap = data.length;
  const pos = (): number => {
    const hdr = Math.min(cap, 80);
    return rnd() < 0.8 && hdr > 0 ? Math.floor(rnd() * hdr) : Math.floor(rnd() * Math.max(cap, 1));
  };
  const kind = Math.floor(rnd() * 5);
  if (cap === 0) return { ...f, data, len };
  switch (kind) {
    case 0: case 1: {
      const n = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) data[pos()] = Math.floor(rnd() * 256);
      break;
    }
    case 2:
      data[pos()] = rnd() < 0.5 ? 0 : 0xff;
      break;
    case 3:
      cap = Math.floor(rnd() * cap);
      break;
    case 4:
      cap = Math.floor(rnd() * cap);
      len = cap;
      break;
  }
  return { data: data.subarray(0, cap), len: Math.max(len, cap), sec: f.sec, usec: f.usec };
}
