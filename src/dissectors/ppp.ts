// ppp: Point-to-Point Protocol encapsulation (RFC 1661 §2, HDLC-like framing RFC 1662 §3):
// pcap link types 9 (PPP) and 50 (PPP in HDLC-like framing), PPPoE sessions, GRE 0x880b.
//
// +----------+----------+----------+----------------------------
// | Address  | Control  | Protocol | Information …
// | 0xff (1) | 0x03 (1) | 1 or 2   |
// +----------+----------+----------+----------------------------
//
// Address and Control are present only when the frame starts FF (normally FF 03); a Protocol whose first byte
// is odd is the 1-byte compressed form (RFC 1661 §6.5). The information field dispatches through
// the ppp.protocol table (0x0021 IPv4, 0x0057 IPv6, 0x0281 MPLS …), otherwise it is data.

import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle, Table } from '../core/table.js';
import { linktypeTable } from './frame.js';
import { greProtoTable } from './gre.js';
import { ipHandle } from './ip.js';
import { ipv6Handle } from './ipv6.js';
import { mplsHandle } from './mpls.js';
import { callData } from './data.js';

const HDLC_ADDRESS = 0xff;

export const proto_ppp = registerProtocol('ppp', 'Point-to-Point Protocol', 'PPP');

/** ppp.protocol value names (`tshark -G values`). */
export const PPP_PROTOCOL_NAMES = vals({
  1: "Padding Protocol", 3: "ROHC small-CID", 5: "ROHC large-CID", 33: "Internet Protocol version 4",
  35: "OSI Network Layer", 37: "Xerox NS IDP", 39: "DECnet Phase IV", 41: "Appletalk", 43: "Novell IPX",
  45: "Van Jacobson Compressed TCP/IP", 47: "Van Jacobson Uncompressed TCP/IP", 49: "Bridging PDU",
  51: "Stream Protocol (ST-II)", 53: "Banyan Vines", 57: "AppleTalk EDDP", 59: "AppleTalk SmartBuffered",
  61: "Multi-Link", 63: "NETBIOS Framing", 65: "Cisco Systems", 67: "Ascom Timeplex",
  69: "Fujitsu Link Backup and Load Balancing (LBLB)", 71: "DCA Remote Lan",
  73: "Serial Data Transport Protocol (PPP-SDTP)", 75: "SNA over 802.2", 77: "SNA", 79: "IPv6 Header Compression ",
  81: "KNX Bridging Data", 83: "Encryption", 85: "Individual Link Encryption", 87: "Internet Protocol version 6",
  89: "PPP Muxing", 91: "Vendor-Specific Network Protocol (VSNP)", 93: "TRILL Network Protocol (TNP)",
  97: "RTP IPHC Full Header", 99: "RTP IPHC Compressed TCP", 101: "RTP IPHC Compressed Non TCP",
  103: "RTP IPHC Compressed UDP 8", 105: "RTP IPHC Compressed RTP 8", 111: "Stampede Bridging", 115: "MP+ Protocol",
  193: "NTCITS IPI", 251: "Single link compression in multilink", 253: "Compressed datagram",
  513: "802.1d Hello Packets", 515: "IBM Source Routing BPDU", 517: "DEC LANBridge100 Spanning Tree",
  519: "Cisco Discovery Protocol", 521: "Netcs Twin Routing", 523: "STP - Scheduled Transfer Protocol",
  525: "EDP - Extreme Discovery Protocol", 529: "Optical Supervisory Channel Protocol (OSCP)",
  531: "Optical Supervisory Channel Protocol (OSCP)", 561: "Luxcom", 563: "Sigma Network Systems",
  565: "Apple Client Server Protocol", 641: "MPLS Unicast", 643: "MPLS Multicast",
  645: "IEEE p1284.4 standard - data packets", 647: "ETSI TETRA Network Protocol Type 1",
  649: "Multichannel Flow Treatment Protocol", 8291: "RTP IPHC Compressed TCP No Delta",
  8293: "RTP IPHC Context State", 8295: "RTP IPHC Compressed UDP 16", 8297: "RTP IPHC Compressed RTP 16",
  16385: "Cray Communications Control Protocol", 16387: "CDPD Mobile Network Registration Protocol",
  16389: "Expand accelerator protocol", 16391: "ODSICP NCP", 16393: "DOCSIS DLL",
  16395: "Cetacean Network Detection Protocol", 16417: "Stacker LZS", 16419: "RefTek Protocol",
  16421: "Fibre Channel", 16423: "EMIT Protocols", 16475: "Vendor-Specific Protocol (VSP)",
  16477: "TRILL Link State Protocol (TLSP)", 32801: "Internet Protocol Control Protocol",
  32803: "OSI Network Layer Control Protocol", 32805: "Xerox NS IDP Control Protocol",
  32807: "DECnet Phase IV Control Protocol", 32809: "AppleTalk Control Protocol",
  32811: "Novell IPX Control Protocol", 32817: "Bridging NCP", 32819: "Stream Protocol Control Protocol",
  32821: "Banyan Vines Control Protocol", 32829: "Multi-Link Control Protocol",
  32831: "NETBIOS Framing Control Protocol", 32833: "Cisco Systems Control Protocol", 32835: "Ascom Timeplex",
  32837: "Fujitsu LBLB Control Protocol", 32839: "DCA Remote Lan Network Control Protocol (RLNCP)",
  32841: "Serial Data Control Protocol (PPP-SDCP)", 32843: "SNA over 802.2 Control Protocol",
  32845: "SNA Control Protocol", 32847: "IP6 Header Compression Control Protocol",
  32849: "KNX Bridging Control Protocol", 32851: "Encryption Control Protocol",
  32853: "Individual Link Encryption Control Protocol", 32855: "IPv6 Control Protocol",
  32857: "PPP Muxing Control Protocol", 32859: "Vendor-Specific Network Control Protocol (VSNCP)",
  32861: "TRILL Network Control Protocol", 32879: "Stampede Bridging Control Protocol",
  32883: "MP+ Control Protocol", 32961: "NTCITS IPI Control Protocol",
  33019: "Single link compression in multilink control", 33021: "Compression Control Protocol",
  33287: "Cisco Discovery Protocol Control Protocol", 33289: "Netcs Twin Routing", 33291: "STP - Control Protocol",
  33293: "EDPCP - Extreme Discovery Protocol Control Protocol", 33333: "Apple Client Server Protocol Control",
  33409: "MPLS Control Protocol", 33413: "IEEE p1284.4 standard - Protocol Control",
  33415: "ETSI TETRA TNP1 Control Protocol", 33417: "Multichannel Flow Treatment Protocol",
  49185: "Link Control Protocol", 49187: "Password Authentication Protocol", 49189: "Link Quality Report",
  49191: "Shiva Password Authentication Protocol", 49193: "Callback Control Protocol (CBCP)",
  49195: "BACP Bandwidth Allocation Control Protocol", 49197: "BAP Bandwidth Allocation Protocol",
  49243: "Vendor-Specific Authentication Protocol (VSAP)", 49281: "Container Control Protocol",
  49699: "Challenge Handshake Authentication Protocol", 49701: "RSA Authentication Protocol",
  49703: "Extensible Authentication Protocol", 49705: "Mitsubishi Security Information Exchange Protocol (SIEP)",
  49775: "Stampede Bridging Authorization Protocol", 49793: "Proprietary Authentication Protocol",
  49795: "Proprietary Authentication Protocol", 50305: "Proprietary Node ID Authentication Protocol",
});

