// isis: ISO 10589 IS-IS over OSI (LLC SAP 0xfe, NLPID 0x83): the common header and the PDU kind
// (Hello, LSP, CSNP, PSNP) with the identifiers tshark shows in the Info column. The TLVs of the
// PDUs are not decoded yet. frame.protocols reads llc:osi:isis:isis.hello like tshark's.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | IRPD (0x83)   | Length Ind.   | Version/PIDE  |   ID Length   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |R R R|PDU Type |    Version    |   Reserved    | Max Area Addr |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// LAN Hello: Circuit Type (1), Source ID (6) …   P2P Hello: Circuit Type (1), Source ID (6) …
// LSP: PDU Length (2), Remaining Lifetime (2), LSP ID (8), Sequence (4), Checksum (2), flags (1)
// CSNP: PDU Length (2), Source ID (7), Start LSP ID (8), End LSP ID (8);  PSNP: PDU Length, Source ID (7)

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { llcSapTable } from './llc.js';

const SAP_OSI = 0xfe;
const NLPID_ISIS = 0x83;
const IRPD = 0;
const LEN_IND = 1;
const VERSION = 2;
const ID_LEN = 3;
const PDU_TYPE = 4;
const VERSION2 = 5;
const RESERVED = 6;
const MAX_AREA = 7;
const HEADER_LEN = 8;

export const proto_osi = registerProtocol('osi', 'OSI', 'OSI');
export const proto_isis = registerProtocol('isis', 'ISO 10589 ISIS InTRA Domain Routeing Information Exchange Protocol', 'ISIS');

const PDU_TYPE_NAMES = vals({
  15: 'L1 HELLO', 16: 'L2 HELLO', 17: 'P2P HELLO', 18: 'L1 LSP', 20: 'L2 LSP', 24: 'L1 CSNP', 25: 'L2 CSNP', 26: 'L1 PSNP', 27: 'L2 PSNP',
});

const hf = {
  irpd: f('isis.irpd', 'Intradomain Routing Protocol Discriminator', FT.UINT8, { base: Base.HEX, vals: vals({ 0x83: 'ISIS' }) }),
  len: f('isis.len', 'Length Indicator', FT.UINT8),
  version: f('isis.version', 'Version/Protocol ID Extension', FT.UINT8),
  sysid_len: f('isis.sysid_len', 'ID Length', FT.UINT8),
  type_reserved: f('isis.type.reserved', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0xe0 }),
  type: f('isis.type', 'PDU Type', FT.UINT8, { mask: 0x1f, vals: PDU_TYPE_NAMES }),
  version2: f('isis.version2', 'Version', FT.UINT8),
  reserved: f('isis.reserved', 'Reserved', FT.UINT8),
  max_area_adr: f('isis.max_area_adr', 'Maximum Area Addresses', FT.UINT8),
};

export const proto_isis_hello = registerProtocol('isis.hello', 'ISIS HELLO', 'ISIS HELLO');
export const proto_isis_lsp = registerProtocol('isis.lsp', 'ISO 10589 ISIS Link State Protocol Data Unit', 'ISIS LSP');
export const proto_isis_csnp = registerProtocol('isis.csnp', 'ISO 10589 ISIS Complete Sequence Numbers Protocol Data Unit', 'ISIS CSNP');
export const proto_isis_psnp = registerProtocol('isis.psnp', 'ISO 10589 ISIS Partial Sequence Numbers Protocol Data Unit', 'ISIS PSNP');

/** System/source/LSP identifier text: 4444.4444.4444 (6 bytes), .nn (7th), -nn (8th). */
function osiId(b: Uint8Array, off: number, n: number): string {
  const h = (i: number): string => b[off + i]!.toString(16).padStart(2, '0');
  let s = `${h(0)}${h(1)}.${h(2)}${h(3)}.${h(4)}${h(5)}`;
  if (n >= 7) s += `.${h(6)}`;
  if (n >= 8) s += `-${h(7)}`;
  return s;
}

function dissectIsis(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'ISIS';
  p.curProto = 'ISIS';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_isis, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const li = b[off + LEN_IND]!;
  const ptype = b[off + PDU_TYPE]! & 0x1f;
  t.addNum(top, hf.irpd, off + IRPD, 1, b[off + IRPD]!);
  t.addNum(top, hf.len, off + LEN_IND, 1, li);
  t.addNum(top, hf.version, off + VERSION, 1, b[off + VERSION]!);
  t.addNum(top, hf.sysid_len, off + ID_LEN, 1, b[off + ID_LEN]!);
  t.addNum(top, hf.type_reserved, off + PDU_TYPE, 1, b[off + PDU_TYPE]!);
  t.addNum(top, hf.type, off + PDU_TYPE, 1, b[off + PDU_TYPE]!);
  t.addNum(top, hf.version2, off + VERSION2, 1, b[off + VERSION2]!);
  t.addNum(top, hf.reserved, off + RESERVED, 1, b[off + RESERVED]!);
  t.addNum(top, hf.max_area_adr, off + MAX_AREA, 1, b[off + MAX_AREA]!);
  const name = PDU_TYPE_NAMES.get(ptype);
  if (name === undefined) {
    if (p.cols) p.setInfo(`Unknown ISIS packet type (${ptype})`);
    return end - off;
  }
  const o = off + HEADER_LEN;
  if (ptype <= 17) {
    p.addProto(parent, proto_isis_hello, o, end);
    p.proto = 'ISIS HELLO';
    p.curProto = 'ISIS HELLO';
    if (!p.need(o, 7, end)) return end - off;
    if (p.cols) p.setInfo(`${name}, System-ID: ${osiId(b, o + 1, 6)}`);
  } else if (ptype === 18 || ptype === 20) {
    p.addProto(parent, proto_isis_lsp, o, end);
    p.proto = 'ISIS LSP';
    p.curProto = 'ISIS LSP';
    if (!p.need(o, 16, end)) return end - off;
    if (p.cols) {
      const life = p.dv.getUint16(o + 2);
      const seq = p.dv.getUint32(o + 12);
      p.setInfo(`${name}, LSP-ID: ${osiId(b, o + 4, 8)}, Sequence: 0x${seq.toString(16).padStart(8, '0')}, Lifetime: ${String(life).padStart(5)}s`);
    }
  } else if (ptype === 24 || ptype === 25) {
    p.addProto(parent, proto_isis_csnp, o, end);
    p.proto = 'ISIS CSNP';
    p.curProto = 'ISIS CSNP';
    if (!p.need(o, 25, end)) return end - off;
    if (p.cols) p.setInfo(`${name}, Source-ID: ${osiId(b, o + 2, 7)}, Start LSP-ID: ${osiId(b, o + 9, 8)}, End LSP-ID: ${osiId(b, o + 17, 8)}`);
  } else {
    p.addProto(parent, proto_isis_psnp, o, end);
    p.proto = 'ISIS PSNP';
    p.curProto = 'ISIS PSNP';
    if (!p.need(o, 9, end)) return end - off;
    if (p.cols) p.setInfo(`${name}, Source-ID: ${osiId(b, o + 2, 7)}`);
  }
  return end - off;
}

function dissectOsi(p: Packet, off: number, end: number, parent: number): number {
  if (off >= end || p.buf[off] !== NLPID_ISIS) return 0;
  p.addLayer(proto_osi);
  return dissectIsis(p, off, end, parent);
}

export const isisHandle = registerHandle('isis', dissectIsis);
export const osiHandle = registerHandle('osi', dissectOsi);
llcSapTable.add(SAP_OSI, osiHandle);
