// dhcpv6: Dynamic Host Configuration Protocol for IPv6 (RFC 8415) on UDP ports 546/547: client/server
// and relay headers, options as type/length with client/server DUIDs, IA_NA/IA_TA and IA addresses
// opened. Fields, labels and Info as tshark 4.0 shows them from the outside.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |    msg-type   |               transaction-id                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  (relay: hop-count, link-address (16), peer-address (16))     |
//   |                            options …                          |

import { FT, Base, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { formatIPv6, hexBytes } from '../core/format.js';
import { udpPortTable } from './udp.js';

export const proto_dhcpv6 = registerProtocol('dhcpv6', 'DHCPv6', 'DHCPv6');

const VALS_MSGTYPE = vals({
  1: 'Solicit', 2: 'Advertise', 3: 'Request', 4: 'Confirm', 5: 'Renew', 6: 'Rebind', 7: 'Reply', 8: 'Release',
  9: 'Decline', 10: 'Reconfigure', 11: 'Information-request', 12: 'Relay-forw', 13: 'Relay-reply', 14: 'Leasequery',
  15: 'Leasequery-reply', 16: 'Leasequery-done', 17: 'Leasequery-data', 18: 'Reconfigure-request', 19: 'Reconfigure-reply',
});
const VALS_OPTION = vals({
  1: 'Client Identifier', 2: 'Server Identifier', 3: 'Identity Association for Non-temporary Address',
  4: 'Identity Association for Temporary Address', 5: 'IA Address', 6: 'Option Request', 7: 'Preference',
  8: 'Elapsed time', 9: 'Relay Message', 11: 'Authentication', 12: 'Server unicast', 13: 'Status code',
  14: 'Rapid Commit', 15: 'User Class', 16: 'Vendor Class', 17: 'Vendor-specific Information', 18: 'Interface-Id',
  19: 'Reconfigure Message', 20: 'Reconfigure Accept', 21: 'SIP Server Domain Name List',
  22: 'SIP Servers IPv6 Address List', 23: 'DNS recursive name server', 24: 'Domain Search List',
  25: 'Identity Association for Prefix Delegation', 26: 'IA Prefix', 27: 'Network Information Server',
  28: 'Network Information Server V2', 29: 'Network Information Server Domain Name',
  30: 'Network Information Server V2 Domain Name', 31: 'Simple Network Time Protocol Server', 32: 'Lifetime',
  33: 'BCMCS Server Domain', 34: 'BCMCS Servers IPv6 Address List', 36: 'Geoconf Civic Address',
  37: 'Remote Identifier', 38: 'Subscriber Identifier', 39: 'Client Fully Qualified Domain Name',
  40: 'PANA Agents IPv6 Address List', 41: 'Time Zone', 42: 'Time Zone Database', 43: 'Echo Request Option',
  44: 'Leasequery Query', 45: 'Leasequery Client Data', 46: 'Client Last Transaction Time',
  47: 'Leasequery Relay Data', 48: 'Leasequery Client Link Address List', 49: 'Home Network Identifier FQDN',
  50: 'Visited Home Network Information', 51: 'LoST Server', 52: 'CAPWAP Access Controllers', 53: 'Relay-ID',
  54: 'MoS IPv6 Address', 55: 'MoS Domain Name List', 56: 'NTP Server', 57: 'Access Network Domain Name',
  58: 'SIP User Agent Configuration Service Domains', 59: 'Boot File URL', 60: 'Boot File Parameters',
  61: 'Client System Architecture Type', 62: 'Client Network Interface Identifier', 63: 'Geolocation',
  64: 'Dual-Stack Lite AFTR Name', 65: 'ERP Local Domain Name', 66: 'Relay-Supplied Options', 67: 'Prefix Exclude',
  68: 'Virtual Subnet Selection', 69: 'Identified Home Network Information',
  70: 'Unrestricted Home Network Information', 71: 'Home Network Prefix', 72: 'Home Agent Address',
  73: 'Home Agent FQDN', 74: 'RDNSS Selection', 75: 'Kerberos Principal Name', 76: 'Kerberos Realm Name',
  77: 'Kerberos Default Realm Name', 78: 'Kerberos KDC', 79: 'Client Link-Layer Address', 80: 'Link Address',
  81: 'RADIUS', 82: 'SOL_MAX_RT', 83: 'INF_MAX_RT', 84: 'Address Selection', 85: 'Address Selection table',
  86: 'PCP Server', 87: 'DHCPv4 Message', 88: 'DHCP 4o6 Servers Address', 89: 'S46 Rule', 90: 'S46 BR',
  91: 'S46 DMR', 92: 'S46 IPv4/IPv6 Address Binding', 93: 'S46 Port Parameters', 94: 'S46 MAP-E Container',
  95: 'S46 MAP-T Container', 96: 'S46 Lightweight 4over6 Container', 97: '4rd Options', 98: '4rd Mapping Rule',
  99: '4rd Non-Mapping Rule', 100: 'LQ Server Base Time', 101: 'LQ Server Query Start Time',
  102: 'LQ Server Query End Time', 103: 'Captive Portal', 104: 'MPL Parameter Configuration',
  105: 'Access Technology Type', 106: 'Access Network Name', 107: 'Access Point Name', 108: 'Access Point BSSID',
  109: 'Access Network Operator ID', 110: 'Access Network Operator Realm', 111: 'S46 Priority',
  112: 'Manufacturer Usage Description', 113: 'IPv4/IPv6 Multicast Prefixes', 114: 'Failover Binding Status',
  115: 'Failover Connect Flags', 116: 'Failover DNS Removal Info', 117: 'Failover DNS Hostname',
  118: 'Failover DNS Zone Name', 119: 'Failover DNS Flags', 120: 'Failover Expiration Time',
  121: 'Failover Maximum Number Unacked BNDUPD Messages', 122: 'Failover Maximum Client Lead Time (MCLT)',
  123: 'Failover Partner Lifetime', 124: 'Failover Partner Lifetime Sent', 125: 'Failover Partner Down Time',
  126: 'Failover Partner Raw Client Time', 127: 'Failover Protocol Version', 128: 'Failover Keepalive Time',
  129: 'Failover Reconfigure Data', 130: 'Failover Relationship Name', 131: 'Failover Server Flags',
  132: 'Failover Server State', 133: 'Failover Start Time of State', 134: 'Failover State Expiration Time',
  135: 'Relay Source Port', 136: 'SZTP Redirect', 137: 'Softwire Source Binding Prefix Hint',
  143: 'ANDSF IPv6 Address', 165: 'Mobile IPv6 Home Agent', 166: 'Mobile IPv6 Home Address',
  167: 'Network Access Identifier',
});
const VALS_DUID_TYPE = vals({ 1: 'link-layer address plus time', 2: 'assigned by vendor based on Enterprise number', 3: 'link-layer address', 4: 'Universally Unique IDentifier (UUID)' });

const VALS_HWTYPE = vals({ 1: 'Ethernet', 6: 'IEEE 802', 32: 'InfiniBand' });
/** DUID-LLT times count from 2000-01-01 00:00:00 UTC. */
const DUID_EPOCH = 946684800;

const hf = {
  msgtype: f('dhcpv6.msgtype', 'Message type', FT.UINT8, { vals: VALS_MSGTYPE }),
  hopcount: f('dhcpv6.hopcount', 'Hopcount', FT.UINT8),
  xid: f('dhcpv6.xid', 'Transaction ID', FT.UINT24, { base: Base.HEX }),
  linkaddr: f('dhcpv6.linkaddr', 'Link address', FT.IPv6),
  peeraddr: f('dhcpv6.peeraddr', 'Peer address', FT.IPv6),
  option_type: f('dhcpv6.option.type', 'Option', FT.UINT16, { vals: VALS_OPTION }),
  option_length: f('dhcpv6.option.length', 'Length', FT.UINT16),
  duid_bytes: f('dhcpv6.duid.bytes', 'DUID', FT.BYTES),
  duid_type: f('dhcpv6.duid.type', 'DUID Type', FT.UINT16, { vals: VALS_DUID_TYPE }),
  duidllt_time: f('dhcpv6.duidllt.time', 'DUID Time', FT.ABSOLUTE_TIME),
  duidllt_hwtype: f('dhcpv6.duidllt.hwtype', 'Hardware type', FT.UINT16, { vals: VALS_HWTYPE }),
  duidllt_lladdr: f('dhcpv6.duidllt.link_layer_addr', 'Link-layer address', FT.STRING),
  duidll_hwtype: f('dhcpv6.duidll.hwtype', 'Hardware type', FT.UINT16, { vals: VALS_HWTYPE }),
  duidll_lladdr: f('dhcpv6.duidll.link_layer_addr', 'Link-layer address', FT.STRING),
  iaid: f('dhcpv6.iaid', 'IAID', FT.STRING),
  iaid_t1: f('dhcpv6.iaid.t1', 'T1', FT.UINT32),
  iaid_t2: f('dhcpv6.iaid.t2', 'T2', FT.UINT32),
  iaaddr_ip: f('dhcpv6.iaaddr.ip', 'IPv6 address', FT.IPv6),
  iaaddr_pref: f('dhcpv6.iaaddr.pref_lifetime', 'Preferred lifetime', FT.UINT32),
  iaaddr_valid: f('dhcpv6.iaaddr.valid_lifetime', 'Valid lifetime', FT.UINT32),
  requested_option_code: f('dhcpv6.requested_option_code', 'Requested Option code', FT.UINT16, { vals: VALS_OPTION }),
  elapsed_time: f('dhcpv6.elapsed_time', 'Elapsed time', FT.UINT16),
};

const MSGTYPE = 0;
const XID = 1;
const HEADER_LEN = 4;
const RELAY_HOPCOUNT = 1;
const RELAY_LINKADDR = 2;
const RELAY_PEERADDR = 18;
const RELAY_HEADER_LEN = 34;
const OPT_HEADER_LEN = 4;
const MSG_RELAY_FORW = 12;
const MSG_RELAY_REPLY = 13;
const O_CLIENTID = 1;
const O_SERVERID = 2;
const O_IA_NA = 3;
const O_IA_TA = 4;
const O_IAADDR = 5;
const O_IA_PD = 25;
const O_ORO = 6;
const O_ELAPSED = 8;
const MAX_DEPTH = 8;

function colonHex(b: Uint8Array, a: number, e: number): string {
  let s = '';
  for (let i = a; i < e; i++) s += (i > a ? ':' : '') + (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

/** DUID type and, for the link-layer kinds, hardware type, time and address. */
function duid(p: Packet, v: number, ve: number, parent: number): void {
  const t = p.tree;
  const dv = p.dv;
  const type = dv.getUint16(v);
  t.addNum(parent, hf.duid_type, v, 2, type);
  if (type === 1 && ve - v >= 8) {
    t.addNum(parent, hf.duidllt_hwtype, v + 2, 2, dv.getUint16(v + 2));
    t.addObj(parent, hf.duidllt_time, v + 4, 4, { sec: DUID_EPOCH + dv.getUint32(v + 4), nsec: 0 });
    if (ve > v + 8) t.addStr(parent, hf.duidllt_lladdr, v + 8, ve - v - 8, colonHex(p.buf, v + 8, ve));
  } else if (type === 3 && ve - v >= 4) {
    t.addNum(parent, hf.duidll_hwtype, v + 2, 2, dv.getUint16(v + 2));
    if (ve > v + 4) t.addStr(parent, hf.duidll_lladdr, v + 4, ve - v - 4, colonHex(p.buf, v + 4, ve));
  }
}

/** Options in [off, end) under `parent`. */
function options(p: Packet, off: number, end: number, parent: number, depth: number): void {
  const t = p.tree;
  const dv = p.dv;
  const b = p.buf;
  while (off < end) {
    if (!p.need(off, OPT_HEADER_LEN, end)) return;
    const type = dv.getUint16(off);
    const len = dv.getUint16(off + 2);
    const oi = t.addText(parent, off, OPT_HEADER_LEN + len, VALS_OPTION.get(type) ?? `Unknown (${type})`);
    t.addNum(oi, hf.option_type, off, 2, type);
    t.addNum(oi, hf.option_length, off + 2, 2, len);
    const v = off + OPT_HEADER_LEN;
    if (!p.need(v, len, end)) return;
    const ve = v + len;
    switch (type) {
      case O_CLIENTID: case O_SERVERID:
        if (len > 0) t.addBytes(oi, hf.duid_bytes, v, len);
        if (len >= 2) duid(p, v, ve, oi);
        if (type === O_CLIENTID && p.cols) p.appendInfo(`CID: ${hexBytes(b.subarray(v, ve))} `);
        break;
      case O_IA_NA: case O_IA_TA: case O_IA_PD: {
        const fixed = type === O_IA_TA ? 4 : 12;
        if (len < fixed) break;
        t.addStr(oi, hf.iaid, v, 4, hexBytes(b.subarray(v, v + 4)));
        if (type !== O_IA_TA) {
          t.addNum(oi, hf.iaid_t1, v + 4, 4, dv.getUint32(v + 4));
          t.addNum(oi, hf.iaid_t2, v + 8, 4, dv.getUint32(v + 8));
        }
        if (depth < MAX_DEPTH) options(p, v + fixed, ve, oi, depth + 1);
        break;
      }
      case O_IAADDR:
        if (len < 24) break;
        t.addBytes(oi, hf.iaaddr_ip, v, 16);
        t.addNum(oi, hf.iaaddr_pref, v + 16, 4, dv.getUint32(v + 16));
        t.addNum(oi, hf.iaaddr_valid, v + 20, 4, dv.getUint32(v + 20));
        if (p.cols) p.appendInfo(`IAA: ${formatIPv6(b, v)} `);
        if (depth < MAX_DEPTH) options(p, v + 24, ve, oi, depth + 1);
        break;
      case O_ORO:
        for (let o = v; o + 2 <= ve; o += 2) t.addNum(oi, hf.requested_option_code, o, 2, dv.getUint16(o));
        break;
      case O_ELAPSED:
        if (len === 2) {
          const ms = dv.getUint16(v) * 10;
          const ei = t.addNum(oi, hf.elapsed_time, v, 2, dv.getUint16(v));
          if (ei >= 0 && t.full) t.setLabel(ei, `Elapsed time: ${ms}ms`);
        }
        break;
      default:
        break;
    }
    off = ve;
  }
}

function dissectDhcpv6(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  p.proto = 'DHCPv6';
  p.clearInfo();
  const top = p.addProto(parent, proto_dhcpv6, off, end);
  if (!p.need(off, 1, end)) return end - off;
  const mt = b[off + MSGTYPE]!;
  const name = VALS_MSGTYPE.get(mt) ?? `Unknown (${mt})`;
  t.addNum(top, hf.msgtype, off + MSGTYPE, 1, mt);
  if (mt === MSG_RELAY_FORW || mt === MSG_RELAY_REPLY) {
    if (!p.need(off, RELAY_HEADER_LEN, end)) return end - off;
    t.addNum(top, hf.hopcount, off + RELAY_HOPCOUNT, 1, b[off + RELAY_HOPCOUNT]!);
    t.addBytes(top, hf.linkaddr, off + RELAY_LINKADDR, 16);
    t.addBytes(top, hf.peeraddr, off + RELAY_PEERADDR, 16);
    if (p.cols) p.setInfo(`${name} L: ${formatIPv6(b, off + RELAY_LINKADDR)} `);
    options(p, off + RELAY_HEADER_LEN, end, top, 0);
    return end - off;
  }
  if (!p.need(off, HEADER_LEN, end)) return end - off;
  const xid = (p.dv.getUint16(off + XID) << 8) | b[off + XID + 2]!;
  t.addNum(top, hf.xid, off + XID, 3, xid);
  if (p.cols) p.setInfo(`${name} XID: 0x${xid.toString(16).padStart(6, '0')} `);
  options(p, off + HEADER_LEN, end, top, 0);
  return end - off;
}

export const dhcpv6Handle = registerHandle('dhcpv6', dissectDhcpv6);
udpPortTable.add(546, dhcpv6Handle);
udpPortTable.add(547, dhcpv6Handle);
