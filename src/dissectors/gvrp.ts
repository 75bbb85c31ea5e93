// gvrp: GARP VLAN Registration Protocol (IEEE 802.1D/802.1Q GARP application), carried on LLC SAP
// 0x42 like STP (which hands PDUs with protocol identifier 0x0001 over; frame.protocols llc:stp:gvrp).
//
//  0                   1                   2
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  Protocol Identifier (0x0001) | Message …     |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Message:   | Attribute Type (1) | Attribute … | End of Mark (0x00) |
// Attribute: | Length (1) | Event (1) | Value (Length − 2: the VID) |
// The message list ends with an End of Mark too.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';

const PROTOCOL_ID = 0;
const MESSAGES = 2;
const GARP_PROTOCOL_ID = 0x0001;
const END_OF_MARK = 0x00;
const ATTR_HEADER_LEN = 2;

export const proto_gvrp = registerProtocol('gvrp', 'GARP VLAN Registration Protocol', 'GVRP');

const hf = {
  protocol_id: f('gvrp.protocol_id', 'Protocol Identifier', FT.UINT16, { base: Base.HEX }),
  attribute_type: f('gvrp.attribute_type', 'Type', FT.UINT8, { base: Base.HEX, vals: vals({ 1: 'VID' }) }),
  attribute_length: f('gvrp.attribute_length', 'Length', FT.UINT8),
  attribute_event: f('gvrp.attribute_event', 'Event', FT.UINT8, {
    vals: vals({ 0: 'Leave All', 1: 'Join Empty', 2: 'Join In', 3: 'Leave Empty', 4: 'Leave In', 5: 'Empty' }),
  }),
  attribute_value: f('gvrp.attribute_value', 'Value', FT.UINT16),
  end_of_mark: f('gvrp.end_of_mark', 'End of Mark', FT.NONE),
};

function dissectGvrp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'GVRP';
  p.curProto = 'GVRP';
  if (p.cols) p.setInfo('GVRP');
  const top = p.addProto(parent, proto_gvrp, off, end);
  if (!p.need(off, MESSAGES, end)) return end - off;
  const pid = dv.getUint16(off + PROTOCOL_ID);
  const pi = t.addNum(top, hf.protocol_id, off + PROTOCOL_ID, 2, pid);
  if (pi >= 0 && t.full) {
    t.setLabel(pi, `Protocol Identifier: 0x${pid.toString(16).padStart(4, '0')}${pid === GARP_PROTOCOL_ID ? ' (GARP VLAN Registration Protocol)' : ''}`);
  }
  if (pid !== GARP_PROTOCOL_ID) return end - off;
  let o = off + MESSAGES;
  for (let msg = 1; ; msg++) {
    if (!p.need(o, 1, end)) return end - off;
    if (b[o] === END_OF_MARK) {
      t.addItem(top, hf.end_of_mark, o, 1);
      o++;
      break;
    }
    const mi = t.addText(top, o, 1, `Message ${msg}`);
    t.addNum(mi, hf.attribute_type, o, 1, b[o]!);
    o++;
    for (let attr = 1; ; attr++) {
      if (!p.need(o, 1, end)) return end - off;
      if (b[o] === END_OF_MARK) {
        t.addItem(mi, hf.end_of_mark, o, 1);
        o++;
        break;
      }
      if (!p.need(o, ATTR_HEADER_LEN, end)) return end - off;
      const len = b[o]!;
      const alen = Math.max(len, ATTR_HEADER_LEN);
      if (!p.need(o, alen, end)) return end - off;
      const ai = t.addText(mi, o, alen, `Attribute ${attr}`);
      t.addNum(ai, hf.attribute_length, o, 1, len);
      t.addNum(ai, hf.attribute_event, o + 1, 1, b[o + 1]!);
      if (alen >= ATTR_HEADER_LEN + 2) t.addNum(ai, hf.attribute_value, o + 2, 2, dv.getUint16(o + 2));
      o += alen;
    }
    if (mi >= 0) t.setEnd(mi, o);
  }
  if (top >= 0) t.setEnd(top, o);
  return end - off;
}

export const gvrpHandle = registerHandle('gvrp', dissectGvrp);
