// The UI's local server: static files of the built UI, the JSON API (POST /api/<method>), a
// WebSocket (/ws) for the same calls plus pushed load progress, download of displayed packets and
// upload of a capture.
//
// Packet bytes are attacker-controlled and the server can read files, so:
// - it binds 127.0.0.1 unless --host says otherwise;
// - every request needs the random token of the printed URL (query `token`, header
//   `Authorization: Bearer`/`X-Wirelens-Token`, or the SameSite=Strict HttpOnly cookie set when the
//   page is opened with it); the comparison is constant-time;
// - the Host header must name this server when bound to loopback (DNS rebinding), and a request
//   with an Origin must come from this server's origin (cross-site requests, WebSocket hijacking);
// - a strict Content-Security-Policy: scripts and styles only from this origin, nothing inline,
//   no frames, no plugins; the UI never puts packet text into HTML (textContent only);
// - files are read only inside the directories the user named; uploads are size-capped.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { writeFormatByName } from '../../capture/writer.js';
import { Api, ApiError } from './api.js';
import type { LiveOptions } from './live.js';
import type { CaptureSession } from './session.js';

export interface ServerOptions {
  /** address to bind (default 127.0.0.1) */
  host?: string;
  /** port (default 0: any free port) */
  port?: number;
  /** the access token (default 32 random bytes, hex) */
  token?: string;
  /** directories whose files may be opened */
  roots: readonly string[];
  /** the built UI (index.html and assets); undefined = API only */
  staticDir?: string | undefined;
  /** largest accepted upload in bytes (default 256 MiB) */
  maxUpload?: number;
  /** capture to open at start (must be inside a root) */
  open?: string | undefined;
  /** live capture from the UI: capturer options (launcher …), or false to refuse it */
  live?: LiveOptions | false | undefined;
}

export interface RunningServer {
  /** the URL to open, token included */
  url: string;
  host: string;
  port: number;
  token: string;
  api: Api;
  server: Server;
  close(): Promise<void>;
}

