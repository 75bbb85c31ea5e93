// Live capture from the page: the Capture dialog (interface, capture filter, snapshot length),
// Start, and the toolbar's Stop. Packets stream into the current view as they arrive (the
// server pushes status; the list grows with the display filter applied); after Stop the capture
// is complete and "Save displayed" downloads it.

import type { Api, LiveInfo, LoadStatus } from './api.ts';
import { t } from './i18n.ts';

function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
}

export class CapturePanel {
  private readonly dlg = el<HTMLDialogElement>('cap-dlg');
  private readonly iface = el<HTMLSelectElement>('cap-iface');
  private readonly filter = el<HTMLInputElement>('cap-filter');
  private readonly snaplen = el<HTMLInputElement>('cap-snaplen');
  private readonly msg = el('cap-msg');
  private readonly startBtn = el<HTMLButtonElement>('cap-start');
  private readonly stopBtn = el<HTMLButtonElement>('btn-stop');
  /** called with the new capture's status when a capture starts */
  onStarted: ((s: LoadStatus) => void) | undefined;
  /** called when the capture stopped */
  onStopped: ((info: LiveInfo | undefined) => void) | undefined;
  info: LiveInfo | undefined;

  constructor(private readonly api: Api) {
    el('btn-capture').addEventListener('click', () => void this.open());
    el('cap-close').addEventListener('click', () => this.dlg.close());
    this.startBtn.addEventListener('click', () => void this.start());
    this.filter.addEventListener('keydown', (e) => { if (e.key === 'Enter') void this.start(); });
    this.stopBtn.addEventListener('click', () => void this.stop());
  }

  /** Shows or hides the Capture button (the server may refuse live capture) and Stop. */
  setAvailable(can: boolean, live: LiveInfo | undefined): void {
    el('btn-capture').hidden = !can;
    this.info = live;
    this.stopBtn.hidden = !(live?.running ?? false);
  }

  private setMsg(text: string, bad: boolean): void {
    this.msg.textContent = text;
    this.msg.className = bad ? 'filter-msg bad' : 'filter-msg';
  }

  async open(): Promise<void> {
    this.setMsg('', false);
    this.dlg.showModal();
    try {
      const { interfaces } = await this.api.interfaces();
      const keep = this.iface.value;
      this.iface.replaceChildren();
      for (const i of interfaces) {
        const o = document.createElement('option');
        o.value = i.name;
        o.textContent = `${i.name}${i.description ? ` (${i.description})` : ''}${i.addresses.length ? ` — ${i.addresses.slice(0, 2).join(', ')}` : ''}`;
        this.iface.appendChild(o);
      }
      if (keep && interfaces.some((i) => i.name === keep)) this.iface.value = keep;
      this.dlg.dataset['ready'] = '1';
    } catch (e) {
      this.setMsg(e instanceof Error ? e.message : String(e), true);
    }
  }

  async start(): Promise<void> {
    const snap = Number(this.snaplen.value.trim() || '0');
    if (!Number.isInteger(snap) || snap < 0) { this.setMsg(`${t('snaplen')}: ${this.snaplen.value}`, true); return; }
    this.startBtn.disabled = true;
    try {
      const r = await this.api.capture(this.iface.value, this.filter.value.trim(), snap);
      this.info = r.live;
      this.dlg.close();
      this.stopBtn.hidden = false;
      document.body.dataset['capturing'] = '1';
      this.onStarted?.(r.status);
    } catch (e) {
      this.setMsg(e instanceof Error ? e.message : String(e), true);
    } finally {
      this.startBtn.disabled = false;
    }
  }

  async stop(): Promise<void> {
    this.stopBtn.disabled = true;
    try {
      const r = await this.api.stop();
      this.info = r.live;
      this.stopBtn.hidden = true;
      delete document.body.dataset['capturing'];
      this.onStopped?.(r.live);
    } finally {
      this.stopBtn.disabled = false;
    }
  }
}
