// pcapng timestamps: a 64-bit count of 1/units seconds (if_tsresol: 10^-k or 2^-k) → exact
// (seconds, nanoseconds) integers, and back for the writer.
//
// A float64 cannot hold a 64-bit count, so the common resolutions use exact split arithmetic on
// doubles (every intermediate < 2^53): µs counts of today's dates fit in 53 bits (one division);
// any resolution with units <= 2^32 (ns, 2^-k up to k = 32) uses a base-2^16 long division.
// Only rare resolutions (10^-10 … 10^-19, 2^-33 …) take the BigInt path.

export const enum TsMode { MICRO, DIV, BIG }

/** Output of a conversion (a FrameRecord satisfies it: the parser writes straight into it). */
export interface TsOut {
  tsSec: number;
  tsNsec: number;
}

/** How to turn counts of one interface into (sec, nsec). Build once per IDB. */
export class TsScale {
  /** counts per second */
  readonly units: number;
  readonly mode: TsMode;
  /** 10^-k with k <= 9: nsec = rem * nsMul; 0 otherwise */
  readonly nsMul: number;
  /** 2^-k with k <= 32: k; -1 otherwise */
  readonly pow2: number;
  readonly bigUnits: bigint;

  /** `code` is the if_tsresol byte (bit 7: power of 2, else power of 10); default 6 (µs). */
  constructor(code = 6) {
    const exp = code & 0x7f;
    const isPow2 = (code & 0x80) !== 0;
    this.bigUnits = isPow2 ? 1n << BigInt(exp) : 10n ** BigInt(exp);
    this.units = Number(this.bigUnits);
    this.pow2 = isPow2 && exp <= 32 ? exp : -1;
    this.nsMul = !isPow2 && exp <= 9 ? 10 ** (9 - exp) : 0;
    if (!isPow2 && exp === 6) this.mode = TsMode.MICRO;
    else if ((this.nsMul !== 0 || this.pow2 >= 0) && this.units <= 4294967296) this.mode = TsMode.DIV;
    else this.mode = TsMode.BIG;
  }

  /** if_tsresol byte for this scale (for writers): 6 for µs, 9 for ns, 0x80|k for 2^-k. */
  get code(): number {
    if (this.pow2 >= 0) return 0x80 | this.pow2;
    let k = 0;
    for (let u = this.bigUnits; u > 1n; u /= 10n) k++;
    return k;
  }
}

/** Scale for units counts per second (1e6, 1e9, 2^k …); undefined if not a power of 10 or 2. */
export function scaleForUnits(units: number): TsScale | undefined {
  for (let k = 0; k <= 19; k++) if (10 ** k === units) return new TsScale(k);
  for (let k = 0; k <= 63; k++) if (2 ** k === units) return new TsScale(0x80 | k);
  return undefined;
}

/**
 * Converts the count hi * 2^32 + lo (unsigned 32-bit halves) into out.tsSec / out.tsNsec
 * (0 <= tsNsec < 1e9), then adds `offsetSec` (if_tsoffset) to the seconds.
 */
export function countToSecNsec(hi: number, lo: number, sc: TsScale, offsetSec: number, out: TsOut): void {
  if (sc.mode === TsMode.MICRO && hi < 0x200000) {
    // < 2^53: exact; the floor of the quotient is checked through the remainder
    const v = hi * 4294967296 + lo;
    let s = Math.floor(v / 1e6);
    let r = v - s * 1e6;
    if (r < 0) { s--; r += 1e6; } else if (r >= 1e6) { s++; r -= 1e6; }
    out.tsSec = s + offsetSec;
    out.tsNsec = r * 1000;
    return;
  }
  if (sc.mode !== TsMode.BIG) {
    // long division of the 64-bit count by U <= 2^32, 16 bits at a time (all values < 2^49)
    const U = sc.units;
    const q0 = Math.floor(hi / U);
    const r0 = hi - q0 * U;
    const a = r0 * 65536 + (lo >>> 16);
    const q1 = Math.floor(a / U);
    const r1 = a - q1 * U;
    const b = r1 * 65536 + (lo & 0xffff);
    const q2 = Math.floor(b / U);
    const r2 = b - q2 * U;
    out.tsSec = q0 * 4294967296 + q1 * 65536 + q2 + offsetSec;
    if (sc.nsMul !== 0) out.tsNsec = r2 * sc.nsMul;
    else {
      // 2^-k: rem * 1e9 / 2^k = rem * 1953125 / 2^(k-9); rem * 1953125 < 2^53
      const k = sc.pow2;
      out.tsNsec = k >= 9 ? Math.floor((r2 * 1953125) / 2 ** (k - 9)) : Math.floor((r2 * 1e9) / 2 ** k);
    }
    return;
  }
  const v = (BigInt(hi) << 32n) | BigInt(lo);
  const U = sc.bigUnits;
  out.tsSec = Number(v / U) + offsetSec;
  out.tsNsec = Number(((v % U) * 1000000000n) / U);
}

/** Scratch for secNsecToCount (hi, lo halves of the 64-bit count). */
export interface CountOut {
  hi: number;
  lo: number;
}

/**
 * The writer's direction: (sec - offsetSec, nsec) → count of 1/units seconds, truncated (as
 * editcap truncates ns to µs). Counts outside 0 … 2^64-1 wrap modulo 2^64.
 */
export function secNsecToCount(sec: number, nsec: number, sc: TsScale, offsetSec: number, out: CountOut): void {
  const s = sec - offsetSec;
  if (sc.nsMul !== 0 && s >= 0 && s < 2 ** 32 && nsec >= 0 && nsec < 1e9) {
    // sub = nsec / nsMul (< units <= 1e9); s * U split as s * uH * 2^16 + s * uL, each < 2^49
    const U = sc.units;
    const sub = Math.floor(nsec / sc.nsMul);
    const uH = Math.floor(U / 65536);
    const uL = U - uH * 65536;
    const t1 = s * uH;
    const t0 = s * uL + sub;
    const t1hi = Math.floor(t1 / 65536);
    const mid = (t1 - t1hi * 65536) * 65536 + t0;
    const carry = Math.floor(mid / 4294967296);
    out.hi = t1hi + carry;
    out.lo = mid - carry * 4294967296;
    return;
  }
  const U = sc.bigUnits;
  let v = BigInt(Math.trunc(s)) * U + (BigInt(Math.trunc(nsec)) * U) / 1000000000n;
  v = BigInt.asUintN(64, v);
  out.hi = Number(v >> 32n);
  out.lo = Number(v & 0xffffffffn);
}
