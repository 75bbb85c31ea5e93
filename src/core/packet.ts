// Per-packet dissection context (Wireshark's packet_info + tvb + columns), reused across packets.
// Offsets are absolute into `buf` (the current data source); `capEnd` is where captured bytes end.
// Bounds problems are values, not exceptions: a dissector that runs past its data calls
// `p.malformed()` (past the reported length) or `p.short()` (past the captured length), which marks
// the packet as Wireshark does and sets `p.stopped`; every caller returns when `p.stopped` is set.

import { fields, protocolShortNames } from './field.js';
import { Tree, ROOT } from './tree.js';
import type { Handle, HeurEntry } from './table.js';
import {
  type ExpertInfo, ei_dissector_bug, ei_malformed, hf_expert, hf_expert_group, hf_expert_msg, hf_expert_severity,
  hf_malformed, hf_short, SEVERITY_NAMES, GROUP_NAMES,
} from './expert.js';
import type { Session } from './session.js';
import { formatIPv4, formatMac } from './format.js';
import type { DispatchGate } from './prune.js';

/**
 * Protocol layers of one frame (frame.protocols, which omits `frame`) past which tshark 4.0 calls
 * no further dissector: its layer list, frame included, is bounded by prefs.gui_max_tree_depth (500).
 */
const MAX_LAYERS = 499;
const TOO_DEEP = './epan/packet.c:869: failed assertion "saved_layers_len < prefs.gui_max_tree_depth"';

export interface ExpertEntry {
  readonly ei: ExpertInfo;
  readonly msg: string;
  /** protocol short name of the layer that raised it */
  readonly proto: string;
}

export const enum PType { NONE, TCP, UDP, SCTP }

/** p.desegment(off, DESEGMENT_ONE_MORE): complete the PDU with whatever the next segment brings. */
export const DESEGMENT_ONE_MORE = -1;
/** p.desegment(off, DESEGMENT_UNTIL_FIN): the PDU runs until the sender closes the connection. */
export const DESEGMENT_UNTIL_FIN = -2;

/** A packet's frame-level facts, as the capture reader gives them. */
export interface FrameInfo {
  num: number;
  tsSec: number;
  tsNsec: number;
  caplen: number;
  len: number;
  linktype: number;
  iface: number;
  comments: readonly string[] | undefined;
  // Optional capture-file facts the frame tree shows (same names as capture/types.ts FrameRecord).
  /** false when the record carries no timestamp (pcapng SPB, custom blocks); undefined = true */
  hasTs?: boolean | undefined;
  /** pcapng block type (6 EPB, 3 SPB, 2 OPB, 0xBAD / 0x40000BAD custom); 0 or undefined for pcap */
  blockType?: number | undefined;
  /** pcapng section, 0-based (tshark shows "Section number: section + 1") */
  section?: number | undefined;
  /** custom blocks: the Private Enterprise Number */
  customPen?: number | undefined;
  /** pcapng EPB flags word (epb_flags) */
  epbFlags?: number | undefined;
  /** pcapng EPB drop count (epb_dropcount) */
  dropCount?: number | undefined;
}

/** Where a lazy Info text is written: a string being built, or an output buffer (node/output/out.ts). */
export interface TextSink {
  text(s: string): void;
  /** a non-negative integer in decimal */
  uint(v: number): void;
  /** text(s) then uint(v) */
  textUint(s: string, v: number): void;
}

class StringSink implements TextSink {
  s = '';
  text(x: string): void { this.s += x; }
  uint(v: number): void { this.s += v; }
  textUint(x: string, v: number): void { this.s += x; this.s += v; }
}
const stringSink = new StringSink();

export class Packet {
  // frame facts
  num = 0;
  tsSec = 0;
  tsNsec = 0;
  caplen = 0;
  len = 0;
  linktype = 0;
  iface = -1;
  comments: readonly string[] | undefined = undefined;
  /** the FrameInfo given to begin() (optional pcapng facts: section, interface name, flags …) */
  frameInfo: FrameInfo | undefined = undefined;

