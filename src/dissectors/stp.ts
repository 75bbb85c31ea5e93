// stp: Spanning Tree Protocol BPDUs (IEEE 802.1D STP, 802.1w RSTP, 802.1s MSTP common part) over
// LLC SAP 0x42, and Cisco PVST+ over SNAP (OUI 00:00:0c, PID 0x010b) with its TLVs.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     Protocol Identifier       |    Version    |   BPDU Type   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     Flags     |   Root Identifier (priority/ext 2, MAC 6) ... |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  ... Root Identifier          |       Root Path Cost ...      |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | ... Cost      |   Bridge Identifier (8) ...                   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | ...                                           | Port Id ...   |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | ... | Message Age (1/256 s)   |   Max Age     | Hello Time    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | Forward Delay | Version 1 Len (RST/MST only)
// +-+-+-+-+-+-+-+-+-+-+-+-+
//
// A Topology Change Notification is the first 4 bytes only. PVST+ appends TLVs
// (type 2, length 2, value); type 0 carries the originating VLAN.
// GARP (GVRP/GMRP, protocol identifier 0x0001) shares SAP 0x42 and is handed to its dissector.

import { FT, Base, f, registerProtocol, vals, TFS_YES } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, findHandle } from '../core/table.js';
import { formatMac } from '../core/format.js';
import { llcSapTable, llcCiscoPidTable } from './llc.js';
import { callData } from './data.js';
import { expertInfo, Group, Severity } from '../core/expert.js';

const PROTOCOL = 0;
const VERSION = 2;
const TYPE = 3;
const FLAGS = 4;
const ROOT_ID = 5;
const ROOT_COST = 13;
const BRIDGE_ID = 17;
const PORT = 25;
const MSG_AGE = 27;
const MAX_AGE = 29;
const HELLO = 31;
const FWD_DELAY = 33;
const VERSION_1_LENGTH = 35;
const CONF_LEN = 35;
const RST_LEN = 36;
const TCN_LEN = 4;

const BPDU_CONF = 0x00;
const BPDU_RST = 0x02;
const BPDU_TCN = 0x80;
const GARP_PROTOCOL_ID = 0x0001;

const SAP_BPDU = 0x42;
const CISCO_PID_PVST = 0x010b;

export const proto_stp = registerProtocol('stp', 'Spanning Tree Protocol', 'STP');

const ei_version_support = expertInfo('bpdu.version_support', Group.PROTOCOL, Severity.WARN, 'This version of Wireshark only knows about versions 0, 2, 3 & 4');
const ei_type_unknown = expertInfo('stp.type.unknown', Group.PROTOCOL, Severity.WARN, 'Unknown BPDU type data');

const PORT_ROLE_NAMES = vals({ 1: 'Alternate or Backup', 2: 'Root', 3: 'Designated' });

