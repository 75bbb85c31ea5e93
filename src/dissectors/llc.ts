// llc: IEEE 802.2 Logical-Link Control, with SNAP (RFC 1042) dispatch by OUI and PID.
//
//  0               1               2               3
//  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     DSAP    |I|     SSAP    |C| Control (1 byte U; 2 bytes I/S) |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// SNAP (DSAP = SSAP = 0xAA, UI): | OUI (3 bytes) | PID / EtherType (2 bytes) |
//
// OUI 00:00:00 (and Cisco's 00:00:f8) carry an EtherType and dispatch through the ethertype
// table (no `ethertype` layer in frame.protocols, as in tshark); other OUIs and SAPs dispatch
// through the tables below, so protocols such as STP (SAP 0x42) or CDP (Cisco PID 0x2000) can
// register themselves.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, Table } from '../core/table.js';
import { bitPattern } from '../core/format.js';
import { ethertypeTable } from './ethertype.js';
import { ETHERTYPE_NAMES } from './eth.js';
import { callData } from './data.js';

const DSAP = 0;
const SSAP = 1;
const CONTROL = 2;
/** shortest header: DSAP, SSAP and a 1-byte (U frame) control field */
const MIN_HEADER_LEN = CONTROL + 1;
const SNAP_LEN = 5;

const SAP_SNAP = 0xaa;
const OUI_ENCAP_ETHER = 0x000000;
const OUI_CISCO_90 = 0x0000f8;
const OUI_CISCO = 0x00000c;

export const proto_llc = registerProtocol('llc', 'Logical-Link Control', 'LLC');

