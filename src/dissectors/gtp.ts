// gtp: GPRS Tunneling Protocol, user plane (GTP-U, 3GPP TS 29.281), UDP port 2152.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |Ver  |P|R|E|S|N| Message Type  |            Length             |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                 Tunnel Endpoint Identifier                    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  Sequence Number (E|S|N)      | N-PDU Number  | Next Ext Type |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Extension header: | Length (×4) | contents … | Next Ext Type |
//
// A T-PDU (message type 0xff) carries an IP packet (version nibble decides); tshark's Protocol
// column then reads `GTP <inner>` (`GTP <DNS>`).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { dissectIpByVersion } from './mpls.js';
import { callData } from './data.js';

const FLAGS = 0;
const MSG_TYPE = 1;
const LENGTH = 2;
const TEID = 4;
const HEADER_LEN = TEID + 4;
const OPT_LEN = 4;
const F_E = 0x4;
const F_S = 0x2;
const F_PN = 0x1;
const T_PDU = 0xff;

export const proto_gtp = registerProtocol('gtp', 'GPRS Tunneling Protocol', 'GTP');

const MSG_NAMES = vals({
  1: 'Echo request', 2: 'Echo response', 26: 'Error Indication', 31: 'Supported Extension Headers Notification',
  254: 'End Marker', 255: 'T-PDU',
});
const YES_NO: readonly [string, string] = ['Yes', 'No'];

const hf = {
  flags: f('gtp.flags', 'Flags', FT.UINT8, { base: Base.HEX, blurb: 'Ver/PT/Spare...' }),
  version: f('gtp.flags.version', 'Version', FT.UINT8, { mask: 0xe0, vals: vals({ 0: 'GTP release 97/98 version', 1: 'GTP release 99 version', 2: 'GTPv2', 3: 'None', 4: 'None', 5: 'None', 6: 'None', 7: 'None' }), blurb: 'GTP Version' }),
  payload: f('gtp.flags.payload', 'Protocol type', FT.UINT8, { mask: 0x10, vals: vals({ 0: "GTP' (GTP Prime)", 1: 'GTP' }) }),
  reserved: f('gtp.flags.reserved', 'Reserved', FT.UINT8, { mask: 0x8 }),
  e: f('gtp.flags.e', 'Is Next Extension Header present?', FT.BOOLEAN, { boolBits: 8, mask: F_E, tfs: YES_NO }),
  s: f('gtp.flags.s', 'Is Sequence Number present?', FT.BOOLEAN, { boolBits: 8, mask: F_S, tfs: YES_NO }),
  pn: f('gtp.flags.pn', 'Is N-PDU number present?', FT.BOOLEAN, { boolBits: 8, mask: F_PN, tfs: YES_NO }),
  message: f('gtp.message', 'Message Type', FT.UINT8, { base: Base.HEX, vals: MSG_NAMES }),
  length: f('gtp.length', 'Length', FT.UINT16),
  teid: f('gtp.teid', 'TEID', FT.UINT32, { base: Base.HEX_DEC }),
  seq: f('gtp.seq_number', 'Sequence number', FT.UINT16, { base: Base.HEX_DEC }),
  npdu: f('gtp.npdu_number', 'N-PDU Number', FT.UINT8, { base: Base.HEX }),
  next: f('gtp.ext_hdr.next', 'Next extension header type', FT.UINT8, { base: Base.HEX }),
  ext_hdr: f('gtp.ext_hdr', 'Extension header', FT.NONE),
  ext_len: f('gtp.ext_hdr.length', 'Extension Header Length', FT.UINT8),
};

function dissectGtp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'GTP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_gtp, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const fl = b[off + FLAGS]!;
  const type = b[off + MSG_TYPE]!;
  const fi = t.addNum(top, hf.flags, off, 1, fl);
  for (const h of [hf.version, hf.payload, hf.reserved, hf.e, hf.s, hf.pn]) t.addNum(fi, h, off, 1, fl);
  t.addNum(top, hf.message, off + MSG_TYPE, 1, type);
  t.addNum(top, hf.length, off + LENGTH, 2, p.dv.getUint16(off + LENGTH));
  t.addNum(top, hf.teid, off + TEID, 4, p.dv.getUint32(off + TEID));
  let o = off + HEADER_LEN;
  if (fl & (F_E | F_S | F_PN)) {
    if (!p.need(o, OPT_LEN, end)) return end - off;
    if (fl & F_S) t.addNum(top, hf.seq, o, 2, p.dv.getUint16(o));
    if (fl & F_PN) t.addNum(top, hf.npdu, o + 2, 1, b[o + 2]!);
    let next = b[o + 3]!;
    if (fl & F_E) t.addNum(top, hf.next, o + 3, 1, next);
    o += OPT_LEN;
    while (fl & F_E && next !== 0) {
      if (!p.need(o, 1, end)) return end - off;
      const len = b[o]! * 4;
      if (len === 0) break;
      const ei = t.addItem(top, hf.ext_hdr, o, len);
      if (!p.need(o, len, end)) return end - off;
      t.addNum(ei, hf.ext_len, o, 1, len / 4);
      next = b[o + len - 1]!;
      t.addNum(ei, hf.next, o + len - 1, 1, next);
      o += len;
    }
  }
  t.setEnd(top, o);
  if (p.cols) p.setInfo(MSG_NAMES.get(type) ?? 'Unknown message');
  if (o >= end) return end - off;
  if (type !== T_PDU) {
    callData(p, o, end, parent);
    return end - off;
  }
  if (dissectIpByVersion(p, o, end, parent)) p.proto = `GTP <${p.proto}>`;
  return end - off;
}

export const gtpHandle = registerHandle('gtp', dissectGtp);
udpPortTable.add(2152, gtpHandle);
