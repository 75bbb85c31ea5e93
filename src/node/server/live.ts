// Live capture behind the UI: the capturer (dumpcap, else tcpdump, through src/node/live) writes
// its pcapng/pcap stream to wirelens; every chunk is appended to a temporary file first and then
// handed to the session's first pass, so the packet list grows as packets arrive, random access
// (details pane, filters that re-dissect) reads the very same bytes, and after Stop the file is a
// complete capture that "Save" downloads like any other.
//
// The capture filter is compiled by the capturer before anything starts (a clear error for a bad
// BPF expression). The launcher (e.g. `ip netns exec NS`, `sudo -n`) comes from the server's own
// options, never from a request.

import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { listInterfaces, startCapture, type CaptureExit, type CaptureInterface, type LiveCapture } from '../live/index.js';
import { CaptureSession } from './session.js';

export interface LiveOptions {
  /** command prefix the capturer runs under (server configuration only) */
  launcher?: readonly string[] | undefined;
  /** 'auto' (default), 'dumpcap' or 'tcpdump' */
  capturer?: 'auto' | 'dumpcap' | 'tcpdump' | undefined;
}

export interface LiveStart {
  /** interface name or -D number; '' = the capturer's default */
  iface: string;
  /** capture filter (BPF), '' = none */
  filter: string;
  /** bytes kept per packet, 0 = the capturer's default */
  snaplen: number;
}

export interface LiveInfo {
  running: boolean;
  iface: string;
  filter: string;
  tool: string;
  /** what the capturer reported when it ended (packets captured / dropped), '' while running */
  summary: string;
  error: string | undefined;
}

/** The capturer's stream, each chunk appended to `file` before the reader sees it. */
async function* teeToFile(stream: Readable, file: string): AsyncGenerator<Uint8Array, void, undefined> {
  const fh = await open(file, 'w');
  try {
    for await (const c of stream) {
      const b = c as Buffer;
      let off = 0;
      while (off < b.length) off += (await fh.write(b, off, b.length - off)).bytesWritten;
      yield b;
    }
  } finally {
    await fh.close();
  }
}

/** One live capture at a time per server. */
export class LiveCaptures {
  private cap: LiveCapture | undefined;
  private info: LiveInfo | undefined;
  private dir: string | undefined;
  private readonly files: string[] = [];

  constructor(private readonly opts: LiveOptions = {}) {}

  interfaces(): Promise<CaptureInterface[]> {
    return listInterfaces({ launcher: this.opts.launcher, capturer: this.opts.capturer });
  }

  get running(): boolean {
    return this.cap?.running ?? false;
  }

  status(): LiveInfo | undefined {
    return this.info;
  }

  /**
   * Starts a capture and returns the session its packets stream into (its first pass runs until
   * the capture stops). Rejects with the capturer's LiveCaptureError (bad filter, no such
   * interface, no permission, no capturer).
   */
  async start(p: LiveStart): Promise<CaptureSession> {
    if (this.running) await this.stop();
    const cap = await startCapture({
      interfaces: p.iface ? [p.iface] : [],
      filter: p.filter || undefined,
      snaplen: p.snaplen > 0 ? p.snaplen : undefined,
      launcher: this.opts.launcher,
      capturer: this.opts.capturer,
    });
    this.dir ??= await mkdtemp(join(tmpdir(), 'wirelens-live-'));
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const name = `${(p.iface || 'capture').replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.${cap.format}`;
    const file = join(this.dir, `${this.files.length}-${name}`);
    this.files.push(file);
    const info: LiveInfo = { running: true, iface: p.iface, filter: p.filter, tool: cap.tool.name, summary: '', error: undefined };
    this.cap = cap;
    this.info = info;
    void cap.exited.then((ex: CaptureExit) => {
      info.running = false;
      info.error = ex.error?.message;
      const c = ex.counts;
      const dropped = c.interfaces.reduce((n, i) => n + i.dropped, 0);
      info.summary = c.captured !== undefined ? `${c.captured} packets captured${dropped ? `, ${dropped} dropped` : ''}` : '';
    });
    const s = new CaptureSession(file, { source: teeToFile(cap.stream, file), name });
    void s.load(0);
    return s;
  }

  /** Stops the capture (the capturer flushes what it holds); resolves once it has exited. */
  async stop(): Promise<LiveInfo | undefined> {
    const cap = this.cap;
    if (cap?.running) await cap.stop();
    return this.info;
  }

  /** Stops a capture still running and removes the temporary files. */
  async close(): Promise<void> {
    const cap = this.cap;
    if (cap?.running) cap.kill();
    await cap?.exited.catch(() => undefined);
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
