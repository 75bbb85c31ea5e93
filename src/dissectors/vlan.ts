// vlan: IEEE 802.1Q VLAN tag (EtherType 0x8100; also the old non-standard QinQ 0x9100).
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | PRI |D|        VLAN ID        |   EtherType / Length          |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The 2-byte TCI (priority, drop eligible, VLAN ID) precedes the EtherType of the payload (or an
// 802.3 length followed by LLC). Stacked tags dispatch back through the ethertype table. As in
// tshark, the innermost tag shows the frame's padding and trailer (no FCS heuristic here).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle } from '../core/table.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES, addEthTrailer, dispatchEthertype } from './eth.js';
import { callData } from './data.js';
import { expertInfo, Group, Severity } from '../core/expert.js';

const TCI = 0;
const TYPE = 2;
const HEADER_LEN = TYPE + 2;
const MAX_802_3_LEN = 1500;

export const proto_vlan = registerProtocol('vlan', '802.1Q Virtual LAN', 'VLAN');

/** IEEE 802.1Q-2005 traffic types (tshark's default priority names). */
const PRIORITY_NAMES = vals({
  0: 'Best Effort (default)', 1: 'Background', 2: 'Excellent Effort', 3: 'Critical Applications',
  4: 'Video, < 100ms latency and jitter', 5: 'Voice, < 10ms latency and jitter', 6: 'Internetwork Control',
  7: 'Network Control',
});

export const hf = {
  priority: f('vlan.priority', 'Priority', FT.UINT16, { mask: 0xe000, vals: PRIORITY_NAMES, blurb: 'Descriptions are recommendations from IEEE standard 802.1D-2004' }),
  dei: f('vlan.dei', 'DEI', FT.BOOLEAN, { boolBits: 16, mask: 0x1000, tfs: ['Eligible', 'Ineligible'], blurb: 'Drop Eligible Indicator' }),
  id: f('vlan.id', 'ID', FT.UINT16, { mask: 0xfff, blurb: 'VLAN ID' }),
  etype: f('vlan.etype', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES, blurb: 'Ethertype' }),
  len: f('vlan.len', 'Length', FT.UINT16),
  trailer: f('vlan.trailer', 'Trailer', FT.BYTES, { blurb: 'VLAN Trailer' }),
};

/** 802.3 length form inside a tag: LLC when llc.ts is registered, else data. */
function callLlc(p: Packet, off: number, end: number, parent: number): number {
  const h = findHandle('llc');
  return h ? p.call(h, off, end, parent) : callData(p, off, end, parent);
}

/**
 * The payload of a tag whose EtherType/length field is at `typeOff` (shared with 802.1ad): adds
 * the type (or length) item under `top`, dispatches, and shows the trailer under `top`.
 */
export function dissectTagPayload(p: Packet, top: number, typeOff: number, end: number, parent: number, hfType: number, hfLen: number, hfTrailer: number, desc: string): void {
  const t = p.tree;
  const type = p.dv.getUint16(typeOff);
  const payload = typeOff + 2;
  const frameStart = t.sources[t.cur]!.base;
  if (type <= MAX_802_3_LEN) {
    t.addNum(top, hfLen, typeOff, 2, type);
    const pend = Math.min(payload + type, end);
    addEthTrailer(p, top, frameStart, pend, end, hfTrailer, false);
    if (p.stopped) return;
    callLlc(p, payload, pend, parent);
    return;
  }
  t.addNum(top, hfType, typeOff, 2, type);
  const used = dispatchEthertype(p, type, payload, end, parent, desc);
  if (p.stopped && !p.isMalformed) return;
  if (used > 0) addEthTrailer(p, top, frameStart, payload + used, end, hfTrailer, false);
}

/** 802.1Q tags tshark 4.0 decodes in one frame (a 21st is refused: "Too many nested VLAN tags") */
const MAX_NESTED_TAGS = 20;
const ei_too_many_tags = expertInfo('vlan.too_many_tags', Group.UNDECODED, Severity.WARN, 'Too many nested VLAN tags');

function dissectVlan(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'VLAN';
  if (p.cols) p.setInfo('');
  let outer = 0;
  for (let i = 0; i < p.nlayers; i++) if (p.layers[i] === proto_vlan) outer++;
  const top = p.addProto(parent, proto_vlan, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Header checked: read without further checks.
  const tci = p.dv.getUint16(off + TCI);
  const pri = tci >>> 13;
  const dei = (tci >>> 12) & 1;
  const id = tci & 0xfff;
  if (p.cols) p.setInfo(`PRI: ${pri}  DEI: ${dei}  ID: ${id}`);
  if (outer >= MAX_NESTED_TAGS) {
    // tshark 4.0: the 21st nested tag is only named, with a warning; nothing after it is read
    p.addExpert(top, ei_too_many_tags, off, HEADER_LEN);
    return end - off;
  }
  if (top >= 0 && t.full) t.appendLabel(top, `, PRI: ${pri}, DEI: ${dei}, ID: ${id}`);
  t.addNum(top, hf.priority, off + TCI, 2, tci);
  t.addNum(top, hf.dei, off + TCI, 2, tci);
  t.addNum(top, hf.id, off + TCI, 2, tci);
  dissectTagPayload(p, top, off + TYPE, end, parent, hf.etype, hf.len, hf.trailer, p.cols ? `PRI: ${pri}  DEI: ${dei}  ID: ${id}` : '');
  return end - off;
}

export const vlanHandle = registerHandle('vlan', dissectVlan);
ethertypeTable.add(0x8100, vlanHandle);
ethertypeTable.add(0x9100, vlanHandle);