  // current data source
  buf: Uint8Array = new Uint8Array(0);
  dv: DataView = new DataView(new ArrayBuffer(0));
  /** absolute end of the captured bytes of the current data source */
  capEnd = 0;

  tree: Tree;
  session: Session;

  // columns
  /**
   * false when nobody reads the Protocol/Info columns (filter-only or -T fields runs without
   * _ws.col.*): dissectors skip building Info text then. Source/Destination are always set.
   */
  cols = true;
  proto = '';
  private info_ = '';
  private fence = 0;
  /**
   * Info text not built yet (appendInfoLazy): it follows info_ (which then holds the text before
   * it), then lazyTail (text appended since). Built when the column is read; dropped unread when a
   * later setInfo/clearInfo replaces the text after the fence — as an application protocol does
   * with TCP's text, and as a filtering run does by never reading the column of most packets.
   */
  private lazyFn: ((a: Float64Array, w: TextSink) => void) | undefined = undefined;
  private readonly lazyArgs = new Float64Array(8);
  private lazyTail = '';
  private src_ = '';
  private dst_ = '';
  /** address columns not formatted yet: 0 = the text is there, 1 = MAC at offset `*Val` of macBuf, 2 = IPv4 `*Val` */
  private srcKind = 0;
  private dstKind = 0;
  private srcVal = 0;
  private dstVal = 0;
  private macBuf: Uint8Array = this.buf;

  /** Source column (pinfo->src); an address set by setMacColumns/setIPv4Src is formatted when first read. */
  get src(): string {
    if (this.srcKind !== 0) {
      this.src_ = this.srcKind === 1 ? formatMac(this.macBuf, this.srcVal) : formatIPv4(this.srcVal);
      this.srcKind = 0;
    }
    return this.src_;
  }
  set src(s: string) { this.src_ = s; this.srcKind = 0; }
  get dst(): string {
    if (this.dstKind !== 0) {
      this.dst_ = this.dstKind === 1 ? formatMac(this.macBuf, this.dstVal) : formatIPv4(this.dstVal);
      this.dstKind = 0;
    }
    return this.dst_;
  }
  set dst(s: string) { this.dst_ = s; this.dstKind = 0; }

  /**
   * Sets Source/Destination to the MACs at buf[srcOff..+6) and buf[dstOff..+6) without building
   * their text: a network layer usually replaces them, and most packets of a filtering run are
   * never shown. (`buf` must stay unchanged while the packet is read: the frame or a source.)
   */
  setMacColumns(buf: Uint8Array, srcOff: number, dstOff: number): void {
    this.macBuf = buf;
    this.srcKind = this.dstKind = 1;
    this.srcVal = srcOff;
    this.dstVal = dstOff;
  }

  /** Source column = this IPv4 address (uint32), formatted when read. */
  setIPv4Src(v: number): void {
    this.srcKind = 2;
    this.srcVal = v;
  }

  /** Destination column = this IPv4 address (uint32), formatted when read. */
  setIPv4Dst(v: number): void {
    this.dstKind = 2;
    this.dstVal = v;
  }

  /** protocol field ids in dissection order, for frame.protocols */
  layers = new Int32Array(64);
  nlayers = 0;

  // addresses of the innermost network layer and transport ports (pinfo->net_src …)
  /** 4 or 6 when an IP layer was seen, else 0 */
  netType = 0;
  /** IPv4 as uint32 */
  src4 = 0;
  dst4 = 0;
  /** IPv6 as text (also used as key) */
  src6 = '';
  dst6 = '';
  ptype = PType.NONE;
  srcport = 0;
  dstport = 0;
  /** number of IP/IPv6 layers seen (tunnels) */
  ipDepth = 0;

  /**
   * Dispatch gate of a filtering run (prune.ts): dissectors that cannot lead to a match of this
   * packet are skipped. undefined = dissect everything.
   */
  gate: DispatchGate | undefined = undefined;

