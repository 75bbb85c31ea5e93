// The live-capture options of the command line, as tshark and dumpcap read them:
//   -i IFACE (repeatable)  -f FILTER  -s SNAPLEN  -p  -I  -B MiB  -y LINKTYPE
//   -a duration:S|packets:N|filesize:kB|files:N      (autostop; kB = 1000 bytes, as dumpcap)
//   -b filesize:kB|files:N|duration:S|interval:S|packets:N   (ring buffer, needs -w FILE)
// Interface options (-f -s -p -I -B -y) given before any -i are defaults for every interface;
// given after an -i they apply to that interface (dumpcap's rule). Errors are tshark's sentences.

import { LiveCaptureError } from './tools.js';

/** Per-interface capture settings. */
export interface InterfaceOptions {
  /** capture filter (libpcap syntax) */
  filter?: string | undefined;
  /** bytes kept of each packet (0 or undefined = the capturer's maximum, 262144) */
  snaplen?: number | undefined;
  /** promiscuous mode (default true; -p turns it off) */
  promisc?: boolean | undefined;
  /** monitor mode (-I, Wi-Fi) */
  monitor?: boolean | undefined;
  /** kernel buffer, MiB (-B) */
  bufferMiB?: number | undefined;
  /** link-layer type name (-y), e.g. EN10MB, LINUX_SLL2 */
  linktype?: string | undefined;
}

export interface LiveInterface extends InterfaceOptions {
  /** interface name, or its number in `wirelens -D` */
  name: string;
}

/** Stop conditions (-a); the capture also stops at -c packets. */
export interface Autostop {
  /** seconds (fractions allowed) */
  duration?: number | undefined;
  /** packets written */
  packets?: number | undefined;
  /** kB (1000 bytes) written to the output file (needs -w) */
  filesize?: number | undefined;
  /** output files written (needs a ring buffer) */
  files?: number | undefined;
}

/** Ring buffer (-b): switch to a new output file on any condition; keep the last `files`. */
export interface RingOptions {
  /** kB (1000 bytes) per file */
  filesize?: number | undefined;
  /** keep this many files (0/undefined: keep all) */
  files?: number | undefined;
  /** seconds per file */
  duration?: number | undefined;
  /** switch when the wall clock is a multiple of this many seconds */
  interval?: number | undefined;
  /** packets per file */
  packets?: number | undefined;
}

/** What the command line said about live capture (built option by option). */
export interface LiveArgs {
  interfaces: LiveInterface[];
  /** interface options given before the first -i */
  defaults: InterfaceOptions;
  autostop: Autostop;
  ring: RingOptions;
  /** -D */
  listInterfaces: boolean;
  /** any capture option seen (-i -f -s -p -I -B -y -a -b) */
  used: boolean;
}

export function newLiveArgs(): LiveArgs {
  return { interfaces: [], defaults: {}, autostop: {}, ring: {}, listInterfaces: false, used: false };
}

/** Options this module handles (short letters). */
export const LIVE_OPTIONS_WITH_ARG = ['i', 'f', 's', 'B', 'y', 'a', 'b'] as const;
export const LIVE_FLAGS = ['p', 'I', 'D'] as const;

function bad(msg: string): LiveCaptureError {
  return new LiveCaptureError('bad-option', msg);
}

function decimal(v: string, what: string): number {
  if (!/^-?\d+$/.test(v.trim())) throw bad(`The specified ${what} "${v}" isn't a decimal number`);
  const n = Number(v);
  if (n < 0) throw bad(`The specified ${what} "${v}" is a negative number`);
  return n;
}

function positive(v: string, what: string): number {
  const n = decimal(v, what);
  if (n === 0) throw bad(`The specified ${what} is zero`);
  return n;
}

function seconds(v: string, what: string): number {
  if (!/^\d+(?:\.\d*)?$|^\.\d+$/.test(v.trim())) throw bad(`The specified ${what} "${v}" isn't a number of seconds`);
  const n = Number(v);
  if (n <= 0) throw bad(`The specified ${what} is zero`);
  return n;
}

/** The interface options an -f/-s/… applies to: the last -i, or the defaults. */
function target(a: LiveArgs): InterfaceOptions {
  return a.interfaces.length > 0 ? a.interfaces[a.interfaces.length - 1]! : a.defaults;
}

/**
 * Applies one live-capture option (`opt` without the dash). Returns false when `opt` is not a
 * live-capture option; throws a LiveCaptureError ('bad-option') for a bad value.
 */
