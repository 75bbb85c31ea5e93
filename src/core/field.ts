// Field registry: every protocol and field is registered data with a dense id.
// The filter compiler, -e, JSON output, -G fields and the UI's autocomplete all read it.
// Names, types and display bases follow Wireshark's so filters and scripts carry over.
// Registration happens once at module load (static protocol descriptions, not per-capture state).

export enum FT {
  NONE, PROTOCOL, BOOLEAN, CHAR,
  UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64,
  INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64,
  FLOAT, DOUBLE, ABSOLUTE_TIME, RELATIVE_TIME,
  STRING, STRINGZ, UINT_STRING, ETHER, BYTES, UINT_BYTES,
  IPv4, IPv6, FRAMENUM, GUID, OID, EUI64,
}

/** `FT_UINT16` etc., as printed by `-G fields`. */
export function ftName(t: FT): string {
  return t === FT.IPv4 ? 'FT_IPv4' : t === FT.IPv6 ? 'FT_IPv6' : 'FT_' + FT[t];
}

export enum Base {
  NONE, DEC, HEX, OCT, DEC_HEX, HEX_DEC,
  /** ports: BASE_PT_TCP/UDP show like DEC */
  PT_TCP, PT_UDP,
  /** integers shown with a unit string appended (Wireshark's BASE_UNIT_STRING) */
  UNIT,
  /** FT_ABSOLUTE_TIME */
  TIME_LOCAL, TIME_UTC, TIME_DOY_UTC,
  /** FT_BYTES separators */
  SEP_COLON, SEP_DASH, SEP_DOT, SEP_SPACE,
  /** FT_FRAMENUM kinds (FT_FRAMENUM_REQUEST …), shown as DEC */
  FRAMENUM,
  /** FT_BOOLEAN: bit width of the parent field is in `boolBits` */
}

export function baseName(f: Field): string {
  if (f.type === FT.BOOLEAN) return String(f.bits);
  switch (f.base) {
    case Base.DEC: return 'BASE_DEC';
    case Base.HEX: return 'BASE_HEX';
    case Base.OCT: return 'BASE_OCT';
    case Base.DEC_HEX: return 'BASE_DEC_HEX';
    case Base.HEX_DEC: return 'BASE_HEX_DEC';
    case Base.PT_TCP: return 'BASE_PT_TCP';
    case Base.PT_UDP: return 'BASE_PT_UDP';
    case Base.UNIT: return 'BASE_DEC';
    case Base.TIME_LOCAL: return 'ABSOLUTE_TIME_LOCAL';
    case Base.TIME_UTC: return 'ABSOLUTE_TIME_UTC';
    case Base.TIME_DOY_UTC: return 'ABSOLUTE_TIME_DOY_UTC';
    case Base.SEP_COLON: return 'SEP_COLON';
    case Base.SEP_DASH: return 'SEP_DASH';
    case Base.SEP_DOT: return 'SEP_DOT';
    case Base.SEP_SPACE: return 'SEP_SPACE';
    default: return isIntegerType(f.type) ? 'BASE_NONE' : '';
  }
}

/** Value names for integers (Wireshark's value_string). */
export type ValueNames = ReadonlyMap<number, string>;
/** Range names: [lo, hi, name] (Wireshark's range_string). */
export type RangeNames = ReadonlyArray<readonly [number, number, string]>;
/** True/false strings for booleans (Wireshark's true_false_string). */
export type TrueFalse = readonly [string, string];

/**
 * Value names from an object literal, made into a Map on first use: the ~9,000 names of all
 * dissectors as Maps cost ~5 ms (and garbage) at start-up, and a run reads few of them.
 */
