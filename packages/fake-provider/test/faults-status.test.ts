// Status, overload and HTML faults: status codes, provider error bodies, headers present/absent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider, type Provider } from '../src/index.js';
import { PROVIDER_LIST, post, requestFor } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterEach(() => provider.clearFaults());
afterAll(() => provider.close());

type Body = Record<string, Record<string, unknown>>;

const REQUEST_ID: Record<Provider, string | undefined> = {
  anthropic: 'request-id',
  openai: 'x-request-id',
  google: undefined,
};

/** The provider's (type, code, message) read from an error body. */
function errorFields(p: Provider, body: Body): [unknown, unknown, unknown] {
  const e = body['error'] ?? {};
  if (p === 'anthropic') {
    return [
      e['type'],
      (e['details'] as Record<string, unknown> | undefined)?.['error_code'],
      e['message'],
    ];
  }
  if (p === 'openai') return [e['type'], e['code'], e['message']];
  const details = e['details'] as { reason: string }[] | undefined;
  return [e['status'], details?.[0]?.reason, e['message']];
}

async function call(p: Provider, stream = false): Promise<Response> {
  const { path, body } = requestFor(p, { stream });
  return post(provider.url, path, body);
}

describe('status faults', () => {
  it.each([
    ['anthropic', 429, 'rate_limit_error', undefined, '1'],
    ['anthropic', 500, 'api_error', undefined, null],
    ['anthropic', 529, 'overloaded_error', undefined, '1'],
    ['openai', 429, 'requests', 'rate_limit_exceeded', '1'],
    ['openai', 500, 'server_error', null, null],
    ['openai', 503, 'service_unavailable_error', null, '1'],
    ['google', 400, 'INVALID_ARGUMENT', undefined, null],
    ['google', 429, 'RESOURCE_EXHAUSTED', undefined, '1'],
    ['google', 500, 'INTERNAL', undefined, null],
    ['google', 503, 'UNAVAILABLE', undefined, '1'],
  ] as const)('%s %d defaults to %s', async (p, status, type, code, retryAfter) => {
    provider.addFaults({ provider: p, fault: { kind: 'status', status } });
    const res = await call(p);
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    const header = REQUEST_ID[p];
    if (header !== undefined) expect(res.headers.get(header)).toMatch(/^req_/);
    const body = (await res.json()) as Body;
    const [gotType, gotCode, message] = errorFields(p, body);
    expect(gotType).toBe(type);
    expect(gotCode).toBe(code);
    expect(typeof message).toBe('string');
    if (p === 'anthropic') expect(body['type']).toBe('error');
    if (p === 'anthropic') expect(body['request_id']).toBe(res.headers.get('request-id'));
    if (p === 'openai') expect(body['error']).toHaveProperty('param', null);
    if (p === 'google') expect(body['error']?.['code']).toBe(status);
  });

  it.each(PROVIDER_LIST)('%s carries errorType, errorCode, message and retryAfterS', async (p) => {
    provider.addFaults({
      fault: {
        kind: 'status',
        status: 429,
        errorType: 'custom_type',
        errorCode: 'enforced_spend_limit_reached',
        message: 'spent',
        retryAfterS: 30,
      },
    });
    const res = await call(p);
    expect(res.headers.get('retry-after')).toBe('30');
    const fields = errorFields(p, (await res.json()) as Body);
    expect(fields).toEqual(['custom_type', 'enforced_spend_limit_reached', 'spent']);
  });

  it('gives Gemini error codes as a google.rpc.ErrorInfo detail', async () => {
    provider.addFaults({ fault: { kind: 'status', status: 400, errorCode: 'API_KEY_INVALID' } });
    const body = (await (await call('google')).json()) as Body;
    expect(body['error']?.['details']).toEqual([
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'generativelanguage.googleapis.com',
      },
    ]);
  });
});

describe('overload faults', () => {
  it.each([
    ['anthropic', 529, ['overloaded_error', undefined, 'Overloaded']],
    ['openai', 503, ['service_unavailable_error', 'server_is_overloaded', expect.any(String)]],
    ['google', 503, ['UNAVAILABLE', undefined, 'The model is overloaded. Please try again later.']],
  ] as const)('%s answers %d with its overloaded error', async (p, status, fields) => {
    provider.addFaults({ fault: { kind: 'overload' } });
    const res = await call(p);
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(errorFields(p, (await res.json()) as Body)).toEqual(fields);
  });

  it('sends the given retry-after', async () => {
    provider.addFaults({ fault: { kind: 'overload', retryAfterS: 7 } });
    expect((await call('anthropic')).headers.get('retry-after')).toBe('7');
  });

  it.each(PROVIDER_LIST)(
    'stream_error on a non-streaming %s request acts as overload',
    async (p) => {
      provider.addFaults({ fault: { kind: 'stream_error', afterTokens: 3 } });
      expect((await call(p)).status).toBe(p === 'anthropic' ? 529 : 503);
    },
  );
});

describe('html faults', () => {
  it.each(PROVIDER_LIST)(
    '%s gets an HTML page with no request id or rate-limit headers',
    async (p) => {
      provider.addFaults({ fault: { kind: 'html', status: 502 } });
      const res = await call(p, true);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(res.headers.get('request-id')).toBeNull();
      expect(res.headers.get('x-request-id')).toBeNull();
      expect(res.headers.get('anthropic-ratelimit-requests-limit')).toBeNull();
      expect(res.headers.get('x-ratelimit-limit-requests')).toBeNull();
      expect(res.headers.get('server')).toBe('cloudflare');
      expect(await res.text()).toContain('<title>502 Bad Gateway</title>');
    },
  );
});
