// data-text-lines: a text body shown line by line ("Line-based text data: text/html (10 lines)"),
// as tshark shows text/* bodies of HTTP (and other media-typed payloads).

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { latin1 } from '../capture/utf8.js';

export const proto_data_text_lines = registerProtocol('data-text-lines', 'Line-based text data', 'Line-based text data');

/** `\r`, `\n`, `\t` and other controls escaped the way tshark labels text. */
export function escapeText(b: Uint8Array, from: number, to: number): string {
  // runs of printable bytes are copied as one flat string each
  let s = '';
  let run = from;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c !== 0x7f) continue;
    if (i > run) s += latin1(b, run, i);
    run = i + 1;
    if (c === 0x0d) s += '\\r';
    else if (c === 0x0a) s += '\\n';
    else if (c === 0x09) s += '\\t';
    else s += '\\x' + c.toString(16).padStart(2, '0');
  }
  if (to > run) s += latin1(b, run, to);
  return s;
}

/**
 * Shows [off, end) as text lines under a "Line-based text data: TYPE (N lines)" item; appends
 * " (TYPE)" to Info like tshark. `mediaType` is the Content-Type without parameters ('' = none).
 */
export function dissectTextLines(p: Packet, off: number, end: number, parent: number, mediaType: string): number {
  const b = p.buf;
  const lim = Math.min(end, p.capEnd);
  const t = p.tree;
  const top = p.addProto(parent, proto_data_text_lines, off, end);
  if (p.cols && mediaType) p.appendInfo(` (${mediaType})`);
  if (top < 0 || !t.full) return end - off;
  let lines = 0;
  let i = off;
  while (i < lim) {
    let j = i;
    while (j < lim && b[j] !== 0x0a) j++;
    const stop = j < lim ? j + 1 : lim;
    t.addText(top, i, stop - i, escapeText(b, i, stop));
    lines++;
    i = stop;
  }
  t.setLabel(top, `Line-based text data${mediaType ? ': ' + mediaType : ''} (${lines} lines)`);
  return end - off;
}

export const dataTextLinesHandle = registerHandle('data-text-lines', (p, off, end, parent) => dissectTextLines(p, off, end, parent, ''));
