// `tshark -G fields` / `-G protocols` / `-G values`: the registry as tshark's glossary reports.
//   P\t<name>\t<abbrev>
//   F\t<name>\t<abbrev>\t<FT_TYPE>\t<protocol abbrev>\t<base>\t0x<mask>\t<blurb>
// Protocols and fields in registration order. Internal pseudo-entries tshark does not list
// (the `_ws` protocol itself, text items) are left out.

import { Base, baseName, fields, ftName, isIntegerType, protocolShortNames, FT, TFS_TRUE, type Field } from '../../core/field.js';

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
  // true/false strings of booleans that name them (not the default True/False)
  for (const f of fields) {
    if (f.type === FT.BOOLEAN && f.tfs !== undefined && f.tfs !== TFS_TRUE) out += `T\t${f.abbrev}\t${f.tfs[0]}\t${f.tfs[1]}\n`;
  }
  return out;
}

const FTYPE_DESCRIPTIONS: readonly (readonly [FT, string])[] = [
  [FT.NONE, 'Label'], [FT.PROTOCOL, 'Protocol'], [FT.BOOLEAN, 'Boolean'], [FT.CHAR, 'Character (1 byte)'],
  [FT.UINT8, 'Unsigned integer (1 byte)'], [FT.UINT16, 'Unsigned integer (2 bytes)'], [FT.UINT24, 'Unsigned integer (3 bytes)'],
  [FT.UINT32, 'Unsigned integer (4 bytes)'], [FT.UINT40, 'Unsigned integer (5 bytes)'], [FT.UINT48, 'Unsigned integer (6 bytes)'],
  [FT.UINT56, 'Unsigned integer (7 bytes)'], [FT.UINT64, 'Unsigned integer (8 bytes)'], [FT.INT8, 'Signed integer (1 byte)'],
  [FT.INT16, 'Signed integer (2 bytes)'], [FT.INT24, 'Signed integer (3 bytes)'], [FT.INT32, 'Signed integer (4 bytes)'],
  [FT.INT40, 'Signed integer (5 bytes)'], [FT.INT48, 'Signed integer (6 bytes)'], [FT.INT56, 'Signed integer (7 bytes)'],
  [FT.INT64, 'Signed integer (8 bytes)'], [FT.FLOAT, 'Floating point (single-precision)'], [FT.DOUBLE, 'Floating point (double-precision)'],
  [FT.ABSOLUTE_TIME, 'Date and time'], [FT.RELATIVE_TIME, 'Time offset'], [FT.STRING, 'Character string'],
  [FT.STRINGZ, 'Character string'], [FT.UINT_STRING, 'Character string'], [FT.ETHER, 'Ethernet or other MAC address'],
  [FT.BYTES, 'Byte sequence'], [FT.UINT_BYTES, 'Byte sequence'], [FT.IPv4, 'IPv4 address'], [FT.IPv6, 'IPv6 address'],
  [FT.FRAMENUM, 'Frame number'], [FT.GUID, 'Globally Unique Identifier'], [FT.OID, 'ASN.1 object identifier'], [FT.EUI64, 'EUI64 address'],
];

/** `-G ftypes`: the field types wirelens has, with tshark's descriptions. */
export function glossaryFtypes(): string {
  return FTYPE_DESCRIPTIONS.map(([t, d]) => `${ftName(t)}\t${d}\n`).join('');
}

/** `-G fieldcount`. */
export function glossaryFieldCount(): string {
  const seen = new Set<string>();
  let protos = 0, same = 0, n = 0;
  for (const f of fields) {
    if (!listed(f)) continue;
    n++;
    if (f.isProtocol) protos++;
    if (seen.has(f.name)) same++;
    seen.add(f.name);
  }
  return `There are ${n} header fields registered, of which:\n\t0 are deregistered\n\t${protos} are protocols\n\t${same} have the same name as another field\n\n`;
}

/** `-G help`. */
export const GLOSSARY_HELP = `Usage: wirelens -G [report]

Glossary table reports:
  -G fieldcount            dump count of header fields and exit
  -G fields                dump fields glossary and exit
  -G ftypes                dump field type basic and descriptive names
  -G protocols             dump protocols in registration database and exit
  -G values                dump value, range, true/false strings and exit
`;
