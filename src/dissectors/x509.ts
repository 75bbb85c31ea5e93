// x509: X.509 certificates (RFC 5280 §4.1) in DER, as a TLS Certificate message carries them.
// For now the certificate item gets tshark's subject suffix ("(id-at-commonName=…,…)"); the DER
// walk is bounded by the certificate's bytes and never throws.
//
//   Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
//   TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity,
//                                 subject, subjectPublicKeyInfo, [1] [2] unique ids, [3] extensions }
//   Name ::= SEQUENCE OF SET OF SEQUENCE { type OBJECT IDENTIFIER, value ANY }

import type { Packet } from '../core/packet.js';
import { decodeUtf8 } from '../capture/utf8.js';

const TAG_SEQUENCE = 0x30;
const TAG_SET = 0x31;
const TAG_OID = 0x06;
const TAG_CTX0 = 0xa0;

/** A DER TLV header read at `o`: tag, content start and end (end < 0 when it does not fit). */
interface Tlv { tag: number; start: number; end: number }

function tlv(b: Uint8Array, o: number, lim: number, out: Tlv): boolean {
  if (o + 2 > lim) return false;
  out.tag = b[o]!;
  let n = b[o + 1]!;
  let s = o + 2;
  if (n & 0x80) {
    const k = n & 0x7f;
    if (k === 0 || k > 3 || s + k > lim) return false;
    n = 0;
    for (let i = 0; i < k; i++) n = n * 256 + b[s + i]!;
    s += k;
  }
  if (s + n > lim) return false;
  out.start = s;
  out.end = s + n;
  return true;
}

const ATTR_NAMES = new Map<string, string>([
  ['2.5.4.3', 'id-at-commonName'], ['2.5.4.4', 'id-at-surname'], ['2.5.4.5', 'id-at-serialNumber'],
  ['2.5.4.6', 'id-at-countryName'], ['2.5.4.7', 'id-at-localityName'], ['2.5.4.8', 'id-at-stateOrProvinceName'],
  ['2.5.4.9', 'id-at-streetAddress'], ['2.5.4.10', 'id-at-organizationName'], ['2.5.4.11', 'id-at-organizationalUnitName'],
  ['2.5.4.12', 'id-at-title'], ['2.5.4.15', 'id-at-businessCategory'], ['2.5.4.17', 'id-at-postalCode'],
  ['2.5.4.42', 'id-at-givenName'], ['1.2.840.113549.1.9.1', 'pkcs-9-at-emailAddress'],
  ['1.3.6.1.4.1.311.60.2.1.3', 'jurisdictionOfIncorporationCountryName'],
  ['0.9.2342.19200300.100.1.25', 'dc'],
]);

/** Dotted text of the OID in [s, e). */
export function oidText(b: Uint8Array, s: number, e: number): string {
  if (s >= e) return '';
  let out = '';
  let v = 0;
  let firstDone = false;
  for (let i = s; i < e; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (b[i]! & 0x80) continue;
    if (!firstDone) {
      const a = v < 40 ? 0 : v < 80 ? 1 : 2;
      out = `${a}.${v - a * 40}`;
      firstDone = true;
    } else out += '.' + v;
    v = 0;
  }
  return out;
}

function text(b: Uint8Array, s: number, e: number): string {
  return decodeUtf8(b, s, e);
}

/** tshark's one-line form of a Name: the RDNs last first, "attr=value" joined by ','. */
export function nameString(b: Uint8Array, s: number, e: number): string {
  const parts: string[] = [];
  const set: Tlv = { tag: 0, start: 0, end: 0 };
  const seq: Tlv = { tag: 0, start: 0, end: 0 };
  const oid: Tlv = { tag: 0, start: 0, end: 0 };
  const val: Tlv = { tag: 0, start: 0, end: 0 };
  let o = s;
  while (o < e && tlv(b, o, e, set) && set.tag === TAG_SET) {
    let q = set.start;
    while (q < set.end && tlv(b, q, set.end, seq) && seq.tag === TAG_SEQUENCE) {
      if (tlv(b, seq.start, seq.end, oid) && oid.tag === TAG_OID && tlv(b, oid.end, seq.end, val)) {
        const o2 = oidText(b, oid.start, oid.end);
        parts.push(`${ATTR_NAMES.get(o2) ?? o2}=${text(b, val.start, val.end)}`);
      }
      q = seq.end;
    }
    o = set.end;
  }
  return parts.reverse().join(',');
}

/** Subject of the DER certificate [o, end) in tshark's one-line form, or '' when it does not parse. */
export function certificateSubject(b: Uint8Array, o: number, end: number): string {
  const c: Tlv = { tag: 0, start: 0, end: 0 };
  if (!tlv(b, o, end, c) || c.tag !== TAG_SEQUENCE) return '';
  const tbs: Tlv = { tag: 0, start: 0, end: 0 };
  if (!tlv(b, c.start, c.end, tbs) || tbs.tag !== TAG_SEQUENCE) return '';
  const x: Tlv = { tag: 0, start: 0, end: 0 };
  let q = tbs.start;
  if (!tlv(b, q, tbs.end, x)) return '';
  if (x.tag === TAG_CTX0) { q = x.end; if (!tlv(b, q, tbs.end, x)) return ''; }
  // serialNumber, signature, issuer, validity, then subject
  for (let i = 0; i < 4; i++) {
    q = x.end;
    if (!tlv(b, q, tbs.end, x)) return '';
  }
  if (x.tag !== TAG_SEQUENCE) return '';
  return nameString(b, x.start, x.end);
}

/** Adds what we show of the certificate [o, end) under the TLS certificate item `item`. */
export function dissectCertificate(p: Packet, item: number, o: number, end: number): void {
  if (item < 0 || !p.tree.full) return;
  const subj = certificateSubject(p.buf, o, Math.min(end, p.capEnd));
  if (subj !== '') p.tree.appendLabel(item, ` (${subj})`);
}
