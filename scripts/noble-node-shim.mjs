// Build-time stand-in for the few @noble/hashes and @noble/ciphers functions that
// src/dissectors/quic-crypto.ts and tls-fingerprint.ts use, backed by node:crypto, for the CLI
// bundle only (scripts/bundle-cli.mjs maps the @noble imports here). @noble computes its AES
// tables and hash instances when imported (~25 ms of CLI start-up); node:crypto is looked up on
// the first call, i.e. only when a QUIC Initial is decrypted or a JA3/JA4/HASSH hash is printed.
// Same results (standard algorithms) and the same failures: a bad GCM tag, a ciphertext shorter
// than the tag or an ECB input that is not whole blocks throw, as @noble's do.

/** @type {typeof import('node:crypto') | undefined} */
let nodeCrypto;
const nc = () => (nodeCrypto ??= process.getBuiltinModule('node:crypto'));

/** A plain Uint8Array copy (not a Buffer: Buffer#slice is a view, Uint8Array#slice a copy). */
const u8 = (b) => new Uint8Array(b);
const concat = (...parts) => u8(Buffer.concat(parts));

export function sha256(data) {
  return u8(nc().createHash('sha256').update(data).digest());
}

export function md5(data) {
  return u8(nc().createHash('md5').update(data).digest());
}

function checkHash(hash) {
  if (hash !== sha256) throw new Error('noble-node-shim: only sha256 is provided');
}

/** HKDF-Extract (RFC 5869 §2.2) */
export function extract(hash, ikm, salt) {
  checkHash(hash);
  return u8(nc().createHmac('sha256', salt ?? new Uint8Array(32)).update(ikm).digest());
}

/** HKDF-Expand (RFC 5869 §2.3) */
export function expand(hash, prk, info = new Uint8Array(0), length = 32) {
  checkHash(hash);
  if (length > 255 * 32) throw new Error('Length should be <= 255*HashLen');
  const out = new Uint8Array(length);
  let t = new Uint8Array(0);
  for (let i = 1, pos = 0; pos < length; i++) {
    t = nc().createHmac('sha256', prk).update(t).update(info).update(new Uint8Array([i])).digest();
    out.set(t.subarray(0, Math.min(t.length, length - pos)), pos);
    pos += t.length;
  }
  return out;
}

const aes = (key, mode) => `aes-${key.length * 8}-${mode}`;

export function ecb(key, opts = {}) {
  return {
    encrypt(data) {
      const c = nc().createCipheriv(aes(key, 'ecb'), key, null);
      c.setAutoPadding(!opts.disablePadding);
      return concat(c.update(data), c.final());
    },
  };
}

export function gcm(key, nonce, aad) {
  return {
    encrypt(plaintext) {
      const c = nc().createCipheriv(aes(key, 'gcm'), key, nonce);
      if (aad) c.setAAD(aad);
      return concat(c.update(plaintext), c.final(), c.getAuthTag());
    },
    decrypt(ciphertext) {
      if (ciphertext.length < 16) throw new Error('invalid ciphertext length: smaller than tagLength=16');
      const d = nc().createDecipheriv(aes(key, 'gcm'), key, nonce);
      if (aad) d.setAAD(aad);
      d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
      return concat(d.update(ciphertext.subarray(0, ciphertext.length - 16)), d.final());
    },
  };
}
