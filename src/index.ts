// wirelens as a library: read captures, dissect them, filter, and print them as tshark does.
//
//   import { runPipeline, compileFilter, summaryLine, timeColumn } from 'wirelens';
//   await runPipeline('x.pcap', { cols: true }, (p, ctx) => console.log(summaryLine(p, timeColumn(ctx.clock, 'r', ctx.precision))));
//
// Importing this module registers every dissector.

import './dissectors/index.js';
import './node/platform.js';

// core engine
export { Engine, type EngineOptions } from './core/dissect.js';
export { Packet, type FrameInfo } from './core/packet.js';
export { Tree, ROOT, SKIP, type DataSource } from './core/tree.js';
export {
  FT, Base, fields, protocols, fieldByName, fieldCount, ftName, baseName, registerProtocol, field, type Field, type FieldSpec,
} from './core/field.js';
export { fieldText, jsonText, itemLabel, displayValue, escapeText, formatIPv4, formatIPv6, formatMac, hexBytes } from './core/format.js';
export { formatAbsTime, formatSecNsec, type NsTime } from './core/time.js';

// capture files
export { readCaptureFile, readCaptureStream, type ReadOptions } from './node/read.js';
export { CaptureFileWriter } from './node/write.js';
export { CaptureError, type FrameRecord, type CaptureMeta, type InterfaceInfo } from './capture/types.js';

// display filters
export { compileFilter, formatFilterError, type CompiledFilter, type CompileResult } from './dfilter/index.js';

// the dissection loop and tshark's outputs
export {
  runPipeline, FrameClock, precisionDigits, type PipelineOptions, type PipelineContext, type PipelineResult, type PacketFilter,
} from './node/pipeline.js';
export { summaryColumns, formatSummaryLine, summaryLine, timeColumn, columnByTitle, type SummaryColumns, type TimeFormat } from './node/output/summary.js';
export {
  resolveFieldColumns, fieldsRow, fieldsHeader, collectValues, applyFieldsOption, DEFAULT_FIELDS_OPTIONS,
  type FieldColumns, type FieldsOptions,
} from './node/output/fields.js';
export { verboseTree, TreeLinks } from './node/output/verbose.js';
export { hexDump, packetHexDump } from './node/output/hexdump.js';
export { JsonWriter, jsonString } from './node/output/json.js';
export { glossaryFields, glossaryProtocols, glossaryValues } from './node/output/glossary.js';
export { run as runCli } from './node/cli.js';
