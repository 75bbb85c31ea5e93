// rtsp: Real Time Streaming Protocol 1.0 (RFC 2326) over TCP 554/8554.
//
//   Request-Line = Method SP Request-URI SP RTSP-Version CRLF
//   Status-Line  = RTSP-Version SP Status-Code SP Reason-Phrase CRLF
//   *( header CRLF )
//   CRLF
//   [ message-body ]          Content-Length bytes (an SDP description for DESCRIBE replies)
//
// Messages span segments through TCP reassembly (p.desegment): the headers until the empty line
// (DESEGMENT_ONE_MORE), then Content-Length bytes. Info, set once the message is complete, is the request line ("DESCRIBE rtsp://…
// RTSP/1.0") or "Reply: <status line>"; a Content-type: application/sdp body goes to SDP
// (Protocol "RTSP/SDP").

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { DESEGMENT_ONE_MORE } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { tcpPortTable } from './tcp.js';
import { callData } from './data.js';
import { escapeText } from './data-text-lines.js';
import { latin1z } from './strz.js';
import { ROOT } from '../core/tree.js';
import { dissectSdp } from './sdp.js';

export const proto_rtsp = registerProtocol('rtsp', 'Real Time Streaming Protocol', 'RTSP');

const hf = {
  request: f('rtsp.request', 'Request', FT.STRING),
  response: f('rtsp.response', 'Response', FT.STRING),
  method: f('rtsp.method', 'Method', FT.STRING),
  content_type: f('rtsp.content-type', 'Content-type', FT.STRING),
  content_length: f('rtsp.content-length', 'Content-length', FT.UINT32, { base: Base.DEC }),
  url: f('rtsp.url', 'URL', FT.STRING),
  status: f('rtsp.status', 'Status', FT.UINT32, { base: Base.DEC }),
  session: f('rtsp.session', 'Session', FT.STRING),
  transport: f('rtsp.transport', 'Transport', FT.STRING),
};

const METHODS = new Set(['DESCRIBE', 'ANNOUNCE', 'GET_PARAMETER', 'OPTIONS', 'PAUSE', 'PLAY', 'RECORD',
  'REDIRECT', 'SETUP', 'SET_PARAMETER', 'TEARDOWN']);

const enum Kind { NONE, REQUEST, REPLY }

/** Request or reply by the first line's start (bytes [off, lim)). */
function kindOf(b: Uint8Array, off: number, lim: number): Kind {
  if (lim - off >= 5 && b[off] === 0x52 && b[off + 1] === 0x54 && b[off + 2] === 0x53 && b[off + 3] === 0x50 && b[off + 4] === 0x2f) return Kind.REPLY;
  let sp = off;
  while (sp < lim && sp - off < 16 && b[sp] !== 0x20) sp++;
  if (sp < lim && b[sp] === 0x20 && METHODS.has(latin1z(b, off, sp - off))) return Kind.REQUEST;
  return Kind.NONE;
}

/** Index of the LF ending the line at `from`, or -1. */
function lineEnd(b: Uint8Array, from: number, lim: number): number {
  for (let i = from; i < lim; i++) if (b[i] === 0x0a) return i;
  return -1;
}

function dissectRtsp(p: Packet, off: number, end: number, parent: number): number {
  void parent;
  let x = off;
  let first = true;
  while (x < end) {
    const n = dissectMessage(p, x, end, first);
    first = false;
    if (n <= 0 || p.stopped) break;
    x += n;
  }
  return end - off;
}

