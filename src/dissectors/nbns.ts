// nbns: NetBIOS Name Service (RFC 1002 §4.2) on UDP port 137: DNS's message layout with NetBIOS
// first-level encoded names, NB and NBSTAT records. Fields, labels and Info as tshark 4.0 shows them.
//
//                         1 1 1 1 1 1 1 1 1 1 2 2 2 2 2 2 2 2 2 2 3 3
//     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |         NAME_TRN_ID           | OPCODE  |   NM_FLAGS  | RCODE |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//    |          QDCOUNT              |           ANCOUNT             |
//    |          NSCOUNT              |           ARCOUNT             |
//    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

import { FT, Base, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatIPv4 } from '../core/format.js';
import { udpPortTable } from './udp.js';
import { secsText } from './dns.js';

export const proto_nbns = registerProtocol('nbns', 'NetBIOS Name Service', 'NBNS');

const VALS_OPCODE = vals({
  0: 'Name query', 5: 'Registration', 6: 'Release', 7: 'Wait for acknowledgment', 8: 'Refresh',
  9: 'Refresh (alternate opcode)', 15: 'Multi-homed registration',
});
const VALS_RCODE = vals({
  0: 'No error', 1: 'Request was invalidly formatted', 2: 'Server failure', 3: 'Requested name does not exist',
  4: 'Request is not implemented', 5: 'Request was refused', 6: 'Name is owned by another node', 7: 'Name is in conflict',
});
const VALS_ONT = vals({ 0: 'B-node', 8192: 'P-node', 16384: 'M-node', 24576: 'H-node' });
const VALS_TYPE = vals({ 32: 'NB', 33: 'NBSTAT' });
const VALS_CLASS = vals({ 1: 'IN', 2: 'CS', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' });
/** What the 16th byte of a NetBIOS name says about it. */
const SUFFIX_NAMES = new Map<number, string>([
  [0x00, 'Workstation/Redirector'], [0x01, 'Browser'], [0x02, 'Workstation/Redirector'], [0x03, 'Messenger service/Main name'],
  [0x05, 'Forwarded name'], [0x06, 'RAS Server service'], [0x1b, 'Domain Master Browser'], [0x1c, 'Domain Controllers'],
  [0x1d, 'Local Master Browser'], [0x1e, 'Browser Election Service'], [0x1f, 'Net DDE Service'], [0x20, 'Server service'],
  [0x21, 'RAS client service'], [0x22, 'Exchange Interchange (MSMail Connector)'], [0x23, 'Exchange Store'],
  [0x24, 'Exchange Directory'], [0x2b, 'Lotus Notes Server service'], [0x30, 'Modem sharing server service'],
  [0x31, 'Modem sharing client service'], [0x43, 'SMS Clients Remote Control'], [0x44, 'SMS Administrators Remote Control Tool'],
  [0x45, 'SMS Clients Remote Chat'], [0x46, 'SMS Clients Remote Transfer'], [0x4c, 'DEC Pathworks TCP/IP Service on Windows NT'],
  [0x52, 'DEC Pathworks TCP/IP Service on Windows NT'], [0x6a, 'Microsoft Exchange IMC'], [0x87, 'Microsoft Exchange MTA'],
  [0xbe, 'Network Monitor Agent'], [0xbf, 'Network Monitor Analyzer'],
]);

const hf = {
  flags: f('nbns.flags', 'Flags', FT.UINT16, { base: Base.HEX }),
  response: f('nbns.flags.response', 'Response', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Message is a response', 'Message is a query'] }),
  opcode: f('nbns.flags.opcode', 'Opcode', FT.UINT16, { mask: 0x7800, vals: VALS_OPCODE }),
  authoritative: f('nbns.flags.authoritative', 'Authoritative', FT.BOOLEAN, { boolBits: 16, mask: 0x400, tfs: ['Server is an authority for domain', 'Server is not an authority for domain'] }),
  truncated: f('nbns.flags.truncated', 'Truncated', FT.BOOLEAN, { boolBits: 16, mask: 0x200, tfs: ['Message is truncated', 'Message is not truncated'] }),
  recdesired: f('nbns.flags.recdesired', 'Recursion desired', FT.BOOLEAN, { boolBits: 16, mask: 0x100, tfs: ['Do query recursively', "Don't do query recursively"] }),
  recavail: f('nbns.flags.recavail', 'Recursion available', FT.BOOLEAN, { boolBits: 16, mask: 0x80, tfs: ['Server can do recursive queries', "Server can't do recursive queries"] }),
  broadcast: f('nbns.flags.broadcast', 'Broadcast', FT.BOOLEAN, { boolBits: 16, mask: 0x10, tfs: ['Broadcast packet', 'Not a broadcast packet'] }),
  rcode: f('nbns.flags.rcode', 'Reply code', FT.UINT16, { mask: 0xf, vals: VALS_RCODE }),
  id: f('nbns.id', 'Transaction ID', FT.UINT16, { base: Base.HEX }),
  queries: f('nbns.count.queries', 'Questions', FT.UINT16),
  answers: f('nbns.count.answers', 'Answer RRs', FT.UINT16),
  auth_rr: f('nbns.count.auth_rr', 'Authority RRs', FT.UINT16),
  add_rr: f('nbns.count.add_rr', 'Additional RRs', FT.UINT16),
  nb_flags: f('nbns.nb_flags', 'Name flags', FT.UINT16, { base: Base.HEX }),
  nb_group: f('nbns.nb_flags.group', 'Name type', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Group name', 'Unique name'] }),
  nb_ont: f('nbns.nb_flags.ont', 'ONT', FT.UINT16, { mask: 0x6000, vals: VALS_ONT }),
  type: f('nbns.type', 'Type', FT.UINT16, { vals: VALS_TYPE }),
  class: f('nbns.class', 'Class', FT.UINT16, { vals: VALS_CLASS }),
  name: f('nbns.name', 'Name', FT.STRING),
  addr: f('nbns.addr', 'Addr', FT.IPv4),
  data: f('nbns.data', 'Data', FT.BYTES),
  ttl: f('nbns.ttl', 'Time to live', FT.UINT32),
  data_length: f('nbns.data_length', 'Data length', FT.UINT16),
};

const ID = 0;
const FLAGS = 2;
const QDCOUNT = 4;
const ANCOUNT = 6;
const NSCOUNT = 8;
const ARCOUNT = 10;
const HEADER_LEN = 12;
const F_RESPONSE = 0x8000;
const T_NB = 32;
const MAX_POINTERS = 16;

interface NbName { text: string; suffix: number; next: number; }

/**
 * The encoded name at `off` (labels, compression pointers): the first label decoded from NetBIOS
 * first-level encoding as `NAME<xx>`, scope labels appended with '.'. Undefined when bad or short
 * (the packet then marked malformed or short when the name runs past the data).
 */
function readName(p: Packet, off: number, msg: number, end: number): NbName | undefined {
  const b = p.buf;
  let o = off;
  let next = -1;
  let text = '';
  let suffix = -1;
  let jumps = 0;
  for (;;) {
    // need() marks a name cut by the snaplen "limited during capture" (the caller's malformed()
    // then does nothing); reading past the captured bytes looped forever on undefined lengths
    if (!p.need(o, 1, end)) return undefined;
    const l = b[o]!;
    if (l === 0) { if (next < 0) next = o + 1; break; }
    if ((l & 0xc0) === 0xc0) {
      if (!p.need(o, 2, end) || ++jumps > MAX_POINTERS) return undefined;
      if (next < 0) next = o + 2;
      o = msg + (((l & 0x3f) << 8) | b[o + 1]!);
      continue;
    }
    if (!p.need(o + 1, l, end)) return undefined;
    if (suffix < 0 && l === 32) {
      let s = '';
      for (let i = 0; i < 32; i += 2) {
        const hi = b[o + 1 + i]! - 0x41, lo = b[o + 2 + i]! - 0x41;
        const c = ((hi & 0xf) << 4) | (lo & 0xf);
        if (i < 30) s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
        else suffix = c;
      }
      text = s.replace(/ +$/, '') + '<' + (suffix < 16 ? '0' : '') + suffix.toString(16) + '>';
    } else {
      let s = '';
      for (let i = 0; i < l; i++) s += String.fromCharCode(b[o + 1 + i]!);
      text += (text ? '.' : '') + s;
      if (suffix < 0) suffix = 0x100;
    }
    o += 1 + l;
  }
  return { text, suffix, next };
}

function nameLabel(n: NbName): string {
  const s = SUFFIX_NAMES.get(n.suffix);
  return s === undefined ? n.text : `${n.text} (${s})`;
}

/** One question (rr=false) or resource record; returns the offset after it, or -1 when bad/short. */
function record(p: Packet, off: number, msg: number, end: number, parent: number, rr: boolean, info: boolean): number {
  const t = p.tree;
  const dv = p.dv;
  const n = readName(p, off, msg, end);
  if (!n) { p.malformed(); return -1; }
  if (!p.need(n.next, 4, end)) return -1;
  const type = dv.getUint16(n.next);
  const cls = dv.getUint16(n.next + 2);
  const tName = VALS_TYPE.get(type) ?? `Unknown (${type})`;
  const cName = VALS_CLASS.get(cls) ?? `Unknown (${cls})`;
  const ri = t.addText(parent, off, n.next + 4 - off, `${n.text}: type ${tName}, class ${cName}`);
  const ni = t.addStr(ri, hf.name, off, n.next - off, n.text);
  if (ni >= 0 && t.full) t.setLabel(ni, `Name: ${nameLabel(n)}`);
  t.addNum(ri, hf.type, n.next, 2, type);
  t.addNum(ri, hf.class, n.next + 2, 2, cls);
  if (!rr) {
    if (info && p.cols) p.appendInfo(` ${tName} ${n.text}`);
    return n.next + 4;
  }
  let o = n.next + 4;
  if (!p.need(o, 6, end)) return -1;
  const ttl = dv.getUint32(o);
  const ti = t.addNum(ri, hf.ttl, o, 4, ttl);
  if (ti >= 0 && t.full) t.setLabel(ti, `Time to live: ${secsText(ttl)}`);
  const dl = dv.getUint16(o + 4);
  t.addNum(ri, hf.data_length, o + 4, 2, dl);
  o += 6;
  if (!p.need(o, dl, end)) return -1;
  t.setEnd(ri, o + dl);
  const de = o + dl;
  if (type === T_NB) {
    let first = true;
    while (o + 6 <= de) {
      const fl = dv.getUint16(o);
      const fi = t.addNum(ri, hf.nb_flags, o, 2, fl);
      if (fi >= 0 && t.full) {
        const ont = VALS_ONT.get(fl & 0x6000)!;
        t.appendLabel(fi, `, ONT: ${ont} (${ont}, ${fl & 0x8000 ? 'group' : 'unique'})`);
      }
      t.addNum(fi, hf.nb_group, o, 2, fl);
      t.addNum(fi, hf.nb_ont, o, 2, fl);
      const a = dv.getUint32(o + 2);
      t.addNum(ri, hf.addr, o + 2, 4, a);
      if (info && first && p.cols) p.appendInfo(` ${tName} ${formatIPv4(a)}`);
      first = false;
      o += 6;
    }
  } else if (dl > 0) {
    t.addBytes(ri, hf.data, o, dl);
    if (info && p.cols) p.appendInfo(` ${tName}`);
  }
  return de;
}

function dissectNbns(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const dv = p.dv;
  p.proto = 'NBNS';
  p.clearInfo();
  const top = p.addProto(parent, proto_nbns, off, end);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const fl = dv.getUint16(off + FLAGS);
  const opcode = (fl >> 11) & 0xf;
  const resp = (fl & F_RESPONSE) !== 0;
  const rcode = fl & 0xf;
  if (p.cols) {
    let s = VALS_OPCODE.get(opcode) ?? `Unknown operation (${opcode})`;
    if (resp) s += ' response' + (rcode ? ', ' + (VALS_RCODE.get(rcode) ?? `Unknown error (${rcode})`) : '');
    p.setInfo(s);
  }
  t.addNum(top, hf.id, off + ID, 2, dv.getUint16(off + ID));
  const fi = t.addNum(top, hf.flags, off + FLAGS, 2, fl);
  if (fi >= 0 && t.full) {
    let s = `, Opcode: ${VALS_OPCODE.get(opcode) ?? 'Unknown'}`;
    if (resp && fl & 0x400) s += ', Authoritative';
    if (fl & 0x200) s += ', Truncated';
    if (fl & 0x100) s += ', Recursion desired';
    if (resp && fl & 0x80) s += ', Recursion available';
    if (fl & 0x10) s += ', Broadcast';
    if (resp) s += `, ${VALS_RCODE.get(rcode) ?? 'Unknown error'}`;
    t.appendLabel(fi, s);
  }
  t.addNum(fi, hf.response, off + FLAGS, 2, fl);
  t.addNum(fi, hf.opcode, off + FLAGS, 2, fl);
  if (resp) t.addNum(fi, hf.authoritative, off + FLAGS, 2, fl);
  t.addNum(fi, hf.truncated, off + FLAGS, 2, fl);
  t.addNum(fi, hf.recdesired, off + FLAGS, 2, fl);
  if (resp) t.addNum(fi, hf.recavail, off + FLAGS, 2, fl);
  t.addNum(fi, hf.broadcast, off + FLAGS, 2, fl);
  if (resp) t.addNum(fi, hf.rcode, off + FLAGS, 2, fl);
  const qd = dv.getUint16(off + QDCOUNT);
  const an = dv.getUint16(off + ANCOUNT);
  const ns = dv.getUint16(off + NSCOUNT);
  const ar = dv.getUint16(off + ARCOUNT);
  t.addNum(top, hf.queries, off + QDCOUNT, 2, qd);
  t.addNum(top, hf.answers, off + ANCOUNT, 2, an);
  t.addNum(top, hf.auth_rr, off + NSCOUNT, 2, ns);
  t.addNum(top, hf.add_rr, off + ARCOUNT, 2, ar);
  let o = off + HEADER_LEN;
  const sections: [number, string, boolean][] = [[qd, 'Queries', false], [an, 'Answers', true], [ns, 'Authoritative nameservers', true], [ar, 'Additional records', true]];
  for (let s = 0; s < sections.length; s++) {
    const [count, title, rr] = sections[s]!;
    if (count === 0) continue;
    const si = t.addText(top, o, 0, title);
    const start = o;
    for (let i = 0; i < count; i++) {
      o = record(p, o, off, end, si, rr, s === 0 || (s === 1 && resp));
      if (o < 0) return end - off;
    }
    t.setLen(si, o - start);
  }
  return end - off;
}

export const nbnsHandle = registerHandle('nbns', dissectNbns);
udpPortTable.add(137, nbnsHandle);
