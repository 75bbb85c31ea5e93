// tls-ext: TLS hello extensions (RFC 8446 §4.2 and the registries it points to), as tshark 4.0
// shows them: "Extension: NAME (len=N)" with Type and Length, then the extension's own items.
//
//   struct { ExtensionType extension_type (16); opaque extension_data<0..2^16-1>; } Extension;
//
// While walking, the values JA3/JA4 need (extension types, groups, point formats, signature
// algorithms, ALPN, supported versions) go into a JaInput when the caller asks for them.

import { FT, Base } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { tf } from './tls-proto.js';
import { quicTransportParams } from './quic-tp.js';
import { latin1 } from '../capture/utf8.js';
import {
  EC_POINT_FORMATS, EXT_TYPES, GROUPS, PSK_KE_MODES, SIG_ALGS, SIG_HASH, SIG_SIG, SNI_TYPES, VERSIONS,
  HEARTBEAT_MODE, CERT_STATUS_TYPES, CERT_COMPRESS,
} from './tls-names.js';

/** Handshake message types that carry extensions here */
export const HS_CLIENT_HELLO = 1;
export const HS_SERVER_HELLO = 2;
export const HS_HELLO_RETRY_REQUEST = 6;
export const HS_ENCRYPTED_EXTENSIONS = 8;

const EXT_SERVER_NAME = 0;
const EXT_STATUS_REQUEST = 5;
const EXT_SUPPORTED_GROUPS = 10;
const EXT_EC_POINT_FORMATS = 11;
const EXT_SIGNATURE_ALGORITHMS = 13;
const EXT_HEARTBEAT = 15;
const EXT_ALPN = 16;
const EXT_PADDING = 21;
const EXT_COMPRESS_CERTIFICATE = 27;
const EXT_RECORD_SIZE_LIMIT = 28;
const EXT_SESSION_TICKET = 35;
const EXT_PRE_SHARED_KEY = 41;
const EXT_EARLY_DATA = 42;
const EXT_SUPPORTED_VERSIONS = 43;
const EXT_PSK_KE_MODES = 45;
const EXT_KEY_SHARE = 51;
/** key_share's code point in TLS 1.3 drafts before 23 */
const EXT_KEY_SHARE_DRAFT = 40;
const EXT_QUIC_TRANSPORT_PARAMETERS = 57;
const EXT_APPLICATION_SETTINGS = 0x4469;
const EXT_QUIC_TRANSPORT_PARAMETERS_DRAFT = 0xffa5;
const EXT_RENEGOTIATION_INFO = 0xff01;

/** The handshake fields of a ClientHello/ServerHello that JA3/JA4 hash. */
export interface JaInput {
  version: number;
  ciphers: number[];
  exts: number[];
  groups: number[];
  pointFormats: number[];
  sigAlgs: number[];
  versions: number[];
  alpn: string[];
  sni: boolean;
}

export function newJaInput(version: number): JaInput {
  return { version, ciphers: [], exts: [], groups: [], pointFormats: [], sigAlgs: [], versions: [], alpn: [], sni: false };
}

/** RFC 8701 GREASE values (0x?a?a with equal bytes) */
export function isGrease(v: number): boolean {
  return (v & 0x0f0f) === 0x0a0a && (v >> 8) === (v & 0xff);
}

