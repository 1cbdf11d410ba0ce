// A caller's abort, whatever its reason, fails exactly as with native fetch and is recorded as the caller's.
import { classify } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  // Headers after 300 ms: an abort at 40 ms lands before them.
  server.handle('/slow/v1/chat/completions', (_q, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 300);
  });
  // Headers and a first chunk at once, the rest after 400 ms: an abort lands mid-body.
  server.handle('/v1/chat/completions', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"choices":[{"delta":{"content":"hi"}}]}\n\n');
    setTimeout(() => res.end('data: [DONE]\n\n'), 400);
  });
});
afterAll(() => server.close());

const BODY = JSON.stringify({ model: 'gpt-4', stream: true, messages: [] });
const REASONS: Record<string, () => unknown> = {
  'no reason': () => undefined,
  'an Error': () => new Error('user left'),
  'a string': () => 'stop',
  'an AbortError': () => new DOMException('gone', 'AbortError'),
  'a plain object': () => ({ why: 'navigated' }),
};

/** How a call ended, comparable between native and instrumented fetch. */
type Outcome = string;

function describeError(e: unknown, reason: unknown): Outcome {
  if (reason !== undefined && e === reason) return 'the reason itself';
  const d = e as { name?: unknown; message?: unknown };
  return `${String(d.name)}: ${String(d.message)}`;
}

const abort = (c: AbortController, reason: unknown): void =>
  reason === undefined ? c.abort() : c.abort(reason);

/** Each way a caller meets an abort, returning what it saw. */
const PHASES: Record<string, (f: typeof fetch, reason: unknown) => Promise<Outcome>> = {
  'before headers': async (f, reason) => {
    const c = new AbortController();
    const p = f(`${server.url}/slow/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: c.signal,
    });
    setTimeout(() => abort(c, reason), 40);
    return p.then(
      () => 'resolved',
      (e: unknown) => describeError(e, reason),
    );
  },
  'text() after the abort': async (f, reason) => {
    const c = new AbortController();
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: c.signal,
    });
    abort(c, reason);
    const out = await res.text().then(
      () => 'read',
      (e: unknown) => describeError(e, reason),
    );
    return `${out}; bodyUsed ${res.bodyUsed}; locked ${res.body?.locked}`;
  },
  'json() of a clone made after the abort': async (f, reason) => {
    const c = new AbortController();
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: c.signal,
    });
    abort(c, reason);
    return res
      .clone()
      .json()
      .then(
        () => 'read',
        (e: unknown) => describeError(e, reason),
      );
  },
  'text() of a clone made before the abort': async (f, reason) => {
    const c = new AbortController();
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: c.signal,
    });
    const clone = res.clone();
    abort(c, reason);
    const a = await clone.text().then(
      () => 'read',
      (e: unknown) => describeError(e, reason),
    );
    const b = await res.arrayBuffer().then(
      () => 'read',
      (e: unknown) => describeError(e, reason),
    );
    return `${a} / ${b}`;
  },
  'text() started before the abort': async (f, reason) => {
    const c = new AbortController();
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: c.signal,
    });
    const p = res.text();
    setTimeout(() => abort(c, reason), 40);
    return p.then(
      () => 'read',
      (e: unknown) => describeError(e, reason),
    );
  },
  'a reader mid-body': async (f, reason) => {
    const c = new AbortController();
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: c.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    abort(c, reason);
    return reader.read().then(
      (r) => `done ${r.done}`,
      (e: unknown) => describeError(e, reason),
    );
  },
};

describe('a caller abort with any reason', () => {
  for (const [phase, run] of Object.entries(PHASES)) {
    it.each(Object.keys(REASONS))(
      `${phase}: %s fails as native fetch and records the caller`,
      async (name) => {
        const native = await run(fetch, REASONS[name]!());
        const sink = createMemorySink();
        const errors: unknown[] = [];
        const f = instrumentFetch({ provider: 'openai', sink, onError: (e) => errors.push(e) });
        const instrumented = await run(f, REASONS[name]!());
        expect(instrumented).toBe(native);
        await new Promise((r) => setTimeout(r, 20));
        expect(sink.records.length).toBeGreaterThan(0);
        for (const r of sink.records) {
          expect(r.aborted_by).toBe('caller');
          expect(r.network_error).toBeUndefined();
          expect(classify(r)).toMatchObject({ layer: 'none', reason: 'cancelled' });
        }
        expect(errors).toEqual([]);
      },
    );
  }

  it('does not count the next identical request as a retry', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    for (let i = 0; i < 2; i++) await PHASES['before headers']!(f, new Error('user left'));
    await new Promise((r) => setTimeout(r, 20));
    expect(sink.records.map((r) => r.attempt)).toEqual([1, 1]);
  });

  it('keeps a TimeoutError reason as a timeout', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    await f(`${server.url}/slow/v1/chat/completions`, {
      method: 'POST',
      body: BODY,
      signal: AbortSignal.timeout(40),
    }).catch(() => undefined);
    expect(sink.records[0]?.aborted_by).toBe('timeout');
  });
});
