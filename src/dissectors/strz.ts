// Text of fixed-size, NUL-padded byte fields (names in pseudo-headers and trailers: NFLOG prefix,
// PKTAP interface/command names, F5 VIP name): Latin-1, up to the first NUL.

/** The bytes [off, off + n) up to the first NUL, one character per byte. */
export function latin1z(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = off; i < off + n && b[i] !== 0; i++) s += String.fromCharCode(b[i]!);
  return s;
}
