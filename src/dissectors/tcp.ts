// tcp: Transmission Control Protocol (RFC 9293), over IPv4 and IPv6.
//
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |          Source Port          |       Destination Port        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                        Sequence Number                        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                    Acknowledgment Number                      |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |  Data |Res  |A|C|E|U|A|P|R|S|F|                               |
// | Offset|     |E|W|C|R|C|S|S|Y|I|            Window             |
// |       |     | |R|E|G|K|H|T|N|N|                               |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |           Checksum            |         Urgent Pointer        |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                    Options                    |    Padding    |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Per-capture state lives in TcpStream objects (p.session): stream numbering as tshark does it (a
// SYN whose ISN differs from the direction's base starts a new stream on the same ports), relative
// sequence numbers, window scaling from the handshake, conversation completeness, per-stream times.
// tcp.analysis.* comes from src/analysis (tcp-glue.ts). Reassembly of application PDUs over
// segments (p.desegment, see the contract in core/packet.ts) is driven by desegmentPayload() below
// with the engine of src/analysis/tcp-reassembly.ts; each frame's outcome is kept for revisits.

import { FT, Base, f, fields, registerProtocol, vals, type ValueNames } from '../core/field.js';
import type { Packet, TextSink } from '../core/packet.js';
import { PType } from '../core/packet.js';
import { registerHandle, Table, HeurList } from '../core/table.js';
import { expertInfo, Group, Severity, type ExpertInfo } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { ROOT, SKIP, wantFold, wantTest } from '../core/tree.js';
import { ipProtoTable } from './ipproto.js';
import { CHECKSUM_STATUS_NAMES, CkStatus, u16At, u32At, inIcmpError, needq, ConvMap, addExpertItem, frameKey, FrameMap, capLen, dissectByPorts } from './inet-util.js';
import { TcpDirReassembly, TcpReassemblyBudget, RA, NEED_UNTIL_FIN, segmentsLabel } from '../analysis/tcp-reassembly.js';
import { POW2, TA } from '../analysis/tcp-analysis.js';
import { analysisItems, analyzeTcp, addTcpAnalysisTree, registerTcpStateFields, tcpAnalysisInfo, TcpAnalysisSnapshot, TcpConn } from '../analysis/tcp-glue.js';
import { TcpFrameStore } from './tcp-frames.js';

// Fixed header layout.
const SRC_PORT = 0;
const DST_PORT = 2;
const SEQ = 4;
const ACK = 8;
const OFF_FLAGS = 12;
const WINDOW = 14;
const CHECKSUM = 16;
const URGENT = 18;
const HEADER_LEN = URGENT + 2;

const TH_FIN = 0x001;
const TH_SYN = 0x002;
const TH_RST = 0x004;
const TH_PUSH = 0x008;
const TH_ACK = 0x010;
const TH_URG = 0x020;
const TH_ECE = 0x040;
const TH_CWR = 0x080;
const TH_AE = 0x100;
const TH_RES = 0xe00;

export const proto_tcp = registerProtocol('tcp', 'Transmission Control Protocol', 'TCP');

const OPTION_KIND_NAMES: ValueNames = vals({
  0: 'End of Option List', 1: 'No-Operation', 2: 'Maximum Segment Size', 3: 'Window Scale', 4: 'SACK Permitted', 5: 'SACK',
  6: 'Echo', 7: 'Echo Reply', 8: 'Time Stamp Option', 9: 'Partial Order Connection Permitted', 10: 'Partial Order Service Profile',
  11: 'CC', 12: 'CC.NEW', 13: 'CC.ECHO', 14: 'TCP Alternate Checksum Request', 15: 'TCP Alternate Checksum Data', 16: 'Skeeter',
  17: 'Bubba', 18: 'Trailer Checksum Option', 19: 'MD5 Signature Option', 20: 'SCPS Capabilities',
  21: 'Selective Negative Acknowledgements', 22: 'Record Boundaries', 23: 'Corruption experienced', 24: 'SNAP', 25: 'Unassigned',
  26: 'TCP Compression Filter', 27: 'Quick-Start Response', 28: 'User Timeout Option', 29: 'The TCP Authentication Option',
  30: 'Multipath TCP', 34: 'TCP Fast Open Cookie', 76: 'Riverbed Probe', 78: 'Riverbed Transparency', 172: 'Accurate ECN Order 0',
  174: 'Accurate ECN Order 1', 253: 'RFC3692-style Experiment 1', 254: 'RFC3692-style Experiment 2',
});
const EXID_NAMES: ValueNames = vals({
  0xac: 'TCP ACK Rate Request', 0x348: 'Host ID', 0xa0d: 'Autonomous System Compensation', 0xca0: 'Capability Option',
  0xed0: 'Extended Data Offset', 0x454e: 'Encryption Negotiation', 0x5323: 'Service Number', 0x75ec: 'Timestamp Interval',
  0xacc0: 'Accurate ECN - Order 0', 0xacc1: 'Accurate ECN - Order 1', 0xacce: 'Accurate ECN',
  0xe2d4: 'Shared Memory communications over RMDA protocol', 0xf989: 'Fast Open', 0xf990: 'Low Latency',
});
const MPTCP_SUBTYPE_NAMES: ValueNames = vals({
  0: 'Multipath Capable', 1: 'Join Connection', 2: 'Data Sequence Signal', 3: 'Add Address', 4: 'Remove Address',
  5: 'Change Subflow Priority', 6: 'TCP Fallback', 7: 'Fast Close', 8: 'TCP Reset',
});