class LazyValueNames implements ReadonlyMap<number, string> {
  private o: Record<number, string> | undefined;
  private m: Map<number, string> | undefined;
  constructor(o: Record<number, string>) {
    this.o = o;
  }
  private map(): Map<number, string> {
    let m = this.m;
    if (m === undefined) {
      m = new Map<number, string>();
      const o = this.o!;
      for (const k of Object.keys(o)) m.set(Number(k), o[Number(k)]!);
      this.m = m;
      this.o = undefined;
    }
    return m;
  }
  get(k: number): string | undefined {
    return this.map().get(k);
  }
  has(k: number): boolean {
    return this.map().has(k);
  }
  get size(): number {
    return this.map().size;
  }
  forEach(cb: (value: string, key: number, map: ReadonlyMap<number, string>) => void, thisArg?: unknown): void {
    this.map().forEach((v, k) => cb.call(thisArg, v, k, this));
  }
  entries(): IterableIterator<[number, string]> {
    return this.map().entries();
  }
  keys(): IterableIterator<number> {
    return this.map().keys();
  }
  values(): IterableIterator<string> {
    return this.map().values();
  }
  [Symbol.iterator](): IterableIterator<[number, string]> {
    return this.map()[Symbol.iterator]();
  }
}

export function vals(o: Record<number, string>): ValueNames {
  return new LazyValueNames(o);
}

export const TFS_SET: TrueFalse = ['Set', 'Not set'];
export const TFS_TRUE: TrueFalse = ['True', 'False'];
export const TFS_YES: TrueFalse = ['Yes', 'No'];

export interface FieldSpec {
  /** filter name, e.g. `tcp.srcport` */
  abbrev: string;
  /** label, e.g. `Source Port` */
  name: string;
  type: FT;
  base?: Base;
  /** value names (integers) */
  vals?: ValueNames;
  /** range names (integers), tried after `vals` */
  ranges?: RangeNames;
  /** boolean strings; default TFS_TRUE ('True'/'False'), or 'Set'/'Not set' for masked bits */
  tfs?: TrueFalse;
  /** bit mask within the item's bytes; the stored value is (raw & mask) >>> shift */
  mask?: number;
  /** FT_BOOLEAN: bit width of the word the mask applies to (8, 12, 16, 24, 32) */
  boolBits?: number;
  /** unit appended in -V labels for Base.UNIT (e.g. ' bytes') */
  unit?: string;
  blurb?: string;
}

export interface Field {
  readonly id: number;
  readonly abbrev: string;
  readonly name: string;
  readonly type: FT;
  readonly base: Base;
  readonly vals: ValueNames | undefined;
  readonly ranges: RangeNames | undefined;
  readonly tfs: TrueFalse | undefined;
  readonly mask: number;
  /** number of trailing zero bits of `mask` */
  readonly shift: number;
  /** width in bits of the word the mask applies to (from the type, or boolBits) */
  readonly bits: number;
  readonly unit: string | undefined;
  readonly blurb: string;
  /** id of the protocol this field belongs to (itself for a protocol) */
  readonly parent: number;
  readonly isProtocol: boolean;
}

/** All registered fields and protocols, by id. */
export const fields: Field[] = [];
const byAbbrev = new Map<string, Field>();
/** Protocol ids in registration order. */
export const protocols: number[] = [];

export function isIntegerType(t: FT): boolean {
  return (t >= FT.CHAR && t <= FT.INT64) || t === FT.FRAMENUM;
}

export function isUnsignedType(t: FT): boolean {
  return (t >= FT.CHAR && t <= FT.UINT64) || t === FT.FRAMENUM;
}

/** Width in bits of an integer type's storage. */
export function typeBits(t: FT): number {
  switch (t) {
    case FT.CHAR: case FT.UINT8: case FT.INT8: return 8;
    case FT.UINT16: case FT.INT16: return 16;
    case FT.UINT24: case FT.INT24: return 24;
    case FT.UINT32: case FT.INT32: case FT.FRAMENUM: case FT.IPv4: return 32;
    case FT.UINT40: case FT.INT40: return 40;
    case FT.UINT48: case FT.INT48: return 48;
    case FT.UINT56: case FT.INT56: return 56;
    case FT.UINT64: case FT.INT64: return 64;
    default: return 0;
  }
}

