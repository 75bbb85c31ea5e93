// The capturers wirelens runs: Debian's dumpcap (package wireshark-common, pulled in by tshark)
// or, when it is missing, tcpdump (package tcpdump). wirelens itself never opens a raw socket:
// privileges stay with the capturer, which writes the packets to a pipe.
//
// This file finds the tools and turns what they print on stderr into LiveCaptureErrors whose
// messages read like tshark's ("There is no device named …", "Invalid capture filter …"), with
// one more line saying what to do about it.

import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export type CapturerName = 'dumpcap' | 'tcpdump';

/** A capturer found on this machine. */
export interface Capturer {
  name: CapturerName;
  /** absolute path of the executable */
  path: string;
}

/** How to find and run the capturer (shared by -D, the filter check and the capture). */
export interface ToolOptions {
  /** 'auto' (default): dumpcap, else tcpdump */
  capturer?: 'auto' | CapturerName | undefined;
  /** the capturer's executable (skips the search; `capturer` then names its kind, default dumpcap) */
  toolPath?: string | undefined;
  /** directories to search, ':'-separated (default: $PATH plus /usr/bin, /usr/sbin, /bin, /sbin) */
  searchPath?: string | undefined;
  /**
   * A command prefix the capturer runs under, e.g. ['ip', 'netns', 'exec', 'wlt-a'] to capture
   * inside a network namespace, or ['sudo', '-n']. The prefix must exec the capturer (or relay
   * signals to it): stop() signals the prefix's process.
   */
  launcher?: readonly string[] | undefined;
}

/** Debian packages providing each capturer. */
export const CAPTURER_PACKAGE: Record<CapturerName, string> = {
  dumpcap: 'wireshark-common',
  tcpdump: 'tcpdump',
};

export type LiveErrorKind =
  | 'no-capturer' // neither dumpcap nor tcpdump
  | 'permission' // the capturer may not open the device
  | 'no-such-interface'
  | 'bad-filter' // capture filter (BPF) does not compile
  | 'bad-option' // inconsistent live-capture options
  | 'failed'; // anything else the capturer reported

/**
 * A live-capture problem: `message` is what follows "wirelens: " on stderr (tshark's words where
 * tshark has them); `detail` is the capturer's own stderr, for logs.
 */
export class LiveCaptureError extends Error {
  override readonly name = 'LiveCaptureError';
  constructor(readonly kind: LiveErrorKind, message: string, readonly detail = '') {
    super(message);
  }
}

const DEFAULT_DIRS = ['/usr/bin', '/usr/sbin', '/bin', '/sbin', '/usr/local/bin', '/usr/local/sbin'];

