import { describe, expect, it } from 'vitest';
import {
  at,
  checkFields,
  count,
  fieldChecks,
  integerFrom,
  isObject,
  nonEmptyString,
  oneOf,
  problem,
  share,
  string,
  type Check,
} from './index.js';

describe('value checks', () => {
  it.each<[string, Check, unknown, string | undefined]>([
    ['string', string, '', undefined],
    ['string', string, 1, 'must be a string'],
    ['nonEmptyString', nonEmptyString, '', 'must be a non-empty string'],
    ['count', count, 3, undefined],
    ['count', count, 1.5, 'must be a non-negative integer'],
    ['count', count, -1, 'must be a non-negative integer'],
    ['share', share, 1, undefined],
    ['share', share, 1.01, 'must be a number from 0 to 1'],
    ['integerFrom', integerFrom(100, 599), 599, undefined],
    ['integerFrom', integerFrom(100, 599), 600, 'must be an integer from 100 to 599'],
    ['oneOf', oneOf(['a', 'b']), 'c', 'must be one of a, b'],
  ])('%s(%j) says %j', (_name, c, value, expected) => {
    expect(c(value)).toBe(expected);
  });

  it('tells an object from null and arrays', () => {
    expect([isObject({}), isObject(null), isObject([]), isObject('x')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('builds paths and problem lines', () => {
    expect([at('', 'x'), at('a', 'x'), at('a', 0)]).toEqual(['x', 'a.x', 'a[0]']);
    expect([problem('', 'bad'), problem('a[0]', 'bad')]).toEqual(['(root): bad', 'a[0]: bad']);
  });
});

describe('checkFields', () => {
  const table = fieldChecks([
    ['name', nonEmptyString],
    ['n', count],
  ]);
  const run = (value: Record<string, unknown>, options: Parameters<typeof checkFields>[2]) => {
    const found: string[] = [];
    checkFields(
      value,
      table,
      options,
      (into: string[], f, why) => into.push(`${f}: ${why}`),
      found,
    );
    return found;
  };

  it('reports every problem: bad values, then missing required fields', () => {
    expect(run({ n: -1, extra: 1 }, { unknown: 'allow', required: ['name'] })).toEqual([
      'n: must be a non-negative integer',
      'name: required',
    ]);
  });

  it('rejects unknown fields when asked, with the caller’s words', () => {
    const words = { required: 'is required', unknown: 'unknown field' };
    expect(run({ extra: 1 }, { unknown: 'reject', required: ['name'], words })).toEqual([
      'extra: unknown field',
      'name: is required',
    ]);
  });

  it('treats null as absent only when asked', () => {
    expect(run({ n: null }, { unknown: 'allow', nullIsAbsent: true })).toEqual([]);
    expect(run({ n: null }, { unknown: 'allow' })).toEqual(['n: must be a non-negative integer']);
  });

  it('builds a table from an object too, with no prototype to find checks on', () => {
    const fromObject = fieldChecks({ name: nonEmptyString });
    const found: string[] = [];
    const value = JSON.parse('{"name":"","constructor":1,"__proto__":2}') as Record<
      string,
      unknown
    >;
    checkFields(
      value,
      fromObject,
      { unknown: 'reject' },
      (into: string[], f, why) => into.push(`${f}: ${why}`),
      found,
    );
    expect(found).toEqual([
      'name: must be a non-empty string',
      'constructor: unknown field',
      '__proto__: unknown field',
    ]);
  });

  it('finds no check for a prototype-named field', () => {
    expect(run({ constructor: 1, toString: 2 }, { unknown: 'reject' })).toEqual([
      'constructor: unknown field',
      'toString: unknown field',
    ]);
  });
});
