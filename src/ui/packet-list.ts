// The packet list: a virtualized table (only the visible rows exist in the DOM, reused while
// scrolling) over pages of rows fetched from the server. Works for millions of rows: past the
// browser's largest element height the scrollbar maps proportionally onto row indexes.
// All packet text goes through textContent.

import type { Api, ColorRule, ColumnId, Row } from './api.ts';
import { t, type Key } from './i18n.ts';

export const ROW_H = 20;
const PAGE = 200;
/** keep the spacer below Chromium's ~33.5M px element limit */
const MAX_PX = 16_000_000;

const COLS: { id: ColumnId; key: Key; cls: string }[] = [
  { id: 'no', key: 'colNo', cls: 'c-no' },
  { id: 'time', key: 'colTime', cls: 'c-time' },
  { id: 'src', key: 'colSrc', cls: 'c-src' },
  { id: 'dst', key: 'colDst', cls: 'c-dst' },
  { id: 'proto', key: 'colProto', cls: 'c-proto' },
  { id: 'len', key: 'colLen', cls: 'c-len' },
  { id: 'info', key: 'colInfo', cls: 'c-info' },
];

export interface ListView {
  filter: string;
  sort: ColumnId;
  desc: boolean;
}

export class PacketList {
  /** rows in the current view (displayed) */
  count = 0;
  total = 0;
  /** selected position in the view, -1 none */
  sel = -1;
  selNum = -1;
  view: ListView = { filter: '', sort: 'no', desc: false };
  colorize = true;
  colors: ColorRule[] = [];
  onSelect: ((num: number) => void) | undefined;
  onCounts: ((displayed: number, total: number) => void) | undefined;
  onError: ((msg: string) => void) | undefined;

  private pages = new Map<number, Row[]>();
  private inflight = new Map<number, Promise<void>>();
  /** bumped when the view changes: late pages of an old view are dropped */
  private gen = 0;
  private readonly pool: HTMLDivElement[] = [];
  private raf = 0;

  constructor(
    private readonly api: Api,
    private readonly head: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly spacer: HTMLElement,
    private readonly rowsEl: HTMLElement,
  ) {
    this.buildHead();
    scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(scroller);
    rowsEl.addEventListener('click', (e) => {
      const r = (e.target as HTMLElement).closest<HTMLElement>('.list-row');
      if (r?.dataset['pos'] !== undefined) this.select(Number(r.dataset['pos']));
    });
    scroller.addEventListener('keydown', (e) => this.key(e));
  }

  buildHead(): void {
    this.head.replaceChildren();
    for (const c of COLS) {
      const d = document.createElement('div');
      d.className = `cell ${c.cls}`;
      d.dataset['col'] = c.id;
      d.textContent = t(c.key) + (this.view.sort === c.id ? (this.view.desc ? ' ▾' : ' ▴') : '');
      d.addEventListener('click', () => {
        const desc = this.view.sort === c.id ? !this.view.desc : false;
        void this.setView({ ...this.view, sort: c.id, desc });
      });
      this.head.appendChild(d);
    }
  }

  /** Changes filter/sort; keeps the selected packet selected when it is still displayed. */
  async setView(v: ListView): Promise<void> {
    this.view = v;
    this.buildHead();
    this.reset();
    await this.refreshCounts();
    if (this.selNum > 0) {
      const { pos } = await this.api.goto(this.selNum, v.filter, v.sort, v.desc);
      if (pos >= 0) this.select(pos, false);
      else { this.sel = -1; this.render(); }
    } else this.render();
  }

  /** Drops every cached page (new capture, new view). */
  reset(): void {
    this.gen++;
    this.pages.clear();
    this.inflight.clear();
    this.sel = -1;
    this.scroller.scrollTop = 0;
  }

  /** Re-reads the counts (during a load the list grows) and refreshes incomplete pages. */
  async refreshCounts(): Promise<void> {
    const gen = this.gen;
    const r = await this.api.frames({ skip: 0, limit: PAGE, ...this.view });
    if (gen !== this.gen) return;
    this.count = r.displayed;
    this.total = r.total;
    this.pages.set(0, r.rows);
    // a partial last page may have grown
    for (const [k, rows] of this.pages) if (rows.length < PAGE && k !== 0) this.pages.delete(k);
    this.onCounts?.(this.count, this.total);
    this.render();
  }

