// pfcp: Packet Forwarding Control Protocol (3GPP TS 29.244) on UDP port 8805: the header (flags,
// message type, length, optional SEID, sequence number) and each top-level IE as type/length/value.
// Fields, labels and Info as tshark 4.0 shows them from the outside; IE contents beyond type and
// length are shown as bytes (tshark decodes each of its ~300 IE types).
//
//    Bits  8   7   6   5   4   3   2   1
//  Oct 1 | Version  |Spare|Spare| FO | MP | S |
//  Oct 2 |           Message Type            |
//  Oct 3-4          Message Length
//  (S=1) Oct 5-12   SEID
//  Oct m..m+2       Sequence Number
//  Oct m+3          Spare (MP=1: Message Priority in the high nibble)
//  IEs: Type (2) | Length (2) | value

import { FT, Base, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';

export const proto_pfcp = registerProtocol('pfcp', 'Packet Forwarding Control Protocol', 'PFCP');

const VALS_MSG_TYPE = vals({
  0: 'Reserved', 1: 'PFCP Heartbeat Request', 2: 'PFCP Heartbeat Response', 3: 'PFCP PFD Management Request',
  4: 'PFCP PFD Management Response', 5: 'PFCP Association Setup Request', 6: 'PFCP Association Setup Response',
  7: 'PFCP Association Update Request', 8: 'PFCP Association Update Response', 9: 'PFCP Association Release Request',
  10: 'PFCP Association Release Response', 11: 'PFCP Version Not Supported Response', 12: 'PFCP Node Report Request',
  13: 'PFCP Node Report Response', 14: 'PFCP Session Set Deletion Request', 15: 'PFCP Session Set Deletion Response',
  16: 'PFCP Session Set Modification Request', 17: 'PFCP Session Set Modification Response',
  50: 'PFCP Session Establishment Request', 51: 'PFCP Session Establishment Response',
  52: 'PFCP Session Modification Request', 53: 'PFCP Session Modification Response',
  54: 'PFCP Session Deletion Request', 55: 'PFCP Session Deletion Response', 56: 'PFCP Session Report Request',
  57: 'PFCP Session Report Response',
});

const VALS_IE_TYPE = vals({
  0: 'Reserved', 1: 'Create PDR', 2: 'PDI', 3: 'Create FAR', 4: 'Forwarding Parameters',
  5: 'Duplicating Parameters', 6: 'Create URR', 7: 'Create QER', 8: 'Created PDR', 9: 'Update PDR', 10: 'Update FAR',
  11: 'Update Forwarding Parameters', 12: 'Update BAR (PFCP Session Report Response)', 13: 'Update URR',
  14: 'Update QER', 15: 'Remove PDR', 16: 'Remove FAR', 17: 'Remove URR', 18: 'Remove QER', 19: 'Cause',
  20: 'Source Interface', 21: 'F-TEID', 22: 'Network Instance', 23: 'SDF Filter', 24: 'Application ID',
  25: 'Gate Status', 26: 'MBR', 27: 'GBR', 28: 'QER Correlation ID', 29: 'Precedence', 30: 'Transport Level Marking',
  31: 'Volume Threshold', 32: 'Time Threshold', 33: 'Monitoring Time', 34: 'Subsequent Volume Threshold',
  35: 'Subsequent Time Threshold', 36: 'Inactivity Detection Time', 37: 'Reporting Triggers',
  38: 'Redirect Information', 39: 'Report Type', 40: 'Offending IE', 41: 'Forwarding Policy',
  42: 'Destination Interface', 43: 'UP Function Features', 44: 'Apply Action',
  45: 'Downlink Data Service Information', 46: 'Downlink Data Notification Delay', 47: 'DL Buffering Duration',
  48: 'DL Buffering Suggested Packet Count', 49: 'PFCPSMReq-Flags', 50: 'PFCPSRRsp-Flags',
  51: 'Load Control Information', 52: 'Sequence Number', 53: 'Metric', 54: 'Overload Control Information',
  55: 'Timer', 56: 'PDR ID', 57: 'F-SEID', 58: "Application ID's PFDs", 59: 'PFD context', 60: 'Node ID',
  61: 'PFD contents', 62: 'Measurement Method', 63: 'Usage Report Trigger', 64: 'Measurement Period', 65: 'FQ-CSID',
  66: 'Volume Measurement', 67: 'Duration Measurement', 68: 'Application Detection Information',
  69: 'Time of First Packet', 70: 'Time of Last Packet', 71: 'Quota Holding Time',
  72: 'Dropped DL Traffic Threshold', 73: 'Volume Quota', 74: 'Time Quota', 75: 'Start Time', 76: 'End Time',
  77: 'Query URR', 78: 'Usage Report (Session Modification Response)',
  79: 'Usage Report (Session Deletion Response)', 80: 'Usage Report (Session Report Request)', 81: 'URR ID',
  82: 'Linked URR ID', 83: 'Downlink Data Report', 84: 'Outer Header Creation', 85: 'Create BAR',
  86: 'Update BAR (Session Modification Request)', 87: 'Remove BAR', 88: 'BAR ID', 89: 'CP Function Features',
  90: 'Usage Information', 91: 'Application Instance ID', 92: 'Flow Information', 93: 'UE IP Address',
  94: 'Packet Rate', 95: 'Outer Header Removal', 96: 'Recovery Time Stamp', 97: 'DL Flow Level Marking',
  98: 'Header Enrichment', 99: 'Error Indication Report', 100: 'Measurement Information', 101: 'Node Report Type',
  102: 'User Plane Path Failure Report', 103: 'Remote GTP-U Peer', 104: 'UR-SEQN',
  105: 'Update Duplicating Parameters', 106: 'Activate Predefined Rules', 107: 'Deactivate Predefined Rules',
  108: 'FAR ID', 109: 'QER ID', 110: 'OCI Flags', 111: 'PFCP Association Release Request',
  112: 'Graceful Release Period', 113: 'PDN Type', 114: 'Failed Rule ID', 115: 'Time Quota Mechanism',
  116: 'User Plane IP Resource Information (removed in Rel 16.3)', 117: 'User Plane Inactivity Timer',
  118: 'Aggregated URRs', 119: 'Multiplier', 120: 'Aggregated URR ID IE', 121: 'Subsequent Volume Quota',
  122: 'Subsequent Time Quota', 123: 'RQI', 124: 'QFI', 125: 'Query URR Reference',
  126: 'Additional Usage Reports Information', 127: 'Create Traffic Endpoint', 128: 'Created Traffic Endpoint',
  129: 'Update Traffic Endpoint', 130: 'Remove Traffic Endpoint', 131: 'Traffic Endpoint ID',
  132: 'Ethernet Packet Filter', 133: 'MAC address', 134: 'C-TAG', 135: 'S-TAG', 136: 'Ethertype', 137: 'Proxying',
  138: 'Ethernet Filter ID', 139: 'Ethernet Filter Properties', 140: 'Suggested Buffering Packets Count',
  141: 'User ID', 142: 'Ethernet PDU Session Information', 143: 'Ethernet Traffic Information',
  144: 'MAC Addresses Detected', 145: 'MAC Addresses Removed', 146: 'Ethernet Inactivity Timer',
  147: 'Additional Monitoring Time', 148: 'Event Quota', 149: 'Event Threshold', 150: 'Subsequent Event Quota',
  151: 'Subsequent Event Threshold', 152: 'Trace Information', 153: 'Framed-Route', 154: 'Framed-Routing',
  155: 'Framed-IPv6-Route', 156: 'Time Stamp', 157: 'Averaging Window', 158: 'Paging Policy Indicator',
  159: 'APN/DNN', 160: '3GPP Interface Type', 161: 'PFCPSRReq-Flags', 162: 'PFCPAUReq-Flags', 163: 'Activation Time',
  164: 'Deactivation Time', 165: 'Create MAR', 166: 'Access Forwarding Action Information 1',
  167: 'Access Forwarding Action Information 2', 168: 'Remove MAR', 169: 'Update MAR',
  175: 'Update Access Forwarding Action Information 1', 176: 'Update Access Forwarding Action Information 2',
  177: 'UE IP address Pool Identity', 178: 'Alternative SMF IP Address',
  179: 'Packet Replication and Detection Carry-On Information', 180: 'SMF Set ID', 181: 'Quota Validity Time',
  182: 'Number of Reports', 183: 'PFCP Session Retention Information (within PFCP Association Setup Request)',
  184: 'PFCPASRsp-Flags', 185: 'CP PFCP Entity IP Address', 186: 'PFCPSEReq-Flags',
  187: 'User Plane Path Recovery Report',
  188: 'IP Multicast Addressing Info within PFCP Session Establishment Request',
  189: 'Join IP Multicast Information IE within Usage Report',
  190: 'Leave IP Multicast Information IE within Usage Report', 191: 'IP Multicast Address',
  192: 'Source IP Address', 193: 'Packet Rate Status', 194: 'Create Bridge Info for TSC',
  195: 'Created Bridge Info for TSC', 196: 'DS-TT Port Number', 197: 'NW-TT Port Number', 198: '5GS User Plane Node',
  199: 'TSC Management Information IE within PFCP Session Modification Request',
  200: 'Port Management Information for TSC IE within PFCP Session Modification Response',
  201: 'Port Management Information for TSC IE within PFCP Session Report Request',
  202: 'Port Management Information Container', 203: 'Clock Drift Control Information',
  204: 'Requested Clock Drift Information', 205: 'Clock Drift Report', 206: 'Time Domain Number',
  207: 'Time Offset Threshold', 208: 'Cumulative rateRatio Threshold', 209: 'Time Offset Measurement',
  210: 'Cumulative rateRatio Measurement', 211: 'Remove SRR', 212: 'Create SRR', 213: 'Update SRR',
  214: 'Session Report', 215: 'SRR ID', 216: 'Access Availability Control Information',
  217: 'Requested Access Availability Information', 218: 'Access Availability Report',
  219: 'Access Availability Information', 220: 'Provide ATSSS Control Information', 221: 'ATSSS Control Parameters',
  222: 'MPTCP Control Information', 223: 'ATSSS-LL Control Information', 224: 'PMF Control Information',
  225: 'MPTCP Parameters', 226: 'ATSSS-LL Parameters', 227: 'PMF Parameters', 228: 'MPTCP Address Information',
  229: 'UE Link-Specific IP Address', 230: 'PMF Address Information', 231: 'ATSSS-LL Information',
  232: 'Data Network Access Identifier', 233: 'UE IP address Pool Information', 234: 'Average Packet Delay',
  235: 'Minimum Packet Delay', 236: 'Maximum Packet Delay', 237: 'QoS Report Trigger',
  238: 'GTP-U Path QoS Control Information', 239: 'GTP-U Path QoS Report (PFCP Node Report Request)',
  240: 'QoS Information in GTP-U Path QoS Report', 241: 'GTP-U Path Interface Type',
  242: 'QoS Monitoring per QoS flow Control Information', 243: 'Requested QoS Monitoring',
  244: 'Reporting Frequency', 245: 'Packet Delay Thresholds', 246: 'Minimum Wait Time', 247: 'QoS Monitoring Report',
  248: 'QoS Monitoring Measurement', 249: 'MT-EDT Control Information', 250: 'DL Data Packets Size',
  251: 'QER Control Indications', 252: 'Packet Rate Status Report IE within PFCP Session Deletion Response',
  253: 'NF Instance ID', 255: 'Redundant Transmission Detection Parameters IE in PDI', 256: 'Updated PDR',
  257: 'S-NSSAI', 258: 'IP version', 259: 'PFCPASReq-Flags', 260: 'Data Status',
  261: 'Provide RDS Configuration Information IE within PFCP Session Establishment Request',
  262: 'RDS Configuration Information', 263: 'Query Packet Rate Status IE within PFCP Session Modification Request',
  264: 'Query Packet Rate Status Report IE within PFCP Session Modification Response',
  265: 'MPTCP Applicable Indication', 266: 'User Plane NodeManagement Information Container',
  267: 'UE IP Address Usage Information', 268: 'Number of UE IP Addresses', 269: 'Validity Timer',
  270: 'Redundant Transmission Forwarding Parameters', 271: 'Transport Delay Reporting',
  272: 'Partial Failure Information',
  273: 'Partial Failure Information within PFCP Session Modification Response (Removed in Rel 17.2.0)',
  274: 'Offending IE Information', 275: 'RAT Type', 276: 'L2TP Tunnel Information',
  277: 'L2TP Session Information within PFCP Session Establishment Request', 278: 'L2TP User Authentication',
  279: 'L2TP Session Information within PFCP Session Establishment Response', 280: 'LNS Address',
  281: 'Tunnel Preference', 282: 'Calling Number', 283: 'Called Number', 284: 'L2TP Session Indications',
  285: 'DNS Server Address', 286: 'NBNS Server Address', 287: 'Maximum Receive Unit', 288: 'Thresholds',
  289: 'Steering Mode Indicator', 290: 'PFCP Session Change Info', 291: 'Group ID', 292: 'CP IP Address',
  293: 'IP Address and Port Number Replacement', 294: 'DNS Query Filter', 295: 'Direct Reporting Information',
  296: 'Event Notification URI', 297: 'Notification Correlation ID', 298: 'Reporting Flags',
  299: 'Predefined Rules Name', 300: 'MBS Session N4mb Control Information', 301: 'MBS Multicast Parameters',
  302: 'Add MBS Unicast Parameters IE in Create FAR', 303: 'MBS Session N4mb Information',
  304: 'Remove MBS Unicast Parameters IE in Update FAR', 305: 'MBS Session Identifier',
  306: 'Multicast Transport Information', 307: 'MBSN4mbReq Flags', 308: 'Local Ingress Tunnel',
  309: 'MBS Unicast Parameters ID',
  310: 'MBS Session N4 Control Information IE within PFCP Session Establishment Request',
  311: 'MBS Session N4 Control Information IE within PFCP Session Establishment Response', 312: 'MBSN4Resp-Flags',
  313: 'Tunnel Password', 314: 'Area Sesson ID', 315: 'Peer UP Restart Report IE within PFCP Node Report Request',
  316: 'DSCP to PPI Control Information IE within PFCP Session Establishment Request',
  317: 'DSCP to PPI Mapping Information', 318: 'PFCPSDRsp-Flags', 319: 'QER Indications',
  320: 'Vendor-Specific Node Report Type',
});

const hf = {
  flags: f('pfcp.flags', 'Flags', FT.UINT8, { base: Base.HEX }),
  version: f('pfcp.version', 'Version', FT.UINT8, { mask: 0xe0 }),
  spare_b4: f('pfcp.spare_b4', 'Spare', FT.UINT8, { mask: 0x10 }),
  spare_b3: f('pfcp.spare_b3', 'Spare', FT.UINT8, { mask: 0x08 }),
  fo_flag: f('pfcp.fo_flag', 'Follow On (FO)', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['True', 'False'] }),
  mp_flag: f('pfcp.mp_flag', 'Message Priority (MP)', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['True', 'False'] }),
  s: f('pfcp.s', 'SEID (S)', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['True', 'False'] }),
  msg_type: f('pfcp.msg_type', 'Message Type', FT.UINT8, { vals: VALS_MSG_TYPE }),
  length: f('pfcp.length', 'Length', FT.UINT8),
  seid: f('pfcp.seid', 'SEID', FT.UINT64, { base: Base.HEX }),
  seqno: f('pfcp.seqno', 'Sequence Number', FT.UINT24),
  mp: f('pfcp.mp', 'Message Priority', FT.UINT24, { mask: 0xf0 }),
  spare: f('pfcp.spare', 'Spare', FT.UINT8),
  ie_type: f('pfcp.ie_type', 'IE Type', FT.UINT16, { vals: VALS_IE_TYPE }),
  ie_len: f('pfcp.ie_len', 'IE Length', FT.UINT16),
  ie_data: f('pfcp.ie_data', 'Data', FT.BYTES),
};