  /** set by malformed()/short(): every caller returns */
  stopped = false;
  isMalformed = false;
  isShort = false;
  /** the packet's expert entries (for -z expert), kept only when `keepExperts` */
  experts: ExpertEntry[] = [];
  /** false when nothing reads `experts` (their tree items are built either way, as wanted) */
  keepExperts = true;
  /**
   * false when nothing of the run reads TCP's SEQ/ACK analysis: no columns, analysis or expert
   * items, nor applications above TCP (a statistics run the pipeline's layer gate stops at the
   * transport headers, such as -z conv,tcp); TCP then does not analyze
   */
  analysis = true;
  /** current protocol short name (for expert entries) */
  curProto = '';

  private saved: { src: number; buf: Uint8Array; dv: DataView; capEnd: number }[] = [];

  // ---- TCP desegmentation (Wireshark's pinfo->can_desegment, desegment_offset, desegment_len) ----
  /**
   * True while TCP calls an application dissector that may ask for more bytes with desegment();
   * false everywhere else (UDP, a reassembled PDU TCP cannot extend, a truncated capture).
   */
  canDesegment = false;
  /** set by desegment(): absolute offset in the current data source where the incomplete PDU starts; -1 = none */
  desegOff = -1;
  /** set by desegment(): bytes still needed after the data given, or DESEGMENT_ONE_MORE / DESEGMENT_UNTIL_FIN */
  desegLen = 0;
  /** set by desegment(): bytes from desegOff the dissector will read in the completed PDU (-1 = all) */
  desegKeep = -1;


  constructor(tree: Tree, session: Session) {
    this.tree = tree;
    this.session = session;
  }

  /** Starts a new frame whose captured bytes are buf[off, off + fi.caplen). */
  begin(fi: FrameInfo, buf: Uint8Array, dv: DataView, off: number): void {
    this.num = fi.num;
    this.tsSec = fi.tsSec;
    this.tsNsec = fi.tsNsec;
    this.caplen = fi.caplen;
    this.len = fi.len;
    this.linktype = fi.linktype;
    this.iface = fi.iface;
    this.comments = fi.comments;
    this.frameInfo = fi;
    this.buf = buf;
    this.dv = dv;
    this.capEnd = off + fi.caplen;
    this.proto = '';
    this.info_ = '';
    this.fence = 0;
    this.lazyFn = undefined;
    this.lazyTail = '';
    this.src = '';
    this.dst = '';
    this.nlayers = 0;
    this.netType = 0;
    this.src4 = this.dst4 = 0;
    this.src6 = this.dst6 = '';
    this.ptype = PType.NONE;
    this.srcport = this.dstport = 0;
    this.ipDepth = 0;
    this.stopped = false;
    this.isMalformed = false;
    this.isShort = false;
    if (this.experts.length !== 0) this.experts.length = 0;
    this.curProto = '';
    this.canDesegment = false;
    this.desegOff = -1;
    this.tree.reset(buf, off, fi.caplen);
  }

  // ---- data sources ----

  /** Switches to a new data source (reassembled/decoded bytes); returns a token for popSource. */
  pushSource(name: string, data: Uint8Array): number {
    const saved = this.tree.pushSource(name, data, 0, data.length);
    const tok = this.saved.length;
    this.saved.push({ src: saved, buf: this.buf, dv: this.dv, capEnd: this.capEnd });
    this.buf = data;
    this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.capEnd = data.length;
    return tok;
  }

  popSource(tok: number): void {
    const s = this.saved[tok]!;
    this.saved.length = tok;
    this.tree.useSource(s.src);
    this.buf = s.buf;
    this.dv = s.dv;
    this.capEnd = s.capEnd;
  }

  // ---- TCP desegmentation ----