  private schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => { this.raf = 0; this.render(); });
  }

  private get scaled(): boolean {
    return this.count * ROW_H > MAX_PX;
  }

  /** First visible row index and the pixel offset of the rows block. */
  private firstRow(): number {
    const st = this.scroller.scrollTop;
    if (!this.scaled) return Math.floor(st / ROW_H);
    const maxScroll = Math.max(1, MAX_PX - this.scroller.clientHeight);
    const visible = Math.floor(this.scroller.clientHeight / ROW_H);
    return Math.round((st / maxScroll) * Math.max(0, this.count - visible));
  }

  private scrollToRow(pos: number): void {
    const h = this.scroller.clientHeight;
    if (!this.scaled) {
      const top = pos * ROW_H;
      if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
      else if (top + ROW_H > this.scroller.scrollTop + h) this.scroller.scrollTop = top + ROW_H - h;
      return;
    }
    const first = this.firstRow();
    const visible = Math.floor(h / ROW_H);
    if (pos >= first && pos < first + visible) return;
    const maxScroll = Math.max(1, MAX_PX - h);
    const target = pos < first ? pos : pos - visible + 1;
    this.scroller.scrollTop = (target / Math.max(1, this.count - visible)) * maxScroll;
  }

  rowAt(pos: number): Row | undefined {
    return this.pages.get(Math.floor(pos / PAGE))?.[pos % PAGE];
  }

  private fetchPage(k: number): Promise<void> {
    const have = this.inflight.get(k);
    if (have) return have;
    const gen = this.gen;
    const p = this.api.frames({ skip: k * PAGE, limit: PAGE, ...this.view }).then((r) => {
      if (gen !== this.gen) return;
      this.pages.set(k, r.rows);
      this.inflight.delete(k);
      if (r.displayed !== this.count || r.total !== this.total) {
        this.count = r.displayed;
        this.total = r.total;
        this.onCounts?.(this.count, this.total);
      }
      this.schedule();
    }, (e: unknown) => {
      this.inflight.delete(k);
      if (gen === this.gen) this.onError?.(e instanceof Error ? e.message : String(e));
    });
    this.inflight.set(k, p);
    return p;
  }

  render(): void {
    const sc = this.scroller;
    this.spacer.style.height = `${Math.min(this.count * ROW_H, MAX_PX)}px`;
    const first = this.firstRow();
    const n = Math.min(Math.ceil(sc.clientHeight / ROW_H) + 1, Math.max(0, this.count - first));
    const offset = this.scaled ? sc.scrollTop : first * ROW_H;
    this.rowsEl.style.transform = `translateY(${offset}px)`;
    while (this.pool.length < n) {
      const r = document.createElement('div');
      r.className = 'list-row';
      for (const c of COLS) {
        const d = document.createElement('div');
        d.className = `cell ${c.cls}`;
        r.appendChild(d);
      }
      this.pool.push(r);
    }
    const kids = this.rowsEl.children;
    while (kids.length > n) this.rowsEl.lastChild!.remove();
    for (let i = 0; i < n; i++) {
      const el = this.pool[i]!;
      if (kids[i] !== el) this.rowsEl.appendChild(el);
      const pos = first + i;
      const row = this.rowAt(pos);
      el.dataset['pos'] = String(pos);
      const cells = el.children;
      if (!row) {
        void this.fetchPage(Math.floor(pos / PAGE));
        for (let c = 0; c < cells.length; c++) cells[c]!.textContent = c === 0 ? '…' : '';
        el.style.backgroundColor = '';
        el.style.color = '';
        el.classList.remove('selected');
        delete el.dataset['num'];
        continue;
      }
      el.dataset['num'] = String(row.no);
      cells[0]!.textContent = String(row.no);
      cells[1]!.textContent = row.time;
      cells[2]!.textContent = row.src;
      cells[3]!.textContent = row.dst;
      cells[4]!.textContent = row.proto;
      cells[5]!.textContent = String(row.len);
      cells[6]!.textContent = row.info;
      const col = this.colorize && row.color >= 0 ? this.colors[row.color] : undefined;
      el.style.backgroundColor = col?.bg ?? '';
      el.style.color = col?.fg ?? '';
      el.title = col ? col.name : '';
      el.classList.toggle('selected', pos === this.sel);
    }
  }

  /** Selects view position `pos` (scrolls it into view) and reports the packet. */
  select(pos: number, notify = true): void {
    if (this.count === 0) return;
    pos = Math.max(0, Math.min(this.count - 1, pos));
    this.sel = pos;
    this.scrollToRow(pos);
    this.render();
    const emit = (): void => {
      const row = this.rowAt(pos);
      if (!row || this.sel !== pos) return;
      this.selNum = row.no;
      if (notify) this.onSelect?.(row.no);
    };
    if (this.rowAt(pos)) emit();
    else void this.fetchPage(Math.floor(pos / PAGE)).then(emit);
  }

  /** Selects packet number `num` in the current view; false when it is not displayed. */
  async selectNumber(num: number): Promise<boolean> {
    const { pos } = await this.api.goto(num, this.view.filter, this.view.sort, this.view.desc);
    if (pos < 0) return false;
    this.select(pos);
    return true;
  }

  private key(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_H) - 1);
    let to: number | undefined;
    switch (e.key) {
      case 'ArrowDown': to = this.sel + 1; break;
      case 'ArrowUp': to = this.sel < 0 ? 0 : this.sel - 1; break;
      case 'PageDown': to = this.sel + page; break;
      case 'PageUp': to = this.sel - page; break;
      case 'Home': to = 0; break;
      case 'End': to = this.count - 1; break;
      default: return;
    }
    e.preventDefault();
    this.select(to);
  }
}
