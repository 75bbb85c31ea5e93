// portmap: ONC RPC program 100000 (RFC 1833), versions 2–4, carried by rpc.ts.
//
//   V2 procedures: NULL | SET | UNSET | GETPORT | DUMP | CALLIT
//   mapping (SET/UNSET/GETPORT args): prog | vers | prot | port   (4 × uint32)
//
// Each call gets a "Portmap" item (not a layer: tshark's frame.protocols stays "rpc") with the
// generated program version and procedure, then the arguments of SET/UNSET/GETPORT.

import { FT, Base, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ROOT } from '../core/tree.js';
import { rpcPrograms, rpcProgramVersionField } from './rpc.js';

export const proto_portmap = registerProtocol('portmap', 'Portmap', 'Portmap');

const PROC_V2 = vals({ 0: 'NULL', 1: 'SET', 2: 'UNSET', 3: 'GETPORT', 4: 'DUMP', 5: 'CALLIT' });
const PROC_V3 = vals({ 0: 'NULL', 1: 'SET', 2: 'UNSET', 3: 'GETADDR', 4: 'DUMP', 5: 'CALLIT', 6: 'GETTIME', 7: 'UADDR2TADDR', 8: 'TADDR2UADDR' });
const PROC_V4 = vals({ 0: 'NULL', 1: 'SET', 2: 'UNSET', 3: 'GETADDR', 4: 'DUMP', 5: 'BCAST', 6: 'GETTIME', 7: 'UADDR2TADDR', 8: 'TADDR2UADDR', 9: 'GETVERSADDR', 10: 'INDIRECT', 11: 'GETADDRLIST', 12: 'GETSTAT' });
const PROC_V1 = vals({ 0: 'NULL', 1: 'SET', 2: 'UNSET', 3: 'GETPORT', 4: 'DUMP', 5: 'CALLIT' });

const hf = {
  procedure_v1: f('portmap.procedure_v1', 'V1 Procedure', FT.UINT32, { base: Base.DEC, vals: PROC_V1 }),
  procedure_v2: f('portmap.procedure_v2', 'V2 Procedure', FT.UINT32, { base: Base.DEC, vals: PROC_V2 }),
  procedure_v3: f('portmap.procedure_v3', 'V3 Procedure', FT.UINT32, { base: Base.DEC, vals: PROC_V3 }),
  procedure_v4: f('portmap.procedure_v4', 'V4 Procedure', FT.UINT32, { base: Base.DEC, vals: PROC_V4 }),
  prog: f('portmap.prog', 'Program', FT.UINT32, { base: Base.DEC }),
  port: f('portmap.port', 'Port', FT.UINT32, { base: Base.DEC }),
  proc: f('portmap.proc', 'Procedure', FT.UINT32, { base: Base.DEC }),
  proto: f('portmap.proto', 'Protocol', FT.UINT32, { base: Base.DEC }),
  version: f('portmap.version', 'Version', FT.UINT32, { base: Base.DEC }),
};

const PROC_FIELD = [hf.procedure_v1, hf.procedure_v1, hf.procedure_v2, hf.procedure_v3, hf.procedure_v4];
const PROC_NAMES = [PROC_V1, PROC_V1, PROC_V2, PROC_V3, PROC_V4];


rpcPrograms.set(100000, {
  procName(vers: number, proc: number): string {
    return PROC_NAMES[vers]?.get(proc) ?? `Unknown proc (${proc})`;
  },
  dissectCall(p: Packet, vers: number, proc: number, off: number, end: number): void {
    const t = p.tree;
    const top = t.addItem(ROOT, proto_portmap, off, end - off);
    t.generated(t.addNum(top, rpcProgramVersionField, off, 0, vers));
    const pf = PROC_FIELD[vers];
    if (pf !== undefined) t.generated(t.addNum(top, pf, off, 0, proc));
    if (vers === 2 && (proc === 1 || proc === 2 || proc === 3) && end - off >= 16) {
      const dv = p.dv;
      t.addNum(top, hf.prog, off, 4, dv.getUint32(off));
      t.addNum(top, hf.version, off + 4, 4, dv.getUint32(off + 4));
      t.addNum(top, hf.proto, off + 8, 4, dv.getUint32(off + 8));
      t.addNum(top, hf.port, off + 12, 4, dv.getUint32(off + 12));
    }
  },
});
