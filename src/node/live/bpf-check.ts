// Capture filters are libpcap (BPF) expressions compiled by the capturer for the link type of
// each interface, so they are checked by the capturer itself before the capture starts:
// `dumpcap -i IF -f EXPR -d` / `tcpdump -i IF -d EXPR` print the compiled program, or an error.
// dumpcap exits 0 even for a bad filter: its stderr decides. A bad filter becomes tshark's
// message ("Invalid capture filter "…" for interface '…'. …") before anything is spawned for real.

import { spawn } from 'node:child_process';
import { classifyStderr, commandLine, findCapturer, LiveCaptureError, type Capturer, type ToolOptions } from './tools.js';

export interface FilterCheck {
  /** the interface name or number as given to -i ('' = the capturer's default interface) */
  iface: string;
  filter: string;
}

export interface FilterCheckResult {
  /** the compiled BPF program as the capturer lists it (`-d`) */
  program: string;
}

const CHECK_TIMEOUT_MS = 15000;

function runCapture(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => { if (stdout.length < 1 << 20) stdout += d; });
    c.stderr.setEncoding('utf8').on('data', (d: string) => { if (stderr.length < 1 << 20) stderr += d; });
    const timer = setTimeout(() => c.kill('SIGKILL'), CHECK_TIMEOUT_MS);
    c.on('error', (e) => {
      clearTimeout(timer);
      reject(new LiveCaptureError('no-capturer', `"${cmd}" could not be run: ${e.message}`));
    });
    c.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Compiles one filter for one interface; throws a LiveCaptureError (bad-filter, permission, …). */
export async function checkCaptureFilterOn(tool: Capturer, check: FilterCheck, launcher?: readonly string[]): Promise<FilterCheckResult> {
  // no interface: the capturer's default one (what a capture without -i opens)
  const on = check.iface === '' ? [] : ['-i', check.iface];
  const args = tool.name === 'dumpcap' ? [...on, '-f', check.filter, '-d'] : ['-d', ...on, '--', check.filter];
  const [cmd, argv] = commandLine(tool.path, args, launcher);
  const r = await runCapture(cmd, argv);
  const e = classifyStderr(tool.name, r.stderr, check.filter);
  if (e) {
    if (e.kind === 'failed' && tool.name === 'dumpcap' && /capture filter/i.test(e.message)) {
      throw new LiveCaptureError('bad-filter', e.message, e.detail);
    }
    throw e;
  }
  if (r.code !== 0 && r.code !== null && tool.name === 'tcpdump') {
    throw new LiveCaptureError('failed', `tcpdump could not compile the capture filter "${check.filter}" (exit code ${r.code}).`, r.stderr);
  }
  if (!/^\(\d{3}\)/m.test(r.stdout)) {
    throw new LiveCaptureError('failed', `${tool.name} printed no program for the capture filter "${check.filter}" on interface '${check.iface}'.`, r.stderr);
  }
  return { program: r.stdout };
}

/**
 * Checks each (interface, filter) pair with the capturer. Resolves when every filter compiles;
 * rejects with the first problem (in the order given).
 */
export async function checkCaptureFilters(checks: readonly FilterCheck[], opts: ToolOptions = {}): Promise<FilterCheckResult[]> {
  if (checks.length === 0) return [];
  const tool = findCapturer(opts);
  // distinct pairs only, run side by side; report in the order given
  const seen = new Map<string, Promise<FilterCheckResult>>();
  const runs = checks.map((c) => {
    const k = `${c.iface}\0${c.filter}`;
    let p = seen.get(k);
    if (p === undefined) {
      p = checkCaptureFilterOn(tool, c, opts.launcher);
      p.catch(() => undefined);
      seen.set(k, p);
    }
    return p;
  });
  const out: FilterCheckResult[] = [];
  for (const p of runs) out.push(await p);
  return out;
}
