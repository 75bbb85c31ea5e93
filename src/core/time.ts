// Timestamps as exact (seconds, nanoseconds) pairs: a float64 cannot hold epoch nanoseconds.

export interface NsTime {
  readonly sec: number;
  /** 0 ≤ nsec < 1e9 */
  readonly nsec: number;
}

/** a - b, normalised (nsec in [0, 1e9)). */
export function nsDiff(aSec: number, aNsec: number, bSec: number, bNsec: number): NsTime {
  let sec = aSec - bSec;
  // 32-bit wrap, as tshark computes it: only an invalid record fraction (pcap's signed nanoseconds,
  // tcpdump/timestamp_invalid_nano.pcap) can overflow; valid ones differ by less than 1e9.
  let nsec = (aNsec - bNsec) | 0;
  if (nsec < 0) { nsec += 1e9; sec -= 1; }
  return { sec, nsec };
}

function pad9(n: number): string {
  const s = String(n);
  return s.length >= 9 ? s : '000000000'.slice(s.length) + s;
}

/** `1362692526.869344000` (epoch), `0.069740000`, `-1.500000000` (relative; sign for negative). */
export function formatSecNsec(t: NsTime, digits = 9): string {
  let { sec, nsec } = t;
  // A record's invalid fraction (outside [0, 1e9)) is printed as it is, as tshark does.
  if (nsec >= 1e9 || nsec < 0) return `${sec < 0 || nsec < 0 ? '-' : ''}${Math.abs(sec)}.${pad9(Math.abs(nsec))}`;
  let sign = '';
  if (sec < 0) {
    sign = '-';
    if (nsec > 0) { sec = -sec - 1; nsec = 1e9 - nsec; } else sec = -sec;
  }
  const frac = pad9(nsec).slice(0, digits);
  return digits > 0 ? `${sign}${sec}.${frac}` : `${sign}${sec}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function p2(n: number): string { return n < 10 ? '0' + n : String(n); }

/** `Mar  7, 2013 21:42:06.869344000 UTC` (tshark's absolute time, UTC; wirelens shows UTC, as tshark under TZ=UTC). */
export function formatAbsTime(t: NsTime): string {
  const d = new Date(t.sec * 1000);
  if (Number.isNaN(d.getTime())) return 'Not representable';
  const day = d.getUTCDate();
  return `${MONTHS[d.getUTCMonth()]} ${day < 10 ? ' ' + day : day}, ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${pad9(t.nsec)} UTC`;
}
