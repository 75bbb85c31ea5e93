// stun: Session Traversal Utilities for NAT (RFC 5389/8489) and TURN (RFC 8656) on UDP port 3478 and by
// heuristic (magic cookie): header, attributes as type/length, Info with tshark 4.0's attribute summaries
// (user, XOR-MAPPED-ADDRESS, lifetime, bandwidth) and TURN ChannelData on the port.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |0 0|     STUN Message Type     |         Message Length        |
//   |                         Magic Cookie                          |
//   |                     Transaction ID (96 bits)                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

import { FT, Base, continueProtocol, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatIPv4 } from '../core/format.js';
import { udpPortTable, udpHeuristics } from './udp.js';
import { callData } from './data.js';
import { decodeUtf8 } from '../capture/utf8.js';
import { latin1z } from './strz.js';

export const proto_stun = registerProtocol('stun', 'Session Traversal Utilities for NAT', 'STUN');

export const proto_classicstun = registerProtocol('classicstun', 'Simple Traversal of UDP Through NAT', 'CLASSIC-STUN');

const VALS_CLASSIC_TYPE = vals({
  0x0001: 'Binding Request', 0x0101: 'Binding Response', 0x0111: 'Binding Error Response', 0x0002: 'Shared Secret Request',
  0x0102: 'Shared Secret Response', 0x1112: 'Shared Secret Error Response', 0x0003: 'Allocate Request',
  0x0103: 'Allocate Response', 0x0113: 'Allocate Error Response', 0x0004: 'Send Request', 0x0104: 'Send Response',
  0x0114: 'Send Error Response', 0x0115: 'Data Indication', 0x0006: 'Set Active Destination Request',
  0x0106: 'Set Active Destination Response', 0x0116: 'Set Active Destination Error Response',
});

const VALS_METHOD = vals({
  0x001: 'Binding', 0x002: 'SharedSecret', 0x003: 'Allocate', 0x004: 'Refresh', 0x006: 'Send', 0x007: 'Data',
  0x008: 'CreatePermission', 0x009: 'ChannelBind', 0x00a: 'Connect', 0x00b: 'ConnectionBind', 0x00c: 'ConnectionAttempt',
});
const VALS_CLASS = vals({ 0: 'Request', 1: 'Indication', 2: 'Success Response', 3: 'Error Response' });

continueProtocol(proto_stun);
const hf = {
  channel: f('stun.channel', 'Channel Number', FT.UINT16, { base: Base.HEX }),
  type: f('stun.type', 'Message Type', FT.UINT16, { base: Base.HEX }),
  type_class: f('stun.type.class', 'Message Class', FT.UINT16, { base: Base.HEX, mask: 0x110 }),
  type_method: f('stun.type.method', 'Message Method', FT.UINT16, { base: Base.HEX, mask: 0x3eef }),
  length: f('stun.length', 'Message Length', FT.UINT16),
  cookie: f('stun.cookie', 'Message Cookie', FT.BYTES),
  id: f('stun.id', 'Message Transaction ID', FT.BYTES),
  att_type: f('stun.att.type', 'Attribute Type', FT.UINT16, { base: Base.HEX }),
  att_length: f('stun.att.length', 'Attribute Length', FT.UINT16),
  att_username: f('stun.att.username', 'Username', FT.STRING),
  att_lifetime: f('stun.att.lifetime', 'Lifetime', FT.UINT32),
};

continueProtocol(proto_classicstun);
const hfc = {
  type: f('classicstun.type', 'Message Type', FT.UINT16, { base: Base.HEX, vals: VALS_CLASSIC_TYPE }),
  length: f('classicstun.length', 'Message Length', FT.UINT16, { base: Base.HEX }),
  id: f('classicstun.id', 'Message Transaction ID', FT.BYTES),
  att: f('classicstun.att', 'Attributes', FT.NONE),
  att_type: f('classicstun.att.type', 'Attribute Type', FT.UINT16, { base: Base.HEX }),
  att_length: f('classicstun.att.length', 'Attribute Length', FT.UINT16),
};