  /**
   * An application dissector called by TCP says "the PDU starting at `offset` is incomplete".
   *
   * Contract (src/dissectors/tcp.ts implements it; DNS over TCP, HTTP and TLS use it):
   * - `offset` is absolute in the current data source (`p.buf`), between the `off` and `end` the
   *   dissector was given; the bytes before it were PDUs the dissector handled completely.
   * - `more` is how many bytes are still needed after `end` (so the PDU is `end - offset + more`
   *   bytes long), or DESEGMENT_ONE_MORE (-1: "whatever the next segment brings", for text
   *   protocols that look for a terminator), or DESEGMENT_UNTIL_FIN (-2: the PDU ends with the
   *   connection, e.g. an HTTP/1.0 body without Content-Length).
   * - Returns false (and records nothing) when `p.canDesegment` is false: the dissector must then
   *   dissect what it has (show it as a fragment, or mark it malformed) instead.
   * - After the call the dissector returns at once (any value). TCP keeps Info as the dissector
   *   set it and appends " [TCP segment of a reassembled PDU]" when nothing before `offset` was
   *   consumed; tree items and layers the dissector added for the incomplete PDU are dropped, so
   *   it may ask before or after building them.
   * - When later segments complete the PDU, TCP pushes a new data source "Reassembled TCP
   *   (N bytes)" holding the PDU from its first byte and calls the same dissector (same port or
   *   heuristic) on [0, N) of it (p.buf is then the reassembled buffer). The dissector may ask again
   *   there (a header complete, now the body is known to need more): offset 0 extends the same
   *   PDU, a later offset starts a new PDU with the bytes from there. Bytes of the completing
   *   segment after the PDU are given to the dissector again as frame data.
   * - Revisits (second pass, UI) replay the first pass's decisions: the dissector is called on the
   *   same bytes; its desegment() calls are then only used for the Info tag.
   * - `keep` (≥ 0, with a byte count `more`): the dissector will read only the first `keep` bytes
   *   of the completed PDU (e.g. HTTP's headers, when nothing of this run reads the body). TCP may
   *   then leave the bytes after them uncopied: the PDU has its full length, but those bytes are
   *   arbitrary. A dissector passes it only when `sparsePdus(p)` (analysis/tcp-reassembly.ts) says
   *   that nothing else can read them either.
   */
  desegment(offset: number, more: number, keep = -1): boolean {
    if (!this.canDesegment) return false;
    this.desegOff = offset;
    this.desegLen = more;
    this.desegKeep = more >= 0 ? keep : -1;
    return true;
  }

  // ---- columns ----

  get info(): string {
    if (this.lazyFn !== undefined) this.buildLazy();
    return this.info_;
  }

  /** Writes the Info text to `w` (a lazy part straight from its numbers, without a string). */
  writeInfo(w: TextSink): void {
    if (this.info_.length !== 0) w.text(this.info_);
    if (this.lazyFn !== undefined) {
      this.lazyFn(this.lazyArgs, w);
      if (this.lazyTail.length !== 0) w.text(this.lazyTail);
    }
  }

  /**
   * col_append_str of a text built only if the column is read: `fn(args, sink)` writes it from up
   * to 8 numbers (copied now; `fn` must not read anything else that may change, and writes a
   * non-empty text).
   */
  appendInfoLazy(fn: (a: Float64Array, w: TextSink) => void, a0: number, a1: number, a2: number, a3: number,
    a4 = 0, a5 = 0, a6 = 0, a7 = 0): void {
    if (this.lazyFn !== undefined) this.buildLazy();
    const a = this.lazyArgs;
    a[0] = a0; a[1] = a1; a[2] = a2; a[3] = a3; a[4] = a4; a[5] = a5; a[6] = a6; a[7] = a7;
    this.lazyFn = fn;
    this.lazyTail = '';
  }

