// `wirelens -D`: the interfaces the capturer can open, numbered as dumpcap numbers them (the
// number is accepted by -i), printed as tshark prints them ("3. lo (Loopback)"); with -V each
// entry also shows its addresses.
//
// dumpcap's machine-readable list (`dumpcap -D -M`) has one tab-separated line per interface:
//   "N. name \t vendor description \t friendly name \t type \t addr,addr \t loopback|network \t"
// tcpdump's list ("N.name (description) [Up, Running, Loopback]") has no addresses; those then
// come from `ip -j addr` (run under the same launcher, i.e. in the same network namespace).

import { execFile } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { classifyStderr, commandLine, findCapturer, LiveCaptureError, whichTool, type ToolOptions } from './tools.js';

export interface CaptureInterface {
  /** 1-based number in the capturer's list (what `-i N` selects) */
  index: number;
  name: string;
  /** what tshark shows in parentheses ("Loopback"), if anything */
  description: string | undefined;
  /** dumpcap's interface type (0 wired, 1 AirPcap, 2 pipe, 3 stdin, 4 bluetooth, …); undefined from tcpdump */
  type: number | undefined;
  /** IPv4 and IPv6 addresses, as the capturer (or `ip addr`) lists them */
  addresses: string[];
  loopback: boolean;
  /** tcpdump's flags ("Up", "Running", …) when known */
  flags: string[];
}

const RUN_TIMEOUT_MS = 15000;

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: RUN_TIMEOUT_MS, maxBuffer: 8 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new LiveCaptureError('no-capturer', `"${cmd}" could not be run: ${err.message}`));
        return;
      }
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parses `dumpcap -D -M` output. */
export function parseDumpcapList(text: string): CaptureInterface[] {
  const out: CaptureInterface[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)\. (.*)$/.exec(line);
    if (!m) continue;
    const f = m[2]!.split('\t');
    const name = f[0] ?? '';
    const desc = (f[2] ?? '') || (f[1] ?? '');
    const type = f[3] === undefined || f[3] === '' ? undefined : Number(f[3]);
    const addrs = (f[4] ?? '').split(',').filter((a) => a !== '');
    out.push({
      index: Number(m[1]), name, description: desc === '' ? undefined : desc, type,
      addresses: addrs, loopback: f[5] === 'loopback', flags: [],
    });
  }
  return out;
}

/** Parses `tcpdump -D` output ("2.any (Pseudo-device …) [Up, Running]"). */
export function parseTcpdumpList(text: string): CaptureInterface[] {
  const out: CaptureInterface[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)\.(\S+)(?: \((.*?)\))?(?: \[(.*)\])?\s*$/.exec(line);
    if (!m) continue;
    const flags = m[4] === undefined || m[4] === 'none' ? [] : m[4].split(',').map((s) => s.trim());
    const loopback = flags.includes('Loopback');
    // tshark names only the loopback; libpcap's descriptions are not shown by it
    out.push({
      index: Number(m[1]), name: m[2]!, description: loopback ? 'Loopback' : undefined, type: undefined,
      addresses: [], loopback, flags,
    });
  }
  return out;
}

/** Addresses by interface name from `ip -j addr` (under the launcher), else from this process's view. */
async function addressesByName(opts: ToolOptions): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  const ip = whichTool('ip', opts.searchPath);
  if (ip !== undefined) {
    const [cmd, args] = commandLine(ip, ['-j', 'addr', 'show'], opts.launcher);
    try {
      const r = await run(cmd, args);
      if (r.code === 0) {
        const list = JSON.parse(r.stdout) as { ifname?: string; addr_info?: { local?: string }[] }[];
        for (const i of list) {
          if (i.ifname === undefined) continue;
          map.set(i.ifname, (i.addr_info ?? []).map((a) => a.local ?? '').filter((a) => a !== ''));
        }
        return map;
      }
    } catch {
      // fall through
    }
  }
  if (opts.launcher === undefined || opts.launcher.length === 0) {
    for (const [name, list] of Object.entries(networkInterfaces())) {
      map.set(name, (list ?? []).map((a) => a.address));
    }
  }
  return map;
}

/**
 * The interfaces the capturer can open, in its order. Rejects with a LiveCaptureError when no
 * capturer is installed or it cannot list interfaces.
 */
export async function listInterfaces(opts: ToolOptions = {}): Promise<CaptureInterface[]> {
  const tool = findCapturer(opts);
  const args = tool.name === 'dumpcap' ? ['-D', '-M'] : ['-D'];
  const [cmd, argv] = commandLine(tool.path, args, opts.launcher);
  const r = await run(cmd, argv);
  const list = tool.name === 'dumpcap' ? parseDumpcapList(r.stdout) : parseTcpdumpList(r.stdout);
  if (list.length === 0) {
    const e = classifyStderr(tool.name, r.stderr);
    if (e) throw e;
    if (r.code !== 0) throw new LiveCaptureError('failed', `${tool.name} -D failed: ${r.stderr.trim() || `exit code ${r.code}`}`, r.stderr);
    throw new LiveCaptureError('failed', 'There are no interfaces on which a capture can be done.', r.stderr);
  }
  if (tool.name === 'tcpdump') {
    const addrs = await addressesByName(opts);
    for (const i of list) i.addresses = addrs.get(i.name) ?? [];
  }
  return list;
}

/**
 * The list as `tshark -D` prints it ("1. eth0", "3. lo (Loopback)"); `withAddresses` adds an
 * indented line of addresses under each interface that has some.
 */
export function formatInterfaceList(list: readonly CaptureInterface[], withAddresses = false): string {
  let s = '';
  for (const i of list) {
    s += `${i.index}. ${i.name}${i.description === undefined ? '' : ` (${i.description})`}\n`;
    if (withAddresses && i.addresses.length > 0) s += `\t${i.addresses.join(', ')}\n`;
  }
  return s;
}
