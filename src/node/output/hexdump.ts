// `tshark -x`: the bytes of each data source as offset, 16 hex bytes and their ASCII,
//   0000  ff ff ff ff ff ff 00 1a 6b 6c 0c cc 08 06 00 01   ........kl......
// When a packet has several data sources (reassembled TCP …), each dump is headed by
// `<name> (<n> bytes):`; with one source there is no header. A blank line follows the packet.

import type { Tree } from '../../core/tree.js';

const HEX = '0123456789abcdef';

/** Hex dump lines (each ending with '\n') of buf[start, start + len). */
export function hexDump(buf: Uint8Array, start: number, len: number): string {
  let out = '';
  // offsets have 4 hex digits, more when the source is longer (tshark: 5 for a 206356-byte one)
  const offDigits = Math.max(4, len.toString(16).length);
  for (let o = 0; o < len; o += 16) {
    const n = Math.min(16, len - o);
    let line = o.toString(16).padStart(offDigits, '0') + '  ';
    let asc = '';
    for (let k = 0; k < 16; k++) {
      if (k < n) {
        const b = buf[start + o + k]!;
        line += HEX[b >> 4]! + HEX[b & 15]! + ' ';
        asc += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      } else line += '   ';
    }
    out += line + '  ' + asc + '\n';
  }
  return out;
}

/** The -x block of one packet: every data source of its tree, then a blank line. */
export function packetHexDump(t: Tree): string {
  const srcs = t.sources;
  if (srcs.length === 1) {
    const s = srcs[0]!;
    return hexDump(s.buf, s.base, s.len) + '\n';
  }
  let out = '';
  for (const s of srcs) {
    // names that carry their size already ("Reassembled TCP (1652 bytes)") get no second one
    const size = / \(\d+ bytes?\)$/.test(s.name) ? '' : ` (${s.len} byte${s.len === 1 ? '' : 's'})`;
    out += `${s.name}${size}:\n` + hexDump(s.buf, s.base, s.len);
  }
  return out + '\n';
}
