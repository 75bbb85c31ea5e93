// wirelens in the browser: Wireshark's three panes (packet list, details, bytes), the display
// filter bar, status bar, open/save, colouring toggle, English/中文. Extension points for the
// Analyze panes to come (follow stream, TCP story, statistics, IO graphs): `panels` below.

import { Api, type FrameDetails, type LoadStatus, type TreeNode } from './api.ts';
import { CapturePanel } from './capture.ts';
import { AnalyzePanel } from './analyze.ts';
import { DetailsPane } from './details.ts';
import { FilterBar } from './filter-bar.ts';
import { applyStatic, getLang, setLang, t, type Key } from './i18n.ts';
import { PacketList } from './packet-list.ts';

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

const api = new Api();
const list = new PacketList(api, $('list-head'), $('list-scroll'), $('list-spacer'), $('list-rows'));
const details = new DetailsPane($('tree'), $('bytes-tabs'), $('bytes'));
const bar = new FilterBar(api, $<HTMLInputElement>('filter'), $('filter-msg'), $<HTMLUListElement>('complete'), $<HTMLUListElement>('recent'), $('btn-recent'));

/** Panels added later (Analyze menu: follow stream, statistics …) register here. */
export const panels = new Map<string, { title: Key; open(): void }>();

let status: LoadStatus | undefined;
let lastFilterMs = -1;
let frameSeq = 0;

// ---- status bar ----

function fmtBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

function renderStatus(): void {
  const s = status;
  $('st-file').textContent = s ? s.name : t('noCapture');
  const load = $('st-load');
  if (!s) load.textContent = '';
  else if (s.live && s.state === 'loading') load.textContent = `${t('capturing')} ${capture.info?.iface ?? ''} (${capture.info?.tool ?? ''})`;
  else if (s.live && s.state !== 'idle') load.textContent = `${t('captureDone')}${capture.info?.summary ? ` · ${capture.info.summary}` : ''}${s.error ? ` · ${s.error}` : ''}`;
  else if (s.state === 'loading') {
    const pct = s.size ? Math.floor((100 * s.bytesRead) / s.size) : 0;
    load.textContent = `${t('loading')} ${pct}% · ${fmtBytes(s.bytesRead)}`;
  } else if (s.state === 'error' && s.frames === 0) load.textContent = `${t('error')}: ${s.error ?? ''}`;
  else load.textContent = `${t('loaded')} ${(s.elapsedMs / 1000).toFixed(2)} s` + (s.error ? ` · ${s.error}` : '');
  const total = list.total;
  const shown = list.count;
  const pct = total ? ((100 * shown) / total).toFixed(1) : '0.0';
  $('st-counts').textContent = `${t('packets')}: ${total} · ${t('displayed')}: ${shown} (${pct}%)`
    + (list.view.filter && lastFilterMs >= 0 ? ` · ${t('applied')} ${lastFilterMs} ms` : '');
  $('st-counts').dataset['displayed'] = String(shown);
  $('st-counts').dataset['total'] = String(total);
}

const capture = new CapturePanel(api);
capture.onStarted = (s) => startCapture(s);
capture.onStopped = () => { void list.refreshCounts().then(renderStatus); };

function renderField(n: TreeNode | undefined): void {
  const el = $('st-field');
  if (!n) { el.textContent = ''; return; }
  el.textContent = n.f ? `${n.f}${n.n > 0 ? ` · ${n.n} ${t('bytes')} @ ${n.s}` : ''}` : '';
}

list.onCounts = () => renderStatus();
list.onError = (m) => showError(m);

function showError(m: string): void {
  const el = $('filter-msg');
  el.className = 'filter-msg bad';
  el.textContent = m;
}

// ---- selection → details ----

let shown: FrameDetails | undefined;
list.onSelect = (num) => {
  const seq = ++frameSeq;
  void api.frame(num, list.view.filter).then((f) => {
    if (seq !== frameSeq) return;
    shown = f;
    details.show(f);
    document.body.dataset['selected'] = String(f.num);
  }, (e: unknown) => { if (seq === frameSeq) details.clear(String(e)); });
};
details.onField = renderField;

// ---- filter ----

