// tls-handshake: TLS handshake messages (RFC 5246 §7.4, RFC 8446 §4) inside handshake records or
// QUIC CRYPTO frames, as tshark 4.0 shows them.
//
//   struct { HandshakeType msg_type (8); uint24 length; <body of length bytes> } Handshake;
//   ClientHello: version(16) random(32 bytes) session_id<0..32> cipher_suites<2..2^16-2>
//                compression_methods<1..2^8-1> extensions<0..2^16-1>
//   ServerHello: version(16) random(32 bytes) session_id<0..32> cipher_suite(16) compression(8) extensions
//
// A message that does not fit its record, or comes after ChangeCipherSpec in its direction, is an
// "Encrypted Handshake Message" (TLS ≤ 1.2 Finished), as tshark labels it.

import { FT, Base } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { tf } from './tls-proto.js';
import { CIPHER_SUITES, COMP_METHODS, CURVE_TYPES, GROUPS, HS_TYPES, VERSIONS } from './tls-names.js';
import {
  dissectExtensions, newJaInput, isGrease, HS_CLIENT_HELLO, HS_SERVER_HELLO, HS_HELLO_RETRY_REQUEST,
  HS_ENCRYPTED_EXTENSIONS, hx, sigAlgItem, type HelloFacts, type JaInput,
} from './tls-ext.js';
import { ja3Full, ja3sFull, ja4, md5Hex } from './tls-fingerprint.js';
import { dissectCertificate } from './x509.js';

/** TLS state of one TCP connection (or QUIC connection). */
export interface TlsConv {
  /** version selected by the ServerHello (supported_versions, else its version field); 0 unknown */
  version: number;
  /** the server's port (the destination port of the first packet) */
  serverPort: number;
  /** ALPN protocol selected by the server ('' unknown) */
  alpn: string;
  /** ChangeCipherSpec seen, per direction (0 client→server, 1 server→client) */
  ccs: [boolean, boolean];
  /** cipher suite the ServerHello selected (0 unknown): how key exchange messages read */
  cipher?: number;
  /** an SSL 2.0 connection */
  sslv2?: boolean;
}

const HS_NEW_SESSION_TICKET = 4;
const HS_CERTIFICATE = 11;
const HS_SERVER_KEY_EXCHANGE = 12;
const HS_CLIENT_KEY_EXCHANGE = 16;
const HS_FINISHED = 20;
const HS_HEADER_LEN = 4;
const RANDOM_LEN = 32;