const TYPE = 0;
const LENGTH = 2;
const COOKIE = 4;
const ID = 8;
const HEADER_LEN = 20;
const MAGIC = 0x2112a442;
const A_USERNAME = 0x0006;
const A_LIFETIME = 0x000d;
const A_BANDWIDTH = 0x0010;
const A_XOR_MAPPED = 0x0020;
const A_XOR_MAPPED_MS = 0x8020;
const A_DATA = 0x0013;
const A_MAPPED = 0x0001;
const A_ERROR_CODE = 0x0009;
const A_REALM = 0x0014;
const A_NONCE = 0x0015;
const VALS_ERROR = vals({
  300: 'Try Alternate', 400: 'Bad Request', 401: 'Unauthenticated', 403: 'Forbidden', 420: 'Unknown Attribute',
  437: 'Allocation Mismatch', 438: 'Stale Nonce', 440: 'Address Family not Supported', 441: 'Wrong Credentials',
  442: 'Unsupported Transport Protocol', 443: 'Peer Address Family Mismatch', 486: 'Allocation Quota Reached',
  487: 'Role Conflict', 500: 'Server Error', 508: 'Insufficient Capacity',
});

/** UTF-8 text of the bytes up to the first NUL, invalid sequences as U+FFFD. */
function utf8z(b: Uint8Array, a: number, n: number): string {
  let e = a;
  while (e < a + n && b[e] !== 0) e++;
  return decodeUtf8(b, a, e);
}