const MAX_JSON = 1 << 20;
const COOKIE = 'wl_token';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy',
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length });
  res.end(data);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const c = req.headers.cookie;
  if (!c) return undefined;
  for (const part of c.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    const b = c as Buffer;
    n += b.length;
    if (n > max) throw new ApiError('request body too large', 413);
    parts.push(b);
  }
  return Buffer.concat(parts);
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(token, 'utf8');
  const maxUpload = opts.maxUpload ?? 256 << 20;
  const staticDir = opts.staticDir === undefined ? undefined : resolve(opts.staticDir);
  const api = new Api({ roots: opts.roots, live: opts.live });
  const sockets = new Set<WebSocket>();
  let uploadDir: string | undefined;
  let port = 0;

  const tokenOk = (t: string | undefined | null): boolean => {
    if (typeof t !== 'string') return false;
    const b = Buffer.from(t, 'utf8');
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  /** Host/Origin checks and the token; returns an error text or undefined when allowed. */
  const denied = (req: IncomingMessage, url: URL): string | undefined => {
    const h = (req.headers.host ?? '').toLowerCase();
    if (isLoopback(host)) {
      const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.split(':')[0]!;
      if (!isLoopback(name) || h !== `${name}:${port}`) return 'bad Host header';
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return 'cross-origin request refused';
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const hdr = req.headers['x-wirelens-token'];
    if (tokenOk(url.searchParams.get('token')) || tokenOk(bearer) || tokenOk(typeof hdr === 'string' ? hdr : undefined) || tokenOk(cookieToken(req))) {
      return undefined;
    }
    return 'token required: open the URL wirelens printed';
  };

  const serveStatic = async (res: ServerResponse, pathname: string, setCookie: boolean): Promise<void> => {
    if (staticDir === undefined) return sendText(res, 404, 'the UI is not built (npm run build)');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'bad path');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(staticDir, rel));
    if (!file.startsWith(staticDir + sep)) return sendText(res, 403, 'forbidden');
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) return sendText(res, 404, 'not found');
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
    };
    if (setCookie) headers['Set-Cookie'] = `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://x');
    const why = denied(req, url);
    if (why !== undefined) return sendText(res, 403, why);
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      const method = path.slice(5);
      if (method === 'download' && req.method === 'GET') return download(res, url);
      if (method === 'upload' && req.method === 'POST') return upload(req, res, url);
      if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'use POST' } });
      const ct = req.headers['content-type'] ?? '';
      // a JSON content type cannot be sent cross-site without a preflight
      if (!ct.startsWith('application/json')) return sendJson(res, 415, { error: { message: 'Content-Type must be application/json' } });
      let params: Record<string, unknown>;
      try {
        const body = await readBody(req, MAX_JSON);
        const v: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
        if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ApiError('the body must be a JSON object');
        params = v as Record<string, unknown>;
      } catch (e) {
        return sendJson(res, e instanceof ApiError ? e.status : 400, { error: { message: e instanceof Error ? e.message : 'bad request' } });
      }
      try {
        return sendJson(res, 200, { result: await api.call(method, params) });
      } catch (e) {
        return sendJson(res, e instanceof ApiError ? e.status : 500, { error: { message: e instanceof Error ? e.message : String(e) } });
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    return serveStatic(res, path, url.searchParams.has('token'));
  };

  const download = async (res: ServerResponse, url: URL): Promise<void> => {
    const s = api.session;
    if (!s) return sendText(res, 409, 'no capture loaded');
    const format = writeFormatByName(url.searchParams.get('format') ?? 'pcapng');
    if (format === undefined) return sendText(res, 400, 'format must be pcap or pcapng');
    const filter = url.searchParams.get('filter') ?? '';
    const fr = await s.applyFilter(filter);
    if (!fr.ok) return sendText(res, 400, fr.message ?? 'bad filter');
    const base = s.name.replace(/\.(pcapng|pcap|cap)(\.gz)?$/i, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'capture';
    const ext = format === 'pcapng' ? 'pcapng' : 'pcap';
    res.writeHead(200, {
      'Content-Type': 'application/vnd.tcpdump.pcap',
      'Content-Disposition': `attachment; filename="${base}${filter.trim() ? '-filtered' : ''}.${ext}"`,
    });
    try {
      await s.download(format, filter, (piece) => { res.write(piece); });
    } catch (e) {
      res.destroy(e instanceof Error ? e : undefined);
      return;
    }
    res.end();
  };

  const upload = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const len = Number(req.headers['content-length'] ?? NaN);
    if (!(len >= 0)) return sendJson(res, 411, { error: { message: 'Content-Length required' } });
    if (len > maxUpload) {
      res.setHeader('Connection', 'close');
      sendJson(res, 413, { error: { message: `upload too large: ${len} bytes (limit ${maxUpload})` } });
      req.destroy();
      return;
    }
    uploadDir ??= await mkdtemp(join(tmpdir(), 'wirelens-upload-'));
    const name = (url.searchParams.get('name') ?? 'upload.pcapng').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'upload';
    const file = join(uploadDir, `${Date.now()}-${name}`);
    let n = 0;
    const out = createWriteStream(file);
    try {
      for await (const c of req) {
        n += (c as Buffer).length;
        if (n > maxUpload || n > len) throw new ApiError('upload larger than announced or than the limit', 413);
        if (!out.write(c)) await new Promise<void>((r) => out.once("drain", () => r()));
      }
      await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
      sendJson(res, 200, { result: await api.open(file, name) });
    } catch (e) {
      out.destroy();
      await rm(file, { force: true });
      sendJson(res, e instanceof ApiError ? e.status : 500, { error: { message: e instanceof Error ? e.message : String(e) } });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, e instanceof Error ? e.message : 'internal error');
      else res.destroy();
    });
  });

  // WebSocket: {id, method, params} → {id, result} | {id, error}; pushed {event: 'status', data}
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_JSON });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const why = url.pathname === '/ws' ? denied(req, url) : 'not found';
    if (why !== undefined) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        let msg: { id?: unknown; method?: unknown; params?: unknown };
        try {
          msg = JSON.parse(String(data)) as typeof msg;
        } catch {
          ws.send(JSON.stringify({ error: { message: 'bad JSON' } }));
          return;
        }
        const id = typeof msg.id === 'number' || typeof msg.id === 'string' ? msg.id : null;
        const method = typeof msg.method === 'string' ? msg.method : '';
        const params = typeof msg.params === 'object' && msg.params !== null && !Array.isArray(msg.params) ? msg.params as Record<string, unknown> : {};
        api.call(method, params).then(
          (result) => ws.send(JSON.stringify({ id, result })),
          (e: unknown) => ws.send(JSON.stringify({ id, error: { message: e instanceof Error ? e.message : String(e) } })),
        );
      });
      if (api.session) ws.send(JSON.stringify({ event: 'status', data: api.session.status() }));
    });
  });

  // load progress pushed to every socket until the first pass is over
  api.onLoad = (s: CaptureSession) => {
    const push = (): void => {
      if (api.session !== s) return;
      const data = JSON.stringify({ event: 'status', data: s.status() });
      for (const ws of sockets) ws.send(data);
    };
    const timer = setInterval(push, 200);
    void s.ready().then(() => { clearInterval(timer); push(); });
  };

  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port ?? 0, host, () => { server.off('error', rej); res(); });
  });
  port = (server.address() as AddressInfo).port;
  if (opts.open !== undefined) await api.open(await api.allowedPath(opts.open));
  const hostText = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostText}:${port}/?token=${token}`;
  return {
    url, host, port, token, api, server,
    async close(): Promise<void> {
      for (const ws of sockets) ws.terminate();
      wss.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await api.live?.close();
      await api.session?.close();
      if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
