// quic: QUIC (RFC 9000 §17 packet formats, RFC 9369 for v2) over UDP, as tshark 4.0 shows it
// ("QUIC IETF"). Initial packets are decrypted with keys derived from the client's Destination
// Connection ID (quic-crypto.ts) so their CRYPTO frames show the TLS ClientHello/ServerHello.
//
// Long header:                                   Short header (1-RTT):
//  +-+-+-+-+-+-+-+-+                              +-+-+-+-+-+-+-+-+
//  |1|1|T T|X X X X|                              |0|1|S|R|R|K|P P|
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+      +-+-+-+-+-+-+-+-+-------------------------+
//  |              Version (32)             |      | Destination Connection ID (0..160)  …
//  +-+-+-+-+-+-+-+-+-----------------------+      +-----------------------------------------+
//  | DCID Len (8)  | Destination Connection ID (0..160) …   | Packet Number (8..32), payload …
//  | SCID Len (8)  | Source Connection ID (0..160) …
//  | Initial: Token Length (i), Token; Initial/0-RTT/Handshake: Length (i), Packet Number, payload
//
// A datagram may carry several (coalesced) packets; Info shows the last one's summary, as tshark.

import { FT, Base, f, registerProtocol, vals, type RangeNames } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ROOT } from '../core/tree.js';
import { registerHandle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { udpHeuristics } from './udp.js';
import { ConvMap, frameKey } from './inet-util.js';
import { proto_tls } from './tls-proto.js';
import { dissectHandshakes, type TlsConv } from './tls-handshake.js';
import { varint, varintLen } from './quic-tp.js';
import { decryptPayload, hpMask, initialKeys, retryTagValid, QUIC_V2, type InitialKeys } from './quic-crypto.js';

export const proto_quic = registerProtocol('quic', 'QUIC IETF', 'QUIC');

const VERSION_RANGES: RangeNames = [
  [0x00000000, 0x00000000, 'Version Negotiation'], [0x00000001, 0x00000001, '1'], [0x45474700, 0x454747ff, 'Quant'],
  [0x50435130, 0x50435131, 'Picoquic internal'], [0x50524f58, 0x50524f58, 'Proxied QUIC (PROX)'],
  [0x51303433, 0x51303433, 'Google Q043'], [0x51303434, 0x51303434, 'Google Q044'], [0x51303436, 0x51303436, 'Google Q046'],
  [0x51303530, 0x51303530, 'Google Q050'], [0x51474f00, 0x51474fff, 'QGO (QUIC GO)'], [0x54303530, 0x54303530, 'Google T050'],
  [0x54303531, 0x54303531, 'Google T051'], [0x91c17000, 0x91c170ff, 'Quicly'], [0xabcd0000, 0xabcd000f, 'MsQuic'],
  [0xfaceb001, 0xfaceb001, 'Facebook mvfst (draft-22)'], [0xfaceb002, 0xfaceb002, 'Facebook mvfst (draft-27)'],
  [0xfaceb003, 0xfaceb00d, 'Facebook mvfst'], [0xfaceb00e, 0xfaceb00e, 'Facebook mvfst (Experimental)'],
  [0xfaceb00f, 0xfaceb00f, 'Facebook mvfst'], [0xff020000, 0xff020000, 'v2-draft-00'], [0x709a50c4, 0x709a50c4, 'v2-draft-01'],
  [0x6b3343cf, 0x6b3343cf, '2'],
  ...Array.from({ length: 31 }, (_, i) => [0xff000004 + i, 0xff000004 + i, `draft-${String(4 + i).padStart(2, '0')}`] as const),
];

const PACKET_TYPES = vals({ 0: 'Initial', 1: '0-RTT', 2: 'Handshake', 3: 'Retry' });
const PACKET_TYPES_V2 = vals({ 0: 'Retry', 1: 'Initial', 2: '0-RTT', 3: 'Handshake' });
const FRAME_TYPE_RANGES: RangeNames = [
  [0x00, 0x00, 'PADDING'], [0x01, 0x01, 'PING'], [0x02, 0x03, 'ACK'], [0x04, 0x04, 'RESET_STREAM'],
  [0x05, 0x05, 'STOP_SENDING'], [0x06, 0x06, 'CRYPTO'], [0x07, 0x07, 'NEW_TOKEN'], [0x08, 0x0f, 'STREAM'],
  [0x10, 0x10, 'MAX_DATA'], [0x11, 0x11, 'MAX_STREAM_DATA'], [0x12, 0x12, 'MAX_STREAMS (BIDI)'],
  [0x13, 0x13, 'MAX_STREAMS (UNI)'], [0x14, 0x14, 'DATA_BLOCKED'], [0x15, 0x15, 'STREAM_DATA_BLOCKED'],
  [0x16, 0x16, 'STREAMS_BLOCKED (BIDI)'], [0x17, 0x17, 'STREAMS_BLOCKED (UNI)'], [0x18, 0x18, 'NEW_CONNECTION_ID'],
  [0x19, 0x19, 'RETIRE_CONNECTION_ID'], [0x1a, 0x1a, 'PATH_CHALLENGE'], [0x1b, 0x1b, 'PATH_RESPONSE'],
  [0x1c, 0x1c, 'CONNECTION_CLOSE (Transport)'], [0x1d, 0x1d, 'CONNECTION_CLOSE (Application)'],
  [0x1e, 0x1e, 'HANDSHAKE_DONE'], [0x30, 0x31, 'DATAGRAM'],
];
/** Short frame names in Info (tshark's) */
const FRAME_SHORT: Readonly<Record<number, string>> = {
  0x00: 'PADDING', 0x01: 'PING', 0x02: 'ACK', 0x03: 'ACK_ECN', 0x04: 'RS', 0x05: 'SS', 0x06: 'CRYPTO', 0x07: 'NT',
  0x10: 'MD', 0x11: 'MSD', 0x12: 'MS', 0x13: 'MS', 0x14: 'DB', 0x15: 'SDB', 0x16: 'SB', 0x17: 'SB', 0x18: 'NCI',
  0x19: 'RCI', 0x1a: 'PC', 0x1b: 'PR', 0x1c: 'CC', 0x1d: 'CC', 0x1e: 'DONE', 0x30: 'DG', 0x31: 'DG',
};

const hf = {
  connection_number: f('quic.connection.number', 'Connection Number', FT.UINT32, { blurb: 'Connection identifier within this capture file' }),
  packet_length: f('quic.packet_length', 'Packet Length', FT.UINT32, { blurb: 'Size of the QUIC packet' }),
  header_form: f('quic.header_form', 'Header Form', FT.UINT8, { mask: 0x80, vals: vals({ 0: 'Short Header', 1: 'Long Header' }) }),
  long_packet_type: f('quic.long.packet_type', 'Packet Type', FT.UINT8, { mask: 0x30, vals: PACKET_TYPES }),
  long_packet_type_v2: f('quic.long.packet_type_v2', 'Packet Type', FT.UINT8, { mask: 0x30, vals: PACKET_TYPES_V2 }),
  long_reserved: f('quic.long.reserved', 'Reserved', FT.UINT8, { mask: 0x0c }),
  packet_number_length: f('quic.packet_number_length', 'Packet Number Length', FT.UINT8, { mask: 0x03, vals: vals({ 0: '1 bytes', 1: '2 bytes', 2: '3 bytes', 3: '4 bytes' }) }),
  dcid: f('quic.dcid', 'Destination Connection ID', FT.BYTES),
  scid: f('quic.scid', 'Source Connection ID', FT.BYTES),
  dcil: f('quic.dcil', 'Destination Connection ID Length', FT.UINT8),
  scil: f('quic.scil', 'Source Connection ID Length', FT.UINT8),
  token_length: f('quic.token_length', 'Token Length', FT.UINT64),
  token: f('quic.token', 'Token', FT.BYTES),
  length: f('quic.length', 'Length', FT.UINT64, { blurb: 'Length of Packet Number and Payload fields' }),
  packet_number: f('quic.packet_number', 'Packet Number', FT.UINT64, { blurb: 'Decoded packet number' }),
  version: f('quic.version', 'Version', FT.UINT32, { base: Base.HEX, ranges: VERSION_RANGES }),
  supported_version: f('quic.supported_version', 'Supported Version', FT.UINT32, { base: Base.HEX, ranges: VERSION_RANGES }),
  vn_unused: f('quic.vn.unused', 'Unused', FT.UINT8, { base: Base.HEX, mask: 0x7f }),
  short: f('quic.short', 'QUIC Short Header', FT.NONE),
  fixed_bit: f('quic.fixed_bit', 'Fixed Bit', FT.BOOLEAN, { mask: 0x40, boolBits: 8, tfs: ['True', 'False'], blurb: 'Must be 1' }),
  spin_bit: f('quic.spin_bit', 'Spin Bit', FT.BOOLEAN, { mask: 0x20, boolBits: 8, tfs: ['True', 'False'], blurb: 'Latency Spin Bit' }),
  payload: f('quic.payload', 'Payload', FT.BYTES, { blurb: '(Encrypted) payload of a packet' }),
  remaining_payload: f('quic.remaining_payload', 'Remaining Payload', FT.BYTES, { blurb: 'Remaining payload in a packet (possibly PKN followed by encrypted payload)' }),
  odcil: f('quic.odcil', 'Original Destination Connection ID Length', FT.UINT8),
  odcid: f('quic.odcid', 'Original Destination Connection ID', FT.BYTES),
  retry_token: f('quic.retry_token', 'Retry Token', FT.BYTES),
  retry_integrity_tag: f('quic.retry_integrity_tag', 'Retry Integrity Tag', FT.BYTES),
  frame: f('quic.frame', 'Frame', FT.NONE),
  frame_type: f('quic.frame_type', 'Frame Type', FT.UINT64, { base: Base.HEX, ranges: FRAME_TYPE_RANGES }),
  padding_length: f('quic.padding_length', 'Padding Length', FT.UINT32),
  ack_largest: f('quic.ack.largest_acknowledged', 'Largest Acknowledged', FT.UINT64),
  ack_delay: f('quic.ack.ack_delay', 'ACK Delay', FT.UINT64),
  ack_range_count: f('quic.ack.ack_range_count', 'ACK Range Count', FT.UINT64),
  ack_first_range: f('quic.ack.first_ack_range', 'First ACK Range', FT.UINT64),
  ack_gap: f('quic.ack.gap', 'Gap', FT.UINT64),
  ack_range: f('quic.ack.ack_range', 'ACK Range', FT.UINT64),
  ack_ect0: f('quic.ack.ect0_count', 'ECT(0) Count', FT.UINT64),
  ack_ect1: f('quic.ack.ect1_count', 'ECT(1) Count', FT.UINT64),
  ack_ecn_ce: f('quic.ack.ecn_ce_count', 'ECN-CE Count', FT.UINT64),
  crypto_offset: f('quic.crypto.offset', 'Offset', FT.UINT64, { blurb: 'Byte offset into the stream' }),
  crypto_length: f('quic.crypto.length', 'Length', FT.UINT64, { blurb: 'Length of the Crypto Data field' }),
  crypto_data: f('quic.crypto.crypto_data', 'Crypto Data', FT.NONE, { blurb: 'The cryptographic message data' }),
  cc_error_code: f('quic.cc.error_code', 'Error code', FT.UINT64),
  cc_frame_type: f('quic.cc.frame_type', 'Frame Type', FT.UINT64),
  cc_reason_length: f('quic.cc.reason_phrase.length', 'Reason phrase Length', FT.UINT64),
  cc_reason: f('quic.cc.reason_phrase', 'Reason phrase', FT.STRING),
  crypto_reassembled_in: f('quic.crypto.reassembled_in', 'Reassembled PDU in frame', FT.FRAMENUM),
};

const ei = {
  decryption_failed: expertInfo('quic.decryption_failed', Group.DECRYPTION, Severity.WARN, 'Failed to decrypt handshake'),
  unknown_frame: expertInfo('quic.ft.unknown', Group.UNDECODED, Severity.NOTE, 'Unknown Frame Type'),
  retransmission: expertInfo('quic.retransmission', Group.SEQUENCE, Severity.NOTE, 'This QUIC frame has a reused stream offset (retransmission?)'),
  coalesced_padding: expertInfo('quic.coalesced_padding_data', Group.PROTOCOL, Severity.NOTE, '(Random) padding data appended to the datagram'),
};

const MAX_CID_LEN = 20;
/** a CRYPTO stream is kept up to this many bytes (ClientHellos are a few KiB) */
const MAX_CRYPTO_BUF = 65536;

/** CRYPTO bytes of one direction's Initial space, reassembled by offset. */
class CryptoStream {
  buf = new Uint8Array(0);
  /** filled[i] = 1 when buf[i] arrived */
  filled = new Uint8Array(0);
  /** bytes from 0 already handed to TLS */
  done = 0;
  add(off: number, data: Uint8Array, s: number, e: number): void {
    const n = e - s;
    if (off + n > MAX_CRYPTO_BUF || n <= 0) return;
    if (off + n > this.buf.length) {
      const cap = Math.min(MAX_CRYPTO_BUF, Math.max(off + n, this.buf.length * 2, 2048));
      const b = new Uint8Array(cap);
      b.set(this.buf);
      const f2 = new Uint8Array(cap);
      f2.set(this.filled);
      this.buf = b;
      this.filled = f2;
    }
    this.buf.set(data.subarray(s, e), off);
    this.filled.fill(1, off, off + n);
  }
  /** end of the contiguous bytes from `done` */
  contiguousEnd(): number {
    let i = this.done;
    while (i < this.filled.length && this.filled[i] === 1) i++;
    return i;
  }
}

class QuicConn {
  readonly number: number;
  /** client endpoint (source of the first Initial) */
  readonly c4: number;
  readonly c6: string;
  readonly cPort: number;
  /** connection ids short headers carry towards each side (hex): [to server, to client] */
  cid: [string, string] = ['', ''];
  /** keys by client DCID hex: [client keys, server keys] */
  keys = new Map<string, [InitialKeys | undefined, InitialKeys | undefined]>();
  /** the DCID of the client's latest Initial (what both sides' Initial keys derive from) */
  initialDcid = '';
  /** a Retry came: the client's next Initial DCID names new Initial keys (RFC 9001 §5.2) */
  retried = false;
  version = 0;
  /** frame whose short-header packet showed the "no secrets" expert item */
  shortExpertFrame = -1;
  /** QUIC always runs TLS 1.3 (RFC 9001 §4.2) */
  readonly tls: TlsConv = { version: 0x0304, serverPort: 0, alpn: '', ccs: [false, false] };
  readonly crypto: [CryptoStream, CryptoStream] = [new CryptoStream(), new CryptoStream()];
  constructor(number: number, p: Packet) {
    this.number = number;
    this.c4 = p.src4;
    this.c6 = p.src6;
    this.cPort = p.srcport;
    this.tls.serverPort = p.dstport;
  }
  /** 0 client → server, 1 server → client */
  dirOf(p: Packet): 0 | 1 {
    const same = p.netType === 6 ? p.src6 === this.c6 : p.src4 === this.c4;
    return same && p.srcport === this.cPort ? 0 : 1;
  }
}

/** What the first pass decrypted in one frame, replayed on revisits (decryption is not repeated). */
interface FrameCache {
  /** per packet in the datagram: plaintext (undefined when not decrypted), packet number */
  plain: (Uint8Array | undefined)[];
  pn: number[];
  /** unprotected first byte (-1: header protection not removed) */
  first: number[];
  /** per packet: CRYPTO bytes that completed TLS handshake messages in it */
  hs: (Uint8Array | undefined)[];
  /** CRYPTO frames seen before (packet index * 65536 + frame offset) */
  again: number[];
}

class QuicState {
  conns = new ConvMap<QuicConn>();
  next = 0;
  frames = new Map<number, FrameCache>();
}
const QUIC_STATE = stateKey('quic', () => new QuicState());

function hexOf(b: Uint8Array, s: number, n: number): string {
  let out = '';
  for (let i = s; i < s + n; i++) out += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return out;
}


function knownVersion(v: number): boolean {
  // RFC 9000 §15: 0x?a?a?a?a versions are reserved to exercise version negotiation
  if ((v & 0x0f0f0f0f) === 0x0a0a0a0a) return true;
  return v === 1 || v === QUIC_V2 || (v >>> 8) === 0xff0000 || (v >>> 4) === 0xfaceb00 || v === 0 || v === 0x709a50c4 || v === 0xff020000;
}

function isV2(v: number): boolean {
  return v === QUIC_V2 || v === 0x709a50c4 || v === 0xff020000;
}

/** Long-header type in v1 numbering (0 Initial, 1 0-RTT, 2 Handshake, 3 Retry). */
function v1Type(version: number, raw: number): number {
  if (!isV2(version)) return raw;
  return raw === 0 ? 3 : raw - 1;
}

function findConn(p: Packet, create: boolean): QuicConn | undefined {
  const st = p.session.get(QUIC_STATE);
  let c = st.conns.get(p, p.srcport, p.dstport);
  if (c === undefined && create) {
    c = new QuicConn(st.next++, p);
    st.conns.set(p, p.srcport, p.dstport, c);
  }
  return c;
}

function dissectQuic(p: Packet, off: number, end: number, parent: number): number {
  void parent;
  const b = p.buf;
  const avail = Math.min(end, p.capEnd);
  const first = b[off]!;
  const conn = findConn(p, (first & 0x80) !== 0);
  if (conn === undefined) return 0;
  p.proto = 'QUIC';
  if (p.cols) p.clearInfo();
  const st = p.session.get(QUIC_STATE);
  const fk = frameKey(p);
  let cache: FrameCache | undefined;
  if (p.session.visited) cache = st.frames.get(fk);
  else if (p.session.retainFrames) {
    cache = { plain: [], pn: [], first: [], hs: [], again: [] };
    st.frames.set(fk, cache);
  }
  let o = off;
  let idx = 0;
  while (o < avail && !p.stopped) {
    const n = dissectPacket(p, conn, o, end, avail, idx, cache);
    if (n <= 0) {
      // not a QUIC packet: what is left of the datagram is padding
      const top = quicItem(p, idx, o, end);
      p.addExpert(top, ei.coalesced_padding, o, end - o);
      break;
    }
    o += n;
    idx++;
  }
  return end - off;
}

/** One QUIC packet at o; returns its length (0 when it is not one). */
function dissectPacket(p: Packet, conn: QuicConn, o: number, end: number, avail: number, idx: number, cache: FrameCache | undefined): number {
  const b = p.buf;
  const first = b[o]!;
  if (first & 0x80) return longPacket(p, conn, o, end, avail, idx, cache);
  return shortPacket(p, conn, o, end, avail, idx);
}

/** The QUIC item of packet `idx` of the datagram: only the first is a layer (frame.protocols). */
function quicItem(p: Packet, idx: number, o: number, end: number): number {
  return idx === 0 ? p.addProto(ROOT, proto_quic, o, end) : p.tree.addItem(ROOT, proto_quic, o, end - o);
}

function addConnInfo(p: Packet, top: number, conn: QuicConn, o: number, idx: number): void {
  if (idx !== 0) return; // once per datagram
  const t = p.tree;
  const ci = t.addText(top, o, 0, 'QUIC Connection information');
  t.generated(t.addNum(ci, hf.connection_number, o, 0, conn.number));
}

function longPacket(p: Packet, conn: QuicConn, o: number, end: number, avail: number, idx: number, cache: FrameCache | undefined): number {
  const t = p.tree;
  const b = p.buf;
  if (avail - o < 7) return 0;
  const first = b[o]!;
  const version = p.dv.getUint32(o + 1);
  if (!knownVersion(version) && idx > 0) return 0;
  const dcil = b[o + 5]!;
  if (dcil > MAX_CID_LEN || o + 6 + dcil + 1 > avail) return 0;
  const dcidOff = o + 6;
  const scil = b[dcidOff + dcil]!;
  const scidOff = dcidOff + dcil + 1;
  if (scil > MAX_CID_LEN || scidOff + scil > avail) return 0;
  let q = scidOff + scil;
  const dir = conn.dirOf(p);
  if (version === 0) return versionNegotiation(p, conn, o, end, avail, dcil, scil, idx);
  const type = v1Type(version, (first >> 4) & 3);
  const typeName = PACKET_TYPES.get(type)!;
  // short-header DCID lengths: packets to the server use the server's SCID (and vice versa)
  if (!p.session.visited) {
    // the other side addresses this one by the SCID it announced
    conn.cid[dir === 0 ? 1 : 0] = hexOf(b, scidOff, scil);
    conn.version = version;
  }
  // Retry: no Length; the rest of the datagram is token + 16-byte integrity tag
  if (type === 3) {
    const top = quicItem(p, idx, o, end);
    addConnInfo(p, top, conn, o, idx);
    t.generated(t.addNum(top, hf.packet_length, o, 0, end - o));
    t.addNum(top, hf.header_form, o, 1, first);
    t.addNum(top, isV2(version) ? hf.long_packet_type_v2 : hf.long_packet_type, o, 1, first);
    t.addNum(top, hf.version, o + 1, 4, version);
    cidItems(p, top, o, dcil, scil);
    const tagOff = end - 16;
    if (tagOff > q) t.addBytes(top, hf.retry_token, q, tagOff - q);
    if (tagOff >= q && end <= p.capEnd) {
      const ti = t.addBytes(top, hf.retry_integrity_tag, tagOff, 16);
      if (ti >= 0 && t.full && conn.initialDcid !== '') {
        const ok = retryTagValid(version, hexToBytes(conn.initialDcid), b.subarray(o, tagOff), b.subarray(tagOff, end));
        if (ok !== undefined) t.appendLabel(ti, ok ? ' [verified]' : ' [verification failed]');
      }
    }
    if (p.cols) p.setInfo(summary(typeName, b, dcidOff, dcil, scidOff, scil));
    if (!p.session.visited) conn.retried = true;
    return end - o;
  }
  let tokenLen = 0;
  let tokenOff = 0;
  if (type === 0) {
    tokenLen = varint(b, q, avail);
    if (varintLen() === 0) return 0;
    tokenOff = q + varintLen();
    q = tokenOff + tokenLen;
    if (q > avail) return 0;
  }
  const lenOff = q;
  const plen = varint(b, q, avail);
  if (varintLen() === 0) return 0;
  const lenLen = varintLen();
  const pnOff = lenOff + lenLen;
  const pktEnd = Math.min(pnOff + plen, end);
  const top = quicItem(p, idx, o, pktEnd);
  addConnInfo(p, top, conn, o, idx);
  t.generated(t.addNum(top, hf.packet_length, o, 0, pktEnd - o));

  // Initial packets: remove header protection and decrypt (first pass), or replay (revisit)
  let plain: Uint8Array | undefined;
  let pn = 0;
  let pnLen = 0;
  let unprotFirst = -1;
  if (type === 0) {
    if (p.session.visited && cache) {
      plain = cache.plain[idx];
      pn = cache.pn[idx] ?? 0;
      unprotFirst = cache.first[idx] ?? -1;
    } else {
      const r = decryptInitial(p, conn, o, dcidOff, dcil, pnOff, pktEnd, dir);
      if (r !== undefined) {
        plain = r.plain;
        pn = r.pn;
        unprotFirst = r.first;
      }
      if (cache) { cache.plain[idx] = plain; cache.pn[idx] = pn; cache.first[idx] = unprotFirst; }
    }
    if (unprotFirst >= 0) pnLen = (unprotFirst & 3) + 1;
  }
  headerBits(p, top, o, version, unprotFirst >= 0, unprotFirst >= 0 ? unprotFirst : first);
  t.addNum(top, hf.version, o + 1, 4, version);
  cidItems(p, top, o, dcil, scil);
  if (type === 0) {
    t.addNum(top, hf.token_length, scidOff + scil, tokenOff - scidOff - scil, tokenLen);
    if (tokenLen > 0) t.addBytes(top, hf.token, tokenOff, tokenLen);
  }
  t.addNum(top, hf.length, lenOff, lenLen, plen);
  let info = summary(typeName, b, dcidOff, dcil, scidOff, scil);
  if (unprotFirst >= 0) {
    t.addNum(top, hf.packet_number, pnOff, pnLen, pn);
    t.addBytes(top, hf.payload, pnOff + pnLen, pktEnd - pnOff - pnLen);
    info += `, PKN: ${pn}`;
    if (plain !== undefined) {
      const tok = p.pushSource(`Decrypted QUIC (${plain.length} bytes)`, plain);
      info += frames(p, conn, top, 0, plain.length, dir, idx, cache);
      p.popSource(tok);
    }
  } else {
    p.addExpert(top, ei.decryption_failed, pnOff, 0, type === 0 ? 'Failed to decrypt handshake' : 'Failed to create decryption context: Secrets are not available');
    t.addBytes(top, hf.remaining_payload, pnOff, pktEnd - pnOff);
  }
  if (p.cols) p.setInfo(info);
  if (pnOff + plen > end) p.malformed();
  return pktEnd - o;
}

function summary(typeName: string, b: Uint8Array, dcidOff: number, dcil: number, scidOff: number, scil: number): string {
  let s = typeName;
  if (dcil > 0) s += ', DCID=' + hexOf(b, dcidOff, dcil);
  if (scil > 0) s += ', SCID=' + hexOf(b, scidOff, scil);
  return s;
}

function headerBits(p: Packet, top: number, o: number, version: number, unprotected: boolean, firstByte = p.buf[o]!): void {
  const t = p.tree;
  t.addNum(top, hf.header_form, o, 1, firstByte);
  t.addNum(top, hf.fixed_bit, o, 1, firstByte);
  t.addNum(top, isV2(version) ? hf.long_packet_type_v2 : hf.long_packet_type, o, 1, firstByte);
  if (unprotected) {
    t.addNum(top, hf.long_reserved, o, 1, firstByte);
    t.addNum(top, hf.packet_number_length, o, 1, firstByte);
  }
}

function cidItems(p: Packet, top: number, o: number, dcil: number, scil: number): void {
  const t = p.tree;
  t.addNum(top, hf.dcil, o + 5, 1, dcil);
  if (dcil > 0) t.addBytes(top, hf.dcid, o + 6, dcil);
  t.addNum(top, hf.scil, o + 6 + dcil, 1, scil);
  if (scil > 0) t.addBytes(top, hf.scid, o + 7 + dcil, scil);
}

function versionNegotiation(p: Packet, conn: QuicConn, o: number, end: number, avail: number, dcil: number, scil: number, idx: number): number {
  const t = p.tree;
  const b = p.buf;
  const top = quicItem(p, idx, o, end);
  addConnInfo(p, top, conn, o, idx);
  t.generated(t.addNum(top, hf.packet_length, o, 0, end - o));
  t.addNum(top, hf.header_form, o, 1, b[o]!);
  t.addNum(top, hf.vn_unused, o, 1, b[o]!);
  t.addNum(top, hf.version, o + 1, 4, 0);
  cidItems(p, top, o, dcil, scil);
  for (let q = o + 7 + dcil + scil; q + 4 <= avail; q += 4) t.addNum(top, hf.supported_version, q, 4, p.dv.getUint32(q));
  if (p.cols) p.setInfo(summary('Version Negotiation', b, o + 6, dcil, o + 7 + dcil, scil));
  return end - o;
}

function shortPacket(p: Packet, conn: QuicConn, o: number, end: number, avail: number, idx: number): number {
  const t = p.tree;
  const b = p.buf;
  const dir = conn.dirOf(p);
  // the DCID shows when it is the one the peer announced (tshark finds the connection by it)
  const want = conn.cid[dir];
  let dl = want.length >> 1;
  if (dl > 0 && (o + 1 + dl > avail || hexOf(b, o + 1, dl) !== want)) dl = 0;
  // bytes after a coalesced packet that do not carry the known DCID are padding
  if (idx > 0 && (want === '' ? (b[o]! & 0x40) === 0 : dl === 0)) return 0;
  const top = quicItem(p, idx, o, end);
  addConnInfo(p, top, conn, o, idx);
  t.generated(t.addNum(top, hf.packet_length, o, 0, end - o));
  const dcid = dl > 0 ? hexOf(b, o + 1, dl) : '';
  const sh = t.addItem(top, hf.short, o, 1 + dl);
  t.setLabel(sh, dl > 0 ? `QUIC Short Header DCID=${dcid}` : 'QUIC Short Header');
  t.addNum(sh, hf.header_form, o, 1, b[o]!);
  t.addNum(sh, hf.fixed_bit, o, 1, b[o]!);
  t.addNum(sh, hf.spin_bit, o, 1, b[o]!);
  if (dl > 0) t.addBytes(sh, hf.dcid, o + 1, dl);
  // tshark tries to make 1-RTT keys once per connection and says so only then
  if (conn.shortExpertFrame < 0 && !p.session.visited) conn.shortExpertFrame = p.num;
  if (conn.shortExpertFrame === p.num) p.addExpert(top, ei.decryption_failed, o + 1 + dl, 0, 'Failed to create decryption context: Secrets are not available');
  t.addBytes(top, hf.remaining_payload, o + 1 + dl, end - o - 1 - dl);
  if (p.cols) p.setInfo(dl > 0 ? `Protected Payload (KP0), DCID=${dcid}` : 'Protected Payload (KP0)');
  return end - o;
}

// ---- Initial decryption ----

/** Header protection removed (first byte, packet number) and the payload when it decrypted. */
interface Unprotected { plain: Uint8Array | undefined; pn: number; first: number }

function decryptInitial(p: Packet, conn: QuicConn, o: number, dcidOff: number, dcil: number, pnOff: number, pktEnd: number, dir: number): Unprotected | undefined {
  const b = p.buf;
  // the client's Initial DCID names the keys of both directions (RFC 9001 §5.2)
  if (dir === 0 && (conn.initialDcid === '' || conn.retried)) {
    conn.initialDcid = hexOf(b, dcidOff, dcil);
    conn.retried = false;
  }
  if (conn.initialDcid === '') return undefined;
  const kid = conn.version + ':' + conn.initialDcid;
  let ks = conn.keys.get(kid);
  if (ks === undefined) {
    const dcid = hexToBytes(conn.initialDcid);
    ks = [initialKeys(conn.version, dcid, false), initialKeys(conn.version, dcid, true)];
    conn.keys.set(kid, ks);
  }
  const keys = ks[dir];
  if (keys === undefined) return undefined;
  // RFC 9001 §5.4.2: the sample starts 4 bytes after the start of the packet number
  const sampleOff = pnOff + 4;
  if (sampleOff + 16 > pktEnd || sampleOff + 16 > p.capEnd) return undefined;
  const mask = hpMask(keys, b.subarray(sampleOff, sampleOff + 16));
  const f0 = b[o]! ^ (mask[0]! & 0x0f);
  const pnLen = (f0 & 3) + 1;
  const header = b.slice(o, pnOff + pnLen);
  header[0] = f0;
  let pn = 0;
  for (let i = 0; i < pnLen; i++) {
    const v = b[pnOff + i]! ^ mask[1 + i]!;
    header[pnOff - o + i] = v;
    pn = pn * 256 + v;
  }
  // a payload cut by the snap length cannot be authenticated
  const plain = pktEnd > p.capEnd ? undefined : decryptPayload(keys, pn, header, b.subarray(pnOff + pnLen, pktEnd));
  return { plain, pn, first: f0 };
}

function hexToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

// ---- frames ----

/** Frames of a decrypted payload [o, end) (current source); returns the Info tail (", ACK, CRYPTO"). */
function frames(p: Packet, conn: QuicConn, top: number, o: number, end: number, dir: number, idx: number, cache: FrameCache | undefined): string {
  const t = p.tree;
  const b = p.buf;
  let info = '';
  let lastCrypto = -1;
  let sawCrypto = false;
  let sawCrypto0 = false;
  const cs = conn.crypto[dir]!;
  while (o < end) {
    const ftype = varint(b, o, end);
    if (varintLen() === 0) break;
    const fo = o;
    let q = o + varintLen();
    if (ftype === 0) {
      // a run of PADDING is one item
      while (q < end && b[q] === 0) q++;
      const it = t.addItem(top, hf.frame, fo, q - fo);
      t.setLabel(it, `PADDING Length: ${q - fo}`);
      t.addNum(it, hf.frame_type, fo, 1, 0);
      t.generated(t.addNum(it, hf.padding_length, fo, q - fo, q - fo));
      info += ', PADDING';
      o = q;
      continue;
    }
    const name = frameName(ftype);
    const it = t.addItem(top, hf.frame, fo, 0);
    t.setLabel(it, name);
    t.addNum(it, hf.frame_type, fo, varintLen(), ftype);
    info += ', ' + (FRAME_SHORT[ftype] ?? name);
    switch (ftype) {
      case 0x01: break;
      case 0x02: case 0x03: {
        const la = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.ack_largest, q, varintLen(), la); q += varintLen();
        const d = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.ack_delay, q, varintLen(), d); q += varintLen();
        const rc = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.ack_range_count, q, varintLen(), rc); q += varintLen();
        const fr = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.ack_first_range, q, varintLen(), fr); q += varintLen();
        for (let i = 0; i < rc && q < end; i++) {
          const g = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.ack_gap, q, varintLen(), g); q += varintLen();
          const r = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.ack_range, q, varintLen(), r); q += varintLen();
        }
        if (ftype === 0x03) {
          for (const h of [hf.ack_ect0, hf.ack_ect1, hf.ack_ecn_ce]) {
            const v = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, h, q, varintLen(), v); q += varintLen();
          }
        }
        break;
      }
      case 0x06: {
        const co = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.crypto_offset, q, varintLen(), co); q += varintLen();
        const cl = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.crypto_length, q, varintLen(), cl); q += varintLen();
        const dEnd = Math.min(end, q + cl);
        t.addItem(it, hf.crypto_data, q, dEnd - q);
        let again: boolean;
        if (p.session.visited) again = cache?.again.includes(idx * 65536 + fo) ?? false;
        else {
          // bytes TLS already had: a retransmitted Initial
          again = cl > 0 && co + cl <= cs.done;
          if (again && cache) cache.again.push(idx * 65536 + fo);
          if (!again) cs.add(co, b, q, dEnd);
        }
        if (again) {
          const r = t.addText(it, q, 0, ei.retransmission.summary);
          p.addExpert(r, ei.retransmission, q, 0);
        } else if (co === 0) sawCrypto0 = true;
        lastCrypto = it;
        sawCrypto = true;
        q = dEnd;
        break;
      }
      case 0x1c: case 0x1d: {
        const ec = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.cc_error_code, q, varintLen(), ec); q += varintLen();
        if (ftype === 0x1c) { const ft = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.cc_frame_type, q, varintLen(), ft); q += varintLen(); }
        const rl = varint(b, q, end); if (!varintLen()) return info; t.addNum(it, hf.cc_reason_length, q, varintLen(), rl); q += varintLen();
        const re = Math.min(end, q + rl);
        let s = '';
        for (let i = q; i < re; i++) s += String.fromCharCode(b[i]!);
        t.addStr(it, hf.cc_reason, q, re - q, s);
        q = re;
        break;
      }
      default: {
        // frames that cannot appear in Initial packets: stop here
        p.addExpert(it, ei.unknown_frame, fo, end - fo);
        t.setLen(it, end - fo);
        return info;
      }
    }
    t.setLen(it, q - fo);
    o = q;
  }
  // handshake messages that are now complete go to TLS (under the last CRYPTO frame)
  // (`lastCrypto` is SKIP when the tree is not built: the bytes still go to TLS for its fields)
  if (sawCrypto) cryptoToTls(p, conn, lastCrypto, dir, idx, cache, sawCrypto0);
  return info;
}