function searchDirs(searchPath: string | undefined): string[] {
  if (searchPath !== undefined) return searchPath.split(delimiter).filter((d) => d !== '');
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const d of DEFAULT_DIRS) if (!dirs.includes(d)) dirs.push(d);
  return dirs;
}

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of `name` in the search directories, or undefined. */
export function whichTool(name: string, searchPath?: string): string | undefined {
  if (isAbsolute(name)) return isExecutable(name) ? name : undefined;
  for (const d of searchDirs(searchPath)) {
    const p = join(d, name);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

/** The capturer to run, or a LiveCaptureError saying which Debian package to install. */
export function findCapturer(opts: ToolOptions = {}): Capturer {
  const want = opts.capturer ?? 'auto';
  if (opts.toolPath !== undefined) {
    const name: CapturerName = want === 'tcpdump' ? 'tcpdump' : 'dumpcap';
    if (!isExecutable(opts.toolPath)) {
      throw new LiveCaptureError('no-capturer', `The capture program "${opts.toolPath}" doesn't exist or isn't executable.`);
    }
    return { name, path: opts.toolPath };
  }
  const order: CapturerName[] = want === 'auto' ? ['dumpcap', 'tcpdump'] : [want];
  for (const name of order) {
    const path = whichTool(name, opts.searchPath);
    if (path !== undefined) return { name, path };
  }
  throw missingCapturerError(order, opts.searchPath);
}

export function missingCapturerError(order: readonly CapturerName[], searchPath?: string): LiveCaptureError {
  const where = searchDirs(searchPath).join(delimiter);
  if (order.length === 1) {
    const n = order[0]!;
    const pkg = CAPTURER_PACKAGE[n];
    return new LiveCaptureError('no-capturer',
      `${n} was not found (searched ${where}).\nInstall the Debian package "${pkg}": sudo apt-get install ${pkg}`);
  }
  return new LiveCaptureError('no-capturer',
    `Live capture needs dumpcap or tcpdump, and neither was found (searched ${where}).\n` +
    'Install the Debian package "wireshark-common" for dumpcap (the "tshark" package pulls it in) or "tcpdump":\n' +
    '    sudo apt-get install wireshark-common    (or: sudo apt-get install tcpdump)');
}

/** The argv to spawn: launcher prefix + capturer + args. */
export function commandLine(path: string, args: readonly string[], launcher: readonly string[] | undefined): [string, string[]] {
  if (launcher !== undefined && launcher.length > 0) return [launcher[0]!, [...launcher.slice(1), path, ...args]];
  return [path, [...args]];
}

// ---------------------------------------------------------------------------------------------
// stderr → errors

/** Lines a capturer prints that are not problems (banner, progress, statistics). */
const NOISE = /^(?:Running as user |Capturing on |File: |Packets(?: captured)?: |Packets received\/dropped |(?:tcpdump: )?listening on |\d+ packets? (?:captured|received by filter|dropped by kernel))/;

/** Drops dumpcap's and tcpdump's informational lines; keeps the problem report. */
function problemLines(stderr: string): string[] {
  return stderr.replace(/\r/g, '\n').split('\n').filter((l) => !NOISE.test(l));
}

/**
 * The error a capturer reported on stderr, or undefined when it reported none. `filter` is the
 * capture filter that was given (tcpdump's filter errors do not say they are about the filter).
 */
export function classifyStderr(tool: CapturerName, stderr: string, filter?: string): LiveCaptureError | undefined {
  const lines = problemLines(stderr);
  const paren = (after: number): string => {
    const l = lines[after + 1];
    return l !== undefined && /^\(.*\)$/.test(l.trim()) ? `\n${l.trim()}` : '';
  };
  const at = (re: RegExp): number => lines.findIndex((l) => re.test(l));

  if (tool === 'dumpcap') {
    let i = at(/^dumpcap: You do not have permission to capture on device "/);
    if (i >= 0) {
      const dev = /"([^"]*)"/.exec(lines[i]!)![1]!;
      return new LiveCaptureError('permission', `You don't have permission to capture on device "${dev}".${paren(i)}\n${permissionAdvice('dumpcap')}`, stderr);
    }
    i = at(/^dumpcap: There is no device named "/);
    if (i >= 0) {
      const dev = /"([^"]*)"/.exec(lines[i]!)![1]!;
      return new LiveCaptureError('no-such-interface', `There is no device named "${dev}".${paren(i)}\n${LIST_HINT}`, stderr);
    }
    i = at(/^dumpcap: Invalid capture filter "/);
    if (i >= 0) {
      // keep dumpcap's paragraph: "Invalid capture filter … That string isn't a valid capture filter (…) …"
      const para: string[] = [lines[i]!.slice('dumpcap: '.length)];
      for (let k = i + 1; k < lines.length && !lines[k]!.startsWith('dumpcap: '); k++) para.push(lines[k]!);
      while (para.length && para[para.length - 1]!.trim() === '') para.pop();
      return new LiveCaptureError('bad-filter', para.join('\n'), stderr);
    }
    i = at(/^dumpcap: /);
    if (i < 0) return undefined;
    const para: string[] = [lines[i]!.slice('dumpcap: '.length)];
    for (let k = i + 1; k < lines.length && lines[k]!.trim() !== '' && !lines[k]!.startsWith('dumpcap: '); k++) para.push(lines[k]!);
    return new LiveCaptureError('failed', para.join('\n'), stderr);
  }

  // tcpdump: "tcpdump: lo: You don't have permission …", "tcpdump: x: No such device exists"
  let i = at(/^tcpdump: .*(?:You don't have permission|Operation not permitted|Permission denied)/);
  if (i >= 0) {
    const m = /^tcpdump: ([^:]+): /.exec(lines[i]!);
    const dev = m ? m[1]! : '';
    return new LiveCaptureError('permission', `You don't have permission to capture on device "${dev}".${paren(i)}\n${permissionAdvice('tcpdump')}`, stderr);
  }
  i = at(/^tcpdump: .*(?:No such device exists|no such device|doesn't exist)/i);
  if (i >= 0) {
    const m = /^tcpdump: ([^:]+): /.exec(lines[i]!);
    const dev = m ? m[1]! : '';
    return new LiveCaptureError('no-such-interface', `There is no device named "${dev}".\n(No such device exists)\n${LIST_HINT}`, stderr);
  }
  i = at(/^tcpdump: /);
  if (i < 0) return undefined;
  const msg = lines[i]!.slice('tcpdump: '.length);
  if (filter !== undefined && /syntax error|unknown|illegal|invalid|not supported|expression|can't|no .* for|unrecognized|only supported|out of range|mask|requires/i.test(msg)) {
    return new LiveCaptureError('bad-filter', badFilterMessage(filter, undefined, msg), stderr);
  }
  return new LiveCaptureError('failed', msg + paren(i), stderr);
}

const LIST_HINT = 'Use "wirelens -D" to list the interfaces you can capture on.';

/** tshark's words for a capture filter that does not compile. */
export function badFilterMessage(filter: string, iface: string | undefined, reason: string): string {
  const on = iface === undefined ? '' : ` for interface '${iface}'`;
  return `Invalid capture filter "${filter}"${on}.\n\nThat string isn't a valid capture filter (${reason}).\nSee the User's Guide for a description of the capture filter syntax.`;
}

function permissionAdvice(tool: CapturerName): string {
  if (tool === 'dumpcap') {
    return 'Run wirelens as root, or let dumpcap capture for your user (Debian):\n' +
      '    sudo dpkg-reconfigure wireshark-common    (answer <Yes>: non-superusers may capture)\n' +
      '    sudo usermod -a -G wireshark $USER        (then log out and in again)\n' +
      'or give dumpcap the capabilities: sudo setcap cap_net_raw,cap_net_admin=eip /usr/bin/dumpcap';
  }
  return 'Run wirelens as root, or give tcpdump the capabilities:\n' +
    '    sudo setcap cap_net_raw,cap_net_admin=eip /usr/bin/tcpdump\n' +
    'or install dumpcap (Debian package "wireshark-common") and let it capture for your user.';
}

// ---------------------------------------------------------------------------------------------
// statistics the capturers print at the end

export interface InterfaceDrops {
  /** the interface as the capturer names it ("Loopback: lo") */
  iface: string;
  received: number;
  dropped: number;
}

export interface CaptureCounts {
  /** packets the capturer wrote */
  captured: number | undefined;
  /** per interface (dumpcap) or one entry for the interface (tcpdump) */
  interfaces: InterfaceDrops[];
}

/** dumpcap's "Packets captured: N" / "Packets received/dropped on interface 'X': R/D" lines, tcpdump's "N packets …". */
export function parseCounts(tool: CapturerName, stderr: string, iface = ''): CaptureCounts {
  const text = stderr.replace(/\r/g, '\n');
  const out: CaptureCounts = { captured: undefined, interfaces: [] };
  if (tool === 'dumpcap') {
    const m = /^Packets captured: (\d+)$/m.exec(text);
    if (m) out.captured = Number(m[1]);
    for (const x of text.matchAll(/^Packets received\/dropped on interface '(.*)': (\d+)\/(\d+)/gm)) {
      out.interfaces.push({ iface: x[1]!, received: Number(x[2]), dropped: Number(x[3]) });
    }
    return out;
  }
  const cap = /^(\d+) packets? captured$/m.exec(text);
  if (cap) out.captured = Number(cap[1]);
  const recv = /^(\d+) packets? received by filter$/m.exec(text);
  const drop = /^(\d+) packets? dropped by kernel$/m.exec(text);
  if (recv || drop) out.interfaces.push({ iface, received: Number(recv?.[1] ?? 0), dropped: Number(drop?.[1] ?? 0) });
  return out;
}
