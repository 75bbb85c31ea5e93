// tls-fingerprint: JA3/JA3S (Salesforce, as tshark 4.0's tls.handshake.ja3*) and JA4 (FoxIO's
// public JA4 spec; tshark 4.0 does not have it) computed from the hello fields in a JaInput.

import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { isGrease, type JaInput } from './tls-ext.js';

function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

function utf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function md5Hex(s: string): string {
  return hex(md5(utf8(s)));
}

/** JA3 fullstring: version,ciphers,extensions,groups,point formats (GREASE left out). */
export function ja3Full(ja: JaInput): string {
  const c = ja.ciphers.filter((v) => !isGrease(v));
  return `${ja.version},${c.join('-')},${ja.exts.join('-')},${ja.groups.join('-')},${ja.pointFormats.join('-')}`;
}

/** JA3S fullstring: version,cipher,extensions. */
export function ja3sFull(version: number, cipher: number, exts: readonly number[]): string {
  return `${version},${cipher},${exts.join('-')}`;
}

function tlsVersionCode(v: number): string {
  switch (v) {
    case 0x0304: return '13';
    case 0x0303: return '12';
    case 0x0302: return '11';
    case 0x0301: return '10';
    case 0x0300: return 's3';
    case 0x0002: return 's2';
    case 0xfeff: return 'd1';
    case 0xfefd: return 'd2';
    case 0xfefc: return 'd3';
    default: return '00';
  }
}

function two(n: number): string {
  const m = Math.min(n, 99);
  return (m < 10 ? '0' : '') + m;
}

function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function hash12(s: string): string {
  return s === '' ? '000000000000' : hex(sha256(utf8(s))).slice(0, 12);
}

/**
 * JA4 (https://github.com/FoxIO-LLC/ja4, JA4 section): `a_b_c` where a = protocol (t TCP, q QUIC),
 * version, SNI d/i, cipher count, extension count, ALPN first+last char; b = truncated SHA-256 of
 * the sorted ciphers; c = truncated SHA-256 of the sorted extensions (without SNI and ALPN) "_" the
 * signature algorithms in order.
 */
export function ja4(ja: JaInput, proto: 't' | 'q' | 'd'): string {
  let ver = 0;
  for (const v of ja.versions) if (!isGrease(v) && v > ver) ver = v;
  if (ver === 0) ver = ja.version;
  const ciphers = ja.ciphers.filter((v) => !isGrease(v));
  const exts = ja.exts; // GREASE already left out
  let alpn = '00';
  const a0 = ja.alpn[0];
  if (a0 !== undefined && a0.length > 0) {
    const f = a0.charCodeAt(0), l = a0.charCodeAt(a0.length - 1);
    if (isAlnum(f) && isAlnum(l)) alpn = a0[0]! + a0[a0.length - 1]!;
    else alpn = f.toString(16).padStart(2, '0')[0]! + l.toString(16).padStart(2, '0')[1]!;
  }
  const a = `${proto}${tlsVersionCode(ver)}${ja.sni ? 'd' : 'i'}${two(ciphers.length)}${two(exts.length)}${alpn}`;
  const b = hash12(ciphers.map(hex4).sort().join(','));
  const sortedExts = exts.filter((v) => v !== 0x0000 && v !== 0x0010).map(hex4).sort().join(',');
  const sig = ja.sigAlgs.filter((v) => !isGrease(v)).map(hex4).join(',');
  const c = sortedExts === '' ? '000000000000' : hash12(sig === '' ? sortedExts : `${sortedExts}_${sig}`);
  return `${a}_${b}_${c}`;
}