// Every tcp field tshark registers (names, types, bases, masks as `tshark -G fields` lists them).
const hf = {
  srcport: f('tcp.srcport', 'Source Port', FT.UINT16, { base: Base.PT_TCP }),
  dstport: f('tcp.dstport', 'Destination Port', FT.UINT16, { base: Base.PT_TCP }),
  port: f('tcp.port', 'Source or Destination Port', FT.UINT16, { base: Base.PT_TCP }),
  stream: f('tcp.stream', 'Stream index', FT.UINT32),
  completeness: f('tcp.completeness', 'Conversation completeness', FT.UINT8, { blurb: 'The completeness of the conversation capture' }),
  seq: f('tcp.seq', 'Sequence Number', FT.UINT32),
  seq_raw: f('tcp.seq_raw', 'Sequence Number (raw)', FT.UINT32, { blurb: 'This shows the raw value of the sequence number' }),
  nxtseq: f('tcp.nxtseq', 'Next Sequence Number', FT.UINT32),
  ack: f('tcp.ack', 'Acknowledgment Number', FT.UINT32),
  ack_raw: f('tcp.ack_raw', 'Acknowledgment number (raw)', FT.UINT32, { blurb: 'This shows the raw value of the acknowledgment number' }),
  hdr_len: f('tcp.hdr_len', 'Header Length', FT.UINT8, { blurb: 'Data offset in 32-bit words' }),
  flags: f('tcp.flags', 'Flags', FT.UINT16, { base: Base.HEX, mask: 0xfff, blurb: 'Flags (12 bits)' }),
  flags_res: f('tcp.flags.res', 'Reserved', FT.BOOLEAN, { boolBits: 12, mask: 0xe00, blurb: 'Three reserved bits (must be zero)' }),
  flags_ae: f('tcp.flags.ae', 'Accurate ECN', FT.BOOLEAN, { boolBits: 12, mask: 0x100 }),
  flags_cwr: f('tcp.flags.cwr', 'Congestion Window Reduced', FT.BOOLEAN, { boolBits: 12, mask: 0x80 }),
  flags_ece: f('tcp.flags.ece', 'ECN-Echo', FT.BOOLEAN, { boolBits: 12, mask: 0x40 }),
  flags_ace: f('tcp.flags.ace', 'ACE', FT.UINT8),
  flags_urg: f('tcp.flags.urg', 'Urgent', FT.BOOLEAN, { boolBits: 12, mask: 0x20 }),
  flags_ack: f('tcp.flags.ack', 'Acknowledgment', FT.BOOLEAN, { boolBits: 12, mask: 0x10 }),
  flags_push: f('tcp.flags.push', 'Push', FT.BOOLEAN, { boolBits: 12, mask: 0x8 }),
  flags_reset: f('tcp.flags.reset', 'Reset', FT.BOOLEAN, { boolBits: 12, mask: 0x4 }),
  flags_syn: f('tcp.flags.syn', 'Syn', FT.BOOLEAN, { boolBits: 12, mask: 0x2 }),
  flags_fin: f('tcp.flags.fin', 'Fin', FT.BOOLEAN, { boolBits: 12, mask: 0x1 }),
  flags_str: f('tcp.flags.str', 'TCP Flags', FT.STRING),
  window_size_value: f('tcp.window_size_value', 'Window', FT.UINT16, { blurb: 'The window size value from the TCP header' }),
  window_size: f('tcp.window_size', 'Calculated window size', FT.UINT32, { blurb: 'The scaled window size (if scaling has been used)' }),
  window_size_scalefactor: f('tcp.window_size_scalefactor', 'Window size scaling factor', FT.INT32, { blurb: 'The window size scaling factor (-1 when unknown, -2 when no scaling is used)' }),
  checksum: f('tcp.checksum', 'Checksum', FT.UINT16, { base: Base.HEX, blurb: 'Details at: https://www.wireshark.org/docs/wsug_html_chunked/ChAdvChecksums.html' }),
  checksum_status: f('tcp.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  checksum_calculated: f('tcp.checksum_calculated', 'Calculated Checksum', FT.UINT16, { base: Base.HEX, blurb: 'The expected TCP checksum field as calculated from the TCP segment' }),
  analysis: f('tcp.analysis', 'SEQ/ACK analysis', FT.NONE, { blurb: 'This frame has some of the TCP analysis shown' }),
  analysis_flags: f('tcp.analysis.flags', 'TCP Analysis Flags', FT.NONE, { blurb: 'This frame has some of the TCP analysis flags set' }),
  analysis_duplicate_ack: f('tcp.analysis.duplicate_ack', 'Duplicate ACK', FT.NONE, { blurb: 'This is a duplicate ACK' }),
  analysis_duplicate_ack_num: f('tcp.analysis.duplicate_ack_num', 'Duplicate ACK #', FT.UINT32, { blurb: 'This is duplicate ACK number #' }),
  analysis_duplicate_ack_frame: f('tcp.analysis.duplicate_ack_frame', 'Duplicate to the ACK in frame', FT.FRAMENUM, { blurb: 'This is a duplicate to the ACK in frame #' }),
  continuation_to: f('tcp.continuation_to', 'This is a continuation to the PDU in frame', FT.FRAMENUM, { blurb: 'This is a continuation to the PDU in frame #' }),
  len: f('tcp.len', 'TCP Segment Len', FT.UINT32),
  analysis_acks_frame: f('tcp.analysis.acks_frame', 'This is an ACK to the segment in frame', FT.FRAMENUM, { blurb: 'Which previous segment is this an ACK for' }),
  analysis_bytes_in_flight: f('tcp.analysis.bytes_in_flight', 'Bytes in flight', FT.UINT32, { blurb: 'How many bytes are now in flight for this connection' }),
  analysis_push_bytes_sent: f('tcp.analysis.push_bytes_sent', 'Bytes sent since last PSH flag', FT.UINT32, { blurb: 'How many bytes have been sent since the last PSH flag' }),
  analysis_ack_rtt: f('tcp.analysis.ack_rtt', 'The RTT to ACK the segment was', FT.RELATIVE_TIME, { blurb: 'How long time it took to ACK the segment (RTT)' }),
  analysis_initial_rtt: f('tcp.analysis.initial_rtt', 'iRTT', FT.RELATIVE_TIME, { blurb: 'How long it took for the SYN to ACK handshake (iRTT)' }),
  analysis_rto: f('tcp.analysis.rto', 'The RTO for this segment was', FT.RELATIVE_TIME, { blurb: 'How long transmission was delayed before this segment was retransmitted (RTO)' }),
  analysis_rto_frame: f('tcp.analysis.rto_frame', 'RTO based on delta from frame', FT.FRAMENUM, { blurb: 'This is the frame we measure the RTO from' }),
  urgent_pointer: f('tcp.urgent_pointer', 'Urgent Pointer', FT.UINT16),
  segment_overlap: f('tcp.segment.overlap', 'Segment overlap', FT.BOOLEAN, { blurb: 'Segment overlaps with other segments' }),
  segment_overlap_conflict: f('tcp.segment.overlap.conflict', 'Conflicting data in segment overlap', FT.BOOLEAN, { blurb: 'Overlapping segments contained conflicting data' }),
  segment_multipletails: f('tcp.segment.multipletails', 'Multiple tail segments found', FT.BOOLEAN, { blurb: 'Several tails were found when reassembling the pdu' }),
  segment_toolongfragment: f('tcp.segment.toolongfragment', 'Segment too long', FT.BOOLEAN, { blurb: 'Segment contained data past end of the pdu' }),
  segment_error: f('tcp.segment.error', 'Reassembling error', FT.FRAMENUM, { blurb: 'Reassembling error due to illegal segments' }),
  segment_count: f('tcp.segment.count', 'Segment count', FT.UINT32),
  segment: f('tcp.segment', 'TCP Segment', FT.FRAMENUM),
  segments: f('tcp.segments', 'Reassembled TCP Segments', FT.NONE, { blurb: 'TCP Segments' }),
  reassembled_in: f('tcp.reassembled_in', 'Reassembled PDU in frame', FT.FRAMENUM, { blurb: 'The PDU that doesn\'t end in this segment is reassembled in this frame' }),
  reassembled_length: f('tcp.reassembled.length', 'Reassembled TCP length', FT.UINT32, { blurb: 'The total length of the reassembled payload' }),
  reassembled_data: f('tcp.reassembled.data', 'Reassembled TCP Data', FT.BYTES, { blurb: 'The reassembled payload' }),
  option_kind: f('tcp.option_kind', 'Kind', FT.UINT8, { vals: OPTION_KIND_NAMES, blurb: 'This TCP option\'s kind' }),
  option_len: f('tcp.option_len', 'Length', FT.UINT8, { blurb: 'Length of this TCP option in bytes (including kind and length fields)' }),
  options: f('tcp.options', 'TCP Options', FT.BYTES),
  options_mss_val: f('tcp.options.mss_val', 'MSS Value', FT.UINT16),
  options_wscale_shift: f('tcp.options.wscale.shift', 'Shift count', FT.UINT8, { blurb: 'Logarithmically encoded power of 2 scale factor' }),
  options_wscale_multiplier: f('tcp.options.wscale.multiplier', 'Multiplier', FT.UINT16, { blurb: 'Multiply segment window size by this for scaled window size' }),
  options_experimental_data: f('tcp.options.experimental.data', 'Data', FT.BYTES),
  options_experimental_exid: f('tcp.options.experimental.exid', 'Experiment Identifier', FT.UINT16, { base: Base.HEX, vals: EXID_NAMES }),
  options_unknown_payload: f('tcp.options.unknown.payload', 'Payload', FT.BYTES),
  options_sack_le: f('tcp.options.sack_le', 'TCP SACK Left Edge', FT.UINT32),
  options_sack_re: f('tcp.options.sack_re', 'TCP SACK Right Edge', FT.UINT32),
  options_sack_count: f('tcp.options.sack.count', 'TCP SACK Count', FT.UINT8),
  options_sack_dsack_le: f('tcp.options.sack.dsack_le', 'TCP D-SACK Left Edge', FT.UINT32, { blurb: 'Duplicate SACK Left Edge' }),
  options_sack_dsack_re: f('tcp.options.sack.dsack_re', 'TCP D-SACK Right Edge', FT.UINT32, { blurb: 'Duplicate SACK Right Edge' }),
  options_echo_value: f('tcp.options.echo_value', 'TCP Echo Option', FT.UINT32, { blurb: 'TCP Sack Echo' }),
  options_timestamp_tsval: f('tcp.options.timestamp.tsval', 'Timestamp value', FT.UINT32, { blurb: 'Value of sending machine\'s timestamp clock' }),
  options_timestamp_tsecr: f('tcp.options.timestamp.tsecr', 'Timestamp echo reply', FT.UINT32, { blurb: 'Echoed timestamp from remote machine' }),
  options_mptcp_subtype: f('tcp.options.mptcp.subtype', 'Multipath TCP subtype', FT.UINT8, { mask: 0xf0, vals: MPTCP_SUBTYPE_NAMES }),
  options_mptcp_version: f('tcp.options.mptcp.version', 'Multipath TCP version', FT.UINT8, { mask: 0xf }),
  options_mptcp_reserved: f('tcp.options.mptcp.reserved', 'Reserved', FT.UINT16, { base: Base.HEX, mask: 0xfff }),
  options_mptcp_flags: f('tcp.options.mptcp.flags', 'Multipath TCP flags', FT.UINT8, { base: Base.HEX }),
  options_mptcp_backup_flag: f('tcp.options.mptcp.backup.flag', 'Backup flag', FT.UINT8, { mask: 0x1 }),
  options_mptcp_checksumreq_flags: f('tcp.options.mptcp.checksumreq.flags', 'Checksum required', FT.UINT8, { mask: 0x80 }),
  options_mptcp_extensibility_flag: f('tcp.options.mptcp.extensibility.flag', 'Extensibility', FT.UINT8, { mask: 0x40 }),
  options_mptcp_nomoresubflows_flag: f('tcp.options.mptcp.nomoresubflows.flag', 'Do not attempt to establish new subflows to this address and port', FT.UINT8, { mask: 0x20 }),
  options_mptcp_sha1_flag: f('tcp.options.mptcp.sha1.flag', 'Use HMAC-SHA1', FT.UINT8, { mask: 0x1 }),
  options_mptcp_sha256_flag: f('tcp.options.mptcp.sha256.flag', 'Use HMAC-SHA256', FT.UINT8, { mask: 0x1 }),
  options_mptcp_datafin_flag: f('tcp.options.mptcp.datafin.flag', 'DATA_FIN', FT.UINT8, { mask: 0x10 }),
  options_mptcp_dseqn8_flag: f('tcp.options.mptcp.dseqn8.flag', 'Data Sequence Number is 8 octets', FT.UINT8, { mask: 0x8 }),
  options_mptcp_dseqnpresent_flag: f('tcp.options.mptcp.dseqnpresent.flag', 'Data Sequence Number, Subflow Sequence Number, Data-level Length, Checksum present', FT.UINT8, { mask: 0x4 }),
  options_mptcp_dataack8_flag: f('tcp.options.mptcp.dataack8.flag', 'Data ACK is 8 octets', FT.UINT8, { mask: 0x2 }),
  options_mptcp_dataackpresent_flag: f('tcp.options.mptcp.dataackpresent.flag', 'Data ACK is present', FT.UINT8, { mask: 0x1 }),
  options_mptcp_reserved_flag: f('tcp.options.mptcp.reserved.flag', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0x3e }),
  options_mptcp_flag_U_flag: f('tcp.options.mptcp.flag_U.flag', 'Flag U', FT.BOOLEAN, { boolBits: 4, mask: 0x8 }),
  options_mptcp_flag_V_flag: f('tcp.options.mptcp.flag_V.flag', 'Flag V', FT.BOOLEAN, { boolBits: 4, mask: 0x4 }),
  options_mptcp_flag_W_flag: f('tcp.options.mptcp.flag_W.flag', 'Flag W', FT.BOOLEAN, { boolBits: 4, mask: 0x2 }),
  options_mptcp_flag_T_flag: f('tcp.options.mptcp.flag_T.flag', 'Transient', FT.BOOLEAN, { boolBits: 4, mask: 0x1 }),
  options_mptcp_rst_reason: f('tcp.options.mptcp.rst_reason', 'TCPRST Reason', FT.UINT8, { base: Base.HEX, blurb: 'Multipath TCPRST Reason Code' }),
  options_mptcp_addrid: f('tcp.options.mptcp.addrid', 'Address ID', FT.UINT8),
  options_mptcp_sendkey: f('tcp.options.mptcp.sendkey', 'Sender\'s Key', FT.UINT64),
  options_mptcp_recvkey: f('tcp.options.mptcp.recvkey', 'Receiver\'s Key', FT.UINT64),
  options_mptcp_recvtok: f('tcp.options.mptcp.recvtok', 'Receiver\'s Token', FT.UINT32),
  options_mptcp_sendrand: f('tcp.options.mptcp.sendrand', 'Sender\'s Random Number', FT.UINT32),
  options_mptcp_sendtrunchmac: f('tcp.options.mptcp.sendtrunchmac', 'Sender\'s Truncated HMAC', FT.UINT64),
  options_mptcp_sendhmac: f('tcp.options.mptcp.sendhmac', 'Sender\'s HMAC', FT.BYTES),
  options_mptcp_addaddrtrunchmac: f('tcp.options.mptcp.addaddrtrunchmac', 'Truncated HMAC', FT.UINT64),
  options_mptcp_rawdataack: f('tcp.options.mptcp.rawdataack', 'Original MPTCP Data ACK', FT.UINT64),
  options_mptcp_rawdataseqno: f('tcp.options.mptcp.rawdataseqno', 'Data Sequence Number', FT.UINT64),
  options_mptcp_subflowseqno: f('tcp.options.mptcp.subflowseqno', 'Subflow Sequence Number', FT.UINT32),
  options_mptcp_datalvllen: f('tcp.options.mptcp.datalvllen', 'Data-level Length', FT.UINT16),
  options_mptcp_checksum: f('tcp.options.mptcp.checksum', 'Checksum', FT.UINT16, { base: Base.HEX }),
  options_mptcp_ipver: f('tcp.options.mptcp.ipver', 'IP version', FT.UINT8, { mask: 0xf }),
  options_mptcp_echo: f('tcp.options.mptcp.echo', 'Echo', FT.UINT8, { mask: 0x1 }),
  options_mptcp_ipv4: f('tcp.options.mptcp.ipv4', 'Advertised IPv4 Address', FT.IPv4),
  options_mptcp_ipv6: f('tcp.options.mptcp.ipv6', 'Advertised IPv6 Address', FT.IPv6),
  options_mptcp_port: f('tcp.options.mptcp.port', 'Advertised port', FT.UINT16),
  options_cc_value: f('tcp.options.cc_value', 'TCP CC Option', FT.UINT32),
  options_md5_digest: f('tcp.options.md5.digest', 'MD5 digest', FT.BYTES),
  options_ao_keyid: f('tcp.options.ao.keyid', 'AO KeyID', FT.UINT8),
  options_ao_rnextkeyid: f('tcp.options.ao.rnextkeyid', 'AO RNextKeyID', FT.UINT8),
  options_ao_mac: f('tcp.options.ao.mac', 'AO MAC', FT.BYTES),
  options_qs_rate: f('tcp.options.qs.rate', 'QS Rate', FT.UINT8, { mask: 0xf }),
  options_qs_ttl_diff: f('tcp.options.qs.ttl_diff', 'QS Rate', FT.UINT8),
  options_tarr_rate: f('tcp.options.tarr.rate', 'TARR Rate', FT.UINT8, { mask: 0xfe }),
  options_tar_reserved: f('tcp.options.tar.reserved', 'TARR Reserved', FT.UINT8, { mask: 0x1 }),
  options_acc_ecn_ee0b: f('tcp.options.acc_ecn.ee0b', 'Accurate ECN Echo ECT(0) Byte Counter', FT.UINT24),
  options_acc_ecn_eceb: f('tcp.options.acc_ecn.eceb', 'Accurate ECN Echo CE Byte Counter', FT.UINT24),
  options_acc_ecn_ee1b: f('tcp.options.acc_ecn.ee1b', 'Accurate ECN Echo ECT(1) Byte Counter', FT.UINT24),
  options_scps_vector: f('tcp.options.scps.vector', 'TCP SCPS Capabilities Vector', FT.UINT8, { base: Base.HEX }),
  options_scps_binding_id: f('tcp.options.scps.binding.id', 'Binding Space (Community) ID', FT.UINT8, { blurb: 'TCP SCPS Extended Binding Space (Community) ID' }),
  options_scps_binding_len: f('tcp.options.scps.binding.len', 'Extended Capability Length', FT.UINT8, { blurb: 'TCP SCPS Extended Capability Length in bytes' }),
  options_snack_offset: f('tcp.options.snack.offset', 'TCP SNACK Offset', FT.UINT16),
  options_snack_size: f('tcp.options.snack.size', 'TCP SNACK Size', FT.UINT16),
  options_snack_le: f('tcp.options.snack.le', 'TCP SNACK Left Edge', FT.UINT16),
  options_snack_re: f('tcp.options.snack.re', 'TCP SNACK Right Edge', FT.UINT16),
  options_scpsflags_bets: f('tcp.options.scpsflags.bets', 'Partial Reliability Capable (BETS)', FT.BOOLEAN, { boolBits: 8, mask: 0x80 }),
  options_scpsflags_snack1: f('tcp.options.scpsflags.snack1', 'Short Form SNACK Capable (SNACK1)', FT.BOOLEAN, { boolBits: 8, mask: 0x40 }),
  options_scpsflags_snack2: f('tcp.options.scpsflags.snack2', 'Long Form SNACK Capable (SNACK2)', FT.BOOLEAN, { boolBits: 8, mask: 0x20 }),
  options_scpsflags_compress: f('tcp.options.scpsflags.compress', 'Lossless Header Compression (COMP)', FT.BOOLEAN, { boolBits: 8, mask: 0x10 }),
  options_scpsflags_nlts: f('tcp.options.scpsflags.nlts', 'Network Layer Timestamp (NLTS)', FT.BOOLEAN, { boolBits: 8, mask: 0x8 }),
  options_scpsflags_reserved: f('tcp.options.scpsflags.reserved', 'Reserved', FT.UINT8, { mask: 0x7 }),
  options_scps_binding: f('tcp.options.scps.binding', 'Connection ID', FT.UINT8, { blurb: 'TCP SCPS Connection ID' }),
  options_user_to_granularity: f('tcp.options.user_to_granularity', 'Granularity', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Minutes', 'Seconds'], blurb: 'TCP User Timeout Granularity' }),
  options_user_to_val: f('tcp.options.user_to_val', 'User Timeout', FT.UINT16, { mask: 0x7fff, blurb: 'TCP User Timeout Value' }),
  options_rvbd_probe_type1: f('tcp.options.rvbd.probe.type1', 'Type', FT.UINT8, { mask: 0xf0 }),
  options_rvbd_probe_type2: f('tcp.options.rvbd.probe.type2', 'Type', FT.UINT8, { mask: 0xfe }),
  options_rvbd_probe_version: f('tcp.options.rvbd.probe.version', 'Version', FT.UINT8, { mask: 0xf }),
  options_rvbd_probe_version_raw: f('tcp.options.rvbd.probe.version_raw', 'Version', FT.UINT8, { mask: 0x1, blurb: 'Version 2 Raw Value' }),
  options_rvbd_probe_prober: f('tcp.options.rvbd.probe.prober', 'CSH IP', FT.IPv4),
  options_rvbd_probe_proxy_ip: f('tcp.options.rvbd.probe.proxy.ip', 'SSH IP', FT.IPv4),
  options_rvbd_probe_proxy_port: f('tcp.options.rvbd.probe.proxy.port', 'SSH Port', FT.UINT16),
  options_rvbd_probe_appli_ver: f('tcp.options.rvbd.probe.appli_ver', 'Application Version', FT.UINT16),
  options_rvbd_probe_client_ip: f('tcp.options.rvbd.probe.client.ip', 'Client IP', FT.IPv4),
  options_rvbd_probe_storeid: f('tcp.options.rvbd.probe.storeid', 'CFE Store ID', FT.UINT32),
  options_rvbd_probe_flags: f('tcp.options.rvbd.probe.flags', 'Probe Flags', FT.UINT8, { base: Base.HEX }),
  options_rvbd_probe_flags_notcfe: f('tcp.options.rvbd.probe.flags.notcfe', 'Not CFE', FT.BOOLEAN, { boolBits: 8, mask: 0x4 }),
  options_rvbd_probe_flags_last: f('tcp.options.rvbd.probe.flags.last', 'Last Notify', FT.BOOLEAN, { boolBits: 8, mask: 0x1 }),
  options_rvbd_probe_flags_probe: f('tcp.options.rvbd.probe.flags.probe', 'Disable Probe Cache on CSH', FT.BOOLEAN, { boolBits: 8, mask: 0x10 }),
  options_rvbd_probe_flags_ssl: f('tcp.options.rvbd.probe.flags.ssl', 'SSL Enabled', FT.BOOLEAN, { boolBits: 8, mask: 0x2 }),
  options_rvbd_probe_flags_server: f('tcp.options.rvbd.probe.flags.server', 'SSH outer to server established', FT.BOOLEAN, { boolBits: 8, mask: 0x1 }),
  options_rvbd_trpy_flags: f('tcp.options.rvbd.trpy.flags', 'Transparency Options', FT.UINT16, { base: Base.HEX }),
  options_rvbd_trpy_flags_fw_rst_probe: f('tcp.options.rvbd.trpy.flags.fw_rst_probe', 'Enable FW traversal feature', FT.BOOLEAN, { boolBits: 16, mask: 0x400, blurb: 'Reset state created by probe on the nexthop firewall' }),
  options_rvbd_trpy_flags_fw_rst_inner: f('tcp.options.rvbd.trpy.flags.fw_rst_inner', 'Enable Inner FW feature on All FWs', FT.BOOLEAN, { boolBits: 16, mask: 0x200, blurb: 'Reset state created by transparent inner on all firewalls before passing connection through' }),
  options_rvbd_trpy_flags_fw_rst: f('tcp.options.rvbd.trpy.flags.fw_rst', 'Enable Transparency FW feature on All FWs', FT.BOOLEAN, { boolBits: 16, mask: 0x100, blurb: 'Reset state created by probe on all firewalls before establishing transparent inner connection' }),
  options_rvbd_trpy_flags_chksum: f('tcp.options.rvbd.trpy.flags.chksum', 'Reserved', FT.BOOLEAN, { boolBits: 16, mask: 0x4 }),
  options_rvbd_trpy_flags_oob: f('tcp.options.rvbd.trpy.flags.oob', 'Out of band connection', FT.BOOLEAN, { boolBits: 16, mask: 0x2 }),
  options_rvbd_trpy_flags_mode: f('tcp.options.rvbd.trpy.flags.mode', 'Transparency Mode', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Port Transparency', 'Full Transparency'] }),
  options_rvbd_trpy_src_ip: f('tcp.options.rvbd.trpy.src.ip', 'Src SH IP Addr', FT.IPv4),
  options_rvbd_trpy_dst_ip: f('tcp.options.rvbd.trpy.dst.ip', 'Dst SH IP Addr', FT.IPv4),
  options_rvbd_trpy_src_port: f('tcp.options.rvbd.trpy.src.port', 'Src SH Inner Port', FT.UINT16),
  options_rvbd_trpy_dst_port: f('tcp.options.rvbd.trpy.dst.port', 'Dst SH Inner Port', FT.UINT16),
  options_rvbd_trpy_client_port: f('tcp.options.rvbd.trpy.client.port', 'Out of band connection Client Port', FT.UINT16),
  options_tfo_request: f('tcp.options.tfo.request', 'Fast Open Cookie Request', FT.NONE),
  options_tfo_cookie: f('tcp.options.tfo.cookie', 'Fast Open Cookie', FT.BYTES),
  pdu_time: f('tcp.pdu.time', 'Time until the last segment of this PDU', FT.RELATIVE_TIME, { blurb: 'How long time has passed until the last frame of this PDU' }),
  pdu_size: f('tcp.pdu.size', 'PDU Size', FT.UINT32, { blurb: 'The size of this PDU' }),
  pdu_last_frame: f('tcp.pdu.last_frame', 'Last frame of this PDU', FT.FRAMENUM, { blurb: 'This is the last frame of the PDU starting in this segment' }),
  time_relative: f('tcp.time_relative', 'Time since first frame in this TCP stream', FT.RELATIVE_TIME, { blurb: 'Time relative to first frame in this TCP stream' }),
  time_delta: f('tcp.time_delta', 'Time since previous frame in this TCP stream', FT.RELATIVE_TIME, { blurb: 'Time delta from previous frame in this TCP stream' }),
  proc_srcuid: f('tcp.proc.srcuid', 'Source process user ID', FT.UINT32),
  proc_srcpid: f('tcp.proc.srcpid', 'Source process ID', FT.UINT32),
  proc_srcuname: f('tcp.proc.srcuname', 'Source process user name', FT.STRING),
  proc_srccmd: f('tcp.proc.srccmd', 'Source process name', FT.STRING, { blurb: 'Source process command name' }),
  proc_dstuid: f('tcp.proc.dstuid', 'Destination process user ID', FT.UINT32),
  proc_dstpid: f('tcp.proc.dstpid', 'Destination process ID', FT.UINT32),
  proc_dstuname: f('tcp.proc.dstuname', 'Destination process user name', FT.STRING),
  proc_dstcmd: f('tcp.proc.dstcmd', 'Destination process name', FT.STRING, { blurb: 'Destination process command name' }),
  segment_data: f('tcp.segment_data', 'TCP segment data', FT.BYTES, { blurb: 'A data segment used in reassembly of a lower-level protocol' }),
  payload: f('tcp.payload', 'TCP payload', FT.BYTES, { blurb: 'The TCP payload of this packet' }),
  options_scps_binding_data: f('tcp.options.scps.binding.data', 'Binding Space Data', FT.BYTES),
  options_rvbd_probe_reserved: f('tcp.options.rvbd.probe.reserved', 'Reserved', FT.UINT8, { base: Base.HEX }),
  fin_retransmission: f('tcp.fin_retransmission', 'Retransmission of FIN from frame', FT.FRAMENUM),
  reset_cause: f('tcp.reset_cause', 'Reset cause', FT.STRING),
  syncookie_time: f('tcp.syncookie.time', 'SYN Cookie Time', FT.UINT8),
  syncookie_mss: f('tcp.syncookie.mss', 'SYN Cookie Maximum Segment Size', FT.UINT8),
  syncookie_hash: f('tcp.syncookie.hash', 'SYN Cookie hash', FT.UINT24, { base: Base.HEX }),
  options_timestamp_tsval_syncookie_timestamp: f('tcp.options.timestamp.tsval.syncookie.timestamp', 'SYN Cookie Timestamp', FT.UINT32),
  options_timestamp_tsval_syncookie_ecn: f('tcp.options.timestamp.tsval.syncookie.ecn', 'SYN Cookie ECN', FT.BOOLEAN),
  options_timestamp_tsval_syncookie_sack: f('tcp.options.timestamp.tsval.syncookie.sack', 'SYN Cookie SACK', FT.BOOLEAN),
  options_timestamp_tsval_syncookie_wscale: f('tcp.options.timestamp.tsval.syncookie.wscale', 'SYN Cookie WScale', FT.UINT8),
  option_len_invalid: f('tcp.option.len.invalid', 'Invalid length for option', FT.NONE),
  analysis_retransmission: f('tcp.analysis.retransmission', 'This frame is a (suspected) retransmission', FT.NONE),
  analysis_fast_retransmission: f('tcp.analysis.fast_retransmission', 'This frame is a (suspected) fast retransmission', FT.NONE),
  analysis_spurious_retransmission: f('tcp.analysis.spurious_retransmission', 'This frame is a (suspected) spurious retransmission', FT.NONE),
  analysis_out_of_order: f('tcp.analysis.out_of_order', 'This frame is a (suspected) out-of-order segment', FT.NONE),
  analysis_reused_ports: f('tcp.analysis.reused_ports', 'A new tcp session is started with the same ports as an earlier session in this trace', FT.NONE),
  analysis_lost_segment: f('tcp.analysis.lost_segment', 'Previous segment(s) not captured (common at capture start)', FT.NONE),
  analysis_ack_lost_segment: f('tcp.analysis.ack_lost_segment', 'ACKed segment that wasn\'t captured (common at capture start)', FT.NONE),
  analysis_window_update: f('tcp.analysis.window_update', 'TCP window update', FT.NONE),
  analysis_window_full: f('tcp.analysis.window_full', 'TCP window specified by the receiver is now completely full', FT.NONE),
  analysis_keep_alive: f('tcp.analysis.keep_alive', 'TCP keep-alive segment', FT.NONE),
  analysis_keep_alive_ack: f('tcp.analysis.keep_alive_ack', 'ACK to a TCP keep-alive segment', FT.NONE),
  analysis_zero_window_probe: f('tcp.analysis.zero_window_probe', 'TCP Zero Window Probe', FT.NONE),
  analysis_zero_window: f('tcp.analysis.zero_window', 'TCP Zero Window segment', FT.NONE),
  analysis_zero_window_probe_ack: f('tcp.analysis.zero_window_probe_ack', 'ACK to a TCP Zero Window Probe', FT.NONE),
  analysis_tfo_syn: f('tcp.analysis.tfo_syn', 'TCP SYN with TFO Cookie', FT.NONE),
  analysis_tfo_ack: f('tcp.analysis.tfo_ack', 'TCP SYN-ACK accepting TFO data', FT.NONE),
  analysis_tfo_ignored: f('tcp.analysis.tfo_ignored', 'TCP SYN-ACK ignoring TFO data', FT.NONE),
  connection_fin_active: f('tcp.connection.fin_active', 'This frame initiates the connection closing', FT.NONE),
  connection_fin_passive: f('tcp.connection.fin_passive', 'This frame undergoes the connection closing', FT.NONE),
  options_sack_dsack: f('tcp.options.sack.dsack', 'D-SACK Sequence', FT.NONE),
  options_snack_sequence: f('tcp.options.snack.sequence', 'SNACK Sequence', FT.NONE),
  options_wscale_shift_invalid: f('tcp.options.wscale.shift.invalid', 'Window scale shift exceeds 14', FT.NONE),
  options_mss_absent: f('tcp.options.mss.absent', 'The SYN packet does not contain a MSS option', FT.NONE),
  options_mss_present: f('tcp.options.mss.present', 'The non-SYN packet does contain a MSS option', FT.NONE),
  short_segment: f('tcp.short_segment', 'Short segment', FT.NONE),
  ack_nonzero: f('tcp.ack.nonzero', 'The acknowledgment number field is nonzero while the ACK flag is not set', FT.NONE),
  connection_synack: f('tcp.connection.synack', 'Connection establish acknowledge (SYN+ACK)', FT.NONE),
  connection_syn: f('tcp.connection.syn', 'Connection establish request (SYN)', FT.NONE),
  connection_fin: f('tcp.connection.fin', 'Connection finish (FIN)', FT.NONE),
  connection_rst: f('tcp.connection.rst', 'Connection reset (RST)', FT.NONE),
  checksum_ffff: f('tcp.checksum.ffff', 'TCP Checksum 0xffff instead of 0x0000 (see RFC 1624)', FT.NONE),
  checksum_bad_expert: f('tcp.checksum_bad.expert', 'Bad checksum', FT.NONE),
  urgent_pointer_non_zero: f('tcp.urgent_pointer.non_zero', 'The urgent pointer field is nonzero while the URG flag is not set', FT.NONE),
  suboption_malformed: f('tcp.suboption_malformed', 'suboption would go past end of option', FT.NONE),
  nop: f('tcp.nop', '4 NOP in a row - a router may have removed some options', FT.NONE),
  non_zero_bytes_after_eol: f('tcp.non_zero_bytes_after_eol', 'Non zero bytes in option space after EOL option', FT.NONE),
  bogus_header_length: f('tcp.bogus_header_length', 'Bogus TCP Header length', FT.NONE),
  mptcp_connection_echoed_key_mismatch: f('mptcp.connection.echoed_key_mismatch', 'The echoed key in the ACK of the MPTCP handshake does not match the key of the SYN/ACK', FT.NONE),
  mptcp_connection_missing_algorithm: f('mptcp.connection.missing_algorithm', 'No crypto algorithm specified', FT.NONE),
  mptcp_connection_unsupported_algorithm: f('mptcp.connection.unsupported_algorithm', 'Unsupported algorithm', FT.NONE),
  mptcp_dss_infinite_mapping: f('mptcp.dss.infinite_mapping', 'Fallback to infinite mapping', FT.NONE),
  mptcp_dss_missing_mapping: f('mptcp.dss.missing_mapping', 'No mapping available', FT.NONE),

};

// Option pseudo-protocols: tshark registers each option as a protocol (tcp.options.mss …).
const opt = {
  nop: registerProtocol('tcp.options.nop', 'TCP Option - No-Operation (NOP)', 'No-Operation (NOP)'),
  eol: registerProtocol('tcp.options.eol', 'TCP Option - End of Option List (EOL)', 'End of Option List (EOL)'),
  timestamp: registerProtocol('tcp.options.timestamp', 'TCP Option - Timestamps', 'Timestamps'),
  mss: registerProtocol('tcp.options.mss', 'TCP Option - Maximum segment size', 'Maximum segment size'),
  wscale: registerProtocol('tcp.options.wscale', 'TCP Option - Window scale', 'Window scale'),
  sack_perm: registerProtocol('tcp.options.sack_perm', 'TCP Option - SACK permitted', 'SACK permitted'),
  sack: registerProtocol('tcp.options.sack', 'TCP Option - SACK', 'SACK'),
  echo: registerProtocol('tcp.options.echo', 'TCP Option - Echo', 'Echo'),
  echoreply: registerProtocol('tcp.options.echoreply', 'TCP Option - Echo reply', 'Echo reply'),
  cc: registerProtocol('tcp.options.cc', 'TCP Option - CC', 'CC'),
  ccnew: registerProtocol('tcp.options.ccnew', 'TCP Option - CC.NEW', 'CC.NEW'),
  ccecho: registerProtocol('tcp.options.ccecho', 'TCP Option - CC.ECHO', 'CC.ECHO'),
  ao: registerProtocol('tcp.options.ao', 'TCP Option - TCP AO', 'TCP AO'),
  md5: registerProtocol('tcp.options.md5', 'TCP Option - TCP MD5 signature', 'TCP MD5 signature'),
  scps: registerProtocol('tcp.options.scps', 'TCP Option - SCPS capabilities', 'SCPS capabilities'),
  snack: registerProtocol('tcp.options.snack', 'TCP Option - Selective Negative Acknowledgment', 'Selective Negative Acknowledgment'),
  scpsrec: registerProtocol('tcp.options.scpsrec', 'TCP Option - SCPS record boundary', 'SCPS record boundary'),
  scpscor: registerProtocol('tcp.options.scpscor', 'TCP Option - SCPS corruption experienced', 'SCPS corruption experienced'),
  qs: registerProtocol('tcp.options.qs', 'TCP Option - Quick-Start', 'Quick-Start'),
  user_to: registerProtocol('tcp.options.user_to', 'TCP Option - User Timeout', 'User Timeout'),
  tfo: registerProtocol('tcp.options.tfo', 'TCP Option - TCP Fast Open', 'TCP Fast Open'),
  acc_ecn: registerProtocol('tcp.options.acc_ecn', 'TCP Option - Accurate ECN', 'Accurate ECN'),
  rvbd_probe: registerProtocol('tcp.options.rvbd.probe', 'TCP Option - Riverbed Probe', 'Riverbed Probe'),
  rvbd_trpy: registerProtocol('tcp.options.rvbd.trpy', 'TCP Option - Riverbed Transparency', 'Riverbed Transparency'),
  experimental: registerProtocol('tcp.options.experimental', 'TCP Option - Experimental', 'Experimental'),
  unknown: registerProtocol('tcp.options.unknown', 'TCP Option - Unknown', 'Unknown'),
};
const proto_mptcp = registerProtocol('mptcp', 'Multipath Transmission Control Protocol', 'MPTCP');
registerProtocol('tcp', 'Transmission Control Protocol', 'TCP');

const ei = {
  connection_syn: expertInfo('tcp.connection.syn', Group.SEQUENCE, Severity.CHAT, 'Connection establish request (SYN)'),
  connection_synack: expertInfo('tcp.connection.synack', Group.SEQUENCE, Severity.CHAT, 'Connection establish acknowledge (SYN+ACK)'),
  connection_fin: expertInfo('tcp.connection.fin', Group.SEQUENCE, Severity.CHAT, 'Connection finish (FIN)'),
  connection_rst: expertInfo('tcp.connection.rst', Group.SEQUENCE, Severity.WARN, 'Connection reset (RST)'),
  fin_active: expertInfo('tcp.connection.fin_active', Group.SEQUENCE, Severity.NOTE, 'This frame initiates the connection closing'),
  fin_passive: expertInfo('tcp.connection.fin_passive', Group.SEQUENCE, Severity.NOTE, 'This frame undergoes the connection closing'),
  ack_nonzero: expertInfo('tcp.ack.nonzero', Group.PROTOCOL, Severity.NOTE, 'The acknowledgment number field is nonzero while the ACK flag is not set'),
  urgent_nonzero: expertInfo('tcp.urgent_pointer.non_zero', Group.PROTOCOL, Severity.NOTE, 'The urgent pointer field is nonzero while the URG flag is not set'),
  mss_absent: expertInfo('tcp.options.mss.absent', Group.PROTOCOL, Severity.NOTE, 'The SYN packet does not contain a MSS option'),
  mss_present: expertInfo('tcp.options.mss.present', Group.PROTOCOL, Severity.WARN, 'The non-SYN packet does contain a MSS option'),
  wscale_invalid: expertInfo('tcp.options.wscale.shift.invalid', Group.PROTOCOL, Severity.WARN, 'Window scale shift exceeds 14'),
  dsack: expertInfo('tcp.options.sack.dsack', Group.SEQUENCE, Severity.WARN, 'D-SACK Sequence'),
  nop: expertInfo('tcp.nop', Group.PROTOCOL, Severity.WARN, '4 NOP in a row - a router may have removed some options'),
  non_zero_after_eol: expertInfo('tcp.non_zero_bytes_after_eol', Group.PROTOCOL, Severity.ERROR, 'Non zero bytes in option space after EOL option'),
  option_len_invalid: expertInfo('tcp.option.len.invalid', Group.SEQUENCE, Severity.NOTE, 'Invalid length for option'),
  short_segment: expertInfo('tcp.short_segment', Group.MALFORMED, Severity.WARN, 'Short segment'),
  bogus_header_length: expertInfo('tcp.bogus_header_length', Group.PROTOCOL, Severity.ERROR, 'Bogus TCP Header length'),
  checksum_ffff: expertInfo('tcp.checksum.ffff', Group.CHECKSUM, Severity.ERROR, 'TCP Checksum 0xffff instead of 0x0000 (see RFC 1624)'),
  checksum_bad: expertInfo('tcp.checksum_bad.expert', Group.CHECKSUM, Severity.ERROR, 'Bad checksum'),
  suboption_malformed: expertInfo('tcp.suboption_malformed', Group.MALFORMED, Severity.ERROR, 'suboption would go past end of option'),
};

// tcp.state.* (wirelens' connection state machine, src/analysis/tcp-state.ts) under tcp
registerTcpStateFields(proto_tcp);

/** tcp.port → dissector, for the application-protocol dissectors (http 80, tls 443 …). */
export const tcpPortTable = new Table('tcp.port', 'TCP port');
/** Heuristic dissectors tried on TCP payloads no port claimed. */
export const tcpHeuristics = new HeurList('tcp');

// ---- per-capture state ----

/** One direction of a TCP stream. */
export class TcpDir {
  /** sequence number that is relative 0 (the ISN, or first seq - 1); -1 = not known yet */
  base = -1;
  /** window shift from the handshake: ≥ 0, -1 unknown, -2 no scaling used */
  scale = -1;
  /** a FIN was sent in this direction */
  fin = false;
  /** PDU reassembly (created when a dissector first asks for more bytes) */
  ra: TcpDirReassembly | undefined = undefined;
  /** raw sequence number after the last payload byte seen (first pass); -1 = none yet */
  maxNext = -1;
  /**
   * plans of the frames whose bytes the pending PDU holds (reassembledIn is set when it completes);
   * kept only when frames are revisited (only revisits show tcp.reassembled_in): a bulk body's
   * thousands of plans otherwise outlived the young generation (created with the first one)
   */
  waiting: DesegPlan[] | undefined = undefined;
  /** raw sequence range [pduStart, pduEnd) of the last PDU reassembled from several segments */
  pduStart = 0;
  pduEnd = 0;

  /** Keeps a plan of the pending PDU (runs that revisit frames). */
  wait(plan: DesegPlan): void {
    (this.waiting ??= []).push(plan);
  }

  /** The pending PDU's plans: completed in `frame` (0: abandoned), forgotten. */
  settle(frame: number): void {
    const w = this.waiting;
    if (w === undefined || w.length === 0) return;
    if (frame !== 0) for (const x of w) x.reassembledIn = frame;
    w.length = 0;
  }
}

/**
 * What the first pass did with one segment's payload, replayed on revisits (offsets relative to
 * the payload's start). A revisit shows what tshark's second pass shows: a frame whose bytes start
 * a PDU completed later is "[TCP segment of a reassembled PDU]" with tcp.reassembled_in.
 */
interface DesegPlan {
  /** the payload repeats bytes already seen (retransmission): shown as TCP data only */
  old: boolean;
  /** PDU completed by this frame (dissected as "Reassembled TCP (N bytes)") and its segments */
  pdu: Uint8Array | undefined;
  frames: readonly number[];
  /** where frame bytes were handed to the dissector (-1: not at all) */
  callOff: number;
  /** where this frame's bytes of a still pending PDU start (-1: none) */
  heldAt: number;
  /** bytes of this frame in a reassembled PDU (tcp.segment_data) */
  segData: number;
  /** frame that completed the PDU holding [heldAt, end) (0: not yet / never) */
  reassembledIn: number;
}

/** One TCP connection (both directions). */
export class TcpStream {
  readonly index: number;
  /** endpoint of direction 0 (the first packet's source) and of direction 1 */
  readonly a4: number;
  readonly a6: string;
  readonly aPort: number;
  readonly b4: number;
  readonly b6: string;
  readonly bPort: number;
  /** the endpoints are IPv6 addresses (a6, b6), else IPv4 (a4, b4), as ConvMap keys them */
  readonly six: boolean;
  readonly dirs: [TcpDir, TcpDir] = [new TcpDir(), new TcpDir()];
  /** tcp.completeness bits: 1 SYN, 2 SYN-ACK, 4 ACK, 8 DATA, 16 FIN, 32 RST */
  completeness = 0;
  /** segments seen (first pass); a bare ACK counts for completeness only after the first */
  packets = 0;
  /** direction of the first FIN (-1 none yet) */
  finDir = -1;
  readonly firstSec: number;
  readonly firstNsec: number;
  prevSec: number;
  prevNsec: number;
  /** tcp.analysis and tcp.state of the connection (from its first analyzed segment on) */
  conn: TcpConn | undefined = undefined;
  constructor(index: number, p: Packet, sport: number, dport: number) {
    this.index = index;
    this.a4 = p.src4;
    this.a6 = p.src6;
    this.aPort = sport;
    this.b4 = p.dst4;
    this.b6 = p.dst6;
    this.bPort = dport;
    this.six = p.netType === 6;
    this.firstSec = this.prevSec = p.tsSec;
    this.firstNsec = this.prevNsec = p.tsNsec;
  }
  /** 0 when the current packet goes from endpoint a, else 1 */
  dirOf(p: Packet, sport: number): 0 | 1 {
    const same = p.netType === 6 ? p.src6 === this.a6 : p.src4 === this.a4;
    return same && sport === this.aPort ? 0 : 1;
  }
  /** Is the current packet of this conversation (the same endpoints, either way)? */
  holds(p: Packet, sport: number, dport: number): boolean {
    if (this.six) {
      return p.netType === 6 && ((sport === this.aPort && dport === this.bPort && p.src6 === this.a6 && p.dst6 === this.b6)
        || (sport === this.bPort && dport === this.aPort && p.src6 === this.b6 && p.dst6 === this.a6));
    }
    return p.netType !== 6 && ((sport === this.aPort && dport === this.bPort && p.src4 === this.a4 && p.dst4 === this.b4)
      || (sport === this.bPort && dport === this.aPort && p.src4 === this.b4 && p.dst4 === this.a4));
  }
}

/**
 * What the first pass computed for one frame's TCP header (read back on revisits; tcp-frames.ts
 * stores each field: a new one goes there too).
 */
export interface TcpFrame {
  stream: TcpStream;
  completeness: number;
  seqBase: number;
  ackBase: number;
  /** window shift in effect for this segment (-1/-2 as TcpDir.scale) */
  scale: number;
  relSec: number; relNsec: number;
  deltaSec: number; deltaNsec: number;
  /** 0 none, 1 initiates closing, 2 undergoes closing */
  fin: number;
  /** this SYN started a new stream on ports an earlier stream used */
  reused: boolean;
  /** tcp.analysis and tcp.state of this segment (src/analysis), when analyzed */
  an: TcpAnalysisSnapshot | undefined;
}

function newFrame(): TcpFrame {
  return {
    stream: undefined as unknown as TcpStream, completeness: 0, seqBase: 0, ackBase: 0, scale: 0, fin: 0, reused: false,
    relSec: 0, relNsec: 0, deltaSec: 0, deltaNsec: 0, an: undefined,
  };
}

class TcpState {
  /** conversation key → its current (latest) stream */
  streams = new ConvMap<TcpStream>();
  next = 0;
  /** the stream `streams` holds for the conversation findStream last looked up (consecutive segments often share it) */
  last: TcpStream | undefined = undefined;
  /** findStream's second result: the stream it returned was started by port reuse */
  lastReused = false;
  /** frameKey(p) → facts of that TCP header (first pass), read back on revisits */
  frames = new TcpFrameStore(newFrame);
  /** frameKey(p) → the payload's reassembly outcome (first pass), read back on revisits */
  plans = new FrameMap<DesegPlan>();
  /** memory of all pending PDUs of the capture */
  budget = new TcpReassemblyBudget();
  /**
   * The frame facts and analysis snapshot of a run that keeps no per-frame state: one object each,
   * refilled per segment (read only while the segment's header is dissected, before its payload).
   */
  readonly scratch = newFrame();
  readonly scratchAn = new TcpAnalysisSnapshot();
  /** the payload plan of such a run (newPlan) */
  readonly scratchPlan: DesegPlan = { old: false, pdu: undefined, frames: NO_FRAMES, callOff: -1, heldAt: -1, segData: 0, reassembledIn: 0 };
}
const TCP_STATE = stateKey('tcp', () => new TcpState());

const COMPLETENESS_TEXT: Readonly<Record<number, string>> = { 1: 'Incomplete, SYN_SENT', 3: 'Incomplete, CLIENT_ESTABLISHED', 7: 'Incomplete, ESTABLISHED', 15: 'Incomplete, DATA' };

function completenessText(c: number): string {
  if ((c & 7) === 7 && (c & 48) !== 0) return c & 8 ? 'Complete, WITH_DATA' : 'Complete, NO_DATA';
  return COMPLETENESS_TEXT[c] ?? 'Incomplete';
}

const FLAG_NAMES: readonly [number, string][] = [
  [TH_FIN, 'FIN'], [TH_SYN, 'SYN'], [TH_RST, 'RST'], [TH_PUSH, 'PSH'], [TH_ACK, 'ACK'], [TH_URG, 'URG'],
  [TH_ECE, 'ECE'], [TH_CWR, 'CWR'], [TH_AE, 'AE'],
];

/**
 * `43210 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0 TSval=1 TSecr=2` from appendInfoLazy's numbers:
 * source port × 65536 + destination port, flags + urgent pointer × 4096 (shown when URG is set),
 * seq, ack, window, length, TSval, TSecr (-1 = absent).
 */
function segmentInfo(a: Float64Array, w: TextSink): void {
  const ports = a[0]!;
  const fu = a[1]!;
  const flags = fu & 0xfff;
  w.uint(ports >>> 16);
  w.textUint(' \u2192 ', ports & 0xffff);
  w.textUint(flagsSeq(flags), a[2]!);
  if (a[3]! >= 0) w.textUint(' Ack=', a[3]!);
  w.textUint(' Win=', a[4]!);
  if (flags & TH_URG) w.textUint(' Urg=', fu >>> 12);
  if (a[5]! >= 0) w.textUint(' Len=', a[5]!);
  if (a[6]! >= 0) { w.textUint(' TSval=', a[6]!); w.textUint(' TSecr=', a[7]!); }
}

/** Can a tree with this want hold any tcp.* item (the full tree, or a want naming one)? */
const tcpItems = wantTest((id) => {
  const a = fields[id]?.abbrev;
  return a === undefined || a === 'tcp' || a.startsWith('tcp.');
}, true);

/** Groups of the fixed header's items (a bit set: dissectTcp asks for a group's items only when one can be built). */
const enum HG { PORTS = 1, STREAM = 2, LEN = 4, SEQ = 8, ACK = 16, HDR_LEN = 32, FLAGS = 64, WINDOW = 128, CHECKSUM = 256, URGENT = 512, ALL = 1023 }
const HEADER_GROUPS: readonly (readonly [number, HG])[] = [
  [hf.srcport, HG.PORTS], [hf.dstport, HG.PORTS], [hf.port, HG.PORTS], [hf.stream, HG.STREAM], [hf.completeness, HG.STREAM],
  [hf.len, HG.LEN], [hf.seq, HG.SEQ], [hf.seq_raw, HG.SEQ], [hf.nxtseq, HG.SEQ], [hf.ack, HG.ACK], [hf.ack_raw, HG.ACK],
  [hf.hdr_len, HG.HDR_LEN], [hf.flags, HG.FLAGS], [hf.flags_res, HG.FLAGS], [hf.flags_ae, HG.FLAGS], [hf.flags_cwr, HG.FLAGS],
  [hf.flags_ece, HG.FLAGS], [hf.flags_urg, HG.FLAGS], [hf.flags_ack, HG.FLAGS], [hf.flags_push, HG.FLAGS],
  [hf.flags_reset, HG.FLAGS], [hf.flags_syn, HG.FLAGS], [hf.flags_fin, HG.FLAGS], [hf.flags_str, HG.FLAGS],
  [hf.window_size_value, HG.WINDOW], [hf.window_size, HG.WINDOW], [hf.window_size_scalefactor, HG.WINDOW],
  [hf.checksum, HG.CHECKSUM], [hf.checksum_status, HG.CHECKSUM], [hf.urgent_pointer, HG.URGENT],
];
/** The groups of header items a tree with this want can hold (all for the full tree). */
const headerGroups = wantFold((want) => {
  let g = 0;
  for (const [id, bit] of HEADER_GROUPS) if (id < want.length && want[id] !== 0) g |= bit;
  return g;
}, HG.ALL as number);

/** Can a tree with this want hold an expert item (_ws.expert …)? */
const expertItems = wantTest((id) => fields[id]?.abbrev.startsWith('_ws.expert') ?? true, true);

/** flagNames texts by the 12 flag bits (built on first use) */
const flagNamesMemo: string[] = [];

/** `SYN, ACK` (or `<None>`), in tshark's order. */
function flagNames(fl: number): string {
  return flagNamesMemo[fl] ??= flagNamesOf(fl);
}

/** segmentInfo's ` [SYN, ACK] Seq=` by the 12 flag bits (built on first use) */
const flagsSeqMemo: string[] = [];

function flagsSeq(fl: number): string {
  return flagsSeqMemo[fl] ??= ` [${flagNames(fl)}] Seq=`;
}

function flagNamesOf(fl: number): string {
  let s = '';
  for (const [bit, name] of FLAG_NAMES) if (fl & bit) s += (s ? ', ' : '') + name;
  if (fl & TH_RES) s += (s ? ', ' : '') + 'Reserved';
  return s || '<None>';
}

/** `··········S·` */
const flagStringMemo: string[] = [];

function flagString(fl: number): string {
  return flagStringMemo[fl] ??= flagStringOf(fl);
}

function flagStringOf(fl: number): string {
  const chars = 'RRRACEUAPRSF';
  let s = '';
  for (let b = 11; b >= 0; b--) s += fl & (1 << b) ? chars[11 - b]! : '\u00b7';
  return s;
}

function hexByte(v: number): string {
  return v.toString(16).padStart(2, '0');
}

/** `1000 ....` bits of the data-offset nibble. */
function offsetBits(v: number): string {
  let s = '';
  for (let b = 3; b >= 0; b--) s += (v >> b) & 1 ? '1' : '0';
  return s + ' ....';
}

/**
 * Finds (or starts) the stream for this segment, applying tshark's port-reuse rule: a SYN without
 * ACK whose sequence number differs from its direction's base starts a new stream.
 */
function findStream(p: Packet, s: TcpState, sport: number, dport: number, seq: number, flags: number, update: boolean): TcpStream {
  const last = s.last;
  let st = last !== undefined && last.holds(p, sport, dport) ? last : s.streams.get(p, sport, dport);
  let reused = false;
  if (st && (flags & (TH_SYN | TH_ACK)) === TH_SYN) {
    const d = st.dirs[st.dirOf(p, sport)];
    if (d.base !== -1 && d.base !== seq) {
      reused = true;
      st = undefined;
    }
  }
  if (!st) {
    st = new TcpStream(s.next++, p, sport, dport);
    // a stream started by port reuse shows its SYN at once (a fresh one shows it from the next segment)
    if (reused) st.completeness = 1;
    // (a reused conversation is in the map; a new one is not)
    if (update || !reused) {
      s.streams.set(p, sport, dport, st);
      s.last = st;
    }
  } else {
    s.last = st;
  }
  s.lastReused = reused;
  return st;
}

function windowScaleOf(p: Packet, off: number, end: number): number {
  // pre-scan of the options for a Window Scale option (needed before the option tree is built)
  const b = p.buf;
  let o = off;
  while (o < end) {
    const k = b[o]!;
    if (k === 0) break;
    if (k === 1) { o++; continue; }
    if (o + 1 >= end) break;
    const l = b[o + 1]!;
    if (l < 2 || o + l > end) break;
    if (k === 3 && l === 3) return Math.min(b[o + 2]!, 14);
    o += l;
  }
  return -1;
}

// ---- the dissector ----

function dissectTcp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  const cols = p.cols;
  const quoted = inIcmpError(p);
  // tshark reads the ports before it names the protocol: without them there is no TCP item at all
  if (!(off + 4 <= end && off + 4 <= p.capEnd)) {
    if (quoted) return end - off;
    p.addLayer(proto_tcp);
    p.curProto = 'TCP';
    p.need(off, 4, end);
    return end - off;
  }
  p.proto = 'TCP';
  if (cols) p.clearInfo();
  const top = p.addProto(parent, proto_tcp, off, Math.min(off + HEADER_LEN, end, p.capEnd));

  // (items: whether any tcp.* item can be built — a summary or a filter on other protocols builds
  // none; hg: the groups of header items that can — a filter on tcp.port builds only the ports. The
  // calls below only for those items are skipped without them; the same tree either way)
  const items = tcpItems(t.want);
  const hg = items ? headerGroups(t.want) : 0;
  const sport = u16At(b, off + SRC_PORT);
  if (hg & HG.PORTS) t.addNum(top, hf.srcport, off + SRC_PORT, 2, sport);
  if (!needq(p, off + DST_PORT, 2, end, quoted)) return end - off;
  const dport = u16At(b, off + DST_PORT);
  if (hg & HG.PORTS) {
    t.addNum(top, hf.dstport, off + DST_PORT, 2, dport);
    t.hide(t.addNum(top, hf.port, off + SRC_PORT, 2, sport));
    t.hide(t.addNum(top, hf.port, off + DST_PORT, 2, dport));
  }
  let label = full ? `Transmission Control Protocol, Src Port: ${sport}, Dst Port: ${dport}` : '';
  t.setLabel(top, label);
  if (!quoted) {
    p.ptype = PType.TCP;
    p.srcport = sport;
    p.dstport = dport;
  }
  // (the ports open the segment's lazy Info text below; only paths that stop before it set them here)
  const fixedHeader = off + HEADER_LEN <= end && off + HEADER_LEN <= p.capEnd;
  if (cols && !fixedHeader) p.setInfo(`${sport} \u2192 ${dport}`);

  if (quoted && Math.min(end, p.capEnd) - off < HEADER_LEN) {
    // A quote holding only the first bytes: show the sequence number if it is there, silently stop.
    if (off + SEQ + 4 <= Math.min(end, p.capEnd)) t.addNum(top, hf.seq, off + SEQ, 4, u32At(b, off + SEQ));
    return end - off;
  }
  // The fixed header is read at once (tshark reads it before building the rest of the tree).
  if (!needq(p, off + SEQ, HEADER_LEN - SEQ, end, quoted)) return end - off;
  const seq = u32At(b, off + SEQ);
  const ack = u32At(b, off + ACK);
  const word = u16At(b, off + OFF_FLAGS);
  const hlen = (word >> 12) * 4;
  const flags = word & 0xfff;
  const win = u16At(b, off + WINDOW);
  const ck = u16At(b, off + CHECKSUM);
  const urg = u16At(b, off + URGENT);
  const reported = end - off;
  const goodHdr = hlen >= HEADER_LEN && hlen <= reported;
  /** the segment holds its header: sequence analysis applies (also to a too-small data offset) */
  const analyzed = hlen <= reported;
  const segLen = reported - hlen;
  const syn = (flags & TH_SYN) !== 0;
  const ackSet = (flags & TH_ACK) !== 0;

  // ---- conversation state (first pass updates it; quotes and revisits only read) ----
  const s = p.session.get(TCP_STATE);
  const update = !quoted && !p.session.visited;
  const fkey = frameKey(p);
  let fr: TcpFrame | undefined = !quoted && p.session.visited ? s.frames.get(fkey) : undefined;
  if (!fr) {
    const st = findStream(p, s, sport, dport, seq, flags, update);
    const reused = s.lastReused;
    const di = st.dirOf(p, sport);
    const D = st.dirs[di];
    const R = st.dirs[1 - di]!;
    const shownCompleteness = st.completeness;
    let seqBase = D.base;
    let ackBase = R.base;
    let scale = D.scale;
    let finKind = 0;
    if (analyzed && !quoted) {
      if (syn) seqBase = seq;
      else if (seqBase === -1) seqBase = (seq - 1) >>> 0;
      if (ackSet && ackBase === -1) ackBase = (ack - 1) >>> 0;
      // the side that sent the stream's first FIN "initiates" the closing (also on its retransmissions)
      if (flags & TH_FIN) finKind = st.finDir === -1 || st.finDir === di ? 1 : 2;
    }
    if (update) {
      if (analyzed) {
        D.base = seqBase;
        if (ackSet) R.base = ackBase;
        if (syn) {
          const ws = windowScaleOf(p, off + HEADER_LEN, off + Math.min(hlen, reported, p.capEnd - off));
          // scaling needs both ends: a SYN without the option turns it off for both directions
          if (!ackSet) { if (ws >= 0) D.scale = ws; else D.scale = R.scale = -2; }
          else if (ws >= 0 && R.scale !== -2) D.scale = ws;
          else D.scale = R.scale = -2;
        }
        if (flags & TH_FIN) { D.fin = true; if (st.finDir === -1) st.finDir = di; }
      }
      // completeness as tshark accumulates it: SYN; SYN-ACK after a SYN; a bare ACK (no data);
      // data carried by a segment with ACK or SYN; FIN; RST
      // (the first segment of a stream counts only when it is a SYN)
      let c = st.completeness;
      if (syn || st.packets > 0) {
        const hasData = goodHdr && segLen > 0;
        if (syn && !ackSet) c |= 1;
        else if (syn && ackSet) { if (c & 1) c |= 2; } else if (ackSet && !hasData) c |= 4;
        if (hasData && (flags & (TH_ACK | TH_SYN))) c |= 8;
        if ((flags & (TH_FIN | TH_ACK)) === (TH_FIN | TH_ACK)) c |= 16; // a FIN without ACK does not count
        if (flags & TH_RST) c |= 32;
      }
      st.completeness = c;
      st.packets++;
    }
    // (sec, nsec) differences without temporaries: nsec normalised to [0, 1e9)
    let rs = p.tsSec - st.firstSec, rn = p.tsNsec - st.firstNsec;
    if (rn < 0) { rn += 1e9; rs--; }
    let ds = p.tsSec - st.prevSec, dn = p.tsNsec - st.prevNsec;
    if (dn < 0) { dn += 1e9; ds--; }
    if (update) {
      st.prevSec = p.tsSec;
      st.prevNsec = p.tsNsec;
    }
    const keep = update && p.session.retainFrames;
    const an = update && analyzed && goodHdr && p.analysis
      ? analyzeTcp(p, st.conn ??= new TcpConn(p.tsSec, p.tsNsec), di, seq, ack, segLen, flags, win, syn ? -1 : scale, reused, sport, dport, off + HEADER_LEN, Math.min(off + hlen, end, p.capEnd),
        keep ? s.frames.slotAn(fkey) : s.scratchAn)
      : undefined;
    fr = keep ? s.frames.slot(fkey) : s.scratch;
    fr.stream = st; fr.completeness = shownCompleteness; fr.seqBase = seqBase; fr.ackBase = ackBase; fr.scale = scale;
    fr.fin = finKind; fr.reused = reused; fr.relSec = rs; fr.relNsec = rn; fr.deltaSec = ds; fr.deltaNsec = dn; fr.an = an;
    if (keep) s.frames.set(fkey, fr);
  }
  const st = fr.stream;

  // ---- tree: stream, completeness, lengths, numbers ----
  const relative = analyzed && !quoted;
  const relSeq = relative ? (seq - fr.seqBase) >>> 0 : seq;
  const relAck = ackSet && relative ? (ack - fr.ackBase) >>> 0 : ack;
  if (quoted) t.setLabel(t.addNum(top, hf.seq, off + SEQ, 4, seq), `Sequence Number: ${seq}`);
  if (hg & HG.STREAM) {
    t.generated(t.addNum(top, hf.stream, off, 0, st.index));
    const ci = t.generated(t.addNum(top, hf.completeness, off, 0, fr.completeness));
    if (ci >= 0 && full) t.setLabel(ci, `Conversation completeness: ${completenessText(fr.completeness)} (${fr.completeness})`);
  }
  if (hlen > reported && hlen >= HEADER_LEN) {
    addExpertItem(p, top, ei.short_segment, off, 0,
      'Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)');
  }
  if (analyzed && !quoted && (hg & HG.LEN)) t.generated(t.addNum(top, hf.len, off, 0, segLen));
  if (!quoted && (hg & HG.SEQ)) {
    const si = t.addNum(top, hf.seq, off + SEQ, 4, relSeq);
    if (si >= 0 && full) t.appendLabel(si, '    (relative sequence number)');
    t.addNum(top, hf.seq_raw, off + SEQ, 4, seq);
  }
  if (full) label += `, Seq: ${relSeq}`;
  const scaled = syn ? win : fr.scale >= 0 ? win * POW2[fr.scale]! : win;

  if (hlen < HEADER_LEN) {
    const hi = t.addNum(top, hf.hdr_len, off + OFF_FLAGS, 1, hlen);
    if (hi >= 0 && full) t.setLabel(hi, `${offsetBits(word >> 12)} = Header Length: ${hlen} bytes (${hlen >> 2})`);
    const msg = `Bogus TCP header length (${hlen}, must be at least ${HEADER_LEN})`;
    p.addExpert(hi, ei.bogus_header_length, off + OFF_FLAGS, 1, msg);
    t.setLabel(top, label);
    if (cols) p.setInfo(`${sport} \u2192 ${dport} [${flagNames(flags)}] Seq=${relSeq}${ackSet ? ` Ack=${relAck}` : ''} Win=${scaled}, bogus TCP header length (${hlen}, must be at least ${HEADER_LEN})`);
    return end - off;
  }
  // SYN and FIN each occupy a sequence number; tshark counts one when either (or both) is set
  const nxtseq = (relSeq + segLen + (flags & (TH_SYN | TH_FIN) ? 1 : 0)) >>> 0;
  if (goodHdr && !quoted && (hg & HG.SEQ)) {
    const ni = t.generated(t.addNum(top, hf.nxtseq, off, 0, nxtseq));
    if (ni >= 0 && full) t.appendLabel(ni, '    (relative sequence number)');
  }
  const ai = hg & HG.ACK ? t.addNum(top, hf.ack, off + ACK, 4, relAck) : SKIP;
  if (ackSet) {
    if (ai >= 0 && full) t.appendLabel(ai, '    (relative ack number)');
    if (full) label += `, Ack: ${relAck}`;
  } else if (ack !== 0) {
    p.addExpert(ai, ei.ack_nonzero, off + ACK, 4);
  }
  if (hg & HG.ACK) t.addNum(top, hf.ack_raw, off + ACK, 4, ack);
  if (goodHdr && full && !quoted) label += `, Len: ${segLen}`;
  t.setLabel(top, label);
  t.setLen(top, Math.min(hlen, Math.min(end, p.capEnd) - off));

  const hi = hg & HG.HDR_LEN ? t.addNum(top, hf.hdr_len, off + OFF_FLAGS, 1, hlen) : SKIP;
  if (hi >= 0 && full) t.setLabel(hi, `${offsetBits(word >> 12)} = Header Length: ${hlen} bytes (${hlen >> 2})`);

  // ---- flags ----
  const fi = hg & HG.FLAGS ? t.addNum(top, hf.flags, off + OFF_FLAGS, 2, flags) : SKIP;
  const names = full || cols ? flagNames(flags) : '';
  if (fi >= 0 && full) t.setLabel(fi, `Flags: 0x${flags.toString(16).padStart(3, '0')} (${names})`);
  if (hg & HG.FLAGS) {
    t.addNum(fi, hf.flags_res, off + OFF_FLAGS, 1, flags);
    t.addNum(fi, hf.flags_ae, off + OFF_FLAGS, 1, flags);
    t.addNum(fi, hf.flags_cwr, off + OFF_FLAGS + 1, 1, flags);
    t.addNum(fi, hf.flags_ece, off + OFF_FLAGS + 1, 1, flags);
    t.addNum(fi, hf.flags_urg, off + OFF_FLAGS + 1, 1, flags);
    t.addNum(fi, hf.flags_ack, off + OFF_FLAGS + 1, 1, flags);
    t.addNum(fi, hf.flags_push, off + OFF_FLAGS + 1, 1, flags);
  }
  const rsti = hg & HG.FLAGS ? t.addNum(fi, hf.flags_reset, off + OFF_FLAGS + 1, 1, flags) : SKIP;
  if ((flags & TH_RST) && !quoted) p.addExpert(rsti, ei.connection_rst, off + OFF_FLAGS + 1, 1);
  const syni = hg & HG.FLAGS ? t.addNum(fi, hf.flags_syn, off + OFF_FLAGS + 1, 1, flags) : SKIP;
  if (syn && !quoted) {
    if (ackSet) p.addExpert(syni, ei.connection_synack, off + OFF_FLAGS + 1, 1, `Connection establish acknowledge (SYN+ACK): server port ${sport}`);
    else p.addExpert(syni, ei.connection_syn, off + OFF_FLAGS + 1, 1, `Connection establish request (SYN): server port ${dport}`);
  }
  const fini = hg & HG.FLAGS ? t.addNum(fi, hf.flags_fin, off + OFF_FLAGS + 1, 1, flags) : SKIP;
  if ((flags & TH_FIN) && !quoted) p.addExpert(fini, ei.connection_fin, off + OFF_FLAGS + 1, 1);
  const stri = hg & HG.FLAGS ? t.generated(t.addStr(fi, hf.flags_str, off + OFF_FLAGS, 2, full || t.wants(hf.flags_str) ? flagString(flags) : '')) : SKIP;
  if (fr.fin === 1) p.addExpert(stri, ei.fin_active, off + OFF_FLAGS, 2);
  else if (fr.fin === 2) p.addExpert(stri, ei.fin_passive, off + OFF_FLAGS, 2);

  // ---- window, checksum, urgent pointer ----
  if (hg & HG.WINDOW) {
    t.addNum(top, hf.window_size_value, off + WINDOW, 2, win);
    t.generated(t.addNum(top, hf.window_size, off + WINDOW, 2, scaled));
  }
  if (!syn && (hg & HG.WINDOW)) {
    const sc = quoted ? -1 : fr.scale;
    const fv = sc >= 0 ? POW2[sc]! : sc;
    const wi = t.generated(t.addNum(top, hf.window_size_scalefactor, off + WINDOW, 2, fv));
    if (wi >= 0 && full && sc < 0) t.setLabel(wi, `Window size scaling factor: ${sc} (${sc === -1 ? 'unknown' : 'no window scaling used'})`);
  }
  if (hg & HG.CHECKSUM) {
    const cki = t.addNum(top, hf.checksum, off + CHECKSUM, 2, ck);
    if (cki >= 0 && full) t.appendLabel(cki, ' [unverified]');
    const csi = t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.UNVERIFIED));
    if (csi >= 0 && full) t.setLabel(csi, 'Checksum Status: Unverified');
  }
  const ui = hg & HG.URGENT ? t.addNum(top, hf.urgent_pointer, off + URGENT, 2, urg) : SKIP;
  if (!(flags & TH_URG) && urg !== 0) p.addExpert(ui, ei.urgent_nonzero, off + URGENT, 2);

  if (cols) {
    // (built only if the column is read: most packets of a filtering run are never shown, and an
    // application protocol's Info replaces it)
    p.appendInfoLazy(segmentInfo, sport * 65536 + dport, flags + urg * 4096, relSeq, ackSet ? relAck : -1, scaled, goodHdr ? segLen : -1, -1, -1);
    if (fr.an && !quoted) {
      const tags = tcpAnalysisInfo(fr.an);
      if (tags) p.prependInfoFence(tags);
    }
  }

  // ---- options: a problem there still lets the timestamps be shown (tshark catches and rethrows) ----
  if (hlen > HEADER_LEN && (syn || !timestampsOnly(p, off + HEADER_LEN, off + hlen, end, items))) {
    dissectOptions(p, top, off + HEADER_LEN, off + hlen, end, syn, ackSet, fr, quoted, ack);
  }
  addTimestamps(p, top, off, fr);
  // (without a tcp.analysis.* or tcp.state.* item, an expert item or -z expert nothing of it would be kept)
  if (fr.an && !quoted && ((items && analysisItems(t.want)) || p.keepExperts || expertItems(t.want))) addTcpAnalysisTree(p, top, off, fr.an);
  if (p.stopped || !goodHdr) {
    if (!goodHdr && !p.stopped) p.malformed();
    return end - off;
  }

  // ---- payload ----
  const pOff = off + hlen;
  if (segLen <= 0) {
    // a bare FIN ends a PDU that runs until the connection closes: it is dissected here
    if ((flags & TH_FIN) && !quoted && segLen === 0) finFlush(p, s, fkey, st, sport, dport);
    return end - off;
  }
  const cap = Math.min(end, p.capEnd) - pOff;
  // none of the payload captured: tshark shows nothing more (and raises no truncation marker)
  if (cap <= 0) return end - off;
  if ((flags & TH_RST) && !quoted) {
    // RFC 1122 §4.2.2.12: data in a RST is a human-readable reason
    let txt = '';
    const lim = pOff + Math.max(0, cap);
    for (let i = pOff; i < lim; i++) {
      const c = b[i]!;
      if (c === 0) break;
      txt += String.fromCharCode(c);
    }
    t.addStr(top, hf.reset_cause, pOff, Math.max(0, cap), txt);
    return end - off;
  }
  const pl = t.addBytes(top, hf.payload, pOff, Math.max(0, cap));
  if (pl >= 0 && full) t.setLabel(pl, `TCP payload (${segLen} byte${segLen === 1 ? '' : 's'})`);
  if (quoted) return end - off;
  // application protocols sit at the top level of the tree, as in tshark (even under an ICMP quote)
  // tshark hands a retransmission or keep-alive to no dissector (the bytes were seen, or are filler)
  // (a fast retransmission goes to reassembly and dissection again, as in tshark: its original
  // may be lost; out-of-order segments measured worse that way on the corpus, so they do not)
  const fast = fr.an !== undefined && (fr.an.flags & TA.FAST_RETRANSMISSION) !== 0;
  const resent = !fast && fr.an !== undefined && (fr.an.flags & (TA.RETRANSMISSION | TA.SPURIOUS_RETRANSMISSION | TA.KEEP_ALIVE)) !== 0;
  const ooo = fr.an !== undefined && (fr.an.flags & TA.OUT_OF_ORDER) !== 0;
  const plan = desegmentPayload(p, s, fkey, st, sport, dport, (seq + (syn ? 1 : 0)) >>> 0, (flags & TH_FIN) !== 0, resent, fast, ooo, pOff, end, cap);
  if (plan) segmentItems(p, top, plan, pOff, end);
  void parent;
  return end - off;
}

