// The UI's API, modelled on sharkd's methods, transport-free: the HTTP server and the WebSocket
// both call `call(method, params)`. Parameters are checked here (they come from the network);
// errors are ApiErrors with a message for the user and an HTTP-like status.

import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LiveCaptureError } from '../live/index.js';
import { LiveCaptures, type LiveOptions } from './live.js';
import { AnalyzeError, Analyzer } from './analyze.js';
import { TCP_GRAPH_KINDS, type TcpGraphKind } from '../../stats/tcp-graph.js';
import { CaptureSession, COLUMNS, type ColumnId, type LoadStatus } from './session.js';

export class ApiError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

export interface ApiOptions {
  /** directories (absolute) whose files may be opened; their subdirectories too */
  roots: readonly string[];
  /** live capture from the UI (default on, capturer as found); false = refused */
  live?: LiveOptions | false | undefined;
}

type Params = Record<string, unknown>;

function str(p: Params, k: string, def?: string): string {
  const v = p[k];
  if (v === undefined && def !== undefined) return def;
  if (typeof v !== 'string') throw new ApiError(`parameter "${k}" must be a string`);
  if (v.length > 65536) throw new ApiError(`parameter "${k}" is too long`);
  return v;
}

function int(p: Params, k: string, def?: number): number {
  const v = p[k];
  if (v === undefined && def !== undefined) return def;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ApiError(`parameter "${k}" must be an integer`);
  return v;
}

function bool(p: Params, k: string, def: boolean): boolean {
  const v = p[k];
  if (v === undefined) return def;
  if (typeof v !== 'boolean') throw new ApiError(`parameter "${k}" must be true or false`);
  return v;
}

function column(p: Params, k: string): ColumnId {
  const v = str(p, k, 'no');
  if (!(COLUMNS as readonly string[]).includes(v)) throw new ApiError(`parameter "${k}" must be one of ${COLUMNS.join(', ')}`);
  return v as ColumnId;
}

const CAPTURE_EXT = /\.(pcap|pcapng|cap|pcap\.gz|pcapng\.gz|ntar|dmp)$/i;

export class Api {
  session: CaptureSession | undefined;
  private readonly roots: string[];
  /** called whenever a load starts (the WebSocket pushes status events) */
  onLoad: ((s: CaptureSession) => void) | undefined;

  private readonly analyzer = new Analyzer();
  /** live captures started from the UI; undefined when the server refuses them */
  readonly live: LiveCaptures | undefined;

  constructor(opts: ApiOptions) {
    this.roots = opts.roots.map((r) => resolve(r));
    this.live = opts.live === false ? undefined : new LiveCaptures(opts.live ?? {});
  }

