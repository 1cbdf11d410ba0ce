// Properties of the record reader over generated input: times print as RFC 3339, splitting is chunk-blind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../src/records/line-splitter.js';
import { LATEST_TIME_MS, formatTimestamp, parseTimestamp } from '../src/records/timestamp.js';
import { utf8Length } from '../src/records/utf8-length.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Splits with a cap; too-long lines come out as ['<too long>', n]. */
function splitCapped(chunks: readonly string[], maxLineBytes: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const s = new LineSplitter((line, n) => out.push([line, n]), {
    maxLineBytes,
    onTooLong: (n) => out.push(['<too long>', n]),
  });
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('record reader properties', () => {
  it('formats every accepted time as RFC 3339 that reads back to the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LATEST_TIME_MS }), (ms) => {
        const text = formatTimestamp(ms);
        expect(text).toMatch(RFC3339);
        expect(parseTimestamp(text)).toBe(ms);
      }),
    );
  });

  it('accepts an epoch-ms number exactly when it prints as a four-digit-year time', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (ms) => {
        const accepted = parseTimestamp(ms) !== undefined;
        expect(accepted).toBe(ms >= 0 && ms <= LATEST_TIME_MS);
        if (accepted) expect(formatTimestamp(ms)).toMatch(RFC3339);
      }),
    );
  });

  it('splits the same however the text is cut into chunks, and passes no line over the cap', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '😀', '\n', '\r\n', '\uFEFF', '{}'), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, fc.array(fc.nat(80), { maxLength: 6 }), (parts, cuts) => {
        const whole = parts.join('');
        const at = [...new Set(cuts.map((c) => Math.min(c, whole.length)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const c of at) {
          chunks.push(whole.slice(from, c));
          from = c;
        }
        chunks.push(whole.slice(from));
        const expected = splitCapped([whole], 8);
        expect(splitCapped(chunks, 8)).toEqual(expected);
        for (const [line] of expected) {
          if (line !== '<too long>') expect(utf8Length(line)).toBeLessThanOrEqual(8);
        }
      }),
    );
  });

  it('counts UTF-8 bytes as TextEncoder writes them, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
  });
});