// ---- reassembly of application PDUs (p.desegment) ----

const SEGMENT_TAG = '[TCP segment of a reassembled PDU]';

/** Appends the segment tag like tshark's col_append_sep_str(" "): no space when Info is empty. */
function tagSegment(p: Packet): void {
  p.appendInfo(p.hasInfo() ? ' ' + SEGMENT_TAG : SEGMENT_TAG);
}

/** seq a is before seq b (mod 2^32) */
const seqBefore = (a: number, b: number): boolean => ((a - b) | 0) < 0;

/**
 * Drops the items, layers, data sources and expert entries added since the counts given (what a
 * dissector built for a PDU it then found incomplete); Info stays.
 */
function rollback(p: Packet, n: number, nlayers: number, nsources: number, nexperts: number, proto: string): void {
  p.tree.truncate(n, nsources);
  p.nlayers = nlayers;
  p.experts.length = nexperts;
  p.proto = proto;
}

/**
 * Hands [off, end) to the port/heuristic dissector; `can` lets it ask for more (p.desegment).
 * Returns the offset where it asked for more (-1: it did not) and leaves the amount in p.desegLen.
 */
function callApp(p: Packet, sport: number, dport: number, off: number, end: number, can: boolean): number {
  const saved = p.canDesegment;
  p.canDesegment = can;
  p.desegOff = -1;
  p.desegKeep = -1;
  // (plain counts, not an object: this runs for every TCP payload)
  const n = p.tree.n, nlayers = p.nlayers, nsources = p.tree.sources.length, nexperts = p.experts.length;
  const proto = p.proto;
  dissectPayload(p, sport, dport, off, end, ROOT);
  p.canDesegment = saved;
  const at = p.desegOff;
  p.desegOff = -1;
  if (at < off || at > end || p.stopped) return -1;
  // the incomplete PDU's items go; what came before it (complete PDUs) stays
  if (at === off && can) rollback(p, n, nlayers, nsources, nexperts, proto);
  return at;
}

