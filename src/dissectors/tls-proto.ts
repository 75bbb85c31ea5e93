// The TLS protocol id, registered before any TLS field: the record layer (tls.ts), handshake
// (tls-handshake.ts) and extensions (tls-ext.ts) register their fields under it with `tf`.

import { field, registerProtocol, type FieldSpec, type FT } from '../core/field.js';

export const proto_tls = registerProtocol('tls', 'Transport Layer Security', 'TLS');

/** A `tls.*` field (explicit parent: module evaluation order must not matter). */
export function tf(abbrev: string, name: string, type: FT, opts?: Omit<FieldSpec, 'abbrev' | 'name' | 'type'>): number {
  return field({ abbrev, name, type, ...opts }, proto_tls);
}
