import { describe, expect, it } from 'vitest';
import { isAbort, networkCode } from './network-cause.js';

const coded = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('networkCode', () => {
  it('reads undici fetch failed → cause.code', () => {
    expect(networkCode(new TypeError('fetch failed', { cause: coded('ECONNREFUSED') }))).toBe(
      'ECONNREFUSED',
    );
  });
  it('reads nested causes (terminated → SocketError)', () => {
    const err = new TypeError('terminated', {
      cause: new Error('wrap', { cause: coded('UND_ERR_SOCKET') }),
    });
    expect(networkCode(err)).toBe('UND_ERR_SOCKET');
  });
  it('reads AggregateError members (autoSelectFamily ETIMEDOUT)', () => {
    const agg = new AggregateError([new Error('no code'), coded('ETIMEDOUT')], 'all failed');
    expect(networkCode(new TypeError('fetch failed', { cause: agg }))).toBe('ETIMEDOUT');
  });
  it('survives cycles and gives up when there is no code', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = a;
    expect(networkCode(a)).toBeUndefined();
  });
  it('names aborts', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(networkCode(abort)).toBe('AbortError');
    expect(isAbort(abort)).toBe(true);
    expect(isAbort(new DOMException('t', 'TimeoutError'))).toBe(true);
    expect(isAbort(coded('ECONNRESET'))).toBe(false);
  });
});
