// The Analyze panes' data, from the libraries that compute it (never re-implemented here):
//   stats       src/stats taps (conversations, endpoints, protocol hierarchy, expert info, IO
//               intervals) through src/node/stats-cmd.ts computeStats: one pass over the file
//   follow      the follow tap: a stream's payload both ways (bytes as hex, the UI renders
//               ASCII or hex)
//   story       src/explain: a TCP connection's explain text and its sequence diagram (SVG whose
//               arrows carry data-frame)
//   properties  capinfos-like facts of the open capture, from the session's index and header
//   tcpgraph    TCP stream graphs (src/stats/tcp-graph.ts): one pass collects the stream's segments,
//               each graph/direction is a series of that (memoized per stream)
// Results are memoized per capture and frame count (a live capture grows).

import { explainLang, storyOf } from './analyze-explain.js';
import { computeStats } from '../stats-cmd.js';
import { StatsSpecError, tapWant, type FollowResult, type TapClock } from '../../stats/index.js';
import { TcpGraphTap, tcpGraphSeries, type TcpGraphKind, type TcpGraphResult, type TcpGraphSeries } from '../../stats/tcp-graph.js';
import { runPipeline } from '../pipeline.js';
import type { CaptureSession } from './session.js';
import { ENCAP_BY_LINKTYPE } from '../../dissectors/frame.js';

function linktypeName(lt: number): string {
  return ENCAP_BY_LINKTYPE.get(lt)?.[1] ?? `link type ${lt}`;
}

/** Kinds of statistic the UI may ask for (the first words of a `-z` spec). */
const ALLOWED = /^(conv|endpoints),(eth|ip|ipv6|tcp|udp)(,|$)|^io,(phs|stat)(,|$)|^expert(,|$)/;

export class AnalyzeError extends Error {}

/** Waits for the first pass, except on a live capture still running (its frames so far count). */
async function settled(s: CaptureSession): Promise<void> {
  if (!(s.live && s.status().state === 'loading')) await s.ready();
}

export interface FollowData {
  proto: 'tcp' | 'udp';
  stream: number;
  node0: string;
  node1: string;
  /** the display filter selecting this stream */
  filter: string;
  segments: { dir: 0 | 1; frame: number; hex: string }[];
}

export interface TcpGraphData extends TcpGraphSeries {
  stream: number;
  kind: TcpGraphKind;
  dir: 0 | 1;
  node0: string;
  node1: string;
  /** segments sent by node 0 and by node 1 */
  segments: [number, number];
  filter: string;
}

export interface Properties {
  name: string;
  path: string;
  format: string;
  size: number;
  frames: number;
  bytes: number;
  capturedBytes: number;
  /** first/last packet time, seconds since the epoch (fractional); NaN when no packets */
  first: number;
  last: number;
  durationS: number;
  /** averages over the duration (0 when it is 0) */
  packetsPerS: number;
  bytesPerS: number;
  bitsPerS: number;
  avgPacketSize: number;
  interfaces: { name: string; description: string; linktype: string; snaplen: number; filter: string; os: string; tsResolution: number }[];
  comments: string[];
  application: string;
  os: string;
  hardware: string;
}

function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

export class Analyzer {
  private readonly memo = new WeakMap<CaptureSession, Map<string, unknown>>();

  private cached<T>(s: CaptureSession, key: string, fn: () => Promise<T>): Promise<T> {
    let m = this.memo.get(s);
    if (!m) this.memo.set(s, m = new Map());
    const k = `${s.frameCount}\u0000${key}`;
    const hit = m.get(k) as Promise<T> | undefined;
    if (hit) return hit;
    const p = fn();
    if (m.size >= 32) m.delete(m.keys().next().value!);
    m.set(k, p);
    p.catch(() => m!.delete(k));
    return p;
  }

  /** One statistic (`-z` spec of an allowed kind) as rows for the UI. */
  stats(s: CaptureSession, spec: string): Promise<unknown> {
    spec = spec.trim();
    if (!ALLOWED.test(spec)) throw new AnalyzeError(`unsupported statistic "${spec}"`);
    return this.cached(s, `stats\u0000${spec}`, async () => {
      await settled(s);
      try {
        const r = await computeStats(s.path, [spec]);
        return r.taps[0]!.result();
      } catch (e) {
        if (e instanceof StatsSpecError) throw new AnalyzeError(e.message);
        throw e;
      }
    });
  }

