#!/usr/bin/env node
// wirelens: a tshark-compatible command line. Options, output formats, messages and exit codes
// follow tshark 4.0 (learned from its behaviour): `wirelens -r F`, -V, -x, -T fields/json,
// -G fields, -w, -c, -Y. Output is batched into large writes; nothing per packet is built that
// is not printed (no tree for plain summaries). What only some runs use (-G, -z, -w, -T json/ek,
// live capture, sub-commands) is imported where it is used, so a plain run loads less at start-up.

import { statSync, writeSync } from 'node:fs';
import '../dissectors/index.js';
import './platform.js';
import { compileFilter, formatFilterError } from '../dfilter/index.js';
import type { Packet } from '../core/packet.js';
import { CaptureError } from '../capture/types.js';
import type { CaptureFileWriter, WriteFormat } from './write.js';
import { Out } from './output/out.js';
import { mergeWant, runPipeline, type PacketFilter, type PipelineContext } from './pipeline.js';
import type { Tap, TapClock } from '../stats/index.js';
import { writeSummaryLineAt, timeColumn, TIME_FORMATS, type TimeFormat } from './output/summary.js';
import { verboseTree, TreeLinks } from './output/verbose.js';
import { packetHexDump } from './output/hexdump.js';
import {
  applyFieldsOption, DEFAULT_FIELDS_OPTIONS, fieldsHeader, fieldsRow, FIELDS_OPTIONS_HELP,
  invalidFieldsMessage, resolveFieldColumns, type FieldColumns, type FieldsOptions,
} from './output/fields.js';
import type { EkWriter, JsonWriter } from './output/json.js';
import { Progress } from './output/progress.js';
import { applyLiveOption, newLiveArgs, type LiveArgs } from './live/options.js';
import { LiveCaptureError } from './live/tools.js';
import { applyDecodeAs, DecodeAsError } from '../core/decode-as.js';
import { exportObjectsUsage, parseExportObjects, writeHttpObjects, type ExportObjectsSpec } from './export-objects.js';
import { httpObjects, setHttpObjectCollection } from '../dissectors/http.js';
import { setSparsePdus } from '../analysis/tcp-reassembly.js';
import type { Session } from '../core/session.js';

const PROG = 'wirelens';
const VERSION = '0.1.0';

