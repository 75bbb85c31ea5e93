// geneve: Generic Network Virtualization Encapsulation (RFC 8926), UDP port 6081.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |        Virtual Network Identifier (VNI)       |    Reserved   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                    Variable-Length Options (Opt Len × 4)      |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Option: | Option Class (16) | Type (8) |R|R|R| Length (5, × 4) | data … |
//
// The payload dispatches on the protocol type through the ethertype table, without an `ethertype`
// layer (`udp:geneve:eth`).

import { FT, Base, f, registerProtocol, TFS_TRUE } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { callData } from './data.js';

const VER_OPTLEN = 0;
const FLAGS = 1;
const PROTO = 2;
const VNI = 4;
const RESERVED = 7;
const HEADER_LEN = RESERVED + 1;
const OPT_HEADER_LEN = 4;

export const proto_geneve = registerProtocol('geneve', 'Generic Network Virtualization Encapsulation', 'Geneve');

const hf = {
  version: f('geneve.version', 'Version', FT.UINT8),
  flags: f('geneve.flags', 'Flags', FT.UINT8, { base: Base.HEX }),
  oam: f('geneve.flags.oam', 'Operations, Administration and Management Frame', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: TFS_TRUE }),
  critical: f('geneve.flags.critical', 'Critical Options Present', FT.BOOLEAN, { boolBits: 8, mask: 0x40, tfs: TFS_TRUE }),
  reserved_flags: f('geneve.flags.reserved', 'Reserved', FT.BOOLEAN, { boolBits: 8, mask: 0x3f, tfs: TFS_TRUE }),
  proto_type: f('geneve.proto_type', 'Protocol Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  vni: f('geneve.vni', 'Virtual Network Identifier (VNI)', FT.UINT24, { base: Base.HEX_DEC }),
  reserved: f('geneve.reserved', 'Reserved', FT.UINT8, { base: Base.HEX }),
  options: f('geneve.options', 'Geneve Options', FT.BYTES),
  opt_class: f('geneve.option.class', 'Class', FT.UINT16, { base: Base.HEX }),
  opt_type: f('geneve.option.type', 'Type', FT.UINT8, { base: Base.HEX }),
  opt_length: f('geneve.option.length', 'Length', FT.UINT8),
  opt_unknown: f('geneve.option.unknown.data', 'Unknown Option Data', FT.BYTES),
};

function dissectGeneve(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'Geneve';
  if (p.cols) p.setInfo('Encapsulated ');
  const top = p.addProto(parent, proto_geneve, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Fixed header checked: read without further checks.
  const v0 = b[off + VER_OPTLEN]!;
  const optLen = (v0 & 0x3f) * 4;
  const fl = b[off + FLAGS]!;
  const type = p.dv.getUint16(off + PROTO);
  const vni = p.dv.getUint32(off + VNI) >>> 8;
  if (top >= 0 && t.full) t.appendLabel(top, `, VNI: 0x${vni.toString(16).padStart(6, '0')}`);
  if (top >= 0) t.setEnd(top, off + HEADER_LEN + optLen);
  if (p.cols) p.setInfo(`Encapsulated ${ETHERTYPE_NAMES.get(type) ?? `0x${type.toString(16).padStart(4, '0')}`}`);
  t.addNum(top, hf.version, off, 1, v0 >>> 6);
  const li = t.addItem(top, hf.opt_length, off, 1);
  if (li >= 0) t.setLabel(li, `Length: ${optLen} bytes`);
  const fi = t.addNum(top, hf.flags, off + FLAGS, 1, fl);
  t.addNum(fi, hf.oam, off + FLAGS, 1, fl);
  t.addNum(fi, hf.critical, off + FLAGS, 1, fl);
  t.addNum(fi, hf.reserved_flags, off + FLAGS, 1, fl);
  t.addNum(top, hf.proto_type, off + PROTO, 2, type);
  t.addNum(top, hf.vni, off + VNI, 3, vni);
  if (optLen) {
    const o0 = off + HEADER_LEN;
    if (!p.need(o0, optLen, end)) return end - off;
    const oi = t.addBytes(top, hf.options, o0, optLen);
    if (oi >= 0 && t.full) t.setLabel(oi, `Options: (${optLen} bytes)`);
    let o = o0;
    while (o + OPT_HEADER_LEN <= o0 + optLen) {
      const cls = p.dv.getUint16(o);
      const ot = b[o + 2]!;
      const len = OPT_HEADER_LEN + (b[o + 3]! & 0x1f) * 4;
      const n = Math.min(len, o0 + optLen - o);
      const crit = ot & 0x80 ? 'Critical' : 'Non-critical';
      const hx = (v: number, d: number): string => '0x' + v.toString(16).padStart(d, '0');
      const it = t.addText(oi, o, n, `Unknown, Class: ${cls === 0 ? 'Standard' : 'Unknown'} (${hx(cls, 4)}) Type: ${hx(ot, 2)} (${crit})`);
      const ci = t.addNum(it, hf.opt_class, o, 2, cls);
      if (ci >= 0 && t.full) t.setLabel(ci, `Class: ${cls === 0 ? 'Standard' : 'Unknown'} (${hx(cls, 4)})`);
      const ti = t.addNum(it, hf.opt_type, o + 2, 1, ot);
      if (ti >= 0 && t.full) t.setLabel(ti, `Type: ${hx(ot, 2)} (${crit})`);
      const lni = t.addNum(it, hf.opt_length, o + 3, 1, len);
      if (lni >= 0 && t.full) t.setLabel(lni, `Length: ${len} bytes`);
      if (n > OPT_HEADER_LEN) t.addBytes(it, hf.opt_unknown, o + OPT_HEADER_LEN, n - OPT_HEADER_LEN);
      o += len;
    }
  }
  const payload = off + HEADER_LEN + optLen;
  if (payload >= end) return end - off;
  const n = ethertypeTable.dissect(type, p, payload, end, parent);
  if (n === 0 && !p.stopped) callData(p, payload, end, parent);
  return end - off;
}

export const geneveHandle = registerHandle('geneve', dissectGeneve);
udpPortTable.add(6081, geneveHandle);
