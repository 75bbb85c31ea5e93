// hsrp: Cisco Hot Standby Router Protocol, v1 (RFC 2281; UDP port 1985) and v2 (TLVs; UDP 1985
// over IPv4, 2029 over IPv6).
//
// v1 message:
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Version     |   Op Code     |     State     |   Hellotime   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Holdtime    |   Priority    |     Group     |   Reserved    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                Authentication Data (8 bytes)                  |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                      Virtual IP Address                       |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// v2 message: TLVs | Type (1) | Length (1) | value |:
//   1 Group State: Version, Op Code, State, IP Ver. (1 each), Group (2), Identifier (6),
//     Priority, Hellotime, Holdtime (4 each), Virtual IP (16)
//   2 Interface State: Active Groups (2), Passive Groups (2), reserved
//   3 Text Authentication: 8 bytes;  4 MD5 Authentication: Algorithm, Padding, Flags (2),
//     Sender's IP (4), Key ID (4), Authentication Data

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { hexBytes } from '../core/format.js';
import { udpPortTable } from './udp.js';

const V1_LEN = 20;
const TLV_GROUP_STATE = 1;
const TLV_INTERFACE_STATE = 2;
const TLV_TEXT_AUTH = 3;
const TLV_MD5_AUTH = 4;
const GROUP_STATE_LEN = 40;
const V2_DEFAULT_HELLO = 3000;
const V2_DEFAULT_HOLD = 10000;
const V1_DEFAULT_HELLO = 3;
const V1_DEFAULT_HOLD = 10;
const UDP_PORT_HSRP = 1985;
const UDP_PORT_HSRP2_V6 = 2029;

export const proto_hsrp = registerProtocol('hsrp', 'Cisco Hot Standby Router Protocol', 'HSRP');

const OPCODE_NAMES = vals({ 0: 'Hello', 1: 'Coup', 2: 'Resign', 3: 'Advertise' });
const STATE_NAMES = vals({ 0: 'Initial', 1: 'Learn', 2: 'Listen', 4: 'Speak', 8: 'Standby', 16: 'Active' });
const OPCODE2_NAMES = vals({ 0: 'Hello', 1: 'Coup', 2: 'Resign' });
const STATE2_NAMES = vals({ 1: 'Init', 2: 'Learn', 3: 'Listen', 4: 'Speak', 5: 'Standby', 6: 'Active' });

const hf = {
  version: f('hsrp.version', 'Version', FT.UINT8),
  opcode: f('hsrp.opcode', 'Op Code', FT.UINT8, { vals: OPCODE_NAMES }),
  state: f('hsrp.state', 'State', FT.UINT8, { vals: STATE_NAMES }),
  hellotime: f('hsrp.hellotime', 'Hellotime', FT.UINT8),
  holdtime: f('hsrp.holdtime', 'Holdtime', FT.UINT8),
  priority: f('hsrp.priority', 'Priority', FT.UINT8),
  group: f('hsrp.group', 'Group', FT.UINT8),
  reserved: f('hsrp.reserved', 'Reserved', FT.UINT8),
  auth_data: f('hsrp.auth_data', 'Authentication Data', FT.STRING),
  virt_ip: f('hsrp.virt_ip', 'Virtual IP Address', FT.IPv4),
  v2_version: f('hsrp2.version', 'Version', FT.UINT8),
  v2_opcode: f('hsrp2.opcode', 'Op Code', FT.UINT8, { vals: OPCODE2_NAMES }),
  v2_state: f('hsrp2.state', 'State', FT.UINT8, { vals: STATE2_NAMES }),
  group_state_tlv: f('hsrp2.group_state_tlv', 'Group State TLV', FT.UINT8),
  interface_state_tlv: f('hsrp2.interface_state_tlv', 'Interface State TLV', FT.UINT8),
  text_auth_tlv: f('hsrp2.text_auth_tlv', 'Text Authentication TLV', FT.UINT8),
  md5_auth_tlv: f('hsrp2.md5_auth_tlv', 'MD5 Authentication TLV', FT.UINT8),
  ipversion: f('hsrp2.ipversion', 'IP Ver.', FT.UINT8, { vals: vals({ 4: 'IPv4', 6: 'IPv6' }) }),
  v2_group: f('hsrp2.group', 'Group', FT.UINT16),
  identifier: f('hsrp2.identifier', 'Identifier', FT.ETHER),
  v2_hellotime: f('hsrp2.hellotime', 'Hellotime', FT.UINT32),
  v2_holdtime: f('hsrp2.holdtime', 'Holdtime', FT.UINT32),
  v2_priority: f('hsrp2.priority', 'Priority', FT.UINT32),
  v2_auth_data: f('hsrp2.auth_data', 'Authentication Data', FT.STRING),
  v2_virt_ip: f('hsrp2.virt_ip', 'Virtual IP Address', FT.IPv4),
  v2_virt_ip_v6: f('hsrp2.virt_ip_v6', 'Virtual IPv6 Address', FT.IPv6),
  active_groups: f('hsrp2.active_groups', 'Active Groups', FT.UINT16),
  passive_groups: f('hsrp2.passive_groups', 'Passive Groups', FT.UINT16),
  md5_algorithm: f('hsrp2.md5_algorithm', 'MD5 Algorithm', FT.UINT8, { vals: vals({ 1: 'MD5' }) }),
  md5_padding: f('hsrp2.md5_padding', 'Padding', FT.UINT8, { base: Base.HEX }),
  md5_flags: f('hsrp2.md5_flags', 'MD5 Flags', FT.UINT16),
  md5_ip_address: f('hsrp.md5_ip_address', "Sender's IP Address", FT.IPv4),
  md5_key_id: f('hsrp2.md5_key_id', 'MD5 Key ID', FT.UINT32),
  md5_auth_data: f('hsrp2.md5_auth_data', 'MD5 Authentication Data', FT.UINT32),
};