const FLAGS = 0;
const MSG_TYPE = 1;
const LENGTH = 2;
const SEID = 4;
const HEADER_LEN = 4;
const IE_HEADER_LEN = 4;
const F_FO = 0x4;
const F_MP = 0x2;
const F_S = 0x1;

/** IEs from `off` to `end` under `parent` (grouped IEs are not opened). */
function dissectIes(p: Packet, off: number, end: number, parent: number): void {
  const t = p.tree;
  const dv = p.dv;
  while (off < end) {
    if (!p.need(off, IE_HEADER_LEN, end)) return;
    const type = dv.getUint16(off);
    const len = dv.getUint16(off + 2);
    const name = VALS_IE_TYPE.get(type) ?? 'Unknown';
    const ii = t.addText(parent, off, IE_HEADER_LEN + len, `${name} : `);
    t.addNum(ii, hf.ie_type, off, 2, type);
    t.addNum(ii, hf.ie_len, off + 2, 2, len);
    if (!p.need(off + IE_HEADER_LEN, len, end)) return;
    if (len > 0) t.addBytes(ii, hf.ie_data, off + IE_HEADER_LEN, len);
    off += IE_HEADER_LEN + len;
  }
}

function dissectPfcp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'PFCP';
  p.clearInfo();
  const top = p.addProto(parent, proto_pfcp, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const fl = b[off + FLAGS]!;
  const fi = t.addNum(top, hf.flags, off + FLAGS, 1, fl);
  if (fi >= 0 && p.tree.full) {
    let s = '';
    if (fl & F_FO) s += ', Follow On (FO)';
    if (fl & F_MP) s += ', Message Priority (MP)';
    if (fl & F_S) s += ', SEID (S)';
    if (s) t.appendLabel(fi, s);
  }
  t.addNum(fi, hf.version, off + FLAGS, 1, fl);
  t.addNum(fi, hf.spare_b4, off + FLAGS, 1, fl);
  t.addNum(fi, hf.spare_b3, off + FLAGS, 1, fl);
  t.addNum(fi, hf.fo_flag, off + FLAGS, 1, fl);
  t.addNum(fi, hf.mp_flag, off + FLAGS, 1, fl);
  t.addNum(fi, hf.s, off + FLAGS, 1, fl);
  const mt = b[off + MSG_TYPE]!;
  t.addNum(top, hf.msg_type, off + MSG_TYPE, 1, mt);
  if (p.cols) p.setInfo(VALS_MSG_TYPE.get(mt) ?? `Unknown PFCP message type (${mt})`);
  const len = dv.getUint16(off + LENGTH);
  t.addNum(top, hf.length, off + LENGTH, 2, len);
  let o = off + HEADER_LEN;
  if (fl & F_S) {
    if (!p.need(o, 8, end)) return end - off;
    t.addBig(top, hf.seid, o, 8, dv.getBigUint64(o));
    o += 8;
  }
  if (!p.need(o, 4, end)) return end - off;
  t.addNum(top, hf.seqno, o, 3, (dv.getUint16(o) << 8) | b[o + 2]!);
  if (fl & F_MP) t.addNum(top, hf.mp, o + 3, 1, b[o + 3]!);
  else t.addNum(top, hf.spare, o + 3, 1, b[o + 3]!);
  o += 4;
  const msgEnd = Math.min(end, off + HEADER_LEN + len);
  dissectIes(p, o, msgEnd, top);
  return end - off;
}

export const pfcpHandle = registerHandle('pfcp', dissectPfcp);
udpPortTable.add(8805, pfcpHandle);
