import { describe, expect, it } from 'vitest';
import { IngestError, isIngestError } from './ingest-error.js';
import { REDACTED, redactSecrets } from './redact-secrets.js';

const SECRET = 'fl_ingest_abc123';

describe('redactSecrets', () => {
  it('returns an error that mentions no secret as it is', () => {
    const e = new TypeError('fetch failed');
    expect(redactSecrets(e, [SECRET])).toBe(e);
  });

  it('scrubs the message, stack and cause chain, keeping name and brands', () => {
    const cause = new TypeError(`Headers.set: "Bearer ${SECRET}" is an invalid header value.`);
    const e = new IngestError('POST failed', { outcome: 'retrying', records: 2 }, { cause });
    const out = redactSecrets(e, [SECRET]) as IngestError;
    expect(out).not.toBe(e);
    expect(isIngestError(out)).toBe(true);
    expect(out.records).toBe(2);
    const inner = out.cause as Error;
    expect([inner.name, inner.message]).toEqual([
      'TypeError',
      `Headers.set: "Bearer ${REDACTED}" is an invalid header value.`,
    ]);
    expect(`${out.stack} ${inner.stack}`).not.toContain(SECRET);
  });

  it('scrubs strings and leaves everything alone when there is no secret', () => {
    expect(redactSecrets(`token ${SECRET}`, [SECRET])).toBe(`token ${REDACTED}`);
    const e = new Error(`token ${SECRET}`);
    expect(redactSecrets(e, [])).toBe(e);
    expect(redactSecrets(e, [''])).toBe(e);
  });
});
