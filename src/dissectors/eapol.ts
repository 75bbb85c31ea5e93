// eapol: 802.1X EAP over LAN (IEEE 802.1X), EtherType 0x888e, with the RSN/WPA key descriptor
// (IEEE 802.11 EAPOL-Key frames of the 4-way and group handshakes).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Version    |     Type      |         Body Length           |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Key body (type 3, descriptor 2 RSN / 254 WPA):
// | Descriptor Type (1) | Key Information (2) | Key Length (2) | Replay Counter (8) |
// | Key Nonce (32) | Key IV (16) | Key RSC (8) | Key ID (8) | Key MIC (16) |
// | Key Data Length (2) | Key Data …
//
// The handshake message number (Info "Key (Message n of 4)") follows from the Key Information bits.
// Key Data is shown as bytes (its information elements are not decoded yet).

import { FT, Base, f, registerProtocol, vals, TFS_SET } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { callData } from './data.js';

const ETHERTYPE_EAPOL = 0x888e;
const VERSION = 0;
const TYPE = 1;
const LENGTH = 2;
const HEADER_LEN = 4;

const KD_TYPE = 0;
const KD_INFO = 1;
const KD_KEY_LEN = 3;
const KD_REPLAY = 5;
const KD_NONCE = 13;
const KD_IV = 45;
const KD_RSC = 61;
const KD_ID = 69;
const KD_MIC = 77;
const KD_DATA_LEN = 93;
const KD_DATA = 95;

const TYPE_EAP = 0;
const TYPE_KEY = 3;
const KEYDES_RSN = 2;
const KEYDES_WPA = 254;

const KI_PAIRWISE = 0x0008;
const KI_ACK = 0x0080;
const KI_MIC = 0x0100;

export const proto_eapol = registerProtocol('eapol', '802.1X Authentication', 'EAPOL');

const TYPE_NAMES = vals({
  0: 'EAP Packet', 1: 'Start', 2: 'Logoff', 3: 'Key', 4: 'Encapsulated ASF Alert', 5: 'MKA',
  6: 'Announcement (Generic)', 7: 'Announcement (Specific)', 8: 'Announcement Request',
});

const hf = {
  version: f('eapol.version', 'Version', FT.UINT8, { vals: vals({ 1: '802.1X-2001', 2: '802.1X-2004', 3: '802.1X-2010' }) }),
  type: f('eapol.type', 'Type', FT.UINT8, { vals: TYPE_NAMES }),
  len: f('eapol.len', 'Length', FT.UINT16),
  keydes_type: f('eapol.keydes.type', 'Key Descriptor Type', FT.UINT8, { vals: vals({ 1: 'RC4 Descriptor', 2: 'EAPOL RSN Key', 254: 'EAPOL WPA Key' }) }),
  keydes_body: f('eapol.keydes.body', 'Key Descriptor Body', FT.BYTES),
  key_len: f('eapol.keydes.key_len', 'Key Length', FT.UINT16),
  replay_counter: f('eapol.keydes.replay_counter', 'Replay Counter', FT.UINT64),
  key_iv: f('eapol.keydes.key_iv', 'Key IV', FT.BYTES),
};

export const proto_wlan_rsna_eapol = registerProtocol('wlan_rsna_eapol', 'IEEE 802.11 RSNA EAPOL key', 'EAPOL');

const hf_k = {
  msgnr: f('wlan_rsna_eapol.keydes.msgnr', 'Message number', FT.UINT8),
  key_info: f('wlan_rsna_eapol.keydes.key_info', 'Key Information', FT.UINT16, { base: Base.HEX }),
  keydes_version: f('wlan_rsna_eapol.keydes.key_info.keydes_version', 'Key Descriptor Version', FT.UINT16, {
    mask: 0x7, vals: vals({ 1: 'RC4 Cipher, HMAC-MD5 MIC', 2: 'AES Cipher, HMAC-SHA1 MIC', 3: 'AES Cipher, AES-128-CMAC MIC' }),
  }),
  key_type: f('wlan_rsna_eapol.keydes.key_info.key_type', 'Key Type', FT.BOOLEAN, { boolBits: 16, mask: 0x8, tfs: ['Pairwise Key', 'Group Key'] }),
  key_index: f('wlan_rsna_eapol.keydes.key_info.key_index', 'Key Index', FT.UINT16, { mask: 0x30 }),
  install: f('wlan_rsna_eapol.keydes.key_info.install', 'Install', FT.BOOLEAN, { boolBits: 16, mask: 0x40, tfs: TFS_SET }),
  key_ack: f('wlan_rsna_eapol.keydes.key_info.key_ack', 'Key ACK', FT.BOOLEAN, { boolBits: 16, mask: 0x80, tfs: TFS_SET }),
  key_mic: f('wlan_rsna_eapol.keydes.key_info.key_mic', 'Key MIC', FT.BOOLEAN, { boolBits: 16, mask: 0x100, tfs: TFS_SET }),
  secure: f('wlan_rsna_eapol.keydes.key_info.secure', 'Secure', FT.BOOLEAN, { boolBits: 16, mask: 0x200, tfs: TFS_SET }),
  error: f('wlan_rsna_eapol.keydes.key_info.error', 'Error', FT.BOOLEAN, { boolBits: 16, mask: 0x400, tfs: TFS_SET }),
  request: f('wlan_rsna_eapol.keydes.key_info.request', 'Request', FT.BOOLEAN, { boolBits: 16, mask: 0x800, tfs: TFS_SET }),
  encrypted_key_data: f('wlan_rsna_eapol.keydes.key_info.encrypted_key_data', 'Encrypted Key Data', FT.BOOLEAN, { boolBits: 16, mask: 0x1000, tfs: TFS_SET }),
  smk_message: f('wlan_rsna_eapol.keydes.key_info.smk_message', 'SMK Message', FT.BOOLEAN, { boolBits: 16, mask: 0x2000, tfs: TFS_SET }),
  nonce: f('wlan_rsna_eapol.keydes.nonce', 'WPA Key Nonce', FT.BYTES),
  rsc: f('wlan_rsna_eapol.keydes.rsc', 'WPA Key RSC', FT.BYTES),
  id: f('wlan_rsna_eapol.keydes.id', 'WPA Key ID', FT.BYTES),
  mic: f('wlan_rsna_eapol.keydes.mic', 'WPA Key MIC', FT.BYTES),
  data_len: f('wlan_rsna_eapol.keydes.data_len', 'WPA Key Data Length', FT.UINT16),
  data: f('wlan_rsna_eapol.keydes.data', 'WPA Key Data', FT.BYTES),
};

