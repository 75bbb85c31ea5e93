// nat-pmp: NAT Port Mapping Protocol (RFC 6886) on UDP port 5351, the port it shares with PCP (RFC 6887):
// tshark records the layer as portcontrol (the PCP dissector hands version 0 to NAT-PMP) and shows the
// NAT-PMP item. Fields, labels and Info as tshark 4.0 shows them from the outside.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   | Vers = 0      | OP = x        | (responses) Result Code       |
//   | (responses) Seconds Since Start of Epoch                      |
//   | ext. address (op 128) | internal/external port, lifetime (map)|

import { FT, f, vals, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';

export const proto_portcontrol = registerProtocol('portcontrol', 'Port Control Protocol', 'Port Control');
export const proto_nat_pmp = registerProtocol('nat-pmp', 'NAT Port Mapping Protocol', 'NAT-PMP');

const VALS_OPCODE = vals({
  0: 'External Address Request', 128: 'External Address Response', 1: 'Map UDP Request', 129: 'Map UDP Response',
  2: 'Map TCP Request', 130: 'Map TCP Response',
});
const VALS_RESULT = vals({
  0: 'Success', 1: 'Unsupported Version', 2: 'Not Authorized/Refused', 3: 'Network Failure', 4: 'Out of resources',
  5: 'Unsupported opcode',
});

const hf = {
  version: f('nat-pmp.version', 'Version', FT.UINT8),
  opcode: f('nat-pmp.opcode', 'Opcode', FT.UINT8, { vals: VALS_OPCODE }),
  result_code: f('nat-pmp.result_code', 'Result Code', FT.UINT16, { vals: VALS_RESULT }),
  sssoe: f('nat-pmp.sssoe', 'Seconds Since Start of Epoch', FT.UINT32),
  external_ip: f('nat-pmp.external_ip', 'External IP Address', FT.IPv4),
  reserved: f('nat-pmp.reserved', 'Reserved', FT.UINT16),
  internal_port: f('nat-pmp.internal_port', 'Internal Port', FT.UINT16),
  external_port: f('nat-pmp.external_port', 'Requested External Port', FT.UINT16),
  pml: f('nat-pmp.pml', 'Requested Port Mapping Lifetime', FT.UINT32),
};

const VERSION = 0;
const OPCODE = 1;
const RESULT = 2;
const SSSOE = 4;
const OP_RESPONSE = 0x80;
const OP_EXTERNAL = 0;

function dissectNatPmp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const dv = p.dv;
  if (end - off < 2 || b[off + VERSION] !== 0) return 0; // PCP (version 2) is not done
  p.addLayer(proto_portcontrol);
  p.proto = 'NAT-PMP';
  const op = b[off + OPCODE]!;
  const opName = VALS_OPCODE.get(op) ?? `Unknown opcode (${op})`;
  if (p.cols) p.setInfo(opName);
  const top = t.addItem(parent, proto_nat_pmp, off, end - off);
  if (top >= 0 && t.full) t.appendLabel(top, `, ${opName}`);
  t.addNum(top, hf.version, off + VERSION, 1, 0);
  t.addNum(top, hf.opcode, off + OPCODE, 1, op);
  let o = off + 2;
  if (op & OP_RESPONSE) {
    if (!p.need(o, 6, end)) return end - off;
    t.addNum(top, hf.result_code, off + RESULT, 2, dv.getUint16(off + RESULT));
    t.addNum(top, hf.sssoe, off + SSSOE, 4, dv.getUint32(off + SSSOE));
    o = off + 8;
  }
  const base = op & ~OP_RESPONSE;
  if (base === OP_EXTERNAL) {
    if (op & OP_RESPONSE) {
      if (!p.need(o, 4, end)) return end - off;
      t.addNum(top, hf.external_ip, o, 4, dv.getUint32(o));
    }
  } else if (base === 1 || base === 2) {
    if (!p.need(o, 10, end)) return end - off;
    if (!(op & OP_RESPONSE)) t.addNum(top, hf.reserved, o, 2, dv.getUint16(o)), (o += 2);
    t.addNum(top, hf.internal_port, o, 2, dv.getUint16(o));
    t.addNum(top, hf.external_port, o + 2, 2, dv.getUint16(o + 2));
    t.addNum(top, hf.pml, o + 4, 4, dv.getUint32(o + 4));
  }
  return end - off;
}

export const natPmpHandle = registerHandle('nat-pmp', dissectNatPmp);
udpPortTable.add(5351, natPmpHandle);
