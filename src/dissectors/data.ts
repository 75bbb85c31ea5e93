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
    const d = t.addBytes(top, hf_data, off, Math.max(cap, 0));
    if (d >= 0 && t.full) t.setLabel(d, `Data: ${hexOf(p.buf, off, Math.max(cap, 0))}`);
    t.generated(t.addNum(top, hf_len, off, 0, n));
  }
  if (cap < n) p.short();
  return n;
}

function hexOf(b: Uint8Array, off: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += b[off + i]!.toString(16).padStart(2, '0');
  return s;
}

export const dataHandle = registerHandle('data', callData);
