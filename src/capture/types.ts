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
  // The fields below are always set by wirelens parsers; they are optional only so that code
  // building a FrameRecord by hand (tests) need not spell them out.
  /**
   * false when the record carries no timestamp (pcapng SPB, custom blocks): tshark leaves
   * frame.time* empty for those. tsSec/tsNsec are then 0. Undefined means true.
   */
  hasTs?: boolean;
  /** pcapng block type of the record (6 EPB, 3 SPB, 2 OPB, 0xBAD / 0x40000BAD custom); 0 for pcap */
  blockType?: number;
  /** pcapng section (0-based; tshark shows "Section number: section + 1"); 0 for pcap */
  section?: number;
  /** custom blocks: the Private Enterprise Number (the record's bytes are the data after it) */
  customPen?: number | undefined;
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
  // Optional additions (always set by wirelens parsers):
  /** pcapng section the interface belongs to (0-based) */
  section?: number;
  /** the interface id inside its section: what tshark shows as frame.interface_id */
  idInSection?: number;
  /** pcapng if_hardware */
  hardware?: string | undefined;
  /** pcapng if_fcslen (bytes of FCS at the end of each frame), undefined when not given */
  fcsLen?: number | undefined;
  /** pcapng if_speed, bits/s */
  speed?: number | undefined;
}

/** One pcapng section (SHB). */
export interface SectionInfo {
  /** file offset of the SHB */
  offset: number;
  bigEndian: boolean;
  versionMajor: number;
  versionMinor: number;
  hardware: string | undefined;
  os: string | undefined;
  userAppl: string | undefined;
  comments: string[];
  /** index in CaptureMeta.interfaces of this section's interface 0 */
  firstInterface: number;
}

/** A pcapng Name Resolution Block record: an address and its names. */
export interface NameRecord {
  /** 4 (nrb_record_ipv4) or 6 (nrb_record_ipv6) */
  family: 4 | 6;
  /** 4 or 16 address bytes (a copy) */
  addr: Uint8Array;
  names: string[];
}

/** A pcapng Decryption Secrets Block (e.g. type 0x544c534b TLS key log), bytes copied. */
export interface SecretsRecord {
  type: number;
  data: Uint8Array;
  /** file offset of the block */
  offset: number;
}

/** A pcapng Interface Statistics Block (counters undefined when the option is absent). */
export interface InterfaceStats {
  /** global interface index (CaptureMeta.interfaces) */
  iface: number;
  tsSec: number;
  tsNsec: number;
  ifRecv: number | undefined;
  ifDrop: number | undefined;
  filterAccept: number | undefined;
  osDrop: number | undefined;
  usrDeliv: number | undefined;
  comments: string[];
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
  // Optional additions (always set by wirelens parsers):
  /** pcap: header version (2.4); pcapng: first SHB version (1.0) */
  versionMajor?: number;
  versionMinor?: number;
  /** pcapng sections, in file order */
  sections?: SectionInfo[];
  /** pcapng NRB records, in file order (grows while reading) */
  nameRecords?: NameRecord[];
  /** pcapng DSB blocks, in file order (grows while reading) */
  secrets?: SecretsRecord[];
  /** pcapng ISB blocks, in file order (grows while reading) */
  stats?: InterfaceStats[];
}

/** A problem with the file itself (not a packet): names the file and, where it matters, the offset. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  constructor(message: string, readonly kind: 'not-capture' | 'truncated' | 'bad-record' | 'unsupported' | 'io', readonly offset = -1) {
    super(message);
  }
}
