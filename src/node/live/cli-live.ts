// The command line's side of live capture, kept here so src/node/cli.ts needs only a few lines:
//   -D                → interfacesText()
//   -i/-f/-s/-a/-b/…  → options.ts applyLiveOption() into Options.live
//   the run           → liveRunner(...) has runPipeline's signature: the CLI's per-packet output
//                       code (summary, -V, -T fields, JSON, -l) is the same for files and live.
// Like tshark: "Capturing on '…'" on stderr when the capture starts, "N packets captured" when it
// ends; Ctrl+C (SIGINT), SIGTERM and SIGHUP stop the capture cleanly (the capturer keeps the
// packets already on their way, flushes, and the -w file is complete); a second Ctrl+C stops it
// without waiting, a third kills it.

import { writeSync } from 'node:fs';
import { CaptureError } from '../../capture/types.js';
import type { Packet } from '../../core/packet.js';
import type { WriteFormat } from '../write.js';
import type { PipelineContext, PipelineOptions, PipelineResult } from '../pipeline.js';
import type { LiveCapture } from './capture.js';
import { formatInterfaceList, listInterfaces } from './interfaces.js';
import { resolveInterfaces, validateLive, type LiveArgs } from './options.js';
import { captureSummary, runLiveCapture, type LiveRunOptions } from './run.js';
import type { ToolOptions } from './tools.js';


function stderr(s: string): void {
  try {
    writeSync(2, s);
  } catch {
    // stderr gone
  }
}

/** `wirelens -D` output (with -V: addresses under each interface). */
export async function interfacesText(verbose: boolean, tools: ToolOptions = {}): Promise<string> {
  return formatInterfaceList(await listInterfaces(tools), verbose);
}

export interface LiveCliContext {
  /** -w (a file, or '-' for stdout) */
  write: string | undefined;
  /** -F */
  format: WriteFormat;
  /** -Y/-R given */
  displayFilter: boolean;
  twoPass: boolean;
  /** flush the CLI's stdout buffer (called after each chunk when stdout is a terminal) */
  flush?: (() => void) | undefined;
  /** capturer selection and launcher (tests; the CLI uses the defaults) */
  tools?: ToolOptions | undefined;
}

/** tshark's checks of the live options against the rest of the command line (throws LiveCaptureError). */
export function checkLiveOptions(live: LiveArgs, ctx: LiveCliContext): void {
  validateLive(live, { write: ctx.write, displayFilter: ctx.displayFilter, twoPass: ctx.twoPass });
}

/**
 * A function with runPipeline's signature that captures live instead of reading `path`.
 * Capture problems after the start come back as `error` (so the CLI still closes its output);
 * problems starting (bad filter, no permission, no such interface, no capturer) are thrown as
 * LiveCaptureErrors.
 */
export function liveRunner(live: LiveArgs, ctx: LiveCliContext) {
  return async (
    _path: string,
    popts: PipelineOptions,
    onPacket: (p: Packet, c: PipelineContext) => boolean | void,
  ): Promise<PipelineResult> => {
    checkLiveOptions(live, ctx);
    const ac = new AbortController();
    let cap: LiveCapture | undefined;
    let interrupts = 0;
    const onSignal = (): void => {
      interrupts++;
      if (interrupts === 1) ac.abort();
      else cap?.kill();
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    for (const s of signals) process.on(s, onSignal);
    const { count, source: _source, ...pipeline } = popts;
    void _source;
    const opts: LiveRunOptions = {
      ...ctx.tools,
      ...live.defaults,
      interfaces: resolveInterfaces(live),
      count,
      autostop: live.autostop,
      pipeline,
      signal: ac.signal,
      onStart: (c) => {
        cap = c;
        stderr(`Capturing on ${c.description || 'the default interface'}\n`);
      },
      ...(ctx.flush !== undefined && process.stdout.isTTY ? { onChunk: ctx.flush } : {}),
      ...(ctx.write !== undefined ? { write: { path: ctx.write, format: ctx.format, ring: live.ring } } : {}),
    };
    try {
      const r = await runLiveCapture(opts, onPacket);
      stderr(captureSummary(r));
      if (r.captureError !== undefined) {
        return { ...r, error: new CaptureError(r.captureError.message, 'io') };
      }
      return r;
    } finally {
      for (const s of signals) process.off(s, onSignal);
    }
  };
}

