// Two network namespaces joined by a veth pair, for end-to-end live-capture tests:
//   namespace "wlt-a-<pid>": veth "wlt-va", 02:78:00:00:00:01, 10.78.0.1/24, fd78::1/64
//   namespace "wlt-b-<pid>": veth "wlt-vb", 02:78:00:00:00:02, 10.78.0.2/24, fd78::2/64
// The veth ends are created inside the namespaces (nothing appears in the root namespace) and
// 10.78.0.0/24 / fd78::/64 exist only there. Needs root and `ip` (iproute2); netnsSkipReason()
// says why not when they are missing, so tests can skip with a clear message. down() kills every
// process left in the namespaces and deletes them; namespaces of dead test runs are reaped.

import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { whichTool } from './tools.js';

export const NS_PREFIX = 'wlt-';
export const IP_A = '10.78.0.1';
export const IP_B = '10.78.0.2';
export const IP6_A = 'fd78::1';
export const IP6_B = 'fd78::2';
export const IF_A = 'wlt-va';
export const IF_B = 'wlt-vb';
export const MAC_A = '02:78:00:00:00:01';
export const MAC_B = '02:78:00:00:00:02';

export interface NetnsPair {
  /** namespace names */
  a: string;
  b: string;
  /** command prefix running a program inside namespace a / b (a LiveCaptureOptions launcher) */
  launcherA: string[];
  launcherB: string[];
  /** runs a command in a namespace and waits (throws on a non-zero exit unless allowFail) */
  run(ns: 'a' | 'b', cmd: string, args: readonly string[], opts?: { allowFail?: boolean; timeoutMs?: number; input?: string }): SpawnSyncReturns<string>;
  /** starts a long-running command in a namespace (killed by down()) */
  start(ns: 'a' | 'b', cmd: string, args: readonly string[]): ChildProcess;
  /** kills what runs in the namespaces, deletes them; never throws */
  down(): void;
}

/** Why the namespace tests cannot run here, or undefined when they can. */
export function netnsSkipReason(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root: creating network namespaces and capturing need root (run the tests with sudo, as .ci/run does)';
  if (whichTool('ip') === undefined) return '`ip` is missing (Debian package iproute2)';
  return undefined;
}

function ip(args: readonly string[], allowFail = false): SpawnSyncReturns<string> {
  const r = spawnSync('ip', args, { encoding: 'utf8', timeout: 10000 });
  if (!allowFail && r.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return r;
}

function pidsIn(ns: string): number[] {
  const r = ip(['netns', 'pids', ns], true);
  return (r.stdout ?? '').split(/\s+/).filter((s) => /^\d+$/.test(s)).map(Number);
}

function killAllIn(ns: string): void {
  for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
    const pids = pidsIn(ns);
    if (pids.length === 0) return;
    for (const p of pids) {
      try {
        process.kill(p, sig);
      } catch {
        // gone
      }
    }
    const until = Date.now() + 1000;
    while (Date.now() < until && pidsIn(ns).length > 0) spawnSync('sleep', ['0.05']);
  }
}

/** Deletes wlt-* namespaces whose creating process is gone (a test run killed with -9). */
export function reapStale(): void {
  const r = ip(['netns', 'list'], true);
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^(wlt-[ab]-(\d+)(?:-[\w-]+)?)(?:\s|$)/.exec(line);
    if (!m) continue;
    const pid = Number(m[2]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) continue;
    killAllIn(m[1]!);
    ip(['netns', 'del', m[1]!], true);
  }
}

/**
 * Creates the pair (names carry this process's pid; `tag` distinguishes several pairs of one
 * process). Returns once both ends are up and answer ping.
 */