function trailingZeros(m: number): number {
  if (m === 0) return 0;
  let n = 0;
  // masks may exceed 32 bits (e.g. 40/48-bit fields): use arithmetic, not >>>
  while (m % 2 === 0) { m /= 2; n++; }
  return n;
}

let currentProtocol = -1;

type FieldOpts = Omit<FieldSpec, 'abbrev' | 'name' | 'type'>;
const NO_OPTS: FieldOpts = {};

// abbrev/name/type apart from the options: f() passes its options object as it is (no spread copy
// per field: ~3,000 registrations run at every start-up)
function add(abbrev: string, name: string, type: FT, spec: FieldOpts, isProtocol: boolean): number {
  const existing = byAbbrev.get(abbrev);
  if (existing) {
    // Several items may share a filter name in Wireshark too (e.g. two dissectors adding ip.addr);
    // re-registration with the same type returns the same id.
    if (existing.type !== type) throw new Error(`field ${abbrev} registered twice with different types`);
    return existing.id;
  }
  const id = fields.length;
  const mask = spec.mask ?? 0;
  const f: Field = {
    id,
    abbrev,
    name,
    type,
    base: spec.base ?? (isIntegerType(type) ? Base.DEC : Base.NONE),
    vals: spec.vals,
    ranges: spec.ranges,
    tfs: spec.tfs ?? (type === FT.BOOLEAN && mask !== 0 ? TFS_SET : type === FT.BOOLEAN ? TFS_TRUE : undefined),
    mask,
    shift: trailingZeros(mask),
    bits: type === FT.BOOLEAN ? (spec.boolBits ?? 0) : typeBits(type),
    unit: spec.unit,
    blurb: spec.blurb ?? '',
    parent: isProtocol ? id : currentProtocol,
    isProtocol,
  };
  fields.push(f);
  byAbbrev.set(f.abbrev, f);
  return id;
}

/**
 * Registers a protocol (`tcp`, "Transmission Control Protocol", short name "TCP") and makes it the
 * parent of the fields registered after it. Returns its field id.
 */
export function registerProtocol(abbrev: string, name: string, shortName: string): number {
  const id = add(abbrev, name, FT.PROTOCOL, NO_OPTS, true);
  protocolShortNames.set(id, shortName);
  if (!protocols.includes(id)) protocols.push(id);
  currentProtocol = id;
  return id;
}

export const protocolShortNames = new Map<number, string>();

/**
 * Makes protocol `id` (registered earlier) the parent of the fields registered next again: for a
 * file that registers two protocols before the first one's fields (ARP and ATMARP, as tshark lists
 * them: the fields are ARP's).
 */
export function continueProtocol(id: number): void {
  currentProtocol = id;
}

/** Registers a field under the protocol registered last (or `parent`). Returns its id. */
export function field(spec: FieldSpec, parent?: number): number {
  const save = currentProtocol;
  if (parent !== undefined) currentProtocol = parent;
  const id = add(spec.abbrev, spec.name, spec.type, spec, false);
  currentProtocol = save;
  return id;
}

/** Shorthand used by dissector field tables. */
export function f(abbrev: string, name: string, type: FT, opts?: FieldOpts): number {
  return add(abbrev, name, type, opts ?? NO_OPTS, false);
}

export function fieldByName(abbrev: string): Field | undefined {
  return byAbbrev.get(abbrev);
}

/** Number of registered fields: size of per-field typed arrays (e.g. a filter's wanted set). */
export function fieldCount(): number {
  return fields.length;
}

/** Value name for an integer, from vals then ranges. */
export function valueName(fld: Field, v: number): string | undefined {
  const n = fld.vals?.get(v);
  if (n !== undefined) return n;
  if (fld.ranges) for (const [lo, hi, name] of fld.ranges) if (v >= lo && v <= hi) return name;
  return undefined;
}
