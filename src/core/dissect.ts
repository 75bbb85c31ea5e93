// The dissection driver: one Engine per capture (its Session holds cross-packet state).
// One try/catch per frame turns a dissector bug into a bug node; the loop goes on.

import { Packet, type FrameInfo } from './packet.js';
import { Session } from './session.js';
import { Tree, ROOT } from './tree.js';
import { ei_dissector_bug, hf_malformed } from './expert.js';
import { findHandle } from './table.js';

export interface EngineOptions {
  /**
   * Which fields to build: null = the whole tree (-V, JSON, UI); a Uint8Array indexed by field id
   * = only those (filters, -e); omitted = no tree at all (summary columns only).
   */
  want?: Uint8Array | null;
}

export class Engine {
  readonly session = new Session();
  readonly tree: Tree;
  readonly packet: Packet;
  private readonly frame;

  constructor(opts: EngineOptions = {}) {
    this.tree = new Tree(opts.want === undefined ? new Uint8Array(0) : opts.want);
    this.packet = new Packet(this.tree, this.session);
    const h = findHandle('frame');
    if (!h) throw new Error('frame dissector not registered: import "wirelens/dissectors/index.js" first');
    this.frame = h.fn;
  }

  /** Dissects one frame whose captured bytes are buf[off, off + fi.caplen). The Packet is valid until the next call. */
  dissect(fi: FrameInfo, buf: Uint8Array, dv: DataView, off: number): Packet {
    const p = this.packet;
    p.begin(fi, buf, dv, off);
    try {
      this.frame(p, off, off + fi.len, ROOT);
    } catch (e) {
      // A dissector bug, not a packet problem: report it on the packet and go on.
      const msg = e instanceof Error ? e.message : String(e);
      p.stopped = true;
      p.isMalformed = true;
      const it = p.tree.addItem(ROOT, hf_malformed, off, 0);
      p.tree.setLabel(it, `[Malformed Packet: ${p.curProto || 'frame'}: dissector bug: ${msg}]`);
      p.addExpert(it, ei_dissector_bug, off, 0, `Dissector bug, protocol ${p.curProto}: ${msg}`);
      p.appendInfo('[Malformed Packet]');
    }
    return p;
  }
}
