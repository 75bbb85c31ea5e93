// A column of texts, one per frame, kept as bytes: the packet list's Info of every frame without a
// string per frame. On bench.pcap (450,000 frames) the Info strings were ~215 MB of the server's
// 466 MB heap in ~6.6 M string objects (most of them the pieces of concatenated strings), which
// every major GC had to mark; as bytes they are ~43 MB outside the heap.
//
// Each UTF-16 code unit is encoded on its own the way UTF-8 encodes a code point (CESU-8: a
// surrogate is 3 bytes like any unit from U+0800), so the bytes of two texts compare in the order
// of their UTF-16 units (the order of JavaScript's `<`, which the Info sort keeps) and a lone
// surrogate survives. A text without surrogates is plain UTF-8 and is decoded by Node's decoder.

import type { TextSink } from '../../core/packet.js';

export class TextColumn implements TextSink {
  /** texts written so far (0 … count - 1) */
  count = 0;
  private bytes = Buffer.allocUnsafe(1 << 16);
  /** text i is bytes[starts[i] … starts[i + 1]) */
  private starts = new Float64Array(1 << 12);
  private end = 0;
  /** texts with surrogates (rare: decoded here, not by Node's UTF-8 decoder) */
  private readonly surrogates = new Set<number>();
  private hasSurrogate = false;

  /** Starts text number `count` (write it through the TextSink methods, then call close()). */
  open(): void {
    this.hasSurrogate = false;
  }

  /** Ends the text begun by open(). */
  close(): void {
    const i = this.count;
    if (i + 2 > this.starts.length) {
      const s = new Float64Array(this.starts.length * 2);
      s.set(this.starts);
      this.starts = s;
    }
    if (this.hasSurrogate) this.surrogates.add(i);
    this.count = i + 1;
    this.starts[i + 1] = this.end;
  }

  text(s: string): void {
    const n = s.length;
    if (this.end + n * 3 > this.bytes.length) this.room(n * 3);
    const b = this.bytes;
    let o = this.end;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[o++] = c;
      else if (c < 0x800) { b[o++] = 0xc0 | (c >> 6); b[o++] = 0x80 | (c & 0x3f); }
      else {
        if (c >= 0xd800 && c <= 0xdfff) this.hasSurrogate = true;
        b[o++] = 0xe0 | (c >> 12); b[o++] = 0x80 | ((c >> 6) & 0x3f); b[o++] = 0x80 | (c & 0x3f);
      }
    }
    this.end = o;
  }

  uint(v: number): void {
    if (!(v >= 0 && v < 1e15 && v === Math.floor(v))) { this.text(String(v)); return; }
    if (this.end + 16 > this.bytes.length) this.room(16);
    let d = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) d++;
    const b = this.bytes;
    let o = this.end + d;
    this.end = o;
    let x = v;
    do { const q = Math.floor(x / 10); b[--o] = 48 + x - q * 10; x = q; } while (x > 0);
  }

  textUint(s: string, v: number): void {
    this.text(s);
    this.uint(v);
  }

  /** Text `i` (0-based). */
  get(i: number): string {
    const s = this.starts[i]!, e = this.starts[i + 1]!;
    if (!this.surrogates.has(i)) return this.bytes.toString('utf8', s, e);
    const b = this.bytes;
    let out = '';
    for (let o = s; o < e;) {
      const c = b[o]!;
      if (c < 0x80) { out += String.fromCharCode(c); o++; }
      else if (c < 0xe0) { out += String.fromCharCode(((c & 0x1f) << 6) | (b[o + 1]! & 0x3f)); o += 2; }
      else { out += String.fromCharCode(((c & 0x0f) << 12) | ((b[o + 1]! & 0x3f) << 6) | (b[o + 2]! & 0x3f)); o += 3; }
    }
    return out;
  }

  /**
   * Unit `d` of text `i` for sorting: its d-th byte, -1 past its end (byte order is the order of
   * the texts' UTF-16 units: see the top of the file).
   */
  byteAt(i: number, d: number): number {
    const p = this.starts[i]! + d;
    return p < this.starts[i + 1]! ? this.bytes[p]! : -1;
  }

  /** Bytes kept. */
  get byteSize(): number {
    return this.bytes.length + this.starts.byteLength;
  }

  /** Gives back the room grown beyond the texts (the end of a load). */
  trim(): void {
    if (this.bytes.length > this.end + (this.end >> 3)) this.bytes = Buffer.from(this.bytes.subarray(0, this.end));
    if (this.starts.length > this.count + 1 + ((this.count + 1) >> 3)) this.starts = this.starts.slice(0, this.count + 1);
  }

  private room(n: number): void {
    const b = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.end + n));
    this.bytes.copy(b, 0, 0, this.end);
    this.bytes = b;
  }
}
