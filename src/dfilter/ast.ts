// The display-filter syntax tree, as the parser builds it (before names are resolved).
// Every node carries its span [start, end) in the filter text for error messages.

export const enum Cmp { EQ, NE, ALL_EQ, ANY_NE, GT, GE, LT, LE, CONTAINS, MATCHES }

export const CMP_TEXT = ['==', '!=', '===', '!==', '>', '>=', '<', '<=', 'contains', 'matches'] as const;

/** How a comparison combines the values of multi-valued operands. */
export const enum Quant { DEFAULT, ANY, ALL }

export const enum ArOp { ADD, SUB, MUL, DIV, MOD, BITAND }
export const AROP_TEXT = ['+', '-', '*', '/', '%', '&'] as const;

export interface Span { start: number; end: number }

/** One item of a slice or layer range: [from, to) semantics are resolved at match time. */
export interface RangeItem {
  /** ':' (start:len), '-' (start-end inclusive), ':' with len -1 = to the end, 'one' (single index) */
  kind: 'len' | 'end' | 'toend' | 'one';
  start: number;
  /** len for 'len', inclusive end for 'end' */
  n: number;
}

export type Test =
  | ({ t: 'and' | 'or' | 'xor'; a: Test; b: Test } & Span)
  | ({ t: 'not'; a: Test } & Span)
  | ({ t: 'cmp'; op: Cmp; q: Quant; a: Value; b: Value; opSpan: Span } & Span)
  | ({ t: 'in'; a: Value; set: SetMember[]; negated: boolean; q: Quant } & Span)
  | ({ t: 'value'; v: Value } & Span);

export type SetMember = { v: Value; hi: Value | undefined } & Span;

export type Value =
  /** an unquoted word: a field or protocol name, or a literal; `#layer` and `@` raw apply to fields */
  | ({ t: 'word'; text: string; layer: RangeItem[] | undefined; raw: boolean } & Span)
  | ({ t: 'string'; text: string; str: string; bytes: Uint8Array; rawStr: boolean } & Span)
  | ({ t: 'char'; text: string; code: number } & Span)
  | ({ t: 'ref'; name: string } & Span)
  | ({ t: 'slice'; a: Value; ranges: RangeItem[] } & Span)
  | ({ t: 'func'; name: string; nameSpan: Span; args: Value[] } & Span)
  | ({ t: 'arith'; op: ArOp; a: Value; b: Value } & Span)
  | ({ t: 'neg'; a: Value } & Span);
