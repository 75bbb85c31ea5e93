// Live capture, for the CLI, the server and the UI:
//   listInterfaces()            what `wirelens -D` lists (names, descriptions, addresses)
//   startCapture(opts)          the capturer (dumpcap, else tcpdump) as a child process: its
//                               pcapng/pcap byte stream, stop() (clean, SIGINT), exit statistics
//   runLiveCapture(opts, fn)    a capture through the file pipeline (display filter, dissection,
//                               -w / ring buffer, stop conditions, AbortSignal to stop)
//   checkCaptureFilters(...)    compile capture filters with the capturer before starting
// Errors are LiveCaptureErrors (kind: no-capturer, permission, no-such-interface, bad-filter, …)
// whose messages read like tshark's.

export { listInterfaces, formatInterfaceList, type CaptureInterface } from './interfaces.js';
export { startCapture, type LiveCapture, type LiveCaptureOptions, type CaptureExit } from './capture.js';
export { runLiveCapture, captureSummary, type LiveRunOptions, type LiveRunResult, type LiveWriteOptions } from './run.js';
export { checkCaptureFilters, type FilterCheck } from './bpf-check.js';
export { CaptureOutput, ringFileName, type CaptureOutputOptions } from './ring.js';
export {
  applyLiveOption, newLiveArgs, resolveInterfaces, validateLive,
  type Autostop, type InterfaceOptions, type LiveArgs, type LiveInterface, type RingOptions,
} from './options.js';
export { findCapturer, LiveCaptureError, CAPTURER_PACKAGE, type Capturer, type LiveErrorKind, type ToolOptions } from './tools.js';