export const hh = {
  type: tf('tls.handshake.type', 'Handshake Message Type', FT.UINT8, { vals: HS_TYPES }),
  handshake: tf('tls.handshake', 'Handshake Protocol', FT.NONE),
  length: tf('tls.handshake.length', 'Length', FT.UINT24),
  session_id_length: tf('tls.handshake.session_id_length', 'Session ID Length', FT.UINT8),
  certificates_length: tf('tls.handshake.certificates_length', 'Certificates Length', FT.UINT24),
  certificates: tf('tls.handshake.certificates', 'Certificates', FT.NONE),
  certificate: tf('tls.handshake.certificate', 'Certificate', FT.BYTES),
  certificate_length: tf('tls.handshake.certificate_length', 'Certificate Length', FT.UINT24),
  random: tf('tls.handshake.random', 'Random', FT.BYTES),
  random_time: tf('tls.handshake.random_time', 'GMT Unix Time', FT.ABSOLUTE_TIME, { base: Base.TIME_UTC }),
  random_bytes: tf('tls.handshake.random_bytes', 'Random Bytes', FT.BYTES),
  session_id: tf('tls.handshake.session_id', 'Session ID', FT.BYTES),
  version: tf('tls.handshake.version', 'Version', FT.UINT16, { base: Base.HEX, vals: VERSIONS }),
  cipher_suites_length: tf('tls.handshake.cipher_suites_length', 'Cipher Suites Length', FT.UINT16),
  ciphersuites: tf('tls.handshake.ciphersuites', 'Cipher Suites', FT.NONE),
  ciphersuite: tf('tls.handshake.ciphersuite', 'Cipher Suite', FT.UINT16, { base: Base.HEX, vals: CIPHER_SUITES }),
  comp_methods_length: tf('tls.handshake.comp_methods_length', 'Compression Methods Length', FT.UINT8),
  comp_methods: tf('tls.handshake.comp_methods', 'Compression Methods', FT.NONE),
  comp_method: tf('tls.handshake.comp_method', 'Compression Method', FT.UINT8, { vals: COMP_METHODS }),
  session_ticket_lifetime_hint: tf('tls.handshake.session_ticket_lifetime_hint', 'Session Ticket Lifetime Hint', FT.UINT32, { base: Base.UNIT, unit: ' seconds' }),
  session_ticket_age_add: tf('tls.handshake.session_ticket_age_add', 'Session Ticket Age Add', FT.UINT32),
  session_ticket_nonce_length: tf('tls.handshake.session_ticket_nonce_length', 'Session Ticket Nonce Length', FT.UINT8),
  session_ticket_nonce: tf('tls.handshake.session_ticket_nonce', 'Session Ticket Nonce', FT.BYTES),
  session_ticket_length: tf('tls.handshake.session_ticket_length', 'Session Ticket Length', FT.UINT16),
  session_ticket: tf('tls.handshake.session_ticket', 'Session Ticket', FT.BYTES),
  verify_data: tf('tls.handshake.verify_data', 'Verify Data', FT.NONE),
  ja3_full: tf('tls.handshake.ja3_full', 'JA3 Fullstring', FT.STRING),
  ja3: tf('tls.handshake.ja3', 'JA3', FT.STRING),
  ja3s_full: tf('tls.handshake.ja3s_full', 'JA3S Fullstring', FT.STRING),
  ja3s: tf('tls.handshake.ja3s', 'JA3S', FT.STRING),
  server_curve_type: tf('tls.handshake.server_curve_type', 'Curve Type', FT.UINT8, { base: Base.HEX, vals: CURVE_TYPES }),
  server_named_curve: tf('tls.handshake.server_named_curve', 'Named Curve', FT.UINT16, { base: Base.HEX, vals: GROUPS }),
  server_point_len: tf('tls.handshake.server_point_len', 'Pubkey Length', FT.UINT8),
  server_point: tf('tls.handshake.server_point', 'Pubkey', FT.BYTES),
  client_point_len: tf('tls.handshake.client_point_len', 'Pubkey Length', FT.UINT8),
  client_point: tf('tls.handshake.client_point', 'Pubkey', FT.BYTES),
  sig_len: tf('tls.handshake.sig_len', 'Signature Length', FT.UINT16),
  sig: tf('tls.handshake.sig', 'Signature', FT.BYTES),
  epms_len: tf('tls.handshake.epms_len', 'Encrypted PreMaster length', FT.UINT16),
  epms: tf('tls.handshake.epms', 'Encrypted PreMaster', FT.BYTES),
  // newer than tshark 4.0: hidden so -V stays as 4.0 prints it; filters and -e can use it
  ja4: tf('tls.handshake.ja4', 'JA4', FT.STRING),
};

/** TLS 1.3 or one of its drafts (0x7f0e…, Facebook's 0xfb17/0xfb1a) */
export function isTls13(v: number): boolean {
  return v === 0x0304 || (v >> 8) === 0x7f || v === 0xfb17 || v === 0xfb1a;
}

/** TLS 1.3 drafts before 22 had no legacy session id and compression in the ServerHello */
function isEarlyDraft(v: number): boolean {
  return (v >> 8) === 0x7f && (v & 0xff) < 22;
}

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

function u24(b: Uint8Array, o: number): number {
  return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
}

function hsName(ty: number): string {
  return HS_TYPES.get(ty) ?? `Unknown (${ty})`;
}