const SAP_NAMES = vals({
  0x0: 'NULL LSAP', 0x1: 'NULL LSAP', 0x2: 'LLC Sub-Layer Management', 0x4: 'SNA Path Control', 0x6: 'TCP/IP',
  0x8: 'SNA', 0xc: 'SNA', 0xe: 'PROWAY (IEC955) Network Management and Initialization',
  0x10: 'NetWare (unofficial?)', 0x14: 'ISO Network Layer (OSLAN 1)', 0x18: 'Texas Instruments',
  0x20: 'ISO Network Layer (unofficial?)', 0x34: 'ISO Network Layer (unofficial?)', 0x42: 'Spanning Tree BPDU',
  0x4e: 'EIA RS-511 Manufacturing Message Service', 0x54: 'ISO Network Layer (OSLAN 2)',
  0x7e: 'ISO 8208 (X.25 over 802.2)', 0x7f: 'ISO 802.2', 0x80: 'XNS', 0x82: 'BACnet', 0x86: 'Nestar',
  0x8e: 'PROWAY (IEC955) Active Station List Maintenance', 0x98: 'ARP', 0xb4: 'HP JetDirect Printer', 0xaa: 'SNAP',
  0xba: 'Banyan Vines', 0xbc: 'Banyan Vines', 0xe0: 'NetWare', 0xf0: 'NetBIOS', 0xf4: 'IBM Net Management',
  0xf8: 'HP Extended LLC', 0xfa: 'Ungermann-Bass', 0xfc: 'Remote Program Load', 0xfe: 'ISO Network Layer',
  0xff: 'Global LSAP',
});
const U_CMD_NAMES = vals({
  0x0: 'Unnumbered Information', 0x8: 'Unnumbered Poll', 0x10: 'Disconnect', 0x18: 'Unnumbered Acknowledge',
  0x20: 'Set Normal Response Mode', 0x38: 'Test', 0x1: 'Set Initialization Mode', 0x21: 'Frame reject',
  0x31: 'Configure', 0x3: 'Set Asynchronous Response Mode', 0xb: 'Set Asynchronous Balanced Mode',
  0x13: 'Set Asynchronous Response Mode Extended', 0x1b: 'Set Asynchronous Balanced Mode Extended', 0x23: 'Reset',
  0x2b: 'Exchange identification', 0x33: 'Set Normal Response Mode Extended', 0x3b: 'Beacon',
});
const U_RESP_NAMES = vals({
  0x0: 'Unnumbered Information', 0x8: 'Unnumbered Poll', 0x10: 'Request Disconnect', 0x18: 'Unnumbered Acknowledge',
  0x20: 'Set Normal Response Mode', 0x38: 'Test', 0x1: 'Request Initialization Mode', 0x21: 'Frame reject',
  0x31: 'Configure', 0x3: 'Disconnected mode', 0xb: 'Set Asynchronous Balanced Mode',
  0x13: 'Set Asynchronous Response Mode Extended', 0x1b: 'Set Asynchronous Balanced Mode Extended', 0x23: 'Reset',
  0x2b: 'Exchange identification', 0x33: 'Set Normal Response Mode Extended', 0x3b: 'Beacon',
});
/** short names of U-frame functions for "U, func=UI" (command / response forms) */
const U_CMD_ABBREV = vals({
  0x00: 'UI', 0x08: 'UP', 0x10: 'DISC', 0x18: 'UA', 0x20: 'SNRM', 0x38: 'TEST', 0x01: 'SIM', 0x21: 'FRMR', 0x31: 'CFGR',
  0x03: 'SARM', 0x0b: 'SABM', 0x13: 'SARME', 0x1b: 'SABME', 0x23: 'RSET', 0x2b: 'XID', 0x33: 'SNRME', 0x3b: 'BCN',
});
const U_RESP_ABBREV = vals({
  0x00: 'UI', 0x08: 'UP', 0x10: 'RD', 0x18: 'UA', 0x20: 'SNRM', 0x38: 'TEST', 0x01: 'RIM', 0x21: 'FRMR', 0x31: 'CFGR',
  0x03: 'DM', 0x0b: 'SABM', 0x13: 'SARME', 0x1b: 'SABME', 0x23: 'RSET', 0x2b: 'XID', 0x33: 'SNRME', 0x3b: 'BCN',
});
const S_NAMES = vals({ 0: 'Receiver ready', 1: 'Receiver not ready', 2: 'Reject', 3: 'Selective reject' });
const S_ABBREV = ['RR', 'RNR', 'REJ', 'SREJ'];
const FTYPE_NAMES = vals({ 0: 'Information frame', 1: 'Supervisory frame', 3: 'Unnumbered frame' });
const CISCO_PID_NAMES = vals({
  0x102: 'DRIP', 0x104: 'PAgP', 0x105: 'MLS Hello', 0x108: 'RLQ BPDUs (request)', 0x109: 'RLQ BPDUs (response)',
  0x10b: 'PVSTP+', 0x10c: 'VLAN Bridge', 0x111: 'UDLD', 0x139: 'MCP', 0x2000: 'CDP', 0x2001: 'CGMP', 0x2003: 'VTP',
  0x2004: 'DTP', 0x200a: 'STP Uplink Fast',
});
/** Organization names tshark shows for the OUIs seen in SNAP headers. */
/**
 * OUI names of the SNAP Info text (tshark takes them from its manufacturer list, not from the
 * Organization Code item's names); only those checked against tshark 4.0, others are 'Unknown'.
 */
const OUI_INFO_NAMES = new Map([[0x000000, 'Officially Xerox, but 0:0:0:0:0:0 is more common'], [0x000001, 'Xerox Corporation'], [0x00000c, 'Cisco Systems, Inc'], [0x0000f8, 'Digital Equipment Corporation'], [0x0080c2, 'IEEE']]);
const OUI_NAMES = vals({ 0x000000: 'Officially Xerox, but', 0x00000c: 'Cisco Systems, Inc', 0x0000f8: 'Cisco 90-Compatible', 0x0080c2: 'IEEE 802.1', 0x00e02b: 'Extreme Networks', 0x080007: 'Apple' });

