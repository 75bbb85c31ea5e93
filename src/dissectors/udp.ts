// udp: User Datagram Protocol (RFC 768), over IPv4 and IPv6.
//
//  0      7 8     15 16    23 24    31
// +--------+--------+--------+--------+
// |     Source      |   Destination   |
// |      Port       |      Port       |
// +--------+--------+--------+--------+
// |                 |                 |
// |     Length      |    Checksum     |
// +--------+--------+--------+--------+
// |          data octets ...
// +---------------- ...
//
// Payload dispatch as tshark: udp.port table (the lower port first), then the 'udp' heuristics,
// then data. Streams (udp.stream) number conversations by first appearance; per-stream times
// feed udp.time_relative / udp.time_delta.

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { PType } from '../core/packet.js';
import { registerHandle, Table, HeurList } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { stateKey } from '../core/session.js';
import { nsDiff } from '../core/time.js';
import { ROOT } from '../core/tree.js';
import { ipProtoTable } from './ipproto.js';
import { CHECKSUM_STATUS_NAMES, CkStatus, u16At, inIcmpError, needq, ConvMap, frameKey, dissectByPorts } from './inet-util.js';

const SRC_PORT = 0;
const DST_PORT = 2;
const LENGTH = 4;
const CHECKSUM = 6;
const HEADER_LEN = CHECKSUM + 2;

export const proto_udp = registerProtocol('udp', 'User Datagram Protocol', 'UDP');

const hf = {
  srcport: f('udp.srcport', 'Source Port', FT.UINT16, { base: Base.PT_UDP }),
  dstport: f('udp.dstport', 'Destination Port', FT.UINT16, { base: Base.PT_UDP }),
  port: f('udp.port', 'Source or Destination Port', FT.UINT16, { base: Base.PT_UDP }),
  stream: f('udp.stream', 'Stream index', FT.UINT32),
  length: f('udp.length', 'Length', FT.UINT16, { blurb: 'Length in octets including this header and the data' }),
  checksum: f('udp.checksum', 'Checksum', FT.UINT16, { base: Base.HEX, blurb: 'Details at: https://www.wireshark.org/docs/wsug_html_chunked/ChAdvChecksums.html' }),
  checksum_calculated: f('udp.checksum_calculated', 'Calculated Checksum', FT.UINT16, { base: Base.HEX, blurb: 'The expected UDP checksum field as calculated from the UDP packet' }),
  checksum_status: f('udp.checksum.status', 'Checksum Status', FT.UINT8, { base: Base.NONE, vals: CHECKSUM_STATUS_NAMES }),
  proc_srcuid: f('udp.proc.srcuid', 'Source process user ID', FT.UINT32),
  proc_srcpid: f('udp.proc.srcpid', 'Source process ID', FT.UINT32),
  proc_srcuname: f('udp.proc.srcuname', 'Source process user name', FT.STRING),
  proc_srccmd: f('udp.proc.srccmd', 'Source process name', FT.STRING, { blurb: 'Source process command name' }),
  proc_dstuid: f('udp.proc.dstuid', 'Destination process user ID', FT.UINT32),
  proc_dstpid: f('udp.proc.dstpid', 'Destination process ID', FT.UINT32),
  proc_dstuname: f('udp.proc.dstuname', 'Destination process user name', FT.STRING),
  proc_dstcmd: f('udp.proc.dstcmd', 'Destination process name', FT.STRING, { blurb: 'Destination process command name' }),
  pdu_size: f('udp.pdu.size', 'PDU Size', FT.UINT32, { blurb: 'The size of this PDU' }),
  time_relative: f('udp.time_relative', 'Time since first frame', FT.RELATIVE_TIME, { blurb: 'Time relative to first frame in this UDP stream' }),
  time_delta: f('udp.time_delta', 'Time since previous frame', FT.RELATIVE_TIME, { blurb: 'Time delta from previous frame in this UDP stream' }),
  payload: f('udp.payload', 'Payload', FT.BYTES),
};

const ei = {
  possible_traceroute: expertInfo('udp.possible_traceroute', Group.SEQUENCE, Severity.CHAT, 'Possible traceroute'),
  length_bad: expertInfo('udp.length.bad', Group.MALFORMED, Severity.ERROR, 'Bad length value'),
  lite_checksum_coverage_bad: expertInfo('udplite.checksum_coverage.bad', Group.MALFORMED, Severity.ERROR, 'Bad checksum coverage length value'),
  checksum_zero: expertInfo('udp.checksum.zero', Group.CHECKSUM, Severity.ERROR, 'Illegal checksum value (0)'),
  checksum_bad: expertInfo('udp.checksum.bad', Group.CHECKSUM, Severity.ERROR, 'Bad checksum'),
  length_bad_zero: expertInfo('udp.length.bad_zero', Group.PROTOCOL, Severity.WARN, 'Length is zero but payload < 65536'),
};