const hf = {
  protocol: f('stp.protocol', 'Protocol Identifier', FT.UINT16, { base: Base.HEX, vals: vals({ 0: 'Spanning Tree Protocol' }) }),
  version: f('stp.version', 'Protocol Version Identifier', FT.UINT8, { vals: vals({ 0: 'Spanning Tree', 2: 'Rapid Spanning Tree', 3: 'Multiple Spanning Tree', 4: 'Shortest Path Tree' }) }),
  type: f('stp.type', 'BPDU Type', FT.UINT8, { base: Base.HEX, vals: vals({ 0: 'Configuration', 2: 'Rapid/Multiple Spanning Tree', 0x80: 'Topology Change Notification' }) }),
  flags: f('stp.flags', 'BPDU flags', FT.UINT8, { base: Base.HEX }),
  tcack: f('stp.flags.tcack', 'Topology Change Acknowledgment', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: TFS_YES }),
  agreement: f('stp.flags.agreement', 'Agreement', FT.BOOLEAN, { boolBits: 8, mask: 0x40, tfs: TFS_YES }),
  forwarding: f('stp.flags.forwarding', 'Forwarding', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: TFS_YES }),
  learning: f('stp.flags.learning', 'Learning', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: TFS_YES }),
  port_role: f('stp.flags.port_role', 'Port Role', FT.UINT8, { mask: 0x0c, vals: PORT_ROLE_NAMES }),
  proposal: f('stp.flags.proposal', 'Proposal', FT.BOOLEAN, { boolBits: 8, mask: 0x02, tfs: TFS_YES }),
  tc: f('stp.flags.tc', 'Topology Change', FT.BOOLEAN, { boolBits: 8, mask: 0x01, tfs: TFS_YES }),
  root_prio: f('stp.root.prio', 'Root Bridge Priority', FT.UINT16),
  root_ext: f('stp.root.ext', 'Root Bridge System ID Extension', FT.UINT16),
  root_hw: f('stp.root.hw', 'Root Bridge System ID', FT.ETHER),
  root_cost: f('stp.root.cost', 'Root Path Cost', FT.UINT32),
  bridge_prio: f('stp.bridge.prio', 'Bridge Priority', FT.UINT16),
  bridge_ext: f('stp.bridge.ext', 'Bridge System ID Extension', FT.UINT16),
  bridge_hw: f('stp.bridge.hw', 'Bridge System ID', FT.ETHER),
  port: f('stp.port', 'Port identifier', FT.UINT16, { base: Base.HEX }),
  msg_age: f('stp.msg_age', 'Message Age', FT.DOUBLE),
  max_age: f('stp.max_age', 'Max Age', FT.DOUBLE),
  hello: f('stp.hello', 'Hello Time', FT.DOUBLE),
  forward: f('stp.forward', 'Forward Delay', FT.DOUBLE),
  version_1_length: f('stp.version_1_length', 'Version 1 Length', FT.UINT8),
  pvst_tlvtype: f('stp.pvst.tlvtype', 'Type', FT.UINT16, { base: Base.HEX, vals: vals({ 0: 'Originating VLAN' }) }),
  pvst_tlvlen: f('stp.pvst.tlvlen', 'Length', FT.UINT16),
  pvst_origvlan: f('stp.pvst.origvlan', 'Originating VLAN', FT.UINT16),
  pvst_tlvval: f('stp.pvst.tlvval', 'Value', FT.BYTES),
};

/** Adds "Root Identifier: prio / ext / mac" with its three parts; returns the text `prio/ext/mac`. */
function addBridgeId(p: Packet, top: number, off: number, title: string, prio: number, ext: number, hw: number): string {
  const t = p.tree;
  const w = p.dv.getUint16(off);
  const mac = formatMac(p.buf, off + 2);
  const it = t.addText(top, off, 8, `${title}: ${w & 0xf000} / ${w & 0x0fff} / ${mac}`);
  t.addNum(it, prio, off, 2, w & 0xf000);
  t.addNum(it, ext, off, 2, w & 0x0fff);
  t.addBytes(it, hw, off + 2, 6);
  return `${w & 0xf000}/${w & 0x0fff}/${mac}`;
}

