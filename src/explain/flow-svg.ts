// The flow graph of one TCP connection as an SVG sequence diagram (`wirelens flow`): the client and
// the server as lifelines, one arrow per segment (flags, Seq, Ack, Len, analysis tags) going down a
// time axis, and both endpoints' states (tcp.state.*) beside their lifelines where they change.
//
// Each arrow is a <g class="seg" data-frame="N"> so a UI can make it clickable. Every text that
// comes from a packet or the user is escaped (xmlText), numbers are formatted with fixed digits,
// and nothing depends on the clock or random ids: the same segments give the same bytes.

import { TA } from '../analysis/tcp-analysis.js';
import { TCP_STATE_NAMES } from '../analysis/tcp-state.js';
import type { ExplainSeg } from './facts.js';
import { clientOf, endpoint, flagText } from './story.js';
import type { ExplainStrings } from './strings.js';
import { en } from './en.js';

/** Escapes text for XML character data and attribute values; drops characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) continue;
    switch (ch) {
      case '&': out += '&amp;'; break;
      case '<': out += '&lt;'; break;
      case '>': out += '&gt;'; break;
      case '"': out += '&quot;'; break;
      case "'": out += '&apos;'; break;
      default: out += ch;
    }
  }
  return out;
}

/** The analysis tags of a segment, in tshark's Info words. */
export function analysisTags(s: ExplainSeg): string[] {
  const a = s.analysis;
  const t: string[] = [];
  if (a & TA.FAST_RETRANSMISSION) t.push('TCP Fast Retransmission');
  else if (a & TA.SPURIOUS_RETRANSMISSION) t.push('TCP Spurious Retransmission');
  else if (a & TA.RETRANSMISSION) t.push('TCP Retransmission');
  if (a & TA.OUT_OF_ORDER) t.push('TCP Out-Of-Order');
  if (a & TA.LOST_SEGMENT) t.push('TCP Previous segment not captured');
  if (a & TA.ACK_LOST_SEGMENT) t.push('TCP ACKed unseen segment');
  if (a & TA.DUPLICATE_ACK) t.push(`TCP Dup ACK ${s.dupAckFrame}#${s.dupAckNum}`);
  if (a & TA.ZERO_WINDOW) t.push('TCP ZeroWindow');
  if (a & TA.ZERO_WINDOW_PROBE) t.push('TCP ZeroWindowProbe');
  if (a & TA.ZERO_WINDOW_PROBE_ACK) t.push('TCP ZeroWindowProbeAck');
  if (a & TA.WINDOW_FULL) t.push('TCP Window Full');
  if (a & TA.WINDOW_UPDATE) t.push('TCP Window Update');
  if (a & TA.KEEP_ALIVE) t.push('TCP Keep-Alive');
  if (a & TA.KEEP_ALIVE_ACK) t.push('TCP Keep-Alive ACK');
  if (a & TA.REUSED_PORTS) t.push('TCP Port numbers reused');
  return t;
}

// layout (px)
const TIME_X = 12;
const CLIENT_X = 300;
const SERVER_X = 700;
const WIDTH = 1000;
const TOP = 78;
const ROW = 34;

export interface FlowSvgOptions {
  /** words for "client"/"server" and state names (default English) */
  lang?: ExplainStrings;
}

/** The SVG of one connection's segments (capture order; all of one tcp.stream). */
export function flowSvg(segs: readonly ExplainSeg[], opts: FlowSvgOptions = {}): string {
  const L = opts.lang ?? en;
  if (segs.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="40"></svg>\n`;
  const cl = clientOf(segs);
  const first = segs[0]!;
  const fromClient = (s: ExplainSeg): boolean => s.src === cl.addr && s.sport === cl.port;
  const clientName = endpoint(cl.addr, cl.port);
  const serverName = fromClient(first) ? endpoint(first.dst, first.dport) : endpoint(first.src, first.sport);
  const height = TOP + segs.length * ROW + 30;
  const bottom = height - 20;
  const o: string[] = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="monospace" font-size="12">`);
  o.push(`<title>${xmlText(`tcp.stream eq ${first.stream}: ${clientName} → ${serverName}`)}</title>`);
  o.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>');
  o.push('<style>.seg line{stroke:#333;stroke-width:1.2}.seg.ev line{stroke:#c00}.seg.ev text.lbl{fill:#c00}.st{fill:#06c}.t{fill:#666}.life{stroke:#999;stroke-dasharray:4 3}</style>');
  o.push(`<text x="${TIME_X}" y="20" class="t">${xmlText(L.timeAxis)}</text>`);
  o.push(`<text x="${CLIENT_X}" y="20" text-anchor="middle" font-weight="bold">${xmlText(L.who('c'))}</text>`);
  o.push(`<text x="${CLIENT_X}" y="38" text-anchor="middle">${xmlText(clientName)}</text>`);
  o.push(`<text x="${SERVER_X}" y="20" text-anchor="middle" font-weight="bold">${xmlText(L.who('s'))}</text>`);
  o.push(`<text x="${SERVER_X}" y="38" text-anchor="middle">${xmlText(serverName)}</text>`);
  o.push(`<line class="life" x1="${CLIENT_X}" y1="48" x2="${CLIENT_X}" y2="${bottom}"/>`);
  o.push(`<line class="life" x1="${SERVER_X}" y1="48" x2="${SERVER_X}" y2="${bottom}"/>`);
  let pc = -2;
  let ps = -2;
  const state = (v: number): string => (v < 0 ? '' : L.state(TCP_STATE_NAMES.get(v) ?? 'UNKNOWN'));
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const y = TOP + i * ROW;
    const c = fromClient(s);
    const x1 = c ? CLIENT_X : SERVER_X;
    const x2 = c ? SERVER_X : CLIENT_X;
    const tags = analysisTags(s);
    const label = `#${s.num} [${flagText(s.flags)}] Seq=${s.seq}${s.flags & 0x10 ? ` Ack=${s.ack}` : ''} Len=${s.len}`;
    o.push(`<g class="seg${tags.length ? ' ev' : ''}" data-frame="${s.num}">`);
    o.push(`<title>${xmlText(`${label}${tags.length ? ` [${tags.join('] [')}]` : ''}`)}</title>`);
    o.push(`<text x="${TIME_X}" y="${y + 4}" class="t">${(s.time - first.time).toFixed(6)}</text>`);
    o.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y + 10}" marker-end="url(#arrow)"/>`);
    o.push(`<text class="lbl" x="${(CLIENT_X + SERVER_X) / 2}" y="${y - 3}" text-anchor="middle">${xmlText(label)}</text>`);
    if (tags.length) o.push(`<text class="lbl" x="${(CLIENT_X + SERVER_X) / 2}" y="${y + 20}" text-anchor="middle">${xmlText(`[${tags.join('] [')}]`)}</text>`);
    if (s.client !== pc || s.server !== ps) {
      o.push(`<text class="st" x="${CLIENT_X - 8}" y="${y + 14}" text-anchor="end">${xmlText(state(s.client))}</text>`);
      o.push(`<text class="st" x="${SERVER_X + 8}" y="${y + 14}">${xmlText(state(s.server))}</text>`);
      pc = s.client;
      ps = s.server;
    }
    o.push('</g>');
  }
  o.push('</svg>');
  return o.join('\n') + '\n';
}