/**
 * The handshake messages of one record [o, end) (or of QUIC CRYPTO data). Adds Info text and
 * returns the record label's tail: a message name, "Multiple Handshake Messages" or
 * "Encrypted Handshake Message". `proto` is the JA4 transport letter.
 */
export function dissectHandshakes(p: Packet, conv: TlsConv, parent: number, o: number, end: number, dir: number, proto: 't' | 'q' = 't'): string {
  const t = p.tree;
  const b = p.buf;
  const first = o;
  let count = 0;
  let name = '';
  while (o < end) {
    const rem = end - o;
    const ty = rem >= 1 ? b[o]! : -1;
    const len = rem >= HS_HEADER_LEN ? u24(b, o + 1) : -1;
    const plain = !conv.ccs[dir] && rem >= HS_HEADER_LEN && HS_TYPES.has(ty) && (len + HS_HEADER_LEN <= rem || (o === first && len < 0x10000));
    if (!plain) {
      if (count === 0) {
        const it = t.addItem(parent, hh.handshake, o, rem);
        t.setLabel(it, 'Handshake Protocol: Encrypted Handshake Message');
        if (p.cols) p.appendInfoSep(', ', 'Encrypted Handshake Message');
        return 'Encrypted Handshake Message';
      }
      break;
    }
    const mEnd = Math.min(end, o + HS_HEADER_LEN + len);
    // RFC 8446 §4.1.3: a ServerHello with the special random is a HelloRetryRequest
    const nm = ty === HS_SERVER_HELLO && len >= 34 && isHelloRetry(b, o + HS_HEADER_LEN + 2) ? 'Hello Retry Request' : hsName(ty);
    const hs = t.addItem(parent, hh.handshake, o, mEnd - o);
    t.setLabel(hs, 'Handshake Protocol: ' + nm);
    const ti = t.addNum(hs, hh.type, o, 1, ty);
    // tshark registers tls.handshake.type twice; the handshake's item shows the second name
    if (ti >= 0 && t.full) t.setLabel(ti, `Handshake Type: ${hsName(ty)} (${ty})`);
    t.addNum(hs, hh.length, o + 1, 3, len);
    if (p.cols) p.appendInfoSep(', ', nm);
    name = nm;
    count++;
    if (o + HS_HEADER_LEN + len > end) break; // a fragment: the rest is in later records
    dissectBody(p, conv, hs, ty, o + HS_HEADER_LEN, mEnd, proto);
    if (p.stopped) break;
    o = mEnd;
  }
  return count > 1 ? 'Multiple Handshake Messages' : name;
}

function dissectBody(p: Packet, conv: TlsConv, hs: number, ty: number, o: number, end: number, proto: 't' | 'q'): void {
  switch (ty) {
    case HS_CLIENT_HELLO: hello(p, conv, hs, o, end, true, proto); break;
    case HS_SERVER_HELLO: hello(p, conv, hs, o, end, false, proto); break;
    case HS_NEW_SESSION_TICKET: newSessionTicket(p, conv, hs, o, end); break;
    case HS_CERTIFICATE: certificate(p, conv, hs, o, end); break;
    case HS_ENCRYPTED_EXTENSIONS: {
      const facts: HelloFacts = { selectedVersion: 0, alpn: '', sni: '' };
      dissectExtensions(p, hs, o, end, ty, null, facts);
      if (facts.alpn !== '') conv.alpn = facts.alpn;
      break;
    }
    case HS_SERVER_KEY_EXCHANGE: serverKeyExchange(p, conv, hs, o, end); break;
    case HS_CLIENT_KEY_EXCHANGE: clientKeyExchange(p, conv, hs, o, end); break;
    case HS_FINISHED:
      p.tree.addItem(hs, hh.verify_data, o, end - o);
      break;
    default:
      break;
  }
}

