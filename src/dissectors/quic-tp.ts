// quic-tp: QUIC transport parameters (RFC 9000 §18), the TLS extension quic_transport_parameters
// (57; 0xffa5 in drafts) as tshark 4.0 shows it under tls.quic.*.
//
//   Transport Parameter { Parameter ID (i), Parameter Length (i), Parameter Value (..) }

import { FT, Base, fields } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { tf } from './tls-proto.js';

const tq = {
  parameter: tf('tls.quic.parameter', 'Parameter', FT.NONE),
  type: tf('tls.quic.parameter.type', 'Type', FT.UINT64),
  length: tf('tls.quic.parameter.length', 'Length', FT.UINT64),
  value: tf('tls.quic.parameter.value', 'Value', FT.BYTES),
  original_destination_connection_id: tf('tls.quic.parameter.original_destination_connection_id', 'original_destination_connection_id', FT.BYTES),
  max_idle_timeout: tf('tls.quic.parameter.max_idle_timeout', 'max_idle_timeout', FT.UINT64),
  stateless_reset_token: tf('tls.quic.parameter.stateless_reset_token', 'stateless_reset_token', FT.BYTES),
  max_udp_payload_size: tf('tls.quic.parameter.max_udp_payload_size', 'max_udp_payload_size', FT.UINT64),
  initial_max_data: tf('tls.quic.parameter.initial_max_data', 'initial_max_data', FT.UINT64),
  initial_max_stream_data_bidi_local: tf('tls.quic.parameter.initial_max_stream_data_bidi_local', 'initial_max_stream_data_bidi_local', FT.UINT64),
  initial_max_stream_data_bidi_remote: tf('tls.quic.parameter.initial_max_stream_data_bidi_remote', 'initial_max_stream_data_bidi_remote', FT.UINT64),
  initial_max_stream_data_uni: tf('tls.quic.parameter.initial_max_stream_data_uni', 'initial_max_stream_data_uni', FT.UINT64),
  initial_max_streams_bidi: tf('tls.quic.parameter.initial_max_streams_bidi', 'initial_max_streams_bidi', FT.UINT64),
  initial_max_streams_uni: tf('tls.quic.parameter.initial_max_streams_uni', 'initial_max_streams_uni', FT.UINT64),
  ack_delay_exponent: tf('tls.quic.parameter.ack_delay_exponent', 'ack_delay_exponent', FT.UINT64),
  max_ack_delay: tf('tls.quic.parameter.max_ack_delay', 'max_ack_delay', FT.UINT64),
  active_connection_id_limit: tf('tls.quic.parameter.active_connection_id_limit', 'Active Connection ID Limit', FT.UINT64),
  initial_source_connection_id: tf('tls.quic.parameter.initial_source_connection_id', 'Initial Source Connection ID', FT.BYTES),
  retry_source_connection_id: tf('tls.quic.parameter.retry_source_connection_id', 'Retry Source Connection ID', FT.BYTES),
  max_datagram_frame_size: tf('tls.quic.parameter.max_datagram_frame_size', 'max_datagram_frame_size', FT.UINT64),
  google_initial_rtt: tf('tls.quic.parameter.google.initial_rtt', 'Google Initial RTT', FT.UINT64),
  google_quic_version: tf('tls.quic.parameter.google.quic_version', 'Google QUIC version', FT.UINT32, { base: Base.HEX }),
  google_connection_options: tf('tls.quic.parameter.google.connection_options', 'Google Connection options', FT.BYTES),
  google_user_agent: tf('tls.quic.parameter.google.user_agent', 'Google UserAgent', FT.STRING),
};

const enum Kind { VARINT, BYTES, NONE, U32HEX, STRING }

