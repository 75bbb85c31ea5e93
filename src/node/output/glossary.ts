// `tshark -G fields` / `-G protocols` / `-G values`: the registry as tshark's glossary reports.
//   P\t<name>\t<abbrev>
//   F\t<name>\t<abbrev>\t<FT_TYPE>\t<protocol abbrev>\t<base>\t0x<mask>\t<blurb>
// Protocols and fields in registration order. Internal pseudo-entries tshark does not list
// (the `_ws` protocol itself, text items) are left out.

import { Base, baseName, fields, ftName, isIntegerType, protocolShortNames, FT, type Field } from '../../core/field.js';

function listed(f: Field): boolean {
  return f.abbrev !== '_ws' && f.abbrev !== 'text';
}

function maskHex(m: number): string {
  return '0x' + m.toString(16);
}

/** `-G fields`, each line ending with '\n'. */
export function glossaryFields(): string {
  let out = '';
  for (const f of fields) {
    if (!listed(f)) continue;
    // protocols, and protocol-typed items registered as fields (_ws.expert, TCP options)
    if (f.isProtocol || f.type === FT.PROTOCOL) out += `P\t${f.name}\t${f.abbrev}\n`;
    else {
      // the expert tree's own fields belong to _ws.expert in tshark's glossary
      const parent = f.abbrev.startsWith('_ws.expert.') ? '_ws.expert' : (fields[f.parent]?.abbrev ?? '');
      const base = f.type === FT.BOOLEAN ? String(f.bits)
        : f.type === FT.FRAMENUM ? ''
          : isIntegerType(f.type) ? baseName(f) : baseName(f).startsWith('BASE_') ? baseName(f) : '';
      out += `F\t${f.name}\t${f.abbrev}\t${ftName(f.type)}\t${parent}\t${base}\t${maskHex(f.mask)}\t${f.blurb}\n`;
    }
  }
  return out;
}

/** `-G protocols`: name, short name, filter name. */
export function glossaryProtocols(): string {
  let out = '';
  for (const f of fields) {
    if (!f.isProtocol || !listed(f)) continue;
    out += `${f.name}\t${protocolShortNames.get(f.id) ?? f.abbrev}\t${f.abbrev}\n`;
  }
  return out;
}

/** `-G values`: value names of integer fields (V\tabbrev\tvalue\tname) and ranges (R\t…), hex for hex fields. */
export function glossaryValues(): string {
  let out = '';
  for (const f of fields) {
    if (!isIntegerType(f.type)) continue;
    const hex = f.base === Base.HEX || f.base === Base.HEX_DEC;
    const num = (v: number): string => (hex ? '0x' + v.toString(16) : String(v));
    if (f.vals) for (const [v, name] of f.vals) out += `V\t${f.abbrev}\t${num(v)}\t${name}\n`;
    if (f.ranges) for (const [lo, hi, name] of f.ranges) out += `R\t${f.abbrev}\t${num(lo)}\t${num(hi)}\t${name}\n`;
  }
  return out;
}
