// wlan: IEEE 802.11 MAC header — a minimal dissector for what tunnels and captures in the corpus
// carry (Aruba GRE WLAN frames, 802.11 link type): data frames with their LLC payload; management
// and control frames show their header and the body as data.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |Ver|Typ|Subtyp|  Flags        |      Duration / ID            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                  Address 1 (6) … Address 2 (6) … Address 3 (6) |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |   Sequence Control (2)        | Address 4 (6, To DS and From DS)|
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | QoS Control (2, QoS subtypes) | HT Control (4, QoS + Order)   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The frame control's first byte is version (bits 0-1), type (2-3), subtype (4-7); flags bits are
// To DS, From DS, More Fragments, Retry, Power Mgmt, More Data, Protected, Order.
// Data-frame address meaning by (To DS, From DS): 00 DA SA BSSID; 01 BSSID SA DA; 10 DA BSSID SA;
// 11 RA TA DA SA.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { greProtoTable, GRE_PROTO_NAMES } from './gre.js';
import { linktypeTable } from './frame.js';
import { llcHandle } from './llc.js';
import { callData } from './data.js';

const FC = 0;
const FLAGS = 1;
const DURATION = 2;
const ADDR1 = 4;
const ADDR2 = 10;
const ADDR3 = 16;
const SEQ_CTL = 22;
const ADDR4 = 24;
/** data/management header without Address 4 / QoS */
const HEADER_LEN = SEQ_CTL + 2;
const FCS_LEN = 4;

const TYPE_MGMT = 0;
const TYPE_CONTROL = 1;
const TYPE_DATA = 2;

export const proto_wlan = registerProtocol('wlan', 'IEEE 802.11 wireless LAN', '802.11');

const TYPE_SUBTYPE_NAMES = vals({
  0: 'Association Request', 1: 'Association Response', 2: 'Reassociation Request', 3: 'Reassociation Response',
  4: 'Probe Request', 5: 'Probe Response', 6: 'Measurement Pilot', 8: 'Beacon frame', 9: 'ATIM', 10: 'Disassociate',
  11: 'Authentication', 12: 'Deauthentication', 13: 'Action', 14: 'Action No Ack', 15: 'Aruba Management',
  18: 'Trigger', 20: 'Beamforming Report Poll', 21: 'VHT/HE NDP Announcement', 23: 'Control Wrapper',
  24: '802.11 Block Ack Req', 25: '802.11 Block Ack', 26: 'Power-Save poll', 27: 'Request-to-send',
  28: 'Clear-to-send', 29: 'Acknowledgement', 30: 'CF-End (Control-frame)', 31: 'CF-End + CF-Ack (Control-frame)',
  32: 'Data', 33: 'Data + CF-Ack', 34: 'Data + CF-Poll', 35: 'Data + CF-Ack + CF-Poll', 36: 'Null function (No data)',
  37: 'Acknowledgement (No data)', 38: 'CF-Poll (No data)', 39: 'CF-Ack/Poll (No data)', 40: 'QoS Data',
  41: 'QoS Data + CF-Acknowledgment', 42: 'QoS Data + CF-Poll', 43: 'QoS Data + CF-Ack + CF-Poll',
  44: 'QoS Null function (No data)', 46: 'QoS CF-Poll (No Data)', 47: 'QoS CF-Ack + CF-Poll (No data)',
});
const TYPE_NAMES = vals({ 0: 'Management frame', 1: 'Control frame', 2: 'Data frame', 3: 'Extension' });
const DS_NAMES = vals({
  0: 'Not leaving DS or network is operating in AD-HOC mode (To DS: 0 From DS: 0)',
  1: 'Frame from STA to DS via an AP (To DS: 1 From DS: 0)',
  2: 'Frame from DS to a STA via AP(To DS: 0 From DS: 1)',
  3: 'WDS (AP to AP) or Mesh (MP to MP) Frame (To DS: 1 From DS: 1)',
});