export function applyLiveOption(a: LiveArgs, opt: string, val: string): boolean {
  switch (opt) {
    case 'i':
      if (val === '') throw bad('The interface name is empty');
      a.interfaces.push({ name: val });
      break;
    case 'f': target(a).filter = val; break;
    case 's': target(a).snaplen = decimal(val, 'snapshot length'); break;
    case 'p': target(a).promisc = false; break;
    case 'I': target(a).monitor = true; break;
    case 'B': target(a).bufferMiB = positive(val, 'buffer size'); break;
    case 'y':
      if (!/^[A-Za-z0-9_.-]+$/.test(val)) throw bad(`The specified data link type "${val}" isn't valid`);
      target(a).linktype = val;
      break;
    case 'a': applyAutostop(a.autostop, val); break;
    case 'b': applyRing(a.ring, val); break;
    case 'D': a.listInterfaces = true; return true;
    default: return false;
  }
  a.used = true;
  return true;
}

function splitKV(v: string): [string, string] | undefined {
  const i = v.indexOf(':');
  if (i <= 0) return undefined;
  return [v.slice(0, i), v.slice(i + 1)];
}

export function applyAutostop(s: Autostop, v: string): void {
  const kv = splitKV(v);
  switch (kv?.[0]) {
    case 'duration': s.duration = seconds(kv[1], 'capture duration'); return;
    case 'packets': s.packets = positive(kv[1], 'packet write count'); return;
    case 'filesize': s.filesize = positive(kv[1], 'maximum capture file size'); return;
    case 'files': s.files = positive(kv[1], 'maximum number of capture files'); return;
    default: throw bad(`Invalid or unknown -a flag "${v}"`);
  }
}

export function applyRing(r: RingOptions, v: string): void {
  const kv = splitKV(v);
  switch (kv?.[0]) {
    case 'filesize': r.filesize = positive(kv[1], 'ring buffer file size'); return;
    case 'files': r.files = decimal(kv[1], 'number of ring buffer files'); return;
    case 'duration': r.duration = seconds(kv[1], 'ring buffer duration'); return;
    case 'interval': r.interval = positive(kv[1], 'ring buffer interval'); return;
    case 'packets': r.packets = positive(kv[1], 'ring buffer packet count'); return;
    case 'printname': throw bad('-b printname is not supported; the ring buffer files are listed on stderr as they are opened');
    default: throw bad(`Invalid or unknown -b flag "${v}"`);
  }
}

/** True when some -b condition makes the output switch files. */
export function ringSwitches(r: RingOptions): boolean {
  return r.filesize !== undefined || r.duration !== undefined || r.interval !== undefined || r.packets !== undefined;
}

/** The interfaces with the defaults filled in (empty: the capturer's default interface). */
export function resolveInterfaces(a: LiveArgs): LiveInterface[] {
  return a.interfaces.map((i) => {
    const out: LiveInterface = { name: i.name };
    for (const k of ['filter', 'snaplen', 'promisc', 'monitor', 'bufferMiB', 'linktype'] as const) {
      const v = i[k] ?? a.defaults[k];
      if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
    }
    return out;
  });
}

export interface LiveContext {
  /** -w target ('-' = stdout) */
  write: string | undefined;
  /** a display filter (-Y) or read filter (-R) was given */
  displayFilter: boolean;
  /** -2 */
  twoPass: boolean;
}

/** tshark's checks of a live capture's options against the rest of the command line. */
export function validateLive(a: LiveArgs, ctx: LiveContext): void {
  if (ctx.twoPass) throw bad('Live captures do not support two-pass analysis.');
  const multi = ringSwitches(a.ring) || a.ring.files !== undefined || a.autostop.files !== undefined;
  const toFile = ctx.write !== undefined && ctx.write !== '-';
  if (a.ring.filesize !== undefined || a.autostop.filesize !== undefined) {
    if (ctx.write === undefined) throw bad("Maximum capture file size specified, but capture isn't being saved to a file.");
  }
  if (multi) {
    if (ctx.write === undefined) throw bad("Multiple capture files requested, but the capture isn't being saved to a file.");
    if (!toFile) throw bad('Multiple capture files requested, but the capture is being written to the standard output.');
    if (!ringSwitches(a.ring)) throw bad('Multiple capture files requested, but no maximum capture file size, duration, interval or packets were specified.');
  }
  if (ctx.write !== undefined && ctx.displayFilter) throw bad("Display filters aren't supported when capturing and saving the captured packets.");
}