/** Total length a PDU needs: `have` bytes given, the dissector wants `more` (or -1/-2). */
function needOf(have: number, more: number): number {
  return more < 0 ? more : have + more;
}

/** Dissects a completed PDU as the data source "Reassembled TCP (N bytes)" with its segment list. */
function dissectPdu(p: Packet, sport: number, dport: number, pdu: Uint8Array, frames: readonly number[], can: boolean): number {
  const t = p.tree;
  const items = t.n;
  const sources = t.sources.length;
  const tok = p.pushSource(`Reassembled TCP (${pdu.length} bytes)`, pdu);
  const n = pdu.length;
  const si = t.generated(t.addItem(ROOT, hf.segments, 0, n));
  // (the printer brackets generated items: the label goes without them)
  // (tshark builds this label in a fixed 240-byte buffer: a long list is cut there, without a marker)
  if (si >= 0 && t.full) t.setLabel(si, segmentsLabel(frames, n).slice(1, -1).slice(0, 239));
  let at = 0;
  for (let i = 0; i < frames.length; i += 2) {
    const len = frames[i + 1]!;
    const it = t.generated(t.addNum(si, hf.segment, at, len, frames[i]!));
    if (it >= 0 && t.full) t.setLabel(it, `Frame: ${frames[i]}, payload: ${at}-${at + len - 1} (${len} byte${len === 1 ? '' : 's'})`);
    at += len;
  }
  t.generated(t.addNum(si, hf.segment_count, 0, 0, frames.length / 2));
  t.generated(t.addNum(si, hf.reassembled_length, 0, 0, n));
  t.generated(t.addBytes(si, hf.reassembled_data, 0, n));
  const r = callApp(p, sport, dport, 0, n, can);
  p.popSource(tok);
  // still incomplete from its first byte (a chunked body with one more segment to come): tshark
  // shows the segment alone, without the reassembly so far
  if (r === 0) t.truncate(items, sources);
  return r;
}