/** supported_versions of a ServerHello's extensions [o, end) (0 when absent), without adding items. */
function peekSelectedVersion(b: Uint8Array, o: number, end: number): number {
  if (o + 2 > end) return 0;
  const lim = Math.min(end, o + 2 + u16(b, o));
  o += 2;
  while (o + 4 <= lim) {
    const ty = u16(b, o), len = u16(b, o + 2);
    if (ty === 43 && len >= 2 && o + 6 <= lim) return u16(b, o + 4);
    o += 4 + len;
  }
  return 0;
}

function hello(p: Packet, conv: TlsConv, hs: number, o: number, end: number, client: boolean, proto: 't' | 'q'): void {
  const t = p.tree;
  const b = p.buf;
  if (!p.need(o, 2 + RANDOM_LEN + 1, end)) return;
  const version = u16(b, o);
  t.addNum(hs, hh.version, o, 2, version);
  o += 2;
  const r = t.addBytes(hs, hh.random, o, RANDOM_LEN);
  const draft = !client && isEarlyDraft(version);
  const hrr = !client && !draft && isHelloRetry(b, o);
  if (hrr) t.appendLabel(r, ' (HelloRetryRequest magic)');
  const sidLen = draft ? 0 : b[o + RANDOM_LEN]!;
  // the GMT time is left out for a TLS 1.3 ServerHello (its random is all random)
  // (nor for a ClientHello of a connection known to be TLS 1.3 from the start, as in QUIC)
  let tls13 = draft || hrr || (client && isTls13(conv.version));
  if (!client && !draft) {
    const after = o + RANDOM_LEN + 1 + sidLen + 3;
    tls13 = isTls13(peekSelectedVersion(b, after, end));
  }
  if (r >= 0 && !tls13) {
    t.addObj(r, hh.random_time, o, 4, { sec: p.dv.getUint32(o), nsec: 0 });
    t.addBytes(r, hh.random_bytes, o + 4, RANDOM_LEN - 4);
  }
  o += RANDOM_LEN;
  if (!draft) {
    t.addNum(hs, hh.session_id_length, o, 1, sidLen);
    o += 1;
  }
  if (sidLen > 0) {
    if (!p.need(o, sidLen, end)) return;
    t.addBytes(hs, hh.session_id, o, sidLen);
    o += sidLen;
  }
  const wantJa3 = t.wants(hh.ja3) || t.wants(hh.ja3_full) || t.wants(hh.ja3s) || t.wants(hh.ja3s_full);
  const wantJa4 = client && t.wants(hh.ja4);
  const ja: JaInput | null = wantJa3 || wantJa4 ? newJaInput(version) : null;
  let cipher = 0;
  if (client) {
    if (!p.need(o, 2, end)) return;
    const n = u16(b, o);
    t.addNum(hs, hh.cipher_suites_length, o, 2, n);
    const cnt = n >> 1;
    const cs = t.addItem(hs, hh.ciphersuites, o + 2, n);
    t.setLabel(cs, `Cipher Suites (${cnt} suite${cnt === 1 ? '' : 's'})`);
    o += 2;
    if (!p.need(o, n, end)) return;
    for (let i = o; i + 2 <= o + n; i += 2) {
      const v = u16(b, i);
      t.addNum(cs, hh.ciphersuite, i, 2, v);
      if (ja !== null) ja.ciphers.push(v);
    }
    o += n;
    if (!p.need(o, 1, end)) return;
    const cm = b[o]!;
    t.addNum(hs, hh.comp_methods_length, o, 1, cm);
    const ci = t.addItem(hs, hh.comp_methods, o + 1, cm);
    t.setLabel(ci, `Compression Methods (${cm} method${cm === 1 ? '' : 's'})`);
    o += 1;
    if (!p.need(o, cm, end)) return;
    for (let i = o; i < o + cm; i++) t.addNum(ci, hh.comp_method, i, 1, b[i]!);
    o += cm;
  } else {
    if (!p.need(o, 3, end)) return;
    cipher = u16(b, o);
    t.addNum(hs, hh.ciphersuite, o, 2, cipher);
    if (!draft) t.addNum(hs, hh.comp_method, o + 2, 1, b[o + 2]!);
    o += draft ? 2 : 3;
  }
  const facts: HelloFacts = { selectedVersion: 0, alpn: '', sni: '' };
  if (!dissectExtensions(p, hs, o, end, client ? HS_CLIENT_HELLO : hrr ? HS_HELLO_RETRY_REQUEST : HS_SERVER_HELLO, ja, facts)) return;
  if (!client && !p.session.visited) {
    conv.cipher = cipher;
    conv.version = facts.selectedVersion !== 0 ? facts.selectedVersion : version;
    if (facts.alpn !== '') conv.alpn = facts.alpn;
  }
  if (ja === null) return;
  if (client) {
    if (wantJa3) {
      const full = ja3Full(ja);
      t.generated(t.addStr(hs, hh.ja3_full, end, 0, full));
      t.generated(t.addStr(hs, hh.ja3, end, 0, md5Hex(full)));
    }
    if (wantJa4) t.hide(t.generated(t.addStr(hs, hh.ja4, end, 0, ja4(ja, proto))));
  } else if (wantJa3) {
    const exts = ja.exts.filter((v) => !isGrease(v));
    const full = ja3sFull(version, cipher, exts);
    t.generated(t.addStr(hs, hh.ja3s_full, end, 0, full));
    t.generated(t.addStr(hs, hh.ja3s, end, 0, md5Hex(full)));
  }
}

