/* eslint-disable no-control-regex -- these tests look for control characters */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonForTerminal, terminalSafe, terminalSafeLines } from './terminal-text.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it.each([
    ['a CSI sequence', 'x\u001b[2Jy', 'x?y'],
    ['a colour with parameters', '\u001b[1;31mred\u001b[0m', '?red?'],
    ['an OSC title ended by BEL', 'a\u001b]0;pwned\u0007b', 'a?b'],
    ['an OSC hyperlink ended by ST', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', '?link?'],
    ['a two-byte escape', 'a\u001bcb', 'a?b'],
    ['an 8-bit CSI', 'a\u009b2Jb', 'a?b'],
    ['C0 controls, tab and newline', 'a\u0000b\tc\nd\re\u0007', 'a?b?c?d?e?'],
    ['DEL and C1 controls', 'a\u007fb\u0085c\u009fd', 'a?b?c?d'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c\u2069d\u202ae', 'a?b?c?d?e'],
    [
      'plain text and other scripts',
      'gpt-5.1 — claude-opus-4-7 日本語 é',
      'gpt-5.1 — claude-opus-4-7 日本語 é',
    ],
    ['a lone ESC at the end', 'abc\u001b', 'abc?'],
  ])('neutralises %s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('never lets an unsafe character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(terminalSafe(s)).not.toMatch(UNSAFE);
        expect(terminalSafeLines(s)).not.toMatch(UNSAFE_BUT_NEWLINE);
      }),
    );
  });

  it('keeps newlines in a block of lines, and nothing else', () => {
    expect(terminalSafeLines('one\n\u001b[2Jtwo\r\n')).toBe('one\n?two?\n');
  });
});

const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('jsonForTerminal', () => {
  it('escapes what JSON allows raw but a terminal would act on, keeping the same value', () => {
    const line = '{"provider":"a\u009b2J\u202e\u007f\u2028b","n":1}';
    const safe = jsonForTerminal(line);
    expect(safe).not.toMatch(UNSAFE);
    expect(JSON.parse(safe)).toEqual(JSON.parse(line));
    expect(jsonForTerminal('{"a":"plain é"}')).toBe('{"a":"plain é"}');
    const pretty = JSON.stringify({ id: 'inc-\u202e', list: [1, '\u009b'] }, null, 2);
    expect(jsonForTerminal(pretty).split('\n')).toHaveLength(pretty.split('\n').length);
    expect(JSON.parse(jsonForTerminal(pretty))).toEqual(JSON.parse(pretty));
    expect(jsonForTerminal('{"a":\t1,\r"b":2}')).toBe('{"a": 1, "b":2}');
  });
});