function dissectStunMessage(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  const b = p.buf;
  p.proto = 'STUN';
  p.clearInfo();
  const top = p.addProto(parent, proto_stun, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const type = dv.getUint16(off + TYPE);
  const method = (type & 0xf) | ((type >> 1) & 0x70) | ((type >> 2) & 0xf80);
  const cls = ((type >> 4) & 1) | ((type >> 7) & 2);
  const len = dv.getUint16(off + LENGTH);
  const info = p.cols ? `${VALS_METHOD.get(method) ?? `Unknown (0x${method.toString(16).padStart(4, '0')})`} ${VALS_CLASS.get(cls)!}` : '';
  if (p.cols) p.setInfo(info);
  const ti = t.addNum(top, hf.type, off + TYPE, 2, type);
  const ci = t.addNum(ti, hf.type_class, off + TYPE, 2, type);
  const mi = t.addNum(ti, hf.type_method, off + TYPE, 2, type);
  if (t.full) {
    const mName = VALS_METHOD.get(method) ?? 'Unknown';
    const cName = VALS_CLASS.get(cls)!;
    t.appendLabel(ti, ` (${mName} ${cName})`);
    t.appendLabel(ci, ` ${cName} (${cls})`);
    t.appendLabel(mi, ` ${mName} (0x${method.toString(16).padStart(3, '0')})`);
  }
  t.addNum(top, hf.length, off + LENGTH, 2, len);
  t.addBytes(top, hf.cookie, off + COOKIE, 4);
  t.addBytes(top, hf.id, off + ID, 12);
  let o = off + HEADER_LEN;
  const mEnd = Math.min(end, o + len);
  if (o < mEnd) {
    const ai = t.addText(top, o, mEnd - o, 'Attributes');
    while (o < mEnd) {
      if (!p.need(o, 4, mEnd)) break;
      const at = dv.getUint16(o);
      const al = dv.getUint16(o + 2);
      const v = o + 4;
      const ii = t.addText(ai, o, 4 + al, `Attribute 0x${at.toString(16).padStart(4, '0')}`);
      t.addNum(ii, hf.att_type, o, 2, at);
      t.addNum(ii, hf.att_length, o + 2, 2, al);
      if (!p.need(v, al, mEnd)) break;
      if (p.cols) {
        if (at === A_USERNAME) p.appendInfo(` user: ${latin1z(b, v, al)}`);
        else if (at === A_LIFETIME && al === 4) p.appendInfo(` lifetime: ${dv.getUint32(v)}`);
        else if (at === A_BANDWIDTH && al === 4) p.appendInfo(` bandwidth: ${dv.getUint32(v)}`);
        else if ((at === A_XOR_MAPPED || at === A_XOR_MAPPED_MS) && al === 8 && b[v + 1] === 1) {
          p.appendInfo(` XOR-MAPPED-ADDRESS: ${formatIPv4((dv.getUint32(v + 4) ^ MAGIC) >>> 0)}:${dv.getUint16(v + 2) ^ (MAGIC >>> 16)}`);
        } else if (at === A_MAPPED && al === 8 && b[v + 1] === 1) {
          p.appendInfo(` MAPPED-ADDRESS: ${formatIPv4(dv.getUint32(v + 4))}:${dv.getUint16(v + 2)}`);
        } else if (at === A_ERROR_CODE && al >= 4) {
          const code = (b[v + 2]! & 7) * 100 + b[v + 3]!;
          p.appendInfo(` error-code: ${code} (${VALS_ERROR.get(code) ?? 'Unknown'}) ${utf8z(b, v + 4, al - 4)}`);
        } else if (at === A_REALM) p.appendInfo(` realm: ${utf8z(b, v, al)}`);
        else if (at === A_NONCE) p.appendInfo(' with nonce');
      }
      if (at === A_USERNAME) t.addStr(ii, hf.att_username, v, al, latin1z(b, v, al));
      else if (at === A_LIFETIME && al === 4) t.addNum(ii, hf.att_lifetime, v, 4, dv.getUint32(v));
      else if (at === A_DATA && al > 0) {
        callData(p, v, v + al, ii);
        if (p.stopped) return end - off;
      }
      o = v + ((al + 3) & ~3);
    }
  }
  return end - off;
}

/**
 * RFC 3489 STUN (no magic cookie; 16-byte transaction id), as CLASSIC-STUN: header, attributes as
 * type/length, DATA handed to the data dissector.
 */
function dissectClassicStun(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  const type = dv.getUint16(off + TYPE);
  const len = dv.getUint16(off + LENGTH);
  p.proto = 'CLASSIC-STUN';
  if (p.cols) p.setInfo(`Message: ${VALS_CLASSIC_TYPE.get(type) ?? 'Unknown'}`);
  const top = p.addProto(parent, proto_classicstun, off, end);
  const ti = t.addNum(top, hfc.type, off + TYPE, 2, type);
  if (ti >= 0 && t.full) t.setLabel(ti, `Message Type: ${VALS_CLASSIC_TYPE.get(type) ?? 'Unknown'} (0x${type.toString(16).padStart(4, '0')})`);
  t.addNum(top, hfc.length, off + LENGTH, 2, len);
  t.addBytes(top, hfc.id, off + COOKIE, 16);
  let o = off + HEADER_LEN;
  const mEnd = Math.min(end, o + len);
  if (o >= mEnd) return end - off;
  const ai = t.addItem(top, hfc.att, o, mEnd - o);
  while (o < mEnd) {
    if (!p.need(o, 4, mEnd)) break;
    const at = dv.getUint16(o);
    const al = dv.getUint16(o + 2);
    const ii = t.addText(ai, o, 4 + al, `Attribute: 0x${at.toString(16).padStart(4, '0')}`);
    t.addNum(ii, hfc.att_type, o, 2, at);
    t.addNum(ii, hfc.att_length, o + 2, 2, al);
    if (!p.need(o + 4, al, mEnd)) break;
    if (at === A_DATA && al > 0) {
      callData(p, o + 4, o + 4 + al, ii);
      if (p.stopped) break;
    }
    o += 4 + al;
  }
  return end - off;
}

/** On the STUN port: a message, or TURN ChannelData (first two bits 01). */
function dissectStun(p: Packet, off: number, end: number, parent: number): number {
  if (end - off >= 4 && (p.buf[off]! & 0xc0) === 0x40) {
    p.proto = 'STUN';
    if (p.cols) p.setInfo('ChannelData TURN Message');
    const top = p.addProto(parent, proto_stun, off, end);
    p.tree.addNum(top, hf.channel, off, 2, p.dv.getUint16(off));
    p.tree.addNum(top, hf.length, off + 2, 2, p.dv.getUint16(off + 2));
    if (end - off > 4) callData(p, off + 4, end, top);
    return end - off;
  }
  if (end - off < HEADER_LEN || (p.buf[off]! & 0xc0) !== 0) return 0;
  if (p.dv.getUint32(off + COOKIE) === MAGIC) return dissectStunMessage(p, off, end, parent);
  if (p.dv.getUint16(off + LENGTH) + HEADER_LEN === end - off) return dissectClassicStun(p, off, end, parent);
  return 0;
}

/** Heuristic: type's top bits 00, the magic cookie, and a length that fills the datagram. */
function heurStun(p: Packet, off: number, end: number, parent: number): number {
  if (end - off < HEADER_LEN) return 0;
  const dv = p.dv;
  if ((p.buf[off]! & 0xc0) !== 0 || dv.getUint32(off + COOKIE) !== MAGIC) return 0;
  if (dv.getUint16(off + LENGTH) + HEADER_LEN !== end - off) return 0;
  return dissectStunMessage(p, off, end, parent);
}

export const stunHandle = registerHandle('stun', dissectStun);
udpPortTable.add(3478, stunHandle);
udpHeuristics.add('stun_udp', heurStun);
