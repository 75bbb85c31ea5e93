// frame: the pseudo-protocol at the root of every packet — number, times, lengths, interface,
// comments, the protocols seen — then dispatch on the link type (pcap LINKTYPE_* numbers).
// Labels follow `tshark -V`: pcapng frames say "on interface NAME, id N" and show the section,
// interface and EPB flags; pcapng custom blocks are shown as "PCAPNG Custom Block N" records.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import { registerHandle, Table } from '../core/table.js';
import type { Packet } from '../core/packet.js';
import { nsDiff } from '../core/time.js';
import { bitPattern } from '../core/format.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { callData } from './data.js';
import { knownLinktype } from '../capture/limits.js';

export const proto_frame = registerProtocol('frame', 'Frame', 'Frame');

/** Wireshark's encapsulation numbers (WTAP_ENCAP_*) and names, by pcap LINKTYPE. */
export const ENCAP_BY_LINKTYPE: ReadonlyMap<number, readonly [number, string]> = (() => {
  const m = new Map<number, readonly [number, string]>([
    [0, [15, 'NULL/Loopback']], [1, [1, 'Ethernet']], [6, [2, 'Token Ring']], [8, [3, 'SLIP']], [9, [4, 'PPP']],
    [10, [6, 'FDDI with bit-swapped MAC addresses']], [50, [4, 'PPP']], [101, [7, 'Raw IP']], [12, [7, 'Raw IP']],
    [14, [7, 'Raw IP']], [104, [28, 'Cisco HDLC']], [105, [20, 'IEEE 802.11 Wireless LAN']], [107, [26, 'Frame Relay']],
    [108, [174, 'OpenBSD loopback']], [113, [25, 'Linux cooked-mode capture v1']],
    [127, [23, 'IEEE 802.11 plus radiotap radio header']], [129, [9, 'Linux ARCNET']], [226, [124, 'Solaris IPNET']],
    [228, [129, 'Raw IPv4']], [229, [130, 'Raw IPv6']], [239, [141, 'NFLOG']], [242, [180, 'IP over IB']],
    [258, [171, 'Apple PKTAP']], [271, [185, 'Linux vsock']], [276, [210, 'Linux cooked-mode capture v2']],
  ]);
  // LINKTYPE_USER0..15 (147..162) are WTAP_ENCAP_USER0..15 (45..60)
  for (let i = 0; i <= 15; i++) m.set(147 + i, [45 + i, `USER ${i}`]);
  return m;
})();

const ENCAP_NAMES = (() => {
  const o: Record<number, string> = {};
  for (const [, [n, s]] of ENCAP_BY_LINKTYPE) o[n] = s;
  o[0] = 'Unknown';
  return vals(o);
})();

const DIRECTION_NAMES = vals({ 0: 'Unknown', 1: 'Inbound', 2: 'Outbound' });
const RECEPTION_NAMES = vals({ 0: 'Not specified', 1: 'Unicast', 2: 'Multicast', 3: 'Broadcast', 4: 'Promiscuous' });
/** IANA Private Enterprise Numbers seen in pcapng custom blocks. */
const PEN_NAMES = vals({ 32473: 'Example Enterprise Number for Documentation Use', 36724: 'Kaplan Research and Application Prototyping' });

