// Fuzzed classification: for any validated call record, classify answers from the closed sets and ignores unknown fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LAYERS,
  OWNERS,
  REASONS_BY_LAYER,
  classify,
  validateRecord,
  type CallRecord,
  type Classification,
} from '../../src/index.js';
import { fuzzParams } from './fuzz-params.js';
import { callFields, callRecord, extraFields } from './record-arbitraries.js';

/** Values the classifier reacts to, mixed with arbitrary ones so every branch is reached. */
function biased<T>(words: readonly T[], other: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...words), weight: 3 },
    { arbitrary: other, weight: 1 },
  );
}

const telling = {
  ...callFields,
  http_status: biased(
    [200, 201, 204, 304, 400, 401, 403, 404, 407, 408, 413, 422, 429, 500, 502, 503, 504, 529],
    callFields.http_status,
  ),
  error_type: biased(
    [
      'overloaded_error',
      'rate_limit_error',
      'invalid_request_error',
      'authentication_error',
      'permission_error',
      'not_found_error',
      'api_error',
      'insufficient_quota',
      'RESOURCE_EXHAUSTED',
      'UNAVAILABLE',
      'DEADLINE_EXCEEDED',
      'ThrottlingException',
    ],
    callFields.error_type,
  ),
  error_code: biased(
    ['context_length_exceeded', 'rate_limit_exceeded', 'billing_hard_limit_reached'],
    callFields.error_code,
  ),
  error_message: biased(
    [
      'prompt is too long',
      "This model's maximum context length is",
      'Overloaded',
      'quota',
      'timed out',
    ],
    callFields.error_message,
  ),
  content_type: biased(
    ['text/html', 'text/html; charset=utf-8', 'application/json'],
    callFields.content_type,
  ),
  network_error: biased(
    [
      'ECONNRESET',
      'ENOTFOUND',
      'EAI_AGAIN',
      'ECONNREFUSED',
      'UND_ERR_CONNECT_TIMEOUT',
      'CERT_HAS_EXPIRED',
      'ERR_FETCH_FAILED',
    ],
    callFields.network_error,
  ),
  stop_reason: biased(
    ['end_turn', 'max_tokens', 'refusal', 'length', 'content_filter', 'SAFETY', 'STOP'],
    callFields.stop_reason,
  ),
  edge: biased(['cloudflare'], callFields.edge),
};

/** A record the validator accepted, as the engine and ingest hand it to classify. */
const validated = fc.oneof(callRecord(telling), callRecord()).map(({ record }) => {
  const result = validateRecord(record);
  if (!result.ok)
    throw new Error(`generated an invalid record: ${JSON.stringify(result.problems)}`);
  return result.record as CallRecord;
});

function expectClosedSets(c: Classification): void {
  expect(LAYERS).toContain(c.layer);
  expect(REASONS_BY_LAYER[c.layer] as readonly string[]).toContain(c.reason);
  expect(OWNERS).toContain(c.owner);
  expect(typeof c.retryable).toBe('boolean');
}

describe('classify fuzz', () => {
  it('always answers a layer, reason and owner from the closed sets', () => {
    fc.assert(
      fc.property(validated, (record) => {
        expectClosedSets(classify(record));
      }),
      fuzzParams(2000, 1410),
    );
  });

  it('gives the same answer for a record read back from its JSON line, unknown fields added', () => {
    fc.assert(
      fc.property(validated, extraFields, (record, extra) => {
        const again = JSON.parse(JSON.stringify({ ...extra, ...record })) as CallRecord;
        expect(classify(again)).toEqual(classify(record));
      }),
      fuzzParams(800, 1411),
    );
  });
});
