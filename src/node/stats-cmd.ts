// Running `-z` taps over a capture file (the CLI and the UI server): one pipeline pass that
// builds only the tree items the taps read. The taps see every packet read, as tshark's do
// (a -Y display filter limits printing, not statistics; -2 -R limits both).

import type { Packet } from '../core/packet.js';
import { createTap, statsText, tapColumns, tapExperts, tapLayerGate, tapWant, type Tap, type TapClock } from '../stats/index.js';
import { runPipeline, type PacketFilter, type PipelineResult } from './pipeline.js';

export interface StatsRun {
  taps: Tap[];
  /** tshark's text for all taps (in tshark's order) */
  text: string;
  /** text per spec, in the order given */
  texts: string[];
  /** structured result per spec (ConvResult, PhsResult … see src/stats/index.ts), in the order given */
  results: unknown[];
  pipeline: PipelineResult;
}

export interface StatsOptions {
  /** only packets passing this filter reach the taps (tshark -2 -R) */
  filter?: PacketFilter | undefined;
  twoPass?: boolean | undefined;
  count?: number | undefined;
}

/** Feeds one packet to taps with the capture's time origin. */
export function feedTaps(taps: readonly Tap[], p: Packet, clock: TapClock): void {
  for (const t of taps) t.packet(p, clock);
}

/** Runs the `-z` specs over a capture file. Throws StatsSpecError for a bad spec. */
export async function computeStats(path: string, specs: readonly string[], opts: StatsOptions = {}): Promise<StatsRun> {
  const taps = specs.map((s) => createTap(s));
  const clock: TapClock = { firstSec: NaN, firstNsec: 0 };
  const want = tapWant(taps);
  const cols = tapColumns(taps);
  const layerGate = opts.filter === undefined ? tapLayerGate(taps, want, cols) : undefined;
  const pipeline = await runPipeline(path, {
    want, cols, filter: opts.filter, twoPass: opts.twoPass === true, count: opts.count, layerGate, experts: tapExperts(taps),
  }, (p, ctx) => {
    clock.firstSec = ctx.clock.firstSec;
    clock.firstNsec = ctx.clock.firstNsec;
    clock.precision = ctx.precision;
    feedTaps(taps, p, clock);
  });
  return { taps, text: statsText(taps), texts: taps.map((t) => t.text()), results: taps.map((t) => t.result()), pipeline };
}
