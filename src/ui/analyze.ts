// The Analyze panes: Follow TCP/UDP stream, the connection's story (explain text + sequence
// diagram, arrows clickable to their packet), Expert information, Conversations, Endpoints,
// Protocol hierarchy, I/O graph (uPlot) and capture file properties. The data comes from the
// server (src/stats, src/explain through src/node/server/analyze.ts); this module only shows it.
// Packet text goes through textContent; the diagram's SVG is parsed as XML and rebuilt from an
// allow-list of elements and attributes (no scripts, handlers, links or styles survive).

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Api, ConvRow, EndpointRow, ExpertRow, FollowData, FrameDetails, IoStatResult, PhsNode, Properties, StoryData, TcpGraphData, TcpGraphKind, TreeNode } from './api.ts';
import { getLang, t, type Key } from './i18n.ts';

export type PaneKind = 'followTcp' | 'followUdp' | 'story' | 'tcpGraph' | 'expert' | 'conversations' | 'endpoints' | 'protoHier' | 'ioGraph' | 'properties';

export const PANES: PaneKind[] = ['followTcp', 'followUdp', 'story', 'tcpGraph', 'expert', 'conversations', 'endpoints', 'protoHier', 'ioGraph', 'properties'];

export interface AnalyzeHost {
  api: Api;
  /** the details of the selected packet, if any */
  selected(): FrameDetails | undefined;
  /** selects packet `num` in the list (false when it is not displayed) */
  selectFrame(num: number): Promise<boolean>;
  /** applies a display filter */
  applyFilter(text: string): void;
  /** the current display filter */
  currentFilter(): string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
}

/** Value of the first node of field `f` in a details tree. */
export function fieldValue(nodes: readonly TreeNode[] | undefined, f: string): string | undefined {
  for (const n of nodes ?? []) {
    if (n.f === f) return n.v;
    const k = fieldValue(n.k, f);
    if (k !== undefined) return k;
  }
  return undefined;
}

function hexToBytes(h: string): Uint8Array {
  const b = new Uint8Array(h.length >> 1);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(h.substr(i * 2, 2), 16);
  return b;
}

/** Printable ASCII, '.' for other bytes; newlines and tabs kept, CR dropped before LF. */
export function asciiText(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 13 && b[i + 1] === 10) continue;
    s += c === 10 || c === 9 ? String.fromCharCode(c) : c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
  }
  return s;
}

/** A hex dump (offset, 16 bytes, ASCII) starting at `base`. */
export function hexDump(b: Uint8Array, base: number): string {
  const lines: string[] = [];
  for (let o = 0; o < b.length; o += 16) {
    let hx = '', as = '';
    for (let i = 0; i < 16; i++) {
      const c = b[o + i];
      hx += c === undefined ? '   ' : (c < 16 ? '0' : '') + c.toString(16) + ' ';
      if (i === 7) hx += ' ';
      if (c !== undefined) as += c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
    }
    lines.push(`${(base + o).toString(16).padStart(8, '0')}  ${hx} ${as}`);
  }
  return lines.join('\n');
}

function fmtNum(n: number): string {
  return n.toLocaleString('en-US');
}

function fmtBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} bytes`;
}

function sec(ns: number): string {
  return (ns / 1e9).toFixed(6);
}

// ---- safe SVG ----

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'line', 'path', 'text', 'tspan', 'title', 'rect', 'circle', 'polygon', 'polyline', 'defs', 'marker']);
const SVG_ATTRS = new Set(['x', 'y', 'x1', 'y1', 'x2', 'y2', 'd', 'cx', 'cy', 'r', 'width', 'height', 'viewBox', 'points', 'fill', 'stroke',
  'stroke-width', 'stroke-dasharray', 'text-anchor', 'font-family', 'font-size', 'font-weight', 'class', 'id', 'data-frame',
  'marker-end', 'marker-start', 'refX', 'refY', 'markerWidth', 'markerHeight', 'orient', 'transform', 'dominant-baseline']);

/** Rebuilds an SVG document from the allow-list: text stays text, url(#id) references only. */
export function safeSvg(text: string): SVGSVGElement | undefined {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return undefined;
  const copy = (src: Element): Element | undefined => {
    if (!SVG_TAGS.has(src.nodeName)) return undefined;
    const out = document.createElementNS(SVG_NS, src.nodeName);
    for (const a of Array.from(src.attributes)) {
      if (!SVG_ATTRS.has(a.name)) continue;
      if (/url\(/i.test(a.value) && !/^url\(#[A-Za-z0-9_-]+\)$/.test(a.value)) continue;
      out.setAttribute(a.name, a.value);
    }
    for (const c of Array.from(src.childNodes)) {
      if (c.nodeType === 3) out.appendChild(document.createTextNode(c.textContent ?? ''));
      else if (c.nodeType === 1) {
        const k = copy(c as Element);
        if (k) out.appendChild(k);
      }
    }
    return out;
  };
  return copy(root) as SVGSVGElement | undefined;
}

// ---- tables ----

interface Col<R> { title: string; get: (r: R) => string | number; num?: boolean }

/** A sortable table; clicking a row calls onRow. */
function table<R>(cols: Col<R>[], rows: R[], onRow?: (r: R) => void, rowTitle?: (r: R) => string): HTMLTableElement {
  const tbl = el('table', undefined, 'an-table');
  const head = el('tr');
  let sortCol = -1, desc = false;
  const body = el('tbody');
  const fill = (): void => {
    const sorted = sortCol < 0 ? rows : [...rows].sort((a, b) => {
      const x = cols[sortCol]!.get(a), y = cols[sortCol]!.get(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      return desc ? -c : c;
    });
    body.replaceChildren();
    for (const r of sorted) {
      const tr = el('tr');
      for (const c of cols) {
        const v = c.get(r);
        tr.appendChild(el('td', typeof v === 'number' ? fmtNum(v) : v, c.num ? 'num' : ''));
      }
      if (rowTitle) tr.title = rowTitle(r);
      if (onRow) {
        tr.classList.add('click');
        tr.addEventListener('click', () => onRow(r));
      }
      body.appendChild(tr);
    }
  };
  cols.forEach((c, i) => {
    const th = el('th', c.title, c.num ? 'num' : '');
    th.addEventListener('click', () => {
      desc = sortCol === i ? !desc : c.num === true;
      sortCol = i;
      fill();
    });
    head.appendChild(th);
  });
  const thead = el('thead');
  thead.appendChild(head);
  tbl.append(thead, body);
  fill();
  return tbl;
}

const ADDR_TYPES = ['eth', 'ip', 'ipv6', 'tcp', 'udp'] as const;

export class AnalyzePanel {
  private readonly dlg = byId<HTMLDialogElement>('an-dlg');
  private readonly title = byId('an-title');
  private readonly tools = byId('an-tools');
  private readonly body = byId('an-body');
  private readonly menu = byId<HTMLUListElement>('an-menu');
  private seq = 0;
  private plot: uPlot | undefined;
  kind: PaneKind | undefined;

  constructor(private readonly host: AnalyzeHost) {
    byId('an-close').addEventListener('click', () => this.close());
    const btn = byId('btn-analyze');
    btn.addEventListener('click', () => {
      this.buildMenu();
      const r = btn.getBoundingClientRect();
      this.menu.style.left = `${r.left}px`;
      this.menu.style.top = `${r.bottom + 2}px`;
      this.menu.hidden = !this.menu.hidden;
    });
    document.addEventListener('mousedown', (e) => {
      if (!this.menu.contains(e.target as Node) && e.target !== btn) this.menu.hidden = true;
    });
  }

  private buildMenu(): void {
    this.menu.replaceChildren();
    for (const k of PANES) {
      const li = el('li', t(k));
      li.dataset['pane'] = k;
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.menu.hidden = true;
        void this.open(k);
      });
      this.menu.appendChild(li);
    }
  }

  close(): void {
    this.seq++;
    this.plot?.destroy();
    this.plot = undefined;
    this.kind = undefined;
    this.dlg.close();
  }

  /** Opens pane `kind` (replacing the one shown). */
  async open(kind: PaneKind): Promise<void> {
    const seq = ++this.seq;
    this.plot?.destroy();
    this.plot = undefined;
    this.kind = kind;
    this.title.textContent = t(kind);
    this.tools.replaceChildren();
    this.body.replaceChildren(el('div', '…', 'empty'));
    this.dlg.dataset['pane'] = kind;
    delete this.dlg.dataset['ready'];
    if (!this.dlg.open) this.dlg.show();
    try {
      await this.render(kind, () => seq === this.seq);
      if (seq === this.seq) this.dlg.dataset['ready'] = '1';
    } catch (e) {
      if (seq === this.seq) this.body.replaceChildren(el('div', e instanceof Error ? e.message : String(e), 'empty bad'));
    }
  }

  private async render(kind: PaneKind, live: () => boolean): Promise<void> {
    switch (kind) {
      case 'followTcp': case 'followUdp': return this.follow(kind === 'followTcp' ? 'tcp' : 'udp', live);
      case 'story': return this.story(live);
      case 'tcpGraph': return this.tcpGraph(live);
      case 'expert': return this.expert(live);
      case 'conversations': return this.addrTabs('conv', live);
      case 'endpoints': return this.addrTabs('endpoints', live);
      case 'protoHier': return this.phs(live);
      case 'ioGraph': return this.io(live);
      case 'properties': return this.properties(live);
    }
  }

  private streamOf(proto: 'tcp' | 'udp'): number | undefined {
    const v = fieldValue(this.host.selected()?.tree, `${proto}.stream`);
    return v === undefined || !/^\d+$/.test(v) ? undefined : Number(v);
  }

  private frameLink(num: number, text: string): HTMLElement {
    const a = el('span', text, 'frame-link');
    a.dataset['frame'] = String(num);
    a.addEventListener('click', () => void this.host.selectFrame(num));
    return a;
  }

  // ---- follow stream ----

  private async follow(proto: 'tcp' | 'udp', live: () => boolean): Promise<void> {
    const stream = this.streamOf(proto);
    if (stream === undefined) throw new Error(t('selectPacket').replace('TCP', proto.toUpperCase()).replace('TCP 或 UDP', proto.toUpperCase()));
    const f: FollowData = await this.host.api.follow(proto, stream);
    if (!live()) return;
    this.title.textContent = `${t(proto === 'tcp' ? 'followTcp' : 'followUdp')} (${f.filter})`;
    const mode = el('select');
    mode.id = 'an-follow-mode';
    for (const m of ['ascii', 'hex']) {
      const o = el('option', m === 'ascii' ? 'ASCII' : t('hexDump'));
      o.value = m;
      mode.appendChild(o);
    }
    const out = el('button', t('filterOut'));
    out.id = 'an-filter-out';
    out.addEventListener('click', () => this.host.applyFilter(`!(${f.filter})`));
    const only = el('button', f.filter);
    only.id = 'an-filter-stream';
    only.addEventListener('click', () => this.host.applyFilter(f.filter));
    const n0 = f.segments.filter((s) => s.dir === 0).reduce((n, s) => n + s.hex.length / 2, 0);
    const n1 = f.segments.filter((s) => s.dir === 1).reduce((n, s) => n + s.hex.length / 2, 0);
    const legend = el('span', '', 'legend');
    legend.append(el('span', `${f.node0} → ${f.node1} (${fmtNum(n0)} B)`, 'dir0'), ' ', el('span', `${f.node1} → ${f.node0} (${fmtNum(n1)} B)`, 'dir1'));
    this.tools.append(el('label', `${t('showAs')} `), mode, out, only, legend);
    const pre = el('pre', undefined, 'follow');
    const draw = (): void => {
      pre.replaceChildren();
      const off = [0, 0];
      for (const s of f.segments) {
        const b = hexToBytes(s.hex);
        const span = el('span', mode.value === 'hex' ? hexDump(b, off[s.dir]!) + '\n' : asciiText(b), `dir${s.dir}`);
        off[s.dir]! += b.length;
        span.dataset['frame'] = String(s.frame);
        span.title = `#${s.frame}`;
        span.addEventListener('click', () => void this.host.selectFrame(s.frame));
        pre.appendChild(span);
      }
    };
    mode.addEventListener('change', draw);
    draw();
    this.body.replaceChildren(pre);
  }

  // ---- the connection's story ----

  private async story(live: () => boolean): Promise<void> {
    const stream = this.streamOf('tcp');
    if (stream === undefined) throw new Error(t('selectPacket'));
    const d: StoryData = await this.host.api.story(stream, getLang());
    if (!live()) return;
    this.title.textContent = `${t('story')} (tcp.stream eq ${stream})`;
    if (!d.story) throw new Error(d.error ?? 'no story');
    const text = el('div', undefined, 'story-text');
    for (const h of d.story.header) text.appendChild(el('div', h, 'story-head'));
    for (const sec of d.story.sections) {
      text.appendChild(el('h4', sec.title));
      for (const line of sec.lines) {
        const div = el('div', undefined, 'story-line');
        const [head, ...more] = line.text;
        const hd = el('div', head ?? '', 'story-line-head');
        if (line.frames.length) {
          hd.classList.add('click');
          hd.dataset['frame'] = String(line.frames[0]);
          hd.addEventListener('click', () => void this.host.selectFrame(line.frames[0]!));
        }
        div.appendChild(hd);
        for (const m of more) div.appendChild(el('div', m, 'story-more'));
        text.appendChild(div);
      }
    }
    const diagram = el('div', undefined, 'story-svg');
    const svg = safeSvg(d.svg);
    if (svg) {
      // a wide transparent copy of each arrow: easy to hit with the mouse
      for (const line of svg.querySelectorAll('.seg > line')) {
        const hit = line.cloneNode(false) as Element;
        hit.removeAttribute('marker-end');
        hit.setAttribute('class', 'hit');
        line.after(hit);
      }
      svg.addEventListener('click', (e) => {
        const g = (e.target as Element).closest('[data-frame]');
        const n = Number(g?.getAttribute('data-frame'));
        if (n > 0) {
          for (const s of svg.querySelectorAll('.seg.sel')) s.classList.remove('sel');
          g!.classList.add('sel');
          void this.host.selectFrame(n);
        }
      });
      diagram.appendChild(svg);
    }
    const wrap = el('div', undefined, 'story');
    wrap.append(diagram, text);
    this.body.replaceChildren(wrap);
  }

  // ---- TCP stream graphs ----

  private async tcpGraph(live: () => boolean): Promise<void> {
    const stream = this.streamOf('tcp');
    if (stream === undefined) throw new Error(t('selectPacket'));
    // the selected packet's sender: its direction is shown first
    const sel = this.host.selected()?.tree;
    const src = fieldValue(sel, 'ip.src') ?? fieldValue(sel, 'ipv6.src') ?? '';
    const sport = fieldValue(sel, 'tcp.srcport') ?? '';
    const kinds: [TcpGraphKind, Key][] = [['stevens', 'tgStevens'], ['throughput', 'tgThroughput'], ['rtt', 'tgRtt'], ['window', 'tgWindow']];
    const kind = el('select');
    kind.id = 'an-tg-kind';
    for (const [k, label] of kinds) {
      const o = el('option', t(label));
      o.value = k;
      kind.appendChild(o);
    }
    const flip = el('button', t('tgSwitch'));
    flip.id = 'an-tg-dir';
    const dirText = el('span', '', 'legend');
    const only = el('button', `tcp.stream eq ${stream}`);
    only.addEventListener('click', () => this.host.applyFilter(`tcp.stream eq ${stream}`));
    this.tools.append(el('label', `${t('tgGraph')} `), kind, ' ', flip, ' ', dirText, ' ', only);
    const chart = el('div', undefined, 'io-chart tg-chart');
    chart.id = 'an-tg-chart';
    const info = el('div', '', 'io-info');
    this.body.replaceChildren(chart, info);
    let dir: 0 | 1 = 0;
    let first = true;
    const draw = async (): Promise<void> => {
      const k = kind.value as TcpGraphKind;
      let g: TcpGraphData = await this.host.api.tcpGraph(stream, k, dir);
      if (first) {
        first = false;
        const br = src.includes(':') ? `[${src}]` : src;
        if (`${br}:${sport}` === g.node1) {
          dir = 1;
          g = await this.host.api.tcpGraph(stream, k, dir);
        }
      }
      if (!live()) return;
      const from = dir === 0 ? g.node0 : g.node1, to = dir === 0 ? g.node1 : g.node0;
      dirText.textContent = `${from} → ${to}`;
      this.title.textContent = `${t('tcpGraph')}: ${t(kinds.find((x) => x[0] === k)![1])} (tcp.stream eq ${stream})`;
      const yLabel: Record<TcpGraphKind, Key> = { stevens: 'tgSeq', throughput: 'tgBits', rtt: 'tgRttMs', window: 'tgBytes' };
      const seriesLabel: Record<string, Key> = {
        'tcp.seq': 'tgSeq', throughput: 'tgBits', 'tcp.len': 'tgSegLen', 'tcp.analysis.ack_rtt': 'tgRttMs',
        'tcp.analysis.bytes_in_flight': 'tgBif', 'tcp.window_size': 'tgRwin',
      };
      const colors = ['#1f77b4', '#d62728', '#2ca02c'];
      // points only, except the throughput average and the receive window (lines, as Wireshark draws them)
      const line = (name: string): boolean => name === 'throughput' || name === 'tcp.window_size';
      this.plot?.destroy();
      const segLenScale = k === 'throughput';
      this.plot = new uPlot({
        width: Math.max(300, chart.clientWidth || this.body.clientWidth - 20),
        height: 340,
        scales: { x: { time: false }, ...(segLenScale ? { len: { auto: true } } : {}) },
        axes: [{ label: t('timeS') }, { label: t(yLabel[k]), size: 70 }, ...(segLenScale ? [{ scale: 'len', side: 1, label: t('tgSegLen'), grid: { show: false }, size: 60 }] : [])],
        series: [{ label: t('timeS'), value: (_u: uPlot, v: number | null) => (v === null ? '' : v.toFixed(6)) },
          ...g.ys.map((y, i) => ({
            label: t(seriesLabel[y.name] ?? 'tgBytes'),
            stroke: colors[i % colors.length]!,
            width: line(y.name) ? 1.5 : 0,
            ...(y.name === 'tcp.len' ? { scale: 'len' } : {}),
            ...(line(y.name) ? { spanGaps: true } : { paths: () => null }),
            points: { show: !line(y.name) || g.x.length < 60, size: 5, fill: colors[i % colors.length]! },
          }))],
      }, [g.x, ...g.ys.map((y) => y.values)], chart);
      // clicking a point selects its packet (the x index nearest the cursor)
      const u = this.plot;
      u.over.addEventListener('click', () => {
        const i = u.cursor.idx;
        if (i !== null && i !== undefined && g.frames[i] !== undefined) {
          chart.dataset['clicked'] = String(g.frames[i]);
          void this.host.selectFrame(g.frames[i]!);
        }
      });
      chart.dataset['points'] = String(g.x.length);
      chart.dataset['kind'] = k;
      chart.dataset['dir'] = String(dir);
      chart.dataset['frames'] = g.frames.slice(0, 2000).join(',');
      info.textContent = `${fmtNum(g.x.length)} ${t('tgPoints')} · ${g.node0}: ${fmtNum(g.segments[0])} / ${g.node1}: ${fmtNum(g.segments[1])} · ${t('tgClick')}`;
    };
    const run = (): void => {
      delete this.dlg.dataset['ready'];
      void draw().then(() => { if (live()) this.dlg.dataset['ready'] = '1'; })
        .catch((e: unknown) => { info.textContent = e instanceof Error ? e.message : String(e); info.classList.add('bad'); });
    };
    kind.addEventListener('change', run);
    flip.addEventListener('click', () => { dir = dir === 0 ? 1 : 0; run(); });
    await draw();
  }

  // ---- statistics ----

  private async expert(live: () => boolean): Promise<void> {
    const r = await this.host.api.stats<{ rows: ExpertRow[] }>('expert');
    if (!live()) return;
    const counts = new Map<string, number>();
    for (const row of r.rows) counts.set(row.severity, (counts.get(row.severity) ?? 0) + row.count);
    this.tools.append(el('span', Array.from(counts, ([k, n]) => `${k}: ${n}`).join(' · ')));
    this.body.replaceChildren(table<ExpertRow>([
      { title: t('hSeverity'), get: (x) => x.severity },
      { title: t('hGroup'), get: (x) => x.group },
      { title: t('hProtocol'), get: (x) => x.protocol },
      { title: t('hSummary'), get: (x) => x.summary },
      { title: t('hCount'), get: (x) => x.count, num: true },
      { title: t('hFrames'), get: (x) => x.frames.slice(0, 8).join(', ') + (x.frames.length > 8 ? ' …' : '') },
    ], r.rows, (x) => void this.host.selectFrame(x.frames[0]!), (x) => x.frames.join(', ')));
    for (const tr of this.body.querySelectorAll('tbody tr')) tr.classList.add(`sev-${tr.firstElementChild?.textContent ?? ''}`);
  }

  private async addrTabs(kind: 'conv' | 'endpoints', live: () => boolean): Promise<void> {
    const tabs = el('span', undefined, 'tabs');
    const show = async (type: typeof ADDR_TYPES[number]): Promise<void> => {
      for (const b of tabs.children) b.classList.toggle('active', (b as HTMLElement).dataset['type'] === type);
      this.body.replaceChildren(el('div', '…', 'empty'));
      const r = await this.host.api.stats<{ rows: (ConvRow | EndpointRow)[] }>(`${kind},${type}`);
      if (!live()) return;
      const ports = type === 'tcp' || type === 'udp';
      const af = type === 'ip' ? 'ip.addr' : type === 'ipv6' ? 'ipv6.addr' : type === 'eth' ? 'eth.addr' : 'ip.addr';
      const hostPort = (s: string): [string, string] => {
        const i = s.lastIndexOf(':');
        return ports && i > 0 ? [s.slice(0, i).replace(/^\[|\]$/g, ''), s.slice(i + 1)] : [s, ''];
      };
      const addrFilter = (h: string): string => `${h.includes(':') && type !== 'eth' ? 'ipv6.addr' : af} == ${h}`;
      if (kind === 'conv') {
        const rows = r.rows as ConvRow[];
        this.body.replaceChildren(table<ConvRow>([
          { title: t('hAddressA'), get: (x) => x.a }, { title: t('hAddressB'), get: (x) => x.b },
          { title: t('hPackets'), get: (x) => x.frames, num: true }, { title: t('hBytes'), get: (x) => x.bytes, num: true },
          { title: t('hPacketsAB'), get: (x) => x.framesAB, num: true }, { title: t('hBytesAB'), get: (x) => x.bytesAB, num: true },
          { title: t('hPacketsBA'), get: (x) => x.framesBA, num: true }, { title: t('hBytesBA'), get: (x) => x.bytesBA, num: true },
          { title: t('hRelStart'), get: (x) => sec(x.startNs) }, { title: t('hDuration'), get: (x) => sec(x.durationNs) },
        ], rows, (x) => {
          const [ha, pa] = hostPort(x.a), [hb, pb] = hostPort(x.b);
          let f = `${addrFilter(ha)} && ${addrFilter(hb)}`;
          if (ports) f += ` && ${type}.port == ${pa} && ${type}.port == ${pb}`;
          this.host.applyFilter(f);
        }));
      } else {
        const rows = r.rows as EndpointRow[];
        this.body.replaceChildren(table<EndpointRow>([
          { title: t('hAddress'), get: (x) => x.address }, ...(ports ? [{ title: t('hPort'), get: (x: EndpointRow) => x.port ?? '', num: true }] : []),
          { title: t('hPackets'), get: (x) => x.packets, num: true }, { title: t('hBytes'), get: (x) => x.bytes, num: true },
          { title: t('hTxPackets'), get: (x) => x.txPackets, num: true }, { title: t('hTxBytes'), get: (x) => x.txBytes, num: true },
          { title: t('hRxPackets'), get: (x) => x.rxPackets, num: true }, { title: t('hRxBytes'), get: (x) => x.rxBytes, num: true },
        ], rows, (x) => this.host.applyFilter(addrFilter(x.address) + (ports && x.port !== undefined ? ` && ${type}.port == ${x.port}` : ''))));
      }
      this.body.dataset['type'] = type;
    };
    for (const ty of ADDR_TYPES) {
      const b = el('button', { eth: 'Ethernet', ip: 'IPv4', ipv6: 'IPv6', tcp: 'TCP', udp: 'UDP' }[ty]);
      b.dataset['type'] = ty;
      b.addEventListener('click', () => void show(ty).catch((e: unknown) => this.body.replaceChildren(el('div', String(e), 'empty bad'))));
      tabs.appendChild(b);
    }
    this.tools.append(tabs);
    await show(kind === 'conv' ? 'tcp' : 'ip');
  }

  private async phs(live: () => boolean): Promise<void> {
    const r = await this.host.api.stats<{ roots: PhsNode[] }>('io,phs');
    if (!live()) return;
    const total = r.roots.reduce((n, x) => n + x.frames, 0) || 1;
    const totalBytes = r.roots.reduce((n, x) => n + x.bytes, 0) || 1;
    const flat: { depth: number; n: PhsNode }[] = [];
    const walk = (ns: PhsNode[], d: number): void => { for (const n of ns) { flat.push({ depth: d, n }); walk(n.children, d + 1); } };
    walk(r.roots, 0);
    const tbl = el('table', undefined, 'an-table');
    const head = el('tr');
    for (const h of ['hProtocol', 'hPctPackets', 'hPackets', 'hPctBytes', 'hBytes'] as const) head.appendChild(el('th', t(h), h === 'hProtocol' ? '' : 'num'));
    const thead = el('thead');
    thead.appendChild(head);
    const body = el('tbody');
    for (const { depth, n } of flat) {
      const tr = el('tr', undefined, 'click');
      const name = el('td', n.proto);
      name.style.paddingLeft = `${6 + depth * 16}px`;
      const pct = (100 * n.frames) / total;
      const bar = el('td', `${pct.toFixed(1)}%`, 'num pct');
      bar.style.setProperty('--pct', `${pct}%`);
      tr.append(name, bar, el('td', fmtNum(n.frames), 'num'), el('td', `${((100 * n.bytes) / totalBytes).toFixed(1)}%`, 'num'), el('td', fmtNum(n.bytes), 'num'));
      tr.addEventListener('click', () => this.host.applyFilter(n.proto));
      body.appendChild(tr);
    }
    tbl.append(thead, body);
    this.body.replaceChildren(tbl);
  }

  private async io(live: () => boolean): Promise<void> {
    const interval = el('input');
    interval.id = 'an-io-interval';
    interval.value = '1';
    interval.size = 6;
    const filter = el('input');
    filter.id = 'an-io-filter';
    filter.placeholder = t('ioFilterPlaceholder');
    filter.value = this.host.currentFilter();
    filter.size = 40;
    const unit = el('select');
    unit.id = 'an-io-unit';
    for (const [v, l] of [['frames', t('hPackets')], ['bytes', t('hBytes')]]) {
      const o = el('option', l);
      o.value = v!;
      unit.appendChild(o);
    }
    const go = el('button', t('apply'));
    go.id = 'an-io-apply';
    this.tools.append(el('label', `${t('interval')} `), interval, ' ', filter, ' ', unit, ' ', go);
    const chart = el('div', undefined, 'io-chart');
    const info = el('div', '', 'io-info');
    this.body.replaceChildren(chart, info);
    const draw = async (): Promise<void> => {
      const iv = interval.value.trim();
      if (!/^\d*\.?\d+$/.test(iv) || Number(iv) <= 0) throw new Error(`${t('interval')}: ${iv}`);
      const f = filter.value.trim();
      // in parentheses: the spec splits at commas outside them
      const spec = f ? `io,stat,${iv},,(${f})` : `io,stat,${iv}`;
      const r = await this.host.api.stats<IoStatResult>(spec);
      if (!live()) return;
      const xs = r.rows.map((row) => row.startNs / 1e9);
      const series = r.columns.map((c, k) => r.rows.map((row) => (unit.value === 'bytes' ? row.cells[k]!.bytes : row.cells[k]!.frames)));
      const names = r.columns.map((c) => c.text.replace(/^\((.*)\)$/, '$1') || t('ioAllPackets'));
      const colors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
      this.plot?.destroy();
      this.plot = new uPlot({
        width: Math.max(300, chart.clientWidth || this.body.clientWidth - 20),
        height: 300,
        scales: { x: { time: false } },
        axes: [{ label: t('timeS') }, { label: t(unit.value === 'bytes' ? 'hBytes' : 'hPackets') }],
        series: [{ label: t('timeS') }, ...names.map((n, k) => ({ label: n, stroke: colors[k % colors.length]!, width: 1.5, points: { show: xs.length < 120 } }))],
      }, [xs, ...series], chart);
      const total = series.map((s) => s.reduce((a, b) => a + b, 0));
      info.textContent = `${r.rows.length} ${t('ioIntervals')} ${iv} s · ${names.map((n, k) => `${n}: ${fmtNum(total[k]!)}`).join(' · ')}`;
      chart.dataset['points'] = String(xs.length);
      chart.dataset['total'] = total.join(',');
    };
    const run = (): void => { void draw().catch((e: unknown) => { info.textContent = e instanceof Error ? e.message : String(e); info.classList.add('bad'); }); };
    go.addEventListener('click', run);
    filter.addEventListener('keydown', (e) => { if (e.key === 'Enter') run(); });
    unit.addEventListener('change', run);
    await draw();
  }

  private async properties(live: () => boolean): Promise<void> {
    const p: Properties = await this.host.api.properties();
    if (!live()) return;
    const when = (s: number | null): string => (s === null ? 'n/a' : new Date(s * 1000).toISOString().replace('T', ' ').replace('Z', ' UTC'));
    const rows: [string, string][] = [
      [t('pFileName'), p.path], [t('pFileFormat'), p.format], [t('pFileSize'), fmtBytes(p.size)],
      [t('pPackets'), fmtNum(p.frames)], [t('pDataSize'), `${fmtNum(p.bytes)} ${t('bytes')}`], [t('pCapSize'), `${fmtNum(p.capturedBytes)} ${t('bytes')}`],
      [t('pFirst'), when(p.first)], [t('pLast'), when(p.last)], [t('pDuration'), `${p.durationS.toFixed(6)} ${t('seconds')}`],
      [t('pByteRate'), `${p.bytesPerS.toFixed(2)} bytes/s`], [t('pBitRate'), `${p.bitsPerS.toFixed(2)} bits/s`],
      [t('pAvgSize'), `${p.avgPacketSize.toFixed(2)} ${t('bytes')}`], [t('pAvgRate'), `${p.packetsPerS.toFixed(2)} packets/s`],
    ];
    if (p.application) rows.push([t('pApp'), p.application]);
    if (p.os) rows.push([t('pOs'), p.os]);
    if (p.hardware) rows.push([t('pHw'), p.hardware]);
    p.interfaces.forEach((i, k) => rows.push([`${t('pIface')} #${k}`, `${i.name || '(unnamed)'}${i.description ? ` (${i.description})` : ''} · ${i.linktype} · snaplen ${i.snaplen}${i.filter ? ` · filter "${i.filter}"` : ''}`]));
    for (const c of p.comments) rows.push([t('pComment'), c]);
    const tbl = el('table', undefined, 'an-table props');
    const body = el('tbody');
    for (const [k, v] of rows) {
      const tr = el('tr');
      tr.append(el('th', k), el('td', v));
      body.appendChild(tr);
    }
    tbl.appendChild(body);
    this.body.replaceChildren(tbl);
  }
}

/** The title of pane `k` (the i18n keys are the pane names). */
export function paneTitle(k: PaneKind): string {
  return t(k as Key);
}