bar.onApply = (text) => {
  void (async () => {
    const t0 = performance.now();
    if (text) {
      const r = await api.filter(text);
      if (!r.ok) { showError(r.message ?? ''); return; }
      lastFilterMs = r.ms;
    } else lastFilterMs = -1;
    await list.setView({ ...list.view, filter: text });
    if (list.sel < 0) details.clear();
    renderStatus();
    document.body.dataset['filterMs'] = String(Math.round(performance.now() - t0));
  })().catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
};
$('btn-apply').addEventListener('click', () => bar.apply());
$('btn-clear').addEventListener('click', () => bar.set('', true));

// ---- Analyze ----

const analyze = new AnalyzePanel({
  api,
  selected: () => shown,
  selectFrame: (n) => list.selectNumber(n),
  applyFilter: (text) => bar.set(text, true),
  currentFilter: () => list.view.filter,
});
panels.set('analyze', { title: 'analyze', open: () => void analyze.open('properties') });

// ---- context menu on the details tree ----

const ctx = $<HTMLUListElement>('ctx');

function combine(cur: string, op: '&&' | '||', expr: string): string {
  cur = cur.trim();
  return cur ? `(${cur}) ${op} ${expr}` : expr;
}

function filterChoices(q: string): [Key, string][] {
  const cur = bar.input.value;
  const not = `!(${q})`;
  return [
    ['selected', q], ['notSelected', not],
    ['andSelected', combine(cur, '&&', q)], ['orSelected', combine(cur, '||', q)],
    ['andNotSelected', combine(cur, '&&', not)], ['orNotSelected', combine(cur, '||', not)],
  ];
}

function menuItem(label: string, fn: () => void, cls = ''): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = label;
  if (cls) li.className = cls;
  li.addEventListener('mousedown', (e) => { e.preventDefault(); hideCtx(); fn(); });
  return li;
}

function copy(text: string): void {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
  document.body.dataset['copied'] = text;
}

details.onContext = (n, x, y) => {
  ctx.replaceChildren();
  const q = n.q;
  if (q) {
    for (const [title, apply] of [['applyAsFilter', true], ['prepareAsFilter', false]] as const) {
      const head = document.createElement('li');
      head.className = 'head';
      head.textContent = t(title);
      ctx.appendChild(head);
      for (const [k, text] of filterChoices(q)) {
        const li = menuItem(t(k), () => bar.set(text, apply), 'sub');
        li.dataset['action'] = `${apply ? 'apply' : 'prepare'}-${k}`;
        ctx.appendChild(li);
      }
    }
  }
  const cv = menuItem(t('copyValue'), () => copy(n.v || n.l));
  cv.dataset['action'] = 'copy-value';
  const cf = menuItem(t('copyField'), () => copy(n.f));
  cf.dataset['action'] = 'copy-field';
  const cl = menuItem(t('copyLabel'), () => copy(n.l));
  ctx.append(cv, cf, cl,
    menuItem(t('expandAll'), () => details.expandAll(true)),
    menuItem(t('collapseAll'), () => details.expandAll(false)));
  ctx.hidden = false;
  const r = ctx.getBoundingClientRect();
  ctx.style.left = `${Math.min(x, innerWidth - r.width - 4)}px`;
  ctx.style.top = `${Math.min(y, innerHeight - r.height - 4)}px`;
};

function hideCtx(): void { ctx.hidden = true; }
document.addEventListener('mousedown', (e) => { if (!ctx.contains(e.target as Node)) hideCtx(); });

// ---- toolbar ----

const colorBtn = $('btn-color');
colorBtn.addEventListener('click', () => {
  list.colorize = !list.colorize;
  colorBtn.setAttribute('aria-pressed', String(list.colorize));
  list.render();
});

$('btn-lang').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'zh' : 'en');
  list.buildHead();
  renderStatus();
  // an open Analyze pane is drawn again in the new language
  if (analyze.kind) void analyze.open(analyze.kind);
});

const saveLink = $<HTMLAnchorElement>('btn-save');
saveLink.addEventListener('click', (e) => {
  if (!status) { e.preventDefault(); return; }
  saveLink.href = api.downloadUrl($<HTMLSelectElement>('save-format').value, list.view.filter);
  saveLink.download = '';
});

