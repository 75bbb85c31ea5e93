// Live capture through a child process: dumpcap (pcapng on stdout: `dumpcap -q -n -w -`) or,
// without dumpcap, tcpdump (pcap on stdout: `tcpdump -U --immediate-mode --nano -w -`). The
// capturer holds the privileges; wirelens reads its stdout as a byte stream (node/read.ts
// readCaptureStream, through node/pipeline.ts like a file).
//
// Lifecycle: startCapture() resolves once the capturer says it is capturing (dumpcap "File: -",
// tcpdump "listening on …"): every packet after that moment is in the stream. stop() sends
// SIGINT, as Ctrl+C would: dumpcap and tcpdump then write what they hold (dumpcap adds an
// Interface Statistics Block) and exit, so the stream ends on a whole block. SIGTERM, then
// SIGKILL follow if the capturer does not exit in time. dumpcap hands packets over in kernel
// blocks (~250 ms) and drops the block in progress when interrupted (measured: a stop 150 ms after
// the last packet lost up to 1 in 4 packets), so stop() keeps reading for 500 ms first. The capturer
// runs in its own process group: a Ctrl+C on the terminal reaches wirelens only, which then stops
// the capturer this way (wirelens kills it when it exits).

import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { checkCaptureFilters, type FilterCheck } from './bpf-check.js';
import type { InterfaceOptions, LiveInterface } from './options.js';
import {
  classifyStderr, commandLine, findCapturer, LiveCaptureError, parseCounts,
  type Capturer, type CaptureCounts, type ToolOptions,
} from './tools.js';

/** The interface options given here (filter, snaplen, promisc, …) apply to every interface that sets none. */
export interface LiveCaptureOptions extends ToolOptions, InterfaceOptions {
  /** interfaces (names or -D numbers, or full settings); empty = the capturer's default interface */
  interfaces?: readonly (string | LiveInterface)[] | undefined;
  /** the capturer stops after this many packets (-c) */
  count?: number | undefined;
  /** the capturer stops after this many seconds (-a duration) */
  duration?: number | undefined;
  /** compile the capture filters first (a bad filter is reported before anything runs); default true */
  checkFilter?: boolean | undefined;
  /** how long the capturer may take to start capturing (default 30 s) */
  startTimeoutMs?: number | undefined;
  /**
   * stop() keeps capturing this long before it sends SIGINT (default: 500 ms for dumpcap, 0 for
   * tcpdump). dumpcap reads packets in kernel blocks handed over every ~250 ms and drops the
   * block in progress when interrupted: without the wait, the last packets before a stop are lost.
   */
  stopDrainMs?: number | undefined;
  /** after SIGINT: ms before SIGTERM, then again before SIGKILL (default 3000) */
  stopGraceMs?: number | undefined;
}

/** How the capturer ended. */
export interface CaptureExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** a problem the capturer reported (not set for the exit that stop() asked for) */
  error: LiveCaptureError | undefined;
  /** what it said about packets captured / received / dropped */
  counts: CaptureCounts;
  /** its stderr (bounded) */
  stderr: string;
  /** stop() was called before it exited */
  stopped: boolean;
}

export interface LiveCapture {
  readonly tool: Capturer;
  /** the command that runs (launcher + capturer + arguments) */
  readonly argv: readonly string[];
  readonly pid: number;
  /** the capturer's stdout: pcapng (dumpcap) or pcap (tcpdump) */
  readonly stream: Readable;
  readonly format: 'pcapng' | 'pcap';
  /** what tshark prints after "Capturing on ": "'Loopback: lo'", "'lo' and 'eth0'" */
  readonly description: string;
  /** the interfaces as resolved (defaults applied) */
  readonly interfaces: readonly LiveInterface[];
  /** true until the capturer exited */
  readonly running: boolean;
  /** resolves when the capturer has exited and its output is closed */
  readonly exited: Promise<CaptureExit>;
  /**
   * Asks the capturer to stop (SIGINT after the drain time, see stopDrainMs) and resolves when it
   * has exited; idempotent.
   */
  stop(): Promise<CaptureExit>;
  /** sends SIGINT now (no drain); a second call kills the capturer (SIGKILL) */
  kill(): void;
}

const STDERR_CAP = 256 * 1024;

