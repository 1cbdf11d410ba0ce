// What the packaging test's fresh app runs: the installed packages, used as a user would.

/**
 * Starts the installed fake provider (one model overloaded), calls it twice through
 * `instrumentFetch` with plain `fetch`, and prints each record's status and classification.
 */
export const APP_SCRIPT = `
import { classify } from '@faultline/core';
import { startFakeProvider } from '@faultline/fake-provider';
import { createMemorySink, instrumentFetch } from '@faultline/sdk';

const provider = await startFakeProvider({
  faults: [{ provider: 'anthropic', model: 'claude-opus-4-7', fault: { kind: 'overload' } }],
});
try {
  const sink = createMemorySink();
  const f = instrumentFetch({ provider: 'anthropic', sink });
  for (const model of ['claude-sonnet-4-6', 'claude-opus-4-7']) {
    const res = await f(provider.url + '/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model, max_tokens: 256, messages: [{ role: 'user', content: 'hi' }] }),
    });
    await res.arrayBuffer();
  }
  await new Promise((r) => setTimeout(r, 50));
  const out = sink.records.map((r) => {
    const c = classify(r);
    return { status: r.http_status, layer: c.layer, reason: c.reason, provider: r.provider };
  });
  process.stdout.write(JSON.stringify(out));
} finally {
  await provider.close();
}
`;

/** Three call records for the installed `faultline classify`: a success, an overload, a bad key. */
export const CALLS_JSONL = [
  { ts: '2026-11-22T04:12:00Z', provider: 'anthropic', model: 'claude-opus-4-7', http_status: 200 },
  {
    ts: '2026-11-22T04:12:01Z',
    provider: 'anthropic',
    model: 'claude-opus-4-7',
    http_status: 529,
    error_type: 'overloaded_error',
  },
  {
    ts: '2026-11-22T04:12:02Z',
    provider: 'openai',
    model: 'gpt-5.1',
    http_status: 401,
    error_type: 'invalid_request_error',
    error_code: 'invalid_api_key',
  },
]
  .map((r) => JSON.stringify(r) + '\n')
  .join('');
