import { describe, expect, it } from 'vitest';
import { judgeAnswer, retryable } from './judge-answer.js';

const answer = (status: number, text = '', headers: Record<string, string> = {}) =>
  judgeAnswer({
    status,
    headers: new Headers(headers),
    text,
    url: 'http://x/v1/records',
    records: 4,
    nowMs: 0,
  });

describe('judgeAnswer', () => {
  it.each([
    [408, true],
    [409, true],
    [425, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [413, false],
    [415, false],
    [422, false],
  ])('HTTP %i is retryable: %s', (status, expected) => {
    expect(retryable(status)).toBe(expected);
  });

  it('reads a 200 body: accepted, rejected lines, duplicate', () => {
    const body = {
      accepted: 3,
      rejected: [{ line: 2, field: 'ts', reason: 'not a time' }, { line: 'x' }],
      duplicate: true,
    };
    expect(answer(200, JSON.stringify(body))).toEqual({
      kind: 'sent',
      accepted: 3,
      rejected: [{ line: 2, field: 'ts', reason: 'not a time' }],
      duplicate: true,
    });
  });

  it('reads a 200 from a receiver that says nothing as "no details"', () => {
    expect(answer(204)).toEqual({
      kind: 'sent',
      accepted: undefined,
      rejected: [],
      duplicate: false,
    });
  });

  it('keeps the server’s Retry-After and error words for a retry', () => {
    const text = JSON.stringify({ error: { code: 'unavailable', message: 'store busy' } });
    const out = answer(503, text, { 'retry-after': '2' });
    expect(out.kind === 'retry' && [out.retryAfterMs, (out.error as Error).message]).toEqual([
      2000,
      'POST http://x/v1/records: HTTP 503 (unavailable: store busy)',
    ]);
  });

  it('tells a 413 (split the batch) from other refusals (drop it)', () => {
    expect(answer(413).kind).toBe('too-large');
    const out = answer(401);
    expect(
      out.kind === 'refused' && [out.error.outcome, out.error.status, out.error.records],
    ).toEqual(['dropped', 401, 4]);
  });
});