/** RFC 8446 §4.1.3: a ServerHello whose random is SHA-256("HelloRetryRequest") is an HRR. */
const HRR_RANDOM = [0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91];
function isHelloRetry(b: Uint8Array, randomOff: number): boolean {
  for (let i = 0; i < HRR_RANDOM.length; i++) if (b[randomOff + i] !== HRR_RANDOM[i]) return false;
  return true;
}

function newSessionTicket(p: Packet, conv: TlsConv, hs: number, o: number, end: number): void {
  const t = p.tree;
  const b = p.buf;
  if (!p.need(o, 4, end)) return;
  t.addNum(hs, hh.session_ticket_lifetime_hint, o, 4, p.dv.getUint32(o));
  o += 4;
  const tls13 = isTls13(conv.version);
  if (tls13) {
    if (!p.need(o, 5, end)) return;
    t.addNum(hs, hh.session_ticket_age_add, o, 4, p.dv.getUint32(o));
    const nl = b[o + 4]!;
    t.addNum(hs, hh.session_ticket_nonce_length, o + 4, 1, nl);
    o += 5;
    if (!p.need(o, nl, end)) return;
    t.addBytes(hs, hh.session_ticket_nonce, o, nl);
    o += nl;
  }
  if (!p.need(o, 2, end)) return;
  const n = u16(b, o);
  t.addNum(hs, hh.session_ticket_length, o, 2, n);
  o += 2;
  if (!p.need(o, n, end)) return;
  t.addBytes(hs, hh.session_ticket, o, n);
  o += n;
  if (tls13 && o < end) dissectExtensions(p, hs, o, end, HS_NEW_SESSION_TICKET, null, { selectedVersion: 0, alpn: '', sni: '' });
}

function certificate(p: Packet, conv: TlsConv, hs: number, o: number, end: number): void {
  const t = p.tree;
  const b = p.buf;
  const tls13 = isTls13(conv.version);
  if (tls13) {
    if (!p.need(o, 1, end)) return;
    o += 1 + b[o]!; // certificate_request_context
  }
  if (!p.need(o, 3, end)) return;
  const total = u24(b, o);
  t.addNum(hs, hh.certificates_length, o, 3, total);
  o += 3;
  const certs = t.addItem(hs, hh.certificates, o, total);
  t.setLabel(certs, `Certificates (${total} bytes)`);
  const lim = Math.min(end, o + total);
  while (o < lim) {
    if (!p.need(o, 3, lim)) return;
    const n = u24(b, o);
    t.addNum(certs, hh.certificate_length, o, 3, n);
    o += 3;
    if (!p.need(o, n, lim)) return;
    const c = t.addBytes(certs, hh.certificate, o, n);
    dissectCertificate(p, c, o, o + n);
    if (p.stopped) return;
    o += n;
    if (tls13) {
      if (!p.need(o, 2, lim)) return;
      const el = u16(b, o);
      o += 2 + el;
    }
  }
}