const KEY_INFO_BITS = [
  hf_k.keydes_version, hf_k.key_type, hf_k.key_index, hf_k.install, hf_k.key_ack, hf_k.key_mic, hf_k.secure,
  hf_k.error, hf_k.request, hf_k.encrypted_key_data, hf_k.smk_message,
];

/** Message number of the 4-way handshake (1–4) or group handshake (1–2) from Key Information. */
function messageNumber(info: number, dataLen: number): number {
  const ack = (info & KI_ACK) !== 0;
  const mic = (info & KI_MIC) !== 0;
  if (info & KI_PAIRWISE) {
    if (ack && !mic) return 1;
    if (ack && mic) return 3;
    return dataLen > 0 ? 2 : 4;
  }
  return ack ? 1 : 2;
}

function dissectKey(p: Packet, top: number, off: number, end: number): void {
  const t = p.tree;
  const dv = p.dv;
  const kd = p.buf[off + KD_TYPE]!;
  t.addNum(top, hf.keydes_type, off + KD_TYPE, 1, kd);
  if (kd !== KEYDES_RSN && kd !== KEYDES_WPA) {
    if (p.cols) p.setInfo('Key');
    if (end > off + 1) t.addBytes(top, hf.keydes_body, off + 1, end - off - 1);
    return;
  }
  if (!p.need(off, KD_DATA, end)) return;
  const info = dv.getUint16(off + KD_INFO);
  const dataLen = dv.getUint16(off + KD_DATA_LEN);
  const msg = messageNumber(info, dataLen);
  const pairwise = (info & KI_PAIRWISE) !== 0;
  if (p.cols) p.setInfo(pairwise ? `Key (Message ${msg} of 4)` : `Key (Group Message ${msg} of 2)`);
  t.generated(t.addNum(top, hf_k.msgnr, off + KD_INFO, 0, msg));
  const ki = t.addNum(top, hf_k.key_info, off + KD_INFO, 2, info);
  for (const h of KEY_INFO_BITS) t.addNum(ki, h, off + KD_INFO, 2, info);
  t.addNum(top, hf.key_len, off + KD_KEY_LEN, 2, dv.getUint16(off + KD_KEY_LEN));
  t.addBig(top, hf.replay_counter, off + KD_REPLAY, 8, dv.getBigUint64(off + KD_REPLAY));
  t.addBytes(top, hf_k.nonce, off + KD_NONCE, 32);
  t.addBytes(top, hf.key_iv, off + KD_IV, 16);
  t.addBytes(top, hf_k.rsc, off + KD_RSC, 8);
  t.addBytes(top, hf_k.id, off + KD_ID, 8);
  t.addBytes(top, hf_k.mic, off + KD_MIC, 16);
  t.addNum(top, hf_k.data_len, off + KD_DATA_LEN, 2, dataLen);
  if (dataLen > 0) {
    if (!p.need(off + KD_DATA, dataLen, end)) return;
    t.addBytes(top, hf_k.data, off + KD_DATA, dataLen);
  }
}

function dissectEapol(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  p.proto = 'EAPOL';
  p.curProto = 'EAPOL';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_eapol, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const type = p.buf[off + TYPE]!;
  const len = dv.getUint16(off + LENGTH);
  const bodyEnd = Math.min(end, off + HEADER_LEN + len);
  if (top >= 0) t.setEnd(top, bodyEnd);
  t.addNum(top, hf.version, off + VERSION, 1, p.buf[off + VERSION]!);
  t.addNum(top, hf.type, off + TYPE, 1, type);
  t.addNum(top, hf.len, off + LENGTH, 2, len);
  if (p.cols) p.setInfo(TYPE_NAMES.get(type) ?? `Unknown Type (0x${type.toString(16).padStart(2, '0')})`);
  const body = off + HEADER_LEN;
  if (len === 0) return bodyEnd - off;
  if (!p.need(body, len, end)) return end - off;
  if (type === TYPE_KEY) dissectKey(p, top, body, bodyEnd);
  else if (type === TYPE_EAP) callData(p, body, bodyEnd, parent);
  return bodyEnd - off;
}

export const eapolHandle = registerHandle('eapol', dissectEapol);
ethertypeTable.add(ETHERTYPE_EAPOL, eapolHandle);
