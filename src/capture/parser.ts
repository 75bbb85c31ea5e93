// The common interface of the capture parsers, and format detection by magic number (never by
// file name: the corpus has pcapng files named .pcap and the reverse).

import { notCaptureError, truncatedHeaderError } from './errors.js';
import { PcapParser, PCAP_MAGIC_NS, PCAP_MAGIC_US } from './pcap.js';
import { PcapngParser, SHB_TYPE } from './pcapng.js';
import type { CaptureMeta, FrameRecord } from './types.js';

/**
 * Called for each frame. The record object (and the chunk it points into) is reused: it is valid
 * only during the call — copy what must outlive it. Return false to stop reading.
 */
export type FrameCallback = (r: FrameRecord) => boolean | void;

export interface ParserOptions {
  /** the input's name for error messages ('-' is "The standard input"); default '-' */
  name?: string;
  /**
   * pcapng: also hand custom blocks (0xBAD, 0x40000BAD) to onFrame as records, numbered among the
   * packets, as tshark 4.0 shows them (`-T fields` rows, "PCAPNG" protocol). Default false: only
   * packets, which is what capinfos counts. Such records have blockType 0xBAD / 0x40000BAD,
   * linktype -1, iface -1, hasTs false, customPen set, and bytes = the custom data after the PEN.
   */
  customBlocks?: boolean;
}

/**
 * A push parser: feed it the input in chunks of any size, in order.
 *
 * Errors are CaptureError values with tshark's wording. Frames before a bad record are all
 * delivered first (a file cut short yields every whole packet, then end() throws 'truncated').
 */
export interface CaptureParser {
  /** the file's metadata once its header has been read (interfaces grow while reading pcapng) */
  readonly meta: CaptureMeta | undefined;
  /** frames (records) delivered so far; frame numbers start at 1 */
  readonly frames: number;
  /**
   * Parses what it can of `chunk` (which the caller may reuse once push returns: the parser copies
   * any incomplete record). Returns false when onFrame asked to stop; the parser is then finished.
   */
  push(chunk: Uint8Array, onFrame: FrameCallback): boolean;
  /** End of input: throws CaptureError('truncated') if a partial record (or header) remains. */
  end(): void;
}

export type DetectedFormat = 'pcap' | 'pcapng' | 'gzip';

/**
 * The format of an input from its first bytes: 'pcap' (either byte order, µs or ns), 'pcapng'
 * (SHB), 'gzip' (1f 8b), undefined when unknown, 'short' when fewer than 4 bytes were given and
 * they begin a known magic (more bytes are needed).
 */
export function detectFormat(head: Uint8Array): DetectedFormat | 'short' | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length < 4) {
    for (const m of MAGICS) {
      let ok = true;
      for (let i = 0; i < head.length; i++) if (m[i] !== head[i]) ok = false;
      if (ok) return 'short';
    }
    return undefined;
  }
  const m = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  if (m === SHB_TYPE) return 'pcapng';
  if (m === PCAP_MAGIC_US || m === PCAP_MAGIC_NS || m === swap32(PCAP_MAGIC_US) || m === swap32(PCAP_MAGIC_NS)) return 'pcap';
  return undefined;
}

function swap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}

const MAGICS: readonly number[][] = [
  [0x0a, 0x0d, 0x0d, 0x0a], [0xa1, 0xb2, 0xc3, 0xd4], [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0x3c, 0x4d], [0x4d, 0x3c, 0xb2, 0xa1], [0x1f, 0x8b],
];

/**
 * A parser for the capture whose first bytes are `firstBytes` (pcap or pcapng, by magic).
 * Throws CaptureError('not-capture') for anything else. With fewer than 4 bytes (or none),
 * returns a parser that decides when its first pushes bring enough bytes; the caller still pushes
 * everything, `firstBytes` included. gzip is the caller's job (see node/read.ts).
 */
export function createParser(firstBytes: Uint8Array = new Uint8Array(0), opts: ParserOptions = {}): CaptureParser {
  const name = opts.name ?? '-';
  const f = detectFormat(firstBytes);
  if (f === 'pcap') return new PcapParser(opts);
  if (f === 'pcapng') return new PcapngParser(opts);
  if (f === 'short' || (f === undefined && firstBytes.length === 0)) return new SniffingParser(opts);
  throw notCaptureError(name);
}

/** Buffers the first few bytes until the magic can be read, then hands over to the real parser. */
class SniffingParser implements CaptureParser {
  private inner: CaptureParser | undefined = undefined;
  private head = new Uint8Array(0);

  constructor(private readonly opts: ParserOptions) {}

  get meta(): CaptureMeta | undefined { return this.inner?.meta; }
  get frames(): number { return this.inner?.frames ?? 0; }

  push(chunk: Uint8Array, onFrame: FrameCallback): boolean {
    if (this.inner) return this.inner.push(chunk, onFrame);
    const h = new Uint8Array(this.head.length + chunk.length);
    h.set(this.head);
    h.set(chunk, this.head.length);
    this.head = h;
    if (h.length < 4) {
      if (detectFormat(h) === undefined) throw notCaptureError(this.opts.name ?? '-');
      return true;
    }
    this.inner = createParser(h, this.opts);
    this.head = new Uint8Array(0);
    return this.inner.push(h, onFrame);
  }

  end(): void {
    if (this.inner) return this.inner.end();
    // nothing at all: an empty capture, as tshark treats an empty file; a cut magic: cut short
    if (this.head.length > 0) throw truncatedHeaderError(this.opts.name ?? '-', 0);
  }
}