export function createNetnsPair(tag = ''): NetnsPair {
  reapStale();
  const a = `${NS_PREFIX}a-${process.pid}${tag ? '-' + tag : ''}`;
  const b = `${NS_PREFIX}b-${process.pid}${tag ? '-' + tag : ''}`;
  const children = new Set<ChildProcess>();
  const launcher = (ns: string): string[] => ['ip', 'netns', 'exec', ns];
  let isDown = false;
  const pair: NetnsPair = {
    a, b,
    launcherA: launcher(a),
    launcherB: launcher(b),
    run(ns, cmd, args, opts = {}) {
      const r = spawnSync('ip', ['netns', 'exec', ns === 'a' ? a : b, cmd, ...args], {
        encoding: 'utf8', timeout: opts.timeoutMs ?? 15000, ...(opts.input !== undefined ? { input: opts.input } : {}),
      });
      if (!opts.allowFail && r.status !== 0) {
        throw new Error(`[${ns}] ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr || r.error?.message || '').trim()}`);
      }
      return r;
    },
    start(ns, cmd, args) {
      const c = spawn('ip', ['netns', 'exec', ns === 'a' ? a : b, cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      c.on('error', () => undefined);
      children.add(c);
      c.on('exit', () => children.delete(c));
      return c;
    },
    down() {
      if (isDown) return;
      isDown = true;
      for (const c of children) c.kill('SIGKILL');
      for (const ns of [a, b]) {
        try {
          killAllIn(ns);
          ip(['netns', 'del', ns], true);
        } catch {
          // best effort
        }
      }
    },
  };
  try {
    ip(['netns', 'add', a]);
    ip(['netns', 'add', b]);
    for (const ns of [a, b]) {
      // no router solicitations, no duplicate address detection (set before the veth exists, which
      // inherits "default"): the only traffic is what the tests send, plus MLD when links come up
      spawnSync('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.router_solicitations=0',
        'net.ipv6.conf.default.router_solicitations=0', 'net.ipv6.conf.default.accept_dad=0'], { encoding: 'utf8', timeout: 10000 });
    }
    ip(['link', 'add', IF_A, 'netns', a, 'address', MAC_A, 'type', 'veth', 'peer', 'name', IF_B, 'netns', b, 'address', MAC_B]);
    for (const [ns, ifc, v4, v6] of [[a, IF_A, IP_A, IP6_A], [b, IF_B, IP_B, IP6_B]] as const) {
      ip(['-n', ns, 'link', 'set', 'lo', 'up']);
      // real-sized frames on the wire (no segmentation offload), checksums in software
      if (whichTool('ethtool')) {
        spawnSync('ip', ['netns', 'exec', ns, 'ethtool', '-K', ifc, 'tso', 'off', 'gso', 'off', 'gro', 'off', 'tx', 'off'], { timeout: 10000 });
      }
      ip(['-n', ns, 'addr', 'add', `${v4}/24`, 'dev', ifc]);
      ip(['-n', ns, '-6', 'addr', 'add', `${v6}/64`, 'dev', ifc, 'nodad']);
      ip(['-n', ns, 'link', 'set', ifc, 'up']);
    }
    // wait for the link (and the link-local IPv6 addresses to leave "tentative")
    const until = Date.now() + 10000;
    for (;;) {
      const r = spawnSync('ip', ['netns', 'exec', a, 'ping', '-c1', '-W1', '-q', IP_B], { timeout: 5000 });
      const tentative = ip(['-n', a, '-6', 'addr', 'show', 'tentative'], true).stdout + ip(['-n', b, '-6', 'addr', 'show', 'tentative'], true).stdout;
      if (r.status === 0 && !/inet6/.test(tentative)) break;
      if (Date.now() > until) throw new Error('the namespaces did not come up');
      spawnSync('sleep', ['0.1']);
    }
    return pair;
  } catch (e) {
    pair.down();
    throw e;
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `ready` every `stepMs` until it is true; throws `${what}` past `ms`. */
export async function waitUntil(ready: () => boolean, what: string, ms: number, stepMs = 100): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error(what);
    await sleep(stepMs);
  }
}

/** Waits until tcpdump (started with p.start) says it is listening. */
export async function tcpdumpListening(cap: ChildProcess): Promise<void> {
  let ready = false;
  cap.stderr!.on('data', (d: Buffer) => { if (String(d).includes('listening on')) ready = true; });
  await waitUntil(() => ready, 'tcpdump did not start', 10000, 50);
}

/** Waits for a child to exit; resolves with its exit code (null when killed). */
export function exited(c: ChildProcess): Promise<number | null> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve(c.exitCode);
  return new Promise((r) => c.once('exit', (code) => r(code)));
}

/**
 * Packet counts of capture files as Wireshark's own reader sees them (capinfos: the library
 * tshark reads with, one fast process for all files); undefined when capinfos is absent.
 */
export function capinfosCounts(files: readonly string[]): number[] | undefined {
  if (whichTool('capinfos') === undefined) return undefined;
  const r = spawnSync('capinfos', ['-c', '-M', ...files], { encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0) throw new Error(`capinfos ${files.join(' ')}: ${r.stderr}`);
  return [...r.stdout.matchAll(/^Number of packets:\s+(\d+)$/gm)].map((m) => Number(m[1]));
}
