// `-z io,phs[,FILTER]`: protocol hierarchy. Each packet's top-level protocol items (children of
// the tree root, in order, without `frame`) form a path; every node counts the frames whose path
// goes through it and their frame lengths. Children keep first-seen order, as in tshark 4.0.

import { fields } from '../core/field.js';
import { ROOT } from '../core/tree.js';
import type { Packet } from '../core/packet.js';
import { fid, padR, type Tap, type TapFilter } from './tap.js';

export interface PhsNode {
  /** protocol filter name (`eth`, `ip`, `tcp` …) */
  proto: string;
  frames: number;
  bytes: number;
  children: PhsNode[];
}

export interface PhsResult {
  filter: string | undefined;
  roots: PhsNode[];
}

const RULE = '='.repeat(67);

/**
 * True when `id` is one of the packet's layers (frame.protocols). Items whose parent was not
 * built also sit at the root of a partial tree; a layer check keeps only real protocol layers.
 */
function isLayer(p: Packet, id: number): boolean {
  for (let i = 0; i < p.nlayers; i++) if (p.layers[i] === id) return true;
  return false;
}

/** Counts a frame of `len` bytes in the child `proto` of `level` (made in first-seen order); returns its children. */
function count(level: PhsNode[], proto: string, len: number): PhsNode[] {
  let node: PhsNode | undefined;
  for (const c of level) if (c.proto === proto) { node = c; break; }
  if (node === undefined) {
    node = { proto, frames: 0, bytes: 0, children: [] };
    level.push(node);
  }
  node.frames++;
  node.bytes += len;
  return node.children;
}

export class PhsTap implements Tap<PhsResult> {
  /** every protocol is read: the runner builds protocol items only (see protocolWant) */
  readonly fields: string[] = [];
  readonly protocols = true;
  readonly fullTree = false;
  readonly columns = false;
  private readonly roots: PhsNode[] = [];
  private readonly frameId = fid('frame');
  /**
   * Non-protocol items tshark's hierarchy counts as a level: the "[N Reassembled TCP Segments]"
   * item of a reassembled PDU, which tshark lists below the PDU's protocols (zeek/http/get.pcap).
   */
  readonly extraIds: readonly number[] = [fid('tcp.segments')].filter((x) => x >= 0);

  constructor(readonly spec: string, readonly filter: TapFilter | undefined) {}

  packet(p: Packet): void {
    if (this.filter && !this.filter.match(p)) return;
    const t = p.tree;
    let level = this.roots;
    for (let i = 0; i < t.n; i++) {
      if (t.parent[i] !== ROOT) continue;
      const f = fields[t.fid[i]!]!;
      if (!f.isProtocol || f.id === this.frameId || !isLayer(p, f.id)) continue;
      level = count(level, f.abbrev, p.len);
    }
    for (const id of this.extraIds) {
      let at = -1;
      for (let i = 0; i < t.n && at < 0; i++) if (t.parent[i] === ROOT && t.fid[i] === id) at = i;
      if (at >= 0) level = count(level, fields[id]!.abbrev, p.len);
    }
  }

  result(): PhsResult {
    return { filter: this.filter?.text, roots: this.roots };
  }

  text(): string {
    let s = `\n${RULE}\nProtocol Hierarchy Statistics\nFilter: ${this.filter?.text ?? ''}\n\n`;
    const walk = (nodes: PhsNode[], ind: string): void => {
      for (const n of nodes) {
        s += `${padR(ind + n.proto, 40)} frames:${n.frames} bytes:${n.bytes}\n`;
        walk(n.children, ind + '  ');
      }
    };
    walk(this.roots, '');
    return s + RULE + '\n';
  }
}
