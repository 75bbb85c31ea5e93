// The one-line packet summary of `tshark -r F` (tshark 4.0's default columns), byte for byte:
//   No. right-aligned in 5, Time right-aligned in 10, Source right-aligned in 12, " → ",
//   Destination left-aligned in 12, then Protocol, Length and Info separated by one space
//   (an empty Info still leaves its separating space). Wider values push the line, never cut.
// Learned from tshark's output over the corpus goldens (golden/*.summary.txt).

import type { Packet } from '../../core/packet.js';
import type { FrameClock } from '../pipeline.js';
import { formatSecNsec, nsDiff } from '../../core/time.js';
import type { Out } from './out.js';

/** tshark's -t formats. */
export type TimeFormat = 'r' | 'a' | 'ad' | 'adoy' | 'e' | 'd' | 'dd' | 'u' | 'ud' | 'udoy';
export const TIME_FORMATS: readonly TimeFormat[] = ['r', 'a', 'ad', 'adoy', 'e', 'd', 'dd', 'u', 'ud', 'udoy'];

const ZEROS = '000000000';
const SPACES = '                                        ';

function padStart(s: string, w: number): string {
  const n = w - s.length;
  return n <= 0 ? s : n <= SPACES.length ? SPACES.slice(0, n) + s : ' '.repeat(n) + s;
}

function padEnd(s: string, w: number): string {
  const n = w - s.length;
  return n <= 0 ? s : n <= SPACES.length ? s + SPACES.slice(0, n) : s + ' '.repeat(n);
}

/** `sec.fraction` with `digits` digits (truncated), sign for negative differences. */
function secFrac(sec: number, nsec: number, digits: number): string {
  let sign = '';
  if (sec < 0) {
    sign = '-';
    if (nsec > 0) { sec = -sec - 1; nsec = 1e9 - nsec; } else sec = -sec;
  }
  if (digits <= 0) return sign + sec;
  const ns = String(nsec);
  const frac = (ns.length < 9 ? ZEROS.slice(ns.length) + ns : ns).slice(0, digits);
  return `${sign}${sec}.${frac}`;
}

function diff(aSec: number, aNsec: number, bSec: number, bNsec: number, digits: number): string {
  // a record's invalid fraction (outside [0, 1e9)): tshark prints an unnormalised difference in full,
  // a normalised one with `digits` digits (tcpdump/timestamp_invalid_nano.pcap, _micro.pcap)
  if (aNsec >= 1e9 || aNsec < 0 || bNsec >= 1e9 || bNsec < 0) return formatSecNsec(nsDiff(aSec, aNsec, bSec, bNsec), digits);
  let sec = aSec - bSec;
  let nsec = aNsec - bNsec;
  if (nsec < 0) { nsec += 1e9; sec -= 1; }
  return secFrac(sec, nsec, digits);
}

function p2(n: number): string { return n < 10 ? '0' + n : String(n); }

/** Absolute time `HH:MM:SS.frac` with an optional date prefix, local or UTC. */
function absolute(sec: number, nsec: number, digits: number, utc: boolean, date: '' | 'ymd' | 'doy'): string {
  const d = new Date(sec * 1000);
  if (Number.isNaN(d.getTime())) return 'Not representable';
  const Y = utc ? d.getUTCFullYear() : d.getFullYear();
  const M = utc ? d.getUTCMonth() : d.getMonth();
  const D = utc ? d.getUTCDate() : d.getDate();
  const h = utc ? d.getUTCHours() : d.getHours();
  const m = utc ? d.getUTCMinutes() : d.getMinutes();
  const s = utc ? d.getUTCSeconds() : d.getSeconds();
  let out = '';
  if (date === 'ymd') out = `${Y}-${p2(M + 1)}-${p2(D)} `;
  else if (date === 'doy') {
    const start = utc ? Date.UTC(Y, 0, 1) : new Date(Y, 0, 1).getTime();
    const here = utc ? Date.UTC(Y, M, D) : new Date(Y, M, D).getTime();
    const doy = Math.round((here - start) / 86400000) + 1;
    out = `${Y}/${doy < 10 ? '00' + doy : doy < 100 ? '0' + doy : doy} `;
  }
  out += `${p2(h)}:${p2(m)}:${p2(s)}`;
  if (digits > 0) {
    const ns = String(nsec);
    out += '.' + (ns.length < 9 ? ZEROS.slice(ns.length) + ns : ns).slice(0, digits);
  }
  return out;
}

