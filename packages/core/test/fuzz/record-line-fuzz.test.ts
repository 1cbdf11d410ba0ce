// Fuzzed record lines: parseRecordLine, validateRecord and LineSplitter never throw, keep every valid record, name every bad field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LineSplitter,
  isBlankLine,
  parseRecordLine,
  validateRecord,
  type RecordResult,
} from '../../src/index.js';
import { fuzzParams } from './fuzz-params.js';
import { callRecord, statusObservation } from './record-arbitraries.js';

const anyRecord = fc.oneof(callRecord(), statusObservation);

/** A rejection names at least one field and why. */
function expectProblems(result: RecordResult): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.field).toMatch(/\S/);
    expect(p.reason).toMatch(/\S/);
  }
  return result.problems.map((p) => p.field);
}

/** A field of a valid call set to a value of the wrong type or range. */
const WRONG: ReadonlyArray<readonly [string, unknown]> = [
  ['ts', 'yesterday'],
  ['ts', -1],
  ['ts', '2026-02-30T00:00:00Z'],
  ['provider', ''],
  ['provider', 5],
  ['model', ['gpt']],
  ['kind', 'other'],
  ['duration_ms', -0.5],
  ['ttft_ms', '12'],
  ['http_status', 600],
  ['http_status', 200.5],
  ['error_type', 529],
  ['retry_after_ms', true],
  ['aborted_by', 'server'],
  ['stream', 'true'],
  ['stream_completed', 1],
  ['input_tokens', -1],
  ['output_tokens', 1.5],
  ['output_chars', '3'],
  ['checks', { json_valid: 'yes' }],
  ['checks', [true]],
  ['attempt', 0],
  ['source', 'browser'],
  ['edge', false],
];

describe('record line fuzz', () => {
  it('accepts every valid record and reads back the same record and instant', () => {
    fc.assert(
      fc.property(anyRecord, ({ record, timeMs }) => {
        const result = parseRecordLine(JSON.stringify(record));
        expect(result).toEqual({ ok: true, record, timeMs });
      }),
      fuzzParams(400, 1401),
    );
  });

  it('rejects a valid call with one field made wrong, naming that field', () => {
    fc.assert(
      fc.property(callRecord(), fc.constantFrom(...WRONG), ({ record }, [field, value]) => {
        const fields = expectProblems(
          parseRecordLine(JSON.stringify({ ...record, [field]: value })),
        );
        expect(fields).toContain(field);
      }),
      fuzzParams(300, 1402),
    );
  });

  it('rejects a record without a required field, naming it', () => {
    const required = fc.constantFrom('ts', 'provider', 'model', 'component', 'status');
    fc.assert(
      fc.property(anyRecord, required, ({ record }, field) => {
        const fields = Object.keys(record).filter((k) => k !== field);
        const line = JSON.stringify(Object.fromEntries(fields.map((k) => [k, record[k]])));
        const needed =
          record.kind === 'status' ? field !== 'model' : !['component', 'status'].includes(field);
        const result = parseRecordLine(line);
        if (needed) expect(expectProblems(result)).toContain(field);
        else expect(result.ok).toBe(true);
      }),
      fuzzParams(300, 1403),
    );
  });

  it('never throws on arbitrary text, JSON or bytes, and rejects what is no record', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b)),
      anyRecord
        .map(({ record }) => JSON.stringify(record))
        .chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))),
    );
    fc.assert(
      fc.property(line, (text) => {
        const result = parseRecordLine(text);
        if (result.ok) {
          expect(validateRecord(JSON.parse(text))).toEqual(result);
          return;
        }
        const fields = expectProblems(result);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          expect(fields).toEqual(['json']);
          return;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          expect(fields).toEqual(['record']);
      }),
      fuzzParams(1500, 1404),
    );
  });

  it('rejects nesting of any depth as a bad line, never a crash', () => {
    const nested = fc
      .tuple(fc.integer({ min: 1, max: 200_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
      .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`);
    fc.assert(
      fc.property(nested, (text) => {
        expectProblems(parseRecordLine(text));
      }),
      fuzzParams(20, 1405, 200),
    );
  });

  it('validates arbitrary JSON values without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }), (json, obj) => {
        for (const value of [json, obj, { ts: 0, provider: 'p', model: 'm', ...obj }]) {
          const result = validateRecord(value);
          if (!result.ok) expectProblems(result);
        }
      }),
      fuzzParams(600, 1406),
    );
  });
});

/** Good records and bad lines of a file; a bad line can never be read as a record. */
const fileLine = fc.oneof(
  anyRecord.map(({ record }) => ({ record, text: JSON.stringify(record) })),
  fc
    .string({ unit: 'binary', maxLength: 60 })
    .map((s) => ({ record: undefined, text: `#${s.replace(/[\r\n]/g, ' ')}` })),
  fc.constantFrom('', '  ', '\t').map((text) => ({ record: null, text })),
);

/** Text cut into chunks at `cuts` (positions in UTF-8 bytes, so characters are split too). */
function byteChunks(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

describe('line splitter fuzz', () => {
  it('reads the same records, numbered by line, however the bytes are chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fileLine, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (lines, eol, bom, cuts) => {
          const text = (bom ? '\uFEFF' : '') + lines.map((l) => l.text).join(eol);
          const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
          const good: Array<[unknown, number]> = [];
          const bad: number[] = [];
          const splitter = new LineSplitter((line, n) => {
            if (isBlankLine(line)) return;
            const result = parseRecordLine(line);
            if (result.ok) good.push([result.record, n]);
            else bad.push(n);
          });
          for (const chunk of byteChunks(text, cuts))
            splitter.push(decoder.decode(chunk, { stream: true }));
          splitter.push(decoder.decode());
          splitter.end();
          expect(good).toEqual(
            lines.flatMap((l, i) => (l.record ? [[l.record, i + 1] as [unknown, number]] : [])),
          );
          expect(bad).toEqual(lines.flatMap((l, i) => (l.record === undefined ? [i + 1] : [])));
        },
      ),
      fuzzParams(300, 1407),
    );
  });

  it('never throws and never passes a line break, whatever text and cap it gets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 50 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 64 }),
        (chunks, maxLineBytes) => {
          const lines: string[] = [];
          let tooLong = 0;
          const splitter = new LineSplitter((line) => lines.push(line), {
            maxLineBytes,
            onTooLong: () => tooLong++,
          });
          for (const c of chunks) splitter.push(c);
          splitter.end();
          for (const line of lines) expect(line).not.toContain('\n');
          expect(splitter.lineCount).toBe(lines.length + tooLong);
        },
      ),
      fuzzParams(800, 1408),
    );
  });
});