function timeLabel(p: Packet, i: number, name: string, v: number, dflt: number): void {
  if (i >= 0 && p.tree.full) p.tree.setLabel(i, `${name}: ${v === dflt ? 'Default' : 'Non-Default'} (${v})`);
}

function text8(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = 0; i < n && b[off + i] !== 0; i++) s += String.fromCharCode(b[off + i]!);
  return s;
}

function dissectV1(p: Packet, top: number, off: number, end: number): void {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'HSRP';
  if (!p.need(off, V1_LEN, end)) return;
  const opcode = b[off + 1]!;
  const state = b[off + 2]!;
  if (p.cols) p.setInfo(`${OPCODE_NAMES.get(opcode) ?? `Unknown (${opcode})`} (state ${STATE_NAMES.get(state) ?? `Unknown (${state})`})`);
  t.addNum(top, hf.version, off, 1, b[off]!);
  t.addNum(top, hf.opcode, off + 1, 1, opcode);
  t.addNum(top, hf.state, off + 2, 1, state);
  timeLabel(p, t.addNum(top, hf.hellotime, off + 3, 1, b[off + 3]!), 'Hellotime', b[off + 3]!, V1_DEFAULT_HELLO);
  timeLabel(p, t.addNum(top, hf.holdtime, off + 4, 1, b[off + 4]!), 'Holdtime', b[off + 4]!, V1_DEFAULT_HOLD);
  t.addNum(top, hf.priority, off + 5, 1, b[off + 5]!);
  t.addNum(top, hf.group, off + 6, 1, b[off + 6]!);
  t.addNum(top, hf.reserved, off + 7, 1, b[off + 7]!);
  t.addStr(top, hf.auth_data, off + 8, 8, text8(b, off + 8, 8));
  t.addNum(top, hf.virt_ip, off + 16, 4, p.dv.getUint32(off + 16));
}

