// The details tree and the bytes pane of the selected packet. Selecting a tree item highlights
// its bytes; clicking a byte selects the deepest item covering it. Expanded subtrees are
// remembered by field name from packet to packet (as Wireshark does). Text via textContent only.

import type { FrameDetails, TreeNode } from './api.ts';
import { t } from './i18n.ts';

interface NodeRef {
  node: TreeNode;
  el: HTMLElement;
  parent: NodeRef | undefined;
  kids: HTMLElement | undefined;
}

export class DetailsPane {
  private frame: FrameDetails | undefined;
  private refs: NodeRef[] = [];
  private selected: NodeRef | undefined;
  private readonly expanded = new Set<string>();
  private curSource = 0;
  /** byte spans of the current source */
  private spans: HTMLSpanElement[] = [];
  private ascii: HTMLSpanElement[] = [];
  onField: ((n: TreeNode | undefined) => void) | undefined;
  onContext: ((n: TreeNode, x: number, y: number) => void) | undefined;

  constructor(private readonly treeEl: HTMLElement, private readonly tabsEl: HTMLElement, private readonly bytesEl: HTMLElement) {
    treeEl.addEventListener('click', (e) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.node');
      if (!el) return;
      const ref = this.refs[Number(el.dataset['ref'])];
      if (!ref) return;
      if ((e.target as HTMLElement).classList.contains('caret')) this.toggle(ref);
      this.selectRef(ref);
    });
    treeEl.addEventListener('dblclick', (e) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.node');
      const ref = el ? this.refs[Number(el.dataset['ref'])] : undefined;
      if (ref && !(e.target as HTMLElement).classList.contains('caret')) this.toggle(ref);
    });
    treeEl.addEventListener('contextmenu', (e) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.node');
      const ref = el ? this.refs[Number(el.dataset['ref'])] : undefined;
      if (!ref) return;
      e.preventDefault();
      this.selectRef(ref);
      this.onContext?.(ref.node, e.clientX, e.clientY);
    });
    treeEl.parentElement?.addEventListener('keydown', (e) => this.key(e));
    bytesEl.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLElement>('[data-off]');
      if (b) this.selectByte(Number(b.dataset['off']));
    });
  }

  clear(msg = t('noPacket')): void {
    this.frame = undefined;
    this.refs = [];
    this.selected = undefined;
    const p = document.createElement('div');
    p.className = 'empty';
    p.textContent = msg;
    this.treeEl.replaceChildren(p);
    this.tabsEl.replaceChildren();
    this.bytesEl.replaceChildren();
    this.onField?.(undefined);
  }

  show(f: FrameDetails): void {
    const keep = this.selected?.node.f;
    this.frame = f;
    this.refs = [];
    this.selected = undefined;
    const root = document.createElement('div');
    root.setAttribute('role', 'tree');
    this.build(f.tree, root, undefined, 0);
    this.treeEl.replaceChildren(root);
    this.showSource(0);
    // keep the same field selected from packet to packet when it is there
    const again = keep ? this.refs.find((r) => r.node.f === keep && isVisible(r)) : undefined;
    if (again) this.selectRef(again, false);
    else this.onField?.(undefined);
  }

  private build(nodes: TreeNode[], into: HTMLElement, parent: NodeRef | undefined, depth: number): void {
    for (const n of nodes) {
      const el = document.createElement('div');
      el.className = 'node';
      el.setAttribute('role', 'treeitem');
      el.style.paddingLeft = `${depth * 16 + 4}px`;
      const caret = document.createElement('span');
      caret.className = 'caret';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = n.g ? `[${n.l}]` : n.l;
      if (n.g) label.classList.add('generated');
      el.append(caret, label);
      const ref: NodeRef = { node: n, el, parent, kids: undefined };
      el.dataset['ref'] = String(this.refs.length);
      this.refs.push(ref);
      into.appendChild(el);
      if (n.k && n.k.length) {
        const kids = document.createElement('div');
        kids.className = 'kids';
        kids.setAttribute('role', 'group');
        ref.kids = kids;
        const open = this.expanded.has(keyOf(n));
        kids.hidden = !open;
        caret.textContent = open ? '▾' : '▸';
        el.setAttribute('aria-expanded', String(open));
        into.appendChild(kids);
        this.build(n.k, kids, ref, depth + 1);
      }
    }
  }

  private toggle(ref: NodeRef, open?: boolean): void {
    if (!ref.kids) return;
    const o = open ?? ref.kids.hidden;
    ref.kids.hidden = !o;
    ref.el.querySelector('.caret')!.textContent = o ? '▾' : '▸';
    ref.el.setAttribute('aria-expanded', String(o));
    if (o) this.expanded.add(keyOf(ref.node));
    else this.expanded.delete(keyOf(ref.node));
  }

  expandAll(open: boolean): void {
    for (const r of this.refs) this.toggle(r, open);
  }

  private selectRef(ref: NodeRef, scroll = true): void {
    this.selected?.el.classList.remove('selected');
    this.selected = ref;
    ref.el.classList.add('selected');
    for (let p = ref.parent; p; p = p.parent) this.toggle(p, true);
    if (scroll) ref.el.scrollIntoView({ block: 'nearest' });
    const n = ref.node;
    if (n.d !== this.curSource) this.showSource(n.d);
    this.highlight(n.s, n.n);
    this.onField?.(n);
  }

  get selectedNode(): TreeNode | undefined {
    return this.selected?.node;
  }

  private key(e: KeyboardEvent): void {
    const vis = this.refs.filter(isVisible);
    const i = this.selected ? vis.indexOf(this.selected) : -1;
    switch (e.key) {
      case 'ArrowDown': if (i + 1 < vis.length) this.selectRef(vis[i + 1]!); break;
      case 'ArrowUp': if (i > 0) this.selectRef(vis[i - 1]!); break;
      case 'ArrowRight': if (this.selected) this.toggle(this.selected, true); break;
      case 'ArrowLeft':
        if (this.selected?.kids && !this.selected.kids.hidden) this.toggle(this.selected, false);
        else if (this.selected?.parent) this.selectRef(this.selected.parent);
        break;
      default: return;
    }
    e.preventDefault();
  }

  // ---- bytes ----

  private showSource(d: number): void {
    const f = this.frame;
    if (!f) return;
    this.curSource = d;
    this.tabsEl.replaceChildren();
    if (f.sources.length > 1) {
      f.sources.forEach((s, k) => {
        const b = document.createElement('button');
        b.className = 'tab' + (k === d ? ' active' : '');
        b.textContent = `${s.name} (${s.hex.length / 2} ${t('bytes')})`;
        b.addEventListener('click', () => { this.showSource(k); this.highlight(0, 0); });
        this.tabsEl.appendChild(b);
      });
    }
    const hex = f.sources[d]?.hex ?? '';
    const len = hex.length / 2;
    const frag = document.createDocumentFragment();
    this.spans = new Array<HTMLSpanElement>(len);
    this.ascii = new Array<HTMLSpanElement>(len);
    for (let off = 0; off < len; off += 16) {
      const line = document.createElement('div');
      line.className = 'hexline';
      const o = document.createElement('span');
      o.className = 'off';
      o.textContent = off.toString(16).padStart(4, '0');
      const hx = document.createElement('span');
      hx.className = 'hex';
      const as = document.createElement('span');
      as.className = 'ascii';
      for (let k = off; k < Math.min(len, off + 16); k++) {
        const s = document.createElement('span');
        s.dataset['off'] = String(k);
        s.textContent = hex.slice(2 * k, 2 * k + 2);
        if (k > off) hx.append(k === off + 8 ? '  ' : ' ');
        hx.appendChild(s);
        const a = document.createElement('span');
        a.dataset['off'] = String(k);
        const c = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
        a.textContent = c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
        if (k === off + 8) as.append(' ');
        as.appendChild(a);
        this.spans[k] = s;
        this.ascii[k] = a;
      }
      const missing = off + 16 - Math.min(len, off + 16);
      if (missing > 0) hx.append(' '.repeat(missing * 3 + (off + 8 >= len ? 1 : 0)));
      line.append(o, hx, as);
      frag.appendChild(line);
    }
    this.bytesEl.replaceChildren(frag);
  }

  private hl: number[] = [];

  private highlight(start: number, n: number): void {
    for (const k of this.hl) {
      this.spans[k]?.classList.remove('hl');
      this.ascii[k]?.classList.remove('hl');
    }
    this.hl = [];
    const end = Math.min(this.spans.length, start + n);
    for (let k = start; k < end; k++) {
      this.spans[k]!.classList.add('hl');
      this.ascii[k]!.classList.add('hl');
      this.hl.push(k);
    }
    if (end > start) this.spans[start]!.scrollIntoView({ block: 'nearest' });
  }

  /** Selects the deepest (smallest) item of the current source that covers byte `off`. */
  selectByte(off: number): void {
    let best: NodeRef | undefined;
    for (const r of this.refs) {
      const n = r.node;
      if (n.d !== this.curSource || n.n <= 0 || off < n.s || off >= n.s + n.n) continue;
      if (!best || n.n < best.node.n || (n.n === best.node.n && depthOf(r) > depthOf(best))) best = r;
    }
    if (best) this.selectRef(best);
  }
}

function keyOf(n: TreeNode): string {
  return n.f || n.l.replace(/[0-9]+/g, '#').slice(0, 40);
}

function depthOf(r: NodeRef): number {
  let d = 0;
  for (let p = r.parent; p; p = p.parent) d++;
  return d;
}

function isVisible(r: NodeRef): boolean {
  for (let p = r.parent; p; p = p.parent) if (p.kids?.hidden) return false;
  return true;
}
