// Where a live capture's packets are saved (-w FILE): one file, or a ring buffer of files
// (-b filesize:kB / duration:S / interval:S / packets:N, -b files:N keeps the last N), named as
// dumpcap names them: out.pcapng → out_00001_20260102150405.pcapng (number, local time the file
// was opened; the suffix is the last extension). Every file is a complete capture: its own
// section header and the interfaces. Sizes are in kB of 1000 bytes, and a file switches after the
// packet that reaches the size (dumpcap's rules, observed with dumpcap 4.0).
//
// Packets are encoded by capture/writer.ts into a buffer that goes to the OS on flush() — the live
// runner flushes after each chunk read from the capturer's pipe — and when a file is closed.

import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CaptureMeta, FrameRecord } from '../../capture/types.js';
import { CaptureFileWriter, type WriteFormat } from '../write.js';
import { ringSwitches, type RingOptions } from './options.js';

export interface CaptureOutputOptions {
  /** -w path (not '-': standard output is written by the caller as one plain file) */
  path: string;
  format: WriteFormat;
  /** -b conditions */
  ring?: RingOptions | undefined;
  /** -a filesize (kB) and -a files: the capture stops when reached */
  autostop?: { filesize?: number | undefined; files?: number | undefined } | undefined;
  /** told about each file as it is opened (tshark's "File: …" lines) */
  onFile?: ((path: string) => void) | undefined;
  /** clock for file names and time-based switching (tests) */
  now?: (() => number) | undefined;
}

/** The name of ring file number `n` (1-based) opened at `when` (ms since the epoch, local time). */
export function ringFileName(path: string, n: number, when: number): string {
  const dir = dirname(path);
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  const prefix = dot > 0 ? base.slice(0, dot) : base;
  const suffix = dot > 0 ? base.slice(dot) : '';
  const d = new Date(when);
  const p2 = (x: number): string => String(x).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p2(d.getMonth() + 1)}${p2(d.getDate())}${p2(d.getHours())}${p2(d.getMinutes())}${p2(d.getSeconds())}`;
  const name = `${prefix}_${String(n).padStart(5, '0')}_${stamp}${suffix}`;
  return dir === '.' && !path.startsWith('.') ? name : join(dir, name);
}

export class CaptureOutput {
  /** files written so far, in order (ring: the ones still on disk) */
  readonly files: string[] = [];
  /** every file opened, including ring files deleted since */
  filesOpened = 0;
  packets = 0;
  /** set when an autostop condition (-a filesize / files) ended the output */
  full = false;
  private writer: CaptureFileWriter | undefined;
  private fileStart = 0;
  private filePackets = 0;
  private nextInterval = Infinity;
  private meta: CaptureMeta | undefined;
  private readonly ring: RingOptions;
  private readonly isRing: boolean;
  private readonly sizeLimit: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly opts: CaptureOutputOptions) {
    this.ring = opts.ring ?? {};
    this.isRing = ringSwitches(this.ring) || opts.autostop?.files !== undefined;
    this.now = opts.now ?? Date.now;
    this.sizeLimit = this.ring.filesize !== undefined ? this.ring.filesize * 1000 : Infinity;
    this.open();
    if (this.ring.duration !== undefined || this.ring.interval !== undefined) {
      // switch on time even while no packet arrives
      this.timer = setInterval(() => this.tick(), 100);
      this.timer.unref();
    }
  }

  /** The file being written. */
  get current(): string | undefined {
    return this.files[this.files.length - 1];
  }

  /** Bytes in the current file (written and buffered). */
  get currentSize(): number {
    return this.writer?.writer.bytesWritten ?? 0;
  }

  /**
   * Saves one frame (meta: the reader's live metadata, for the interfaces). Returns false once an
   * autostop condition is reached: the capture should stop (this frame was saved).
   */
  write(r: FrameRecord, meta: CaptureMeta | undefined): boolean {
    if (this.closed || this.full) return false;
    if (meta !== undefined) this.meta = meta;
    this.tick();
    if (this.full) return false;
    const w = this.writer!;
    if (this.meta !== undefined && w.interfaceCount < this.meta.interfaces.length) w.syncInterfaces(this.meta.interfaces);
    w.writeFrame(r);
    this.packets++;
    this.filePackets++;
    const size = w.writer.bytesWritten;
    const stopSize = this.opts.autostop?.filesize;
    if (stopSize !== undefined && size >= stopSize * 1000) {
      // -a filesize: this file is the last one
      this.full = true;
      return false;
    }
    if (size >= this.sizeLimit || (this.ring.packets !== undefined && this.filePackets >= this.ring.packets)) {
      this.switchFile();
    }
    return !this.full;
  }

  /** Hands buffered packets to the OS (after each chunk from the pipe). */
  flush(): void {
    if (!this.closed) this.writer?.writer.flush();
  }

  /** Time-based switching (-b duration / interval); called by a timer and before each packet. */
  tick(): void {
    if (this.closed || this.full || !this.isRing) return;
    const t = this.now();
    const d = this.ring.duration;
    if ((d !== undefined && t - this.fileStart >= d * 1000) || t >= this.nextInterval) this.switchFile();
  }

  /** Writes everything and closes the current file (empty captures still get their interfaces). */
  close(meta?: CaptureMeta): void {
    if (this.closed) return;
    if (meta !== undefined) this.meta = meta;
    if (this.timer) clearInterval(this.timer);
    this.closeCurrent();
    this.closed = true;
  }

  private closeCurrent(): void {
    const w = this.writer;
    if (w === undefined) return;
    this.writer = undefined;
    if (this.meta !== undefined && w.interfaceCount < this.meta.interfaces.length) {
      try {
        w.syncInterfaces(this.meta.interfaces);
      } catch {
        // pcap with mixed link types: the frames written decided the header
      }
    }
    w.close();
  }

  private switchFile(): void {
    const maxFiles = this.opts.autostop?.files;
    if (maxFiles !== undefined && this.filesOpened >= maxFiles) {
      this.full = true;
      return;
    }
    this.closeCurrent();
    this.open();
  }

  private open(): void {
    const t = this.now();
    const n = this.filesOpened + 1;
    const path = this.isRing ? ringFileName(this.opts.path, n, t) : this.opts.path;
    const m = this.meta;
    const w = CaptureFileWriter.open(path, {
      format: this.opts.format,
      ...(m?.shbHardware !== undefined ? { hardware: m.shbHardware } : {}),
      ...(m?.shbOs !== undefined ? { os: m.shbOs } : {}),
    });
    this.writer = w;
    this.filesOpened = n;
    this.fileStart = t;
    this.filePackets = 0;
    const iv = this.ring.interval;
    this.nextInterval = iv === undefined ? Infinity : (Math.floor(t / (iv * 1000)) + 1) * iv * 1000;
    if (m !== undefined) w.syncInterfaces(m.interfaces);
    this.files.push(path);
    const keep = this.ring.files;
    if (this.isRing && keep !== undefined && keep > 0) {
      while (this.files.length > keep) {
        const old = this.files.shift()!;
        try {
          unlinkSync(old);
        } catch {
          // already gone
        }
      }
    }
    this.opts.onFile?.(path);
  }
}
