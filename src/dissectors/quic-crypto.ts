// quic-crypto: QUIC Initial packet protection (RFC 9001 §5, RFC 9369 §3.3 for QUIC v2), computed
// from the client's first Destination Connection ID, with the audited @noble libraries:
// HKDF-SHA256 for the secrets, AES-128-ECB for header protection, AES-128-GCM for the payload.
//
//   initial_secret = HKDF-Extract(initial_salt, client_dst_connection_id)
//   client/server_initial_secret = HKDF-Expand-Label(initial_secret, "client in"/"server in", "", 32)
//   key/iv/hp = HKDF-Expand-Label(secret, "quic key"/"quic iv"/"quic hp", "", 16/12/16)
//
// Failures (wrong keys, truncated payloads) are values: unprotect/decrypt return undefined.

import { extract, expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ecb, gcm } from '@noble/ciphers/aes.js';

export const QUIC_V1 = 0x00000001;
export const QUIC_V2 = 0x6b3343cf;

function hexBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** RFC 9001 §5.2 (v1), RFC 9369 §3.3.1 (v2), draft-ietf-quic-tls-29 §5.2 (drafts 29–32), drafts 23–28 */
const SALT_V1 = hexBytes('38762cf7f55934b34d179ae6a4c80cadccbb7f0a');
const SALT_V2 = hexBytes('0dede3def700a6db819381be6e269dcbf9bd2ed9');
const SALT_D29 = hexBytes('afbfec289993d24c9e9786f19c6111e04390a899');
const SALT_D23 = hexBytes('c3eef712c72ebb5a11a7d2432bb46365bef9f502');

/** The Initial salt of a version, or undefined when we do not know its Initial keys. */
function saltOf(version: number): Uint8Array | undefined {
  if (version === QUIC_V1) return SALT_V1;
  if (version === QUIC_V2) return SALT_V2;
  if ((version >>> 8) === 0xff0000) {
    const d = version & 0xff;
    if (d >= 33) return SALT_V1;
    if (d >= 29) return SALT_D29;
    if (d >= 23) return SALT_D23;
    return undefined;
  }
  // mvfst: 0xfaceb002 is draft-27
  if (version === 0xfaceb002) return SALT_D23;
  if (version === 0xfaceb00e) return SALT_D29;
  // other versions (greased, experimental): the v1 salt, as tshark tries
  return SALT_V1;
}

function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** RFC 8446 §7.1 HKDF-Expand-Label with an empty context. */
function expandLabel(secret: Uint8Array, label: string, len: number): Uint8Array {
  const l = ascii('tls13 ' + label);
  const info = new Uint8Array(2 + 1 + l.length + 1);
  info[0] = len >> 8;
  info[1] = len & 0xff;
  info[2] = l.length;
  info.set(l, 3);
  info[3 + l.length] = 0;
  return expand(sha256, secret, info, len);
}

export interface InitialKeys {
  key: Uint8Array;
  iv: Uint8Array;
  hp: Uint8Array;
}

/** Initial keys of one side (client or server) for `version` and the client's first DCID. */
export function initialKeys(version: number, dcid: Uint8Array, server: boolean): InitialKeys | undefined {
  const salt = saltOf(version);
  if (salt === undefined) return undefined;
  const initial = extract(sha256, dcid, salt);
  const secret = expandLabel(initial, server ? 'server in' : 'client in', 32);
  const v2 = version === QUIC_V2;
  return {
    key: expandLabel(secret, v2 ? 'quicv2 key' : 'quic key', 16),
    iv: expandLabel(secret, v2 ? 'quicv2 iv' : 'quic iv', 12),
    hp: expandLabel(secret, v2 ? 'quicv2 hp' : 'quic hp', 16),
  };
}

/** Header protection mask (RFC 9001 §5.4.3): AES-ECB(hp, sample), 16 bytes. */
export function hpMask(keys: InitialKeys, sample: Uint8Array): Uint8Array {
  return ecb(keys.hp, { disablePadding: true }).encrypt(sample);
}

/**
 * Decrypts a payload with AES-128-GCM (RFC 9001 §5.3): nonce = iv XOR packet number, the header
 * (with the packet number unprotected) as associated data. Undefined when authentication fails.
 */
export function decryptPayload(keys: InitialKeys, pn: number, header: Uint8Array, ciphertext: Uint8Array): Uint8Array | undefined {
  const nonce = keys.iv.slice();
  let v = pn;
  for (let i = 11; i >= 4 && v > 0; i--) {
    nonce[i]! ^= v & 0xff;
    v = Math.floor(v / 256);
  }
  try {
    return gcm(keys.key, nonce, header).decrypt(ciphertext);
  } catch {
    return undefined;
  }
}

/** RFC 9001 §5.8 (v1), RFC 9369 §3.3.3 (v2), draft-29 §5.8: the fixed Retry integrity key and nonce */
const RETRY_V1 = [hexBytes('be0c690b9f66575a1d766b54e368c84e'), hexBytes('461599d35d632bf2239825bb')] as const;
const RETRY_V2 = [hexBytes('8fb4b01b56ac48e260fbcbcead7ccc92'), hexBytes('d86969bc2d7c6d9990efb04a')] as const;
const RETRY_D29 = [hexBytes('ccce187ed09a09d05728155a6cb96be1'), hexBytes('e54930f97f2136f0530a8c1c')] as const;

/**
 * Checks a Retry packet's integrity tag: AES-128-GCM over the Retry pseudo-packet (ODCID length,
 * ODCID, the Retry packet without its tag) with an empty plaintext. Undefined when the version has
 * no known key.
 */
export function retryTagValid(version: number, odcid: Uint8Array, packet: Uint8Array, tag: Uint8Array): boolean | undefined {
  const kn = version === QUIC_V1 ? RETRY_V1 : version === QUIC_V2 ? RETRY_V2
    : (version >>> 8) === 0xff0000 && (version & 0xff) >= 29 && (version & 0xff) <= 32 ? RETRY_D29
      : (version >>> 8) === 0xff0000 && (version & 0xff) >= 33 ? RETRY_V1 : undefined;
  if (kn === undefined) return undefined;
  const aad = new Uint8Array(1 + odcid.length + packet.length);
  aad[0] = odcid.length;
  aad.set(odcid, 1);
  aad.set(packet, 1 + odcid.length);
  const t = gcm(kn[0], kn[1], aad).encrypt(new Uint8Array(0));
  if (t.length !== tag.length) return false;
  for (let i = 0; i < t.length; i++) if (t[i] !== tag[i]) return false;
  return true;
}
