import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  FaultlineError,
  UsageError,
  isConfigError,
  isFaultlineError,
  isUsageError,
} from './index.js';

describe('the error hierarchy', () => {
  it.each([
    ['FaultlineError', new FaultlineError('x'), [true, false, false]],
    ['ConfigError', new ConfigError('bad', ['a: no']), [true, true, false]],
    ['UsageError', new UsageError('x'), [true, false, true]],
  ] as const)('%s sets its name and answers each guard', (name, e, expected) => {
    expect(e.name).toBe(name);
    expect(e).toBeInstanceOf(Error);
    expect([isFaultlineError(e), isConfigError(e), isUsageError(e)]).toEqual(expected);
  });

  it('passes the cause on', () => {
    const cause = new Error('root');
    expect(new UsageError('x', { cause }).cause).toBe(cause);
    expect(new ConfigError('bad', ['a: no'], { cause }).cause).toBe(cause);
  });

  it('lists every problem of a ConfigError in its message', () => {
    const e = new ConfigError('invalid scenario', ['phases: required', 'name: must be a string']);
    expect(e.message).toBe('invalid scenario:\n  phases: required\n  name: must be a string');
    expect(e.problems).toEqual(['phases: required', 'name: must be a string']);
  });

  it('recognises an error from another copy of the package by its brand, not its class', () => {
    const foreign = Object.assign(new Error('x'), { isUsageError: true, isFaultlineError: true });
    expect(isUsageError(foreign)).toBe(true);
    expect(isFaultlineError(foreign)).toBe(true);
    expect(isUsageError({ isUsageError: true })).toBe(false);
    expect(isUsageError(Object.assign(new Error('x'), { isUsageError: 'yes' }))).toBe(false);
    expect(isConfigError(null)).toBe(false);
  });
});