export const hx = {
  extensions_length: tf('tls.handshake.extensions_length', 'Extensions Length', FT.UINT16),
  ext_type: tf('tls.handshake.extension.type', 'Type', FT.UINT16, { vals: EXT_TYPES }),
  ext_len: tf('tls.handshake.extension.len', 'Length', FT.UINT16),
  ext_data: tf('tls.handshake.extension.data', 'Data', FT.BYTES),
  groups_length: tf('tls.handshake.extensions_supported_groups_length', 'Supported Groups List Length', FT.UINT16),
  groups: tf('tls.handshake.extensions_supported_groups', 'Supported Groups List', FT.NONE),
  group: tf('tls.handshake.extensions_supported_group', 'Supported Group', FT.UINT16, { base: Base.HEX, vals: GROUPS }),
  ecpf_length: tf('tls.handshake.extensions_ec_point_formats_length', 'EC point formats Length', FT.UINT8),
  ecpfs: tf('tls.handshake.extensions_ec_point_formats', 'EC point formats', FT.NONE),
  ecpf: tf('tls.handshake.extensions_ec_point_format', 'EC point format', FT.UINT8, { vals: EC_POINT_FORMATS }),
  alpn_len: tf('tls.handshake.extensions_alpn_len', 'ALPN Extension Length', FT.UINT16),
  alpn_list: tf('tls.handshake.extensions_alpn_list', 'ALPN Protocol', FT.NONE),
  alpn_str_len: tf('tls.handshake.extensions_alpn_str_len', 'ALPN string length', FT.UINT8),
  alpn_str: tf('tls.handshake.extensions_alpn_str', 'ALPN Next Protocol', FT.STRING),
  reneg_info_len: tf('tls.handshake.extensions_reneg_info_len', 'Renegotiation info extension length', FT.UINT8),
  reneg_info: tf('tls.handshake.extensions_reneg_info', 'Renegotiation info', FT.BYTES),
  key_share_client_length: tf('tls.handshake.extensions_key_share_client_length', 'Client Key Share Length', FT.UINT16),
  key_share_group: tf('tls.handshake.extensions_key_share_group', 'Group', FT.UINT16, { vals: GROUPS }),
  key_share_kex_length: tf('tls.handshake.extensions_key_share_key_exchange_length', 'Key Exchange Length', FT.UINT16),
  key_share_kex: tf('tls.handshake.extensions_key_share_key_exchange', 'Key Exchange', FT.BYTES),
  key_share_selected_group: tf('tls.handshake.extensions_key_share_selected_group', 'Selected Group', FT.UINT16, { vals: GROUPS }),
  psk_identities_length: tf('tls.handshake.extensions.psk.identities.length', 'Identities Length', FT.UINT16),
  psk_identity_length: tf('tls.handshake.extensions.psk.identity.identity_length', 'Identity Length', FT.UINT16),
  psk_identity: tf('tls.handshake.extensions.psk.identity.identity', 'Identity', FT.BYTES),
  psk_age: tf('tls.handshake.extensions.psk.identity.obfuscated_ticket_age', 'Obfuscated Ticket Age', FT.UINT32),
  psk_binders_len: tf('tls.handshake.extensions.psk.binders_len', 'PSK Binders length', FT.UINT16),
  psk_binders: tf('tls.handshake.extensions.psk.binders', 'PSK Binders', FT.NONE),
  psk_selected: tf('tls.handshake.extensions.psk.identity.selected', 'Selected Identity', FT.UINT16),
  supported_versions_len: tf('tls.handshake.extensions.supported_versions_len', 'Supported Versions length', FT.UINT8),
  supported_version: tf('tls.handshake.extensions.supported_version', 'Supported Version', FT.UINT16, { base: Base.HEX, vals: VERSIONS }),
  sni_list_len: tf('tls.handshake.extensions_server_name_list_len', 'Server Name list length', FT.UINT16),
  sni_len: tf('tls.handshake.extensions_server_name_len', 'Server Name length', FT.UINT16),
  sni_type: tf('tls.handshake.extensions_server_name_type', 'Server Name Type', FT.UINT8, { vals: SNI_TYPES }),
  sni: tf('tls.handshake.extensions_server_name', 'Server Name', FT.STRING),
  padding_data: tf('tls.handshake.extensions_padding_data', 'Padding Data', FT.BYTES),
  status_request_type: tf('tls.handshake.extensions_status_request_type', 'Certificate Status Type', FT.UINT8, { vals: CERT_STATUS_TYPES }),
  status_request_responder_ids_len: tf('tls.handshake.extensions_status_request_responder_ids_len', 'Responder ID list Length', FT.UINT16),
  status_request_exts_len: tf('tls.handshake.extensions_status_request_exts_len', 'Request Extensions Length', FT.UINT16),
  sig_hash_alg_len: tf('tls.handshake.sig_hash_alg_len', 'Signature Hash Algorithms Length', FT.UINT16),
  sig_hash_algs: tf('tls.handshake.sig_hash_algs', 'Signature Algorithms', FT.NONE),
  sig_hash_alg: tf('tls.handshake.sig_hash_alg', 'Signature Algorithm', FT.UINT16, { base: Base.HEX, vals: SIG_ALGS }),
  sig_hash_hash: tf('tls.handshake.sig_hash_hash', 'Signature Hash Algorithm Hash', FT.UINT8, { vals: SIG_HASH }),
  sig_hash_sig: tf('tls.handshake.sig_hash_sig', 'Signature Hash Algorithm Signature', FT.UINT8, { vals: SIG_SIG }),
  heartbeat_mode: tf('tls.handshake.extension.heartbeat.mode', 'Mode', FT.UINT8, { vals: HEARTBEAT_MODE }),
  psk_ke_modes_length: tf('tls.extension.psk_ke_modes_length', 'PSK Key Exchange Modes Length', FT.UINT8),
  psk_ke_mode: tf('tls.extension.psk_ke_mode', 'PSK Key Exchange Mode', FT.UINT8, { vals: PSK_KE_MODES }),
  max_early_data_size: tf('tls.early_data.max_early_data_size', 'Maximum Early Data Size', FT.UINT32),
  compress_algorithms_length: tf('tls.compress_certificate.algorithms_length', 'Algorithms Length', FT.UINT8),
  compress_algorithm: tf('tls.compress_certificate.algorithm', 'Algorithm', FT.UINT16, { vals: CERT_COMPRESS }),
  record_size_limit: tf('tls.record_size_limit', 'Record Size Limit', FT.UINT16),
  alps_len: tf('tls.handshake.extensions_alps_len', 'ALPS Extension Length', FT.UINT16),
  alps_alpn_list: tf('tls.handshake.extensions_alps_alpn_list', 'Supported ALPN List', FT.NONE),
  alps_alpn_str_len: tf('tls.handshake.extensions_alps_alpn_str_len', 'Supported ALPN Length', FT.UINT8),
  alps_alpn_str: tf('tls.handshake.extensions_alps_alpn_str', 'Supported ALPN', FT.STRING),
};