/** A user-facing failure: one line (or a few) on stderr and an exit code; never a stack trace. */
class CliExit extends Error {
  constructor(readonly code: number, message: string, readonly usage = false) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// output: large string buffers written synchronously to fd 1

function err(line: string): void {
  try {
    writeSync(2, line.endsWith('\n') ? line : line + '\n');
  } catch {
    // stderr gone: nothing left to tell
  }
}

// ---------------------------------------------------------------------------------------------
// options

interface Options {
  read: string | undefined;
  count: number | undefined;
  verbose: boolean;
  hex: boolean;
  printSummary: boolean;
  quiet: boolean;
  lineBuffered: boolean;
  outputType: 'text' | 'fields' | 'json' | 'ek';
  fields: string[];
  fieldsOpts: FieldsOptions;
  timeFormat: TimeFormat;
  displayFilter: string | undefined;
  readFilter: string | undefined;
  twoPass: boolean;
  write: string | undefined;
  writeFormat: WriteFormat;
  stats: string[];
  explainFilter: boolean;
  noDuplicateKeys: boolean;
  warnings: string[];
  /** live capture: -i -f -s -p -I -B -y -a -b -D */
  live: LiveArgs;
  /** --export-objects http,DIR */
  exportObjects: ExportObjectsSpec | undefined;
}

const USAGE = `Usage: ${PROG} [options] ...

Input file:
  -r <infile>, --read-file <infile>
                           set the filename to read from (or '-' for stdin)

Capture interface:
  -i <interface>, --interface <interface>
                           name or idx of interface (see -D)
  -f <capture filter>      packet filter in libpcap filter syntax
  -s <snaplen>             packet snapshot length (def: appropriate maximum)
  -p                       don't capture in promiscuous mode
  -I                       capture in monitor mode, if available
  -B <buffer size>         size of kernel buffer in MiB
  -y <link type>           link layer type (def: first appropriate)
  -D                       print list of interfaces and exit (with -V: addresses)
  Capturing runs dumpcap (or tcpdump), which needs the privileges.

Capture stop conditions:
  -c <packet count>        stop after n packets (def: infinite)
  -a <autostop cond.> ...  duration:NUM - stop after NUM seconds
                           filesize:NUM - stop this file after NUM kB
                              files:NUM - stop after NUM files
                            packets:NUM - stop after NUM packets

Capture output:
  -b <ringbuffer opt.> ... duration:NUM - switch to next file after NUM secs
                           filesize:NUM - switch to next file after NUM kB
                              files:NUM - ringbuffer: replace after NUM files
                            packets:NUM - switch to next file after NUM packets
                           interval:NUM - switch to next file when the time is
                                          an exact multiple of NUM secs

Processing:
  -2                       perform a two-pass analysis (with -R)
  -R <read filter>, --read-filter <read filter>
                           packet Read filter in Wireshark display filter syntax
                           (requires -2)
  -Y <display filter>, --display-filter <display filter>
                           packet displaY filter in Wireshark display filter
                           syntax
  -n                       disable all name resolutions (${PROG} never resolves)
  --explain-filter         print how the -Y/-R filter was understood and exit

Output:
  -c <packet count>        stop after n packets (def: infinite)
  -w <outfile|->           write packets to a pcapng-format file named "outfile"
                           (or '-' for stdout)
  -F <output file type>    set the output file type (pcapng, pcap, nsecpcap),
                           default is pcapng
  -V                       add output of packet tree        (Packet Details)
  -P, --print              print packet summary even when writing to a file
  -x                       add output of hex and ASCII dump (Packet Bytes)
  -T json|ek|text|fields   format of text output (def: text)
  -e <field>               field to print if -Tfields selected (e.g. tcp.port,
                           _ws.col.Info)
                           this option can be repeated to print multiple fields
  -E<fieldsoption>=<value> set options for output when -Tfields selected:
     bom=y|n               print a UTF-8 BOM
     header=y|n            switch headers on and off
     separator=/t|/s|<char> select tab, space, printable character as separator
     occurrence=f|l|a      print first, last or all occurrences of each field
     aggregator=,|/s|<char> select comma, space, printable character as
                           aggregator
     quote=d|s|n           select double, single, no quotes for values
  -t a|ad|adoy|d|dd|e|r|u|ud|udoy
                           output format of time stamps (def: r: rel. to first)
  -l                       flush standard output after each packet
  -q                       be more quiet on stdout (e.g. when using statistics)
  -Q                       only log true errors to stderr (quieter than -q)
  -z <statistics>          various statistics: conv,TYPE endpoints,TYPE (eth ip ipv6 tcp udp),
                           io,phs io,stat,INT[,FILTER|FUNC(field)FILTER…] expert follow,tcp|udp,MODE,N

Miscellaneous:
  -h, --help               display this help and exit
  -v, --version            display version info and exit
  -G [report]              dump one of several available reports and exit
                           default report="fields"
                           use "-G help" for more help
`;

const T_HELP = `Invalid -T parameter "%s"; it must be one of:
\t"fields"  The values of fields specified with the -e option, in a form
\t          specified by the -E option.
\t"json"    Packet Summary, an JSON-based format for the details
\t          summary information of a decoded packet. This information is
\t          equivalent to the packet details printed with the -V flag.
\t"text"    Text of a human-readable one-line summary of each of the packets,
\t          or a multi-line view of the details of each of the packets,
\t          depending on whether the -V flag was specified.
\t          This is the default.`;

const TIME_HELP = `Invalid time stamp type "%s"; it must be one of:
\t"a"    for absolute
\t"ad"   for absolute with YYYY-MM-DD date
\t"adoy" for absolute with YYYY/DOY date
\t"d"    for delta
\t"dd"   for delta displayed
\t"e"    for epoch
\t"r"    for relative
\t"u"    for absolute UTC
\t"ud"   for absolute UTC with YYYY-MM-DD date
\t"udoy" for absolute UTC with YYYY/DOY date`;

/** Options taking an argument (short form). */
const WITH_ARG = new Set(['r', 'c', 't', 'T', 'e', 'E', 'Y', 'R', 'w', 'F', 'z', 'o', 'd', 'N', 'u', 'j', 'J', 'O', 'S', 'C', 'M', 'i', 'f', 's', 'y', 'a', 'b', 'B', 'H', 'K', 'X', 'U', 'W', 'L']);
const FLAGS = new Set(['n', 'V', 'x', 'q', 'Q', 'l', '2', 'P', 'h', 'v', 'p', 'I', 'D', 'g', 'A']);
const LONG: Record<string, { short?: string; arg: boolean }> = {
  'read-file': { short: 'r', arg: true },
  'display-filter': { short: 'Y', arg: true },
  'read-filter': { short: 'R', arg: true },
  print: { short: 'P', arg: false },
  help: { short: 'h', arg: false },
  version: { short: 'v', arg: false },
  'explain-filter': { arg: false },
  'no-duplicate-keys': { arg: false },
  color: { arg: false },
  interface: { short: 'i', arg: true },
  'capture-comment': { arg: true },
  'enable-protocol': { arg: true },
  'disable-protocol': { arg: true },
  'enable-heuristic': { arg: true },
  'disable-heuristic': { arg: true },
  hexdump: { arg: true },
  'temp-dir': { arg: true },
  'log-level': { arg: true },
  'export-objects': { arg: true },
};

function parseCount(v: string): number {
  if (!/^-?\d+$/.test(v)) throw new CliExit(1, `The specified packet count "${v}" isn't a decimal number`);
  const n = Number(v);
  if (n < 0) throw new CliExit(1, `The specified packet count "${v}" is a negative number`);
  if (n === 0) throw new CliExit(1, 'The specified packet count is zero');
  return n;
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    read: undefined, count: undefined, verbose: false, hex: false, printSummary: false, quiet: false,
    lineBuffered: false, outputType: 'text', fields: [], fieldsOpts: { ...DEFAULT_FIELDS_OPTIONS },
    timeFormat: 'r', displayFilter: undefined, readFilter: undefined, twoPass: false, write: undefined,
    writeFormat: 'pcapng', stats: [], explainFilter: false, noDuplicateKeys: false, warnings: [],
    live: newLiveArgs(), exportObjects: undefined,
  };
  const rest: string[] = [];
  const apply = (opt: string, val: string): void => {
    switch (opt) {
      case 'r': o.read = val; break;
      case 'c': o.count = parseCount(val); break;
      case 't':
        if (!(TIME_FORMATS as readonly string[]).includes(val)) throw new CliExit(1, TIME_HELP.replace('%s', val));
        o.timeFormat = val as TimeFormat;
        break;
      case 'T':
        if (val === 'fields' || val === 'json' || val === 'text') o.outputType = val;
        else if (val === 'ek') o.outputType = 'ek';
        else if (['pdml', 'ps', 'psml', 'jsonraw', 'tabs'].includes(val)) throw new CliExit(1, `-T ${val} is not supported yet; use -T text, fields or json`);
        else throw new CliExit(1, T_HELP.replace('%s', val));
        break;
      case 'e': o.fields.push(val); break;
      case 'E':
        if (!applyFieldsOption(o.fieldsOpts, val)) {
          const k = val.includes('=') ? val.slice(0, val.indexOf('=')) : val;
          throw new CliExit(1, `"${k}" is not a valid field output option=value pair.\n${PROG}: ${FIELDS_OPTIONS_HELP}`.replace(/\n$/, ''));
        }
        break;
      case 'Y': o.displayFilter = val; break;
      case 'R': o.readFilter = val; break;
      case 'w': o.write = val; break;
      case 'F':
        if (val === 'pcapng') o.writeFormat = 'pcapng';
        else if (val === 'pcap' || val === 'libpcap') o.writeFormat = 'pcap';
        else if (val === 'nsecpcap') o.writeFormat = 'pcap-nsec';
        else throw new CliExit(1, `"${val}" isn't a valid capture file type\n${PROG}: The available capture file types for the "-F" flag are:\n    pcap - Wireshark/tcpdump/... - pcap\n    pcapng - Wireshark/... - pcapng\n    nsecpcap - Wireshark/tcpdump/... - nanosecond pcap`);
        break;
      case 'z': o.stats.push(val); break;
      case 'u':
        if (val !== 's' && val !== 'hms') throw new CliExit(1, `Invalid -u parameter "${val}"; it must be one of:\n\t"s"   for seconds\n\t"hms" for hours, minutes and seconds`);
        if (val === 'hms') o.warnings.push('-u hms is not supported yet; times are shown in seconds');
        break;
      case 'N': case 'j': case 'J': case 'O': case 'S': case 'C': case 'M': case 'H': case 'K': case 'X': case 'W': case 'o':
        o.warnings.push(`-${opt} is not supported yet; ignored`);
        break;
      case 'd':
        try {
          const w = applyDecodeAs(val).warning;
          if (w) o.warnings.push(w);
        } catch (e) {
          // each message line carries the program name; the list lines (tab-indented) do not
          if (e instanceof DecodeAsError) throw new CliExit(1, e.message.split('\n').map((l, i) => (i && l[0] !== '\t' ? `${PROG}: ${l}` : l)).join('\n'));
          throw e;
        }
        break;
      case 'i': case 'f': case 's': case 'y': case 'a': case 'b': case 'B': case 'p': case 'I': case 'D':
        applyLiveOption(o.live, opt, val);
        break;
      case 'U': case 'L':
        throw new CliExit(1, `-${opt}: live capture is not supported yet; read a capture file with -r`);
      case 'n': break;
      case 'V': o.verbose = true; break;
      case 'x': o.hex = true; break;
      case 'q': case 'Q': o.quiet = true; break;
      case 'l': o.lineBuffered = true; break;
      case '2': o.twoPass = true; break;
      case 'P': o.printSummary = true; break;
      case 'A':
        throw new CliExit(1, `-${opt}: live capture is not supported yet; read a capture file with -r`);
      case 'g': break;
      default: break;
    }
  };

  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') { rest.push(...argv.slice(k + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = LONG[name];
      if (!spec) throw new CliExit(1, `unrecognized option: ${name}`, true);
      let val = '';
      if (spec.arg) {
        if (eq >= 0) val = a.slice(eq + 1);
        else if (k + 1 < argv.length) val = argv[++k]!;
        else throw new CliExit(1, `option requires an argument: ${name}`, true);
      }
      if (spec.short) { apply(spec.short, val); continue; }
      switch (name) {
        case 'explain-filter': o.explainFilter = true; break;
        case 'no-duplicate-keys': o.noDuplicateKeys = true; break;
        case 'hexdump': o.hex = true; break;
        case 'export-objects':
          o.exportObjects = parseExportObjects(val);
          if (!o.exportObjects) throw new CliExit(1, exportObjectsUsage(PROG));
          break;
        default: o.warnings.push(`--${name} is not supported yet; ignored`);
      }
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'G') throw new CliExit(1, '-G only valid as first option');
        if (WITH_ARG.has(c)) {
          let val = a.slice(j + 1);
          if (val === '') {
            if (k + 1 >= argv.length) throw new CliExit(1, `option requires an argument: ${c}`, true);
            val = argv[++k]!;
          }
          apply(c, val);
          break;
        }
        if (FLAGS.has(c)) { apply(c, ''); continue; }
        throw new CliExit(1, `unrecognized option: ${c}`, true);
      }
      continue;
    }
    rest.push(a);
  }
  if (rest.length) {
    // tshark takes what is left as a filter: a display filter when reading a file
    const f = rest.join(' ');
    if (o.displayFilter !== undefined || o.readFilter !== undefined) throw new CliExit(1, 'Display filters were specified both with "-Y" and with additional command-line arguments.');
    o.displayFilter = f;
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// main

function compile(text: string): PacketFilter & { explain(): string } {
  const r = compileFilter(text);
  if (!r.ok) throw new CliExit(2, formatFilterError(r.error.text, r.error).replace(/\n$/, ''));
  return r.filter;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'ui') return (await import('./ui-cmd.js')).uiMain(argv.slice(1));
  if (argv[0] === 'explain') return (await import('./explain-cmd.js')).explainMain(argv.slice(1));
  if (argv[0] === 'flow') return (await import('./flow-cmd.js')).flowMain(argv.slice(1));
  // -G must come first (tshark's rule)
  if (argv[0] !== undefined && argv[0].startsWith('-G')) {
    const report = argv[0].length > 2 ? argv[0].slice(2) : (argv[1] ?? 'fields');
    const { glossaryFieldCount, glossaryFields, glossaryFtypes, glossaryProtocols, glossaryValues, GLOSSARY_HELP } = await import('./output/glossary.js');
    const out = new Out(1);
    switch (report) {
      case 'fields': out.write(glossaryFields()); break;
      case 'protocols': out.write(glossaryProtocols()); break;
      case 'values': out.write(glossaryValues()); break;
      case 'ftypes': out.write(glossaryFtypes()); break;
      case 'fieldcount': out.write(glossaryFieldCount()); break;
      case 'help': out.write(GLOSSARY_HELP); break;
      default: throw new CliExit(1, `Invalid -G report "${report}"; reports: fields, fieldcount, ftypes, protocols, values (see -G help)`);
    }
    out.flush();
    return 0;
  }
  const o = parseArgs(argv);
  if (argv.includes('-h') || argv.includes('--help')) {
    const out = new Out(1);
    out.write(`${PROG} ${VERSION}\nDump and analyze network traffic, tshark-compatible.\n\n${USAGE}`);
    out.flush();
    return 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    const out = new Out(1);
    out.write(`${PROG} ${VERSION} (tshark 4.0 compatible command line)\n`);
    out.flush();
    return 0;
  }
  if (o.live.listInterfaces) {
    const out = new Out(1);
    out.write(await (await import('./live/cli-live.js')).interfacesText(o.verbose));
    out.flush();
    return 0;
  }
  for (const w of o.warnings) if (!o.quiet) err(`${PROG}: ${w}`);

  // filters
  if (o.readFilter !== undefined && !o.twoPass) throw new CliExit(1, '-R without -2 is deprecated. For single-pass filtering use -Y.');
  let filterText = o.displayFilter;
  if (o.readFilter !== undefined) filterText = filterText === undefined ? o.readFilter : `(${o.readFilter}) && (${filterText})`;
  const filter = filterText === undefined ? undefined : compile(filterText);
  if (o.explainFilter) {
    if (!filter) throw new CliExit(1, '--explain-filter needs a filter (-Y or -R)');
    const out = new Out(1);
    out.write(filter.explain());
    out.flush();
    return 0;
  }

  // output mode checks (tshark's order and words)
  if (o.outputType === 'fields' && o.fields.length === 0) throw new CliExit(1, '"-Tfields" was specified, but no fields were specified with "-e".');
  if (o.fields.length && o.outputType !== 'fields' && o.outputType !== 'json' && o.outputType !== 'ek') throw new CliExit(1, 'Output fields were specified with "-e", but "-Tek, -Tfields, -Tjson or -Tpdml" was not specified.');
  let cols: FieldColumns | undefined;
  if (o.fields.length) {
    const r = resolveFieldColumns(o.fields);
    if (!r.ok) throw new CliExit(1, invalidFieldsMessage(r.invalid).replace(/\n$/, ''));
    cols = r.columns;
  }
  // -z: taps see every packet read (a -Y filter limits printing only; -2 -R limits both)
  const taps: Tap[] = [];
  const stats = o.stats.length ? { ...(await import('../stats/index.js')), feedTaps: (await import('./stats-cmd.js')).feedTaps } : undefined;
  const { createTap, statsText, StatsSpecError, STATS_LIST, tapColumns, tapExperts, tapLayerGate, tapWant } = stats ?? {};
  for (const z of o.stats) {
    try {
      taps.push(createTap!(z));
    } catch (e) {
      if (e instanceof StatsSpecError!) throw new CliExit(1, `Invalid -z argument "${z}"; it must be one of:\n${STATS_LIST!.map((x) => `     ${x}`).join('\n')}\n(${e.message})`);
      throw e;
    }
  }
  const tapClock: TapClock = { firstSec: NaN, firstNsec: 0 };
  const printFilter = taps.length && o.displayFilter !== undefined ? compile(o.displayFilter) : undefined;
  const passFilter = taps.length ? (o.readFilter === undefined ? undefined : compile(o.readFilter)) : filter;
  const live = o.read === undefined && o.live.used;
  if (o.read === undefined && !live) throw new CliExit(1, 'no capture file given: use -r <file>, or -i <interface> to capture live');

  // What each packet needs: tree (none / fields / all) and columns.
  const writing = o.write !== undefined;
  const printPackets = !o.quiet && (!writing || o.printSummary || o.verbose || o.hex || o.outputType !== 'text');
  const summary = printPackets && o.outputType === 'text' && (o.printSummary || (!o.verbose && !o.hex));
  const verbose = printPackets && o.outputType === 'text' && o.verbose;
  const hex = printPackets && o.outputType === 'text' && o.hex;
  const json = printPackets && o.outputType === 'json';
  const jsonMod = printPackets && (o.outputType === 'json' || o.outputType === 'ek') ? await import('./output/json.js') : undefined;
  const ek: EkWriter | undefined = jsonMod && o.outputType === 'ek' ? new jsonMod.EkWriter() : undefined;
  const fieldsOut = printPackets && o.outputType === 'fields';
  let want: Uint8Array | null | undefined;
  if (verbose || ((json || ek) && !cols)) want = null;
  else if (cols && (fieldsOut || json || ek)) want = cols.want;
  const needCols = summary || ((fieldsOut || json || ek !== undefined) && cols !== undefined && cols.needsColumns);

  const out = new Out(1, o.lineBuffered ? 0 : 1 << 16, () => new CliExit(0, ''));
  const links = new TreeLinks();
  const jw: JsonWriter | undefined = json && jsonMod ? new jsonMod.JsonWriter(o.noDuplicateKeys, o.hex) : undefined;
  // the header and '[' come once the file reads as a capture (nothing at all for a bad file)
  let started = false;
  const start = (): void => {
    started = true;
    if (!printPackets) return;
    if (fieldsOut && cols) {
      if (o.fieldsOpts.bom) out.write('\ufeff');
      if (o.fieldsOpts.header) out.write(fieldsHeader(cols, o.fieldsOpts) + '\n');
    }
    if (jw) out.write(jw.begin());
  };

  let writer: CaptureFileWriter | undefined;
  if (writing && !live) {
    try {
      writer = (await import('./write.js')).CaptureFileWriter.open(o.write!, { format: o.writeFormat });
    } catch (e) {
      if (e instanceof CaptureError) throw new CliExit(2, e.message);
      throw e;
    }
  }
  let progress: Progress | undefined;
  if ((o.quiet || writing) && o.write !== '-' && o.read !== undefined && o.read !== '-') {
    let size = 0;
    try { size = statSync(o.read).size; } catch { size = 0; }
    progress = Progress.forStream(process.stderr, /\.gz$/i.test(o.read) ? 0 : size);
  }

  const tf = o.timeFormat;
  const fo = o.fieldsOpts;
  let exportSession: Session | undefined;
  if (o.exportObjects) setHttpObjectCollection(true);
  // no byte dump, full tree or export reads PDU bytes the dissectors skip (taps and filters read
  // tree items: their want decides, see sparsePdus): TCP may leave them uncopied (e.g. HTTP bodies)
  setSparsePdus(!verbose && !hex && o.exportObjects === undefined);
  const onPacket = (p: Packet, ctx: PipelineContext): void => {
    if (o.exportObjects) exportSession = ctx.engine.session;
    if (taps.length) {
      tapClock.firstSec = ctx.clock.firstSec;
      tapClock.firstNsec = ctx.clock.firstNsec;
      tapClock.precision = ctx.precision;
      stats!.feedTaps(taps, p, tapClock);
      if (printFilter && !printFilter.match(p)) return;
    }
    if (!printPackets) return;
    if (!started) start();
    const time = cols?.needsColumns ?? false ? timeColumn(ctx.clock, tf, ctx.precision) : '';
    if (summary) writeSummaryLineAt(out, p, ctx.clock, tf, ctx.precision);
    if (verbose) {
      out.write(verboseTree(p.tree, links, !hex));
      if (!hex) out.write('\n');
    }
    if (hex) out.write((verbose ? '\n' : '') + packetHexDump(p.tree));
    if (fieldsOut && cols) out.write(fieldsRow(p, cols, fo, time) + '\n');
    if (jw) out.write(cols ? jw.packetFields(p, cols) : jw.packet(p));
    if (ek) out.write(cols ? ek.packetFields(p, cols) : ek.packet(p));
    if (o.lineBuffered) out.flush();
  };

  const runWant = taps.length ? mergeWant(mergeWant(want, tapWant!(taps)), printFilter?.want) : want;
  const runCols = needCols || (taps.length !== 0 && tapColumns!(taps)) || printFilter?.needsColumns === true;
  // statistics alone that read only some layers' items (-q -z conv,tcp): nothing above them is dissected
  const layerGate = taps.length && !printPackets && !writing && o.exportObjects === undefined ? tapLayerGate!(taps, mergeWant(runWant, passFilter?.want), runCols || passFilter?.needsColumns === true) : undefined;
  let result;
  try {
    const runner = live
      ? (await import('./live/cli-live.js')).liveRunner(o.live, { write: o.write, format: o.writeFormat, displayFilter: filterText !== undefined, twoPass: o.twoPass, flush: () => out.flush() })
      : runPipeline;
    result = await runner(o.read ?? '', {
      want: runWant,
      cols: runCols,
      filter: passFilter, count: o.count, dissect: printPackets || taps.length > 0 || o.exportObjects !== undefined, twoPass: o.twoPass, prune: o.stats.length === 0,
      layerGate,
      experts: taps.length !== 0 && tapExperts!(taps),
      // (a progress bar is drawn from timers: the event loop must run between chunks)
      syncRead: progress === undefined,
      onFrame: writer || progress
        ? (r, displayed, meta) => {
          if (writer && displayed) {
            if (meta && writer.interfaceCount < meta.interfaces.length) writer.syncInterfaces(meta.interfaces);
            writer.writeFrame(r);
          }
          progress?.tick(r.fileOffset);
        }
        : undefined,
    }, onPacket);
  } finally {
    progress?.done();
  }
  if (!started && (!result.error || result.frames > 0)) start();
  if (jw && started) out.write(jw.end());
  if (taps.length) out.write(statsText!(taps));
  if (o.exportObjects && exportSession) writeHttpObjects(httpObjects(exportSession), o.exportObjects.dir);
  out.flush();
  if (writer) writer.close();
  if (result.error) {
    err(`${PROG}: ${result.error.message}`);
    return 2;
  }
  return 0;
}

/** Runs the CLI; resolves with the exit code (never throws). */
export async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) err(`${PROG}: ${e.message}`);
      if (e.usage) err(`\n${USAGE}`);
      return e.code;
    }
    if (e instanceof CaptureError) {
      err(`${PROG}: ${e.message}`);
      return 2;
    }
    if (e instanceof LiveCaptureError) {
      err(`${PROG}: ${e.message}`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    err(`${PROG}: internal error: ${msg}`);
    return 2;
  }
}

// run when executed as the bin (not when imported by tests)
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:cli\.js|wirelens(?:\.mjs)?)$/.test(invoked)) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
