// The bytes of a record that spans chunk boundaries. Records that sit inside one chunk are read
// in place; only a record cut by a chunk boundary is copied here (header first, then, once its
// length is known and checked, the rest), so the copy is bounded by the largest valid record.

export class Carry {
  buf = new Uint8Array(0);
  dv = new DataView(this.buf.buffer);
  len = 0;
  /** file offset of buf[0] */
  fileOffset = 0;

  /** Makes room for n bytes, keeping the first `len`. */
  reserve(n: number): void {
    if (this.buf.length >= n) return;
    const b = new Uint8Array(Math.max(n, Math.min(this.buf.length * 2, 1 << 20), 256));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
    this.dv = new DataView(b.buffer);
  }

  /**
   * Appends chunk[pos, …) until the carry holds `want` bytes; returns the new chunk position.
   * The caller has reserved `want` bytes.
   */
  fill(chunk: Uint8Array, pos: number, want: number): number {
    const take = Math.min(want - this.len, chunk.length - pos);
    if (take <= 0) return pos;
    this.buf.set(chunk.subarray(pos, pos + take), this.len);
    this.len += take;
    return pos + take;
  }

  /** Empties the carry; drops a buffer grown past 16 MiB by one huge record. */
  clear(): void {
    this.len = 0;
    if (this.buf.length > 1 << 24) {
      this.buf = new Uint8Array(0);
      this.dv = new DataView(this.buf.buffer);
    }
  }

  /** Starts a carry with chunk[pos, end) at file offset `fileOffset`. */
  start(chunk: Uint8Array, pos: number, end: number, fileOffset: number): void {
    this.len = 0;
    this.fileOffset = fileOffset;
    this.reserve(end - pos);
    this.fill(chunk, pos, end - pos);
  }
}
