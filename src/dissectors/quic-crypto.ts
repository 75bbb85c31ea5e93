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
    if (d >= 29 && d <= 32) return SALT_D29;
    if (d >= 23 && d <= 28) return SALT_D23;
  }
  // mvfst's drafts (0xfaceb00x) use the draft-29 salt for 0xfaceb002 and later
  if (version === 0xfaceb002 || version === 0xfaceb00e) return SALT_D29;
  return undefined;
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