  /**
   * Sets lazy argument slots `i` and `i + 1` of the pending text of `fn` (a later part of the same
   * text, e.g. TCP's timestamps after its flags), if that text is pending and nothing was appended
   * after it yet. Returns false otherwise: the caller appends its text itself.
   */
  extendInfoLazy(fn: (a: Float64Array, w: TextSink) => void, i: number, v0: number, v1: number): boolean {
    if (this.lazyFn !== fn || this.lazyTail !== '') return false;
    this.lazyArgs[i] = v0;
    this.lazyArgs[i + 1] = v1;
    return true;
  }

  /** Info is non-empty (without building a lazy text: lazy texts are never empty). */
  hasInfo(): boolean {
    return this.lazyFn !== undefined || this.info_.length !== 0;
  }

  private buildLazy(): void {
    const fn = this.lazyFn!;
    this.lazyFn = undefined;
    const sink = stringSink;
    sink.s = '';
    fn(this.lazyArgs, sink);
    this.info_ = this.info_ + sink.s + this.lazyTail;
    sink.s = '';
    this.lazyTail = '';
  }

  /** A pending lazy text lies after the fence (it always does): replacing that text drops it unread. */
  private dropLazy(): void {
    this.lazyFn = undefined;
    this.lazyTail = '';
  }

  /** col_set_str / col_add_str: replaces the text after the fence. */
  setInfo(s: string): void {
    if (this.lazyFn !== undefined) this.dropLazy();
    this.info_ = this.fence === 0 ? s : this.info_.slice(0, this.fence) + s;
  }

  /** col_append_str */
  appendInfo(s: string): void {
    if (this.lazyFn !== undefined) { this.lazyTail += s; return; }
    this.info_ += s;
  }

  /** col_append_sep_str: appends with `sep` unless the column (after the fence) is empty. */
  appendInfoSep(sep: string, s: string): void {
    if (this.lazyFn !== undefined) this.buildLazy();
    this.info_ += this.info_.length > this.fence ? sep + s : s;
  }

  /** col_prepend_fstr */
  prependInfo(s: string): void {
    this.info_ = s + this.info_;
    if (this.fence) this.fence += s.length;
  }

  /**
   * col_prepend_fence_fstr: prepends and keeps the prefix (and what was already fenced) through
   * later setInfo/clearInfo — how TCP analysis tags survive an application protocol's Info.
   */
  prependInfoFence(s: string): void {
    this.info_ = s + this.info_;
    this.fence = this.fence ? this.fence + s.length : s.length;
  }

  /** col_clear: empties the text after the fence. */
  clearInfo(): void {
    if (this.lazyFn !== undefined) this.dropLazy();
    this.info_ = this.info_.slice(0, this.fence);
  }

  /** col_set_fence: later setInfo/clearInfo keep what is there now. */
  setInfoFence(): void {
    if (this.lazyFn !== undefined) this.buildLazy();
    this.fence = this.info_.length;
  }

  // ---- layers ----

  /**
   * Adds the protocol item `hf` for bytes [off, end) and records the layer (frame.protocols).
   * Returns the item index (SKIP when not built).
   */
  addProto(parent: number, hf: number, off: number, end: number): number {
    this.addLayer(hf);
    this.curProto = protocolShortNames.get(hf) ?? fields[hf]!.abbrev;
    return this.tree.addItem(parent, hf, off, end - off);
  }

  /** Records a layer without a tree item (e.g. `ethertype` in frame.protocols). */
  addLayer(hf: number): void {
    if (this.nlayers === this.layers.length) {
      const l = new Int32Array(this.nlayers * 2);
      l.set(this.layers);
      this.layers = l;
    }
    this.layers[this.nlayers++] = hf;
  }

  /** frame.protocols: `eth:ethertype:ip:tcp` */
  protocolsString(): string {
    let s = '';
    for (let i = 0; i < this.nlayers; i++) s += (i ? ':' : '') + fields[this.layers[i]!]!.abbrev;
    return s;
  }

  /** Calls a handle's dissector (what tables use); the `p.stopped` contract still holds. */
  call(h: Handle, off: number, end: number, parent: number): number {
    if (this.nlayers >= MAX_LAYERS) return this.tooDeep(off, end);
    if (this.gate !== undefined && this.gate.skips(h.fn, this)) return end - off;
    return h.fn(this, off, end, parent);
  }

