// Expert info: problems and notable events in a packet, with severity and group, as in
// `tshark -z expert`. Each expert info is registered with its own filter name
// (e.g. `tcp.connection.syn`, `_ws.malformed`) so filters can test for it.

import { FT, field, registerProtocol, Base } from './field.js';
import { setTextField } from './tree.js';

export enum Severity {
  COMMENT = 0x00100000,
  CHAT = 0x00200000,
  NOTE = 0x00400000,
  WARN = 0x00600000,
  ERROR = 0x00800000,
}

export enum Group {
  CHECKSUM = 0x01000000,
  SEQUENCE = 0x02000000,
  RESPONSE_CODE = 0x03000000,
  REQUEST_CODE = 0x04000000,
  UNDECODED = 0x05000000,
  REASSEMBLE = 0x06000000,
  MALFORMED = 0x07000000,
  DEBUG = 0x08000000,
  PROTOCOL = 0x09000000,
  SECURITY = 0x0a000000,
  COMMENTS_GROUP = 0x0b000000,
  DECRYPTION = 0x0c000000,
  ASSUMPTION = 0x0d000000,
  DEPRECATED = 0x0e000000,
}

export const SEVERITY_NAMES: ReadonlyMap<number, string> = new Map([
  [Severity.COMMENT, 'Comment'], [Severity.CHAT, 'Chat'], [Severity.NOTE, 'Note'],
  [Severity.WARN, 'Warning'], [Severity.ERROR, 'Error'],
]);

export const GROUP_NAMES: ReadonlyMap<number, string> = new Map([
  [Group.CHECKSUM, 'Checksum'], [Group.SEQUENCE, 'Sequence'], [Group.RESPONSE_CODE, 'Response'],
  [Group.REQUEST_CODE, 'Request'], [Group.UNDECODED, 'Undecoded'], [Group.REASSEMBLE, 'Reassemble'],
  [Group.MALFORMED, 'Malformed'], [Group.DEBUG, 'Debug'], [Group.PROTOCOL, 'Protocol'],
  [Group.SECURITY, 'Security'], [Group.COMMENTS_GROUP, 'Comment'], [Group.DECRYPTION, 'Decryption'],
  [Group.ASSUMPTION, 'Assumption'], [Group.DEPRECATED, 'Deprecated'],
]);

export interface ExpertInfo {
  /** field id of the expert info's own filter name */
  readonly fid: number;
  readonly abbrev: string;
  readonly group: Group;
  readonly severity: Severity;
  /** default message */
  readonly summary: string;
}

export const experts: ExpertInfo[] = [];

/** Registers an expert info under the current protocol (call after registerProtocol). */
export function expertInfo(abbrev: string, group: Group, severity: Severity, summary: string): ExpertInfo {
  const fid = field({ abbrev, name: summary, type: FT.NONE });
  const ei: ExpertInfo = { fid, abbrev, group, severity, summary };
  experts.push(ei);
  return ei;
}

// The _ws pseudo-protocol: expert tree fields and the generic malformed/short markers.
export const WS = registerProtocol('_ws', 'Wireshark internal', '_ws');
export const hf_expert = field({ abbrev: '_ws.expert', name: 'Expert Info', type: FT.PROTOCOL });
export const hf_expert_msg = field({ abbrev: '_ws.expert.message', name: 'Message', type: FT.STRING });
export const hf_expert_severity = field({ abbrev: '_ws.expert.severity', name: 'Severity level', type: FT.UINT32, base: Base.NONE, vals: SEVERITY_NAMES });
export const hf_expert_group = field({ abbrev: '_ws.expert.group', name: 'Group', type: FT.UINT32, base: Base.NONE, vals: GROUP_NAMES });
export const hf_malformed = registerProtocol('_ws.malformed', 'Malformed Packet', 'Malformed');
export const ei_malformed = expertInfo('_ws.malformed.expert', Group.MALFORMED, Severity.ERROR, 'Malformed Packet (Exception occurred)');
export const ei_dissector_bug = expertInfo('_ws.malformed.dissector_bug', Group.MALFORMED, Severity.ERROR, 'Dissector bug');
export const hf_short = registerProtocol('_ws.short', 'Packet size limited during capture', 'Short');
export const hf_text = field({ abbrev: 'text', name: 'Text item', type: FT.NONE }, WS);
// text-only items (Tree.addText) carry this id, so outputs can tell them from real fields
setTextField(hf_text);
