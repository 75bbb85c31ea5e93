// The one module that talks to the server: RPC over the WebSocket (/ws), the token from the URL
// the server printed, pushed status events. Types mirror src/node/server (the UI never imports node/).

export interface LoadStatus {
  state: 'idle' | 'loading' | 'done' | 'error';
  name: string;
  frames: number;
  bytesRead: number;
  size: number;
  error: string | undefined;
  elapsedMs: number;
  firstRowsMs: number;
  memory: number;
  format: string;
  live: boolean;
}

export interface CaptureInterface { index: number; name: string; description: string | undefined; addresses: string[]; loopback: boolean }

export interface LiveInfo { running: boolean; iface: string; filter: string; tool: string; summary: string; error: string | undefined }

export type ColumnId = 'no' | 'time' | 'src' | 'dst' | 'proto' | 'len' | 'info';

export interface Row {
  no: number;
  time: string;
  src: string;
  dst: string;
  proto: string;
  len: number;
  info: string;
  color: number;
}

export interface FramesResult {
  total: number;
  displayed: number;
  skip: number;
  rows: Row[];
}

export interface TreeNode {
  l: string;
  f: string;
  s: number;
  n: number;
  d: number;
  g?: 1;
  v: string;
  q: string;
  k?: TreeNode[];
}

export interface FrameDetails {
  num: number;
  sources: { name: string; hex: string }[];
  tree: TreeNode[];
  protocols: string;
}

export interface ColorRule { name: string; filter: string; bg: string; fg: string }

export interface StatusResult {
  loaded: boolean;
  status: LoadStatus | undefined;
  colors: ColorRule[];
  columns: ColumnId[];
  live: LiveInfo | undefined;
  canCapture: boolean;
}

export type CheckResult = { ok: true; fields: string[]; deprecated: string[] } | { ok: false; message: string; start: number; end: number };

export interface FilterResult {
  ok: boolean;
  message?: string;
  start?: number;
  end?: number;
  displayed: number;
  total: number;
  ms: number;
  via: string;
}

export interface Completion { name: string; desc: string; type: string }

// ---- Analyze (mirrors src/stats result types and src/node/server/analyze.ts) ----

export interface ConvRow { a: string; b: string; framesBA: number; bytesBA: number; framesAB: number; bytesAB: number; frames: number; bytes: number; startNs: number; durationNs: number }
export interface EndpointRow { address: string; port: number | undefined; packets: number; bytes: number; txPackets: number; txBytes: number; rxPackets: number; rxBytes: number }
export interface PhsNode { proto: string; frames: number; bytes: number; children: PhsNode[] }
export interface ExpertRow { severity: 'error' | 'warn' | 'note' | 'chat' | 'comment'; group: string; protocol: string; summary: string; count: number; frames: number[] }
export interface IoStatResult {
  intervalNs: number;
  durationNs: number;
  columns: { text: string; func: string; field?: string }[];
  rows: { startNs: number; endNs: number; cells: { frames: number; bytes: number; value: number }[] }[];
}
export interface FollowData {
  proto: 'tcp' | 'udp';
  stream: number;
  node0: string;
  node1: string;
  filter: string;
  segments: { dir: 0 | 1; frame: number; hex: string }[];
}
export interface StoryData {
  stream: number;
  story: { client: string; server: string; header: string[]; sections: { kind: string; title: string; lines: { frames: number[]; text: string[] }[] }[] } | undefined;
  text: string;
  svg: string;
  error: string | undefined;
}
export type TcpGraphKind = 'stevens' | 'throughput' | 'rtt' | 'window';
export interface TcpGraphData {
  stream: number; kind: TcpGraphKind; dir: 0 | 1; node0: string; node1: string; segments: [number, number]; filter: string;
  x: number[]; frames: number[]; ys: { name: string; values: (number | null)[] }[];
}
export interface Properties {
  name: string; path: string; format: string; size: number; frames: number; bytes: number; capturedBytes: number;
  first: number | null; last: number | null; durationS: number; packetsPerS: number; bytesPerS: number; bitsPerS: number; avgPacketSize: number;
  interfaces: { name: string; description: string; linktype: string; snaplen: number; filter: string; os: string; tsResolution: number }[];
  comments: string[]; application: string; os: string; hardware: string;
}

