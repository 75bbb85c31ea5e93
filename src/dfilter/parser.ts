// Display-filter parser: tokens → syntax tree (ast.ts), recursive descent.
// Precedence, loosest first (Wireshark's): or, xor, and, not, relation; in values: `&`, `+ -`, `* / %`,
// unary minus, slices. `( )` group tests, `{ }` group arithmetic.

import { scan, T, DfError, MSG_EOF, type Token } from './scanner.js';
import { Cmp, Quant, ArOp, type Test, type Value, type SetMember, type RangeItem } from './ast.js';

const CMP_OF: Partial<Record<T, Cmp>> = {
  [T.EQ]: Cmp.EQ, [T.NE]: Cmp.NE, [T.ALL_EQ]: Cmp.ALL_EQ, [T.ANY_NE]: Cmp.ANY_NE,
  [T.GT]: Cmp.GT, [T.GE]: Cmp.GE, [T.LT]: Cmp.LT, [T.LE]: Cmp.LE,
  [T.CONTAINS]: Cmp.CONTAINS, [T.MATCHES]: Cmp.MATCHES,
};

export function unexpected(tok: Token): DfError {
  if (tok.kind === T.EOF) return new DfError(MSG_EOF, tok.start, tok.start);
  return new DfError(`"${tok.text}" was unexpected in this context.`, tok.start, tok.end);
}