/** Key exchange family of a cipher suite, from its name: 'ECDHE', 'DHE', 'RSA' or '' (unknown). */
function kexOf(cipher: number | undefined): string {
  const n = cipher === undefined ? undefined : CIPHER_SUITES.get(cipher);
  if (n === undefined) return '';
  if (/^TLS_ECDHE_/.test(n)) return 'ECDHE';
  if (/^TLS_DHE_/.test(n)) return 'DHE';
  if (/^TLS_RSA_/.test(n)) return 'RSA';
  return '';
}

/** ServerKeyExchange (RFC 8422 §5.4 for ECDHE): curve, public key, signature algorithm and signature. */
function serverKeyExchange(p: Packet, conv: TlsConv, hs: number, o: number, end: number): void {
  if (kexOf(conv.cipher) !== 'ECDHE') return;
  const t = p.tree;
  const b = p.buf;
  const g = t.addText(hs, o, end - o, 'EC Diffie-Hellman Server Params');
  if (!p.need(o, 4, end)) return;
  t.addNum(g, hh.server_curve_type, o, 1, b[o]!);
  if (b[o] !== 3) return; // only named curves are in use
  t.addNum(g, hh.server_named_curve, o + 1, 2, u16(b, o + 1));
  const pl = b[o + 3]!;
  t.addNum(g, hh.server_point_len, o + 3, 1, pl);
  o += 4;
  if (!p.need(o, pl, end)) return;
  t.addBytes(g, hh.server_point, o, pl);
  o += pl;
  if (o >= end) return;
  if (conv.version === 0x0303) {
    if (!p.need(o, 2, end)) return;
    const v = u16(b, o);
    const a = sigAlgItem(p, g, o, v);
    t.addNum(a, hx.sig_hash_hash, o, 1, b[o]!);
    t.addNum(a, hx.sig_hash_sig, o + 1, 1, b[o + 1]!);
    o += 2;
  }
  if (!p.need(o, 2, end)) return;
  const sl = u16(b, o);
  t.addNum(g, hh.sig_len, o, 2, sl);
  if (!p.need(o + 2, sl, end)) return;
  t.addBytes(g, hh.sig, o + 2, sl);
}

/** ClientKeyExchange: the client's ECDH public key, or the RSA-encrypted premaster secret. */
function clientKeyExchange(p: Packet, conv: TlsConv, hs: number, o: number, end: number): void {
  const t = p.tree;
  const b = p.buf;
  const k = kexOf(conv.cipher);
  if (k === 'ECDHE') {
    const g = t.addText(hs, o, end - o, 'EC Diffie-Hellman Client Params');
    if (!p.need(o, 1, end)) return;
    const pl = b[o]!;
    t.addNum(g, hh.client_point_len, o, 1, pl);
    if (!p.need(o + 1, pl, end)) return;
    t.addBytes(g, hh.client_point, o + 1, pl);
  } else if (k === 'RSA' && conv.version !== 0x0300) {
    const g = t.addText(hs, o, end - o, 'RSA Encrypted PreMaster Secret');
    if (!p.need(o, 2, end)) return;
    const n = u16(b, o);
    t.addNum(g, hh.epms_len, o, 2, n);
    if (!p.need(o + 2, n, end)) return;
    t.addBytes(g, hh.epms, o + 2, n);
  }
}