/**
 * The payload [pOff, end) of a segment at raw sequence number `pseq` (first pass: reassembly
 * decisions; revisit: their replay). Returns the plan when the segment takes part in reassembly
 * (for its tcp.segment_data / tcp.reassembled_in items), undefined when it was dissected plainly.
 */
function desegmentPayload(p: Packet, s: TcpState, fkey: number, st: TcpStream, sport: number, dport: number,
  pseq: number, fin: boolean, resent: boolean, fast: boolean, ooo: boolean, pOff: number, end: number, cap: number): DesegPlan | undefined {
  const segLen = end - pOff;
  if (p.session.visited) {
    const plan = s.plans.get(fkey);
    if (!plan) { callApp(p, sport, dport, pOff, end, false); return undefined; }
    replayPlan(p, plan, sport, dport, pOff, end);
    return plan;
  }
  const D = st.dirs[st.dirOf(p, sport)];
  const seqEnd = (pseq + segLen) >>> 0;
  const oldData = !fast && D.maxNext !== -1 && !seqBefore(D.maxNext, seqEnd);
  if (D.maxNext === -1 || seqBefore(D.maxNext, seqEnd)) D.maxNext = seqEnd;
  // a truncated payload cannot be reassembled (tshark gives up too): dissect what is there
  if (cap < segLen) {
    D.ra?.reset();
    callApp(p, sport, dport, pOff, end, false);
    return undefined;
  }
  // reuse PDU buffers when nothing reads a PDU after its frame (no revisits)
  s.budget.recycle = !p.session.retainFrames;
  s.budget.frame = p.num;
  const ra = D.ra;
  let plan: DesegPlan | undefined;
  let restOff = 0;
  if (ra && ra.active) {
    let r = ra.add(pseq, p.buf, p.num, pOff, end);
    // a PDU that runs until the connection closes completes with the FIN (and cannot grow then)
    const flushed = fin && ra.active && ra.need === NEED_UNTIL_FIN && (r === RA.PENDING || r === RA.IGNORED);
    if (flushed) r = ra.flush();
    if (r === RA.IGNORED && fast) {
      // bytes the pending PDU holds already, re-sent: tshark still counts the segment in the PDU
      plan = newPlan(p, s);
      plan.heldAt = 0;
      plan.segData = segLen;
      if (p.session.retainFrames) D.wait(plan);
      if (p.cols) tagSegment(p);
      return keepPlan(p, s, fkey, plan);
    }
    if (r === RA.IGNORED || (resent && r === RA.PENDING)) {
      plan = newPlan(p, s);
      plan.old = true;
      return keepPlan(p, s, fkey, plan);
    }
    if (r === RA.PENDING) {
      plan = newPlan(p, s);
      plan.heldAt = 0;
      plan.segData = segLen;
      if (p.session.retainFrames) D.wait(plan);
      p.proto = 'TCP';
      // (tshark does not tag a FIN segment that leaves the PDU incomplete)
      if (p.cols && !fin) tagSegment(p);
      return keepPlan(p, s, fkey, plan);
    }
    if (r === RA.COMPLETE) {
      plan = newPlan(p, s);
      const pdu = ra.takePdu();
      // (a copy only when the plan is kept for revisits: a bulk body lists thousands of segments)
      const frames = p.session.retainFrames ? ra.frames.slice() : ra.frames;
      const startSeq = ra.startSeq;
      const rest = ra.rest;
      D.pduStart = startSeq;
      D.pduEnd = (startSeq + pdu.length) >>> 0;
      restOff = segLen - rest;
      plan.segData = restOff;
      let at = dissectPdu(p, sport, dport, pdu, frames, !flushed);
      // a PDU reassembled already is not held until the FIN (tshark): its dissector takes it as it is
      if (at === 0 && p.desegLen === NEED_UNTIL_FIN && !flushed) at = dissectPdu(p, sport, dport, pdu, frames, false);
      // the held segments belong to this PDU unless the dissector wants it longer still
      if (at !== 0) {
        D.settle(p.num);
      }
      if (at >= 0) {
        // still incomplete: the dissector learned more (e.g. the headers give the body's length);
        // the PDU goes on with the rest of this segment
        let keep = pdu.subarray(at);
        if (rest > 0) {
          const k = new Uint8Array(keep.length + rest);
          k.set(keep);
          k.set(p.buf.subarray(end - rest, end), keep.length);
          keep = k;
          if (frames.length) frames[frames.length - 1]! += rest;
        }
        const need = needOf(keep.length, p.desegLen);
        const rr = at === 0 ? ra.resume(startSeq, keep, frames, need, p.desegKeep) : ra.start((startSeq + at) >>> 0, keep, p.num, need, p.desegKeep);
        plan.segData = segLen;
        if (rr === RA.PENDING) {
          plan.heldAt = 0;
          if (p.session.retainFrames) D.wait(plan);
          if (at === 0) {
            p.proto = 'TCP';
            if (p.cols) tagSegment(p);
          }
        }
        // (on revisits the frame shows as a segment of the PDU completed later)
        if (at > 0) { plan.pdu = pdu; plan.frames = frames; }
        return keepPlan(p, s, fkey, plan);
      }
      plan.pdu = pdu;
      plan.frames = frames;
      if (rest === 0 || p.stopped) return keepPlan(p, s, fkey, plan);
    } else if (r === RA.OVERFLOW) {
      ra.reset();
      D.settle(0);
    }
  } else if ((fast || ooo) && D.maxNext !== -1 && !seqBefore(D.maxNext, seqEnd) && D.pduStart !== D.pduEnd
    && seqBefore(pseq, D.pduEnd) && seqBefore(D.pduStart, seqEnd)) {
    // a fast retransmission or an out-of-order segment of bytes of a reassembled PDU (tshark hands
    // both to reassembly, unlike plain retransmissions): tshark reports the overlap, no dissector
    plan = newPlan(p, s);
    plan.old = true;
    if (p.cols) p.appendInfo('[Reassembly error, protocol TCP: New fragment overlaps old data (retransmission?)]');
    return keepPlan(p, s, fkey, plan);
  } else if (oldData || resent) {
    // bytes already handed to a dissector (a retransmission): tshark shows them as TCP data only
    plan = newPlan(p, s);
    plan.old = true;
    return keepPlan(p, s, fkey, plan);
  }
  // frame bytes from restOff: complete PDUs, and maybe the start of an incomplete one
  const from = pOff + restOff;
  let at = callApp(p, sport, dport, from, end, true);
  if (at === from && fin && p.desegLen === NEED_UNTIL_FIN) {
    // "until the connection closes", and this segment closes it: what is here is the whole PDU
    at = callApp(p, sport, dport, from, end, false);
  }
  if (at >= 0) {
    const need = needOf(end - at, p.desegLen);
    const ra2 = D.ra ??= newReassembly(p, s);
    const rr = ra2.start((pseq + (at - pOff)) >>> 0, p.buf.subarray(at, end), p.num, need, p.desegKeep);
    if (rr === RA.PENDING) {
      plan ??= newPlan(p, s);
      plan.callOff = restOff;
      plan.heldAt = at - pOff;
      plan.segData += end - at;
      D.settle(0);
      if (p.session.retainFrames) D.wait(plan);
      // (after a PDU completed in this segment, tshark shows that PDU alone: no tag)
      if (at === from && restOff === 0) {
        p.proto = 'TCP';
        if (p.cols) tagSegment(p);
      }
      return keepPlan(p, s, fkey, plan);
    }
  }
  if (plan) {
    plan.callOff = restOff;
    return keepPlan(p, s, fkey, plan);
  }
  return undefined;
}

