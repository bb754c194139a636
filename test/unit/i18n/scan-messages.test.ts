import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { templatesOf } from './scan-messages.js';

/** The expression of `x = <source>;`. */
function expr(source: string): ts.Expression {
  const sf = ts.createSourceFile('x.ts', `x = ${source};`, ts.ScriptTarget.ES2022, true);
  const st = sf.statements[0] as ts.ExpressionStatement;
  return (st.expression as ts.BinaryExpression).right;
}

describe('templatesOf', () => {
  it('turns each interpolated value into a numbered placeholder', () => {
    expect(templatesOf(expr('`namespace ${ns} exists but was not created by lifesub for id ${id}`'))).toEqual([
      'namespace {0} exists but was not created by lifesub for id {1}',
    ]);
    expect(templatesOf(expr("'ID ' + id + ' is taken'"))).toEqual(['ID {0} is taken']);
  });

  it('expands a choice between literals into whole sentences, and inlines file constants', () => {
    expect(templatesOf(expr("`Remove ${keep ? 'the apps in' : 'namespace'} ${ns}?`"))).toEqual(['Remove the apps in {0}?', 'Remove namespace {0}?']);
    expect(templatesOf(expr('`bad ID; ${EXAMPLE}`'), new Map([['EXAMPLE', "use an ID like 'alice'"]]))).toEqual(["bad ID; use an ID like 'alice'"]);
  });

  it('finds nothing in a value without literal text', () => {
    expect(templatesOf(expr('message'))).toEqual([]);
    expect(templatesOf(expr('`${a}${b}`'))).toEqual([]);
  });
});