const hf = {
  address: f('ppp.address', 'Address', FT.UINT8, { base: Base.HEX }),
  control: f('ppp.control', 'Control', FT.UINT8, { base: Base.HEX }),
  protocol: f('ppp.protocol', 'Protocol', FT.UINT16, { base: Base.HEX, vals: PPP_PROTOCOL_NAMES }),
};

/** PPP protocol number → dissector. */
export const pppProtocolTable = new Table('ppp.protocol', 'PPP protocol');

/** The PPP header at `off` and what it carries; `hdlc` allows the FF 03 address/control prefix. */
function dissectPppAt(p: Packet, off: number, end: number, parent: number, hdlc: boolean): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'PPP';
  if (p.cols) p.setInfo('');
  const top = p.addProto(parent, proto_ppp, off, off + 2);
  let o = off;
  // tshark takes any frame starting FF as address + control, whatever the control byte is
  if (hdlc && o + 2 <= Math.min(end, p.capEnd) && b[o] === HDLC_ADDRESS) {
    t.addNum(top, hf.address, o, 1, HDLC_ADDRESS);
    t.addNum(top, hf.control, o + 1, 1, b[o + 1]!);
    o += 2;
  }
  if (!p.need(o, 1, end)) return end - off;
  let proto: number;
  if (b[o]! & 1) {
    proto = b[o]!;
    t.addNum(top, hf.protocol, o, 1, proto);
    o += 1;
  } else {
    if (!p.need(o, 2, end)) return end - off;
    proto = p.dv.getUint16(o);
    t.addNum(top, hf.protocol, o, 2, proto);
    o += 2;
  }
  t.setEnd(top, o);
  if (o >= end) return end - off;
  const n = pppProtocolTable.dissect(proto, p, o, end, parent);
  if (n === 0 && !p.stopped) {
    const hex = '0x' + proto.toString(16).padStart(4, '0');
    p.proto = hex;
    if (p.cols) p.setInfo(`PPP ${PPP_PROTOCOL_NAMES.get(proto) ?? 'Unknown'} (${hex})`);
    callData(p, o, end, parent);
  }
  return end - off;
}

export const pppHandle = registerHandle('ppp', (p, off, end, parent) => dissectPppAt(p, off, end, parent, true));
/** PPP as the link type: no link-layer addresses, shown as "N/A" until a network layer sets them. */
const pppLinkHandle = registerHandle('ppp.link', (p, off, end, parent) => {
  p.src = p.dst = 'N/A';
  return dissectPppAt(p, off, end, parent, true);
});
/** PPP without the HDLC address/control prefix (PPPoE sessions). */
export const pppNoHdlcHandle = registerHandle('ppp.nohdlc', (p, off, end, parent) => dissectPppAt(p, off, end, parent, false));
linktypeTable.add(9, pppLinkHandle);
linktypeTable.add(50, pppLinkHandle);
greProtoTable.add(0x880b, pppHandle);
pppProtocolTable.add(0x0021, ipHandle);
pppProtocolTable.add(0x0057, ipv6Handle);
pppProtocolTable.add(0x0281, mplsHandle);