/** A FIN without data: a pending "until FIN" PDU of its direction completes and is dissected here. */
function finFlush(p: Packet, s: TcpState, fkey: number, st: TcpStream, sport: number, dport: number): void {
  if (p.session.visited) {
    const plan = s.plans.get(fkey);
    if (plan?.pdu) dissectPdu(p, sport, dport, plan.pdu, plan.frames, false);
    return;
  }
  const D = st.dirs[st.dirOf(p, sport)];
  const ra = D.ra;
  if (!ra || !ra.active || ra.need !== NEED_UNTIL_FIN || ra.flush() !== RA.COMPLETE) return;
  const plan = newPlan(p, s);
  plan.pdu = ra.takePdu();
  plan.frames = p.session.retainFrames ? ra.frames.slice() : ra.frames;
  D.settle(p.num);
  dissectPdu(p, sport, dport, plan.pdu, plan.frames, false);
  keepPlan(p, s, fkey, plan);
}

/** Can the run show a PDU's segment list (tcp.segments, tcp.segment, tcp.segment.count)? */
const segmentListItems = wantTest((id) => {
  const a = fields[id]?.abbrev;
  return a === undefined || a === 'tcp.segments' || a === 'tcp.segment' || a === 'tcp.segment.count';
}, true);

/** A direction's PDU reassembly, listing the PDUs' segments when they can be shown (now or on a revisit). */
function newReassembly(p: Packet, s: TcpState): TcpDirReassembly {
  const ra = new TcpDirReassembly(s.budget);
  ra.listFrames = p.session.retainFrames || segmentListItems(p.tree.want);
  return ra;
}

