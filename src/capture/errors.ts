// The file-level error messages, worded as tshark words them (with "wirelens" for "TShark"), so
// that `wirelens: ` + message reads like tshark's stderr line. Where tshark adds a parenthesised
// detail line ("(pcapng: …)"), so do we; for damaged records the detail also names the file offset.

import { CaptureError } from './types.js';

/** `The file "x.pcap"` or, for '-', `The standard input` (tshark's wording for stdin). */
export function describeInput(name: string): string {
  return name === '-' ? 'The standard input' : `The file "${name}"`;
}

export function notCaptureError(name: string): CaptureError {
  return new CaptureError(`${describeInput(name)} isn't a capture file in a format wirelens understands.`, 'not-capture', 0);
}

/** A record (packet or block) begins but the input ends inside it. */
export function truncatedError(name: string, offset: number): CaptureError {
  return new CaptureError(`${describeInput(name)} appears to have been cut short in the middle of a packet.`, 'truncated', offset);
}

/** The file header (pcap header, first SHB, magic) is cut short. */
export function truncatedHeaderError(name: string, offset: number): CaptureError {
  return new CaptureError(`${describeInput(name)} appears to have been cut short in the middle of a packet or other data.`, 'truncated', offset);
}

/** A record that cannot be right: `detail` is tshark's parenthesised reason ("pcapng: …"). */
export function damagedError(name: string, detail: string, offset: number): CaptureError {
  return new CaptureError(`${describeInput(name)} appears to be damaged or corrupt.\n(${detail}; at file offset ${offset})`, 'bad-record', offset);
}

/** Something well-formed that tshark refuses (pcapng version 2.0, pcap version 1 …). */
export function unsupportedError(name: string, detail: string, offset: number): CaptureError {
  return new CaptureError(`${describeInput(name)} contains record data that wirelens doesn't support.\n(${detail})`, 'unsupported', offset);
}

/** gzip stream errors: `reason` is zlib's message. A stream that just stops is a truncated file. */
export function decompressError(name: string, reason: string, offset: number): CaptureError {
  return new CaptureError(`${describeInput(name)} cannot be decompressed; it may be damaged or corrupt.\n(${reason})`, 'bad-record', offset);
}