/** What a ServerHello's extensions told about the session. */
export interface HelloFacts {
  /** supported_versions of a ServerHello/HRR (0 when absent) */
  selectedVersion: number;
  /** the first ALPN protocol (a ServerHello's is the selected one) */
  alpn: string;
  sni: string;
}

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

/**
 * Extensions block [o, end) of handshake message `hsType` (the 2-byte length first).
 * Returns false when the packet stopped (malformed).
 */
export function dissectExtensions(p: Packet, parent: number, o: number, end: number, hsType: number, ja: JaInput | null, facts: HelloFacts): boolean {
  const t = p.tree;
  const b = p.buf;
  if (o >= end) return true;
  if (!p.need(o, 2, end)) return false;
  const total = u16(b, o);
  t.addNum(parent, hx.extensions_length, o, 2, total);
  o += 2;
  const lim = Math.min(end, o + total);
  while (o < lim) {
    if (!p.need(o, 4, lim)) return false;
    const type = u16(b, o);
    const len = u16(b, o + 2);
    const e = t.addText(parent, o, 4 + len, `Extension: ${EXT_TYPES.get(type) ?? `Unknown type ${type}`} (len=${len})`);
    t.addNum(e, hx.ext_type, o, 2, type);
    t.addNum(e, hx.ext_len, o + 2, 2, len);
    const d = o + 4;
    const dEnd = d + len;
    if (!p.need(d, len, lim)) return false;
    if (ja !== null && !isGrease(type)) ja.exts.push(type);
    if (!dissectExtension(p, e, type, d, dEnd, hsType, ja, facts)) return false;
    o = dEnd;
  }
  return true;
}