  /** Real path of `path` if it lies inside an allowed root (symlinks resolved), else an ApiError. */
  async allowedPath(path: string): Promise<string> {
    if (path.includes('\0')) throw new ApiError('bad path');
    const abs = isAbsolute(path) ? path : resolve(this.roots[0] ?? '.', path);
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      throw new ApiError(`The file "${path}" doesn't exist.`, 404);
    }
    for (const r of this.roots) {
      let rr: string;
      try {
        rr = await realpath(r);
      } catch {
        continue;
      }
      const rel = relative(rr, real);
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'))) return real;
    }
    throw new ApiError(`"${path}" is outside the directories this server may read`, 403);
  }

  /** Opens a capture file (a path the caller has already checked) and starts its first pass. */
  async open(real: string, displayName?: string): Promise<LoadStatus> {
    const st = await stat(real);
    if (!st.isFile()) throw new ApiError(`"${displayName ?? real}" is not a file`);
    if (this.live?.running) await this.live.stop();
    const s = new CaptureSession(real);
    void s.load(st.size);
    this.use(s);
    // let the first chunk through so the caller sees frames at once for small files
    await new Promise((r) => setTimeout(r, 0));
    return s.status();
  }

  /** Makes `s` (loading) the current capture. */
  private use(s: CaptureSession): void {
    const old = this.session;
    this.session = s;
    this.onLoad?.(s);
    if (old) void old.close();
  }

  private needLive(): LiveCaptures {
    if (!this.live) throw new ApiError('live capture is disabled on this server', 403);
    return this.live;
  }

  /** A LiveCaptureError (bad filter, no such interface, no permission …) as a message for the user. */
  private async liveCall<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof LiveCaptureError) throw new ApiError(e.message, e.kind === 'permission' ? 403 : 400);
      throw e;
    }
  }

  private async analyze<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AnalyzeError) throw new ApiError(e.message);
      throw e;
    }
  }

  private need(): CaptureSession {
    if (!this.session) throw new ApiError('no capture loaded', 409);
    return this.session;
  }

  async call(method: string, p: Params): Promise<unknown> {
    switch (method) {
      case 'status': {
        const s = this.session;
        return {
          loaded: s !== undefined,
          status: s?.status(),
          colors: s?.colorRules().map((r) => ({ name: r.name, filter: r.filter, bg: r.bg, fg: r.fg })) ?? [],
          columns: COLUMNS,
          live: this.live?.status(),
          canCapture: this.live !== undefined,
        };
      }
      case 'stats': return this.analyze(() => this.analyzer.stats(this.need(), str(p, 'spec')));
      case 'follow': {
        const proto = str(p, 'proto', 'tcp');
        if (proto !== 'tcp' && proto !== 'udp') throw new ApiError('parameter "proto" must be tcp or udp');
        const stream = int(p, 'stream');
        if (stream < 0) throw new ApiError('parameter "stream" must be ≥ 0');
        return this.analyze(() => this.analyzer.follow(this.need(), proto, stream));
      }
      case 'story': {
        const stream = int(p, 'stream');
        if (stream < 0) throw new ApiError('parameter "stream" must be ≥ 0');
        return this.analyze(() => this.analyzer.story(this.need(), stream, str(p, 'lang', 'en')));
      }
      case 'tcpgraph': {
        const stream = int(p, 'stream');
        if (stream < 0) throw new ApiError('parameter "stream" must be ≥ 0');
        const kind = str(p, 'kind', 'stevens');
        if (!(TCP_GRAPH_KINDS as readonly string[]).includes(kind)) throw new ApiError(`parameter "kind" must be one of ${TCP_GRAPH_KINDS.join(', ')}`);
        const dir = int(p, 'dir', 0);
        if (dir !== 0 && dir !== 1) throw new ApiError('parameter "dir" must be 0 or 1');
        return this.analyze(() => this.analyzer.tcpGraph(this.need(), stream, kind as TcpGraphKind, dir));
      }
      case 'properties': return this.analyzer.properties(this.need());
      case 'interfaces': {
        const live = this.needLive();
        return { interfaces: await this.liveCall(() => live.interfaces()) };
      }
      case 'capture': {
        const live = this.needLive();
        const snaplen = int(p, 'snaplen', 0);
        if (snaplen < 0 || snaplen > 262144) throw new ApiError('snaplen must be 0 (default) to 262144');
        const iface = str(p, 'iface', '');
        if (iface.startsWith('-')) throw new ApiError('bad interface name');
        const s = await this.liveCall(() => live.start({ iface, filter: str(p, 'filter', ''), snaplen }));
        this.use(s);
        return { status: s.status(), live: live.status() };
      }
      case 'stop': {
        const live = this.needLive();
        const info = await live.stop();
        await this.session?.ready();
        return { status: this.session?.status(), live: info };
      }
      case 'load': {
        const path = str(p, 'path');
        return this.open(await this.allowedPath(path), path);
      }
      case 'files': return this.files(str(p, 'dir', ''));
      case 'frames': {
        const s = this.need();
        const filter = str(p, 'filter', '');
        if (filter.trim() !== '') {
          const r = await s.applyFilter(filter);
          if (!r.ok) throw new ApiError(r.message ?? 'bad filter');
        }
        return s.frames({ skip: int(p, 'skip', 0), limit: int(p, 'limit', 100), filter, sort: column(p, 'sort'), desc: bool(p, 'desc', false) });
      }
      case 'frame': {
        const s = this.need();
        const num = int(p, 'num');
        if (num < 1 || num > s.frameCount) throw new ApiError(`no frame ${num}`, 404);
        return s.frame(num, str(p, 'filter', ''));
      }
      case 'check': return CaptureSession.check(str(p, 'filter'));
      case 'complete': return { fields: CaptureSession.complete(str(p, 'prefix'), Math.min(200, int(p, 'limit', 40))) };
      case 'filter': {
        const s = this.need();
        const r = await s.applyFilter(str(p, 'filter'));
        const withFrames = bool(p, 'frames', false);
        return {
          ok: r.ok, message: r.message, start: r.start, end: r.end, displayed: r.displayed, total: r.total, ms: r.ms, via: r.via,
          frames: withFrames ? Array.from(r.frames) : undefined,
        };
      }
      case 'goto': {
        const s = this.need();
        const pos = await s.positionOf(int(p, 'num'), str(p, 'filter', '').trim(), column(p, 'sort'), bool(p, 'desc', false));
        return { pos };
      }
      default:
        throw new ApiError(`unknown method "${method}"`, 404);
    }
  }

  /** Capture files and subdirectories of an allowed directory ('' = the roots). */
  private async files(dir: string): Promise<unknown> {
    if (dir === '') return { dir: '', entries: this.roots.map((r) => ({ name: r, dir: true })) };
    const real = await this.allowedPath(dir);
    const ents = await readdir(real, { withFileTypes: true }).catch(() => { throw new ApiError(`cannot list "${dir}"`); });
    const out: { name: string; dir: boolean; size?: number }[] = [];
    for (const e of ents) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) out.push({ name: e.name, dir: true });
      else if (e.isFile() && CAPTURE_EXT.test(e.name)) {
        const st = await stat(join(real, e.name)).catch(() => undefined);
        out.push({ name: e.name, dir: false, size: st?.size ?? 0 });
      }
      if (out.length >= 2000) break;
    }
    out.sort((a, b) => Number(b.dir) - Number(a.dir) || (a.name < b.name ? -1 : 1));
    return { dir: real, entries: out };
  }
}