/** id → [name, field, kind, label unit (undefined: no value in the Parameter label)] */
const PARAMS = new Map<number, readonly [string, number, Kind, string | undefined]>([
  [0x00, ['original_destination_connection_id', tq.original_destination_connection_id, Kind.BYTES, undefined]],
  [0x01, ['max_idle_timeout', tq.max_idle_timeout, Kind.VARINT, ' ms']],
  [0x02, ['stateless_reset_token', tq.stateless_reset_token, Kind.BYTES, undefined]],
  [0x03, ['max_udp_payload_size', tq.max_udp_payload_size, Kind.VARINT, '']],
  [0x04, ['initial_max_data', tq.initial_max_data, Kind.VARINT, '']],
  [0x05, ['initial_max_stream_data_bidi_local', tq.initial_max_stream_data_bidi_local, Kind.VARINT, '']],
  [0x06, ['initial_max_stream_data_bidi_remote', tq.initial_max_stream_data_bidi_remote, Kind.VARINT, '']],
  [0x07, ['initial_max_stream_data_uni', tq.initial_max_stream_data_uni, Kind.VARINT, '']],
  [0x08, ['initial_max_streams_bidi', tq.initial_max_streams_bidi, Kind.VARINT, '']],
  [0x09, ['initial_max_streams_uni', tq.initial_max_streams_uni, Kind.VARINT, '']],
  [0x0a, ['ack_delay_exponent', tq.ack_delay_exponent, Kind.VARINT, undefined]],
  [0x0b, ['max_ack_delay', tq.max_ack_delay, Kind.VARINT, '']],
  [0x0c, ['disable_active_migration', -1, Kind.NONE, undefined]],
  [0x0e, ['active_connection_id_limit', tq.active_connection_id_limit, Kind.VARINT, '']],
  [0x0f, ['initial_source_connection_id', tq.initial_source_connection_id, Kind.BYTES, undefined]],
  [0x10, ['retry_source_connection_id', tq.retry_source_connection_id, Kind.BYTES, undefined]],
  [0x20, ['max_datagram_frame_size', tq.max_datagram_frame_size, Kind.VARINT, '']],
  [0x2ab2, ['grease_quic_bit', -1, Kind.NONE, undefined]],
  [0x3127, ['google_initial_rtt', tq.google_initial_rtt, Kind.VARINT, ' us']],
  [0x3128, ['google_connection_options', tq.google_connection_options, Kind.BYTES, undefined]],
  [0x3129, ['google_user_agent', tq.google_user_agent, Kind.STRING, undefined]],
  [0x4752, ['google_quic_version', tq.google_quic_version, Kind.U32HEX, undefined]],
]);

/** Length of the last varint() read (0 when it did not fit): scratch of the current call only. */
let vlen = 0;
export function varintLen(): number {
  return vlen;
}

/** RFC 9000 §16 variable-length integer at o (its length: varintLen(), 0 when it does not fit). */
export function varint(b: Uint8Array, o: number, end: number): number {
  if (o >= end) { vlen = 0; return 0; }
  const n = 1 << (b[o]! >> 6);
  if (o + n > end) { vlen = 0; return 0; }
  let v = b[o]! & 0x3f;
  for (let i = 1; i < n; i++) v = v * 256 + b[o + i]!;
  vlen = n;
  return v;
}

function hex2(v: number): string {
  const s = v.toString(16);
  return '0x' + (s.length % 2 ? '0' + s : s);
}

/** RFC 9000 §18.1: reserved ids 31 * N + 27 */
function isGreaseParam(v: number): boolean {
  return v >= 27 && (v - 27) % 31 === 0;
}

/** The transport parameters [o, end) of the extension under `e`. Returns false when malformed. */
export function quicTransportParams(p: Packet, e: number, o: number, end: number): boolean {
  const t = p.tree;
  const b = p.buf;
  while (o < end) {
    const id = varint(b, o, end);
    if (vlen === 0) return p.need(o, 1, end) && p.need(o, 1 << (b[o]! >> 6), end);
    const il = vlen;
    const len = varint(b, o + il, end);
    if (vlen === 0) return p.need(o + il, 1, end) && p.need(o + il, 1 << (b[o + il]! >> 6), end);
    const ll = vlen;
    const v0 = o + il + ll;
    if (!p.need(v0, len, end)) return false;
    const def = PARAMS.get(id);
    const name = def ? def[0] : isGreaseParam(id) ? 'GREASE' : `Unknown ${hex2(id)}`;
    const pi = t.addItem(e, tq.parameter, o, il + ll + len);
    t.setLabel(pi, `Parameter: ${name} (len=${len})`);
    const ti = t.addNum(pi, tq.type, o, il, id);
    t.setLabel(ti, `Type: ${def || isGreaseParam(id) ? name : 'Unknown'} (${hex2(id)})`);
    t.addNum(pi, tq.length, o + il, ll, len);
    const vi = t.addBytes(pi, tq.value, v0, len);
    if (len === 0) t.setLabel(vi, 'Value: <MISSING>');
    if (def && def[1] >= 0) {
      const [, fid, kind, unit] = def;
      switch (kind) {
        case Kind.VARINT: {
          const v = varint(b, v0, v0 + len);
          if (vlen > 0) {
            t.addNum(pi, fid, v0, vlen, v);
            if (unit !== undefined) t.appendLabel(pi, ` ${v}${unit}`);
          }
          break;
        }
        case Kind.BYTES: {
          const it = t.addBytes(pi, fid, v0, len);
          if (len === 0 && it >= 0) t.setLabel(it, `${fields[fid]!.name}: <MISSING>`);
          break;
        }
        case Kind.U32HEX:
          if (len >= 4) t.addNum(pi, fid, v0, 4, p.dv.getUint32(v0));
          break;
        case Kind.STRING: {
          let s = '';
          for (let i = v0; i < v0 + len; i++) s += String.fromCharCode(b[i]!);
          t.addStr(pi, fid, v0, len, s);
          break;
        }
        default: break;
      }
    }
    o = v0 + len;
  }
  return true;
}
