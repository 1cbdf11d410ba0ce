import { describe, expect, it } from 'vitest';
import { formatProblem, parseRecordLine } from './parse-line.js';
import { validateRecord } from './validate-record.js';

const good = { ts: '2026-11-22T04:12:03.120Z', provider: 'anthropic', model: 'claude-opus-4-7' };

function problemsOf(line: string): string[] {
  const r = parseRecordLine(line);
  return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.reason}`);
}

describe('validateRecord — spec/call-record.md', () => {
  it('accepts the spec examples, both time forms', () => {
    const lines = [
      '{"ts":"2026-11-22T04:12:03.120Z","provider":"anthropic","model":"claude-opus-4-7","duration_ms":412,"http_status":529,"error_type":"overloaded_error","request_id":"req_011CX","attempt":1,"source":"sdk"}',
      '{"ts":1763784723500,"provider":"openai","model":"gpt-5.1","duration_ms":10003,"network_error":"UND_ERR_CONNECT_TIMEOUT","attempt":2}',
      '{"ts":"2026-11-22T04:12:05Z","provider":"anthropic","model":"claude-sonnet-4-6","duration_ms":2210,"http_status":200,"stream":true,"stream_completed":true,"stop_reason":"end_turn","output_tokens":0,"output_chars":0}',
      '{"kind":"status","ts":"2026-11-22T04:30:00Z","provider":"anthropic","component":"Claude API","status":"partial_outage","incident":"Elevated errors on Claude Opus 4.7"}',
    ];
    const times = lines.map((l) => {
      const r = parseRecordLine(l);
      expect(r.ok).toBe(true);
      return r.ok ? r.timeMs : NaN;
    });
    expect(times).toEqual([
      Date.parse('2026-11-22T04:12:03.120Z'),
      1763784723500,
      Date.parse('2026-11-22T04:12:05Z'),
      Date.parse('2026-11-22T04:30:00Z'),
    ]);
  });

  it('keeps unknown fields on the returned record', () => {
    const r = validateRecord({ ...good, region: 'us-east-1', extra: { nested: [1, 2] } });
    expect(r.ok && r.record.region).toBe('us-east-1');
    expect(r.ok && r.record.extra).toEqual({ nested: [1, 2] });
  });

  it('accepts the CDN edge a response showed (edge)', () => {
    const r = validateRecord({ ...good, http_status: 502, edge: 'cloudflare' });
    expect(r.ok && r.record.edge).toBe('cloudflare');
  });

  it('treats null in an optional field as absent', () => {
    expect(validateRecord({ ...good, error_code: null, http_status: null }).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"ts":', 'json: not valid JSON'],
    ['an array', '[1,2]', 'record: not a JSON object'],
    ['a string', '"hello"', 'record: not a JSON object'],
    ['null', 'null', 'record: not a JSON object'],
    ['a number', '42', 'record: not a JSON object'],
    ['missing ts', '{"provider":"openai","model":"m"}', 'ts: required'],
    ['null ts', '{"ts":null,"provider":"openai","model":"m"}', 'ts: required'],
    [
      'ts not a time',
      '{"ts":"yesterday","provider":"openai","model":"m"}',
      'ts: must be an RFC 3339 time or epoch milliseconds',
    ],
    [
      'ts without zone',
      '{"ts":"2026-11-22T04:12:03","provider":"openai","model":"m"}',
      'ts: must be an RFC 3339',
    ],
    [
      'ts impossible date',
      '{"ts":"2026-02-30T04:12:03Z","provider":"openai","model":"m"}',
      'ts: must be an RFC 3339',
    ],
    ['ts negative number', '{"ts":-5,"provider":"openai","model":"m"}', 'ts: must be an RFC 3339'],
    ['ts boolean', '{"ts":true,"provider":"openai","model":"m"}', 'ts: must be an RFC 3339'],
    ['missing provider', '{"ts":0,"model":"m"}', 'provider: required'],
    [
      'provider wrong type',
      '{"ts":0,"provider":7,"model":"m"}',
      'provider: must be a non-empty string',
    ],
    [
      'empty provider',
      '{"ts":0,"provider":"","model":"m"}',
      'provider: must be a non-empty string',
    ],
    ['missing model', '{"ts":0,"provider":"openai"}', 'model: required'],
    [
      'unknown kind',
      '{"ts":0,"provider":"openai","model":"m","kind":"span"}',
      'kind: must be "call" or "status"',
    ],
    [
      'http_status as string',
      '{"ts":0,"provider":"openai","model":"m","http_status":"500"}',
      'http_status: must be an integer from 100 to 599',
    ],
    [
      'http_status fractional',
      '{"ts":0,"provider":"openai","model":"m","http_status":200.5}',
      'http_status: must be an integer',
    ],
    [
      'http_status out of range',
      '{"ts":0,"provider":"openai","model":"m","http_status":1000}',
      'http_status: must be an integer',
    ],
    [
      'duration negative',
      '{"ts":0,"provider":"openai","model":"m","duration_ms":-1}',
      'duration_ms: must be a non-negative number',
    ],
    [
      'ttft as string',
      '{"ts":0,"provider":"openai","model":"m","ttft_ms":"12"}',
      'ttft_ms: must be a non-negative number',
    ],
    [
      'stream as string',
      '{"ts":0,"provider":"openai","model":"m","stream":"true"}',
      'stream: must be a boolean',
    ],
    [
      'aborted_by unknown',
      '{"ts":0,"provider":"openai","model":"m","aborted_by":"user"}',
      'aborted_by: must be one of timeout, caller',
    ],
    [
      'source unknown',
      '{"ts":0,"provider":"openai","model":"m","source":"otel"}',
      'source: must be one of sdk, gateway, probe, import',
    ],
    [
      'attempt zero',
      '{"ts":0,"provider":"openai","model":"m","attempt":0}',
      'attempt: must be an integer >= 1',
    ],
    [
      'output_tokens fractional',
      '{"ts":0,"provider":"openai","model":"m","output_tokens":1.5}',
      'output_tokens: must be a non-negative integer',
    ],
    [
      'checks as array',
      '{"ts":0,"provider":"openai","model":"m","checks":[true]}',
      'checks: must be an object',
    ],
    [
      'checks with a non-boolean',
      '{"ts":0,"provider":"openai","model":"m","checks":{"golden":"yes"}}',
      'checks: "golden" must be a boolean',
    ],
    [
      'edge as a boolean',
      '{"ts":0,"provider":"openai","model":"m","edge":true}',
      'edge: must be a string',
    ],
    [
      'error_type as number',
      '{"ts":0,"provider":"openai","model":"m","error_type":529}',
      'error_type: must be a string',
    ],
    [
      'status without component',
      '{"kind":"status","ts":0,"provider":"openai","status":"operational"}',
      'component: required',
    ],
    [
      'status with unknown status',
      '{"kind":"status","ts":0,"provider":"openai","component":"API","status":"down"}',
      'status: must be one of operational',
    ],
    [
      'status with incident not a string',
      '{"kind":"status","ts":0,"provider":"openai","component":"API","status":"major_outage","incident":3}',
      'incident: must be a string',
    ],
  ])('reports %s', (_name, line, expected) => {
    const problems = problemsOf(line);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('reports every problem of a record, not only the first', () => {
    expect(problemsOf('{"ts":"x","http_status":"a","stream":1}')).toEqual([
      'ts: must be an RFC 3339 time or epoch milliseconds',
      'provider: required',
      'model: required',
      'http_status: must be an integer from 100 to 599',
      'stream: must be a boolean',
    ]);
  });

  it('formats problems as "line N: field: reason"', () => {
    expect(formatProblem(12, { field: 'ts', reason: 'required' })).toBe('line 12: ts: required');
  });
});
