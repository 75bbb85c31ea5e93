// rpc: ONC RPC v2 (RFC 5531) over UDP/TCP port 111 (portmap); over TCP with record marking.
//
//   record mark (TCP only): 1 bit last fragment | 31 bits fragment length
//    0                   1                   2                   3
//   +-------------------------------+-------------------------------+
//   |              XID              |  msg type (0 call, 1 reply)   |
//   +-------------------------------+-------------------------------+
//   call: rpcvers | prog | vers | proc | cred (flavor, len, body) | verf (flavor, len, body) | args
//
// Several records in one TCP payload are all dissected; one Info per record, joined with "  ; "
// within one call of the dissector (tshark's quirk); a record that runs past the segment asks TCP
// for the rest (p.desegment). The program's dissector (portmap …) is found in `rpcPrograms`.

import { FT, Base, f, vals, registerProtocol, TFS_YES } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { ROOT } from '../core/tree.js';
import { tcpPortTable } from './tcp.js';
import { udpPortTable } from './udp.js';

export const proto_rpc = registerProtocol('rpc', 'Remote Procedure Call', 'RPC');

/** Program number → short name (Info, Protocol column) */
const PROGRAM_NAMES = vals({ 100000: 'Portmap', 100003: 'NFS', 100005: 'MOUNT', 100021: 'NLM', 100024: 'STAT', 100011: 'RQUOTA' });
const MSGTYP_NAMES = vals({ 0: 'Call', 1: 'Reply' });
const FLAVOR_NAMES = vals({ 0: 'AUTH_NULL', 1: 'AUTH_UNIX', 2: 'AUTH_SHORT', 3: 'AUTH_DES', 5: 'AUTH_RSA/Gluster', 6: 'RPCSEC_GSS' });

const hf = {
  lastfrag: f('rpc.lastfrag', 'Last Fragment', FT.BOOLEAN, { boolBits: 32, mask: 0x80000000, tfs: TFS_YES }),
  fraglen: f('rpc.fraglen', 'Fragment Length', FT.UINT32, { base: Base.DEC, mask: 0x7fffffff }),
  xid: f('rpc.xid', 'XID', FT.UINT32, { base: Base.HEX_DEC }),
  msgtyp: f('rpc.msgtyp', 'Message Type', FT.UINT32, { base: Base.DEC, vals: MSGTYP_NAMES }),
  version: f('rpc.version', 'RPC Version', FT.UINT32, { base: Base.DEC }),
  program: f('rpc.program', 'Program', FT.UINT32, { base: Base.DEC, vals: PROGRAM_NAMES }),
  programversion: f('rpc.programversion', 'Program Version', FT.UINT32, { base: Base.DEC }),
  procedure: f('rpc.procedure', 'Procedure', FT.UINT32, { base: Base.DEC }),
  auth_flavor: f('rpc.auth.flavor', 'Flavor', FT.UINT32, { base: Base.DEC, vals: FLAVOR_NAMES }),
  auth_length: f('rpc.auth.length', 'Length', FT.UINT32, { base: Base.DEC }),
};

/** rpc.programversion, shown again (generated) under a program's item */
export const rpcProgramVersionField = hf.programversion;

/** What a program's dissector gets for one call: the procedure and the bytes of its arguments. */
export interface RpcProgram {
  /** procedure name for Info ("NULL"), by version */
  procName(vers: number, proc: number): string;
  /** items for the call's arguments at [off, end) */
  dissectCall(p: Packet, vers: number, proc: number, off: number, end: number): void;
}
export const rpcPrograms = new Map<number, RpcProgram>();

// offsets in a call, from the XID
const XID = 0, MSGTYPE = 4, RPCVERS = 8, PROG = 12, VERS = 16, PROC = 20, CRED = 24;

function dissectRpcTcp(p: Packet, off: number, end: number, parent: number): number {
  return dissectRpcAny(p, off, end, parent, true);
}
function dissectRpcUdp(p: Packet, off: number, end: number, parent: number): number {
  return dissectRpcAny(p, off, end, parent, false);
}

function dissectRpcAny(p: Packet, off: number, end: number, parent: number, marked: boolean): number {
  void parent;
  const dv = p.dv;
  let x = off;
  let n = 0;
  while (x < end) {
    let body = x, recEnd = end;
    if (marked) {
      if (end - x < 4) { if (p.desegment(x, 4 - (end - x))) break; return n ? end - off : 0; }
      const len = dv.getUint32(x) & 0x7fffffff;
      recEnd = x + 4 + len;
      if (recEnd > end) {
        if (p.desegment(x, recEnd - end)) break;
        recEnd = end;
      }
      body = x + 4;
    }
    if (!dissectMessage(p, x, body, recEnd, n === 0)) return n ? end - off : 0;
    n++;
    if (p.stopped) break;
    x = recEnd;
  }
  return end - off;
}