/** udp.port → dissector, for the application-protocol dissectors (dns 53, ntp 123, quic 443 …). */
export const udpPortTable = new Table('udp.port', 'UDP port');
/** Heuristic dissectors tried on UDP payloads no port claimed. */
export const udpHeuristics = new HeurList('udp');

/** One UDP conversation (both directions). */
export class UdpStream {
  readonly index: number;
  firstSec: number;
  firstNsec: number;
  prevSec: number;
  prevNsec: number;
  constructor(index: number, sec: number, nsec: number) {
    this.index = index;
    this.firstSec = this.prevSec = sec;
    this.firstNsec = this.prevNsec = nsec;
  }
}

/** What the first pass computed for one UDP header, read back on revisits. */
interface UdpFrame {
  stream: UdpStream;
  relSec: number; relNsec: number;
  deltaSec: number; deltaNsec: number;
}

class UdpState {
  streams = new ConvMap<UdpStream>();
  next = 0;
  /** frameKey(p) → first-pass facts (only for headers that carry a payload: those show times) */
  frames = new Map<number, UdpFrame>();
}
const UDP_STATE = stateKey('udp', () => new UdpState());

/** The stream of the current packet's (addresses, ports), created on first sight. */
export function udpStream(p: Packet, sport: number, dport: number): UdpStream {
  const s = p.session.get(UDP_STATE);
  let st = s.streams.get(p, sport, dport);
  if (!st) {
    st = new UdpStream(s.next++, p.tsSec, p.tsNsec);
    s.streams.set(p, sport, dport, st);
  }
  return st;
}

