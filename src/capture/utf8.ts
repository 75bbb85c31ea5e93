// UTF-8 → string for pcapng option values (names, comments). Platform-neutral (no TextDecoder in
// the `types: []` build); invalid sequences become U+FFFD as TextDecoder would make them.

export function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  let s = '';
  let i = start;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) {
      // ASCII run: the common case for interface names and comments
      let j = i + 1;
      while (j < end && b[j]! < 0x80) j++;
      s += String.fromCharCode.apply(null, b.subarray(i, j) as unknown as number[]);
      i = j;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else { s += '\ufffd'; i++; continue; }
    let k = 1;
    for (; k <= need && i + k < end; k++) {
      const d = b[i + k]!;
      if ((d & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (k <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      // broken sequence: one U+FFFD for the lead byte and the continuation bytes seen
      s += '\ufffd';
      i += k <= need ? k : 1;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}

/**
 * Bytes [start, end) as Latin-1 text (one char per byte): one flat string, without the cons
 * string per byte that `s += String.fromCharCode(b[i])` leaves for the collector.
 */
export function latin1(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n === 1) return String.fromCharCode(b[start]!);
  if (native !== undefined) return native(b, start, end);
  if (n <= 0x2000) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  let s = '';
  for (let i = start; i < end; i += 0x2000) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 0x2000)) as unknown as number[]);
  }
  return s;
}

/** A runtime's own Latin-1 decoder (Node: Buffer's latin1Slice, ~40 % faster, no view object). */
let native: ((b: Uint8Array, start: number, end: number) => string) | undefined;
export function setLatin1Decoder(fn: (b: Uint8Array, start: number, end: number) => string): void {
  native = fn;
}

/** UTF-8 bytes of a string (for writers). */
export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