function dissectExtension(p: Packet, e: number, type: number, d: number, dEnd: number, hsType: number, ja: JaInput | null, facts: HelloFacts): boolean {
  const t = p.tree;
  const b = p.buf;
  const len = dEnd - d;
  const clientHello = hsType === HS_CLIENT_HELLO;
  switch (type) {
    case EXT_SERVER_NAME: {
      if (len === 0) return true;
      const sn = t.addText(e, d, len, 'Server Name Indication extension');
      if (!p.need(d, 2, dEnd)) return false;
      const listLen = u16(b, d);
      t.addNum(sn, hx.sni_list_len, d, 2, listLen);
      let o = d + 2;
      const lim = Math.min(dEnd, o + listLen);
      while (o < lim) {
        if (!p.need(o, 3, lim)) return false;
        const ty = b[o]!;
        const n = u16(b, o + 1);
        t.addNum(sn, hx.sni_type, o, 1, ty);
        t.addNum(sn, hx.sni_len, o + 1, 2, n);
        if (!p.need(o + 3, n, lim)) return false;
        const name = latin1(b, o + 3, o + 3 + n);
        t.addStr(sn, hx.sni, o + 3, n, name);
        if (facts.sni === '') facts.sni = name;
        if (ja !== null) ja.sni = true;
        o += 3 + n;
      }
      return true;
    }
    case EXT_SUPPORTED_GROUPS: {
      if (!p.need(d, 2, dEnd)) return false;
      const n = u16(b, d);
      t.addNum(e, hx.groups_length, d, 2, n);
      const cnt = n >> 1;
      const g = t.addItem(e, hx.groups, d + 2, n);
      t.setLabel(g, `Supported Groups (${cnt} group${cnt === 1 ? '' : 's'})`);
      const lim = Math.min(dEnd, d + 2 + n);
      for (let o = d + 2; o + 2 <= lim; o += 2) {
        const v = u16(b, o);
        t.addNum(g, hx.group, o, 2, v);
        if (ja !== null && !isGrease(v)) ja.groups.push(v);
      }
      return true;
    }
    case EXT_EC_POINT_FORMATS: {
      if (!p.need(d, 1, dEnd)) return false;
      const n = b[d]!;
      t.addNum(e, hx.ecpf_length, d, 1, n);
      const g = t.addItem(e, hx.ecpfs, d + 1, n);
      t.setLabel(g, `Elliptic curves point formats (${n})`);
      const lim = Math.min(dEnd, d + 1 + n);
      for (let o = d + 1; o < lim; o++) {
        t.addNum(g, hx.ecpf, o, 1, b[o]!);
        if (ja !== null) ja.pointFormats.push(b[o]!);
      }
      return true;
    }
    case EXT_SIGNATURE_ALGORITHMS:
      return sigAlgs(p, e, d, dEnd, ja);
    case EXT_ALPN: {
      if (!p.need(d, 2, dEnd)) return false;
      const n = u16(b, d);
      t.addNum(e, hx.alpn_len, d, 2, n);
      const l = t.addItem(e, hx.alpn_list, d + 2, n);
      let o = d + 2;
      const lim = Math.min(dEnd, o + n);
      while (o < lim) {
        const sl = b[o]!;
        t.addNum(l, hx.alpn_str_len, o, 1, sl);
        if (!p.need(o + 1, sl, lim)) return false;
        const s = latin1(b, o + 1, o + 1 + sl);
        t.addStr(l, hx.alpn_str, o + 1, sl, s);
        if (facts.alpn === '') facts.alpn = s;
        if (ja !== null) ja.alpn.push(s);
        o += 1 + sl;
      }
      return true;
    }
    case EXT_RENEGOTIATION_INFO: {
      const r = t.addText(e, d, len, 'Renegotiation Info extension');
      if (!p.need(d, 1, dEnd)) return false;
      const n = b[d]!;
      t.addNum(r, hx.reneg_info_len, d, 1, n);
      if (n > 0 && p.need(d + 1, n, dEnd)) t.addBytes(r, hx.reneg_info, d + 1, n);
      return !p.stopped;
    }
    case EXT_SUPPORTED_VERSIONS: {
      if (clientHello) {
        if (!p.need(d, 1, dEnd)) return false;
        const n = b[d]!;
        t.addNum(e, hx.supported_versions_len, d, 1, n);
        const lim = Math.min(dEnd, d + 1 + n);
        for (let o = d + 1; o + 2 <= lim; o += 2) {
          const v = u16(b, o);
          t.addNum(e, hx.supported_version, o, 2, v);
          if (ja !== null && !isGrease(v)) ja.versions.push(v);
        }
      } else {
        if (!p.need(d, 2, dEnd)) return false;
        const v = u16(b, d);
        t.addNum(e, hx.supported_version, d, 2, v);
        facts.selectedVersion = v;
      }
      return true;
    }
    case EXT_PSK_KE_MODES: {
      if (!p.need(d, 1, dEnd)) return false;
      const n = b[d]!;
      t.addNum(e, hx.psk_ke_modes_length, d, 1, n);
      const lim = Math.min(dEnd, d + 1 + n);
      for (let o = d + 1; o < lim; o++) t.addNum(e, hx.psk_ke_mode, o, 1, b[o]!);
      return true;
    }
    case EXT_KEY_SHARE: case EXT_KEY_SHARE_DRAFT:
      return keyShare(p, e, d, dEnd, hsType);
    case EXT_PRE_SHARED_KEY:
      return preSharedKey(p, e, d, dEnd, clientHello);
    case EXT_PADDING:
      t.addBytes(e, hx.padding_data, d, len);
      return true;
    case EXT_SESSION_TICKET: {
      const it = t.addBytes(e, hx.ext_data, d, len);
      t.setLabel(it, `Data (${len} byte${len === 1 ? '' : 's'})`);
      return true;
    }
    case EXT_HEARTBEAT:
      if (!p.need(d, 1, dEnd)) return false;
      t.addNum(e, hx.heartbeat_mode, d, 1, b[d]!);
      return true;
    case EXT_STATUS_REQUEST: {
      if (len === 0) return true;
      if (!p.need(d, 1, dEnd)) return false;
      t.addNum(e, hx.status_request_type, d, 1, b[d]!);
      if (b[d] === 1 && len >= 5) {
        const ids = u16(b, d + 1);
        t.addNum(e, hx.status_request_responder_ids_len, d + 1, 2, ids);
        if (d + 3 + ids + 2 <= dEnd) t.addNum(e, hx.status_request_exts_len, d + 3 + ids, 2, u16(b, d + 3 + ids));
      }
      return true;
    }
    case EXT_COMPRESS_CERTIFICATE: {
      if (!p.need(d, 1, dEnd)) return false;
      const n = b[d]!;
      t.addNum(e, hx.compress_algorithms_length, d, 1, n);
      const lim = Math.min(dEnd, d + 1 + n);
      for (let o = d + 1; o + 2 <= lim; o += 2) t.addNum(e, hx.compress_algorithm, o, 2, u16(b, o));
      return true;
    }
    case EXT_RECORD_SIZE_LIMIT:
      if (!p.need(d, 2, dEnd)) return false;
      t.addNum(e, hx.record_size_limit, d, 2, u16(b, d));
      return true;
    case EXT_APPLICATION_SETTINGS: {
      if (!clientHello) return true;
      if (!p.need(d, 2, dEnd)) return false;
      const n = u16(b, d);
      t.addNum(e, hx.alps_len, d, 2, n);
      const l = t.addItem(e, hx.alps_alpn_list, d + 2, n);
      const lim = Math.min(dEnd, d + 2 + n);
      for (let o = d + 2; o < lim;) {
        const sl = b[o]!;
        t.addNum(l, hx.alps_alpn_str_len, o, 1, sl);
        if (!p.need(o + 1, sl, lim)) return false;
        t.addStr(l, hx.alps_alpn_str, o + 1, sl, latin1(b, o + 1, o + 1 + sl));
        o += 1 + sl;
      }
      return true;
    }
    case EXT_QUIC_TRANSPORT_PARAMETERS: case EXT_QUIC_TRANSPORT_PARAMETERS_DRAFT:
      return quicTransportParams(p, e, d, dEnd);
    case EXT_EARLY_DATA:
      if (len >= 4) t.addNum(e, hx.max_early_data_size, d, 4, p.dv.getUint32(d));
      return true;
    case 22: case 23: case 49: case 0x3374: case 0x754f: case 0x7550:
      // encrypt_then_mac, extended_master_secret, post_handshake_auth, NPN, channel_id: no body shown
      return true;
    default: {
      if (len === 0 && (EXT_TYPES.has(type) && !isGrease(type))) return true;
      const it = t.addBytes(e, hx.ext_data, d, len);
      if (len === 0) t.setLabel(it, 'Data: <MISSING>');
      return true;
    }
  }
}