const hf = {
  dsap: f('llc.dsap', 'DSAP', FT.UINT8, { base: Base.HEX, vals: SAP_NAMES, blurb: 'Destination Service Access Point' }),
  dsap_sap: f('llc.dsap.sap', 'SAP', FT.UINT8, { mask: 0xfe, blurb: 'Service Access Point' }),
  dsap_ig: f('llc.dsap.ig', 'IG Bit', FT.BOOLEAN, { boolBits: 8, mask: 0x01, tfs: ['Group', 'Individual'], blurb: 'Individual/Group' }),
  ssap: f('llc.ssap', 'SSAP', FT.UINT8, { base: Base.HEX, vals: SAP_NAMES, blurb: 'Source Service Access Point' }),
  ssap_sap: f('llc.ssap.sap', 'SAP', FT.UINT8, { mask: 0xfe, blurb: 'Service Access Point' }),
  ssap_cr: f('llc.ssap.cr', 'CR Bit', FT.BOOLEAN, { boolBits: 8, mask: 0x01, tfs: ['Response', 'Command'], blurb: 'Command/Response' }),
  control: f('llc.control', 'Control', FT.UINT16, { base: Base.HEX }),
  n_r: f('llc.control.n_r', 'N(R)', FT.UINT16, { mask: 0xfe00 }),
  n_s: f('llc.control.n_s', 'N(S)', FT.UINT16, { mask: 0xfe }),
  p: f('llc.control.p', 'Poll', FT.BOOLEAN, { boolBits: 8, mask: 0x10 }),
  f: f('llc.control.f', 'Final', FT.BOOLEAN, { boolBits: 8, mask: 0x10 }),
  s_ftype: f('llc.control.s_ftype', 'Supervisory frame type', FT.UINT16, { base: Base.HEX, mask: 0xc, vals: S_NAMES }),
  u_cmd: f('llc.control.u_modifier_cmd', 'Command', FT.UINT8, { base: Base.HEX, mask: 0xec, vals: U_CMD_NAMES }),
  u_resp: f('llc.control.u_modifier_resp', 'Response', FT.UINT8, { base: Base.HEX, mask: 0xec, vals: U_RESP_NAMES }),
  ftype: f('llc.control.ftype', 'Frame type', FT.UINT16, { base: Base.HEX, mask: 0x1, vals: FTYPE_NAMES }),
  type: f('llc.type', 'Type', FT.UINT16, { base: Base.HEX, vals: ETHERTYPE_NAMES }),
  oui: f('llc.oui', 'Organization Code', FT.UINT24),
  pid: f('llc.pid', 'Protocol ID', FT.UINT16, { base: Base.HEX }),
  cisco_pid: f('llc.cisco_pid', 'PID', FT.UINT16, { base: Base.HEX, vals: CISCO_PID_NAMES, blurb: 'Protocol ID' }),
};

/** DSAP → dissector (0x42 stp, 0xfe osi, 0xe0 ipx, 0xf0 netbios …). */
export const llcSapTable = new Table('llc.dsap', 'LLC SAP', 256);
/** Cisco SNAP PID → dissector (0x2000 cdp, 0x2003 vtp, 0x2004 dtp, 0x010b pvst …). */
export const llcCiscoPidTable = new Table('llc.cisco_pid', 'LLC SNAP PID (Cisco)', 65536);

function hex2(v: number): string {
  return '0x' + v.toString(16).padStart(2, '0');
}