const hf = {
  time: f('frame.time', 'Arrival Time', FT.ABSOLUTE_TIME, { base: Base.TIME_LOCAL, blurb: 'Absolute time when this frame was captured' }),
  offset_shift: f('frame.offset_shift', 'Time shift for this packet', FT.RELATIVE_TIME, { blurb: 'Time shift applied to this packet' }),
  time_epoch: f('frame.time_epoch', 'Epoch Time', FT.RELATIVE_TIME, { blurb: 'Epoch time when this frame was captured' }),
  time_delta: f('frame.time_delta', 'Time delta from previous captured frame', FT.RELATIVE_TIME),
  time_delta_displayed: f('frame.time_delta_displayed', 'Time delta from previous displayed frame', FT.RELATIVE_TIME),
  time_relative: f('frame.time_relative', 'Time since reference or first frame', FT.RELATIVE_TIME, { blurb: 'Time relative to time reference or first frame' }),
  number: f('frame.number', 'Frame Number', FT.UINT32),
  len: f('frame.len', 'Frame length on the wire', FT.UINT32),
  cap_len: f('frame.cap_len', 'Frame length stored into the capture file', FT.UINT32),
  marked: f('frame.marked', 'Frame is marked', FT.BOOLEAN, { blurb: 'Frame is marked in the GUI' }),
  ignored: f('frame.ignored', 'Frame is ignored', FT.BOOLEAN, { blurb: 'Frame is ignored by the dissectors' }),
  protocols: f('frame.protocols', 'Protocols in frame', FT.STRING, { blurb: 'Protocols carried by this frame' }),
  section_number: f('frame.section_number', 'Section number', FT.UINT32, { blurb: 'The number of the file section this frame is in' }),
  interface_id: f('frame.interface_id', 'Interface id', FT.UINT32),
  interface_name: f('frame.interface_name', 'Interface name', FT.STRING, { blurb: 'The friendly name for this interface' }),
  interface_description: f('frame.interface_description', 'Interface description', FT.STRING, { blurb: 'The description for this interface' }),
  packet_flags: f('frame.packet_flags', 'Packet flags', FT.UINT32, { base: Base.HEX }),
  pf_direction: f('frame.packet_flags_direction', 'Direction', FT.UINT32, { base: Base.HEX, mask: 0x3, vals: DIRECTION_NAMES }),
  pf_reception: f('frame.packet_flags_reception_type', 'Reception type', FT.UINT32, { mask: 0x1c, vals: RECEPTION_NAMES }),
  pf_fcs_length: f('frame.packet_flags_fcs_length', 'FCS length', FT.UINT32, { mask: 0x1e0 }),
  pf_reserved: f('frame.packet_flags_reserved', 'Reserved', FT.UINT32, { mask: 0xfe00 }),
  pf_crc_error: f('frame.packet_flags_crc_error', 'CRC error', FT.BOOLEAN, { boolBits: 32, mask: 0x1000000 }),
  pf_too_long: f('frame.packet_flags_packet_too_error', 'Packet too long error', FT.BOOLEAN, { boolBits: 32, mask: 0x2000000 }),
  pf_too_short: f('frame.packet_flags_packet_too_short_error', 'Packet too short error', FT.BOOLEAN, { boolBits: 32, mask: 0x4000000 }),
  pf_ifg: f('frame.packet_flags_wrong_inter_frame_gap_error', 'Wrong interframe gap error', FT.BOOLEAN, { boolBits: 32, mask: 0x8000000 }),
  pf_unaligned: f('frame.packet_flags_unaligned_frame_error', 'Unaligned frame error', FT.BOOLEAN, { boolBits: 32, mask: 0x10000000 }),
  pf_sfd: f('frame.packet_flags_start_frame_delimiter_error', 'Start frame delimiter error', FT.BOOLEAN, { boolBits: 32, mask: 0x20000000 }),
  pf_preamble: f('frame.packet_flags_preamble_error', 'Preamble error', FT.BOOLEAN, { boolBits: 32, mask: 0x40000000 }),
  pf_symbol: f('frame.packet_flags_symbol_error', 'Symbol error', FT.BOOLEAN, { boolBits: 32, mask: 0x80000000 }),
  comment: f('frame.comment', 'Comment', FT.STRING),
  drop_count: f('frame.drop_count', 'Drop Count', FT.UINT64, { blurb: 'Number of frames lost between this frame and the preceding one on the same interface' }),
  cb_pen: f('frame.cb_pen', 'Private Enterprise Number', FT.UINT32, { vals: PEN_NAMES, blurb: 'IANA assigned private enterprise number (PEN)' }),
  cb_copy: f('frame.cb_copy', 'Copying', FT.BOOLEAN, { boolBits: 1, tfs: ['Allowed', 'Not Allowed'], blurb: 'Whether the custom block will be written or not' }),
  encap_type: f('frame.encap_type', 'Encapsulation type', FT.INT16, { vals: ENCAP_NAMES }),
};
const ei_comment = expertInfo('frame.comment.expert', Group.COMMENTS_GROUP, Severity.COMMENT, 'Formatted comment');
const ei_time_invalid = expertInfo('frame.time_invalid', Group.SEQUENCE, Severity.NOTE, 'Arrival Time: Fractional second out of range (0-1000000000)');
const ei_len_lt_caplen = expertInfo('frame.len_lt_caplen', Group.MALFORMED, Severity.ERROR, 'Frame length is less than captured length');

/** "Packet comments" is its own protocol in tshark's tree (not a layer of frame.protocols). */
const proto_pkt_comment = registerProtocol('pkt_comment', 'Packet comments', 'Pkt_Comment');

/** Link-type dispatch: keyed by pcap LINKTYPE_* (ethernet 1, raw 101, null 0, sll 113, sll2 276 …). */
export const linktypeTable = new Table('wtap_encap', 'Link type', 512);