/** The Time column text of the current frame of `clock` in format `fmt` with `digits` digits. */
export function timeColumn(clock: FrameClock, fmt: TimeFormat, digits: number): string {
  if (!clock.hasTs) return '';
  const sec = clock.sec, nsec = clock.nsec;
  switch (fmt) {
    case 'r': return diff(sec, nsec, clock.firstSec, clock.firstNsec, digits);
    case 'd': return Number.isNaN(clock.prevSec) ? secFrac(0, 0, digits) : diff(sec, nsec, clock.prevSec, clock.prevNsec, digits);
    case 'dd': return Number.isNaN(clock.prevDispSec) ? secFrac(0, 0, digits) : diff(sec, nsec, clock.prevDispSec, clock.prevDispNsec, digits);
    case 'e': return secFrac(sec, nsec, digits);
    case 'a': return absolute(sec, nsec, digits, false, '');
    case 'ad': return absolute(sec, nsec, digits, false, 'ymd');
    case 'adoy': return absolute(sec, nsec, digits, false, 'doy');
    case 'u': return absolute(sec, nsec, digits, true, '');
    case 'ud': return absolute(sec, nsec, digits, true, 'ymd');
    case 'udoy': return absolute(sec, nsec, digits, true, 'doy');
  }
}

/** The seven default columns of one packet, unpadded (what `-e _ws.col.*` prints). */
export interface SummaryColumns {
  no: string;
  time: string;
  src: string;
  dst: string;
  proto: string;
  len: string;
  info: string;
}

/** Column values of packet `p` with the time text `time` (see timeColumn). Allocates one object. */
export function summaryColumns(p: Packet, time = ''): SummaryColumns {
  return { no: String(p.num), time, src: p.src, dst: p.dst, proto: p.proto, len: String(p.len), info: p.info };
}

/** tshark's summary line (without the newline) from column values. */
export function formatSummaryLine(c: SummaryColumns): string {
  return `${padStart(c.no, 5)} ${padStart(c.time, 10)} ${padStart(c.src, 12)} \u2192 ${padEnd(c.dst, 12)} ${c.proto} ${c.len} ${c.info}`;
}

/** The summary line of `p` straight from the packet (the hot path: no column object). */
export function summaryLine(p: Packet, time: string): string {
  return `${padStart(String(p.num), 5)} ${padStart(time, 10)} ${padStart(p.src, 12)} \u2192 ${padEnd(p.dst, 12)} ${p.proto} ${p.len} ${p.info}`;
}

const ARROW = Uint8Array.of(0x20, 0xe2, 0x86, 0x92, 0x20); // " → "

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

/**
 * The Time column written straight into `out`, right-aligned in 10 — for the relative, delta and
 * epoch formats (the default's path: no string per packet). False when it cannot (other formats,
 * no timestamp, an invalid fraction): the caller then writes timeColumn()'s text.
 */
function writeTime(out: Out, clock: FrameClock, fmt: TimeFormat, digits: number): boolean {
  if (!clock.hasTs || digits < 0 || digits > 9) return false;
  let bs: number, bn: number;
  switch (fmt) {
    case 'r': bs = clock.firstSec; bn = clock.firstNsec; break;
    case 'd': bs = clock.prevSec; bn = clock.prevNsec; break;
    case 'dd': bs = clock.prevDispSec; bn = clock.prevDispNsec; break;
    case 'e': bs = 0; bn = 0; break;
    default: return false;
  }
  let sec: number, nsec: number;
  if (Number.isNaN(bs)) { sec = 0; nsec = 0; } else {
    if (clock.nsec >= 1e9 || clock.nsec < 0 || bn >= 1e9 || bn < 0) return false;
    sec = clock.sec - bs;
    nsec = clock.nsec - bn;
    if (nsec < 0) { nsec += 1e9; sec -= 1; }
  }
  if (sec < 0 || !Number.isSafeInteger(sec)) return false;
  out.uint(sec, 10 - (digits > 0 ? digits + 1 : 0));
  if (digits > 0) {
    out.byte(0x2e);
    // the first `digits` of the 9-digit fraction, zero-padded (truncated, as secFrac does)
    out.uint(Math.floor(nsec / POW10[9 - digits]!), digits, 0x30);
  }
  return true;
}

/**
 * summaryLine(p, timeColumn(…)) + '\n' written into `out` piece by piece: the same bytes without
 * building the line's string (a summary run built ~370 MB of them over 450,000 packets). The time
 * is written directly when writeTime can, else from timeColumn()'s text.
 */
export function writeSummaryLineAt(out: Out, p: Packet, clock: FrameClock, fmt: TimeFormat, digits: number): void {
  out.uint(p.num, 5);
  out.byte(0x20);
  if (!writeTime(out, clock, fmt, digits)) out.padded(timeColumn(clock, fmt, digits), 10, false);
  out.byte(0x20);
  out.padded(p.src, 12, false);
  out.bytes(ARROW);
  out.padded(p.dst, 12, true);
  out.byte(0x20);
  out.text(p.proto);
  out.textUint(' ', p.len);
  out.byte(0x20);
  p.writeInfo(out);
  out.byte(0x0a);
  out.end();
}

/** The value of `_ws.col.<title>` for a packet, by tshark 4.0's default column titles; '' for others. */
export function columnByTitle(title: string, p: Packet, time: string): string {
  switch (title) {
    case 'No.': return String(p.num);
    case 'Time': return time;
    case 'Source': return p.src;
    case 'Destination': return p.dst;
    case 'Protocol': return p.proto;
    case 'Length': return String(p.len);
    case 'Info': return p.info;
    default: return '';
  }
}