/** Capturers still running, killed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHook = false;
function track(c: ChildProcess): void {
  running.add(c);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const r of running) r.kill('SIGKILL');
    });
  }
}

const IFACE_KEYS = ['filter', 'snaplen', 'promisc', 'monitor', 'bufferMiB', 'linktype'] as const;

function resolveIfaces(opts: LiveCaptureOptions): LiveInterface[] {
  return (opts.interfaces ?? []).map((i) => {
    const o: LiveInterface = typeof i === 'string' ? { name: i } : { ...i };
    for (const k of IFACE_KEYS) {
      if (o[k] === undefined && opts[k] !== undefined) (o as unknown as Record<string, unknown>)[k] = opts[k];
    }
    return o;
  });
}

/** dumpcap's arguments: pcapng to stdout, quiet, per-interface options after each -i. */
export function dumpcapArgs(ifaces: readonly LiveInterface[], opts: LiveCaptureOptions): string[] {
  const a = ['-q', '-n', '-w', '-'];
  const per = (i: Omit<LiveInterface, 'name'>): void => {
    if (i.filter !== undefined && i.filter !== '') a.push('-f', i.filter);
    if (i.snaplen !== undefined && i.snaplen > 0) a.push('-s', String(i.snaplen));
    if (i.promisc === false) a.push('-p');
    if (i.monitor === true) a.push('-I');
    if (i.bufferMiB !== undefined) a.push('-B', String(i.bufferMiB));
    if (i.linktype !== undefined) a.push('-y', i.linktype);
  };
  if (ifaces.length === 0) per(opts);
  for (const i of ifaces) {
    a.push('-i', i.name);
    per(i);
  }
  if (opts.count !== undefined) a.push('-c', String(opts.count));
  if (opts.duration !== undefined) a.push('-a', `duration:${opts.duration}`);
  return a;
}

/** tcpdump's arguments: pcap (ns timestamps) to stdout, unbuffered; one interface only. */
export function tcpdumpArgs(ifaces: readonly LiveInterface[], opts: LiveCaptureOptions): string[] {
  if (ifaces.length > 1) {
    throw new LiveCaptureError('bad-option',
      'tcpdump captures on one interface at a time; to capture on several, install dumpcap (Debian package "wireshark-common").');
  }
  const i: InterfaceOptions & { name?: string } = ifaces[0] ?? opts;
  const a = ['-U', '--immediate-mode', '-n', '--nano', '-w', '-'];
  if (i.name !== undefined) a.push('-i', i.name);
  if (i.snaplen !== undefined && i.snaplen > 0) a.push('-s', String(i.snaplen));
  if (i.promisc === false) a.push('-p');
  if (i.monitor === true) a.push('-I');
  if (i.bufferMiB !== undefined) a.push('-B', String(i.bufferMiB * 1024));
  if (i.linktype !== undefined) a.push('-y', i.linktype);
  if (opts.count !== undefined) a.push('-c', String(opts.count));
  if (i.filter !== undefined && i.filter !== '') a.push('--', i.filter);
  return a;
}

/** The capture filter checks a start needs (one per interface with a filter). */
export function filterChecks(ifaces: readonly LiveInterface[], opts: LiveCaptureOptions): FilterCheck[] {
  if (ifaces.length === 0) return opts.filter ? [{ iface: '', filter: opts.filter }] : [];
  return ifaces.filter((i) => i.filter !== undefined && i.filter !== '').map((i) => ({ iface: i.name, filter: i.filter! }));
}

/**
 * Starts the capturer and resolves once it captures. Rejects with a LiveCaptureError: capturer
 * missing (naming the Debian package), bad capture filter, no such interface, no permission.
 */
export async function startCapture(opts: LiveCaptureOptions = {}): Promise<LiveCapture> {
  const tool = findCapturer(opts);
  const ifaces = resolveIfaces(opts);
  const args = tool.name === 'dumpcap' ? dumpcapArgs(ifaces, opts) : tcpdumpArgs(ifaces, opts);
  if (opts.checkFilter !== false) {
    await checkCaptureFilters(filterChecks(ifaces, opts), { capturer: tool.name, toolPath: tool.path, launcher: opts.launcher });
  }
  const [cmd, argv] = commandLine(tool.path, args, opts.launcher);
  return spawnCapture(tool, cmd, argv, ifaces, opts);
}