function frameName(ft: number): string {
  for (const [lo, hi, n] of FRAME_TYPE_RANGES) if (ft >= lo && ft <= hi) return n;
  return `Unknown (${ft})`;
}

function cryptoToTls(p: Packet, conn: QuicConn, parent: number, dir: number, idx: number, cache: FrameCache | undefined, sawCrypto0: boolean): void {
  let data: Uint8Array | undefined;
  if (p.session.visited) data = cache?.hs[idx];
  else {
    const cs = conn.crypto[dir]!;
    const ce = cs.contiguousEnd();
    // whole handshake messages from `done`
    let e = cs.done;
    while (e + 4 <= ce) {
      const len = (cs.buf[e + 1]! << 16) | (cs.buf[e + 2]! << 8) | cs.buf[e + 3]!;
      if (e + 4 + len > ce) break;
      e += 4 + len;
    }
    if (e > cs.done) {
      data = cs.buf.slice(cs.done, e);
      cs.done = e;
    }
    if (cache) cache.hs[idx] = data;
  }
  if (data === undefined) {
    if (sawCrypto0) p.addLayer(proto_tls);
    return;
  }
  p.addLayer(proto_tls);
  const tok = p.pushSource(`Reassembled QUIC CRYPTO (${data.length} bytes)`, data);
  const t = p.tree;
  const rec = t.addText(parent, 0, data.length, '');
  const cols = p.cols;
  p.cols = false; // Info is QUIC's
  const saved = p.curProto;
  const label = dissectHandshakes(p, conn.tls, rec, 0, data.length, dir, 'q');
  p.curProto = saved;
  p.cols = cols;
  t.setLabel(rec, `TLSv1.3 Record Layer: Handshake Protocol: ${label}`);
  p.popSource(tok);
}

