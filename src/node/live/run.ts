// A live capture through the same pipeline as a file (node/pipeline.ts): the capturer's pipe is the
// source, the display filter and the outputs (-V, -T fields, JSON, summaries) apply to each packet
// as it arrives, and -w saves every captured packet (one file or a ring buffer). Stop conditions:
// -c / -a packets (capturer and pipeline count), -a duration (capturer and a timer), -a filesize /
// -a files (the output), an AbortSignal (Ctrl+C in the CLI, a stop button in the UI). However it
// stops, the capturer is asked to stop with SIGINT and the saved files are complete.

import type { Packet } from '../../core/packet.js';
import type { CaptureError } from '../../capture/types.js';
import type { WriteFormat } from '../write.js';
import { runPipeline, type PipelineContext, type PipelineOptions, type PipelineResult } from '../pipeline.js';
import { startCapture, type CaptureExit, type LiveCapture, type LiveCaptureOptions } from './capture.js';
import type { Autostop, RingOptions } from './options.js';
import { CaptureOutput } from './ring.js';
import { LiveCaptureError } from './tools.js';

export interface LiveWriteOptions {
  /** -w: file path, or '-' for standard output */
  path: string;
  /** -F (default pcapng) */
  format?: WriteFormat | undefined;
  /** -b */
  ring?: RingOptions | undefined;
}

export interface LiveRunOptions extends LiveCaptureOptions {
  /** how packets are dissected and filtered (as for a file); `count` and `source` are set here */
  pipeline?: Omit<PipelineOptions, 'source' | 'count'> | undefined;
  /** -a conditions (duration, packets, filesize, files) */
  autostop?: Autostop | undefined;
  /** -w (and -b) */
  write?: LiveWriteOptions | undefined;
  /** stops the capture cleanly when aborted */
  signal?: AbortSignal | undefined;
  /** the capturer runs (print "Capturing on …") */
  onStart?: ((cap: LiveCapture) => void) | undefined;
  /** an output file was opened */
  onFile?: ((path: string) => void) | undefined;
  /** a chunk of the pipe was handled: every packet in it went through onPacket (flush outputs now) */
  onChunk?: (() => void) | undefined;
}

export interface LiveRunResult extends PipelineResult {
  /** how the capturer ended (its statistics, its stderr) */
  exit: CaptureExit | undefined;
  /** the capturer's problem, if it had one (the capture stopped because of it) */
  captureError: LiveCaptureError | undefined;
  /** files written (ring: the ones kept), in order */
  files: string[];
  /** packets saved with -w */
  written: number;
}

/** Chunks of the stream; `after` runs once the consumer asks for the next one (the last was handled). */
async function* handled(stream: AsyncIterable<Uint8Array>, after: () => void): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const c of stream) {
    yield c;
    after();
  }
}

/**
 * Captures live and runs each packet through the pipeline; resolves when the capture has stopped
 * and every output is complete. Rejects with a LiveCaptureError when the capture cannot start.
 */
export async function runLiveCapture(
  opts: LiveRunOptions,
  onPacket: (p: Packet, ctx: PipelineContext) => boolean | void,
): Promise<LiveRunResult> {
  const auto = opts.autostop ?? {};
  const count = minDefined(opts.count, auto.packets);
  const duration = minDefined(opts.duration, auto.duration);
  if ((opts.write?.path === '-' || opts.write === undefined) && (auto.filesize !== undefined || auto.files !== undefined)) {
    throw new LiveCaptureError('bad-option', "Maximum capture file size specified, but capture isn't being saved to a file.");
  }
  if (opts.signal?.aborted) {
    return { meta: undefined, frames: 0, displayed: 0, error: undefined, exit: undefined, captureError: undefined, files: [], written: 0 };
  }
  const cap = await startCapture({ ...opts, count, duration });
  let output: CaptureOutput | undefined;
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => { void cap.stop(); };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let result: PipelineResult | undefined;
  let exit: CaptureExit | undefined;
  try {
    opts.onStart?.(cap);
    if (opts.signal?.aborted) void cap.stop();
    if (duration !== undefined) {
      timer = setTimeout(() => { void cap.stop(); }, duration * 1000);
      timer.unref();
    }
    if (opts.write !== undefined) {
      output = new CaptureOutput({
        path: opts.write.path, format: opts.write.format ?? 'pcapng', ring: opts.write.ring,
        autostop: { filesize: auto.filesize, files: auto.files }, onFile: opts.onFile,
      });
    }
    const out = output;
    const userOnFrame = opts.pipeline?.onFrame;
    const onChunk = opts.onChunk;
    const source = handled(cap.stream, () => {
      out?.flush();
      onChunk?.();
    });
    const name = `${cap.tool.name} (${cap.description || 'default interface'})`;
    result = await runPipeline(name, {
      ...opts.pipeline,
      source,
      count,
      onFrame: out === undefined && userOnFrame === undefined ? undefined : (r, shown, meta) => {
        let go = userOnFrame?.(r, shown, meta) !== false;
        if (out !== undefined && !out.write(r, meta)) go = false;
        return go;
      },
    }, onPacket);
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    // stopped early (count, file size, an exception): no one reads the pipe any more
    if (cap.running) {
      cap.stream.destroy();
      cap.kill();
    }
    exit = await cap.stop();
    output?.close(result?.meta);
  }
  const captureError = exit.error;
  const error: CaptureError | undefined = result.error;
  return {
    ...result,
    error: captureError !== undefined ? undefined : error,
    exit,
    captureError,
    files: output?.files ?? [],
    written: output?.packets ?? 0,
  };
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** tshark's closing lines on stderr: "N packets captured" and the drops per interface. */
export function captureSummary(r: LiveRunResult): string {
  let s = `${r.frames} packet${r.frames === 1 ? '' : 's'} captured\n`;
  for (const i of r.exit?.counts.interfaces ?? []) {
    if (i.dropped > 0) s += `${i.dropped} packet${i.dropped === 1 ? '' : 's'} dropped from ${i.iface}\n`;
  }
  return s;
}