// open dialog: files under the allowed directories, or an upload
const dlg = $<HTMLDialogElement>('open-dlg');
async function browse(dir: string): Promise<void> {
  const r = await api.files(dir);
  $('open-dir').textContent = r.dir;
  const ul = $('open-list');
  ul.replaceChildren();
  if (dir !== '') {
    const up = menuItem(t('up'), () => void browse(r.dir.replace(/[\\/][^\\/]*$/, '') || ''));
    ul.appendChild(up);
  }
  for (const e of r.entries) {
    const full = dir === '' ? e.name : `${r.dir}/${e.name}`;
    const li = menuItem(e.dir ? `${e.name}/` : `${e.name}  (${fmtBytes(e.size ?? 0)})`, () => {
      if (e.dir) void browse(full).catch((x: unknown) => showError(String(x)));
      else { dlg.close(); void openPath(full); }
    });
    ul.appendChild(li);
  }
}
$('btn-open').addEventListener('click', () => {
  dlg.showModal();
  void browse('').catch((e: unknown) => showError(String(e)));
});
$('open-close').addEventListener('click', () => dlg.close());
$<HTMLInputElement>('upload').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (!f) return;
  dlg.close();
  void api.upload(f).then((s) => startCapture(s), (x: unknown) => showError(x instanceof Error ? x.message : String(x)));
});

async function openPath(path: string): Promise<void> {
  try {
    startCapture(await api.load(path));
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
}

function startCapture(s: LoadStatus): void {
  status = s;
  shown = undefined;
  analyze.close();
  list.selNum = -1;
  list.reset();
  details.clear();
  bar.set('', false);
  lastFilterMs = -1;
  list.view = { filter: '', sort: 'no', desc: false };
  list.buildHead();
  void api.status().then((st) => { list.colors = st.colors; return list.refreshCounts(); });
  renderStatus();
}

// ---- keyboard ----

const gotoWrap = $('goto-wrap');
const gotoInput = $<HTMLInputElement>('goto');
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && (e.key === 'g' || e.key === 'G')) {
    e.preventDefault();
    gotoWrap.hidden = false;
    gotoInput.value = '';
    gotoInput.focus();
  } else if ((e.ctrlKey || e.metaKey) && e.key === '/') {
    e.preventDefault();
    bar.input.focus();
  }
});
gotoInput.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') { gotoWrap.hidden = true; $('list-scroll').focus(); return; }
  if (e.key !== 'Enter') return;
  const n = Number(gotoInput.value.trim());
  gotoWrap.hidden = true;
  $('list-scroll').focus();
  if (!Number.isInteger(n) || n < 1) return;
  void list.selectNumber(n).then((ok) => { if (!ok) showError(`${t(n > list.total ? 'noSuchPacket' : 'notDisplayed')}: ${n}`); });
});

// ---- resizable panes ----

for (const sp of document.querySelectorAll<HTMLElement>('.splitter')) {
  sp.addEventListener('mousedown', (e) => {
    const pane = $(sp.dataset['for']!);
    const y0 = e.clientY;
    const h0 = pane.getBoundingClientRect().height;
    const move = (m: MouseEvent): void => { pane.style.flex = `0 0 ${Math.max(60, h0 + m.clientY - y0)}px`; };
    const up = (): void => { document.removeEventListener('mousemove', move); document.removeEventListener('mouseup', up); };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
    e.preventDefault();
  });
}

// ---- start ----

api.onStatus = (s) => {
  const was = status?.state;
  status = s;
  if (s.state === 'loading' || was === 'loading') void list.refreshCounts();
  renderStatus();
  document.body.dataset['state'] = s.state;
};
api.onClose = () => showError('connection to the wirelens server closed');

setLang(getLang());
applyStatic();
void api.status().then((st) => {
  list.colors = st.colors;
  status = st.status;
  capture.setAvailable(st.canCapture, st.live);
  renderStatus();
  if (st.loaded) return list.refreshCounts();
  details.clear(t('noCapture'));
  return undefined;
}).then(() => {
  document.body.dataset['ready'] = '1';
  $('list-scroll').focus();
}, (e: unknown) => showError(e instanceof Error ? e.message : String(e)));
