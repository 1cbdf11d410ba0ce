// Fuzzed ingest bodies at the parser level: the JSON Lines and JSON readers agree with core's reader and never throw.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LineSplitter,
  classify,
  isBlankLine,
  parseRecordLine,
  type CallRecord,
} from '@faultline/core';
import { parseJsonBody } from '../../src/ingest/parse-json.js';
import { parseLines } from '../../src/ingest/parse-lines.js';
import { RowCollector } from '../../src/ingest/row-collector.js';
import { withClassification } from '../../src/ingest/with-classification.js';
import { fuzzParams } from './fuzz-params.js';

/** Records whose fields are generated, plus unknown fields and odd number forms. */
const record = fc.record(
  {
    ts: fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constant('2026-11-22T04:12:03.120Z')),
    provider: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    model: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    http_status: fc.integer({ min: 100, max: 599 }),
    error_type: fc.string({ unit: 'binary', maxLength: 20 }),
    stream: fc.boolean(),
    kind: fc.constantFrom('call', 'status'),
    component: fc.string({ minLength: 1, maxLength: 8 }),
    status: fc.constantFrom('operational', 'major_outage'),
    classification: fc.jsonValue({ maxDepth: 1 }),
    x_extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['ts', 'provider', 'model'] },
);

/** A body line: a record's JSON (spaced or not), JSON that may be no record, or any bytes. */
const line = fc.oneof(
  fc
    .tuple(record, fc.constantFrom(undefined, 1, '\t'))
    .map(([r, space]) => Buffer.from(JSON.stringify(r, null, space).replace(/\n/g, ' '))),
  fc.json({ maxDepth: 3 }).map((j) => Buffer.from(j)),
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b.filter((x) => x !== 0x0a))),
  fc.constantFrom(Buffer.from(''), Buffer.from(' \r'), Buffer.from('\uFEFF{}')),
);

/**
 * Blank as RFC 8259 §2 white space, the rule ingest applies. Core's `isBlankLine` (the CLI's)
 * uses `String.prototype.trim`, which also skips lines of \v, \f, NBSP or U+2028: see the
 * known-divergence test below.
 */
function jsonBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

/** What ingest would store and reject for `body`. */
function judged(body: Buffer, read: (b: Buffer, rows: RowCollector) => string | undefined) {
  const rows = new RowCollector(Number.MAX_SAFE_INTEGER);
  const unreadable = read(body, rows);
  return { unreadable, rows, rejected: rows.rejected.map((r) => r.line) };
}

describe('ingest parser fuzz', () => {
  it('judges every line as core reader does (the CLI path), a line not UTF-8 rejected alone', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const body = Buffer.concat(lines.flatMap((l) => [l, Buffer.from(eol)]));
          const verdicts: Array<boolean | undefined> = [];
          const splitter = new LineSplitter((text, n) => {
            verdicts[n - 1] = jsonBlank(text) ? undefined : parseRecordLine(text).ok;
          });
          // A line that is not UTF-8 stands in as one that is no record ('#').
          for (const l of lines) splitter.push(`${isUtf8(l) ? l.toString('utf8') : '#'}${eol}`);
          splitter.end();
          const { rows, rejected } = judged(body, parseLines);
          expect(rows.rows.length).toBe(verdicts.filter((v) => v === true).length);
          expect(rejected).toEqual(verdicts.flatMap((v, i) => (v === false ? [i + 1] : [])));
          for (const row of rows.rows) expect(JSON.parse(row.json)).toBeTypeOf('object');
        },
      ),
      fuzzParams(400, 1430),
    );
  });

  it('never throws on arbitrary bytes, and an unreadable JSON body is a reason, not a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const body = Buffer.from(bytes);
        expect(judged(body, parseLines).unreadable).toBeUndefined();
        const json = judged(body, parseJsonBody);
        if (json.unreadable !== undefined) expect(json.rows.rows).toEqual([]);
      }),
      fuzzParams(1500, 1431),
    );
  });

  it('judges a JSON array element by element, each rejection at its 1-based index', () => {
    const element = fc.oneof(record, fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.array(element, { maxLength: 20 }), (items) => {
        const { unreadable, rows, rejected } = judged(
          Buffer.from(JSON.stringify(items)),
          parseJsonBody,
        );
        expect(unreadable).toBeUndefined();
        const verdicts = items.map((v) => parseRecordLine(JSON.stringify(v)).ok);
        expect(rows.rows.length).toBe(verdicts.filter(Boolean).length);
        expect(rejected).toEqual(verdicts.flatMap((ok, i) => (ok ? [] : [i + 1])));
      }),
      fuzzParams(500, 1432),
    );
  });

  it('stores a call line byte for byte with its classification added as the only one', () => {
    fc.assert(
      fc.property(
        record,
        fc.constantFrom(undefined, 2),
        fc.constantFrom('', ' ', '\t '),
        (r, space, tail) => {
          const text =
            JSON.stringify({ ...r, kind: 'call' }, null, space).replace(/\n/g, ' ') + tail;
          const parsed = parseRecordLine(text);
          fc.pre(parsed.ok);
          if (!parsed.ok) return;
          const c = classify(parsed.record as CallRecord);
          const stored = withClassification(text, parsed.record, c);
          expect(JSON.parse(stored)).toEqual({
            ...(JSON.parse(text) as object),
            classification: { ...c },
          });
          if (!('classification' in r))
            expect(stored.startsWith(text.slice(0, text.lastIndexOf('}')))).toBe(true);
        },
      ),
      fuzzParams(500, 1433),
    );
  });

  // KNOWN BUG (reported, issue 14 FZ): `faultline classify` / `diagnose` skip these lines as blank
  // while ingest rejects them as bad JSON. Flip to `it` once both use one rule.
  it.fails('treats a line of non-JSON white space alike in the CLI reader and in ingest', () => {
    for (const text of ['\v', '\f', '\u00a0', '\u2028', ' \u3000 ']) {
      const { rejected } = judged(Buffer.from(`${text}\n`), parseLines);
      expect(rejected.length === 0).toBe(isBlankLine(text));
    }
  });
});