export interface FileEntry { name: string; dir: boolean; size?: number }

/** The token: from the URL the server printed (then kept for this tab), else the cookie does. */
function takeToken(): string {
  const u = new URL(location.href);
  const t = u.searchParams.get('token');
  if (t) {
    sessionStorage.setItem('wirelens.token', t);
    u.searchParams.delete('token');
    history.replaceState(null, '', u.pathname + u.search + u.hash);
    return t;
  }
  return sessionStorage.getItem('wirelens.token') ?? '';
}

export class Api {
  readonly token = takeToken();
  private ws: WebSocket | undefined;
  private opened: Promise<void> | undefined;
  private seq = 0;
  private readonly pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  onStatus: ((s: LoadStatus) => void) | undefined;
  onClose: (() => void) | undefined;

  private connect(): Promise<void> {
    if (this.opened) return this.opened;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws?token=${encodeURIComponent(this.token)}`);
    this.ws = ws;
    this.opened = new Promise<void>((res, rej) => {
      ws.onopen = () => res();
      ws.onerror = () => rej(new Error('cannot reach the wirelens server'));
    });
    ws.onmessage = (ev) => {
      const m = JSON.parse(String(ev.data)) as { id?: number; result?: unknown; error?: { message: string }; event?: string; data?: unknown };
      if (m.event === 'status') { this.onStatus?.(m.data as LoadStatus); return; }
      if (typeof m.id !== 'number') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.fail(new Error(m.error.message));
      else p.ok(m.result);
    };
    ws.onclose = () => {
      for (const p of this.pending.values()) p.fail(new Error('connection to the server closed'));
      this.pending.clear();
      this.opened = undefined;
      this.onClose?.();
    };
    return this.opened;
  }

  async call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    await this.connect();
    const id = ++this.seq;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.ws!.send(JSON.stringify({ id, method, params }));
    });
  }

  status(): Promise<StatusResult> { return this.call('status'); }
  load(path: string): Promise<LoadStatus> { return this.call('load', { path }); }
  files(dir: string): Promise<{ dir: string; entries: FileEntry[] }> { return this.call('files', { dir }); }
  frames(p: { skip: number; limit: number; filter: string; sort: ColumnId; desc: boolean }): Promise<FramesResult> { return this.call('frames', p); }
  frame(num: number, filter: string): Promise<FrameDetails> { return this.call('frame', { num, filter }); }
  check(filter: string): Promise<CheckResult> { return this.call('check', { filter }); }
  complete(prefix: string): Promise<{ fields: Completion[] }> { return this.call('complete', { prefix, limit: 30 }); }
  filter(filter: string): Promise<FilterResult> { return this.call('filter', { filter }); }
  stats<T>(spec: string): Promise<T> { return this.call('stats', { spec }); }
  follow(proto: 'tcp' | 'udp', stream: number): Promise<FollowData> { return this.call('follow', { proto, stream }); }
  story(stream: number, lang: string): Promise<StoryData> { return this.call('story', { stream, lang }); }
  properties(): Promise<Properties> { return this.call('properties'); }
  tcpGraph(stream: number, kind: TcpGraphKind, dir: 0 | 1): Promise<TcpGraphData> { return this.call('tcpgraph', { stream, kind, dir }); }
  interfaces(): Promise<{ interfaces: CaptureInterface[] }> { return this.call('interfaces'); }
  capture(iface: string, filter: string, snaplen: number): Promise<{ status: LoadStatus; live: LiveInfo }> { return this.call('capture', { iface, filter, snaplen }); }
  stop(): Promise<{ status: LoadStatus | undefined; live: LiveInfo | undefined }> { return this.call('stop'); }
  goto(num: number, filter: string, sort: ColumnId, desc: boolean): Promise<{ pos: number }> { return this.call('goto', { num, filter, sort, desc }); }

  downloadUrl(format: string, filter: string): string {
    const q = new URLSearchParams({ format, filter, token: this.token });
    return `/api/download?${q.toString()}`;
  }

  async upload(file: File): Promise<LoadStatus> {
    const r = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'X-Wirelens-Token': this.token, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    const j = await r.json() as { result?: LoadStatus; error?: { message: string } };
    if (!r.ok || !j.result) throw new Error(j.error?.message ?? `upload failed (${r.status})`);
    return j.result;
  }
}