/** One message at [off, end): the bytes it used, or 0 (asked TCP for more / not RTSP). */
function dissectMessage(p: Packet, off: number, end: number, first: boolean): number {
  const b = p.buf;
  const t = p.tree;
  const lim = Math.min(end, p.capEnd);
  const kind = kindOf(b, off, lim);
  const lf0 = lineEnd(b, off, lim);
  if (kind === Kind.NONE) {
    // bytes inside a message whose start we did not see
    if (!first) return 0;
    p.proto = 'RTSP';
    if (p.cols) p.setInfo('Continuation');
    const top = p.addProto(ROOT, proto_rtsp, off, end);
    callData(p, off, end, top);
    return end - off;
  }
  const e0 = lf0 >= 0 && lf0 > off && b[lf0 - 1] === 0x0d ? lf0 - 1 : (lf0 >= 0 ? lf0 : lim);
  const firstLine = latin1z(b, off, e0 - off);
  // the header block ends with an empty line
  let hdrEnd = -1, blank = -1;
  let contentLength = 0, contentType = '';
  for (let x = lf0 >= 0 ? lf0 + 1 : lim; x < lim;) {
    const lf = lineEnd(b, x, lim);
    if (lf < 0) break;
    const e = lf > x && b[lf - 1] === 0x0d ? lf - 1 : lf;
    if (e === x) { blank = x; hdrEnd = lf + 1; break; }
    const c = b.indexOf(0x3a, x);
    if (c > x && c < e) {
      const name = latin1z(b, x, c - x).toLowerCase();
      if (name === 'content-length') contentLength = parseInt(latin1z(b, c + 1, e - c - 1).trim(), 10) || 0;
      else if (name === 'content-type') contentType = latin1z(b, c + 1, e - c - 1).trim().toLowerCase();
    }
    x = lf + 1;
  }
  if (hdrEnd < 0) {
    if (p.desegment(off, DESEGMENT_ONE_MORE)) return 0;
    hdrEnd = end;
  }
  let msgEnd = hdrEnd + contentLength;
  if (msgEnd > end) {
    if (p.desegment(off, msgEnd - end)) return 0;
    msgEnd = end;
  }
  // (Info only for a message that is all there: a segment that starts one shows TCP's Info)
  if (p.cols) {
    const info = kind === Kind.REPLY ? 'Reply: ' + firstLine : firstLine;
    if (first) p.setInfo(info); else p.appendInfo(', ' + info);
  }
  p.proto = 'RTSP';
  const top = p.addProto(ROOT, proto_rtsp, off, msgEnd);
  if (top >= 0 || t.full) {
    const ln = (lf0 >= 0 ? lf0 + 1 : lim) - off;
    const raw = latin1z(b, off, ln);
    if (kind === Kind.REQUEST) {
      const fl = t.addStr(top, hf.request, off, ln, raw);
      const sp1 = firstLine.indexOf(' ');
      const sp2 = firstLine.indexOf(' ', sp1 + 1);
      t.addStr(fl, hf.method, off, sp1, firstLine.slice(0, sp1));
      const url = sp2 > sp1 ? firstLine.slice(sp1 + 1, sp2) : firstLine.slice(sp1 + 1);
      t.addStr(fl, hf.url, off + sp1 + 1, url.length, url);
    } else {
      const fl = t.addStr(top, hf.response, off, ln, raw);
      const st = parseInt(firstLine.slice(9, 12), 10) || 0;
      t.addNum(fl, hf.status, off + 9, 3, st);
    }
    const stop = blank >= 0 ? blank : hdrEnd;
    for (let x = lf0 >= 0 ? lf0 + 1 : lim; x < stop;) {
      let lf = lineEnd(b, x, stop);
      if (lf < 0) lf = stop - 1;
      const e = lf > x && b[lf - 1] === 0x0d ? lf - 1 : lf;
      const c = b.indexOf(0x3a, x);
      const name = c > x && c < e ? latin1z(b, x, c - x).toLowerCase() : '';
      const value = c > x && c < e ? latin1z(b, c + 1, e - c - 1).trim() : '';
      const len = lf + 1 - x;
      if (name === 'content-length') t.addNum(top, hf.content_length, x, len, parseInt(value, 10) || 0);
      else if (name === 'content-type') t.addStr(top, hf.content_type, x, len, value);
      else if (name === 'session') t.addStr(top, hf.session, x, len, value);
      else if (name === 'transport') t.addStr(top, hf.transport, x, len, value);
      else t.addText(top, x, len, escapeText(b, x, lf + 1));
      x = lf + 1;
    }
    if (blank >= 0) t.addText(top, blank, hdrEnd - blank, escapeText(b, blank, hdrEnd));
  }
  if (msgEnd > hdrEnd) {
    if (contentType === 'application/sdp') dissectSdp(p, hdrEnd, msgEnd, top);
    else callData(p, hdrEnd, msgEnd, top);
  }
  return msgEnd - off;
}


export const rtspHandle = registerHandle('rtsp', dissectRtsp);
for (const port of [554, 8554]) tcpPortTable.add(port, rtspHandle);