function dissectUdp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const full = t.full;
  const quoted = inIcmpError(p);
  p.proto = 'UDP';
  if (p.cols) p.clearInfo();
  const top = p.addProto(parent, proto_udp, off, Math.min(off + HEADER_LEN, end, p.capEnd));

  if (!needq(p, off + SRC_PORT, 2, end, quoted)) return end - off;
  const sport = u16At(b, off + SRC_PORT);
  t.addNum(top, hf.srcport, off + SRC_PORT, 2, sport);
  if (!needq(p, off + DST_PORT, 2, end, quoted)) return end - off;
  const dport = u16At(b, off + DST_PORT);
  t.addNum(top, hf.dstport, off + DST_PORT, 2, dport);
  t.hide(t.addNum(top, hf.port, off + SRC_PORT, 2, sport));
  t.hide(t.addNum(top, hf.port, off + DST_PORT, 2, dport));
  if (top >= 0 && full) t.setLabel(top, `User Datagram Protocol, Src Port: ${sport}, Dst Port: ${dport}`);
  if (!quoted) {
    p.ptype = PType.UDP;
    p.srcport = sport;
    p.dstport = dport;
  }
  if (p.cols) p.setInfo(`${sport} → ${dport}`);

  if (!needq(p, off + LENGTH, 2, end, quoted)) return end - off;
  const ulen = u16At(b, off + LENGTH);
  const ipPayload = end - off;
  const li = t.addNum(top, hf.length, off + LENGTH, 2, ulen);
  let pEnd = end;
  if (!quoted) {
    if (ulen < HEADER_LEN) {
      // Too short to hold the header: tshark stops here.
      t.setLabel(li, `Length: ${ulen} (bogus, must be >= 8)`);
      p.addExpert(li, ei.length_bad, off + LENGTH, 2, `Bad length value ${ulen} < 8`);
      if (p.cols) p.appendInfo(` [BAD UDP LENGTH ${ulen} < 8]`);
      return end - off;
    }
    if (ulen > ipPayload) {
      t.setLabel(li, `Length: ${ulen} (bogus, payload length ${ipPayload})`);
      p.addExpert(li, ei.length_bad, off + LENGTH, 2, `Bad length value ${ulen} > IP payload length`);
      if (p.cols) p.appendInfo(` [BAD UDP LENGTH ${ulen} > IP PAYLOAD LENGTH]`);
    } else {
      pEnd = off + ulen;
    }
  } else if (ulen >= HEADER_LEN && off + ulen < end) {
    pEnd = off + ulen;
  }
  if (p.cols) p.appendInfo(` Len=${ulen - HEADER_LEN}`);

  if (!needq(p, off + CHECKSUM, 2, end, quoted)) return end - off;
  const ck = u16At(b, off + CHECKSUM);
  const ci = t.addNum(top, hf.checksum, off + CHECKSUM, 2, ck);
  if (ck === 0 && p.netType === 6 && !quoted) {
    // RFC 8200 §8.1: a zero UDP checksum is not allowed over IPv6
    if (full) t.appendLabel(ci, ' [zero-value illegal]');
    p.addExpert(ci, ei.checksum_zero, off + CHECKSUM, 2);
    const si = t.generated(t.addNum(ci, hf.checksum_status, off + CHECKSUM, 2, CkStatus.ILLEGAL));
    if (full) t.setLabel(si, 'Checksum Status: Illegal');
    if (p.cols) p.appendInfo(' [ILLEGAL CHECKSUM (0)]');
  } else if (ck === 0) {
    if (full) t.appendLabel(ci, ' [zero-value ignored]');
    const si = t.generated(t.addNum(ci, hf.checksum_status, off + CHECKSUM, 2, CkStatus.NOT_PRESENT));
    if (full) t.setLabel(si, 'Checksum Status: Not present');
  } else {
    if (full) t.appendLabel(ci, ' [unverified]');
    const si = t.generated(t.addNum(top, hf.checksum_status, off + CHECKSUM, 0, CkStatus.UNVERIFIED));
    if (full) t.setLabel(si, 'Checksum Status: Unverified');
  }

  const us = p.session.get(UDP_STATE);
  const fkey = frameKey(p);
  const cached = p.session.visited && !quoted ? us.frames.get(fkey) : undefined;
  const st = cached ? cached.stream : udpStream(p, sport, dport);
  t.generated(t.addNum(top, hf.stream, off, 0, st.index));

  const pOff = off + HEADER_LEN;
  if (pEnd <= pOff) return end - off;
  if (!quoted) {
    // Per-stream times (only frames that carry a payload show them, and move the stream's clock).
    let fr = cached;
    if (!fr) {
      const rel = nsDiff(p.tsSec, p.tsNsec, st.firstSec, st.firstNsec);
      const delta = nsDiff(p.tsSec, p.tsNsec, st.prevSec, st.prevNsec);
      fr = { stream: st, relSec: rel.sec, relNsec: rel.nsec, deltaSec: delta.sec, deltaNsec: delta.nsec };
      if (!p.session.visited) {
        st.prevSec = p.tsSec;
        st.prevNsec = p.tsNsec;
        if (p.session.retainFrames) us.frames.set(fkey, fr);
      }
    }
    if (t.wants(hf.time_relative) || t.wants(hf.time_delta)) {
      const ts = t.generated(t.addText(top, off, 0, 'Timestamps'));
      t.generated(t.addObj(ts, hf.time_relative, off, 0, { sec: fr.relSec, nsec: fr.relNsec }));
      t.generated(t.addObj(ts, hf.time_delta, off, 0, { sec: fr.deltaSec, nsec: fr.deltaNsec }));
    }
  }
  const cap = Math.min(pEnd, p.capEnd) - pOff;
  if (cap <= 0) {
    // none of the payload captured: tshark's payload dissectors then hit the end of the data
    if (!quoted) p.short();
    return end - off;
  }
  // the item's bytes run to the end of the IP payload (tshark's), its label gives the UDP length,
  // or the bytes captured of it when the snaplen cut it
  const pl = t.addBytes(top, hf.payload, pOff, Math.max(0, Math.min(end, p.capEnd) - pOff));
  if (pl >= 0 && full) {
    const n = Math.max(0, Math.min(pEnd, p.capEnd) - pOff);
    t.setLabel(pl, `UDP payload (${n} byte${n === 1 ? '' : 's'})`);
  }
  // application protocols sit at the top level of the tree, as in tshark (even under an ICMP quote)
  dissectPayload(p, sport, dport, pOff, pEnd, ROOT);
  void parent;
  return end - off;
}

/** Port table (low port first), heuristics, then data. */
function dissectPayload(p: Packet, sport: number, dport: number, off: number, end: number, parent: number): void {
  dissectByPorts(udpPortTable, udpHeuristics, p, sport, dport, off, end, parent);
}

export const udpHandle = registerHandle('udp', dissectUdp);
ipProtoTable.add(17, udpHandle);
