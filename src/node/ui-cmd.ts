// `wirelens ui [FILE] [options]`: starts the local UI server on FILE and prints the URL to open.
//
//   --host ADDR        bind ADDR instead of 127.0.0.1 (exposes the server: the token still guards it)
//   --port N           port (default: any free port)
//   --allow DIR        another directory whose captures may be opened (repeatable); FILE's own
//                      directory (or the current one without FILE) is always allowed
//   --max-upload SIZE  largest upload, bytes or with K/M/G (default 256M)
//   --token T          use this token instead of a random one (tests, scripts)
//   --no-capture       refuse live capture from the page (default: allowed when bound to loopback)
//   --capture          allow live capture even with --host (the page can then capture on this machine)
//   --capturer NAME    dumpcap or tcpdump (default: dumpcap, else tcpdump)
//
// The server runs until SIGINT/SIGTERM; the promise then resolves with the exit code.

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from './server/http.js';

const USAGE = `Usage: wirelens ui [FILE] [--host ADDR] [--port N] [--allow DIR]... [--max-upload SIZE] [--token T] [--no-capture | --capture] [--capturer dumpcap|tcpdump]`;

function parseSize(s: string): number {
  const m = /^(\d+)([KMG]?)i?B?$/i.exec(s.trim());
  if (!m) throw new Error(`bad size "${s}"`);
  const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Number(m[1]) * mult;
}

export interface UiArgs {
  file: string | undefined;
  host: string | undefined;
  port: number;
  allow: string[];
  maxUpload: number;
  token: string | undefined;
  /** live capture from the page: undefined = allowed when bound to loopback */
  capture: boolean | undefined;
  capturer: 'dumpcap' | 'tcpdump' | undefined;
}

export function parseUiArgs(argv: readonly string[]): UiArgs {
  const a: UiArgs = { file: undefined, host: undefined, port: 0, allow: [], maxUpload: 256 << 20, token: undefined, capture: undefined, capturer: undefined };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`option ${k} needs a value`);
      return v;
    };
    switch (k) {
      case '--host': a.host = val(); break;
      case '--port': {
        const v = val();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`bad port "${v}"`);
        a.port = n;
        break;
      }
      case '--allow': a.allow.push(resolve(val())); break;
      case '--max-upload': a.maxUpload = parseSize(val()); break;
      case '--token': a.token = val(); break;
      case '--no-capture': a.capture = false; break;
      case '--capture': a.capture = true; break;
      case '--capturer': {
        const v = val();
        if (v !== 'dumpcap' && v !== 'tcpdump') throw new Error(`--capturer: "${v}" is not dumpcap or tcpdump`);
        a.capturer = v;
        break;
      }
      case '-h': case '--help': throw new Error('');
      default:
        if (k.startsWith('-')) throw new Error(`unknown option ${k}`);
        if (a.file !== undefined) throw new Error('only one capture file');
        a.file = k;
    }
  }
  return a;
}

/** The built UI: dist/ui next to dist/node. */
export function uiDir(): string {
  return fileURLToPath(new URL('../ui/', import.meta.url));
}

export async function startUi(a: UiArgs): Promise<RunningServer> {
  const roots = [...a.allow];
  let open: string | undefined;
  if (a.file !== undefined) {
    const f = resolve(a.file);
    if (!existsSync(f)) throw new Error(`The file "${a.file}" doesn't exist.`);
    if (!statSync(f).isFile()) throw new Error(`"${a.file}" is not a file.`);
    roots.unshift(dirname(f));
    open = f;
  } else roots.unshift(process.cwd());
  const dir = uiDir();
  const host = a.host ?? '127.0.0.1';
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  return startServer({
    host,
    live: (a.capture ?? loopback) ? { capturer: a.capturer } : false,
    port: a.port,
    roots,
    staticDir: existsSync(resolve(dir, 'index.html')) ? dir : undefined,
    maxUpload: a.maxUpload,
    open,
    ...(a.token !== undefined ? { token: a.token } : {}),
  });
}

export async function uiMain(argv: readonly string[]): Promise<number> {
  let a: UiArgs;
  try {
    a = parseUiArgs(argv);
  } catch (e) {
    const m = (e as Error).message;
    process.stderr.write((m ? `wirelens ui: ${m}\n` : '') + USAGE + '\n');
    return m ? 1 : 0;
  }
  let srv: RunningServer;
  try {
    srv = await startUi(a);
  } catch (e) {
    process.stderr.write(`wirelens ui: ${(e as Error).message}\n`);
    return 2;
  }
  if (!existsSync(resolve(uiDir(), 'index.html'))) process.stderr.write('wirelens ui: the UI is not built; run "npm run build" (the API works)\n');
  if (a.host !== undefined && a.host !== '127.0.0.1' && a.host !== 'localhost' && a.host !== '::1') {
    process.stderr.write(`wirelens ui: listening on ${a.host}: anyone who can reach it and has the token can read the allowed directories\n`);
  }
  process.stdout.write(`wirelens UI: ${srv.url}\n`);
  return new Promise<number>((res) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void srv.close().then(() => res(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