  callHeur(e: HeurEntry, off: number, end: number, parent: number): number {
    if (this.nlayers >= MAX_LAYERS) return this.tooDeep(off, end);
    if (this.gate !== undefined && this.gate.skips(e.fn, this)) return end - off;
    return e.fn(this, off, end, parent);
  }

  /**
   * A call past tshark's layer limit: the dissector bug tshark reports (its assertion text), and
   * dissection stops. Without it, thousands of nested tunnels overflowed the JS stack.
   */
  private tooDeep(off: number, end: number): number {
    if (!this.stopped) {
      this.stopped = true;
      this.isMalformed = true;
      const it = this.tree.addItem(ROOT, hf_malformed, off, 0);
      this.tree.setLabel(it, `[Dissector bug, protocol ${this.curProto}: ${TOO_DEEP}]`);
      this.addExpert(it, ei_dissector_bug, off, 0, TOO_DEEP);
      this.appendInfo(`[Dissector bug, protocol ${this.curProto}: ${TOO_DEEP}]`);
    }
    return end - off;
  }

  // ---- bounds and problems ----

  /**
   * Checks that `n` bytes at `off` are there. Returns true when they are; otherwise marks the packet
   * malformed (when past the reported end `end`) or short (past the captured end) and returns false.
   * Callers return at once when it says false.
   */
  need(off: number, n: number, end: number): boolean {
    if (off + n <= end && off + n <= this.capEnd) return true;
    if (off + n > end) this.malformed();
    else this.short();
    return false;
  }

  /**
   * Reported-bounds error (Wireshark's ReportedBoundsError): adds "[Malformed Packet: PROTO]" with
   * its expert item at the top level, appends "[Malformed Packet]" to Info, stops dissection.
   */
  malformed(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.isMalformed = true;
    const t = this.tree;
    const name = this.curProto;
    const base = this.tree.sources[this.tree.cur]!.base;
    // not a layer: tshark never lists _ws.malformed in frame.protocols
    const it = this.tree.addItem(ROOT, hf_malformed, base, 0);
    t.setLabel(it, `[Malformed Packet: ${name}]`);
    this.addExpert(it, ei_malformed, base, 0);
    this.appendInfo('[Malformed Packet]');
    if (!this.proto) this.proto = name;
  }

  /** Captured-bounds error (BoundsError): "[Packet size limited during capture: PROTO truncated]". */
  short(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.isShort = true;
    const base = this.tree.sources[this.tree.cur]!.base;
    const it = this.tree.addItem(ROOT, hf_short, base, 0);
    this.tree.setLabel(it, `[Packet size limited during capture: ${this.curProto} truncated]`);
    this.appendInfo('[Packet size limited during capture]');
  }

  /**
   * Adds an expert item under `parent` (the tree shape tshark shows: the expert field with the
   * message, its severity and group) and records it for `-z expert`.
   */
  addExpert(parent: number, ei: ExpertInfo, off: number, len: number, msg: string = ei.summary): number {
    if (this.keepExperts) this.experts.push({ ei, msg, proto: this.curProto });
    const t = this.tree;
    const top = t.addItem(parent, hf_expert, off, len);
    if (top >= 0) {
      t.setLabel(top, `Expert Info (${SEVERITY_NAMES.get(ei.severity)}/${GROUP_NAMES.get(ei.group)}): ${msg}`);
      t.generated(top);
    }
    const it = t.generated(t.addItem(top, ei.fid, off, len));
    t.setLabel(it, msg);
    t.generated(t.hide(t.addStr(top, hf_expert_msg, off, len, msg)));
    t.generated(t.addNum(top, hf_expert_severity, off, len, ei.severity));
    t.generated(t.addNum(top, hf_expert_group, off, len, ei.group));
    return top;
  }
}