function dissectLlc(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'LLC';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_llc, off, off + MIN_HEADER_LEN);
  if (!p.need(off, MIN_HEADER_LEN, end)) return end - off;
  const dsap = b[off + DSAP]!;
  const ssap = b[off + SSAP]!;
  const full = t.full;
  const di = t.addNum(top, hf.dsap, off + DSAP, 1, dsap);
  const dsi = t.addNum(di, hf.dsap_sap, off + DSAP, 1, dsap);
  if (dsi >= 0 && full) t.setLabel(dsi, `${bitPattern(0xfe, 8, dsap)} = SAP: ${SAP_NAMES.get(dsap & 0xfe) ?? 'Unknown'}`);
  t.addNum(di, hf.dsap_ig, off + DSAP, 1, dsap);
  const si = t.addNum(top, hf.ssap, off + SSAP, 1, ssap);
  const ssi = t.addNum(si, hf.ssap_sap, off + SSAP, 1, ssap);
  if (ssi >= 0 && full) t.setLabel(ssi, `${bitPattern(0xfe, 8, ssap)} = SAP: ${SAP_NAMES.get(ssap & 0xfe) ?? 'Unknown'}`);
  t.addNum(si, hf.ssap_cr, off + SSAP, 1, ssap);

  // Control: U frames have both low bits set and are 1 byte; I and S frames are 2 bytes.
  const c0 = b[off + CONTROL]!;
  const isResp = (ssap & 1) !== 0;
  let ctrlLen = 1;
  let func: string;
  if ((c0 & 3) === 3) {
    const mod = (c0 & 0xec) >>> 2;
    const abbr = (isResp ? U_RESP_ABBREV : U_CMD_ABBREV).get(mod) ?? `Unknown (${hex2(mod)})`;
    // tshark writes the poll/final bit after the frame type: "U P, func=UI", "S F, func=RR, N(R)=0"
    func = `U${c0 & 0x10 ? (isResp ? ' F' : ' P') : ''}, func=${abbr}`;
    const ci = t.addNum(top, hf.control, off + CONTROL, 1, c0);
    if (ci >= 0 && full) t.setLabel(ci, `Control field: ${func} (0x${c0.toString(16).toUpperCase().padStart(2, '0')})`);
    if (c0 & 0x10) t.addNum(ci, isResp ? hf.f : hf.p, off + CONTROL, 1, c0);
    t.addNum(ci, isResp ? hf.u_resp : hf.u_cmd, off + CONTROL, 1, c0);
    const fi = t.addNum(ci, hf.ftype, off + CONTROL, 1, 3);
    if (fi >= 0 && full) t.setLabel(fi, '.... ..11 = Frame type: Unnumbered frame (0x3)');
  } else {
    ctrlLen = 2;
    if (!p.need(off + CONTROL, 2, end)) return end - off;
    const c = p.dv.getUint16(off + CONTROL, true);
    const nr = c >>> 9;
    const pf = (c >>> 8) & 1;
    // an I frame is a command: its bit is always Poll
    const pfs = pf ? (isResp && (c0 & 1) !== 0 ? ' F' : ' P') : '';
    if ((c0 & 1) === 0) func = `I${pfs}, N(R)=${nr}, N(S)=${(c0 >>> 1) & 0x7f}`;
    else func = `S${pfs}, func=${S_ABBREV[(c0 >>> 2) & 3]}, N(R)=${nr}`;
    const ci = t.addNum(top, hf.control, off + CONTROL, 2, c);
    if (ci >= 0 && full) {
      t.setLabel(ci, `Control field: ${func} (0x${c.toString(16).toUpperCase().padStart(4, '0')})`);
      // the subfields as tshark 4.0 shows them, in the 16-bit control word
      const lab = (i: number, mask: number, text: string): void => { if (i >= 0) t.setLabel(i, `${bitPattern(mask, 16, c)} = ${text}`); };
      lab(t.addNum(ci, hf.n_r, off + CONTROL, 2, c), 0xfe00, `N(R): ${nr}`);
      if ((c0 & 1) === 0) lab(t.addNum(ci, hf.n_s, off + CONTROL, 2, c), 0x00fe, `N(S): ${(c0 >>> 1) & 0x7f}`);
      if (pf) {
        const fin = pfs === ' F';
        lab(t.addNum(ci, fin ? hf.f : hf.p, off + CONTROL, 2, 0x10), 0x0100, `${fin ? 'Final' : 'Poll'}: Set`);
      }
      if ((c0 & 1) === 0) lab(t.addNum(ci, hf.ftype, off + CONTROL, 2, 0), 0x0001, 'Frame type: Information frame (0x0)');
      else {
        const st = (c0 >>> 2) & 3;
        lab(t.addNum(ci, hf.s_ftype, off + CONTROL, 2, c), 0x000c, `Supervisory frame type: ${S_NAMES.get(st) ?? 'Unknown'} (0x${st})`);
        lab(t.addNum(ci, hf.ftype, off + CONTROL, 2, 1), 0x0003, 'Frame type: Supervisory frame (0x1)');
      }
    }
  }
  let hdrEnd = off + CONTROL + ctrlLen;
  t.setEnd(top, hdrEnd);
  const dname = SAP_NAMES.get(dsap & 0xfe);
  const sname = SAP_NAMES.get(ssap & 0xfe);
  const snap = dsap === SAP_SNAP && ssap === SAP_SNAP && ctrlLen === 1 && (c0 & 0xef) === 3;
  // only I frames and UI frames without the poll/final bit are handed to the SAP's (or SNAP
  // PID's) dissector (tshark 4.0 on crafted frames; UI with P/F, S and other U frames stay LLC)
  const carries = ctrlLen === 2 ? (c0 & 1) === 0 : c0 === 3;
  if (p.cols) {
    if (snap) p.setInfo(func);
    else p.setInfo(`${func}; DSAP ${dname ?? hex2(dsap & 0xfe)} ${dsap & 1 ? 'Group' : 'Individual'}, SSAP ${sname ?? hex2(ssap & 0xfe)} ${isResp ? 'Response' : 'Command'}`);
  }

  if (snap) {
    if (!p.need(hdrEnd, SNAP_LEN, end)) return end - off;
    const oui = (b[hdrEnd]! << 16) | (b[hdrEnd + 1]! << 8) | b[hdrEnd + 2]!;
    const pid = p.dv.getUint16(hdrEnd + 3);
    if (p.cols) {
      p.setInfo(`${func}; SNAP, OUI 0x${oui.toString(16).toUpperCase().padStart(6, '0')} (${OUI_INFO_NAMES.get(oui) ?? 'Unknown'}), PID 0x${pid.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    const oi = t.addNum(top, hf.oui, hdrEnd, 3, oui);
    if (oi >= 0 && full) {
      const o = `${hex2(b[hdrEnd]!).slice(2)}:${hex2(b[hdrEnd + 1]!).slice(2)}:${hex2(b[hdrEnd + 2]!).slice(2)}`;
      const n = OUI_NAMES.get(oui);
      // tshark's label for 00:00:00 stops after "but" (its name text is cut there): copy that.
      t.setLabel(oi, `Organization Code: ${o}${n === undefined ? '' : oui === 0 ? ` (${n}` : ` (${n})`}`);
    }
    hdrEnd += SNAP_LEN;
    t.setEnd(top, hdrEnd);
    if (!carries) {
      callData(p, hdrEnd, end, parent);
      return end - off;
    }
    if (oui === OUI_ENCAP_ETHER || oui === OUI_CISCO_90) {
      t.addNum(top, hf.type, hdrEnd - 2, 2, pid);
      const n = ethertypeTable.dissect(pid, p, hdrEnd, end, parent);
      if (n === 0 && !p.stopped) callData(p, hdrEnd, end, parent);
      return end - off;
    }
    if (oui === OUI_CISCO) {
      t.addNum(top, hf.cisco_pid, hdrEnd - 2, 2, pid);
      const n = llcCiscoPidTable.dissect(pid, p, hdrEnd, end, parent);
      if (n === 0 && !p.stopped) callData(p, hdrEnd, end, parent);
      return end - off;
    }
    t.addNum(top, hf.pid, hdrEnd - 2, 2, pid);
    callData(p, hdrEnd, end, parent);
    return end - off;
  }
  if (hdrEnd < end && !carries) callData(p, hdrEnd, end, parent);
  else if (hdrEnd < end) {
    const n = llcSapTable.dissect(dsap, p, hdrEnd, end, parent);
    if (n === 0 && !p.stopped) callData(p, hdrEnd, end, parent);
  }
  return end - off;
}

export const llcHandle = registerHandle('llc', dissectLlc);
