// radiotap: the Radiotap capture header (pcap link type 127) in front of an 802.11 frame — a
// minimal dissector: the fixed header, the present-flags words and the Flags field (which says
// whether the frame ends with its FCS); the other fields are skipped by the header length.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |    Version    |      Pad      |   Length (little endian)      |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |        Present flags (little endian; bit 31: another word)    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | fields in bit order, each aligned to its natural size: TSFT (8), Flags (1), …
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// tshark then shows an "802.11 radio information" layer (`wlan_radio` in frame.protocols), here an
// item without details.

import { FT, Base, f, registerProtocol, TFS_TRUE } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { wlanHandle, wlanFcsHandle } from './wlan.js';

const VERSION = 0;
const PAD = 1;
const LENGTH = 2;
const PRESENT = 4;
const HEADER_LEN = PRESENT + 4;
const P_TSFT = 0x1;
const P_FLAGS = 0x2;
const P_EXT = 0x80000000;
const TSFT_LEN = 8;
const F_FCS = 0x10;

export const proto_radiotap = registerProtocol('radiotap', 'IEEE 802.11 Radiotap Capture header', '802.11 Radiotap');
const hf = {
  version: f('radiotap.version', 'Header revision', FT.UINT8),
  pad: f('radiotap.pad', 'Header pad', FT.UINT8),
  length: f('radiotap.length', 'Header length', FT.UINT16),
  present_word: f('radiotap.present.word', 'Present flags word', FT.UINT32, { base: Base.HEX }),
  flags: f('radiotap.flags', 'Flags', FT.UINT8, { base: Base.HEX }),
  flags_fcs: f('radiotap.flags.fcs', 'FCS at end', FT.BOOLEAN, { boolBits: 8, mask: F_FCS, tfs: TFS_TRUE }),
};
export const proto_wlan_radio = registerProtocol('wlan_radio', '802.11 radio information', '802.11 Radio');

function dissectRadiotap(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  p.proto = '802.11 Radiotap';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_radiotap, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const version = p.buf[off + VERSION]!;
  const len = dv.getUint16(off + LENGTH, true);
  if (top >= 0 && t.full) t.setLabel(top, `Radiotap Header v${version}, Length ${len}`);
  t.addNum(top, hf.version, off + VERSION, 1, version);
  t.addNum(top, hf.pad, off + PAD, 1, p.buf[off + PAD]!);
  t.addNum(top, hf.length, off + LENGTH, 2, len);
  if (!p.need(off, Math.max(len, HEADER_LEN), end)) return end - off;
  t.setEnd(top, off + len);
  // present words: the first one says which fields follow the last word
  let o = off + PRESENT;
  const present = dv.getUint32(o, true);
  let w = present;
  for (;;) {
    t.addNum(top, hf.present_word, o, 4, w);
    o += 4;
    if ((w & P_EXT) === 0 || o + 4 > off + len) break;
    w = dv.getUint32(o, true);
  }
  let fcs = false;
  if (present & P_FLAGS) {
    if (present & P_TSFT) o = off + ((o - off + TSFT_LEN - 1) & ~(TSFT_LEN - 1)) + TSFT_LEN;
    if (o < off + len) {
      const fl = p.buf[o]!;
      const fi = t.addNum(top, hf.flags, o, 1, fl);
      t.addNum(fi, hf.flags_fcs, o, 1, fl);
      fcs = (fl & F_FCS) !== 0;
    }
  }
  const payload = off + len;
  p.addProto(parent, proto_wlan_radio, payload, payload);
  if (payload >= end) return end - off;
  p.call(fcs ? wlanFcsHandle : wlanHandle, payload, end, parent);
  return end - off;
}

export const radiotapHandle = registerHandle('radiotap', dissectRadiotap);
linktypeTable.add(127, radiotapHandle);