function bits(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'} (${n * 8} bits)`;
}

const CUSTOM_BLOCK = 0xbad;
const CUSTOM_BLOCK_NOCOPY = 0x40000bad;

const PF_BOOLS = [hf.pf_crc_error, hf.pf_too_long, hf.pf_too_short, hf.pf_ifg, hf.pf_unaligned, hf.pf_sfd, hf.pf_preamble, hf.pf_symbol];

function addPacketFlags(p: Packet, top: number, off: number, flags: number): void {
  const t = p.tree;
  const pf = t.addNum(top, hf.packet_flags, off, 0, flags);
  const dir = flags & 3;
  const di = t.addNum(pf, hf.pf_direction, off, 0, flags);
  if (di >= 0 && t.full) t.setLabel(di, `${bitPattern(0x3, 32, flags)} = Direction: ${DIRECTION_NAMES.get(dir) ?? 'Unknown'} (0x${dir.toString(16)})`);
  t.addNum(pf, hf.pf_reception, off, 0, flags);
  t.addNum(pf, hf.pf_fcs_length, off, 0, flags);
  t.addNum(pf, hf.pf_reserved, off, 0, flags);
  for (const b of PF_BOOLS) t.addNum(pf, b, off, 0, flags);
}

function dissectFrame(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const s = p.session;
  const caplen = p.caplen;
  const full = t.full;
  const fi = p.frameInfo;
  // readers set blockType 0 (or nothing) for pcap records, the pcapng block type otherwise
  const pcapng = p.iface >= 0 || (fi?.blockType ?? 0) !== 0;
  const hasTs = fi?.hasTs !== false;
  const blockType = fi?.blockType ?? 0;
  const custom = blockType === CUSTOM_BLOCK || blockType === CUSTOM_BLOCK_NOCOPY;

  // Comments come first in tshark's tree, before the Frame item.
  if (p.comments && p.comments.length) {
    const ct = t.addItem(parent, proto_pkt_comment, off, 0);
    for (const c of p.comments) {
      const ci = t.addStr(ct, hf.comment, off, 0, c);
      t.setLabel(ci, c);
      p.addExpert(ci, ei_comment, off, 0, c);
    }
  }

  // frame is not a layer of frame.protocols: add the item directly.
  const top = t.addItem(parent, proto_frame, off, caplen);
  const ifc = p.iface >= 0 ? s.ifaces[p.iface] : undefined;
  const ifId = ifc?.idInSection ?? p.iface;
  const ifName = ifc?.name ?? 'unknown';
  if (top >= 0 && full) {
    let label: string;
    if (custom) {
      const pen = fi?.customPen ?? 0;
      label = `PCAPNG Custom Block ${p.num}: ${bits(p.len)} of custom data and options, PEN ${PEN_NAMES.get(pen) ?? 'Unknown'} (${pen}), copying ${blockType === CUSTOM_BLOCK ? 'allowed' : 'not allowed'}`;
    } else {
      label = `Frame ${p.num}: ${p.len} byte${p.len === 1 ? '' : 's'} on wire (${p.len * 8} bits), ${caplen} byte${caplen === 1 ? '' : 's'} captured (${caplen * 8} bits)`;
      if (p.iface >= 0) {
        label += ` on interface ${ifName}, id ${ifId}`;
        const dir = (fi?.epbFlags ?? 0) & 3;
        if (dir === 1) label += ' (inbound)';
        else if (dir === 2) label += ' (outbound)';
      }
    }
    t.setLabel(top, label);
  }
  if (pcapng) t.addNum(top, hf.section_number, off, 0, (fi?.section ?? 0) + 1);
  if (p.iface >= 0 && !custom) {
    const ii = t.addNum(top, hf.interface_id, off, 0, ifId);
    if (ii >= 0 && full) t.setLabel(ii, `Interface id: ${ifId} (${ifName})`);
    t.addStr(ii, hf.interface_name, off, 0, ifName);
    if (ifc?.description !== undefined) t.addStr(ii, hf.interface_description, off, 0, ifc.description);
  }
  if (fi?.epbFlags !== undefined && !custom) addPacketFlags(p, top, off, fi.epbFlags);
  if (!custom) {
    const encap = ENCAP_BY_LINKTYPE.get(p.linktype);
    if (encap) t.addNum(top, hf.encap_type, off, 0, encap[0]);
    // a link type tshark does not know is WTAP_ENCAP 0 (capture/limits.ts)
    else if (!knownLinktype(p.linktype)) t.addNum(top, hf.encap_type, off, 0, 0);
  }

  if (Number.isNaN(s.firstSec)) { s.firstSec = p.tsSec; s.firstNsec = p.tsNsec; }
  if (Number.isNaN(s.prevSec)) { s.prevSec = p.tsSec; s.prevNsec = p.tsNsec; }
  if (Number.isNaN(s.prevDispSec)) { s.prevDispSec = p.tsSec; s.prevDispNsec = p.tsNsec; }
  if (hasTs && !custom) {
    const ts = { sec: p.tsSec, nsec: p.tsNsec };
    if (t.wants(hf.time)) t.addObj(top, hf.time, off, 0, ts);
    if (p.tsNsec >= 1e9 || p.tsNsec < 0) p.addExpert(top, ei_time_invalid, off, 0, `Arrival Time: Fractional second ${p.tsNsec} is invalid, the valid range is 0-1000000000`);
    if (t.wants(hf.offset_shift)) t.generated(t.addObj(top, hf.offset_shift, off, 0, { sec: 0, nsec: 0 }));
    if (t.wants(hf.time_epoch)) t.addObj(top, hf.time_epoch, off, 0, ts);
    if (t.wants(hf.time_delta)) t.generated(t.addObj(top, hf.time_delta, off, 0, nsDiff(p.tsSec, p.tsNsec, s.prevSec, s.prevNsec)));
    if (t.wants(hf.time_delta_displayed)) t.generated(t.addObj(top, hf.time_delta_displayed, off, 0, nsDiff(p.tsSec, p.tsNsec, s.prevDispSec, s.prevDispNsec)));
    if (t.wants(hf.time_relative)) t.generated(t.addObj(top, hf.time_relative, off, 0, nsDiff(p.tsSec, p.tsNsec, s.firstSec, s.firstNsec)));
  }
  // prevDisp* is the displaying loop's business (it knows which frames pass the display filter).
  s.prevSec = p.tsSec;
  s.prevNsec = p.tsNsec;

  t.addNum(top, hf.number, off, 0, p.num);
  const li = t.addNum(top, hf.len, off, 0, p.len);
  if (li >= 0 && full) t.setLabel(li, `Frame Length: ${bits(p.len)}`);
  // tshark trusts the captured length when the recorded wire length is smaller.
  if (caplen > p.len) {
    p.addExpert(li, ei_len_lt_caplen, off, 0);
    end = off + caplen;
  }
  const ci = t.addNum(top, hf.cap_len, off, 0, caplen);
  if (ci >= 0 && full) t.setLabel(ci, `Capture Length: ${bits(caplen)}`);
  if (fi?.dropCount !== undefined && !custom) t.addBig(top, hf.drop_count, off, 0, BigInt(fi.dropCount));
  t.generated(t.addNum(top, hf.marked, off, 0, 0));
  t.generated(t.addNum(top, hf.ignored, off, 0, 0));
  if (custom) {
    const pen = fi?.customPen ?? 0;
    t.addNum(top, hf.cb_pen, off, 0, pen);
    t.addNum(top, hf.cb_copy, off, 0, blockType === CUSTOM_BLOCK ? 1 : 0);
  }
  const pi = t.wants(hf.protocols) ? t.generated(t.addStr(top, hf.protocols, off, 0, '')) : -1;

  if (custom) {
    p.proto = 'PCAPNG';
    const pen = fi?.customPen ?? 0;
    if (p.cols) p.setInfo(`Custom Block: PEN = ${PEN_NAMES.get(pen) ?? 'Unknown'} (${pen}), will ${blockType === CUSTOM_BLOCK ? '' : 'not '}be copied`);
    if (caplen > 0) callData(p, off, end, -1);
  } else {
    // The link layer; unknown link types show as data. A link-layer dissector that rejects its
    // payload (e.g. raw IPv6 with a bad version) leaves the frame without data, as tshark does.
    // An empty record too goes to the link layer ('Ethernet 0 [Malformed Packet]' in tshark 4.0).
    const h = linktypeTable.get(p.linktype);
    if (h) p.call(h, off, end, -1);
    else {
      if (p.cols && !knownLinktype(p.linktype)) {
        p.proto = 'UNKNOWN';
        p.setInfo('WTAP_ENCAP = 0');
      }
      callData(p, off, end, -1);
    }
  }

  if (pi >= 0) t.obj[pi] = p.protocolsString();
  return caplen;
}

export const frameHandle = registerHandle('frame', dissectFrame);