/** signature_algorithms: the list, each with its hash and signature halves. */
export function sigAlgs(p: Packet, e: number, d: number, dEnd: number, ja: JaInput | null): boolean {
  const t = p.tree;
  const b = p.buf;
  if (!p.need(d, 2, dEnd)) return false;
  const n = u16(b, d);
  t.addNum(e, hx.sig_hash_alg_len, d, 2, n);
  const cnt = n >> 1;
  const g = t.addItem(e, hx.sig_hash_algs, d + 2, n);
  t.setLabel(g, `Signature Hash Algorithms (${cnt} algorithm${cnt === 1 ? '' : 's'})`);
  const lim = Math.min(dEnd, d + 2 + n);
  for (let o = d + 2; o + 2 <= lim; o += 2) {
    const v = u16(b, o);
    const a = sigAlgItem(p, g, o, v);
    t.addNum(a, hx.sig_hash_hash, o, 1, b[o]!);
    t.addNum(a, hx.sig_hash_sig, o + 1, 1, b[o + 1]!);
    if (ja !== null) ja.sigAlgs.push(v);
  }
  return true;
}

/** A Signature Algorithm item; TLS 1.2 pairs without a name read "HASH SIG" (tshark: "SHA224 RSA"). */
export function sigAlgItem(p: Packet, parent: number, o: number, v: number): number {
  const t = p.tree;
  const a = t.addNum(parent, hx.sig_hash_alg, o, 2, v);
  if (a >= 0 && t.full && !SIG_ALGS.has(v)) {
    const h = SIG_HASH.get(v >> 8), s = SIG_SIG.get(v & 0xff);
    if (h !== undefined && s !== undefined) t.setLabel(a, `Signature Algorithm: ${h} ${s} (0x${v.toString(16).padStart(4, '0')})`);
  }
  return a;
}

