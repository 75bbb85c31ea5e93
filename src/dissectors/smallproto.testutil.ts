// Shared by the small link/network-layer protocol tests (esp, can, stp, igmp, hsrp …): the rows of
// a capture whose golden Protocol column is one of `protos`, compared on frame.protocols and the
// Protocol/Info columns (the summary line's dissector-made parts).

import { compareGolden, type CompareResult } from './golden.testutil.js';

export const SUMMARY_COLUMNS = ['frame.protocols', '_ws.col.Protocol', '_ws.col.Info'] as const;

/** Compares SUMMARY_COLUMNS on the golden rows whose Protocol is in `protos`; undefined when the corpus is absent. */
export function protoRows(rel: string, protos: readonly string[]): CompareResult | undefined {
  const want = new Set(protos);
  return compareGolden(rel, SUMMARY_COLUMNS, { rowFilter: (get) => want.has(get('_ws.col.Protocol')) });
}