function spawnCapture(tool: Capturer, cmd: string, argv: string[], ifaces: LiveInterface[], opts: LiveCaptureOptions): Promise<LiveCapture> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      reject(new LiveCaptureError('failed', `${cmd} could not be started: ${(e as Error).message}`));
      return;
    }
    track(child);
    const stdout = child.stdout!;
    const stderrStream = child.stderr!;
    let stderr = '';
    let description = ifaces.length ? ifaces.map((i) => `'${i.name}'`).join(' and ') : '';
    let ready = false;
    let exited = false;
    let stopRequested = false;
    let spawnError: Error | undefined;
    const timers: NodeJS.Timeout[] = [];
    const filterText = ifaces.find((i) => i.filter)?.filter ?? opts.filter;

    const markReady = (): void => {
      if (ready || exited) return;
      ready = true;
      clearTimeout(startTimer);
      resolve(handle);
    };

    let lineBuf = '';
    stderrStream.setEncoding('utf8');
    stderrStream.on('data', (d: string) => {
      if (stderr.length < STDERR_CAP) stderr += d.slice(0, STDERR_CAP - stderr.length);
      lineBuf += d;
      let nl: number;
      while ((nl = lineBuf.search(/[\r\n]/)) >= 0) {
        const line = lineBuf.slice(0, nl);
        lineBuf = lineBuf.slice(nl + 1);
        let m: RegExpExecArray | null;
        if ((m = /^Capturing on (.*)$/.exec(line))) description = m[1]!;
        else if ((m = /^(?:tcpdump: )?listening on ([^,]+),/.exec(line))) description = `'${m[1]!}'`;
        if (/^File: /.test(line) || /^(?:tcpdump: )?listening on /.test(line)) markReady();
      }
    });

    const exitPromise = new Promise<CaptureExit>((res) => {
      child.on('error', (e) => { spawnError = e; });
      child.on('close', (code, signal) => {
        exited = true;
        running.delete(child);
        for (const t of timers) clearTimeout(t);
        clearTimeout(startTimer);
        let error = spawnError
          ? new LiveCaptureError('failed', `${cmd} could not be started: ${spawnError.message}`)
          : classifyStderr(tool.name, stderr, filterText);
        // what the capturer says after we asked it to stop (a broken pipe …) is not a problem
        if (stopRequested && error?.kind === 'failed') error = undefined;
        if (!error && !stopRequested && code !== 0 && code !== null) {
          error = new LiveCaptureError('failed', `${tool.name} exited with code ${code}${stderr.trim() ? `: ${stderr.trim()}` : ''}`, stderr);
        }
        if (!error && !stopRequested && signal !== null && signal !== 'SIGINT' && signal !== 'SIGTERM') {
          error = new LiveCaptureError('failed', `${tool.name} was killed by ${signal}`, stderr);
        }
        const ex: CaptureExit = {
          code, signal, error, counts: parseCounts(tool.name, stderr, ifaces[0]?.name ?? ''), stderr, stopped: stopRequested,
        };
        res(ex);
        if (!ready) {
          reject(error ?? new LiveCaptureError('failed', `${tool.name} exited before capturing${stderr.trim() ? `: ${stderr.trim()}` : ''}`, stderr));
        }
      });
    });
    exitPromise.catch(() => undefined);

    const signal = (s: NodeJS.Signals): void => {
      if (!exited) {
        try {
          child.kill(s);
        } catch {
          // already gone
        }
      }
    };
    const grace = opts.stopGraceMs ?? 3000;
    const drain = opts.stopDrainMs ?? (tool.name === 'dumpcap' ? 500 : 0);
    let interrupted = false;
    const interrupt = (): void => {
      if (interrupted || exited) return;
      interrupted = true;
      signal('SIGINT');
      const t1 = setTimeout(() => {
        signal('SIGTERM');
        const t2 = setTimeout(() => signal('SIGKILL'), grace);
        t2.unref();
        timers.push(t2);
      }, grace);
      t1.unref();
      timers.push(t1);
    };
    const handle: LiveCapture = {
      tool,
      argv: [cmd, ...argv],
      pid: child.pid ?? -1,
      stream: stdout,
      format: tool.name === 'dumpcap' ? 'pcapng' : 'pcap',
      get description() { return description; },
      interfaces: ifaces,
      get running() { return !exited; },
      exited: exitPromise,
      stop(): Promise<CaptureExit> {
        if (!stopRequested && !exited) {
          stopRequested = true;
          if (drain > 0) {
            const t = setTimeout(interrupt, drain);
            timers.push(t);
          } else {
            interrupt();
          }
        }
        stopRequested = true;
        return exitPromise;
      },
      kill(): void {
        stopRequested = true;
        if (!interrupted) interrupt();
        else signal('SIGKILL');
      },
    };

    const startTimer = setTimeout(() => {
      if (ready || exited) return;
      stopRequested = true;
      signal('SIGKILL');
      reject(new LiveCaptureError('failed', `${tool.name} did not start capturing within ${(opts.startTimeoutMs ?? 30000) / 1000} s${stderr.trim() ? `: ${stderr.trim()}` : ''}`, stderr));
    }, opts.startTimeoutMs ?? 30000);
  });
}