const hf = {
  type_subtype: f('wlan.fc.type_subtype', 'Type/Subtype', FT.UINT16, { base: Base.HEX, vals: TYPE_SUBTYPE_NAMES }),
  fc: f('wlan.fc', 'Frame Control Field', FT.UINT16, { base: Base.HEX, blurb: 'MAC Frame control' }),
  version: f('wlan.fc.version', 'Version', FT.UINT8, { mask: 0x3, blurb: 'MAC Protocol version' }),
  type: f('wlan.fc.type', 'Type', FT.UINT8, { mask: 0xc, vals: TYPE_NAMES, blurb: 'Frame type' }),
  subtype: f('wlan.fc.subtype', 'Subtype', FT.UINT8, { mask: 0xf0, blurb: 'Frame subtype' }),
  flags: f('wlan.flags', 'Flags', FT.UINT8, { base: Base.HEX }),
  ds: f('wlan.fc.ds', 'DS status', FT.UINT8, { base: Base.HEX, mask: 0x3, vals: DS_NAMES, blurb: 'Data-frame DS-traversal status' }),
  tods: f('wlan.fc.tods', 'To DS', FT.BOOLEAN, { boolBits: 8, mask: 0x1, blurb: 'To DS flag' }),
  fromds: f('wlan.fc.fromds', 'From DS', FT.BOOLEAN, { boolBits: 8, mask: 0x2, blurb: 'From DS flag' }),
  frag: f('wlan.fc.frag', 'More Fragments', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['More fragments follow', 'This is the last fragment'], blurb: 'More Fragments flag' }),
  retry: f('wlan.fc.retry', 'Retry', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Frame is being retransmitted', 'Frame is not being retransmitted'], blurb: 'Retransmission flag' }),
  pwrmgt: f('wlan.fc.pwrmgt', 'PWR MGT', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['STA will go to sleep', 'STA will stay up'], blurb: 'Power management status' }),
  moredata: f('wlan.fc.moredata', 'More Data', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Data is buffered for STA at AP', 'No data buffered'], blurb: 'More data flag' }),
  protected: f('wlan.fc.protected', 'Protected flag', FT.BOOLEAN, { boolBits: 8, mask: 0x40, tfs: ['Data is protected', 'Data is not protected'] }),
  order: f('wlan.fc.order', '+HTC/Order flag', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: ['HT Control present/strictly ordered', 'Not strictly ordered'], blurb: 'HT Control present/strictly ordered flag' }),
  duration: f('wlan.duration', 'Duration', FT.UINT16, { mask: 0x7fff }),
  ra: f('wlan.ra', 'Receiver address', FT.ETHER, { blurb: 'Receiving Station Hardware Address' }),
  ta: f('wlan.ta', 'Transmitter address', FT.ETHER, { blurb: 'Transmitting Station Hardware Address' }),
  da: f('wlan.da', 'Destination address', FT.ETHER, { blurb: 'Destination Hardware Address' }),
  sa: f('wlan.sa', 'Source address', FT.ETHER, { blurb: 'Source Hardware Address' }),
  bssid: f('wlan.bssid', 'BSS Id', FT.ETHER, { blurb: 'Basic Service Set ID' }),
  staa: f('wlan.staa', 'STA address', FT.ETHER, { blurb: 'Station Hardware Address' }),
  addr: f('wlan.addr', 'Hardware address', FT.ETHER, { blurb: 'SA, DA, BSSID, RA or TA Hardware Address' }),
  frag_num: f('wlan.frag', 'Fragment number', FT.UINT16, { mask: 0xf }),
  seq: f('wlan.seq', 'Sequence number', FT.UINT16, { mask: 0xfff0 }),
  qos: f('wlan.qos', 'Qos Control', FT.UINT16, { base: Base.HEX }),
  qos_tid: f('wlan.qos.tid', 'TID', FT.UINT16, { mask: 0xf }),
  qos_priority: f('wlan.qos.priority', 'Priority', FT.UINT16, { mask: 0x7, blurb: '802.1D Tag', vals: vals({
    0: 'Best Effort (Best Effort)', 1: 'Background (Background)', 2: 'Spare (Background)', 3: 'Excellent Effort (Best Effort)',
    4: 'Controlled Load (Video)', 5: 'Video (Video)', 6: 'Voice (Voice)', 7: 'Network Control (Voice)' }) }),
  qos_bit4: f('wlan.qos.bit4', 'QoS bit 4', FT.BOOLEAN, { boolBits: 16, mask: 0x10, tfs: ['Bits 8-15 of QoS Control field are Queue Size', 'Bits 8-15 of QoS Control field are TXOP Duration Requested'] }),
  qos_txop: f('wlan.qos.txop_dur_req', 'TXOP Duration Requested', FT.UINT16, { mask: 0xff00 }),
  qos_ack: f('wlan.qos.ack', 'Ack Policy', FT.UINT16, { base: Base.HEX, mask: 0x60, vals: vals({ 0: 'Normal Ack', 1: 'No Ack', 2: 'No explicit acknowledgment', 3: 'Block Ack' }) }),
  qos_amsdu: f('wlan.qos.amsdupresent', 'Payload Type', FT.BOOLEAN, { boolBits: 16, mask: 0x80, tfs: ['A-MSDU', 'MSDU'] }),
  htc: f('wlan.htc', 'HT Control (+HTC)', FT.UINT32, { base: Base.HEX }),
  fcs: f('wlan.fcs', 'Frame check sequence', FT.UINT32, { base: Base.HEX, blurb: 'Frame check sequence (FCS)' }),
  fcs_status: f('wlan.fcs.status', 'FCS Status', FT.UINT8, { base: Base.NONE, vals: vals({ 0: 'Bad', 1: 'Good', 2: 'Unverified', 3: 'Not present', 4: 'Illegal' }) }),
};

