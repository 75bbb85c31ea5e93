// Human-readable forms of a filter: the resolved tree (`wirelens --explain-filter`, like Wireshark's
// dftest) and tshark's error display (the filter, a `^~~~` under the error span, the message).

import { fields, ftName } from '../core/field.js';
import { formatIPv4, formatIPv6, hexBytes } from '../core/format.js';
import { formatAbsTime, formatSecNsec, type NsTime } from '../core/time.js';
import { CMP_TEXT, AROP_TEXT, Quant, Cmp, type RangeItem } from './ast.js';
import { kindOf, type TNode, type VNode } from './semcheck.js';
import type { Val } from './literals.js';

function rangeText(rs: RangeItem[]): string {
  return rs.map((r) => (r.kind === 'one' ? `${r.start}` : r.kind === 'len' ? `${r.start}:${r.n}` : r.kind === 'end' ? `${r.start}-${r.n}` : `${r.start}:`)).join(',');
}

function valText(n: VNode, v: Val): string {
  switch (kindOf(n.ft)) {
    case 'ipv4': return formatIPv4(v as number) + (n.k === 'const' && n.mask >= 0 && n.mask !== 0xffffffff ? `/${32 - Math.log2(((~n.mask) >>> 0) + 1)}` : '');
    case 'ipv6': return formatIPv6(v as Uint8Array) + (n.k === 'const' && n.mask >= 0 ? `/${n.mask}` : '');
    case 'bytes': return v instanceof Uint8Array ? hexBytes(v, ':') : JSON.stringify(v);
    case 'string': return JSON.stringify(v);
    case 'abstime': return formatAbsTime(v as NsTime);
    case 'reltime': return formatSecNsec(v as NsTime);
    default: return String(v);
  }
}

function valueLines(n: VNode, depth: number, out: string[]): void {
  const ind = '  '.repeat(depth);
  const ty = `<${ftName(n.ft)}>`;
  switch (n.k) {
    case 'field':
      out.push(`${ind}${n.raw ? 'RAW' : 'FIELD'}(${fields[n.fid]!.abbrev}${n.layer ? '#' + rangeText(n.layer) : ''} ${ty})`);
      return;
    case 'col':
      out.push(`${ind}COLUMN(_ws.col.${n.col} ${ty})`);
      return;
    case 'const':
      out.push(`${ind}FVALUE(${n.vals.map((v) => valText(n, v)).join(', ')} ${ty})`);
      return;
    case 'slice':
      out.push(`${ind}SLICE([${rangeText(n.ranges)}] ${ty})`);
      valueLines(n.a, depth + 1, out);
      return;
    case 'func':
      out.push(`${ind}FUNCTION(${n.fn.name} ${ty})`);
      for (const a of n.args) valueLines(a, depth + 1, out);
      return;
    case 'arith':
      out.push(`${ind}OP_${['ADD', 'SUBTRACT', 'MULTIPLY', 'DIVIDE', 'MODULO', 'BITWISE_AND'][n.op]}(${AROP_TEXT[n.op]} ${ty})`);
      valueLines(n.a, depth + 1, out);
      valueLines(n.b, depth + 1, out);
      return;
    case 'neg':
      out.push(`${ind}OP_UNARY_MINUS(${ty})`);
      valueLines(n.a, depth + 1, out);
      return;
  }
}

const CMP_NAMES = ['ANY_EQ', 'ALL_NE', 'ALL_EQ', 'ANY_NE', 'ANY_GT', 'ANY_GE', 'ANY_LT', 'ANY_LE', 'ANY_CONTAINS', 'ANY_MATCHES'];

function testLines(n: TNode, depth: number, out: string[]): void {
  const ind = '  '.repeat(depth);
  switch (n.k) {
    case 'and': case 'or': case 'xor':
      out.push(`${ind}TEST_${n.k.toUpperCase()}:`);
      testLines(n.a, depth + 1, out);
      testLines(n.b, depth + 1, out);
      return;
    case 'not':
      out.push(`${ind}TEST_NOT:`);
      testLines(n.a, depth + 1, out);
      return;
    case 'exists':
      out.push(`${ind}TEST_EXISTS:`);
      valueLines(n.v, depth + 1, out);
      return;
    case 'truthy':
      out.push(`${ind}TEST_TRUTHY:`);
      valueLines(n.v, depth + 1, out);
      return;
    case 'cmp': {
      let name = CMP_NAMES[n.op]!;
      if (n.q === Quant.ALL && n.op !== Cmp.NE && n.op !== Cmp.ALL_EQ) name = name.replace('ANY_', 'ALL_');
      if (n.q === Quant.ANY && n.op === Cmp.NE) name = 'ANY_NE';
      out.push(`${ind}TEST_${name}(${CMP_TEXT[n.op]}):`);
      valueLines(n.a, depth + 1, out);
      valueLines(n.b, depth + 1, out);
      return;
    }
    case 'in':
      out.push(`${ind}TEST_${n.negated ? 'NOT_IN' : 'IN'}:`);
      valueLines(n.a, depth + 1, out);
      out.push(`${ind}  SET(${n.set.length} member${n.set.length === 1 ? '' : 's'}):`);
      for (const m of n.set) {
        if (m.hi) {
          out.push(`${ind}    RANGE:`);
          valueLines(m.lo, depth + 3, out);
          valueLines(m.hi, depth + 3, out);
        } else valueLines(m.lo, depth + 2, out);
      }
      return;
  }
}

/** The dftest-like description of a checked filter. */
export function explainTree(text: string, root: TNode | undefined, want: readonly number[], needsColumns: boolean): string {
  const out: string[] = ['Filter:', `  ${text}`, '', 'Syntax tree:'];
  if (root) testLines(root, 1, out);
  else out.push('  (empty: matches every packet)');
  out.push('', 'Fields and protocols read:');
  out.push(want.length ? '  ' + want.map((f) => fields[f]!.abbrev).join(' ') : '  (none)');
  if (needsColumns) out.push('', 'Needs the Protocol/Info/Source/Destination columns.');
  return out.join('\n') + '\n';
}

/**
 * tshark's display of a bad filter (`-Y`/`-R`), without the `tshark: ` prefix the CLI adds to the
 * first line:
 *     <message>
 *         <filter>
 *         ^~~~
 * Errors with an empty span (the filter ended early) show the message only.
 */
export function formatFilterError(text: string, err: { message: string; start: number; end: number }): string {
  if (err.end <= err.start) return err.message + '\n';
  return `${err.message}\n    ${text}\n    ${' '.repeat(err.start)}^${'~'.repeat(Math.max(0, err.end - err.start - 1))}\n`;
}
