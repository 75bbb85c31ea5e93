// pppoe: PPP over Ethernet (RFC 2516): discovery (EtherType 0x8863, `pppoed`) and session
// (EtherType 0x8864, `pppoes`) stages share this header.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  VER  | TYPE  |      CODE     |          SESSION_ID           |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |            LENGTH             |           payload             ~
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Discovery payload: tags | TAG_TYPE (2) | TAG_LENGTH (2) | TAG_VALUE … |
// Session payload: a PPP frame without address/control, bounded by LENGTH (the rest is the
// Ethernet padding/trailer).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { pppNoHdlcHandle } from './ppp.js';

const VER_TYPE = 0;
const CODE = 1;
const SESSION_ID = 2;
const LENGTH = 4;
const HEADER_LEN = LENGTH + 2;
const TAG_HEADER_LEN = 4;

const CODE_NAMES = vals({
  0x0: 'Session Data', 0x7: 'Active Discovery Offer (PADO)', 0x9: 'Active Discovery Initiation (PADI)',
  0xa: 'Active Discovery Session-Grant (PADG)', 0xb: 'Active Discovery Session-Credit Resp.(PADC)',
  0xc: 'Active Discovery Quality (PADQ)', 0x19: 'Active Discovery Request (PADR)',
  0x65: 'Active Discovery Session-confirmation (PADS)', 0xa7: 'Active Discovery Terminate (PADT)',
  0xd3: 'Active Discovery Message (PADM)', 0xd4: 'Active Discovery Network (PADN)',
});
const TAG_NAMES = vals({
  0x0: 'End-Of-List', 0x101: 'Service-Name', 0x102: 'AC-Name', 0x103: 'Host-Uniq', 0x104: 'AC-Cookie',
  0x105: 'Vendor-Specific', 0x106: 'Credits', 0x107: 'Metrics', 0x108: 'Sequence Number', 0x109: 'Credit Scale Factor',
  0x110: 'Relay-Session-Id', 0x111: 'HURL', 0x112: 'MOTM', 0x120: 'PPP-Max-Payload', 0x121: 'IP Route Add',
  0x201: 'Service-Name-Error', 0x202: 'AC-System-Error', 0x203: 'Generic-Error',
});

const proto_pppoe = registerProtocol('pppoe', 'PPP-over-Ethernet', 'PPPoE');
const hf = {
  version: f('pppoe.version', 'Version', FT.UINT8, { mask: 0xf0 }),
  type: f('pppoe.type', 'Type', FT.UINT8, { mask: 0xf }),
  code: f('pppoe.code', 'Code', FT.UINT8, { base: Base.HEX, vals: CODE_NAMES }),
  session_id: f('pppoe.session_id', 'Session ID', FT.UINT16, { base: Base.HEX }),
  payload_length: f('pppoe.payload_length', 'Payload Length', FT.UINT16),
};
export const proto_pppoed = registerProtocol('pppoed', 'PPP-over-Ethernet Discovery', 'PPPoED');
const hfd = {
  tags: f('pppoed.tags', 'PPPoE Tags', FT.NONE),
  tag: f('pppoed.tag', 'Tag', FT.UINT16, { base: Base.HEX, vals: TAG_NAMES }),
  tag_length: f('pppoed.tag_length', 'Tag Length', FT.UINT16),
  service_name: f('pppoed.tags.service_name', 'Service-Name', FT.STRING),
  ac_name: f('pppoed.tags.ac_name', 'AC-Name', FT.STRING),
  host_uniq: f('pppoed.tags.host_uniq', 'Host-Uniq', FT.BYTES),
  ac_cookie: f('pppoed.tags.ac_cookie', 'AC-Cookie', FT.BYTES),
  unknown: f('pppoed.tag.unknown_data', 'Unknown Data', FT.BYTES),
};
export const proto_pppoes = registerProtocol('pppoes', 'PPP-over-Ethernet Session', 'PPPoES');
void proto_pppoe;

function text(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[off + i]!);
  return s;
}

/** The common header under `top`; returns the payload length. Caller checked HEADER_LEN. */
function addHeader(p: Packet, top: number, off: number): number {
  const t = p.tree;
  const vt = p.buf[off + VER_TYPE]!;
  t.addNum(top, hf.version, off, 1, vt);
  t.addNum(top, hf.type, off, 1, vt);
  t.addNum(top, hf.code, off + CODE, 1, p.buf[off + CODE]!);
  t.addNum(top, hf.session_id, off + SESSION_ID, 2, p.dv.getUint16(off + SESSION_ID));
  const len = p.dv.getUint16(off + LENGTH);
  t.addNum(top, hf.payload_length, off + LENGTH, 2, len);
  return len;
}

function dissectPppoed(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'PPPoED';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_pppoed, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const code = b[off + CODE]!;
  if (p.cols) p.setInfo(CODE_NAMES.get(code) ?? 'Unknown');
  const len = addHeader(p, top, off);
  const tEnd = Math.min(off + HEADER_LEN + len, end);
  t.setEnd(top, tEnd);
  if (len === 0) return tEnd - off;
  const tags = t.addItem(top, hfd.tags, off + HEADER_LEN, tEnd - off - HEADER_LEN);
  let o = off + HEADER_LEN;
  while (o + TAG_HEADER_LEN <= tEnd) {
    if (!p.need(o, TAG_HEADER_LEN, end)) return end - off;
    const tag = p.dv.getUint16(o);
    const tlen = p.dv.getUint16(o + 2);
    t.addNum(tags, hfd.tag, o, 2, tag);
    t.addNum(tags, hfd.tag_length, o + 2, 2, tlen);
    const v = o + TAG_HEADER_LEN;
    if (tlen > 0) {
      if (!p.need(v, tlen, end)) return end - off;
      if (tag === 0x101) t.addStr(tags, hfd.service_name, v, tlen, text(b, v, tlen));
      else if (tag === 0x102) t.addStr(tags, hfd.ac_name, v, tlen, text(b, v, tlen));
      else if (tag === 0x103) t.addBytes(tags, hfd.host_uniq, v, tlen);
      else if (tag === 0x104) t.addBytes(tags, hfd.ac_cookie, v, tlen);
      else t.addBytes(tags, hfd.unknown, v, tlen);
    }
    o = v + tlen;
  }
  return tEnd - off;
}

function dissectPppoes(p: Packet, off: number, end: number, parent: number): number {
  p.proto = 'PPPoES';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_pppoes, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const len = addHeader(p, top, off);
  const payEnd = Math.min(off + HEADER_LEN + len, end);
  if (p.cols) p.setInfo(CODE_NAMES.get(p.buf[off + CODE]!) ?? 'Unknown');
  if (payEnd > off + HEADER_LEN) p.call(pppNoHdlcHandle, off + HEADER_LEN, payEnd, parent);
  return payEnd - off;
}

export const pppoedHandle = registerHandle('pppoed', dissectPppoed);
export const pppoesHandle = registerHandle('pppoes', dissectPppoes);
ethertypeTable.add(0x8863, pppoedHandle);
ethertypeTable.add(0x8864, pppoesHandle);
