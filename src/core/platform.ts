// Services the platform-neutral layers may use but cannot implement without a runtime library:
// decompression of HTTP bodies (gzip, deflate, brotli). Node installs them from src/node/platform.ts
// (node:zlib, with an output cap); elsewhere they are absent and dissectors say so instead of
// decoding ("[Content-encoded entity body … not decoded]"). Pure-JS needs (hashes, AES for QUIC
// Initial keys) use audited neutral libraries directly (@noble/*), not this hook.

export type Encoding = 'gzip' | 'deflate' | 'br';

export interface InflateResult {
  /** decoded bytes (at most maxOut) */
  data: Uint8Array;
  /** decoding stopped at maxOut: the body is larger (a bomb or just big) */
  truncated: boolean;
  /** the stream is corrupt or cut (data holds what decoded before the error) */
  error?: string;
}

export interface Platform {
  inflate?: (enc: Encoding, data: Uint8Array, maxOut: number) => InflateResult;
}

export const platform: Platform = {};

export function setPlatform(p: Platform): void {
  Object.assign(platform, p);
}
