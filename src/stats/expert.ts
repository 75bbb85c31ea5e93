// `-z expert[,error|warn|note|chat|comment][,FILTER]`: the expert items of every packet, grouped by
// severity (errors first), one row per distinct (group, protocol, summary) in first-seen order
// with its frequency, as tshark 4.0 prints them.

import { GROUP_NAMES, Severity } from '../core/expert.js';
import type { Packet } from '../core/packet.js';
import { padL, type Tap, type TapFilter } from './tap.js';

export interface ExpertRow {
  severity: 'error' | 'warn' | 'note' | 'chat' | 'comment';
  group: string;
  protocol: string;
  summary: string;
  count: number;
  /** frame numbers carrying it, in order */
  frames: number[];
}

export interface ExpertResult {
  filter: string | undefined;
  rows: ExpertRow[];
}

const SECTIONS: readonly [Severity, ExpertRow['severity'], string][] = [
  [Severity.ERROR, 'error', 'Errors'],
  [Severity.WARN, 'warn', 'Warns'],
  [Severity.NOTE, 'note', 'Notes'],
  [Severity.CHAT, 'chat', 'Chats'],
  [Severity.COMMENT, 'comment', 'Comments'],
];

export class ExpertTap implements Tap<ExpertResult> {
  readonly fields: string[] = [];
  readonly fullTree = false;
  readonly columns = false;
  private readonly byKey = new Map<string, ExpertRow>();
  private readonly rows: ExpertRow[] = [];

  /** minSeverity: only items at least this severe (`-z expert,warn`) */
  constructor(readonly spec: string, readonly filter: TapFilter | undefined, readonly minSeverity = 0) {}

  packet(p: Packet): void {
    if (p.experts.length === 0) return;
    if (this.filter && !this.filter.match(p)) return;
    for (const e of p.experts) {
      const sev = e.ei.severity;
      if (sev < this.minSeverity) continue;
      const key = `${sev}\u0000${e.ei.group}\u0000${e.proto}\u0000${e.msg}`;
      let r = this.byKey.get(key);
      if (r === undefined) {
        const name = SECTIONS.find((x) => x[0] === sev)?.[1] ?? 'comment';
        r = { severity: name, group: GROUP_NAMES.get(e.ei.group) ?? String(e.ei.group), protocol: e.proto, summary: e.msg, count: 0, frames: [] };
        this.byKey.set(key, r);
        this.rows.push(r);
      }
      r.count++;
      if (r.frames[r.frames.length - 1] !== p.num) r.frames.push(p.num);
    }
  }

  result(): ExpertResult {
    return { filter: this.filter?.text, rows: this.rows };
  }

  text(): string {
    let s = '';
    for (const [, name, title] of SECTIONS) {
      const rows = this.rows.filter((r) => r.severity === name);
      if (rows.length === 0) continue;
      let total = 0;
      for (const r of rows) total += r.count;
      s += `\n${title} (${total})\n=============\n   Frequency      Group           Protocol  Summary\n`;
      for (const r of rows) s += `${padL(r.count, 12)} ${padL(r.group, 10)} ${padL(r.protocol, 18)}  ${r.summary}\n`;
    }
    return s;
  }
}
