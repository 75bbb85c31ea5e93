// The display filter bar: validates as you type (green / red with the message and the position of
// the error), completes field names from the registry, remembers recent filters; Enter applies.

import type { Api, Completion } from './api.ts';
import { t } from './i18n.ts';

const RECENT_KEY = 'wirelens.recent';
const MAX_RECENT = 20;

export class FilterBar {
  onApply: ((text: string) => void) | undefined;
  private timer = 0;
  private checkSeq = 0;
  private items: Completion[] = [];
  private active = -1;
  /** [start, end) of the word being completed */
  private word: [number, number] = [0, 0];

  constructor(
    private readonly api: Api,
    readonly input: HTMLInputElement,
    private readonly msg: HTMLElement,
    private readonly list: HTMLUListElement,
    private readonly recentList: HTMLUListElement,
    recentBtn: HTMLElement,
  ) {
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => { void this.validate(); void this.completeAtCaret(); }, 90);
    });
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('blur', () => setTimeout(() => { this.hideList(); this.recentList.hidden = true; }, 150));
    list.addEventListener('mousedown', (e) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>('li');
      if (li?.dataset['i'] !== undefined) { e.preventDefault(); this.accept(Number(li.dataset['i'])); }
    });
    recentBtn.addEventListener('click', () => this.toggleRecent());
    recentList.addEventListener('mousedown', (e) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>('li');
      if (li?.dataset['f'] === undefined) return;
      e.preventDefault();
      this.input.value = li.dataset['f'];
      this.recentList.hidden = true;
      void this.validate();
      this.apply();
    });
  }

  /** Sets the text (e.g. from "Prepare as Filter") and validates it. */
  set(text: string, apply = false): void {
    this.input.value = text;
    void this.validate();
    if (apply) this.apply();
    else this.input.focus();
  }

  async validate(): Promise<boolean> {
    const text = this.input.value;
    const seq = ++this.checkSeq;
    const el = this.input;
    if (text.trim() === '') {
      el.classList.remove('ok', 'bad', 'warn');
      this.msg.textContent = '';
      this.msg.className = 'filter-msg';
      return true;
    }
    const r = await this.api.check(text);
    if (seq !== this.checkSeq) return r.ok;
    const warn = r.ok && r.deprecated.length > 0;
    el.classList.toggle('ok', r.ok && !warn);
    el.classList.toggle('warn', warn);
    el.classList.toggle('bad', !r.ok);
    this.msg.replaceChildren();
    if (r.ok) {
      this.msg.className = warn ? 'filter-msg warn' : 'filter-msg ok';
      this.msg.textContent = warn ? `${t('filterDeprecated')}: ${r.deprecated.map((d) => `"${d}"`).join(', ')}` : t('filterOk');
      return true;
    }
    this.msg.className = 'filter-msg bad';
    // the filter with the error span marked, then the message
    const pre = document.createElement('span');
    pre.className = 'err-text';
    const a = Math.max(0, Math.min(text.length, r.start));
    const b = Math.max(a, Math.min(text.length, r.end));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(a, b) || ' ';
    pre.append(text.slice(0, a), mark, text.slice(b));
    const m = document.createElement('span');
    m.className = 'err-msg';
    m.textContent = ` ${r.message} (${a + 1}${b > a + 1 ? `–${b}` : ''})`;
    this.msg.append(pre, m);
    return false;
  }

  apply(): void {
    void this.validate().then((ok) => {
      if (!ok) return;
      const text = this.input.value.trim();
      if (text) this.remember(text);
      this.hideList();
      this.onApply?.(text);
    });
  }

  private remember(text: string): void {
    const r = this.recent().filter((x) => x !== text);
    r.unshift(text);
    localStorage.setItem(RECENT_KEY, JSON.stringify(r.slice(0, MAX_RECENT)));
  }

  recent(): string[] {
    try {
      const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  private toggleRecent(): void {
    const l = this.recentList;
    if (!l.hidden) { l.hidden = true; return; }
    l.replaceChildren();
    const r = this.recent();
    if (r.length === 0) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = t('recentNone');
      l.appendChild(li);
    }
    for (const f of r) {
      const li = document.createElement('li');
      li.dataset['f'] = f;
      li.textContent = f;
      l.appendChild(li);
    }
    l.hidden = false;
    this.input.focus();
  }

  // ---- completion ----

  private async completeAtCaret(): Promise<void> {
    const v = this.input.value;
    const caret = this.input.selectionStart ?? v.length;
    let a = caret;
    while (a > 0 && /[A-Za-z0-9_.\-]/.test(v[a - 1]!)) a--;
    const word = v.slice(a, caret);
    if (word.length < 1 || !/^[A-Za-z_]/.test(word)) { this.hideList(); return; }
    const r = await this.api.complete(word);
    if (this.input.value !== v) return;
    this.word = [a, caret];
    this.items = r.fields.filter((f) => f.name !== word);
    this.active = -1;
    this.renderList();
  }

  private renderList(): void {
    const l = this.list;
    l.replaceChildren();
    if (this.items.length === 0) { l.hidden = true; return; }
    this.items.forEach((c, i) => {
      const li = document.createElement('li');
      li.dataset['i'] = String(i);
      if (i === this.active) li.className = 'active';
      const n = document.createElement('span');
      n.className = 'name';
      n.textContent = c.name;
      const d = document.createElement('span');
      d.className = 'desc';
      d.textContent = c.desc;
      li.append(n, d);
      l.appendChild(li);
    });
    l.hidden = false;
    l.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private hideList(): void {
    this.list.hidden = true;
    this.items = [];
    this.active = -1;
  }

  private accept(i: number): void {
    const c = this.items[i];
    if (!c) return;
    const v = this.input.value;
    const [a, b] = this.word;
    this.input.value = v.slice(0, a) + c.name + v.slice(b);
    const pos = a + c.name.length;
    this.input.setSelectionRange(pos, pos);
    this.hideList();
    void this.validate();
  }

  private key(e: KeyboardEvent): void {
    const open = !this.list.hidden && this.items.length > 0;
    switch (e.key) {
      case 'ArrowDown':
        if (!open) return;
        this.active = (this.active + 1) % this.items.length;
        this.renderList();
        break;
      case 'ArrowUp':
        if (!open) return;
        this.active = this.active <= 0 ? this.items.length - 1 : this.active - 1;
        this.renderList();
        break;
      case 'Tab':
        if (!open) return;
        this.accept(this.active < 0 ? 0 : this.active);
        break;
      case 'Enter':
        if (open && this.active >= 0) this.accept(this.active);
        else this.apply();
        break;
      case 'Escape':
        this.hideList();
        this.recentList.hidden = true;
        break;
      default: return;
    }
    e.preventDefault();
  }
}
