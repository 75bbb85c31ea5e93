// fddi: Fiber Distributed Data Interface (ANSI X3.139) MAC header, pcap link type 10 (addresses
// stored bit-swapped: each byte's bit order reversed, as Wireshark's "FDDI with bit-swapped MAC
// addresses" encapsulation shows them).
//
// +---------+-----------------+-----------------+---------------------
// | FC (1)  | Destination (6) | Source (6)      | LLC (LLC frames) …
// +---------+-----------------+-----------------+---------------------
// FC: class/length/format in the high nibble (5 async LLC, D sync LLC …), priority in the low 3 bits.
// LLC frames carry 802.2 LLC; others show their information field as data.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { linktypeTable } from './frame.js';
import { llcHandle } from './llc.js';
import { callData } from './data.js';

const FC = 0;
const DST = 1;
const SRC = 7;
const HEADER_LEN = SRC + 6;

const CLF_ASYNC_LLC = 0x5;
const CLF_SYNC_LLC = 0xd;

export const proto_fddi = registerProtocol('fddi', 'Fiber Distributed Data Interface', 'FDDI');

const CLF_NAMES = vals({
  0x0: 'Void', 0x4: 'SMT', 0x5: 'Async LLC', 0x6: 'Implementor Async', 0x8: 'Nonrestricted Token', 0xc: 'MAC',
  0xd: 'Sync LLC', 0xe: 'Implementor Sync',
});

const hf = {
  fc: f('fddi.fc', 'Frame Control', FT.UINT8, { base: Base.HEX }),
  clf: f('fddi.fc.clf', 'Class/Length/Format', FT.UINT8, { base: Base.HEX, mask: 0xf0, vals: CLF_NAMES }),
  prio: f('fddi.fc.prio', 'Priority', FT.UINT8, { mask: 0x7 }),
  dst: f('fddi.dst', 'Destination', FT.ETHER),
  src: f('fddi.src', 'Source', FT.ETHER),
  addr: f('fddi.addr', 'Source or Destination Address', FT.ETHER),
};

/** Bit-reversal of every byte value. */
const SWAP = (() => {
  const a = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let r = 0;
    for (let b = 0; b < 8; b++) if (i & (1 << b)) r |= 0x80 >>> b;
    a[i] = r;
  }
  return a;
})();

function swapped(b: Uint8Array, off: number): Uint8Array {
  const m = new Uint8Array(6);
  for (let i = 0; i < 6; i++) m[i] = SWAP[b[off + i]!]!;
  return m;
}

/** "Async LLC frame, priority 0" */
function fcText(fc: number): string {
  const clf = fc >>> 4;
  if (clf === CLF_ASYNC_LLC || clf === CLF_SYNC_LLC) return `${CLF_NAMES.get(clf)} frame, priority ${fc & 7}`;
  return `${CLF_NAMES.get(clf) ?? 'Unknown'} frame`;
}

function dissectFddi(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'FDDI';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_fddi, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const fc = b[off + FC]!;
  const desc = fcText(fc);
  if (top >= 0 && t.full) t.appendLabel(top, `, ${desc}`);
  if (p.cols) p.setInfo(desc);
  const fi = t.addNum(top, hf.fc, off + FC, 1, fc);
  if (fi >= 0 && t.full) t.appendLabel(fi, ` (${desc})`);
  t.addNum(fi, hf.clf, off + FC, 1, fc);
  t.addNum(fi, hf.prio, off + FC, 1, fc);
  const dst = swapped(b, off + DST);
  const src = swapped(b, off + SRC);
  p.dst = formatMac(dst);
  p.src = formatMac(src);
  t.addObj(top, hf.dst, off + DST, 6, dst);
  t.hide(t.addObj(top, hf.addr, off + DST, 6, dst));
  t.addObj(top, hf.src, off + SRC, 6, src);
  t.hide(t.addObj(top, hf.addr, off + SRC, 6, src));
  const o = off + HEADER_LEN;
  if (o >= end) return end - off;
  const clf = fc >>> 4;
  if (clf === CLF_ASYNC_LLC || clf === CLF_SYNC_LLC) p.call(llcHandle, o, end, parent);
  else callData(p, o, end, parent);
  return end - off;
}

export const fddiHandle = registerHandle('fddi', dissectFddi);
linktypeTable.add(10, fddiHandle);
