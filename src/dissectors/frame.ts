// frame: the pseudo-protocol at the root of every packet — number, times, lengths, interface,
// comments, the protocols seen — then dispatch on the link type (pcap LINKTYPE_* numbers).

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import { registerHandle, Table } from '../core/table.js';
import type { Packet } from '../core/packet.js';
import { nsDiff } from '../core/time.js';
import { callData } from './data.js';

export const proto_frame = registerProtocol('frame', 'Frame', 'Frame');

/** Wireshark's encapsulation numbers (WTAP_ENCAP_*) for the link types we know, by pcap LINKTYPE. */
export const ENCAP_BY_LINKTYPE: ReadonlyMap<number, [number, string]> = new Map([
  [0, [15, 'NULL/Loopback']], [1, [1, 'Ethernet']], [101, [7, 'Raw IP']], [12, [7, 'Raw IP']], [14, [7, 'Raw IP']],
  [113, [25, 'Linux cooked-mode capture v1']], [276, [210, 'Linux cooked-mode capture v2']],
  [228, [129, 'Raw IPv4']], [229, [130, 'Raw IPv6']], [108, [15, 'OpenBSD loopback']],
]);

const hf = {
  interface_id: f('frame.interface_id', 'Interface id', FT.UINT32),
  interface_name: f('frame.interface_name', 'Interface name', FT.STRING),
  interface_description: f('frame.interface_description', 'Interface description', FT.STRING),
  encap_type: f('frame.encap_type', 'Encapsulation type', FT.INT16, { vals: vals({ 1: 'Ethernet', 7: 'Raw IP', 15: 'NULL/Loopback', 25: 'Linux cooked-mode capture v1', 129: 'Raw IPv4', 130: 'Raw IPv6', 210: 'Linux cooked-mode capture v2' }) }),
  time: f('frame.time', 'Arrival Time', FT.ABSOLUTE_TIME, { base: Base.TIME_LOCAL, blurb: 'Absolute time when this frame was captured' }),
  offset_shift: f('frame.offset_shift', 'Time shift for this packet', FT.RELATIVE_TIME, { blurb: 'Time shift applied to this packet' }),
  time_epoch: f('frame.time_epoch', 'Epoch Time', FT.RELATIVE_TIME, { blurb: 'Epoch time when this frame was captured' }),
  time_delta: f('frame.time_delta', 'Time delta from previous captured frame', FT.RELATIVE_TIME),
  time_delta_displayed: f('frame.time_delta_displayed', 'Time delta from previous displayed frame', FT.RELATIVE_TIME),
  time_relative: f('frame.time_relative', 'Time since reference or first frame', FT.RELATIVE_TIME, { blurb: 'Time relative to time reference or first frame' }),
  number: f('frame.number', 'Frame Number', FT.UINT32),
  len: f('frame.len', 'Frame Length', FT.UINT32, { blurb: 'Frame length on the wire' }),
  cap_len: f('frame.cap_len', 'Capture Length', FT.UINT32, { blurb: 'Frame length stored into the capture file' }),
  marked: f('frame.marked', 'Frame is marked', FT.BOOLEAN, { blurb: 'Frame is marked in the GUI' }),
  ignored: f('frame.ignored', 'Frame is ignored', FT.BOOLEAN, { blurb: 'Frame is ignored by the dissectors' }),
  protocols: f('frame.protocols', 'Protocols in frame', FT.STRING, { blurb: 'Protocols carried by this frame' }),
  comments: f('frame.comment', 'Comment', FT.STRING),
  packet_flags: f('frame.packet_flags', 'Packet flags', FT.UINT32, { base: Base.HEX }),
};
const hf_comments_tree = f('frame.comments', 'Packet comments', FT.NONE);

/** Link-type dispatch: keyed by pcap LINKTYPE_* (ethernet 1, raw 101, null 0, sll 113, sll2 276 …). */
export const linktypeTable = new Table('wtap_encap', 'Link type', 512);

function bits(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'} (${n * 8} bits)`;
}

function dissectFrame(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const s = p.session;
  const caplen = p.caplen;
  const full = t.full;

  // Comments come first in tshark's tree, before the Frame item.
  if (p.comments && p.comments.length) {
    const ct = t.addItem(parent, hf_comments_tree, off, 0);
    for (const c of p.comments) t.setLabel(t.addStr(ct, hf.comments, off, 0, c), c);
  }

  // frame is not a layer of frame.protocols: add the item directly.
  const top = t.addItem(parent, proto_frame, off, caplen);
  if (full) {
    const label = `Frame ${p.num}: ${p.len} bytes on wire (${p.len * 8} bits), ${caplen} bytes captured (${caplen * 8} bits)`;
    t.setLabel(top, label);
  }
  if (p.iface >= 0) {
    const it = t.addNum(top, hf.interface_id, off, 0, p.iface);
    void it;
  }
  const encap = ENCAP_BY_LINKTYPE.get(p.linktype);
  if (encap) t.addNum(top, hf.encap_type, off, 0, encap[0]);

  const ts = { sec: p.tsSec, nsec: p.tsNsec };
  if (Number.isNaN(s.firstSec)) { s.firstSec = p.tsSec; s.firstNsec = p.tsNsec; }
  if (Number.isNaN(s.prevSec)) { s.prevSec = p.tsSec; s.prevNsec = p.tsNsec; }
  if (Number.isNaN(s.prevDispSec)) { s.prevDispSec = p.tsSec; s.prevDispNsec = p.tsNsec; }
  if (t.wants(hf.time)) t.addObj(top, hf.time, off, 0, ts);
  if (t.wants(hf.offset_shift)) t.generated(t.addObj(top, hf.offset_shift, off, 0, { sec: 0, nsec: 0 }));
  if (t.wants(hf.time_epoch)) t.addObj(top, hf.time_epoch, off, 0, ts);
  if (t.wants(hf.time_delta)) t.generated(t.addObj(top, hf.time_delta, off, 0, nsDiff(p.tsSec, p.tsNsec, s.prevSec, s.prevNsec)));
  if (t.wants(hf.time_delta_displayed)) t.generated(t.addObj(top, hf.time_delta_displayed, off, 0, nsDiff(p.tsSec, p.tsNsec, s.prevDispSec, s.prevDispNsec)));
  if (t.wants(hf.time_relative)) t.generated(t.addObj(top, hf.time_relative, off, 0, nsDiff(p.tsSec, p.tsNsec, s.firstSec, s.firstNsec)));
  s.prevSec = p.tsSec;
  s.prevNsec = p.tsNsec;

  t.addNum(top, hf.number, off, 0, p.num);
  const li = t.addNum(top, hf.len, off, 0, p.len);
  if (li >= 0) t.setLabel(li, `Frame Length: ${bits(p.len)}`);
  const ci = t.addNum(top, hf.cap_len, off, 0, caplen);
  if (ci >= 0) t.setLabel(ci, `Capture Length: ${bits(caplen)}`);
  t.generated(t.addNum(top, hf.marked, off, 0, 0));
  t.generated(t.addNum(top, hf.ignored, off, 0, 0));
  const pi = t.wants(hf.protocols) ? t.generated(t.addStr(top, hf.protocols, off, 0, '')) : -1;

  // The link layer; unknown link types show as data.
  if (caplen > 0 || p.len > 0) {
    const n = linktypeTable.dissect(p.linktype, p, off, end, -1);
    if (n === 0 && !p.stopped) callData(p, off, end, -1);
  }

  if (pi >= 0) t.obj[pi] = p.protocolsString();
  return caplen;
}

export const frameHandle = registerHandle('frame', dissectFrame);