/** One RPC message [body, recEnd) (record mark at `mark` when mark < body). False when it is not RPC. */
function dissectMessage(p: Packet, mark: number, body: number, recEnd: number, first: boolean): boolean {
  const dv = p.dv;
  const t = p.tree;
  if (!p.need(body, 8, recEnd)) return true;
  const xid = dv.getUint32(body + XID);
  const mt = dv.getUint32(body + MSGTYPE);
  if (mt > 1) return false;
  const top = first ? p.addProto(ROOT, proto_rpc, mark, recEnd) : t.addItem(ROOT, proto_rpc, mark, recEnd - mark);
  if (top >= 0 && t.full) t.appendLabel(top, `, Type:${mt === 0 ? 'Call' : 'Reply'} XID:0x${xid.toString(16).padStart(8, '0')}`);
  if (mark < body) {
    const rm = dv.getUint32(mark);
    const last = (rm & 0x80000000) !== 0;
    const fh = t.addText(top, mark, 4, `Fragment header: ${last ? 'Last fragment' : 'Not last fragment'}, ${rm & 0x7fffffff} bytes`);
    t.addNum(fh, hf.lastfrag, mark, 4, rm);
    t.addNum(fh, hf.fraglen, mark, 4, rm);
  }
  t.addNum(top, hf.xid, body + XID, 4, xid);
  t.addNum(top, hf.msgtyp, body + MSGTYPE, 4, mt);
  p.proto = 'RPC';
  if (mt !== 0) {
    info(p, first, 'Reply');
    return true;
  }
  if (!p.need(body + CRED, 8, recEnd)) return true;
  const prog = dv.getUint32(body + PROG), vers = dv.getUint32(body + VERS), proc = dv.getUint32(body + PROC);
  t.addNum(top, hf.version, body + RPCVERS, 4, dv.getUint32(body + RPCVERS));
  t.addNum(top, hf.program, body + PROG, 4, prog);
  t.addNum(top, hf.programversion, body + VERS, 4, vers);
  const pg = rpcPrograms.get(prog);
  const pname = pg ? pg.procName(vers, proc) : '';
  const pi = t.addNum(top, hf.procedure, body + PROC, 4, proc);
  if (pi >= 0 && t.full && pname) t.setLabel(pi, `Procedure: ${pname} (${proc})`);
  let o = body + CRED;
  for (const what of ['Credentials', 'Verifier']) {
    if (!p.need(o, 8, recEnd)) return true;
    const len = dv.getUint32(o + 4);
    const alen = (len + 3) & ~3;
    const ai = t.addText(top, o, Math.min(8 + alen, recEnd - o), what);
    t.addNum(ai, hf.auth_flavor, o, 4, dv.getUint32(o));
    t.addNum(ai, hf.auth_length, o + 4, 4, len);
    if (!p.need(o + 8, alen, recEnd)) return true;
    o += 8 + alen;
  }
  const name = PROGRAM_NAMES.get(prog);
  if (name !== undefined) p.proto = name;
  info(p, first, pg ? `V${vers} ${pname || `Unknown proc (${proc})`} Call` : `Program:${prog} V:${vers} Proc:${proc} Call`);
  if (pg) pg.dissectCall(p, vers, proc, o, recEnd);
  return true;
}

function rpcLayers(p: Packet): number {
  let n = 0;
  for (let i = 0; i < p.nlayers; i++) if (p.layers[i] === proto_rpc) n++;
  return n;
}

/** tshark's RPC Info: the first record of a call replaces Info (or follows an earlier RPC call's text), later ones join with "  ; ". */
function info(p: Packet, first: boolean, s: string): void {
  if (!p.cols) return;
  if (!first) p.appendInfo('  ; ' + s);
  else if (rpcLayers(p) > 1) p.appendInfo(s);
  else p.setInfo(s);
}

export const rpcTcpHandle = registerHandle('rpc', dissectRpcTcp);
export const rpcUdpHandle = registerHandle('rpc.udp', dissectRpcUdp);
tcpPortTable.add(111, rpcTcpHandle);
udpPortTable.add(111, rpcUdpHandle);