/**
 * A plan for this frame's payload: a new one when plans are kept for revisits, else the state's
 * scratch plan, reset (read only until the frame's TCP items are added; no TCP payload is
 * dissected inside another's).
 */
function newPlan(p: Packet, s: TcpState): DesegPlan {
  if (p.session.retainFrames) return { old: false, pdu: undefined, frames: NO_FRAMES, callOff: -1, heldAt: -1, segData: 0, reassembledIn: 0 };
  const plan = s.scratchPlan;
  plan.old = false; plan.pdu = undefined; plan.frames = NO_FRAMES; plan.callOff = -1; plan.heldAt = -1; plan.segData = 0; plan.reassembledIn = 0;
  return plan;
}
const NO_FRAMES: readonly number[] = [];

function keepPlan(p: Packet, s: TcpState, fkey: number, plan: DesegPlan): DesegPlan {
  if (p.session.retainFrames) s.plans.set(fkey, plan);
  return plan;
}

/** Revisit: the same dissection as tshark's second pass, from the first pass's plan. */
function replayPlan(p: Packet, plan: DesegPlan, sport: number, dport: number, pOff: number, end: number): void {
  if (plan.old) return;
  if (plan.pdu) dissectPdu(p, sport, dport, plan.pdu, plan.frames, false);
  // frame bytes before a held PDU's start are dissected again; a segment that only starts a PDU
  // (or continues one) shows as a segment of it
  if (plan.callOff >= 0 && (plan.heldAt < 0 || plan.callOff < plan.heldAt)) {
    callApp(p, sport, dport, pOff + plan.callOff, end, true);
  } else if (plan.heldAt >= 0) {
    p.proto = 'TCP';
    if (p.cols) tagSegment(p);
  }
}

/** tcp.reassembled_in and tcp.segment_data under the TCP item, as tshark places them. */
function segmentItems(p: Packet, top: number, plan: DesegPlan, pOff: number, end: number): void {
  if (plan.old || plan.segData <= 0) return;
  const t = p.tree;
  if (plan.reassembledIn && p.session.visited && plan.heldAt >= 0) {
    t.generated(t.addNum(top, hf.reassembled_in, pOff, end - pOff, plan.reassembledIn));
  }
  const at = plan.heldAt > 0 && !plan.pdu ? pOff + plan.heldAt : pOff;
  const n = plan.segData;
  const it = t.addBytes(top, hf.segment_data, at, n);
  if (it >= 0 && t.full) t.setLabel(it, `TCP segment data (${n} byte${n === 1 ? '' : 's'})`);
}

function addTimestamps(p: Packet, top: number, off: number, fr: TcpFrame): void {
  const t = p.tree;
  if (!t.wants(hf.time_relative) && !t.wants(hf.time_delta)) return;
  const ts = t.generated(t.addText(top, off, 0, 'Timestamps'));
  t.generated(t.addObj(ts, hf.time_relative, off, 0, { sec: fr.relSec, nsec: fr.relNsec }));
  t.generated(t.addObj(ts, hf.time_delta, off, 0, { sec: fr.deltaSec, nsec: fr.deltaNsec }));
}

/** Port table (low port first), heuristics, then data. */
function dissectPayload(p: Packet, sport: number, dport: number, off: number, end: number, parent: number): void {
  dissectByPorts(tcpPortTable, tcpHeuristics, p, sport, dport, off, end, parent);
}

// ---- options ----

/** Per kind: [option protocol, summary name, expected length (0 = variable)]. */
const OPTIONS = new Map<number, readonly [number, string, number]>([
  [2, [opt.mss, 'Maximum segment size', 4]],
  [3, [opt.wscale, 'Window scale', 3]],
  [4, [opt.sack_perm, 'SACK permitted', 2]],
  [5, [opt.sack, 'SACK', 0]],
  [6, [opt.echo, 'Echo', 6]],
  [7, [opt.echoreply, 'Echo reply', 6]],
  [8, [opt.timestamp, 'Timestamps', 10]],
  [11, [opt.cc, 'CC', 6]],
  [12, [opt.ccnew, 'CC.NEW', 6]],
  [13, [opt.ccecho, 'CC.ECHO', 6]],
  [19, [opt.md5, 'TCP MD5 signature', 18]],
  [20, [opt.scps, 'SCPS capabilities', 0]],
  [21, [opt.snack, 'Selective Negative Acknowledgment', 6]],
  [22, [opt.scpsrec, 'SCPS record boundary', 2]],
  [23, [opt.scpscor, 'SCPS corruption experienced', 2]],
  [27, [opt.qs, 'Quick-Start', 8]],
  [28, [opt.user_to, 'User Timeout', 4]],
  [29, [opt.ao, 'TCP AO', 0]],
  [30, [proto_mptcp, 'MPTCP', 0]],
  [34, [opt.tfo, 'TCP Fast Open', 0]],
  [76, [opt.rvbd_probe, 'Riverbed Probe', 0]],
  [78, [opt.rvbd_trpy, 'Riverbed Transparency', 0]],
  [172, [opt.acc_ecn, 'Accurate ECN', 0]],
  [174, [opt.acc_ecn, 'Accurate ECN', 0]],
  [253, [opt.experimental, 'Experimental', 0]],
  [254, [opt.experimental, 'Experimental', 0]],
]);

function optName(kind: number): string {
  const k = OPTIONS.get(kind);
  return k ? k[1] : `Unknown (0x${hexByte(kind)})`;
}

function addKind(p: Packet, parent: number, o: number, kind: number): void {
  const ki = p.tree.addNum(parent, hf.option_kind, o, 1, kind);
  if (ki >= 0 && p.tree.full && !OPTION_KIND_NAMES.has(kind)) p.tree.setLabel(ki, `Kind: Unknown (${kind})`);
}

function badOption(p: Packet, parent: number, o: number, len: number, msg: string): void {
  const it = p.tree.addText(parent, o, capLen(p, o, len), msg);
  p.addExpert(it, ei.option_len_invalid, o, capLen(p, o, len), msg);
}

/** Can a tree with this want hold an option item (tcp.options, tcp.option_kind, tcp.options.* …)? */
const tcpOptionItems = wantTest((id) => fields[id]?.abbrev.startsWith('tcp.option') ?? true, true);

/**
 * The options of most data segments, NOP NOP Timestamps (all captured), when no option item is
 * wanted: they raise no expert and show only TSval/TSecr in Info, added here. Returns false for
 * other options (dissectOptions does them). `items`: whether any tcp.* item can be built.
 */
function timestampsOnly(p: Packet, off: number, optEnd: number, end: number, items: boolean): boolean {
  const b = p.buf;
  if (optEnd - off !== 12 || optEnd > end || optEnd > p.capEnd || b[off] !== 1 || b[off + 1] !== 1 || b[off + 2] !== 8 || b[off + 3] !== 10) return false;
  if (items && tcpOptionItems(p.tree.want)) return false;
  if (p.cols) {
    const tsval = u32At(b, off + 4);
    const tsecr = u32At(b, off + 8);
    if (!p.extendInfoLazy(segmentInfo, 6, tsval, tsecr)) p.appendInfo(` TSval=${tsval} TSecr=${tsecr}`);
  }
  return true;
}

/**
 * Options [off, optEnd) of a segment whose reported end is `end` (the header may claim more than
 * there is: reading past the end then raises Malformed/short like tshark).
 */
function dissectOptions(p: Packet, top: number, off: number, optEnd: number, end: number, syn: boolean, ackSet: boolean, fr: TcpFrame, quoted: boolean, ack: number): void {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  const n = optEnd - off;
  const avail = Math.min(optEnd, end, p.capEnd) - off;
  const oi = t.addBytes(top, hf.options, off, Math.max(0, avail));
  if (oi >= 0 && full) t.setLabel(oi, `Options: (${n} bytes)`);
  let nops = 0;
  let sawMss = false;
  let o = off;
  while (o < optEnd) {
    if (!needq(p, o, 1, end, quoted)) return;
    const kind = b[o]!;
    if (kind === 0) {
      const it = t.addItem(oi, opt.eol, o, 1);
      addKind(p, it, o, 0);
      if (full) t.appendLabel(oi, ', End of Option List (EOL)');
      // what follows an EOL is padding: zero bytes show as more EOLs, anything else is an error
      let nz = false;
      const lim = Math.min(optEnd, end, p.capEnd);
      for (let i = o + 1; i < lim; i++) if (b[i] !== 0) { nz = true; break; }
      if (nz) {
        addExpertItem(p, oi, ei.non_zero_after_eol, o + 1, capLen(p, o + 1, optEnd - o - 1), 'Non-zero header padding');
        break;
      }
      o++;
      continue;
    }
    if (kind === 1) {
      // counted over the whole option list (tshark does not restart the count after other options);
      // the expert comes before the fourth NOP's item
      if (++nops === 4) p.addExpert(oi, ei.nop, o, 1);
      const it = t.addItem(oi, opt.nop, o, 1);
      addKind(p, it, o, 1);
      if (full) t.appendLabel(oi, ', No-Operation (NOP)');
      o++;
      continue;
    }
    const name = optName(kind);
    const left = optEnd - o;
    if (left < 2) {
      badOption(p, oi, o, left, `${name} (option length byte past end of options)`);
      break;
    }
    if (!needq(p, o + 1, 1, end, quoted)) return;
    const olen = b[o + 1]!;
    if (olen < 2) {
      badOption(p, oi, o, 2, `${name} (with too-short option length = ${olen} byte${olen === 1 ? '' : 's'})`);
      break;
    }
    if (olen > left) {
      badOption(p, oi, o, left, `${name} (option length = ${olen} bytes says option goes past end of options)`);
      break;
    }
    const known = OPTIONS.get(kind);
    const proto = known ? known[0] : opt.unknown;
    const it = t.addItem(oi, proto, o, capLen(p, o, olen));
    if (kind === 2 && !syn && !quoted) p.addExpert(it, ei.mss_present, o, capLen(p, o, olen));
    addKind(p, it, o, kind);
    const li = t.addNum(it, hf.option_len, o + 1, 1, olen);
    const fixed = known ? known[2] : 0;
    if (fixed !== 0 && olen !== fixed) {
      p.addExpert(li, ei.option_len_invalid, o + 1, 1, `option length should be ${fixed}`);
      if (full) t.appendLabel(oi, `, ${name}`);
      o += olen;
      continue;
    }
    if (kind === 29) {
      // TCP-AO is read field by field (tshark names it in Info first, then reads the key ids)
      if (p.cols) p.appendInfo('TCP AO');
      if (!needq(p, o + 2, 2, end, quoted)) return;
      t.addNum(it, hf.options_ao_keyid, o + 2, 1, b[o + 2]!);
      t.addNum(it, hf.options_ao_rnextkeyid, o + 3, 1, b[o + 3]!);
      if (olen > 4) {
        if (!needq(p, o + 4, olen - 4, end, quoted)) return;
        t.addBytes(it, hf.options_ao_mac, o + 4, olen - 4);
      }
      if (full) t.appendLabel(oi, ', TCP AO');
      o += olen;
      continue;
    }
    // the option's body is read from here on: it must be there
    if (!needq(p, o, olen, end, quoted)) return;
    const oinfo = optionBody(p, it, kind, o, olen, syn, ackSet, fr, quoted, ack);
    if (p.cols && oinfo) p.appendInfo(oinfo);
    if (kind === 2) sawMss = true;
    if (p.stopped) return;
    if (full) t.appendLabel(oi, `, ${name}`);
    o += olen;
  }
  if (syn && !sawMss && !quoted) p.addExpert(oi, ei.mss_absent, off, capLen(p, off, n));
}

/**
 * Adds the option's fields under `it` (label included); returns its Info text (` MSS=1460`). `ack`
 * is the segment's acknowledgment number (raw).
 */