  /** The payload of TCP/UDP stream `stream`, both directions in order. */
  follow(s: CaptureSession, proto: 'tcp' | 'udp', stream: number): Promise<FollowData> {
    return this.cached(s, `follow\u0000${proto}\u0000${stream}`, async () => {
      await settled(s);
      const r = await computeStats(s.path, [`follow,${proto},raw,${stream}`]);
      const f = r.taps[0]!.result() as FollowResult;
      return {
        proto, stream, node0: f.node0, node1: f.node1, filter: `${proto}.stream eq ${stream}`,
        segments: f.segments.map((g) => ({ dir: g.dir, frame: g.frame, hex: hex(g.data) })),
      };
    });
  }

  /** All segments of TCP stream `stream` (both sides), for the stream graphs. */
  private tcpGraphData(s: CaptureSession, stream: number): Promise<TcpGraphResult> {
    return this.cached(s, `tcpgraph\u0000${stream}`, async () => {
      await settled(s);
      const tap = new TcpGraphTap(stream);
      const clock: TapClock = { firstSec: NaN, firstNsec: 0 };
      const n = s.frameCount;
      await runPipeline(s.path, { want: tapWant([tap]), cols: false }, (p, ctx) => {
        if (p.num > n) return false;
        clock.firstSec = ctx.clock.firstSec;
        clock.firstNsec = ctx.clock.firstNsec;
        tap.packet(p, clock);
        return true;
      });
      return tap.result();
    });
  }

  /** One TCP stream graph (`kind`) of data flowing in direction `dir` (0: the stream's first sender → its peer). */
  async tcpGraph(s: CaptureSession, stream: number, kind: TcpGraphKind, dir: 0 | 1): Promise<TcpGraphData> {
    const r = await this.tcpGraphData(s, stream);
    if (r.node0 === '') throw new AnalyzeError(`no TCP stream ${stream}`);
    return {
      stream, kind, dir, node0: r.node0, node1: r.node1,
      segments: [r.sides[0].frame.length, r.sides[1].frame.length],
      filter: `tcp.stream eq ${stream}`,
      ...tcpGraphSeries(r, kind, dir),
    };
  }

  /** The story of TCP connection `stream` (explain text + sequence diagram). */
  story(s: CaptureSession, stream: number, lang: string): Promise<unknown> {
    const L = explainLang(lang);
    if (!L) throw new AnalyzeError(`unknown language "${lang}"`);
    return this.cached(s, `story\u0000${stream}\u0000${lang}`, async () => {
      await settled(s);
      return storyOf(s.path, stream, L);
    });
  }

  /** capinfos-like facts of the capture. */
  properties(s: CaptureSession): Properties {
    const ix = s.index;
    const n = s.frameCount;
    let bytes = 0, cap = 0, first = NaN, last = NaN;
    for (let i = 0; i < n; i++) {
      bytes += ix.len[i]!;
      cap += ix.caplen[i]!;
      const t = ix.tsSec[i]! + ix.tsNsec[i]! / 1e9;
      if (Number.isNaN(first) || t < first) first = t;
      if (Number.isNaN(last) || t > last) last = t;
    }
    const dur = n > 0 ? Math.max(0, last - first) : 0;
    const meta = s.captureMeta;
    const st = s.status();
    return {
      name: s.name, path: s.path, format: meta?.format ?? st.format, size: st.size || st.bytesRead,
      frames: n, bytes, capturedBytes: cap, first, last, durationS: dur,
      packetsPerS: dur > 0 ? n / dur : 0, bytesPerS: dur > 0 ? bytes / dur : 0, bitsPerS: dur > 0 ? (8 * bytes) / dur : 0,
      avgPacketSize: n > 0 ? bytes / n : 0,
      interfaces: (meta?.interfaces ?? []).map((i) => ({
        name: i.name ?? '', description: i.description ?? '', linktype: linktypeName(i.linktype), snaplen: i.snaplen,
        filter: i.filter ?? '', os: i.os ?? '', tsResolution: i.tsUnitsPerSec,
      })),
      comments: meta?.shbComments ?? [],
      application: meta?.shbUserAppl ?? '', os: meta?.shbOs ?? '', hardware: meta?.shbHardware ?? '',
    };
  }
}
