// mpls: MultiProtocol Label Switching label stack (RFC 3032), EtherType 0x8847/0x8848, ip.proto 137,
// GRE 0x8847.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                Label                  | Exp |S|       TTL     |  one entry, repeated until S = 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Each entry is its own "MultiProtocol Label Switching Header" item; frame.protocols lists `mpls`
// once. The payload has no type field: as tshark does, the first nibble guesses it (4 IPv4, 6 IPv6),
// except after an OAM Alert label (Y.1711 OAM, at least 44 bytes) — anything else is data.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { bitPattern } from '../core/format.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { ethertypeTable } from './ethertype.js';
import { ipProtoTable } from './ipproto.js';
import { greProtoTable } from './gre.js';
import { ipHandle } from './ip.js';
import { ipv6Handle } from './ipv6.js';
import { callData } from './data.js';

const ENTRY_LEN = 4;
const LABEL_OAM_ALERT = 14;
const OAM_MIN_LEN = 44;

export const proto_mpls = registerProtocol('mpls', 'MultiProtocol Label Switching Header', 'MPLS');

const LABEL_NAMES = vals({
  0: 'IPv4 Explicit-Null', 1: 'Router Alert', 2: 'IPv6 Explicit-Null', 3: 'Implicit-Null', 14: 'OAM Alert',
  13: 'Generic Associated Channel Label (GAL)', 7: 'Entropy Label Indicator (ELI)',
});

const hf = {
  label: f('mpls.label', 'MPLS Label', FT.UINT32, { base: Base.DEC_HEX, mask: 0xfffff000 }),
  exp: f('mpls.exp', 'MPLS Experimental Bits', FT.UINT32, { mask: 0xe00 }),
  bottom: f('mpls.bottom', 'MPLS Bottom Of Label Stack', FT.UINT32, { mask: 0x100 }),
  ttl: f('mpls.ttl', 'MPLS TTL', FT.UINT32, { mask: 0xff }),
};
const ei_oam_short = expertInfo('mpls.oam.short', Group.MALFORMED, Severity.ERROR, 'Error: must have a minimum payload length of 44 bytes');

/**
 * A payload without a type field (MPLS, GTP-U T-PDU): IPv4 or IPv6 by the version nibble, else
 * data. Returns true when an IP dissector took it.
 */
export function dissectIpByVersion(p: Packet, off: number, end: number, parent: number): boolean {
  if (!p.need(off, 1, end)) return false;
  const nib = p.buf[off]! >>> 4;
  const h = nib === 4 ? ipHandle : nib === 6 ? ipv6Handle : undefined;
  if (h) p.call(h, off, end, parent);
  else callData(p, off, end, parent);
  return h !== undefined;
}

function dissectMpls(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  p.proto = 'MPLS';
  if (p.cols) p.setInfo('MPLS Label Switched Packet');
  p.addLayer(proto_mpls);
  p.curProto = 'MPLS';
  let o = off;
  let label = 0;
  for (;;) {
    const it = t.addItem(parent, proto_mpls, o, ENTRY_LEN);
    if (!p.need(o, ENTRY_LEN, end)) return end - off;
    const w = p.dv.getUint32(o);
    label = w >>> 12;
    const s = (w >>> 8) & 1;
    if (it >= 0 && t.full) {
      const name = LABEL_NAMES.get(label);
      t.setLabel(it, `MultiProtocol Label Switching Header, Label: ${label}${name ? ` (${name})` : ''}, Exp: ${(w >>> 9) & 7}, S: ${s}, TTL: ${w & 0xff}`);
    }
    const li = t.addNum(it, hf.label, o, 4, w);
    if (li >= 0 && t.full) {
      // masked DEC_HEX: "MPLS Label: 29 (0x0001d)"; reserved labels by name: "MPLS Label: OAM Alert (14)"
      const name = LABEL_NAMES.get(label);
      t.setLabel(li, `${bitPattern(0xfffff000, 32, w)} = MPLS Label: ${name ? `${name} (${label})` : `${label} (0x${label.toString(16).padStart(5, '0')})`}`);
    }
    t.addNum(it, hf.exp, o, 4, w);
    t.addNum(it, hf.bottom, o, 4, w);
    t.addNum(it, hf.ttl, o, 4, w);
    o += ENTRY_LEN;
    if (s) break;
  }
  if (o >= end) return end - off;
  if (label === LABEL_OAM_ALERT) {
    if (p.cols) p.setInfo('MPLS Label Switched Packet (Y.1711: reserved/unknown)');
    if (end - o < OAM_MIN_LEN) {
      const ti = t.addText(parent, o, 0, ei_oam_short.summary);
      p.addExpert(ti, ei_oam_short, o, 0);
    }
    callData(p, o, end, parent);
    return end - off;
  }
  dissectIpByVersion(p, o, end, parent);
  return end - off;
}

export const mplsHandle = registerHandle('mpls', dissectMpls);
ethertypeTable.add(0x8847, mplsHandle);
ethertypeTable.add(0x8848, mplsHandle);
ipProtoTable.add(137, mplsHandle);
greProtoTable.add(0x8847, mplsHandle);