function dissectBpdu(p: Packet, off: number, end: number, parent: number, pvst: boolean): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  if (end - off >= 2 && dv.getUint16(off + PROTOCOL) === GARP_PROTOCOL_ID && !pvst) {
    // GARP shares the BPDU SAP: tshark lists stp as a layer and hands the PDU over.
    p.addLayer(proto_stp);
    const h = findHandle('gvrp');
    if (h) return p.call(h, off, end, parent);
  }
  p.proto = 'STP';
  p.curProto = 'STP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_stp, off, end);
  if (!p.need(off, TCN_LEN, end)) return end - off;
  const version = b[off + VERSION]!;
  const type = b[off + TYPE]!;
  t.addNum(top, hf.protocol, off + PROTOCOL, 2, dv.getUint16(off + PROTOCOL));
  const vi = t.addNum(top, hf.version, off + VERSION, 1, version);
  if (version === 1 || version > 4) p.addExpert(vi, ei_version_support, off + VERSION, 1);
  const ti = t.addNum(top, hf.type, off + TYPE, 1, type);
  if (type !== BPDU_CONF && type !== BPDU_RST && type !== BPDU_TCN) {
    // tshark 4.0: a warning, and nothing more is read
    p.addExpert(ti, ei_type_unknown, off + TYPE, 1);
    if (p.cols) p.setInfo(`Unknown BPDU type (${type})`);
    return end - off;
  }
  if (type === BPDU_TCN) {
    if (top >= 0) t.setEnd(top, off + TCN_LEN);
    if (p.cols) p.setInfo('Topology Change Notification');
    return end - off;
  }
  const rst = type === BPDU_RST;
  const len = rst ? RST_LEN : CONF_LEN;
  if (!p.need(off, len, end)) return end - off;
  const fl = b[off + FLAGS]!;
  const fi = t.addNum(top, hf.flags, off + FLAGS, 1, fl);
  if (fi >= 0 && t.full) {
    const parts: string[] = [];
    if (fl & 0x80) parts.push('Topology Change Acknowledgment');
    if (rst) {
      if (fl & 0x40) parts.push('Agreement');
      if (fl & 0x20) parts.push('Forwarding');
      if (fl & 0x10) parts.push('Learning');
      const role = (fl & 0x0c) >> 2;
      if (role) parts.push(`Port Role: ${PORT_ROLE_NAMES.get(role)!}`);
      if (fl & 0x02) parts.push('Proposal');
    }
    if (fl & 0x01) parts.push('Topology Change');
    for (const s of parts) t.appendLabel(fi, `, ${s}`);
  }
  t.addNum(fi, hf.tcack, off + FLAGS, 1, fl);
  if (rst) {
    t.addNum(fi, hf.agreement, off + FLAGS, 1, fl);
    t.addNum(fi, hf.forwarding, off + FLAGS, 1, fl);
    t.addNum(fi, hf.learning, off + FLAGS, 1, fl);
    t.addNum(fi, hf.port_role, off + FLAGS, 1, fl);
    t.addNum(fi, hf.proposal, off + FLAGS, 1, fl);
  }
  t.addNum(fi, hf.tc, off + FLAGS, 1, fl);
  const root = addBridgeId(p, top, off + ROOT_ID, 'Root Identifier', hf.root_prio, hf.root_ext, hf.root_hw);
  const cost = dv.getUint32(off + ROOT_COST);
  t.addNum(top, hf.root_cost, off + ROOT_COST, 4, cost);
  addBridgeId(p, top, off + BRIDGE_ID, 'Bridge Identifier', hf.bridge_prio, hf.bridge_ext, hf.bridge_hw);
  const port = dv.getUint16(off + PORT);
  t.addNum(top, hf.port, off + PORT, 2, port);
  t.addNum(top, hf.msg_age, off + MSG_AGE, 2, dv.getUint16(off + MSG_AGE) / 256);
  t.addNum(top, hf.max_age, off + MAX_AGE, 2, dv.getUint16(off + MAX_AGE) / 256);
  t.addNum(top, hf.hello, off + HELLO, 2, dv.getUint16(off + HELLO) / 256);
  t.addNum(top, hf.forward, off + FWD_DELAY, 2, dv.getUint16(off + FWD_DELAY) / 256);
  if (rst) t.addNum(top, hf.version_1_length, off + VERSION_1_LENGTH, 1, b[off + VERSION_1_LENGTH]!);
  if (p.cols) {
    const kind = type === BPDU_CONF ? 'Conf.' : version === 3 ? 'MST.' : 'RST.';
    const tc = fl & 0x01 ? ' TC +' : '';
    p.setInfo(`${kind}${tc} Root = ${root}  Cost = ${cost}  Port = 0x${port.toString(16).padStart(4, '0')}`);
  }
  let o = off + len;
  if (pvst) {
    // PVST+ TLVs up to the end of the frame (stop at a TLV that does not fit).
    while (o + 4 <= end && o + 4 <= p.capEnd) {
      const tt = dv.getUint16(o);
      const tl = dv.getUint16(o + 2);
      if (o + 4 + tl > end || o + 4 + tl > p.capEnd) break;
      const orig = tt === 0 && tl === 2;
      const ti = t.addText(top, o, 4 + tl, orig ? `Originating VLAN (PVID): ${dv.getUint16(o + 4)}` : `Unknown TLV (0x${tt.toString(16).padStart(4, '0')})`);
      t.addNum(ti, hf.pvst_tlvtype, o, 2, tt);
      t.addNum(ti, hf.pvst_tlvlen, o + 2, 2, tl);
      if (orig) t.addNum(ti, hf.pvst_origvlan, o + 4, 2, dv.getUint16(o + 4));
      else if (tl) t.addBytes(ti, hf.pvst_tlvval, o + 4, tl);
      o += 4 + tl;
    }
  }
  if (top >= 0) t.setEnd(top, o);
  return o - off;
}

function dissectStp(p: Packet, off: number, end: number, parent: number): number {
  return dissectBpdu(p, off, end, parent, false);
}

function dissectPvst(p: Packet, off: number, end: number, parent: number): number {
  return dissectBpdu(p, off, end, parent, true);
}

export const stpHandle = registerHandle('stp', dissectStp);
export const pvstHandle = registerHandle('pvst', dissectPvst);
llcSapTable.add(SAP_BPDU, stpHandle);
llcCiscoPidTable.add(CISCO_PID_PVST, pvstHandle);
