// data: bytes no dissector claimed ("Data (N bytes)"), as tshark shows them.

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';

export const proto_data = registerProtocol('data', 'Data', 'Data');
const hf_data = f('data.data', 'Data', FT.BYTES);
const hf_len = f('data.len', 'Length', FT.INT32);

/** Shows [off, end) as data (clipped to the captured bytes). Returns the bytes shown. */
export function callData(p: Packet, off: number, end: number, parent: number): number {
  const n = end - off;
  if (n <= 0) return 0;
  const t = p.tree;
  const top = p.addProto(parent, proto_data, off, end);
  const cap = Math.min(end, p.capEnd) - off;
  if (top >= 0 || t.wants(hf_data)) {
    t.setLabel(top, `Data (${n} byte${n === 1 ? '' : 's'})`);
    // the default label ("Data: " + at most 36 bytes in hex and an ellipsis) is tshark's
    t.addBytes(top, hf_data, off, Math.max(cap, 0));
    t.generated(t.addNum(top, hf_len, off, 0, n));
  }
  if (cap < n) p.short();
  return n;
}

export const dataHandle = registerHandle('data', callData);
