// Property: whatever the server does, the caller's outcome equals native fetch's, and no record carries a key or prompt.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@faultline/core';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import {
  scenarioArb,
  startRandomServer,
  type RandomServer,
  type Scenario,
} from './random-server.js';

const CONSUMERS = ['text', 'arrayBuffer', 'reader', 'byob', 'clone'] as const;
type Consumer = (typeof CONSUMERS)[number];

let server: RandomServer;
beforeAll(async () => {
  server = await startRandomServer();
});
afterAll(() => server.close());

function describeError(e: unknown): unknown {
  if (!(e instanceof Error)) return { thrown: String(e) };
  const cause = e.cause as { code?: unknown; name?: unknown } | undefined;
  return {
    ctor: e.constructor.name,
    name: e.name,
    message: e.message,
    cause: cause?.code ?? cause?.name,
  };
}

async function readAll(body: ReadableStream<Uint8Array>, byob: boolean): Promise<string> {
  const parts: Uint8Array[] = [];
  if (byob) {
    const reader = body.getReader({ mode: 'byob' });
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(64));
      if (done) break;
      parts.push(value);
    }
  } else {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
  }
  return Buffer.concat(parts).toString('hex');
}

async function consume(res: Response, how: Consumer): Promise<unknown> {
  const settle = (p: Promise<unknown>): Promise<unknown> =>
    p.then(
      (value) => ({ value }),
      (e: unknown) => ({ error: describeError(e) }),
    );
  switch (how) {
    case 'text':
      return settle(res.text());
    case 'arrayBuffer':
      return settle(res.arrayBuffer().then((b) => Buffer.from(b).toString('hex')));
    case 'reader':
      return res.body === null ? null : settle(readAll(res.body, false));
    case 'byob':
      return res.body === null ? null : settle(readAll(res.body, true));
    case 'clone': {
      const c = res.clone();
      const both = [
        settle(res.arrayBuffer().then((b) => Buffer.from(b).toString('hex'))),
        settle(c.text()),
      ];
      return [await both[0], await both[1], c.status, c.url, [...c.headers].length];
    }
  }
}

/** Everything the caller can observe of one call. */
async function outcome(
  f: typeof fetch,
  url: string,
  init: RequestInit,
  how: Consumer,
): Promise<unknown> {
  let res: Response;
  try {
    res = await f(url, init);
  } catch (e: unknown) {
    return { fetchError: describeError(e) };
  }
  return {
    prototype: Object.getPrototypeOf(res) === Response.prototype,
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    url: res.url,
    redirected: res.redirected,
    type: res.type,
    headers: [...res.headers].filter(([k]) => k !== 'date'),
    body: await consume(res, how),
    bodyUsed: res.bodyUsed,
  };
}

/** Every string anywhere in a record, keys included. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
  return out;
}

const PROVIDER: Record<Scenario['kind'], string> = {
  json: 'openai',
  'error-json': 'anthropic',
  text: 'openai',
  empty: 'anthropic',
  'sse-anthropic': 'anthropic',
  'sse-openai': 'openai',
  'sse-gemini': 'google',
};

/** A real API path for the provider (the instrument reads the endpoint from it), with the scenario id. */
function pathFor(provider: string, stream: boolean, id: string, key: string): string {
  if (provider === 'anthropic') return `/v1/messages?s=${id}`;
  if (provider === 'openai') return `/v1/chat/completions?s=${id}`;
  const method = stream ? 'streamGenerateContent?alt=sse&' : 'generateContent?';
  return `/v1beta/models/model-x:${method}s=${id}&key=${key}`;
}

const secretArb = fc
  .tuple(
    fc.constantFrom('sk-ant-api03-', 'sk-proj-', 'AIza', ''),
    fc.stringMatching(/^[A-Za-z0-9]{24,32}$/),
  )
  .map(([p, s]) => p + s);
const promptArb = fc
  .string({ unit: 'grapheme', minLength: 16, maxLength: 40 })
  .filter((p) => p.trim().length >= 16);

describe('instrumentFetch against a random server', () => {
  it('gives the caller exactly what native fetch gives, and never records a key or the prompt', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.constantFrom(...CONSUMERS),
        secretArb,
        promptArb,
        fc.boolean(),
        async (s, how, key, prompt, stream) => {
          const id = server.add(s);
          const provider = PROVIDER[s.kind];
          const url = server.url + pathFor(provider, stream, id, key);
          const init = (): RequestInit => ({
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${key}`,
              'x-api-key': key,
            },
            body: JSON.stringify({
              model: 'model-x',
              stream,
              messages: [{ role: 'user', content: prompt }],
            }),
          });
          const sink = createMemorySink();
          const errors: unknown[] = [];
          const f = instrumentFetch({ provider, sink, onError: (e) => errors.push(e) });
          const native = await outcome(fetch, url, init(), how);
          const ours = await outcome(f, url, init(), how);
          expect(ours).toEqual(native);
          await new Promise((r) => setTimeout(r, 5));
          expect(errors).toEqual([]);
          expect(sink.records).toHaveLength(1);
          const record: CallRecord = sink.records[0]!;
          const seen = native as { fetchError?: unknown; status?: number };
          if (seen.fetchError !== undefined) expect(record.http_status).toBeUndefined();
          else expect(record.http_status).toBe(seen.status);
          // a whole 2xx stream, however the caller read it (clones included), is seen whole
          if (
            s.ending === 'complete' &&
            s.kind.startsWith('sse-') &&
            (s.status === 200 || s.status === 201)
          )
            expect(record.stream_completed).toBe(true);
          const json = JSON.stringify(record);
          for (const secret of [key, prompt]) {
            expect(json).not.toContain(JSON.stringify(secret).slice(1, -1));
            for (const str of strings(record)) expect(str).not.toContain(secret);
          }
        },
      ),
      { seed: 20_260_507, numRuns: 60, endOnFailure: true },
    );
  }, 60_000);
});
