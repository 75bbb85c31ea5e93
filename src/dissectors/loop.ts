// loop: Configuration Test Protocol (loopback), Ethernet v2 EtherType 0x9000. All words are
// little-endian.
//
//  0                   1
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          skipCount            |  offset (from byte 2) of the function to perform
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Function             |  2 = Forward Data: followed by a 6-byte forwarding address
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  1 = Reply: followed by a 2-byte receipt number, then data
// |  Forwarding address / Receipt number …
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The function at skipCount ("Relevant function") names the packet in the Info column.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { callData } from './data.js';

const ETHERTYPE_LOOP = 0x9000;
const SKIP_COUNT = 0;
const FUNCTIONS = 2;
const FUNC_REPLY = 1;
const FUNC_FORWARD = 2;

export const proto_loop = registerProtocol('loop', 'Configuration Test Protocol (loopback)', 'LOOP');

const FUNCTION_NAMES = vals({ 1: 'Reply', 2: 'Forward Data' });

const hf = {
  skipcount: f('loop.skipcount', 'skipCount', FT.UINT16, { base: Base.DEC }),
  function: f('loop.function', 'Function', FT.UINT16, { vals: FUNCTION_NAMES }),
  relevant_function: f('loop.relevant_function', 'Relevant function', FT.UINT16, { vals: FUNCTION_NAMES }),
  receipt_number: f('loop.receipt_number', 'Receipt number', FT.UINT16),
  forwarding_address: f('loop.forwarding_address', 'Forwarding address', FT.ETHER),
};

function dissectLoop(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  p.proto = 'LOOP';
  p.curProto = 'LOOP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_loop, off, end);
  if (!p.need(off, 2, end)) return end - off;
  const skip = dv.getUint16(off + SKIP_COUNT, true);
  t.addNum(top, hf.skipcount, off + SKIP_COUNT, 2, skip);
  const relevant = off + FUNCTIONS + skip;
  let o = off + FUNCTIONS;
  for (;;) {
    if (!p.need(o, 2, end)) return end - off;
    const fn = dv.getUint16(o, true);
    if (o === relevant) {
      if (p.cols) p.setInfo(FUNCTION_NAMES.get(fn) ?? `Unknown function (${fn})`);
      t.addNum(top, hf.relevant_function, o, 2, fn);
    }
    t.addNum(top, hf.function, o, 2, fn);
    o += 2;
    if (fn === FUNC_FORWARD) {
      if (!p.need(o, 6, end)) return end - off;
      t.addBytes(top, hf.forwarding_address, o, 6);
      o += 6;
    } else if (fn === FUNC_REPLY) {
      if (!p.need(o, 2, end)) return end - off;
      t.addNum(top, hf.receipt_number, o, 2, dv.getUint16(o, true));
      o += 2;
      break;
    } else break;
  }
  if (top >= 0) t.setEnd(top, o);
  if (o < end) callData(p, o, end, parent);
  return end - off;
}

export const loopHandle = registerHandle('loop', dissectLoop);
ethertypeTable.add(ETHERTYPE_LOOP, loopHandle);
