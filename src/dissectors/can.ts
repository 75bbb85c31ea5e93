// can: Controller Area Network frames as Linux SocketCAN writes them (struct can_frame /
// struct canfd_frame), carried in Linux cooked captures (SLL protocol 0x000c CAN, 0x000d CAN FD).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |E|R|E|              CAN ID (11 or 29 bits) + flags             |  (host byte order in SLL)
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Length     | Flags (FD) /  |         Reserved              |
// |               |   Reserved    |                               |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |        Data (8 bytes CAN, 64 bytes CAN FD; Length used)       |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// E = extended frame format, R = remote transmission request, E = error message frame.
// The payload is shown as data; the unused rest of the data area as Padding.

import { FT, Base, f, registerProtocol, TFS_TRUE } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { bitPattern } from '../core/format.js';
import { sllLtypeTable } from './sll.js';
import { callData } from './data.js';

const CAN_ID = 0;
const LEN = 4;
const FD_FLAGS = 5;
const HEADER_LEN = 8;
const CAN_DATA_LEN = 8;
const CANFD_DATA_LEN = 64;

const FLAG_XTD = 0x80000000;
const FLAG_RTR = 0x40000000;
const FLAG_ERR = 0x20000000;
const STD_MASK = 0x7ff;
const EXT_MASK = 0x1fffffff;

export const proto_can = registerProtocol('can', 'Controller Area Network', 'CAN');

const hf = {
  id: f('can.id', 'ID', FT.UINT32, { base: Base.DEC_HEX, mask: EXT_MASK }),
  xtd: f('can.flags.xtd', 'Extended Flag', FT.BOOLEAN, { boolBits: 32, mask: FLAG_XTD, tfs: TFS_TRUE }),
  rtr: f('can.flags.rtr', 'Remote Transmission Request Flag', FT.BOOLEAN, { boolBits: 32, mask: FLAG_RTR, tfs: TFS_TRUE }),
  err: f('can.flags.err', 'Error Message Flag', FT.BOOLEAN, { boolBits: 32, mask: FLAG_ERR, tfs: TFS_TRUE }),
  len: f('can.len', 'Frame-Length', FT.UINT8),
  reserved: f('can.reserved', 'Reserved', FT.BYTES),
  padding: f('can.padding', 'Padding', FT.BYTES),
};

export const proto_canfd = registerProtocol('canfd', 'Controller Area Network FD', 'CANFD');

const hf_fd = {
  brs: f('canfd.flags.brs', 'Bit Rate Setting', FT.BOOLEAN, { boolBits: 8, mask: 0x01, tfs: TFS_TRUE }),
  esi: f('canfd.flags.esi', 'Error State Indicator', FT.BOOLEAN, { boolBits: 8, mask: 0x02, tfs: TFS_TRUE }),
};

function dissectCanCommon(p: Packet, off: number, end: number, parent: number, fd: boolean): number {
  const t = p.tree;
  const name = fd ? 'CANFD' : 'CAN';
  p.proto = name;
  p.curProto = name;
  if (p.cols) p.setInfo('');
  const dataArea = fd ? CANFD_DATA_LEN : CAN_DATA_LEN;
  const top = p.addProto(parent, fd ? proto_canfd : proto_can, off, Math.min(end, off + HEADER_LEN + dataArea));
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // SocketCAN writes the identifier word in host (little-endian) order in cooked captures.
  const word = p.dv.getUint32(off + CAN_ID, true);
  const ext = (word & FLAG_XTD) !== 0;
  const id = (word & (ext ? EXT_MASK : STD_MASK)) >>> 0;
  const len = p.buf[off + LEN]!;
  const idText = `ID: ${id} (0x${id.toString(16).padStart(ext ? 8 : 3, '0')}), Length: ${len}`;
  if (p.cols) p.setInfo(idText);
  if (top >= 0 && t.full) t.appendLabel(top, `, ${idText}`);
  const ii = t.addNum(top, hf.id, off + CAN_ID, 4, id);
  if (ii >= 0 && t.full) t.setLabel(ii, `${bitPattern(ext ? EXT_MASK : STD_MASK, 32, id)} = ID: ${id} (0x${id.toString(16).padStart(ext ? 8 : 3, '0')})`);
  t.addNum(top, hf.xtd, off + CAN_ID, 4, word >>> 0);
  if (!fd) {
    t.addNum(top, hf.rtr, off + CAN_ID, 4, word >>> 0);
    t.addNum(top, hf.err, off + CAN_ID, 4, word >>> 0);
  }
  t.addNum(top, hf.len, off + LEN, 1, len);
  if (fd) {
    const fl = p.buf[off + FD_FLAGS]!;
    t.addNum(top, hf_fd.brs, off + FD_FLAGS, 1, fl);
    t.addNum(top, hf_fd.esi, off + FD_FLAGS, 1, fl);
    t.addBytes(top, hf.reserved, off + FD_FLAGS + 1, 2);
  } else t.addBytes(top, hf.reserved, off + LEN + 1, 3);
  const data = off + HEADER_LEN;
  const n = Math.min(len, dataArea);
  const padEnd = Math.min(end, data + dataArea);
  if (data + n < padEnd) t.addBytes(top, hf.padding, data + n, padEnd - data - n);
  if (n > 0) {
    if (!p.need(data, n, end)) return end - off;
    callData(p, data, data + n, parent);
  }
  return end - off;
}

function dissectCan(p: Packet, off: number, end: number, parent: number): number {
  return dissectCanCommon(p, off, end, parent, false);
}

function dissectCanfd(p: Packet, off: number, end: number, parent: number): number {
  return dissectCanCommon(p, off, end, parent, true);
}

export const canHandle = registerHandle('can', dissectCan);
export const canfdHandle = registerHandle('canfd', dissectCanfd);
sllLtypeTable.add(0x000c, canHandle);
sllLtypeTable.add(0x000d, canfdHandle);
