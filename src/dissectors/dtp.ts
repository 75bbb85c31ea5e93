// dtp: Cisco Dynamic Trunk Protocol, LLC SNAP (OUI 00:00:0c) PID 0x2004.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Version    |  TLVs: Type (2) | Length (2, header included) | Value …
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// 1 Domain (string), 2 Trunk Status (operating 0x80 / administrative 0x07),
// 3 Trunk Type (operating 0xe0 / administrative 0x07), 4 Sender ID (MAC).
// The protocol item's label collects the TLV values like tshark's.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { llcCiscoPidTable } from './llc.js';

const CISCO_PID_DTP = 0x2004;
const VERSION = 0;
const TLVS = 1;
const TLV_HEADER_LEN = 4;
const TLV_DOMAIN = 1;
const TLV_STATUS = 2;
const TLV_TYPE = 3;
const TLV_SENDERID = 4;

export const proto_dtp = registerProtocol('dtp', 'Dynamic Trunk Protocol', 'DTP');

const TLV_NAMES = vals({ 1: 'Domain', 2: 'Trunk Status', 3: 'Trunk Type', 4: 'Sender ID' });
const TOS_NAMES = vals({ 0: 'Access', 1: 'Trunk' });
const TAS_NAMES = vals({ 1: 'On', 2: 'Off', 3: 'Desirable', 4: 'Auto' });
const TOT_NAMES = vals({ 1: 'Native', 2: 'ISL', 5: '802.1Q' });
const TAT_NAMES = vals({ 0: 'Negotiated', 1: 'Native', 2: 'ISL', 5: '802.1Q' });

const hf = {
  version: f('dtp.version', 'Version', FT.UINT8),
  domain: f('dtp.domain', 'Domain', FT.STRING),
  tlv_type: f('dtp.tlv_type', 'Type', FT.UINT16, { base: Base.HEX, vals: TLV_NAMES }),
  tlv_len: f('dtp.tlv_len', 'Length', FT.UINT16),
  tos: f('dtp.tos', 'Trunk Operating Status', FT.UINT8, { base: Base.HEX, mask: 0x80, vals: TOS_NAMES }),
  tas: f('dtp.tas', 'Trunk Administrative Status', FT.UINT8, { base: Base.HEX, mask: 0x07, vals: TAS_NAMES }),
  tot: f('dtp.tot', 'Trunk Operating Type', FT.UINT8, { base: Base.HEX, mask: 0xe0, vals: TOT_NAMES }),
  tat: f('dtp.tat', 'Trunk Administrative Type', FT.UINT8, { base: Base.HEX, mask: 0x07, vals: TAT_NAMES }),
  senderid: f('dtp.senderid', 'Sender ID', FT.ETHER),
};

const nm = (m: ReadonlyMap<number, string>, v: number): string => m.get(v) ?? 'Unknown';

function dissectDtp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'DTP';
  p.curProto = 'DTP';
  if (p.cols) p.setInfo('Dynamic Trunk Protocol');
  const top = p.addProto(parent, proto_dtp, off, end);
  if (!p.need(off, TLVS, end)) return end - off;
  t.addNum(top, hf.version, off + VERSION, 1, b[off + VERSION]!);
  let o = off + TLVS;
  while (o + TLV_HEADER_LEN <= end) {
    if (!p.need(o, TLV_HEADER_LEN, end)) return end - off;
    const type = dv.getUint16(o);
    const len = dv.getUint16(o + 2);
    if (len < TLV_HEADER_LEN) break;
    if (!p.need(o, len, end)) return end - off;
    const v = o + TLV_HEADER_LEN;
    const vlen = len - TLV_HEADER_LEN;
    const ti = t.addText(top, o, len, TLV_NAMES.get(type) ?? `Unknown TLV (0x${type.toString(16).padStart(4, '0')})`);
    t.addNum(ti, hf.tlv_type, o, 2, type);
    t.addNum(ti, hf.tlv_len, o + 2, 2, len);
    const full = top >= 0 && t.full;
    if (type === TLV_DOMAIN && vlen > 0) {
      let s = '';
      for (let i = 0; i < vlen && b[v + i] !== 0; i++) s += String.fromCharCode(b[v + i]!);
      t.addStr(ti, hf.domain, v, vlen, s);
      if (full) t.appendLabel(top, `: ${s}`);
    } else if ((type === TLV_STATUS || type === TLV_TYPE) && vlen >= 1) {
      const x = b[v]!;
      const text = type === TLV_STATUS ? `${nm(TOS_NAMES, x >> 7)}/${nm(TAS_NAMES, x & 7)}` : `${nm(TOT_NAMES, x >> 5)}/${nm(TAT_NAMES, x & 7)}`;
      const hx = `0x${x.toString(16).padStart(2, '0')}`;
      const vi = t.addText(ti, v, 1, `Value: ${text} (${hx})`);
      t.addNum(vi, type === TLV_STATUS ? hf.tos : hf.tot, v, 1, x);
      t.addNum(vi, type === TLV_STATUS ? hf.tas : hf.tat, v, 1, x);
      if (full) t.appendLabel(top, ` (Operating/Administrative): ${text} (${hx})`);
    } else if (type === TLV_SENDERID && vlen >= 6) {
      t.addBytes(ti, hf.senderid, v, 6);
      if (full) t.appendLabel(top, `: ${formatMac(b, v)}`);
    }
    o += len;
  }
  return end - off;
}

export const dtpHandle = registerHandle('dtp', dissectDtp);
llcCiscoPidTable.add(CISCO_PID_DTP, dtpHandle);
