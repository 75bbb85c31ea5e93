// ntp: Network Time Protocol (RFC 5905; control messages RFC 1305 App. B / RFC 9327; ntpd's
// private mode 7) on UDP port 123. Fields, labels and Info as tshark 4.0 shows them from the outside.

import { FT, Base, f, vals, fields, valueName, registerProtocol, type RangeNames } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import type { Tree } from '../core/tree.js';
import { registerHandle, type Handle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { formatIPv4, formatInt, bitPattern } from '../core/format.js';
import { udpPortTable } from './udp.js';
import { dnsText } from './dns.js';

export const proto_ntp = registerProtocol('ntp', 'Network Time Protocol', 'NTP');

// Value names (tshark -G values)
const VALS_FLAGS_LI = vals({
  0: 'no warning', 1: 'last minute of the day has 61 seconds', 2: 'last minute of the day has 59 seconds',
  3: 'unknown (clock unsynchronized)',
});
const VALS_FLAGS_VN = vals({
  0: 'reserved', 1: 'NTP Version 1', 2: 'NTP Version 2', 3: 'NTP Version 3', 4: 'NTP Version 4',
  5: 'reserved', 6: 'reserved', 7: 'reserved',
});
const VALS_FLAGS_MODE = vals({
  0: 'reserved', 1: 'symmetric active', 2: 'symmetric passive', 3: 'client', 4: 'server', 5: 'broadcast',
  6: 'reserved for NTP control message', 7: 'reserved for private use',
});
const RANGES_STRATUM: RangeNames = [
  [0, 0, 'unspecified or invalid'], [1, 1, 'primary reference'], [2, 15, 'secondary reference'],
  [16, 16, 'unsynchronized'], [17, 255, 'reserved'],
];
const VALS_KEY_TYPE = vals({ 0: 'MD5', 1: 'SHA' });
const VALS_EXT_TYPE = vals({
  2: 'No-Operation Request', 258: 'Association Message Request', 260: 'Unique Identifier',
  514: 'Certificate Message Request', 516: 'NTS Cookie', 770: 'Cookie Message Request',
  772: 'NTS Cookie Placeholder', 1026: 'Autokey Message Request',
  1028: 'NTS Authenticator and Encrypted Extension Fields', 1282: 'Leapseconds Message Request',
  1538: 'Sign Message Request', 1794: 'IFF Identity Message Request', 2050: 'GQ Identity Message Request',
  2306: 'MV Identity Message Request', 8197: 'Checksum Complement', 32770: 'No-Operation Response',
  33026: 'Association Message Response', 33282: 'Certificate Message Response',
  33538: 'Cookie Message Response', 33794: 'Autokey Message Response', 34050: 'Leapseconds Message Response',
  34306: 'Sign Message Response', 34562: 'IFF Identity Message Response',
  34818: 'GQ Identity Message Response', 35074: 'MV Identity Message Response',
  49154: 'No-Operation Error Response', 49410: 'Association Message Error Response',
  49666: 'Certificate Message Error Response', 49922: 'Cookie Message Error Response',
  50178: 'Autokey Message Error Response', 50434: 'Leapseconds Message Error Response',
  50690: 'Sign Message Error Response', 50946: 'IFF Identity Message Error Response',
  51202: 'GQ Identity Message Error Response', 51458: 'MV Identity Message Error Response',
});
const VALS_CTRL_FLAGS2_R = vals({ 0: 'Request', 1: 'Response' });
const VALS_CTRL_FLAGS2_OPCODE = vals({
  0: 'reserved', 1: 'read status', 2: 'read variables', 3: 'write variables', 4: 'read clock variables',
  5: 'write clock variables', 6: 'set trap address/port', 7: 'asynchronous message',
  8: 'runtime configuration', 9: 'save config to file', 10: 'retrieve MRU (mrulist)',
  11: 'retrieve ordered list', 12: 'request a client nonce', 31: 'unset trap address/port',
});
const VALS_CTRL_ERR_STATUS = vals({
  0: 'unspecified', 1: 'authentication failure', 2: 'invalid message length or format', 3: 'invalid opcode',
  4: 'unknown association identifier', 5: 'unknown variable name', 6: 'invalid variable value',
  7: 'administratively prohibited',
});
const VALS_CTRL_SYS_STATUS_CLKSRC = vals({
  0: 'unspecified or unknown', 1: 'Calibrated atomic clock (e.g. HP 5061)',
  2: 'VLF (band 4) or LF (band 5) radio (e.g. OMEGA, WWVB)', 3: 'HF (band 7) radio (e.g. CHU, MSF, WWV/H)',
  4: 'UHF (band 9) satellite (e.g. GOES, GPS)', 5: 'local net (e.g. DCN, TSP, DTS)', 6: 'UDP/NTP',
  7: 'UDP/TIME', 8: 'eyeball-and-wristwatch', 9: 'telephone modem (e.g. NIST)',
});
const VALS_CTRL_SYS_STATUS_CODE = vals({
  0: 'unspecified', 1: 'frequency correction (drift) file not available',
  2: 'frequency correction started (frequency stepped)',
  3: 'spike detected and ignored, starting stepout timer', 4: 'frequency training started',
  5: 'clock synchronized', 6: 'system restart', 7: 'panic stop (required step greater than panic threshold)',
  8: 'no system peer', 9: 'leap second insertion/deletion armed', 10: 'leap second disarmed',
  11: 'leap second inserted or deleted', 12: 'clock stepped (stepout timer expired)',
  13: 'kernel loop discipline status changed', 14: 'leapseconds table loaded from file',
  15: 'leapseconds table outdated, updated file needed',
});
const VALS_CTRL_PEER_STATUS_SELECTION = vals({
  0: 'rejected', 1: 'passed sanity checks (tests 1 through 8 in Section 3.4.3)',
  2: 'passed correctness checks (intersection algorithm in Section 4.2.1)',
  3: 'passed candidate checks (if limit check implemented)',
  4: 'passed outlier checks (clustering algorithm in Section 4.2.2)',
  5: 'current synchronization source; max distance exceeded (if limit check implemented)',
  6: 'current synchronization source; max distance okay', 7: 'reserved',
});
const VALS_CTRL_PEER_STATUS_CODE = vals({
  0: 'unspecified', 1: 'association mobilized', 2: 'association demobilized',
  3: 'peer unreachable (peer.reach was nonzero now zero)',
  4: 'peer reachable (peer.reach was zero now nonzero)', 5: 'association restarted or timed out',
  6: 'no server found (ntpdate mode)', 7: 'rate exceeded (kiss code RATE)',
  8: 'access denied (kiss code DENY)', 9: 'leap armed from server LI code', 10: 'become system peer',
  11: 'reference clock event (see clock status word)', 12: 'authentication failure',
  13: 'popcorn spike suppressor', 14: 'entering interleave mode', 15: 'interleave error (recovered)',
  16: 'leapsecond values update from server',
});
const VALS_CTRL_CLOCK_STATUS_STATUS = vals({
  0: 'clock operating within nominals', 1: 'reply timeout', 2: 'bad reply format',
  3: 'hardware or software fault', 4: 'propagation failure', 5: 'bad date format or value',
  6: 'bad time format or value',
});
const VALS_PRIV_IMPL = vals({ 0: 'UNIV', 2: 'XNTPD_OLD (pre-IPv6)', 3: 'XNTPD' });
const VALS_PRIV_REQCODE = vals({
  0: 'PEER_LIST', 1: 'PEER_LIST_SUM', 2: 'PEER_INFO', 3: 'PEER_STATS', 4: 'SYS_INFO', 5: 'SYS_STATS',
  6: 'IO_STATS', 7: 'MEM_STATS', 8: 'LOOP_INFO', 9: 'TIMER_STATS', 10: 'CONFIG', 11: 'UNCONFIG',
  12: 'SET_SYS_FLAG', 13: 'CLR_SYS_FLAG', 14: 'MONITOR', 15: 'NOMONITOR', 16: 'GET_RESTRICT',
  17: 'RESADDFLAGS', 18: 'RESSUBFLAGS', 19: 'UNRESTRICT', 20: 'MON_GETLIST', 21: 'RESET_STATS',
  22: 'RESET_PEER', 23: 'REREAD_KEYS', 24: 'DO_DIRTY_HACK', 25: 'DONT_DIRTY_HACK', 26: 'TRUSTKEY',
  27: 'UNTRUSTKEY', 28: 'AUTHINFO', 29: 'TRAPS', 30: 'ADD_TRAP', 31: 'CLR_TRAP', 32: 'REQUEST_KEY',
  33: 'CONTROL_KEY', 34: 'GET_CTLSTATS', 35: 'GET_LEAPINFO', 36: 'GET_CLOCKINFO', 37: 'SET_CLKFUDGE',
  38: 'GET_KERNEL', 39: 'GET_CLKBUGINFO', 41: 'SET_PRECISION', 42: 'MON_GETLIST_1', 43: 'HOSTNAME_ASSOCID',
  44: 'IF_STATS', 45: 'IF_RELOAD',
});
const VALS_PRIV_ERR = vals({
  0: 'No error', 1: 'incompatible implementation number', 2: 'unimplemented request code', 3: 'format error',
  4: 'no data available', 5: 'unknown', 6: 'unknown', 7: 'authentication failure',
});
const VALS_PRIV_MODE7_ACTION = vals({
  1: 'Interface exists', 2: 'Interface created', 3: 'Interface deleted',
});

/** Every ntp.* field tshark 4.0 registers (tshark -G fields), in its order. */
const hf = {
  flags: f('ntp.flags', 'Flags', FT.UINT8, { base: Base.HEX, blurb: 'Flags (Leap/Version/Mode)' }),
  flags_li: f('ntp.flags.li', 'Leap Indicator', FT.UINT8, { mask: 0xc0, vals: VALS_FLAGS_LI, blurb: 'Warning of an impending leap second to be inserted or deleted in the last minute of the current month' }),
  flags_vn: f('ntp.flags.vn', 'Version number', FT.UINT8, { mask: 0x38, vals: VALS_FLAGS_VN }),
  flags_mode: f('ntp.flags.mode', 'Mode', FT.UINT8, { mask: 0x7, vals: VALS_FLAGS_MODE }),
  stratum: f('ntp.stratum', 'Peer Clock Stratum', FT.UINT8, { ranges: RANGES_STRATUM }),
  ppoll: f('ntp.ppoll', 'Peer Polling Interval', FT.UINT8, { blurb: 'Maximum interval between successive messages' }),
  precision: f('ntp.precision', 'Peer Clock Precision', FT.UINT8, { blurb: 'The precision of the system clock' }),
  rootdelay: f('ntp.rootdelay', 'Root Delay', FT.UINT32, { blurb: 'Total round-trip delay to the reference clock' }),
  rootdispersion: f('ntp.rootdispersion', 'Root Dispersion', FT.UINT32, { blurb: 'Total dispersion to the reference clock' }),
  refid: f('ntp.refid', 'Reference ID', FT.BYTES, { blurb: 'Particular server or reference clock being used' }),
  reftime: f('ntp.reftime', 'Reference Timestamp', FT.ABSOLUTE_TIME, { blurb: 'Time when the system clock was last set or corrected' }),
  org: f('ntp.org', 'Origin Timestamp', FT.ABSOLUTE_TIME, { blurb: 'Time at the client when the request departed for the server' }),
  rec: f('ntp.rec', 'Receive Timestamp', FT.ABSOLUTE_TIME, { blurb: 'Time at the server when the request arrived from the client' }),
  xmt: f('ntp.xmt', 'Transmit Timestamp', FT.ABSOLUTE_TIME, { blurb: 'Time at the server when the response left for the client' }),
  keyid: f('ntp.keyid', 'Key ID', FT.BYTES),
  mac: f('ntp.mac', 'Message Authentication Code', FT.BYTES),
  padding: f('ntp.padding', 'Padding', FT.BYTES),
  key_type: f('ntp.key_type', 'Key type', FT.UINT8, { vals: VALS_KEY_TYPE, blurb: 'Authentication algorithm used' }),
  key_index: f('ntp.key_index', 'KeyIndex', FT.UINT32, { base: Base.HEX }),
  key_signature: f('ntp.key_signature', 'Signature', FT.BYTES),
  response_in: f('ntp.response_in', 'Response In', FT.FRAMENUM),
  request_in: f('ntp.request_in', 'Request In', FT.FRAMENUM),
  delta_time: f('ntp.delta_time', 'Delta Time', FT.RELATIVE_TIME, { blurb: 'Time between request and response' }),
  ext: f('ntp.ext', 'Extension', FT.NONE),
  ext_type: f('ntp.ext.type', 'Field Type', FT.UINT16, { base: Base.HEX, vals: VALS_EXT_TYPE }),
  ext_length: f('ntp.ext.length', 'Length', FT.UINT16, { blurb: 'Entire extension length including padding' }),
  ext_value: f('ntp.ext.value', 'Value', FT.BYTES, { blurb: 'Type-specific value' }),
  ctrl_flags2: f('ntp.ctrl.flags2', 'Flags 2', FT.UINT8, { base: Base.HEX, blurb: 'Flags (Response/Error/More/Opcode)' }),
  ctrl_flags2_r: f('ntp.ctrl.flags2.r', 'Response bit', FT.UINT8, { mask: 0x80, vals: VALS_CTRL_FLAGS2_R }),
  ctrl_flags2_error: f('ntp.ctrl.flags2.error', 'Error bit', FT.UINT8, { mask: 0x40 }),
  ctrl_flags2_more: f('ntp.ctrl.flags2.more', 'More bit', FT.UINT8, { mask: 0x20 }),
  ctrl_flags2_opcode: f('ntp.ctrl.flags2.opcode', 'Opcode', FT.UINT8, { mask: 0x1f, vals: VALS_CTRL_FLAGS2_OPCODE }),
  ctrl_sequence: f('ntp.ctrl.sequence', 'Sequence', FT.UINT16),
  ctrl_status: f('ntp.ctrl.status', 'Status', FT.UINT16, { base: Base.HEX }),
  ctrl_err_status: f('ntp.ctrl.err_status', 'Error Status Word', FT.UINT16, { mask: 0xff00, vals: VALS_CTRL_ERR_STATUS }),
  ctrl_sys_status_li: f('ntp.ctrl.sys_status.li', 'Leap Indicator', FT.UINT16, { mask: 0xc000, vals: VALS_FLAGS_LI, blurb: 'Warning of an impending leap second to be inserted or deleted in the last minute of the current month' }),
  ctrl_sys_status_clksrc: f('ntp.ctrl.sys_status.clksrc', 'Clock Source', FT.UINT16, { mask: 0x3f00, vals: VALS_CTRL_SYS_STATUS_CLKSRC }),
  ctrl_sys_status_count: f('ntp.ctrl.sys_status.count', 'System Event Counter', FT.UINT16, { mask: 0xf0 }),
  ctrl_sys_status_code: f('ntp.ctrl.sys_status.code', 'System Event Code', FT.UINT16, { mask: 0xf, vals: VALS_CTRL_SYS_STATUS_CODE }),
  ctrl_peer_status_config: f('ntp.ctrl.peer_status.config', 'Peer Status', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['configured (peer.config)', 'not configured (peer.config)'] }),
  ctrl_peer_status_authenable: f('ntp.ctrl.peer_status.authenable', 'Peer Status', FT.BOOLEAN, { boolBits: 16, mask: 0x4000, tfs: ['authentication enabled (peer.authenable)', 'authentication disabled (peer.authenable)'] }),
  ctrl_peer_status_authentic: f('ntp.ctrl.peer_status.authentic', 'Peer Status', FT.BOOLEAN, { boolBits: 16, mask: 0x2000, tfs: ['authentication okay (peer.authentic)', 'authentication not okay (peer.authentic)'] }),
  ctrl_peer_status_reach: f('ntp.ctrl.peer_status.reach', 'Peer Status', FT.BOOLEAN, { boolBits: 16, mask: 0x1000, tfs: ['reachability okay (peer.reach != 0)', 'reachability not okay (peer.reach != 0)'] }),
  ctrl_peer_status_bcast: f('ntp.ctrl.peer_status.bcast', 'Peer Status broadcast association', FT.BOOLEAN, { boolBits: 16, mask: 0x800, tfs: ['Set', 'Not set'] }),
  ctrl_peer_status_selection: f('ntp.ctrl.peer_status.selection', 'Peer Selection', FT.UINT16, { mask: 0x700, vals: VALS_CTRL_PEER_STATUS_SELECTION }),
  ctrl_peer_status_count: f('ntp.ctrl.peer_status.count', 'Peer Event Counter', FT.UINT16, { mask: 0xf0 }),
  ctrl_peer_status_code: f('ntp.ctrl.peer_status.code', 'Peer Event Code', FT.UINT16, { mask: 0xf, vals: VALS_CTRL_PEER_STATUS_CODE }),
  ctrl_clock_status_status: f('ntp.ctrl.clock_status.status', 'Clock Status', FT.UINT16, { mask: 0xff00, vals: VALS_CTRL_CLOCK_STATUS_STATUS }),
  ctrl_clock_status_code: f('ntp.ctrl.clock_status.code', 'Clock Event Code', FT.UINT16, { mask: 0xff }),
  ctrl_data: f('ntp.ctrl.data', 'Data', FT.NONE),
  ctrl_item: f('ntp.ctrl.item', 'Item', FT.NONE),
  ctrl_associd: f('ntp.ctrl.associd', 'AssociationID', FT.UINT16),
  ctrl_offset: f('ntp.ctrl.offset', 'Offset', FT.UINT16),
  ctrl_count: f('ntp.ctrl.count', 'Count', FT.UINT16),
  ctrl_trapmsg: f('ntp.ctrl.trapmsg', 'Trap message', FT.STRING),
  ctrl_configuration: f('ntp.ctrl.configuration', 'Configuration', FT.STRING),
  ctrl_mru: f('ntp.ctrl.mru', 'MRU', FT.STRING),
  ctrl_ordlist: f('ntp.ctrl.ordlist', 'Ordered List', FT.STRING),
  ctrl_nonce: f('ntp.ctrl.nonce', 'Nonce', FT.STRING),
  priv_flags_r: f('ntp.priv.flags.r', 'Response bit', FT.UINT8, { mask: 0x80, vals: VALS_CTRL_FLAGS2_R }),
  priv_flags_more: f('ntp.priv.flags.more', 'More bit', FT.UINT8, { mask: 0x40 }),
  priv_auth_seq: f('ntp.priv.auth_seq', 'Auth, sequence', FT.UINT8, { blurb: 'Auth bit, sequence number' }),
  priv_auth: f('ntp.priv.auth', 'Auth bit', FT.UINT8, { mask: 0x80 }),
  priv_seq: f('ntp.priv.seq', 'Sequence number', FT.UINT8, { mask: 0x7f }),
  priv_impl: f('ntp.priv.impl', 'Implementation', FT.UINT8, { vals: VALS_PRIV_IMPL }),
  priv_reqcode: f('ntp.priv.reqcode', 'Request code', FT.UINT8, { vals: VALS_PRIV_REQCODE }),
  priv_err: f('ntp.priv.err', 'Err', FT.UINT8, { base: Base.HEX, vals: VALS_PRIV_ERR }),
  priv_numitems: f('ntp.priv.numitems', 'Number of data items', FT.UINT16),
  priv_reserved: f('ntp.priv.reserved', 'Reserved', FT.UINT8, { base: Base.HEX }),
  priv_mode7_item: f('ntp.priv.mode7.item', 'Mode7 item', FT.STRINGZ),
  priv_itemsize: f('ntp.priv.itemsize', 'Size of data item', FT.UINT16),
  priv_monlist_avgint: f('ntp.priv.monlist.avgint', 'avgint', FT.UINT32),
  priv_monlist_lsint: f('ntp.priv.monlist.lsint', 'lsint', FT.UINT32),
  priv_monlist_restr: f('ntp.priv.monlist.restr', 'restr', FT.UINT32, { base: Base.HEX }),
  priv_monlist_count: f('ntp.priv.monlist.count', 'count', FT.UINT32),
  priv_monlist_remote_address: f('ntp.priv.monlist.remote_address', 'remote address', FT.IPv4),
  priv_monlist_local_address: f('ntp.priv.monlist.local_address', 'local address', FT.IPv4),
  priv_monlist_flags: f('ntp.priv.monlist.flags', 'flags', FT.UINT32, { base: Base.HEX }),
  priv_monlist_port: f('ntp.priv.monlist.port', 'port', FT.UINT16),
  priv_monlist_mode: f('ntp.priv.monlist.mode', 'mode', FT.UINT8),
  priv_monlist_version: f('ntp.priv.monlist.version', 'version', FT.UINT8),
  priv_monlist_ipv6: f('ntp.priv.monlist.ipv6', 'ipv6', FT.UINT32, { base: Base.HEX }),
  priv_monlist_unused: f('ntp.priv.monlist.unused', 'unused', FT.UINT32, { base: Base.HEX }),
  priv_monlist_addr6: f('ntp.priv.monlist.addr6', 'ipv6 remote addr', FT.IPv6),
  priv_monlist_daddr6: f('ntp.priv.monlist.daddr6', 'ipv6 local addr', FT.IPv6),
  priv_tstamp: f('ntp.priv.tstamp', 'Authentication timestamp', FT.ABSOLUTE_TIME),
  priv_mode7_address: f('ntp.priv.mode7.address', 'Address', FT.IPv4),
  priv_mode7_mask: f('ntp.priv.mode7.mask', 'Mask', FT.IPv4),
  priv_mode7_bcast: f('ntp.priv.mode7.bcast', 'Bcast', FT.IPv4),
  priv_mode7_port: f('ntp.priv.mode7.port', 'Port', FT.UINT16),
  priv_mode7_hmode: f('ntp.priv.mode7.hmode', 'HMode', FT.UINT8, { vals: VALS_FLAGS_MODE }),
  priv_mode7_peer_flags: f('ntp.priv.mode7.peer.flags', 'Flags', FT.UINT8, { base: Base.HEX, mask: 0xff }),
  priv_mode7_ipv6_flag: f('ntp.priv.mode7.ipv6_flag', 'IPv6 Flag', FT.UINT32),
  priv_mode7_unused: f('ntp.priv.mode7.unused', 'Unused', FT.BYTES),
  priv_mode7_address6: f('ntp.priv.mode7.address6', 'IPv6 addr', FT.IPv6),
  priv_mode7_mask6: f('ntp.priv.mode7.mask6', 'IPv6 mask', FT.IPv6),
  priv_mode7_bcast6: f('ntp.priv.mode7.bcast6', 'IPv6 bcast', FT.IPv6),
  priv_mode7_peer_flags_config: f('ntp.priv.mode7.peer.flags.config', 'Config', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_syspeer: f('ntp.priv.mode7.peer.flags.syspeer', 'Syspeer', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_burst: f('ntp.priv.mode7.peer.flags.burst', 'Burst', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_refclock: f('ntp.priv.mode7.peer.flags.refclock', 'Refclock', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_prefer: f('ntp.priv.mode7.peer.flags.prefer', 'Prefer', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_authenable: f('ntp.priv.mode7.peer.flags.authenable', 'Auth enable', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_sel_candidate: f('ntp.priv.mode7.peer.flags.sel_candidate', 'Sel Candidate', FT.BOOLEAN, { boolBits: 8, mask: 0x40, tfs: ['Set', 'Not set'] }),
  priv_mode7_peer_flags_shortlist: f('ntp.priv.mode7.peer.flags.shortlist', 'Shortlist', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: ['Set', 'Not set'] }),
  priv_mode7_dstaddress: f('ntp.priv.mode7.dstaddress', 'Destination address', FT.IPv4),
  priv_mode7_srcaddress: f('ntp.priv.mode7.srcaddress', 'Source address', FT.IPv4),
  priv_mode7_srcport: f('ntp.priv.mode7.srcport', 'Source port', FT.UINT16),
  priv_mode7_count: f('ntp.priv.mode7.count', 'Count', FT.UINT32),
  priv_mode7_hpoll: f('ntp.priv.mode7.hpoll', 'Host polling interval', FT.INT8),
  priv_mode7_reach: f('ntp.priv.mode7.reach', 'Reach', FT.UINT8),
  priv_mode7_delay: f('ntp.priv.mode7.delay', 'Delay', FT.INT32),
  priv_mode7_offset: f('ntp.priv.mode7.offset', 'Offset', FT.UINT64),
  priv_mode7_dispersion: f('ntp.priv.mode7.dispersion', 'Dispersion', FT.UINT32),
  priv_mode7_dstaddress6: f('ntp.priv.mode7.dstaddress6', 'IPv6 destination addr', FT.IPv6),
  priv_mode7_srcaddress6: f('ntp.priv.mode7.srcaddress6', 'IPv6 source addr', FT.IPv6),
  priv_mode7_leap: f('ntp.priv.mode7.leap', 'Leap', FT.UINT8),
  priv_mode7_pmode: f('ntp.priv.mode7.pmode', 'Peer mode', FT.UINT8, { vals: VALS_FLAGS_MODE }),
  priv_mode7_version: f('ntp.priv.mode7.version', 'Version', FT.UINT8),
  priv_mode7_unreach: f('ntp.priv.mode7.unreach', 'Unreach', FT.UINT8),
  priv_mode7_flash: f('ntp.priv.mode7.flash', 'Flash', FT.UINT8),
  priv_mode7_ttl: f('ntp.priv.mode7.ttl', 'TTL', FT.UINT8),
  priv_mode7_flash2: f('ntp.priv.mode7.flash2', 'Flash new', FT.UINT16),
  priv_mode7_associd: f('ntp.priv.mode7.associd', 'Association ID', FT.UINT16),
  priv_mode7_pkeyid: f('ntp.priv.mode7.pkeyid', 'Peer Key ID', FT.UINT32),
  priv_mode7_timer: f('ntp.priv.mode7.timer', 'Timer', FT.UINT32),
  priv_mode7_filtdelay: f('ntp.priv.mode7.filtdelay', 'Filt delay', FT.INT32),
  priv_mode7_filtoffset: f('ntp.priv.mode7.filtoffset', 'Filt offset', FT.INT64),
  priv_mode7_order: f('ntp.priv.mode7.order', 'Order', FT.UINT8),
  priv_mode7_selectdis: f('ntp.priv.mode7.selectdis', 'Selectdis', FT.UINT32),
  priv_mode7_estbdelay: f('ntp.priv.mode7.estbdelay', 'Estbdelay', FT.INT32),
  priv_mode7_bdelay: f('ntp.priv.mode7.bdelay', 'Bdelay', FT.INT32),
  priv_mode7_authdelay: f('ntp.priv.mode7.authdelay', 'Auth delay', FT.INT64),
  priv_mode7_minpoll: f('ntp.priv.mode7.minpoll', 'Minpoll', FT.UINT8),
  priv_mode7_maxpoll: f('ntp.priv.mode7.maxpoll', 'Maxpoll', FT.UINT8),
  priv_config_flags: f('ntp.priv.config.flags', 'Flags', FT.UINT8, { base: Base.HEX, mask: 0xff }),
  priv_mode7_config_flags_authenable: f('ntp.priv.mode7.config.flags.authenable', 'Authenable', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Set', 'Not set'] }),
  priv_mode7_config_flags_prefer: f('ntp.priv.mode7.config.flags.prefer', 'Prefer', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Set', 'Not set'] }),
  priv_mode7_config_flags_burst: f('ntp.priv.mode7.config.flags.burst', 'Burst', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Set', 'Not set'] }),
  priv_mode7_config_flags_iburst: f('ntp.priv.mode7.config.flags.iburst', 'IBurst', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Set', 'Not set'] }),
  priv_mode7_config_flags_no_select: f('ntp.priv.mode7.config.flags.no_select', 'No Select', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Set', 'Not set'] }),
  priv_mode7_config_flags_skey: f('ntp.priv.mode7.config.flags.skey', 'Skey', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Set', 'Not set'] }),
  priv_mode7_key_file: f('ntp.priv.mode7.key_file', 'Key file name', FT.STRING),
  priv_mode7_sys_flags: f('ntp.priv.mode7.sys.flags', 'Flags', FT.UINT32, { base: Base.HEX, mask: 0xff }),
  priv_mode7_sys_flags_bclient: f('ntp.priv.mode7.sys.flags.bclient', 'Bclient', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_pps: f('ntp.priv.mode7.sys.flags.pps', 'PPS', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_ntp: f('ntp.priv.mode7.sys.flags.ntp', 'NTP', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_kernel: f('ntp.priv.mode7.sys.flags.kernel', 'Kernel', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_monitor: f('ntp.priv.mode7.sys.flags.monitor', 'Monitor', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_filegen: f('ntp.priv.mode7.sys.flags.filegen', 'Filegen', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_auth: f('ntp.priv.mode7.sys.flags.auth', 'Auth', FT.BOOLEAN, { boolBits: 8, mask: 0x40, tfs: ['Set', 'Not set'] }),
  priv_mode7_sys_flags_cal: f('ntp.priv.mode7.sys.flags.cal', 'Cal', FT.BOOLEAN, { boolBits: 8, mask: 0x80, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags: f('ntp.priv.mode7.reset_stats.flags', 'Flags', FT.UINT32, { base: Base.HEX, mask: 0xff }),
  priv_mode7_reset_stats_flags_allpeers: f('ntp.priv.mode7.reset_stats.flags.allpeers', 'All Peers', FT.BOOLEAN, { boolBits: 32, mask: 0x1, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags_io: f('ntp.priv.mode7.reset_stats.flags.io', 'IO', FT.BOOLEAN, { boolBits: 32, mask: 0x2, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags_sys: f('ntp.priv.mode7.reset_stats.flags.sys', 'Sys', FT.BOOLEAN, { boolBits: 32, mask: 0x4, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags_mem: f('ntp.priv.mode7.reset_stats.flags.mem', 'Mem', FT.BOOLEAN, { boolBits: 32, mask: 0x8, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags_timer: f('ntp.priv.mode7.reset_stats.flags.timer', 'Timer', FT.BOOLEAN, { boolBits: 32, mask: 0x10, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags_auth: f('ntp.priv.mode7.reset_stats.flags.auth', 'Auth', FT.BOOLEAN, { boolBits: 32, mask: 0x20, tfs: ['Set', 'Not set'] }),
  priv_mode7_reset_stats_flags_ctl: f('ntp.priv.mode7.reset_stats.flags.ctl', 'Ctl', FT.BOOLEAN, { boolBits: 32, mask: 0x40, tfs: ['Set', 'Not set'] }),
  priv_mode7_key: f('ntp.priv.mode7.key', 'Key', FT.UINT64, { base: Base.HEX }),
  priv_mode7_timeup: f('ntp.priv.mode7.timeup', 'Time up', FT.UINT32, { blurb: 'time counters were reset' }),
  priv_mode7_timereset: f('ntp.priv.mode7.timereset', 'Time reset', FT.UINT32, { blurb: 'time counters were reset' }),
  priv_mode7_timereceived: f('ntp.priv.mode7.timereceived', 'Time received', FT.UINT32, { blurb: 'time since a packet received' }),
  priv_mode7_timetosend: f('ntp.priv.mode7.timetosend', 'Time to send', FT.UINT32, { blurb: 'time until a packet sent' }),
  priv_mode7_timereachable: f('ntp.priv.mode7.timereachable', 'Time reachable', FT.UINT32, { blurb: 'time peer has been reachable' }),
  priv_mode7_sent: f('ntp.priv.mode7.sent', 'Sent', FT.UINT32),
  priv_mode7_processed: f('ntp.priv.mode7.processed', 'Processed', FT.UINT32),
  priv_mode7_badauth: f('ntp.priv.mode7.badauth', 'Bad authentication', FT.UINT32),
  priv_mode7_bogusorg: f('ntp.priv.mode7.bogusorg', 'Bogus origin', FT.UINT32),
  priv_mode7_oldpkt: f('ntp.priv.mode7.oldpkt', 'Old packet', FT.UINT32),
  priv_mode7_seldisp: f('ntp.priv.mode7.seldisp', 'Bad dispersion', FT.UINT32),
  priv_mode7_selbroken: f('ntp.priv.mode7.selbroken', 'Bad reference time', FT.UINT32),
  priv_mode7_candidate: f('ntp.priv.mode7.candidate', 'Candidate', FT.UINT32),
  priv_mode7_numkeys: f('ntp.priv.mode7.numkeys', 'Num keys', FT.UINT32),
  priv_mode7_numfreekeys: f('ntp.priv.mode7.numfreekeys', 'Num free keys', FT.UINT32),
  priv_mode7_keylookups: f('ntp.priv.mode7.keylookups', 'Keylookups', FT.UINT32),
  priv_mode7_keynotfound: f('ntp.priv.mode7.keynotfound', 'Key not found', FT.UINT32),
  priv_mode7_encryptions: f('ntp.priv.mode7.encryptions', 'Encryptions', FT.UINT32),
  priv_mode7_decryptions: f('ntp.priv.mode7.decryptions', 'Decryptions', FT.UINT32),
  priv_mode7_expired: f('ntp.priv.mode7.expired', 'Expired', FT.UINT32),
  priv_mode7_keyuncached: f('ntp.priv.mode7.keyuncached', 'Key uncached', FT.UINT32),
  priv_mode7_local_address: f('ntp.priv.mode7.local_address', 'Local address', FT.IPv4),
  priv_mode7_trap_address: f('ntp.priv.mode7.trap_address', 'Trap address', FT.IPv4),
  priv_mode7_trap_port: f('ntp.priv.mode7.trap_port', 'Trap port', FT.UINT16),
  priv_mode7_sequence: f('ntp.priv.mode7.sequence', 'Sequence number', FT.UINT16),
  priv_mode7_settime: f('ntp.priv.mode7.settime', 'Trap set time', FT.UINT32),
  priv_mode7_origtime: f('ntp.priv.mode7.origtime', 'Trap originally time', FT.UINT32),
  priv_mode7_resets: f('ntp.priv.mode7.resets', 'Resets', FT.UINT32),
  priv_traps_flags: f('ntp.priv.traps.flags', 'Flags', FT.UINT32, { base: Base.HEX }),
  priv_mode7_local_address6: f('ntp.priv.mode7.local_address6', 'IPv6 local addr', FT.IPv6),
  priv_mode7_trap_address6: f('ntp.priv.mode7.trap_address6', 'IPv6 trap addr', FT.IPv6),
  priv_mode7_requests: f('ntp.priv.mode7.requests', 'Requests', FT.UINT32),
  priv_mode7_bad_packets: f('ntp.priv.mode7.bad_packets', 'Bad packets', FT.UINT32),
  priv_mode7_responses: f('ntp.priv.mode7.responses', 'Responses', FT.UINT32),
  priv_mode7_fragments: f('ntp.priv.mode7.fragments', 'Fragments', FT.UINT32),
  priv_mode7_errors: f('ntp.priv.mode7.errors', 'Errors', FT.UINT32),
  priv_mode7_too_short: f('ntp.priv.mode7.too_short', 'Too short packets', FT.UINT32),
  priv_mode7_input_responses: f('ntp.priv.mode7.input_responses', 'Responses on input', FT.UINT32),
  priv_mode7_input_fragments: f('ntp.priv.mode7.input_fragments', 'Fragments on input', FT.UINT32),
  priv_mode7_input_errors: f('ntp.priv.mode7.input_errors', 'Errors on input', FT.UINT32),
  priv_mode7_bad_offset: f('ntp.priv.mode7.bad_offset', 'Non zero offset packets', FT.UINT32),
  priv_mode7_bad_version: f('ntp.priv.mode7.bad_version', 'Unknown version packets', FT.UINT32),
  priv_mode7_data_too_short: f('ntp.priv.mode7.data_too_short', 'Data too short', FT.UINT32),
  priv_mode7_badop: f('ntp.priv.mode7.badop', 'Bad op code found', FT.UINT32),
  priv_mode7_async_messages: f('ntp.priv.mode7.async_messages', 'Async messages', FT.UINT32),
  priv_mode7_type: f('ntp.priv.mode7.type', 'Type', FT.UINT8),
  priv_mode7_clock_flags: f('ntp.priv.mode7.clock_flags', 'Clock Flags', FT.UINT8),
  priv_mode7_lastevent: f('ntp.priv.mode7.lastevent', 'Last event', FT.UINT8),
  priv_mode7_currentstatus: f('ntp.priv.mode7.currentstatus', 'Current status', FT.UINT8),
  priv_mode7_polls: f('ntp.priv.mode7.polls', 'Polls', FT.UINT32),
  priv_mode7_noresponse: f('ntp.priv.mode7.noresponse', 'Noresponse', FT.UINT32),
  priv_mode7_badformat: f('ntp.priv.mode7.badformat', 'Bad format', FT.UINT32),
  priv_mode7_baddata: f('ntp.priv.mode7.baddata', 'Bad data', FT.UINT32),
  priv_mode7_timestarted: f('ntp.priv.mode7.timestarted', 'Time started', FT.UINT32),
  priv_mode7_fudgetime1: f('ntp.priv.mode7.fudgetime1', 'Fudge time 1', FT.UINT64, { base: Base.HEX }),
  priv_mode7_fudgetime2: f('ntp.priv.mode7.fudgetime2', 'Fudge time 2', FT.UINT64, { base: Base.HEX }),
  priv_mode7_fudgeval1: f('ntp.priv.mode7.fudgeval1', 'Fudge val 1', FT.INT32),
  priv_mode7_fudgeval2: f('ntp.priv.mode7.fudgeval2', 'Fudge val 2', FT.UINT32),
  priv_mode7_kernel_offset: f('ntp.priv.mode7.kernel_offset', 'Offset', FT.INT32),
  priv_mode7_freq: f('ntp.priv.mode7.freq', 'Freq', FT.INT32),
  priv_mode7_stability: f('ntp.priv.mode7.stability', 'Stability (ppm)', FT.UINT32),
  priv_mode7_maxerror: f('ntp.priv.mode7.maxerror', 'Max error', FT.INT32),
  priv_mode7_esterror: f('ntp.priv.mode7.esterror', 'Est error', FT.INT32),
  priv_mode7_status: f('ntp.priv.mode7.status', 'Status', FT.UINT16),
  priv_mode7_shift: f('ntp.priv.mode7.shift', 'Shift', FT.UINT16),
  priv_mode7_constant: f('ntp.priv.mode7.constant', 'Constant', FT.INT32),
  priv_mode7_precision: f('ntp.priv.mode7.precision', 'Precision', FT.INT32),
  priv_mode7_tolerance: f('ntp.priv.mode7.tolerance', 'tolerance', FT.INT32),
  priv_mode7_ppsfreq: f('ntp.priv.mode7.ppsfreq', 'ppsfreq', FT.INT32),
  priv_mode7_jitter: f('ntp.priv.mode7.jitter', 'jitter', FT.INT32),
  priv_mode7_stabil: f('ntp.priv.mode7.stabil', 'stabil', FT.INT32),
  priv_mode7_jitcnt: f('ntp.priv.mode7.jitcnt', 'jitcnt', FT.INT32),
  priv_mode7_calcnt: f('ntp.priv.mode7.calcnt', 'calcnt', FT.INT32),
  priv_mode7_errcnt: f('ntp.priv.mode7.errcnt', 'errcnt', FT.INT32),
  priv_mode7_stbcnt: f('ntp.priv.mode7.stbcnt', 'stbcnt', FT.INT32),
  priv_mode7_last_offset: f('ntp.priv.mode7.last_offset', 'Last offset', FT.INT64),
  priv_mode7_drift_comp: f('ntp.priv.mode7.drift_comp', 'Drift comp', FT.INT64),
  priv_mode7_compliance: f('ntp.priv.mode7.compliance', 'Compliance', FT.UINT32),
  priv_mode7_watchdog_timer: f('ntp.priv.mode7.watchdog_timer', 'Watchdog timer', FT.UINT32),
  priv_mode7_poll: f('ntp.priv.mode7.poll', 'Poll', FT.UINT32),
  priv_mode7_sys_flags8: f('ntp.priv.mode7.sys.flags8', 'Flags', FT.UINT8, { base: Base.HEX, mask: 0xff }),
  priv_mode7_denied: f('ntp.priv.mode7.denied', 'Denied', FT.UINT32),
  priv_mode7_oldversion: f('ntp.priv.mode7.oldversion', 'Old version', FT.UINT32),
  priv_mode7_newversion: f('ntp.priv.mode7.newversion', 'New version', FT.UINT32),
  priv_mode7_badlength: f('ntp.priv.mode7.badlength', 'Bad length', FT.UINT32),
  priv_mode7_limitrejected: f('ntp.priv.mode7.limitrejected', 'Limit rejected', FT.UINT32),
  priv_mode7_lamport: f('ntp.priv.mode7.lamport', 'Lamport violation', FT.UINT32),
  priv_mode7_tsrounding: f('ntp.priv.mode7.tsrounding', 'Timestamp rounding error', FT.UINT32),
  priv_mode7_totalmem: f('ntp.priv.mode7.totalmem', 'Total memory', FT.UINT16),
  priv_mode7_freemem: f('ntp.priv.mode7.freemem', 'Free memory', FT.UINT16),
  priv_mode7_findpeer_calls: f('ntp.priv.mode7.findpeer_calls', 'Find peer calls', FT.UINT32),
  priv_mode7_allocations: f('ntp.priv.mode7.allocations', 'Allocations', FT.UINT32),
  priv_mode7_demobilizations: f('ntp.priv.mode7.demobilizations', 'Demobilizations', FT.UINT32),
  priv_mode7_hashcount: f('ntp.priv.mode7.hashcount', 'Hashcount', FT.BYTES),
  priv_mode7_totalrecvbufs: f('ntp.priv.mode7.totalrecvbufs', 'Toal receive buffer', FT.UINT16),
  priv_mode7_freerecvbufs: f('ntp.priv.mode7.freerecvbufs', 'Free receive buffer', FT.UINT16),
  priv_mode7_fullrecvbufs: f('ntp.priv.mode7.fullrecvbufs', 'Full receive buffer', FT.UINT16),
  priv_mode7_lowwater: f('ntp.priv.mode7.lowwater', 'Low water', FT.UINT16),
  priv_mode7_dropped: f('ntp.priv.mode7.dropped', 'Dropped packets', FT.UINT32),
  priv_mode7_ignored: f('ntp.priv.mode7.ignored', 'Ignored packets', FT.UINT32),
  priv_mode7_received: f('ntp.priv.mode7.received', 'Received packets', FT.UINT32),
  priv_mode7_notsent: f('ntp.priv.mode7.notsent', 'Not sent packets', FT.UINT32),
  priv_mode7_interrupts: f('ntp.priv.mode7.interrupts', 'Interrupts', FT.UINT32),
  priv_mode7_int_received: f('ntp.priv.mode7.int_received', 'Received by interrupt handler', FT.UINT32),
  priv_mode7_alarms: f('ntp.priv.mode7.alarms', 'Alarms', FT.UINT32),
  priv_mode7_overflows: f('ntp.priv.mode7.overflows', 'Overflows', FT.UINT32),
  priv_mode7_xmtcalls: f('ntp.priv.mode7.xmtcalls', 'Transmitted calls', FT.UINT32),
  priv_mode7_rflags: f('ntp.priv.mode7.rflags', 'Rflags', FT.UINT16),
  priv_mode7_mflags: f('ntp.priv.mode7.mflags', 'Mflags', FT.UINT16),
  priv_mode7_int_name: f('ntp.priv.mode7.int_name', 'Interface name', FT.STRING),
  priv_mode7_int_flags: f('ntp.priv.mode7.int_flags', 'Interface flags', FT.INT32),
  priv_mode7_last_ttl: f('ntp.priv.mode7.last_ttl', 'Last TTL specified', FT.INT32),
  priv_mode7_num_mcast: f('ntp.priv.mode7.num_mcast', 'Numer multicast sockets', FT.INT32),
  priv_mode7_uptime: f('ntp.priv.mode7.uptime', 'Uptime', FT.INT32),
  priv_mode7_scopeid: f('ntp.priv.mode7.scopeid', 'Scopeid', FT.UINT32),
  priv_mode7_ifindex: f('ntp.priv.mode7.ifindex', 'Ifindex', FT.UINT32),
  priv_mode7_ifnum: f('ntp.priv.mode7.ifnum', 'Ifnum', FT.UINT32),
  priv_mode7_peercnt: f('ntp.priv.mode7.peercnt', 'Peer count', FT.UINT32),
  priv_mode7_family: f('ntp.priv.mode7.family', 'Address family', FT.UINT16),
  priv_mode7_ignore_pkts: f('ntp.priv.mode7.ignore_pkts', 'Ignore packets', FT.UINT8),
  priv_mode7_action: f('ntp.priv.mode7.action', 'Action', FT.UINT8, { vals: VALS_PRIV_MODE7_ACTION }),
  priv_mode7_nvalues: f('ntp.priv.mode7.nvalues', 'Nvalues', FT.UINT8),
  priv_mode7_ntimes: f('ntp.priv.mode7.ntimes', 'Ntimes', FT.UINT8),
  priv_mode7_svalues: f('ntp.priv.mode7.svalues', 'Svalues', FT.UINT16),
  priv_mode7_stimes: f('ntp.priv.mode7.stimes', 'Stimes', FT.UINT32),
  priv_mode7_values: f('ntp.priv.mode7.values', 'Values', FT.BYTES),
  priv_mode7_times: f('ntp.priv.mode7.times', 'Times', FT.BYTES),
  priv_mode7_which: f('ntp.priv.mode7.which', 'Which', FT.UINT32),
  priv_mode7_fudgetime: f('ntp.priv.mode7.fudgetime', 'Fudgetime', FT.UINT64),
  priv_mode7_fudgeval_flags: f('ntp.priv.mode7.fudgeval_flags', 'Fudgeval flags', FT.UINT32),
  priv_mode7_ippeerlimit: f('ntp.priv.mode7.ippeerlimit', 'IP peer limit', FT.INT16),
  priv_mode7_restrict_flags: f('ntp.priv.mode7.restrict_flags', 'Restrict flags', FT.UINT16),
};

/** Registered for the glossary (tshark -G fields lists it); an extension that does not fit is read as a MAC instead. */
export const ei_ext_invalid_length = expertInfo('ntp.ext.invalid_length', Group.MALFORMED, Severity.WARN, 'Extension invalid length');

/** Reference clock identifiers (stratum 0/1 reference IDs) as tshark names them. */
const REFCLOCKS = new Map<string, string>([
  ['GOES', 'Geostationary Orbit Environment Satellite'], ['GPS\0', 'Global Position System'],
  ['GAL\0', 'Galileo Positioning System'], ['PPS\0', 'Generic pulse-per-second'],
  ['IRIG', 'Inter-Range Instrumentation Group'], ['WWVB', 'LF Radio WWVB Ft. Collins, CO 60 kHz'],
  ['DCF\0', 'LF Radio DCF77 Mainflingen, DE 77.5 kHz'], ['HBG\0', 'LF Radio HBG Prangins, HB 75 kHz'],
  ['MSF\0', 'LF Radio MSF Anthorn, UK 60 kHz'], ['JJY\0', 'LF Radio JJY Fukushima, JP 40 kHz, Saga, JP 60 kHz'],
  ['LORC', 'MF Radio LORAN C station, 100 kHz'], ['TDF\0', 'MF Radio Allouis, FR 162 kHz'],
  ['CHU\0', 'HF Radio CHU Ottawa, Ontario'], ['WWV\0', 'HF Radio WWV Ft. Collins, CO'],
  ['WWVH', 'HF Radio WWVH Kauai, HI'], ['NIST', 'NIST telephone modem'], ['ACTS', 'NIST telephone modem'],
  ['USNO', 'USNO telephone modem'], ['PTB\0', 'European telephone modem'], ['LOCL', 'uncalibrated local clock'],
  ['CESM', 'calibrated Cesium clock'], ['RBDM', 'calibrated Rubidium clock'], ['OMEG', 'OMEGA radionavigation system'],
  ['DCN\0', 'DCN routing protocol'], ['TSP\0', 'TSP time protocol'], ['DTS\0', 'Digital Time Service'],
  ['ATOM', 'Atomic clock (calibrated)'], ['VLF\0', 'VLF radio (OMEGA,, etc.)'], ['FREE', '(Internal clock)'],
  ['INIT', '(Initialization)'],
]);

//  NTP packet (RFC 5905 §7.3)
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |LI | VN  |Mode |    Stratum     |     Poll      |  Precision   |
//  |                         Root Delay / Root Dispersion          |
//  |                          Reference ID                         |
//  |   Reference / Origin / Receive / Transmit Timestamp (64 each) |
//  |   Extension fields … / Key Identifier / MAC                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
const FLAGS = 0, STRATUM = 1, POLL = 2, PRECISION = 3, ROOTDELAY = 4, ROOTDISP = 8, REFID = 12,
  REFTIME = 16, ORG = 24, REC = 32, XMT = 40, NTP_LEN = XMT + 8;
const MODE_CTRL = 6, MODE_PRIV = 7;
/** key id + the longest MAC (SHA-1) */
const MAX_MAC_LEN = 24;
/** seconds from 1900-01-01 (NTP era 0) to 1970-01-01 */
const NTP_UNIX_OFFSET = 2208988800;

const MODE_INFO = ['reserved', 'symmetric active', 'symmetric passive', 'client', 'server', 'broadcast', 'control', 'private'];

function fmt6(v: number): string {
  return v.toFixed(6);
}

/** An NTP timestamp at `x` (RFC 5905 §6; era 1 when the top bit is clear, as tshark does); "NULL" when zero. */
function addTimestamp(p: Packet, parent: number, fid: number, x: number, label: string): void {
  const t = p.tree;
  const sec = p.dv.getUint32(x);
  const frac = p.dv.getUint32(x + 4);
  const unix = sec === 0 ? -NTP_UNIX_OFFSET : (sec & 0x80000000 ? sec : sec + 4294967296) - NTP_UNIX_OFFSET;
  const nsec = Math.floor((frac * 1e9) / 4294967296);
  const i = t.addObj(parent, fid, x, 8, { sec: unix, nsec: sec === 0 ? 0 : nsec });
  if (i >= 0 && t.full && sec === 0) t.setLabel(i, `${label}: NULL`);
}

/** Length of [a, a+n) clipped to the captured bytes (tree items never reach past them). */
function capLen(p: Packet, a: number, n: number): number {
  const e = a + n < p.capEnd ? a + n : p.capEnd;
  return e > a ? e - a : 0;
}

function dissectNtp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const full = t.full;
  p.proto = 'NTP';
  if (p.cols) p.clearInfo();
  const top = p.addProto(parent, proto_ntp, off, off + capLen(p, off, end - off));
  if (!p.need(off, 1, end)) return end - off;
  const flags = p.buf[off]!;
  const vn = (flags >> 3) & 7;
  const mode = flags & 7;
  const head = `${VALS_FLAGS_VN.get(vn)!}, ${MODE_INFO[mode]!}`;
  if (top >= 0 && full) t.setLabel(top, `Network Time Protocol (${head})`);
  if (p.cols) p.setInfo(head);
  if (mode === MODE_CTRL) dissectCtrl(p, top, off, end, flags);
  else if (mode === MODE_PRIV) dissectPriv(p, top, off, end, flags);
  else dissectStd(p, top, off, end, flags);
  return end - off;
}

function dissectStd(p: Packet, top: number, off: number, end: number, flags: number): void {
  const t = p.tree;
  const full = t.full;
  const dv = p.dv;
  const fi = t.addNum(top, hf.flags, off + FLAGS, 1, flags);
  if (fi >= 0 && full) {
    t.setLabel(fi, `Flags: ${hex2(flags)}, Leap Indicator: ${VALS_FLAGS_LI.get(flags >> 6)!}, Version number: ${VALS_FLAGS_VN.get((flags >> 3) & 7)!}, Mode: ${VALS_FLAGS_MODE.get(flags & 7)!}`);
  }
  t.addNum(fi, hf.flags_li, off + FLAGS, 1, flags);
  t.addNum(fi, hf.flags_vn, off + FLAGS, 1, flags);
  t.addNum(fi, hf.flags_mode, off + FLAGS, 1, flags);
  if (!p.need(off + STRATUM, 1, end)) return;
  t.addNum(top, hf.stratum, off + STRATUM, 1, p.buf[off + STRATUM]!);
  const stratum = p.buf[off + STRATUM]!;
  if (!p.need(off + POLL, 1, end)) return;
  const poll = p.buf[off + POLL]!;
  const pi = t.addNum(top, hf.ppoll, off + POLL, 1, poll);
  if (pi >= 0 && full) {
    t.setLabel(pi, poll >= 4 && poll <= 17 ? `Peer Polling Interval: ${poll} (${2 ** poll} seconds)` : `Peer Polling Interval: invalid (${poll})`);
  }
  if (!p.need(off + PRECISION, 1, end)) return;
  const prec = dv.getInt8(off + PRECISION);
  const ci = t.addNum(top, hf.precision, off + PRECISION, 1, p.buf[off + PRECISION]!);
  if (ci >= 0 && full) t.setLabel(ci, `Peer Clock Precision: ${fmt6(2 ** prec)} seconds`);
  if (!p.need(off + ROOTDELAY, 4, end)) return;
  const rd = dv.getUint32(off + ROOTDELAY);
  const ri = t.addNum(top, hf.rootdelay, off + ROOTDELAY, 4, rd);
  if (ri >= 0 && full) t.setLabel(ri, `Root Delay: ${fmt6(rd / 65536)} seconds`);
  if (!p.need(off + ROOTDISP, 4, end)) return;
  const rdisp = dv.getUint32(off + ROOTDISP);
  const di = t.addNum(top, hf.rootdispersion, off + ROOTDISP, 4, rdisp);
  if (di >= 0 && full) t.setLabel(di, `Root Dispersion: ${fmt6(rdisp / 65536)} seconds`);
  if (!p.need(off + REFID, 4, end)) return;
  const idi = t.addBytes(top, hf.refid, off + REFID, 4);
  if (idi >= 0 && full) t.setLabel(idi, `Reference ID: ${refidText(p.buf, off + REFID, stratum)}`);
  const ts: [number, number, string][] = [[REFTIME, hf.reftime, 'Reference Timestamp'], [ORG, hf.org, 'Origin Timestamp'],
    [REC, hf.rec, 'Receive Timestamp'], [XMT, hf.xmt, 'Transmit Timestamp']];
  for (const [o, fid, label] of ts) {
    if (!p.need(off + o, 8, end)) return;
    addTimestamp(p, top, fid, off + o, label);
  }
  // After the header: extension fields (NTPv4, RFC 7822: only when more than a MAC is left and
  // each one is well formed), then a key id and a MAC of up to 20 bytes (RFC 5905 §7.5)
  let x = off + NTP_LEN;
  while (end - x > MAX_MAC_LEN) {
    if (!p.need(x, 4, end)) return;
    const type = dv.getUint16(x), len = dv.getUint16(x + 2);
    if (len < 16 || (len & 3) !== 0 || x + len > end) break;
    if (!p.need(x, len, end)) return;
    const xi = t.addItem(top, hf.ext, x, len);
    addV(t, xi, hf.ext_type, x, 2, type);
    t.addNum(xi, hf.ext_length, x + 2, 2, len);
    if (!p.need(x + 4, len - 4, end)) return;
    t.addBytes(xi, hf.ext_value, x + 4, len - 4);
    x += len;
  }
  const tail = end - x;
  if (tail >= 4) {
    if (!p.need(x, 4, end)) return;
    t.addBytes(top, hf.keyid, x, 4);
    const ml = tail - 4;
    if (ml > 0) {
      if (!p.need(x + 4, ml, end)) return;
      t.addBytes(top, hf.mac, x + 4, ml);
    }
  }
}

function refidText(buf: Uint8Array, a: number, stratum: number): string {
  if (stratum >= 2) return `${buf[a]}.${buf[a + 1]}.${buf[a + 2]}.${buf[a + 3]}`;
  if (buf[a] === 0 && buf[a + 1] === 0 && buf[a + 2] === 0 && buf[a + 3] === 0) return 'NULL';
  const key = String.fromCharCode(buf[a]!, buf[a + 1]!, buf[a + 2]!, buf[a + 3]!);
  const name = REFCLOCKS.get(key);
  if (name !== undefined) return name;
  let s = '';
  for (let i = 0; i < 4 && buf[a + i] !== 0; i++) s += String.fromCharCode(buf[a + i]!);
  return `Unidentified reference source '${s}'`;
}

//  Control message (mode 6, RFC 1305 Appendix B / RFC 9327)
//  |LI | VN  | 6   |R|E|M| OpCode  |          Sequence             |
//  |            Status             |        Association ID         |
//  |            Offset             |            Count              |
//  |  Data (Count bytes) …                                         |
const C_FLAGS2 = 1, C_SEQ = 2, C_STATUS = 4, C_ASSOC = 6, C_OFFSET = 8, C_COUNT = 10, C_DATA = 12;
const OP_READSTAT = 1, OP_READVAR = 2, OP_WRITEVAR = 3, OP_READCLOCK = 4, OP_WRITECLOCK = 5, OP_ASYNC = 7;

function dissectCtrl(p: Packet, top: number, off: number, end: number, flags: number): void {
  const t = p.tree;
  const full = t.full;
  const dv = p.dv;
  const fi = t.addNum(top, hf.flags, off, 1, flags);
  if (fi >= 0 && full) {
    t.setLabel(fi, `Flags: ${hex2(flags)}, Leap Indicator: ${VALS_FLAGS_LI.get(flags >> 6)!}, Version number: ${VALS_FLAGS_VN.get((flags >> 3) & 7)!}, Mode: ${VALS_FLAGS_MODE.get(flags & 7)!}`);
  }
  t.addNum(fi, hf.flags_li, off, 1, flags);
  t.addNum(fi, hf.flags_vn, off, 1, flags);
  t.addNum(fi, hf.flags_mode, off, 1, flags);
  if (!p.need(off + C_FLAGS2, 1, end)) return;
  const f2 = p.buf[off + C_FLAGS2]!;
  const response = (f2 & 0x80) !== 0, error = (f2 & 0x40) !== 0;
  const opcode = f2 & 0x1f;
  const f2i = t.addNum(top, hf.ctrl_flags2, off + C_FLAGS2, 1, f2);
  if (f2i >= 0 && full) {
    t.setLabel(f2i, `Flags 2: ${hex2(f2)}, Response bit: ${response ? 'Response' : 'Request'}, Opcode: ${VALS_CTRL_FLAGS2_OPCODE.get(opcode) ?? `Unknown (${opcode})`}`);
  }
  t.addNum(f2i, hf.ctrl_flags2_r, off + C_FLAGS2, 1, f2);
  t.addNum(f2i, hf.ctrl_flags2_error, off + C_FLAGS2, 1, f2);
  t.addNum(f2i, hf.ctrl_flags2_more, off + C_FLAGS2, 1, f2);
  addV(t, f2i, hf.ctrl_flags2_opcode, off + C_FLAGS2, 1, f2);
  if (!p.need(off + C_SEQ, 2, end)) return;
  t.addNum(top, hf.ctrl_sequence, off + C_SEQ, 2, dv.getUint16(off + C_SEQ));
  if (!p.need(off + C_STATUS, 2, end)) return;
  const status = dv.getUint16(off + C_STATUS);
  if (!p.need(off + C_ASSOC, 2, end)) return;
  const assoc = dv.getUint16(off + C_ASSOC);
  // the status word's layout depends on the opcode, the association and the error bit
  const peer = response && !error && (opcode === OP_READSTAT || opcode === OP_READVAR || opcode === OP_WRITEVAR || opcode === OP_ASYNC) && assoc !== 0;
  const si = peer ? -1 : t.addNum(top, hf.ctrl_status, off + C_STATUS, 2, status);
  if (response && error) {
    if (si >= 0 && full) t.setLabel(si, `Status: ${hex4(status)}, Error Status Word: ${VALS_CTRL_ERR_STATUS.get(status >> 8) ?? 'Unknown'}`);
    addV(t, si, hf.ctrl_err_status, off + C_STATUS, 2, status);
  } else if (response && (opcode === OP_READSTAT || opcode === OP_READVAR || opcode === OP_WRITEVAR || opcode === OP_ASYNC) && assoc === 0) {
    if (si >= 0 && full) {
      t.setLabel(si, `Status: ${hex4(status)}, Leap Indicator: ${VALS_FLAGS_LI.get(status >> 14)!}, Clock Source: ${VALS_CTRL_SYS_STATUS_CLKSRC.get((status >> 8) & 0x3f) ?? 'Unknown'}, System Event Code: ${VALS_CTRL_SYS_STATUS_CODE.get(status & 0xf) ?? 'Unknown'}`);
    }
    addV(t, si, hf.ctrl_sys_status_li, off + C_STATUS, 2, status);
    addV(t, si, hf.ctrl_sys_status_clksrc, off + C_STATUS, 2, status);
    t.addNum(si, hf.ctrl_sys_status_count, off + C_STATUS, 2, status);
    addV(t, si, hf.ctrl_sys_status_code, off + C_STATUS, 2, status);
  } else if (response && (opcode === OP_READSTAT || opcode === OP_READVAR || opcode === OP_WRITEVAR || opcode === OP_ASYNC)) {
    addPeerStatus(p, top, off + C_STATUS, status);
  } else if (response && (opcode === OP_READCLOCK || opcode === OP_WRITECLOCK)) {
    if (si >= 0 && full) t.setLabel(si, `Status: ${hex4(status)}, Clock Status: ${VALS_CTRL_CLOCK_STATUS_STATUS.get(status >> 8) ?? 'Unknown'}`);
    addV(t, si, hf.ctrl_clock_status_status, off + C_STATUS, 2, status);
    t.addNum(si, hf.ctrl_clock_status_code, off + C_STATUS, 2, status);
  }
  t.addNum(top, hf.ctrl_associd, off + C_ASSOC, 2, assoc);
  if (!p.need(off + C_OFFSET, 4, end)) return;
  t.addNum(top, hf.ctrl_offset, off + C_OFFSET, 2, dv.getUint16(off + C_OFFSET));
  const count = dv.getUint16(off + C_COUNT);
  t.addNum(top, hf.ctrl_count, off + C_COUNT, 2, count);
  if (count === 0) return;
  const d = off + C_DATA;
  if (!p.need(d, count, end)) return;
  const di = t.addItem(top, hf.ctrl_data, d, count);
  if (response && opcode === OP_READSTAT) {
    // association id / status pairs; tshark puts the ids under Data and the statuses after it
    for (let x = d; x + 4 <= d + count; x += 4) {
      const it = t.addItem(di, hf.ctrl_item, x, 4);
      t.addNum(it, hf.ctrl_associd, x, 2, dv.getUint16(x));
    }
    for (let x = d; x + 4 <= d + count; x += 4) addPeerStatus(p, top, x + 2, dv.getUint16(x + 2));
    return;
  }
  if (full) ctrlVariables(p, di, d, d + count);
}

/** Peer status word (RFC 1305 App. B.2.2) with tshark's bitmask label. */
function addPeerStatus(p: Packet, parent: number, x: number, status: number): void {
  const t = p.tree;
  const si = t.addNum(parent, hf.ctrl_status, x, 2, status);
  if (si >= 0 && t.full) {
    let s = `Status: ${hex4(status)}`;
    for (let b = 0x8000; b >= 0x1000; b >>= 1) if (status & b) s += ', Peer Status';
    s += `, Peer Selection: ${VALS_CTRL_PEER_STATUS_SELECTION.get((status >> 8) & 7) ?? 'Unknown'}, Peer Event Code: ${VALS_CTRL_PEER_STATUS_CODE.get(status & 0xf) ?? 'Unknown'}`;
    t.setLabel(si, s);
  }
  t.addNum(si, hf.ctrl_peer_status_config, x, 2, status);
  t.addNum(si, hf.ctrl_peer_status_authenable, x, 2, status);
  t.addNum(si, hf.ctrl_peer_status_authentic, x, 2, status);
  t.addNum(si, hf.ctrl_peer_status_reach, x, 2, status);
  t.addNum(si, hf.ctrl_peer_status_bcast, x, 2, status);
  addV(t, si, hf.ctrl_peer_status_selection, x, 2, status);
  t.addNum(si, hf.ctrl_peer_status_count, x, 2, status);
  addV(t, si, hf.ctrl_peer_status_code, x, 2, status);
}

/**
 * The variable list of a control message ("name=value, name="quoted", …") as tshark's parser
 * tree shows it: per variable the text twice, then name, "=", the value (nested as its grammar
 * matched it) and an empty item for the separator.
 */
function ctrlVariables(p: Packet, di: number, a: number, e: number): void {
  const t = p.tree;
  const buf = p.buf;
  const txt = (x: number, n: number): string => dnsText(buf, x, n);
  let x = a;
  while (x < e) {
    // skip separators before a variable
    while (x < e && (buf[x] === 0x2c || buf[x] === 0x20 || buf[x] === 0x0d || buf[x] === 0x0a)) x++;
    if (x >= e) break;
    const ns = x;
    while (x < e && buf[x] !== 0x3d && buf[x] !== 0x2c) x++;
    const ne = x;
    if (x >= e || buf[x] !== 0x3d) {
      // no "=" (a continuation of the previous message's value): a first word and the rest
      let te = ne;
      while (te > ns && (buf[te - 1] === 0x0d || buf[te - 1] === 0x0a || buf[te - 1] === 0x20)) te--;
      let we = ns;
      while (we < te && buf[we] !== 0x20) we++;
      const v1 = t.addText(di, ns, te - ns, txt(ns, te - ns));
      const v2 = t.addText(v1, ns, te - ns, txt(ns, te - ns));
      t.addText(v2, ns, we - ns, txt(ns, we - ns));
      let rs = we;
      while (rs < te && buf[rs] === 0x20) rs++;
      if (rs < te) t.addText(t.addText(v2, rs, te - rs, txt(rs, te - rs)), rs, te - rs, txt(rs, te - rs));
      continue;
    }
    const eq = x++;
    while (x < e && buf[x] === 0x20) x++;
    const vs = x;
    let ve: number;
    const quoted = x < e && buf[x] === 0x22;
    if (quoted) {
      x++;
      while (x < e && buf[x] !== 0x22) x++;
      ve = x < e ? x + 1 : x;
      x = ve;
    } else {
      while (x < e && buf[x] !== 0x2c && buf[x] !== 0x0d && buf[x] !== 0x0a) x++;
      ve = x;
    }
    const whole = txt(ns, ve - ns);
    const v1 = t.addText(di, ns, ve - ns, whole);
    const v2 = t.addText(v1, ns, ve - ns, whole);
    t.addText(v2, ns, ne - ns, txt(ns, ne - ns));
    t.addText(v2, eq, 1, '=');
    const val = txt(vs, ve - vs);
    const w1 = t.addText(v2, vs, ve - vs, val);
    const w2 = t.addText(w1, vs, ve - vs, val);
    if (quoted && ve - vs >= 2) {
      const inner = txt(vs + 1, ve - vs - 2);
      const w3 = t.addText(w2, vs + 1, ve - vs - 2, inner);
      const w4 = t.addText(w3, vs, ve - vs, val);
      t.addText(w4, vs, 1, '"');
      const w5 = t.addText(w4, vs + 1, ve - vs - 2, inner);
      t.addText(t.addText(w5, vs + 1, ve - vs - 2, inner), vs + 1, ve - vs - 2, inner);
      t.addText(w4, ve - 1, 1, '"');
    } else {
      t.addText(w2, vs, ve - vs, val);
    }
    // the separator after the value (an empty match); at the end of the data without its inner match
    const sep = t.addText(v2, ve, 0, '');
    if (ve < e && buf[ve] === 0x2c) t.addText(sep, ve, 0, '');
  }
}

//  Private message (mode 7, ntpd's ntpdc protocol)
//  |R|M| VN  | 7   |A| Sequence    | Implementation | Request code |
//  | Err | Number of data items    | MBZ | Size of data item       |
//  |  Data items …                                                 |
const P_AUTHSEQ = 1, P_IMPL = 2, P_REQ = 3, P_ERRN = 4, P_MBZS = 6, P_DATA = 8;
const REQ_MON_GETLIST_1 = 42;

function dissectPriv(p: Packet, top: number, off: number, end: number, flags: number): void {
  const t = p.tree;
  const full = t.full;
  const dv = p.dv;
  const buf = p.buf;
  const response = (flags & 0x80) !== 0;
  const fi = t.addNum(top, hf.flags, off, 1, flags);
  if (fi >= 0 && full) {
    t.setLabel(fi, `Flags: ${hex2(flags)}, Response bit: ${response ? 'Response' : 'Request'}, Version number: ${VALS_FLAGS_VN.get((flags >> 3) & 7)!}, Mode: ${VALS_FLAGS_MODE.get(flags & 7)!}`);
  }
  addV(t, fi, hf.priv_flags_r, off, 1, flags);
  t.addNum(fi, hf.priv_flags_more, off, 1, flags);
  t.addNum(fi, hf.flags_vn, off, 1, flags);
  t.addNum(fi, hf.flags_mode, off, 1, flags);
  if (!p.need(off + P_AUTHSEQ, 3, end)) return;
  const as = buf[off + P_AUTHSEQ]!;
  const ai = t.addNum(top, hf.priv_auth_seq, off + P_AUTHSEQ, 1, as);
  if (ai >= 0 && full) t.setLabel(ai, `Auth, sequence: ${as & 0x7f}`);
  t.addNum(ai, hf.priv_auth, off + P_AUTHSEQ, 1, as);
  t.addNum(ai, hf.priv_seq, off + P_AUTHSEQ, 1, as);
  addV(t, top, hf.priv_impl, off + P_IMPL, 1, buf[off + P_IMPL]!);
  const req = buf[off + P_REQ]!;
  addV(t, top, hf.priv_reqcode, off + P_REQ, 1, req);
  if (p.cols) p.appendInfo(`, ${response ? 'Response' : 'Request'}, ${VALS_PRIV_REQCODE.get(req) ?? `Unknown (${req})`}`);
  if (!p.need(off + P_ERRN, 4, end)) return;
  const en = dv.getUint16(off + P_ERRN), ms = dv.getUint16(off + P_MBZS);
  const err = en >> 12, nitems = en & 0x0fff, mbz = ms >> 12, isize = ms & 0x0fff;
  const eri = t.addNum(top, hf.priv_err, off + P_ERRN, 1, err);
  if (eri >= 0 && full) t.setLabel(eri, `${nibbleHigh(err)} = Err: ${VALS_PRIV_ERR.get(err) ?? 'Unknown'} (${hex2(err)})`);
  const ni = t.addNum(top, hf.priv_numitems, off + P_ERRN, 2, nitems);
  if (ni >= 0 && full) t.setLabel(ni, `${twelveBits(nitems)} = Number of data items: ${nitems}`);
  const mi = t.addNum(top, hf.priv_reserved, off + P_MBZS, 1, mbz);
  if (mi >= 0 && full) t.setLabel(mi, `${nibbleHigh(mbz)} = Reserved: ${hex2(mbz)}`);
  const ii = t.addNum(top, hf.priv_itemsize, off + P_MBZS, 2, isize);
  if (ii >= 0 && full) t.setLabel(ii, `${twelveBits(isize)} = Size of data item: ${isize}`);
  if (!response || req !== REQ_MON_GETLIST_1 || isize < 72) return;
  let x = off + P_DATA;
  for (let i = 0; i < nitems; i++) {
    if (!p.need(x, isize, end)) return;
    const port = dv.getUint16(x + 28);
    const ra = dv.getUint32(x + 16);
    const it = t.addItem(top, hf.priv_mode7_item, x, isize);
    if (it >= 0 && full) t.setLabel(it, `Monlist item: address: ${formatIPv4(ra)}:${port}`);
    t.addNum(it, hf.priv_monlist_avgint, x, 4, dv.getUint32(x));
    t.addNum(it, hf.priv_monlist_lsint, x + 4, 4, dv.getUint32(x + 4));
    t.addNum(it, hf.priv_monlist_restr, x + 8, 4, dv.getUint32(x + 8));
    t.addNum(it, hf.priv_monlist_count, x + 12, 4, dv.getUint32(x + 12));
    t.addNum(it, hf.priv_monlist_remote_address, x + 16, 4, ra);
    t.addNum(it, hf.priv_monlist_local_address, x + 20, 4, dv.getUint32(x + 20));
    t.addNum(it, hf.priv_monlist_flags, x + 24, 4, dv.getUint32(x + 24));
    t.addNum(it, hf.priv_monlist_port, x + 28, 2, port);
    t.addNum(it, hf.priv_monlist_mode, x + 30, 1, buf[x + 30]!);
    t.addNum(it, hf.priv_monlist_version, x + 31, 1, buf[x + 31]!);
    t.addNum(it, hf.priv_monlist_ipv6, x + 32, 4, dv.getUint32(x + 32));
    t.addNum(it, hf.priv_monlist_unused, x + 36, 4, dv.getUint32(x + 36));
    x += isize;
  }
}

function nibbleHigh(v: number): string {
  return `${bits4(v)} ....`;
}

function bits4(v: number): string {
  return ((v >> 3) & 1).toString() + ((v >> 2) & 1) + ((v >> 1) & 1) + (v & 1);
}

/** The low 12 bits of a 16-bit word as tshark draws them: `.... 0000  0000 0101`. */
function twelveBits(v: number): string {
  return `.... ${bits4(v >> 8)}  ${bits4(v >> 4)} ${bits4(v)}`;
}

function hex2(v: number): string {
  return '0x' + (v < 16 ? '0' : '') + v.toString(16);
}

function hex4(v: number): string {
  const s = v.toString(16);
  return '0x' + '0000'.slice(s.length) + s;
}

function addV(t: Tree, parent: number, fid: number, off: number, len: number, v: number): number {
  const i = t.addNum(parent, fid, off, len, v);
  if (i >= 0 && t.full) {
    const fl = fields[fid]!;
    const stored = t.num[i]!;
    if (valueName(fl, stored) === undefined) {
      const bits = fl.mask !== 0 ? bitPattern(fl.mask, fl.bits, stored * 2 ** fl.shift) + ' = ' : '';
      t.setLabel(i, `${bits}${fl.name}: Unknown (${formatInt(fl, stored)})`);
    }
  }
  return i;
}

export const ntpHandle: Handle = registerHandle('ntp', dissectNtp);
udpPortTable.add(123, ntpHandle);
