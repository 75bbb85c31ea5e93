// tls: Transport Layer Security record layer (RFC 5246 §6.2, RFC 8446 §5) over TCP, as tshark 4.0
// shows it from the outside: one "Transport Layer Security" item per segment holding its records.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  ContentType  |    ProtocolVersion (major,minor)  |  length   …
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  … length (16)  |  fragment (length bytes): handshake / alert / CCS / application data …
//
// Handshake messages live in tls-handshake.ts (extensions in tls-ext.ts, certificates in x509.ts).
// A record that runs past the segment asks TCP for more bytes (p.desegment); when TCP cannot
// reassemble, the segment is left to TCP, as tshark shows a segment of a reassembled PDU.

import { FT, Base, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ROOT } from '../core/tree.js';
import { registerHandle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { tcpPortTable, tcpHeuristics } from './tcp.js';
import { ConvMap, frameKey } from './inet-util.js';
import { ALERT_DESC, ALERT_LEVEL, CONTENT_TYPES, VERSIONS } from './tls-names.js';
import { proto_tls, tf } from './tls-proto.js';
import { dissectHandshakes, isTls13, hh, type TlsConv } from './tls-handshake.js';

export { proto_tls };

const RECORD_HEADER_LEN = 5;
const REC_TYPE = 0;
const REC_VERSION = 1;
const REC_LENGTH = 3;
/** RFC 8446 §5.2: 2^14 + 256 for ciphertext; tshark flags longer records (we allow the 5.1 + 2048 of TLS 1.2 ciphertext) */
const MAX_RECORD_LEN = 16384 + 2048;

export const CT_CHANGE_CIPHER_SPEC = 20;
export const CT_ALERT = 21;
export const CT_HANDSHAKE = 22;
export const CT_APPLICATION_DATA = 23;
export const CT_HEARTBEAT = 24;

export const hf = {
  record: tf('tls.record', 'Record Layer', FT.NONE),
  record_content_type: tf('tls.record.content_type', 'Content Type', FT.UINT8, { vals: CONTENT_TYPES }),
  record_opaque_type: tf('tls.record.opaque_type', 'Opaque Type', FT.UINT8, { vals: CONTENT_TYPES }),
  record_version: tf('tls.record.version', 'Version', FT.UINT16, { base: Base.HEX, vals: VERSIONS }),
  record_length: tf('tls.record.length', 'Length', FT.UINT16),
  app_data: tf('tls.app_data', 'Encrypted Application Data', FT.BYTES, { blurb: 'Payload is encrypted application data' }),
  app_data_proto: tf('tls.app_data_proto', 'Application Data Protocol', FT.STRING),
  alert_message: tf('tls.alert_message', 'Alert Message', FT.NONE),
  alert_level: tf('tls.alert_message.level', 'Level', FT.UINT8, { vals: ALERT_LEVEL }),
  alert_desc: tf('tls.alert_message.desc', 'Description', FT.UINT8, { vals: ALERT_DESC }),
  heartbeat: tf('tls.heartbeat_message', 'Heartbeat Message', FT.NONE),
  heartbeat_type: tf('tls.heartbeat_message.type', 'Type', FT.UINT8, { vals: vals({ 1: 'Request', 2: 'Response' }) }),
  change_cipher_spec: tf('tls.change_cipher_spec', 'Change Cipher Spec Message', FT.NONE, { blurb: 'Signals a change in cipher specifications' }),
  segment_data: tf('tls.segment.data', 'TLS segment data', FT.BYTES),
};

export const ei = {
  unknown_record: expertInfo('tls.ignored_unknown_record', Group.PROTOCOL, Severity.WARN, 'Ignored Unknown Record'),
  record_length_invalid: expertInfo('tls.record.length.invalid', Group.MALFORMED, Severity.ERROR, 'Record fragment length is too small or too large'),
};

/** Version names for the Protocol column and record labels ("TLSv1.2"). */
const VERSION_SHORT = vals({
  0x0002: 'SSLv2', 0x0300: 'SSLv3', 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3',
  0x0100: 'DTLS 1.0', 0xfeff: 'DTLSv1.0', 0xfefd: 'DTLSv1.2',
});

/** "TLSv1.3" for a version (drafts count as 1.3), "TLS" when unknown. */
export function versionShort(v: number): string {
  const s = VERSION_SHORT.get(v);
  if (s !== undefined) return s;
  if ((v >= 0x7f0e && v <= 0x7f1c) || v === 0xfb17 || v === 0xfb1a) return 'TLSv1.3';
  return 'TLS';
}

/** The record versions tshark accepts as TLS (SSL 3.0 … TLS 1.3, and the TLS 1.3 drafts). */
function plausibleVersion(v: number): boolean {
  return v >= 0x0300 && v <= 0x0304;
}

// ---- per-capture state ----

class TlsState {
  convs = new ConvMap<TlsConv>();
  /** frameKey → negotiated version in effect when the frame was first dissected (revisits) */
  frameVersion = new Map<number, number>();
}
const TLS_STATE = stateKey('tls', () => new TlsState());

function newConv(p: Packet): TlsConv {
  return {
    version: 0,
    serverPort: p.dstport,
    alpn: '',
    ccs: [false, false],
  };
}

/** The TLS conversation of the current TCP connection, if TLS was seen on it. */
function knownConv(p: Packet): TlsConv | undefined {
  const convs = p.session.get(TLS_STATE).convs;
  return convs.size === 0 ? undefined : convs.get(p, p.srcport, p.dstport);
}

/** The TLS conversation of the current TCP connection (created on first use). */
export function tlsConv(p: Packet): TlsConv {
  const st = p.session.get(TLS_STATE);
  let c = st.convs.get(p, p.srcport, p.dstport);
  if (c === undefined) {
    c = newConv(p);
    st.convs.set(p, p.srcport, p.dstport, c);
  }
  return c;
}

/** Well-known application protocols of TLS ports, for "[Application Data Protocol: …]". */
const APP_PROTO_BY_PORT = new Map<number, string>([
  [443, 'Hypertext Transfer Protocol'], [8443, 'Hypertext Transfer Protocol'],
  [993, 'Internet Message Access Protocol'], [995, 'Post Office Protocol'], [465, 'Simple Mail Transfer Protocol'],
  [636, 'Lightweight Directory Access Protocol'], [853, 'Domain Name System'], [5061, 'Session Initiation Protocol'],
  [8883, 'MQ Telemetry Transport Protocol'],
]);
const APP_PROTO_BY_ALPN = new Map<string, string>([
  ['h2', 'HyperText Transfer Protocol 2'], ['http/1.1', 'Hypertext Transfer Protocol'], ['http/1.0', 'Hypertext Transfer Protocol'],
  ['imap', 'Internet Message Access Protocol'], ['pop3', 'Post Office Protocol'], ['dot', 'Domain Name System'],
]);

function appProto(c: TlsConv): string {
  if (c.alpn !== '') {
    const a = APP_PROTO_BY_ALPN.get(c.alpn);
    if (a !== undefined) return a;
  }
  return APP_PROTO_BY_PORT.get(c.serverPort) ?? 'Application Data';
}

/**
 * Asks TCP for `more` bytes after `end` for the PDU starting at `off` (p.desegment's contract in
 * core/packet.ts). Returns false when the transport cannot reassemble.
 */
function askMore(p: Packet, off: number, more: number): boolean {
  // tshark's TLS clears Info before it finds the record incomplete: a segment that only starts a
  // record shows "[TCP segment of a reassembled PDU]" alone
  if (p.canDesegment && p.cols && !hasLayer(p, proto_tls)) p.clearInfo();
  return p.desegment(off, more);
}

/** True when [off, off+5) looks like a TLS record header (content type and version). */
export function looksLikeRecord(b: Uint8Array, off: number): boolean {
  const ct = b[off + REC_TYPE]!;
  if (ct < CT_CHANGE_CIPHER_SPEC || ct > CT_HEARTBEAT) return false;
  const v = (b[off + REC_VERSION]! << 8) | b[off + REC_VERSION + 1]!;
  return plausibleVersion(v);
}

function printable(c: number): boolean { return c >= 0x20 && c < 0x7f; }

/** "Continuation Data": a segment TLS cannot place (tshark's empty TLS item). */
function continuation(p: Packet, conv: TlsConv, off: number, end: number): void {
  if (p.cols && !hasLayer(p, proto_tls)) p.clearInfo();
  p.addProto(ROOT, proto_tls, off, end);
  p.proto = conv.version !== 0 ? versionShort(conv.version) : 'SSL';
  if (p.cols) p.appendInfo(p.info.length > 0 ? ', Continuation Data' : 'Continuation Data');
}

// ---- SSL 2.0 (draft-hickman-netscape-ssl-00): 2-byte header (MSB set) or 3-byte header with padding ----

const SSL2_MSG_NAMES = vals({
  0: 'Error', 1: 'Client Hello', 2: 'Client Master Key', 3: 'Client Finished', 4: 'Server Hello',
  5: 'Server Verify', 6: 'Server Finished', 7: 'Request Certificate', 8: 'Client Certificate',
});

/** An SSL 2.0 CLIENT-HELLO (version 2) or SERVER-HELLO (version 2) record header at off. */
function looksLikeV2Hello(b: Uint8Array, off: number): boolean {
  if ((b[off]! & 0x80) === 0) return false;
  const ty = b[off + 2]!;
  if (ty === 1) return b[off + 3] === 0 && b[off + 4] === 2;
  if (ty === 4) return b[off + 3]! <= 1 && b[off + 5] === 0 && b[off + 6] === 2;
  return false;
}

function dissectV2(p: Packet, conv: TlsConv, off: number, end: number): number {
  const t = p.tree;
  const b = p.buf;
  conv.sslv2 = true;
  if (p.cols && !hasLayer(p, proto_tls)) p.clearInfo();
  const top = p.addProto(ROOT, proto_tls, off, end);
  p.proto = 'SSLv2';
  const dir = p.srcport === conv.serverPort ? 1 : 0;
  let o = off;
  while (o + 2 <= Math.min(end, p.capEnd)) {
    const two = (b[o]! & 0x80) !== 0;
    const hl = two ? 2 : 3;
    const len = two ? ((b[o]! & 0x7f) << 8) | b[o + 1]! : ((b[o]! & 0x3f) << 8) | b[o + 1]!;
    const body = o + hl;
    if (body + len > end && askMore(p, o, body + len - end)) break;
    const rec = t.addItem(top, hf.record, o, hl + len);
    t.generated(t.addNum(rec, hf.record_version, o, 0, 0x0002));
    t.addNum(rec, hf.record_length, o, hl, len);
    // before the keys are in place (Client Master Key from the client, the Server Hello from the server)
    const clear = !conv.ccs[dir] && body < p.capEnd && (b[body] === 1 || b[body] === 2 || b[body] === 4);
    let name = 'Encrypted Data';
    if (clear) {
      const ty = b[body]!;
      name = SSL2_MSG_NAMES.get(ty)!;
      const ti = t.addNum(rec, hh.type, body, 1, ty);
      if (ti >= 0 && t.full) t.setLabel(ti, `Handshake Message Type: ${name} (${ty})`);
      if (ty === 2 || ty === 4) conv.ccs[dir] = true;
    }
    t.setLabel(rec, `SSLv2 Record Layer: ${name}`);
    if (p.cols) p.appendInfoSep(', ', name);
    o = body + len;
  }
  return end - off;
}

function hasLayer(p: Packet, proto: number): boolean {
  for (let i = 0; i < p.nlayers; i++) if (p.layers[i] === proto) return true;
  return false;
}

/** TLS over a TCP segment [off, end). */
export function dissectTls(p: Packet, off: number, end: number, parent: number): number {
  void parent;
  const b = p.buf;
  const avail = Math.min(end, p.capEnd);
  if (avail - off < RECORD_HEADER_LEN && end - off < RECORD_HEADER_LEN && askMore(p, off, -1)) return end - off;
  const conv = tlsConv(p);
  if (conv.sslv2 === true || (avail - off >= 5 && looksLikeV2Hello(b, off))) return dissectV2(p, conv, off, end);
  if (avail - off < RECORD_HEADER_LEN || !looksLikeRecord(b, off)) {
    // tshark's TLS declines a segment that starts with 4 printable ASCII bytes (data then shows
    // it): learned by varying the bytes of ndpi/teams.pcap #1459
    if (avail - off >= 4 && printable(b[off]!) && printable(b[off + 1]!) && printable(b[off + 2]!) && printable(b[off + 3]!)) return 0;
    // bytes inside a record whose start we did not see (a gap in the capture)
    continuation(p, conv, off, end);
    return end - off;
  }
  const st = p.session.get(TLS_STATE);
  const fk = frameKey(p);
  if (p.session.visited) {
    const v = st.frameVersion.get(fk);
    if (v !== undefined) conv.version = v;
  } else if (p.session.retainFrames) st.frameVersion.set(fk, conv.version);

  const t = p.tree;
  let top = -1;
  let shown = false;
  let o = off;
  let first = true;
  while (o < end) {
    if (end - o < RECORD_HEADER_LEN) {
      if (askMore(p, o, -1)) break;
      break;
    }
    if (o + RECORD_HEADER_LEN > p.capEnd) {
      if (!shown) top = p.addProto(ROOT, proto_tls, o, end);
      p.short();
      break;
    }
    if (!looksLikeRecord(b, o)) {
      if (!shown) top = p.addProto(ROOT, proto_tls, o, end);
      const it = t.addText(top, o, end - o, 'Ignored Unknown Record');
      p.addExpert(it, ei.unknown_record, o, end - o);
      if (p.cols) p.appendInfoSep(', ', 'Ignored Unknown Record');
      break;
    }
    const len = (b[o + REC_LENGTH]! << 8) | b[o + REC_LENGTH + 1]!;
    const recEnd = o + RECORD_HEADER_LEN + len;
    if (recEnd > end) {
      // the record continues in later segments
      if (askMore(p, o, recEnd - end)) break;
      if (first) return end - off;
      break;
    }
    if (!shown) {
      // the first TLS layer of the frame replaces TCP's Info; a second call (bytes after a
      // reassembled record) appends to it
      if (p.cols && !hasLayer(p, proto_tls)) p.clearInfo();
      top = p.addProto(ROOT, proto_tls, off, end);
      shown = true;
    }
    dissectRecord(p, conv, top, o, len);
    first = false;
    if (p.stopped) break;
    o = recEnd;
  }
  return end - off;
}

function dissectRecord(p: Packet, conv: TlsConv, top: number, o: number, len: number): void {
  const t = p.tree;
  const b = p.buf;
  const ct = b[o + REC_TYPE]!;
  const ver = (b[o + REC_VERSION]! << 8) | b[o + REC_VERSION + 1]!;
  const body = o + RECORD_HEADER_LEN;
  const recEnd = body + len;
  const shownVer = conv.version !== 0 ? conv.version : ver;
  const vs = versionShort(shownVer);
  p.proto = vs;
  const rec = t.addItem(top, hf.record, o, RECORD_HEADER_LEN + len);
  const tls13 = isTls13(conv.version);
  if (ct === CT_APPLICATION_DATA && tls13) t.addNum(rec, hf.record_opaque_type, o, 1, ct);
  else t.addNum(rec, hf.record_content_type, o, 1, ct);
  t.addNum(rec, hf.record_version, o + REC_VERSION, 2, ver);
  const li = t.addNum(rec, hf.record_length, o + REC_LENGTH, 2, len);
  if (len > MAX_RECORD_LEN) p.addExpert(li, ei.record_length_invalid, o + REC_LENGTH, 2);
  const dir = p.srcport === conv.serverPort ? 1 : 0;
  let label = '';
  switch (ct) {
    case CT_CHANGE_CIPHER_SPEC:
      t.addItem(rec, hf.change_cipher_spec, body, len);
      label = 'Change Cipher Spec Protocol: Change Cipher Spec';
      if (p.cols) p.appendInfoSep(', ', 'Change Cipher Spec');
      // TLS 1.3's ChangeCipherSpec is only for middlebox compatibility (RFC 8446 D.4)
      if (!isTls13(conv.version)) conv.ccs[dir] = true;
      break;
    case CT_ALERT: {
      if (len === 2 && !conv.ccs[dir] && (b[body] === 1 || b[body] === 2)) {
        const lvl = b[body]!, desc = b[body + 1]!;
        const am = t.addItem(rec, hf.alert_message, body, 2);
        t.addNum(am, hf.alert_level, body, 1, lvl);
        t.addNum(am, hf.alert_desc, body + 1, 1, desc);
        const txt = `Alert (Level: ${ALERT_LEVEL.get(lvl) ?? `Unknown (${lvl})`}, Description: ${ALERT_DESC.get(desc) ?? `Unknown (${desc})`})`;
        label = txt;
        if (p.cols) p.appendInfoSep(', ', txt);
      } else {
        const am = t.addItem(rec, hf.alert_message, body, len);
        t.setLabel(am, 'Alert Message: Encrypted Alert');
        label = 'Encrypted Alert';
        if (p.cols) p.appendInfoSep(', ', 'Encrypted Alert');
      }
      break;
    }
    case CT_HANDSHAKE: {
      label = 'Handshake Protocol: ' + dissectHandshakes(p, conv, rec, body, recEnd, dir);
      break;
    }
    case CT_APPLICATION_DATA: {
      const ap = appProto(conv);
      t.addBytes(rec, hf.app_data, body, len);
      t.generated(t.addStr(rec, hf.app_data_proto, body, 0, ap));
      label = 'Application Data Protocol: ' + ap;
      if (p.cols) p.appendInfoSep(', ', 'Application Data');
      break;
    }
    case CT_HEARTBEAT: {
      const hb = t.addItem(rec, hf.heartbeat, body, len);
      if (conv.ccs[dir] || len < 3) {
        t.setLabel(hb, 'Encrypted Heartbeat');
        label = 'Encrypted Heartbeat';
        if (p.cols) p.appendInfoSep(', ', 'Encrypted Heartbeat');
      } else {
        const ty = b[body]!;
        t.addNum(hb, hf.heartbeat_type, body, 1, ty);
        label = 'Heartbeat ' + (ty === 1 ? 'Request' : ty === 2 ? 'Response' : `Unknown (${ty})`);
        if (p.cols) p.appendInfoSep(', ', label);
      }
      break;
    }
  }
  // a ServerHello may have changed the session version: the label keeps the version it started with
  t.setLabel(rec, `${vs} Record Layer: ${label}`);
  const after = conv.version !== 0 ? conv.version : ver;
  if (after !== shownVer) p.proto = versionShort(after);
}

export const tlsHandle = registerHandle('tls', dissectTls);

/**
 * Heuristic for TLS on other ports (tshark's tls heuristic on TCP): a handshake record whose first
 * message is a ClientHello or ServerHello with a matching length, or a known TLS conversation.
 */
function heurTls(p: Packet, off: number, end: number, parent: number): number {
  const b = p.buf;
  const avail = Math.min(end, p.capEnd);
  // a connection already found to be TLS stays TLS (tshark's conversation dissector)
  if (avail > off && knownConv(p) !== undefined) return dissectTls(p, off, end, parent);
  if (avail - off < RECORD_HEADER_LEN + 4) return 0;
  if (b[off] !== CT_HANDSHAKE || !looksLikeRecord(b, off)) return 0;
  const hsType = b[off + RECORD_HEADER_LEN]!;
  if (hsType !== 1 && hsType !== 2) return 0;
  const len = (b[off + REC_LENGTH]! << 8) | b[off + REC_LENGTH + 1]!;
  const hlen = (b[off + 6]! << 16) | (b[off + 7]! << 8) | b[off + 8]!;
  if (len < 4 || hlen + 4 > len + 65536 || hlen < 38) return 0;
  const v = (b[off + 9]! << 8) | b[off + 10]!;
  if (!plausibleVersion(v)) return 0;
  return dissectTls(p, off, end, parent);
}

for (const port of [443, 465, 636, 853, 993, 995, 324, 802, 1300, 2443, 3249, 3250, 3251, 3252, 3496, 5061, 5671, 5684, 5868, 8883, 11207, 19999, 27017]) {
  tcpPortTable.add(port, tlsHandle);
}
tcpHeuristics.add('tls_tcp', heurTls);