export const quicHandle = registerHandle('quic', dissectQuic);

const HEUR_LONG_MIN = 13;

/** UDP heuristic: a long header with a known version, or any packet of a known QUIC connection. */
function heurQuic(p: Packet, off: number, end: number, parent: number): number {
  const b = p.buf;
  const avail = Math.min(end, p.capEnd);
  if (avail - off < 1) return 0;
  const first = b[off]!;
  if (first & 0x80) {
    // tshark's checks (learned by varying the bytes): 13 bytes at least, both connection ID lengths
    // present and at most 20 (ndpi/1kxun.pcap #489: a source CID length of 92 is not QUIC)
    if (avail - off < HEUR_LONG_MIN) return 0;
    const v = p.dv.getUint32(off + 1);
    if (!knownVersion(v)) return 0;
    const dcil = b[off + 5]!;
    if (dcil > MAX_CID_LEN || off + 6 + dcil >= avail || b[off + 6 + dcil]! > MAX_CID_LEN) return 0;
    // a clear fixed bit is fine once the connection is known (RFC 9287 greases it)
    if (v !== 0 && (first & 0x40) === 0 && findConn(p, false) === undefined) return 0;
    return dissectQuic(p, off, end, parent);
  }
  // short headers only on a known connection (no key string built while there is none)
  if (p.session.get(QUIC_STATE).conns.size === 0 || findConn(p, false) === undefined) return 0;
  return dissectQuic(p, off, end, parent);
}

udpHeuristics.add('quic', heurQuic);