function keyShare(p: Packet, e: number, d: number, dEnd: number, hsType: number): boolean {
  const t = p.tree;
  const b = p.buf;
  const ks = t.addText(e, d, dEnd - d, 'Key Share extension');
  if (hsType === HS_HELLO_RETRY_REQUEST) {
    if (!p.need(d, 2, dEnd)) return false;
    t.addNum(ks, hx.key_share_selected_group, d, 2, u16(b, d));
    return true;
  }
  let o = d;
  let lim = dEnd;
  if (hsType === HS_CLIENT_HELLO) {
    if (!p.need(d, 2, dEnd)) return false;
    const n = u16(b, d);
    t.addNum(ks, hx.key_share_client_length, d, 2, n);
    o = d + 2;
    lim = Math.min(dEnd, o + n);
  }
  while (o < lim) {
    if (!p.need(o, 4, lim)) return false;
    const g = u16(b, o);
    const n = u16(b, o + 2);
    const en = t.addText(ks, o, 4 + n, '');
    if (en >= 0) t.setLabel(en, `Key Share Entry: Group: ${GROUPS.get(g) ?? `Unknown (${g})`}, Key Exchange length: ${n}`);
    t.addNum(en, hx.key_share_group, o, 2, g);
    t.addNum(en, hx.key_share_kex_length, o + 2, 2, n);
    if (!p.need(o + 4, n, lim)) return false;
    t.addBytes(en, hx.key_share_kex, o + 4, n);
    o += 4 + n;
    if (hsType !== HS_CLIENT_HELLO) break;
  }
  return true;
}

function preSharedKey(p: Packet, e: number, d: number, dEnd: number, clientHello: boolean): boolean {
  const t = p.tree;
  const b = p.buf;
  if (!clientHello) {
    if (!p.need(d, 2, dEnd)) return false;
    t.addNum(e, hx.psk_selected, d, 2, u16(b, d));
    return true;
  }
  const pk = t.addText(e, d, dEnd - d, 'Pre-Shared Key extension');
  if (!p.need(d, 2, dEnd)) return false;
  const idsLen = u16(b, d);
  t.addNum(pk, hx.psk_identities_length, d, 2, idsLen);
  let o = d + 2;
  const idsEnd = Math.min(dEnd, o + idsLen);
  while (o < idsEnd) {
    if (!p.need(o, 2, idsEnd)) return false;
    const n = u16(b, o);
    const id = t.addText(pk, o, 2 + n + 4, `PSK Identity (length: ${n})`);
    t.addNum(id, hx.psk_identity_length, o, 2, n);
    if (!p.need(o + 2, n + 4, idsEnd)) return false;
    t.addBytes(id, hx.psk_identity, o + 2, n);
    t.addNum(id, hx.psk_age, o + 2 + n, 4, p.dv.getUint32(o + 2 + n));
    o += 2 + n + 4;
  }
  o = idsEnd;
  if (!p.need(o, 2, dEnd)) return false;
  const bl = u16(b, o);
  t.addNum(pk, hx.psk_binders_len, o, 2, bl);
  const bi = t.addItem(pk, hx.psk_binders, o + 2, Math.min(bl, dEnd - o - 2));
  t.setLabel(bi, `PSK Binders`);
  return true;
}