function optionBody(p: Packet, it: number, kind: number, o: number, olen: number, syn: boolean, ackSet: boolean, fr: TcpFrame, quoted: boolean, ack: number): string {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  switch (kind) {
    case 2: {
      const v = u16At(b, o + 2);
      t.addNum(it, hf.options_mss_val, o + 2, 2, v);
      if (full) t.setLabel(it, `TCP Option - Maximum segment size: ${v} bytes`);
      return ` MSS=${v}`;
    }
    case 3: {
      const shift = b[o + 2]!;
      const si = t.addNum(it, hf.options_wscale_shift, o + 2, 1, shift);
      if (shift > 14) p.addExpert(si, ei.wscale_invalid, o + 2, 1);
      const mult = 2 ** Math.min(shift, 14);
      t.generated(t.addNum(it, hf.options_wscale_multiplier, o + 2, 1, mult));
      if (full) t.setLabel(it, `TCP Option - Window scale: ${shift} (multiply by ${mult})`);
      return ` WS=${mult}`;
    }
    case 4:
      return ' SACK_PERM';
    case 5: {
      let info = '';
      let lab = 'TCP Option - SACK';
      // edges are relative to the other direction's base (0 while it is unknown: the value is raw)
      const base = fr.ackBase === -1 || quoted ? 0 : fr.ackBase;
      let count = 0;
      for (let a = o + 2; a + 8 <= o + olen; a += 8) {
        const le = (u32At(b, a) - base) >>> 0;
        const re = (u32At(b, a + 4) - base) >>> 0;
        const lei = t.addNum(it, hf.options_sack_le, a, 4, le);
        const rei = t.addNum(it, hf.options_sack_re, a + 4, 4, re);
        if (full) {
          t.setLabel(lei, `left edge = ${le} (relative)`);
          t.setLabel(rei, `right edge = ${re} (relative)`);
        }
        lab += ` ${le}-${re}`;
        info += ` SLE=${le} SRE=${re}`;
        count++;
      }
      t.generated(t.addNum(it, hf.options_sack_count, o, olen, count));
      // RFC 2883: the first block reports a duplicate when it lies below the cumulative ACK or
      // within the second block (tshark's rule on all 2,031 SACK segments of the corpus)
      if (count > 0) {
        const a = o + 2;
        const le = u32At(b, a), re = u32At(b, a + 4);
        const dup = seqBefore(le, ack) || (count > 1 && !seqBefore(le, u32At(b, a + 8)) && !seqBefore(u32At(b, a + 12), re));
        if (dup) {
          const li = t.generated(t.addNum(it, hf.options_sack_dsack_le, a, 4, (le - base) >>> 0));
          const ri = t.generated(t.addNum(it, hf.options_sack_dsack_re, a + 4, 4, (re - base) >>> 0));
          if (full) {
            t.setLabel(li, `D-SACK Left Edge = ${(le - base) >>> 0} (relative)`);
            t.setLabel(ri, `D-SACK Right Edge = ${(re - base) >>> 0} (relative)`);
          }
          // (a text item: the field is the expert's own, once)
          p.addExpert(t.addText(it, a, 0, 'D-SACK Sequence'), ei.dsack, a, 0);
        }
      }
      if (full) t.setLabel(it, lab);
      return info;
    }
    case 8: {
      const tsval = u32At(b, o + 2);
      const tsecr = u32At(b, o + 6);
      t.addNum(it, hf.options_timestamp_tsval, o + 2, 4, tsval);
      t.addNum(it, hf.options_timestamp_tsecr, o + 6, 4, tsecr);
      if (full) t.setLabel(it, `TCP Option - Timestamps: TSval ${tsval}, TSecr ${tsecr}`);
      // (the usual case: the first option shown in Info joins the segment's lazy text; no Info
      // column, no text: a filter on the option items re-dissects every segment)
      if (!p.cols || p.extendInfoLazy(segmentInfo, 6, tsval, tsecr)) return '';
      return ` TSval=${tsval} TSecr=${tsecr}`;
    }
    case 6: case 7:
      t.addNum(it, hf.options_echo_value, o + 2, 4, u32At(b, o + 2));
      return '';
    case 11: case 12: case 13:
      t.addNum(it, hf.options_cc_value, o + 2, 4, u32At(b, o + 2));
      return '';
    case 19:
      t.addBytes(it, hf.options_md5_digest, o + 2, olen - 2);
      return '';
    case 28: {
      const v = u16At(b, o + 2);
      t.addNum(it, hf.options_user_to_granularity, o + 2, 2, v);
      t.addNum(it, hf.options_user_to_val, o + 2, 2, v);
      return ` USER_TO=${v & 0x7fff}`;
    }
    case 34:
      if (olen === 2) {
        t.addItem(it, hf.options_tfo_request, o, 2);
        return ' TFO=R';
      }
      t.addBytes(it, hf.options_tfo_cookie, o + 2, olen - 2);
      return ' TFO=C';
    case 253: case 254: {
      if (olen < 4) return '';
      const exid = u16At(b, o + 2);
      const xi = t.addNum(it, hf.options_experimental_exid, o + 2, 2, exid);
      const xname = EXID_NAMES.get(exid);
      if (full) {
        t.setLabel(it, `TCP Option - Experimental: ${xname ?? 'Unknown'}`);
        t.setLabel(xi, `Experiment Identifier: ${xname ?? 'Unknown'} (0x${exid.toString(16).padStart(4, '0')})`);
      }
      if (exid === 0xf989) {
        if (olen === 4) {
          t.addItem(it, hf.options_tfo_request, o, 4);
          return ' TFO=R';
        }
        t.addBytes(it, hf.options_tfo_cookie, o + 4, olen - 4);
        return ' TFO=C';
      }
      if (olen > 4) t.addBytes(it, hf.options_experimental_data, o + 4, olen - 4);
      return ` ExID=${exid.toString(16)}`;
    }
    case 30:
      mptcpOption(p, it, o, olen, syn, ackSet);
      if (!quoted) p.proto = 'MPTCP';
      return '';
    default:
      if (!OPTIONS.has(kind) && olen > 2) t.addBytes(it, hf.options_unknown_payload, o + 2, olen - 2);
      return '';
  }
}

/** `..00 000.` style picture of an 8-bit value under `mask`. */
function bits8(mask: number, v: number): string {
  let s = '';
  for (let b = 7; b >= 0; b--) {
    s += mask & (1 << b) ? (v & (1 << b) ? '1' : '0') : '.';
    if (b === 4) s += ' ';
  }
  return s;
}

function u64At(b: Uint8Array, o: number): bigint {
  return (BigInt(u32At(b, o)) << 32n) | BigInt(u32At(b, o + 4));
}

/**
 * Multipath TCP (RFC 6824 v0, RFC 8684 v1): the option's own protocol layer (`mptcp`, Protocol
 * column MPTCP) and the fields of MP_CAPABLE, MP_JOIN, DSS, ADD_ADDR and the simpler subtypes.
 * Not done yet: the keyed values (token, IDSN, relative data sequence numbers: they need SHA-1 /
 * SHA-256 of the keys) and the [MPTCP analysis] subtree.
 */
function mptcpOption(p: Packet, it: number, o: number, olen: number, syn: boolean, ackSet: boolean): void {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  p.addLayer(proto_mptcp);
  if (olen < 3) return;
  const st = b[o + 2]!;
  const sub = st >> 4;
  if (full) t.setLabel(it, `Multipath Transmission Control Protocol: ${MPTCP_SUBTYPE_NAMES.get(sub) ?? 'Unknown'}`);
  t.addNum(it, hf.options_mptcp_subtype, o + 2, 1, st);
  const flagsItem = (fl: number): number => {
    const fi = t.addNum(it, hf.options_mptcp_flags, o + 3, 1, fl);
    if (fi >= 0 && full) t.setLabel(fi, `Multipath TCP flags: 0x${hexByte(fl)}`);
    return fi;
  };
  const flagBit = (parent: number, fid: number, mask: number, name: string, fl: number): void => {
    const x = t.addNum(parent, fid, o + 3, 1, fl);
    if (x >= 0 && full) t.setLabel(x, `${bits8(mask, fl)} = ${name}: ${fl & mask ? 1 : 0}`);
  };
  switch (sub) {
    case 0: { // MP_CAPABLE
      const ver = st & 0x0f;
      t.addNum(it, hf.options_mptcp_version, o + 2, 1, st);
      if (olen < 4) return;
      const fl = b[o + 3]!;
      const fi = flagsItem(fl);
      flagBit(fi, hf.options_mptcp_checksumreq_flags, 0x80, 'Checksum required', fl);
      flagBit(fi, hf.options_mptcp_extensibility_flag, 0x40, 'Extensibility', fl);
      if (ver >= 1) flagBit(fi, hf.options_mptcp_nomoresubflows_flag, 0x20, 'Do not attempt to establish new subflows to this address and port', fl);
      flagBit(fi, ver >= 1 ? hf.options_mptcp_sha256_flag : hf.options_mptcp_sha1_flag, 0x01, ver >= 1 ? 'Use HMAC-SHA256' : 'Use HMAC-SHA1', fl);
      const rmask = ver >= 1 ? 0x1e : 0x3e;
      const ri = t.addNum(fi, hf.options_mptcp_reserved_flag, o + 3, 1, fl);
      if (ri >= 0 && full) t.setLabel(ri, `${bits8(rmask, fl)} = Reserved: 0x${((fl & rmask) >> 1).toString(16).padStart(ver >= 1 ? 1 : 2, '0')}`);
      if (olen >= 12) t.addBig(it, hf.options_mptcp_sendkey, o + 4, 8, u64At(b, o + 4));
      if (olen >= 20) t.addBig(it, hf.options_mptcp_recvkey, o + 12, 8, u64At(b, o + 12));
      if (olen >= 22) t.addNum(it, hf.options_mptcp_datalvllen, o + 20, 2, u16At(b, o + 20));
      return;
    }
    case 1: { // MP_JOIN
      if (olen < 4) return;
      if (olen === 12 || olen === 16) {
        // the flags share the subtype byte; the address id follows
        const fl = st;
        const fi = t.addNum(it, hf.options_mptcp_flags, o + 2, 1, fl);
        if (fi >= 0 && full) t.setLabel(fi, `Multipath TCP flags: 0x${hexByte(fl)}`);
        const bi = t.addNum(fi, hf.options_mptcp_backup_flag, o + 2, 1, fl);
        if (bi >= 0 && full) t.setLabel(bi, `${bits8(0x01, fl)} = Backup flag: ${fl & 1}`);
        t.addNum(it, hf.options_mptcp_addrid, o + 3, 1, b[o + 3]!);
      }
      if (olen === 12 && syn && !ackSet) {
        t.addNum(it, hf.options_mptcp_recvtok, o + 4, 4, u32At(b, o + 4));
        t.addNum(it, hf.options_mptcp_sendrand, o + 8, 4, u32At(b, o + 8));
      } else if (olen === 16) {
        t.addBig(it, hf.options_mptcp_sendtrunchmac, o + 4, 8, u64At(b, o + 4));
        t.addNum(it, hf.options_mptcp_sendrand, o + 12, 4, u32At(b, o + 12));
      } else if (olen === 24) {
        const ri = t.addNum(it, hf.options_mptcp_reserved, o + 2, 2, u16At(b, o + 2));
        if (ri >= 0 && full) t.setLabel(ri, `.... ${bitsWord(u16At(b, o + 2) & 0xfff)} = Reserved: 0x${(u16At(b, o + 2) & 0xfff).toString(16).padStart(3, '0')}`);
        t.addBytes(it, hf.options_mptcp_sendhmac, o + 4, 20);
      }
      return;
    }
    case 2: { // DSS
      if (olen < 4) return;
      const fl = b[o + 3]!;
      const fi = flagsItem(fl);
      flagBit(fi, hf.options_mptcp_datafin_flag, 0x10, 'DATA_FIN', fl);
      flagBit(fi, hf.options_mptcp_dseqn8_flag, 0x08, 'Data Sequence Number is 8 octets', fl);
      flagBit(fi, hf.options_mptcp_dseqnpresent_flag, 0x04, 'Data Sequence Number, Subflow Sequence Number, Data-level Length, Checksum present', fl);
      flagBit(fi, hf.options_mptcp_dataack8_flag, 0x02, 'Data ACK is 8 octets', fl);
      flagBit(fi, hf.options_mptcp_dataackpresent_flag, 0x01, 'Data ACK is present', fl);
      let q = o + 4;
      const lim = o + olen;
      if (fl & 0x01) {
        const n = fl & 0x02 ? 8 : 4;
        if (q + n > lim) return;
        const v = n === 8 ? u64At(b, q) : BigInt(u32At(b, q));
        const ai = t.addBig(it, hf.options_mptcp_rawdataack, q, n, v);
        if (ai >= 0 && full) t.setLabel(ai, `Original MPTCP Data ACK: ${v}${n === 8 ? ' (64bits)' : ''}`);
        q += n;
      }
      if (fl & 0x04) {
        const n = fl & 0x08 ? 8 : 4;
        if (q + n + 6 > lim) return;
        const v = n === 8 ? u64At(b, q) : BigInt(u32At(b, q));
        const di = t.addBig(it, hf.options_mptcp_rawdataseqno, q, n, v);
        if (di >= 0 && full) t.setLabel(di, `Data Sequence Number: ${v}  (${n === 8 ? '64' : '32'}bits version)`);
        q += n;
        t.addNum(it, hf.options_mptcp_subflowseqno, q, 4, u32At(b, q));
        t.addNum(it, hf.options_mptcp_datalvllen, q + 4, 2, u16At(b, q + 4));
        // (a trailing DSS checksum is not shown by tshark)
      }
      return;
    }
    case 3: { // ADD_ADDR
      const ipver = st & 0x0f;
      const li = t.addNum(it, hf.options_mptcp_ipver, o + 2, 1, st);
      if (li >= 0 && full) t.setLabel(li, `${bits8(0x0f, st)} = IP version: ${ipver}`);
      if (olen < 4) return;
      t.addNum(it, hf.options_mptcp_addrid, o + 3, 1, b[o + 3]!);
      if (ipver === 4 && olen >= 8) t.addNum(it, hf.options_mptcp_ipv4, o + 4, 4, u32At(b, o + 4));
      else if (ipver === 6 && olen >= 20) t.addBytes(it, hf.options_mptcp_ipv6, o + 4, 16);
      return;
    }
    case 4: // REMOVE_ADDR
      for (let q = o + 3; q < o + olen; q++) t.addNum(it, hf.options_mptcp_addrid, q, 1, b[q]!);
      return;
    case 5: // MP_PRIO
      if (olen >= 3) {
        const fi = t.addNum(it, hf.options_mptcp_flags, o + 2, 1, st);
        if (fi >= 0 && full) t.setLabel(fi, `Multipath TCP flags: 0x${hexByte(st)}`);
        t.addNum(fi, hf.options_mptcp_backup_flag, o + 2, 1, st);
      }
      if (olen >= 4) t.addNum(it, hf.options_mptcp_addrid, o + 3, 1, b[o + 3]!);
      return;
    case 6: // MP_FAIL
      if (olen >= 12) t.addBig(it, hf.options_mptcp_rawdataseqno, o + 4, 8, u64At(b, o + 4));
      return;
    case 7: // MP_FASTCLOSE
      if (olen >= 12) t.addBig(it, hf.options_mptcp_recvkey, o + 4, 8, u64At(b, o + 4));
      return;
    case 8: // MP_TCPRST
      if (olen >= 4) t.addNum(it, hf.options_mptcp_rst_reason, o + 3, 1, b[o + 3]!);
      return;
    default:
      return;
  }
}

function bitsWord(v: number): string {
  let s = '';
  for (let b = 11; b >= 0; b--) {
    s += (v >> b) & 1 ? '1' : '0';
    if (b % 4 === 0 && b > 0) s += ' ';
  }
  return s;
}

export const tcpHandle = registerHandle('tcp', dissectTcp);
ipProtoTable.add(6, tcpHandle);