const FLAG_CHARS = 'TFMRPmpo';

/** tshark's 8-character flags string: the letter of each set bit (order bit first), '.' otherwise. */
function flagString(fl: number): string {
  let s = '';
  for (let i = 7; i >= 0; i--) s += fl & (1 << i) ? FLAG_CHARS[i] : '.';
  return s;
}

function addAddr(p: Packet, parent: number, hfa: number, off: number): void {
  const t = p.tree;
  t.addBytes(parent, hfa, off, 6);
  t.hide(t.addBytes(parent, hf.addr, off, 6));
}

/** The 802.11 frame [off, end); `fcs`: the last 4 bytes are the frame check sequence. */
function dissectWlan(p: Packet, off: number, end: number, parent: number, fcs = false): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = '802.11';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_wlan, off, off + 2);
  if (!p.need(off, 2, end)) return end - off;
  const fc0 = b[off + FC]!;
  const fl = b[off + FLAGS]!;
  const type = (fc0 >>> 2) & 3;
  const subtype = fc0 >>> 4;
  const ts = (type << 4) | subtype;
  const tsName = TYPE_SUBTYPE_NAMES.get(ts) ?? `Unrecognized (Reserved frame) (0x${ts.toString(16)})`;
  // tshark appends 'C' to the flags string of a frame that carries its FCS
  const flags = flagString(fl) + (fcs ? 'C' : '');
  if (top >= 0 && t.full) t.setLabel(top, `IEEE 802.11 ${tsName}, Flags: ${flags}`);
  t.addNum(top, hf.type_subtype, off, 1, ts);
  const fci = t.addNum(top, hf.fc, off, 2, (fc0 << 8) | fl);
  t.addNum(fci, hf.version, off, 1, fc0);
  t.addNum(fci, hf.type, off, 1, fc0);
  t.addNum(fci, hf.subtype, off, 1, fc0);
  const fli = t.addNum(fci, hf.flags, off + 1, 1, fl);
  t.addNum(fli, hf.ds, off + 1, 1, fl);
  t.hide(t.addNum(fli, hf.tods, off + 1, 1, fl));
  t.hide(t.addNum(fli, hf.fromds, off + 1, 1, fl));
  for (const h of [hf.frag, hf.retry, hf.pwrmgt, hf.moredata, hf.protected, hf.order]) t.addNum(fli, h, off + 1, 1, fl);

  const isData = type === TYPE_DATA;
  const qos = isData && (subtype & 8) !== 0;
  const ds = fl & 3;
  let hlen = type === TYPE_CONTROL ? 10 : HEADER_LEN;
  if (isData && ds === 3) hlen += 6;
  if (qos) hlen += 2;
  if ((qos || type === TYPE_MGMT) && fl & 0x80) hlen += 4;
  t.setEnd(top, off + hlen);
  if (!p.need(off, type === TYPE_CONTROL ? Math.min(hlen, 10) : hlen, end)) return end - off;
  // FCS (radiotap "FCS at end"): shown after the header fields, before the payload is dissected
  let fcsOff = -1;
  if (fcs && end - FCS_LEN >= off + Math.min(hlen, 10)) {
    end -= FCS_LEN;
    if (end + FCS_LEN <= p.capEnd) fcsOff = end;
  }
  const addFcs = (): void => {
    if (fcsOff < 0) return;
    const v = p.dv.getUint32(fcsOff, true);
    const fi = t.addNum(top, hf.fcs, fcsOff, FCS_LEN, v);
    if (fi >= 0 && t.full) t.setLabel(fi, `Frame check sequence: 0x${v.toString(16).padStart(8, '0')} [unverified]`);
    t.generated(t.addNum(top, hf.fcs_status, fcsOff, FCS_LEN, 2));
  };
  const dur = p.dv.getUint16(off + DURATION, true);
  const di = t.addNum(top, hf.duration, off + DURATION, 2, dur);
  if (di >= 0 && t.full) t.appendLabel(di, ' microseconds');

  if (type === TYPE_CONTROL) {
    addAddr(p, top, hf.ra, off + ADDR1);
    p.dst = formatMac(b, off + ADDR1);
    if (p.cols) p.setInfo(`${tsName}, Flags=${flags}`);
    addFcs();
    if (off + hlen < end) callData(p, off + hlen, end, parent);
    return end - off;
  }

  // Data and management frames: who is who by the DS bits (management frames: DA SA BSSID).
  const a1 = off + ADDR1, a2 = off + ADDR2, a3 = off + ADDR3, a4 = off + ADDR4;
  let da = a1, sa = a2, bssid = a3, sta = -1;
  if (isData) {
    if (ds === 1) { bssid = a1; sa = a2; da = a3; sta = a2; }
    else if (ds === 2) { da = a1; bssid = a2; sa = a3; sta = a1; }
    else if (ds === 3) { da = a3; sa = a4; bssid = -1; }
  }
  addAddr(p, top, hf.ra, a1);
  addAddr(p, top, hf.ta, a2);
  addAddr(p, top, hf.da, da);
  addAddr(p, top, hf.sa, sa);
  if (bssid >= 0) addAddr(p, top, hf.bssid, bssid);
  if (sta >= 0) addAddr(p, top, hf.staa, sta);
  p.src = formatMac(b, sa);
  p.dst = formatMac(b, da);
  const sc = p.dv.getUint16(off + SEQ_CTL, true);
  t.addNum(top, hf.frag_num, off + SEQ_CTL, 2, sc);
  t.addNum(top, hf.seq, off + SEQ_CTL, 2, sc);
  if (p.cols) p.setInfo(`${tsName}, SN=${sc >>> 4}, FN=${sc & 0xf}, Flags=${flags}`);
  addFcs();
  let o = off + SEQ_CTL + 2;
  if (isData && ds === 3) o += 6;
  if (qos) {
    const q = p.dv.getUint16(o, true);
    const qi = t.addNum(top, hf.qos, o, 2, q);
    t.addNum(qi, hf.qos_tid, o, 2, q);
    t.generated(t.addNum(qi, hf.qos_priority, o, 2, q));
    t.addNum(qi, hf.qos_bit4, o, 2, q);
    t.addNum(qi, hf.qos_ack, o, 2, q);
    t.addNum(qi, hf.qos_amsdu, o, 2, q);
    if ((q & 0x10) === 0) {
      const txop = q >>> 8;
      const ti = t.addNum(qi, hf.qos_txop, o, 2, q);
      if (ti >= 0 && t.full && txop === 0) t.appendLabel(ti, ' (no TXOP requested)');
    }
    o += 2;
  }
  if ((qos || type === TYPE_MGMT) && fl & 0x80) {
    t.addNum(top, hf.htc, o, 4, p.dv.getUint32(o, true));
    o += 4;
  }
  if (o >= end) return end - off;
  // Protected payloads, management bodies and unknown layouts are data.
  if (isData && (fl & 0x40) === 0 && (subtype & 4) === 0) {
    p.call(llcHandle, o, end, parent);
    return end - off;
  }
  callData(p, o, end, parent);
  return end - off;
}

export const wlanHandle = registerHandle('wlan_withoutfcs', (p, off, end, parent) => dissectWlan(p, off, end, parent, false));
/** 802.11 with the FCS at the end (radiotap's "FCS at end" flag). */
export const wlanFcsHandle = registerHandle('wlan', (p, off, end, parent) => dissectWlan(p, off, end, parent, true));
for (const [k, name] of GRE_PROTO_NAMES) if (name === 'ARUBA WLAN') greProtoTable.add(k, wlanHandle);
linktypeTable.add(105, wlanHandle);
