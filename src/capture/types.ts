// What capture readers give the rest of wirelens: frames whose bytes stay in the chunk they were
// read in (one DataView per chunk, absolute offsets), plus the file's interfaces and metadata.

import type { FrameInfo } from '../core/packet.js';

export interface FrameRecord extends FrameInfo {
  /** the chunk holding the frame's bytes (valid only during the onFrame callback) */
  buf: Uint8Array;
  /** a DataView over the same chunk (buf.buffer, buf.byteOffset, buf.byteLength) */
  dv: DataView;
  /** absolute offset of the frame's first byte in buf/dv */
  off: number;
  /** offset of the record (block) in the file: for the frame index and error messages */
  fileOffset: number;
  /** pcapng: EPB/OPB flags word (direction …), or undefined */
  epbFlags: number | undefined;
}

export interface InterfaceInfo {
  linktype: number;
  snaplen: number;
  name: string | undefined;
  description: string | undefined;
  /** timestamp units per second (1e6 for µs, 1e9 for ns; pcapng if_tsresol) */
  tsUnitsPerSec: number;
  /** pcapng if_tsoffset, seconds */
  tsOffset: number;
  filter: string | undefined;
  os: string | undefined;
}

export type CaptureFormat = 'pcap' | 'pcap-nsec' | 'pcapng';

export interface CaptureMeta {
  format: CaptureFormat;
  /** true when the file is big-endian (pcap magic or pcapng SHB byte order) */
  bigEndian: boolean;
  /** gzip-compressed on disk */
  compressed: boolean;
  interfaces: InterfaceInfo[];
  /** pcapng SHB options of the first section */
  shbHardware: string | undefined;
  shbOs: string | undefined;
  shbUserAppl: string | undefined;
  shbComments: string[];
}

/** A problem with the file itself (not a packet): names the file and, where it matters, the offset. */
export class CaptureError extends Error {
  constructor(message: string, readonly kind: 'not-capture' | 'truncated' | 'bad-record' | 'unsupported' | 'io', readonly offset = -1) {
    super(message);
  }
}
