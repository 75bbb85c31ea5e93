// esp: IP Encapsulating Security Payload (RFC 4303), IP protocol 50 (IPv4 and IPv6).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |               Security Parameters Index (SPI)                 |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                      Sequence Number                          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                    Payload Data* (variable, encrypted)        |
// ~                    Padding, Pad Length, Next Header, ICV      ~
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Without keys the payload is opaque: tshark shows the SPI and the sequence number only.

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ipProtoTable } from './ipproto.js';

const SPI = 0;
const SEQUENCE = 4;
const HEADER_LEN = 8;

export const proto_esp = registerProtocol('esp', 'Encapsulating Security Payload', 'ESP');

const hf = {
  spi: f('esp.spi', 'ESP SPI', FT.UINT32, { base: Base.HEX_DEC, blurb: 'IP Encapsulating Security Payload Security Parameters Index' }),
  sequence: f('esp.sequence', 'ESP Sequence', FT.UINT32, { base: Base.DEC, blurb: 'IP Encapsulating Security Payload Sequence Number' }),
};

function dissectEsp(p: Packet, off: number, end: number, parent: number): number {
  p.proto = 'ESP';
  p.curProto = 'ESP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_esp, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const spi = p.dv.getUint32(off + SPI);
  const seq = p.dv.getUint32(off + SEQUENCE);
  if (p.cols) p.setInfo(`ESP (SPI=0x${spi.toString(16).padStart(8, '0')})`);
  p.tree.addNum(top, hf.spi, off + SPI, 4, spi);
  p.tree.addNum(top, hf.sequence, off + SEQUENCE, 4, seq);
  return end - off;
}

export const espHandle = registerHandle('esp', dissectEsp);
ipProtoTable.add(50, espHandle);