function dissectV2(p: Packet, top: number, off: number, end: number): void {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'HSRPv2';
  p.curProto = 'HSRPv2';
  let o = off;
  while (o + 2 <= end) {
    if (!p.need(o, 2, end)) return;
    const type = b[o]!;
    const len = b[o + 1]!;
    if (!p.need(o + 2, len, end)) return;
    const v = o + 2;
    const hfTlv = type === TLV_GROUP_STATE ? hf.group_state_tlv : type === TLV_INTERFACE_STATE ? hf.interface_state_tlv
      : type === TLV_TEXT_AUTH ? hf.text_auth_tlv : type === TLV_MD5_AUTH ? hf.md5_auth_tlv : -1;
    if (hfTlv < 0) return;
    const ti = t.addNum(top, hfTlv, o, 2 + len, type);
    // tshark counts the Interface State TLV's type and length bytes in its Len
    if (ti >= 0 && t.full) t.setLabel(ti, `${fieldName(type)}: Type=${type} Len=${type === TLV_INTERFACE_STATE ? len + 2 : len}`);
    if (type === TLV_GROUP_STATE && len >= GROUP_STATE_LEN) {
      const opcode = b[v + 1]!;
      const state = b[v + 2]!;
      const ipver = b[v + 3]!;
      if (p.cols) p.setInfo(`${OPCODE2_NAMES.get(opcode) ?? `Unknown (${opcode})`} (state ${STATE2_NAMES.get(state) ?? `Unknown (${state})`})`);
      t.addNum(ti, hf.v2_version, v, 1, b[v]!);
      t.addNum(ti, hf.v2_opcode, v + 1, 1, opcode);
      t.addNum(ti, hf.v2_state, v + 2, 1, state);
      t.addNum(ti, hf.ipversion, v + 3, 1, ipver);
      t.addNum(ti, hf.v2_group, v + 4, 2, dv.getUint16(v + 4));
      t.addBytes(ti, hf.identifier, v + 6, 6);
      t.addNum(ti, hf.v2_priority, v + 12, 4, dv.getUint32(v + 12));
      const hello = dv.getUint32(v + 16);
      const hold = dv.getUint32(v + 20);
      timeLabel(p, t.addNum(ti, hf.v2_hellotime, v + 16, 4, hello), 'Hellotime', hello, V2_DEFAULT_HELLO);
      timeLabel(p, t.addNum(ti, hf.v2_holdtime, v + 20, 4, hold), 'Holdtime', hold, V2_DEFAULT_HOLD);
      if (ipver === 6) t.addBytes(ti, hf.v2_virt_ip_v6, v + 24, 16);
      else t.addNum(ti, hf.v2_virt_ip, v + 24, 4, dv.getUint32(v + 24));
    } else if (type === TLV_INTERFACE_STATE && len >= 4) {
      const act = dv.getUint16(v);
      const pass = dv.getUint16(v + 2);
      if (p.cols) p.setInfo(`Interface State TLV (Act=${act} Pass=${pass})`);
      t.addNum(ti, hf.active_groups, v, 2, act);
      t.addNum(ti, hf.passive_groups, v + 2, 2, pass);
    } else if (type === TLV_TEXT_AUTH && len >= 8) {
      t.addStr(ti, hf.v2_auth_data, v, 8, text8(b, v, 8));
    } else if (type === TLV_MD5_AUTH && len >= 12) {
      t.addNum(ti, hf.md5_algorithm, v, 1, b[v]!);
      t.addNum(ti, hf.md5_padding, v + 1, 1, b[v + 1]!);
      t.addNum(ti, hf.md5_flags, v + 2, 2, dv.getUint16(v + 2));
      t.addNum(ti, hf.md5_ip_address, v + 4, 4, dv.getUint32(v + 4));
      t.addNum(ti, hf.md5_key_id, v + 8, 4, dv.getUint32(v + 8));
      if (len > 12) {
        const ai = t.addItem(ti, hf.md5_auth_data, v + 12, len - 12);
        if (ai >= 0 && t.full) t.setLabel(ai, `MD5 Authentication Data: ${hexBytes(b.subarray(v + 12, v + len))}`);
      }
    }
    o = v + len;
  }
}

function fieldName(type: number): string {
  return type === TLV_GROUP_STATE ? 'Group State TLV' : type === TLV_INTERFACE_STATE ? 'Interface State TLV'
    : type === TLV_TEXT_AUTH ? 'Text Authentication TLV' : 'MD5 Authentication TLV';
}

function dissectHsrp(p: Packet, off: number, end: number, parent: number): number {
  p.proto = 'HSRP';
  p.curProto = 'HSRP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_hsrp, off, end);
  if (!p.need(off, 2, end)) return end - off;
  // v2 starts with a Group/Interface State TLV (type 1 length 40, type 2 length 4); v1 with version 0.
  const t0 = p.buf[off]!;
  const l0 = p.buf[off + 1]!;
  if ((t0 === TLV_GROUP_STATE && l0 === GROUP_STATE_LEN) || (t0 === TLV_INTERFACE_STATE && l0 === 4)) dissectV2(p, top, off, end);
  else dissectV1(p, top, off, end);
  return end - off;
}

export const hsrpHandle = registerHandle('hsrp', dissectHsrp);
udpPortTable.add(UDP_PORT_HSRP, hsrpHandle);
udpPortTable.add(UDP_PORT_HSRP2_V6, hsrpHandle);
