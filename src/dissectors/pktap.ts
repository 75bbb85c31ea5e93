// pktap: Apple PKTAP pseudo-header (pcap link type 258), what macOS `tcpdump -k` records: the
// process and interface of each packet, then the packet in its own link type (DLT).
//
// All fields little-endian (host order of the capturing machine):
// | hdrlen (4) | rectype (4) | dlt (4) | ifname (24) | flags (4) | pfamily (4) | llhdrlen (4) |
// | lltrlrlen (4) | pid (4) | cmdname (20) | svc_class (4) | iftype (2) | ifunit (2) | epid (4) |
// | ecmdname (20) | … up to hdrlen |
// Record type 1 is a packet: the bytes after hdrlen dispatch on the DLT (a `pcap_pktdata` layer in
// frame.protocols, no tree item, as tshark shows it).

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { latin1z } from './strz.js';
import { callData } from './data.js';

const HDRLEN = 0;
const RECTYPE = 4;
const DLT = 8;
const IFNAME = 12;
const FLAGS = 36;
const PFAMILY = 40;
const LLHDRLEN = 44;
const LLTRLRLEN = 48;
const PID = 52;
const CMDNAME = 56;
const SVC_CLASS = 76;
const IFTYPE = 80;
const IFUNIT = 82;
const EPID = 84;
const ECMDNAME = 88;
const HEADER_LEN = ECMDNAME + 20;

const RECTYPE_PACKET = 1;

export const proto_pktap = registerProtocol('pktap', 'PKTAP packet header', 'PKTAP');
const hf = {
  hdrlen: f('pktap.hdrlen', 'Header length', FT.UINT32),
  rectype: f('pktap.rectype', 'Record type', FT.UINT32),
  dlt: f('pktap.dlt', 'DLT', FT.UINT32),
  ifname: f('pktap.ifname', 'Interface name', FT.STRINGZ),
  flags: f('pktap.flags', 'Flags', FT.UINT32, { base: Base.HEX }),
  pfamily: f('pktap.pfamily', 'Protocol family', FT.UINT32),
  llhdrlen: f('pktap.llhdrlen', 'Link-layer header length', FT.UINT32),
  lltrlrlen: f('pktap.lltrlrlen', 'Link-layer trailer length', FT.UINT32),
  pid: f('pktap.pid', 'Process ID', FT.UINT32),
  cmdname: f('pktap.cmdname', 'Command name', FT.STRINGZ),
  svc_class: f('pktap.svc_class', 'Service class', FT.UINT32),
  iftype: f('pktap.iftype', 'Interface type', FT.UINT16),
  ifunit: f('pktap.ifunit', 'Interface unit', FT.UINT16),
  epid: f('pktap.epid', 'Effective process ID', FT.UINT32),
  ecmdname: f('pktap.ecmdname', 'Effective command name', FT.STRINGZ),
};
export const proto_pcap_pktdata = registerProtocol('pcap_pktdata', 'pcap/pcapng packet data', 'pcap_pktdata');

function dissectPktap(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  p.proto = 'PKTAP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_pktap, off, off + HEADER_LEN);
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  // Fixed header checked: read without further checks.
  const hdrlen = dv.getUint32(off + HDRLEN, true);
  const rectype = dv.getUint32(off + RECTYPE, true);
  const dlt = dv.getUint32(off + DLT, true);
  const u32 = (h: number, o: number): void => { t.addNum(top, h, off + o, 4, dv.getUint32(off + o, true)); };
  const str = (h: number, o: number, n: number): void => { t.addStr(top, h, off + o, n, latin1z(b, off + o, n)); };
  t.setEnd(top, off + Math.max(hdrlen, HEADER_LEN));
  u32(hf.hdrlen, HDRLEN);
  u32(hf.rectype, RECTYPE);
  u32(hf.dlt, DLT);
  str(hf.ifname, IFNAME, 24);
  u32(hf.flags, FLAGS);
  u32(hf.pfamily, PFAMILY);
  u32(hf.llhdrlen, LLHDRLEN);
  u32(hf.lltrlrlen, LLTRLRLEN);
  u32(hf.pid, PID);
  str(hf.cmdname, CMDNAME, 20);
  u32(hf.svc_class, SVC_CLASS);
  t.addNum(top, hf.iftype, off + IFTYPE, 2, dv.getUint16(off + IFTYPE, true));
  t.addNum(top, hf.ifunit, off + IFUNIT, 2, dv.getUint16(off + IFUNIT, true));
  u32(hf.epid, EPID);
  str(hf.ecmdname, ECMDNAME, 20);
  const o = off + Math.max(hdrlen, HEADER_LEN);
  if (o >= end || rectype !== RECTYPE_PACKET) return end - off;
  p.addLayer(proto_pcap_pktdata);
  const h = linktypeTable.get(dlt);
  if (h) p.call(h, o, end, parent);
  else callData(p, o, end, parent);
  return end - off;
}

export const pktapHandle = registerHandle('pktap', dissectPktap);
linktypeTable.add(258, pktapHandle);