/** Parses a whole filter. Throws DfError. */
export function parse(text: string): Test {
  const toks = scan(text);
  let k = 0;
  const peek = (): Token => toks[k]!;
  const next = (): Token => toks[k++]!;
  const expect = (kind: T): Token => {
    const t = next();
    if (t.kind !== kind) throw unexpected(t);
    return t;
  };

  function orExpr(): Test {
    let a = xorExpr();
    while (peek().kind === T.OR) { next(); const b = xorExpr(); a = { t: 'or', a, b, start: a.start, end: b.end }; }
    return a;
  }
  function xorExpr(): Test {
    let a = andExpr();
    while (peek().kind === T.XOR) { next(); const b = andExpr(); a = { t: 'xor', a, b, start: a.start, end: b.end }; }
    return a;
  }
  function andExpr(): Test {
    let a = notExpr();
    while (peek().kind === T.AND) { next(); const b = notExpr(); a = { t: 'and', a, b, start: a.start, end: b.end }; }
    return a;
  }
  function notExpr(): Test {
    const t = peek();
    if (t.kind === T.NOT) {
      next();
      const a = notExpr();
      return { t: 'not', a, start: t.start, end: a.end };
    }
    if (t.kind === T.LPAREN) {
      next();
      const a = orExpr();
      const c = expect(T.RPAREN);
      return { ...a, start: t.start, end: c.end } as Test;
    }
    return relation();
  }
  function relation(): Test {
    let q = Quant.DEFAULT;
    const first = peek();
    if (first.kind === T.ANY || first.kind === T.ALL) {
      next();
      q = first.kind === T.ANY ? Quant.ANY : Quant.ALL;
    }
    const a = value();
    const t = peek();
    const op = CMP_OF[t.kind];
    if (op !== undefined) {
      next();
      const b = value();
      let r: Test = { t: 'cmp', op, q, a, b, opSpan: { start: t.start, end: t.end }, start: first.start, end: b.end };
      // chained comparisons (tshark 4.0): `a < b < c` is `a < b and b < c`
      let lhs = b;
      for (;;) {
        const u = peek();
        const op2 = CMP_OF[u.kind];
        if (op2 === undefined) return r;
        next();
        const c = value();
        const r2: Test = { t: 'cmp', op: op2, q: Quant.DEFAULT, a: lhs, b: c, opSpan: { start: u.start, end: u.end }, start: lhs.start, end: c.end };
        r = { t: 'and', a: r, b: r2, start: r.start, end: c.end };
        lhs = c;
      }
    }
    if (t.kind === T.IN || (t.kind === T.NOT && toks[k + 1]!.kind === T.IN)) {
      const negated = t.kind === T.NOT;
      next();
      if (negated) next();
      const { set, end } = setExpr();
      return { t: 'in', a, set, negated, q, start: first.start, end };
    }
    if (q !== Quant.DEFAULT) throw unexpected(t);
    return { t: 'value', v: a, start: a.start, end: a.end };
  }
  function setExpr(): { set: SetMember[]; end: number } {
    expect(T.LBRACE);
    const set: SetMember[] = [];
    for (;;) {
      const v = value();
      let hi: Value | undefined;
      if (peek().kind === T.DOTDOT) { next(); hi = value(); }
      set.push({ v, hi, start: v.start, end: (hi ?? v).end });
      const t = peek();
      if (t.kind === T.COMMA) { next(); continue; }
      if (t.kind === T.RBRACE) { next(); return { set, end: t.end }; }
      // Wireshark before 4.0 (and the examples) separate members with spaces: accept that too
      if (t.kind === T.WORD || t.kind === T.STRING || t.kind === T.CHAR || t.kind === T.MINUS || t.kind === T.FIELDREF || t.kind === T.LBRACE) continue;
      throw unexpected(t);
    }
  }
  function value(): Value {
    let a = arith();
    while (peek().kind === T.BITAND) { next(); const b = arith(); a = { t: 'arith', op: ArOp.BITAND, a, b, start: a.start, end: b.end }; }
    return a;
  }
  function arith(): Value {
    let a = term();
    for (;;) {
      const t = peek().kind;
      if (t !== T.PLUS && t !== T.MINUS) return a;
      next();
      const b = term();
      a = { t: 'arith', op: t === T.PLUS ? ArOp.ADD : ArOp.SUB, a, b, start: a.start, end: b.end };
    }
  }
  function term(): Value {
    let a = unary();
    for (;;) {
      const t = peek().kind;
      if (t !== T.STAR && t !== T.SLASH && t !== T.PERCENT) return a;
      next();
      const b = unary();
      a = { t: 'arith', op: t === T.STAR ? ArOp.MUL : t === T.SLASH ? ArOp.DIV : ArOp.MOD, a, b, start: a.start, end: b.end };
    }
  }
  function unary(): Value {
    const t = peek();
    if (t.kind === T.MINUS) {
      next();
      const a = unary();
      return { t: 'neg', a, start: t.start, end: a.end };
    }
    let v = primary();
    while (peek().kind === T.LBRACKET) {
      next();
      const ranges = rangeList();
      const c = expect(T.RBRACKET);
      v = { t: 'slice', a: v, ranges, start: v.start, end: c.end };
    }
    return v;
  }
  function rangeList(): RangeItem[] {
    const out: RangeItem[] = [];
    for (;;) {
      out.push(rangeItem());
      if (peek().kind === T.COMMA) { next(); continue; }
      return out;
    }
  }
  function rangeItem(): RangeItem {
    const t = peek();
    if (t.kind === T.COLON) {
      next();
      const l = expect(T.RINT);
      return { kind: 'len', start: 0, n: l.num! };
    }
    const s = expect(T.RINT);
    const u = peek();
    if (u.kind === T.COLON) {
      next();
      if (peek().kind === T.RINT) return { kind: 'len', start: s.num!, n: next().num! };
      return { kind: 'toend', start: s.num!, n: 0 };
    }
    if (u.kind === T.MINUS) {
      next();
      const e = expect(T.RINT);
      return { kind: 'end', start: s.num!, n: e.num! };
    }
    return { kind: 'one', start: s.num!, n: 1 };
  }
  function primary(): Value {
    const t = next();
    switch (t.kind) {
      case T.WORD: {
        if (peek().kind === T.LPAREN && peek().start === t.end) {
          next();
          const args: Value[] = [];
          if (peek().kind !== T.RPAREN) {
            for (;;) {
              args.push(value());
              if (peek().kind === T.COMMA) { next(); continue; }
              break;
            }
          }
          const c = expect(T.RPAREN);
          return { t: 'func', name: t.text, nameSpan: { start: t.start, end: t.end }, args, start: t.start, end: c.end };
        }
        let layer: RangeItem[] | undefined;
        let end = t.end;
        if (peek().kind === T.HASH) {
          next();
          const u = next();
          if (u.kind === T.RINT) { layer = [{ kind: 'one', start: u.num!, n: 1 }]; end = u.end; }
          else if (u.kind === T.LBRACKET) { layer = rangeList(); end = expect(T.RBRACKET).end; }
          else throw unexpected(u);
        }
        return { t: 'word', text: t.text, layer, raw: false, start: t.start, end };
      }
      case T.AT: {
        const w = next();
        if (w.kind !== T.WORD) throw unexpected(w);
        let layer: RangeItem[] | undefined;
        let end = w.end;
        if (peek().kind === T.HASH) {
          next();
          const u = next();
          if (u.kind === T.RINT) { layer = [{ kind: 'one', start: u.num!, n: 1 }]; end = u.end; }
          else if (u.kind === T.LBRACKET) { layer = rangeList(); end = expect(T.RBRACKET).end; }
          else throw unexpected(u);
        }
        return { t: 'word', text: w.text, layer, raw: true, start: t.start, end };
      }
      case T.STRING:
        return { t: 'string', text: t.text, str: t.str!, bytes: t.bytes!, rawStr: t.raw === true, start: t.start, end: t.end };
      case T.CHAR:
        return { t: 'char', text: t.text, code: t.num!, start: t.start, end: t.end };
      case T.FIELDREF:
        return { t: 'ref', name: t.str!, start: t.start, end: t.end };
      case T.LBRACE: {
        const v = value();
        const c = expect(T.RBRACE);
        return { ...v, start: t.start, end: c.end } as Value;
      }
      default:
        throw unexpected(t);
    }
  }

  const root = orExpr();
  const last = peek();
  if (last.kind !== T.EOF) throw unexpected(last);
  return root;
}
