// The caller's Response behaves as native fetch's: same prototype, body state, clone, every consumer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

const SSE = [
  'event: message_start\ndata: {"type":"message_start","message":{"model":"m","usage":{"input_tokens":3,"output_tokens":1}}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\n',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
];
const BODY = '{"model":"claude-opus-4-7","stream":true,"messages":[]}';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  server.handle('/json', (_q, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"content":[],"a":1}'),
  );
  server.handle('/form', (_q, res) =>
    res
      .writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' })
      .end('a=1&b=two+words'),
  );
  server.handle('/sse', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'r1' });
    let i = 0;
    const next = (): void => {
      if (i >= SSE.length) return void res.end();
      res.write(SSE[i++]);
      setTimeout(next, 2);
    };
    next();
  });
  server.handle('/empty', (_q, res) => res.writeHead(204).end());
});
afterAll(() => server.close());

type Consume = (res: Response) => Promise<unknown>;

const text = (s: ReadableStream<Uint8Array>): Promise<string> => new Response(s).text();

async function byob(res: Response): Promise<string> {
  const reader = res.body!.getReader({ mode: 'byob' });
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read(new Uint8Array(7));
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

const CONSUMERS: Record<string, Consume> = {
  text: (r) => r.text(),
  json: (r) => r.json(),
  arrayBuffer: async (r) => Buffer.from(await r.arrayBuffer()).toString('utf8'),
  bytes: async (r) => {
    const bytes = (r as Response & { bytes?: () => Promise<Uint8Array> }).bytes;
    return bytes === undefined ? 'no bytes()' : Buffer.from(await bytes.call(r)).toString('utf8');
  },
  blob: async (r) => {
    const b = await r.blob();
    return [b.type, b.size, await b.text()];
  },
  formData: async (r) => [...(await r.formData()).entries()],
  reader: (r) => text(r.body!),
  byob,
  asyncIterate: async (r) => {
    let n = 0;
    for await (const chunk of r.body! as unknown as AsyncIterable<Uint8Array>) n += chunk.length;
    return n;
  },
  'clone, then body': async (r) => {
    const c = r.clone();
    const [a, b] = await Promise.all([text(r.body!), c.text()]);
    return [a, b, c.url, c.status, [...c.headers], Object.getPrototypeOf(c) === Response.prototype];
  },
  'clone, read clone first': async (r) => {
    const c = r.clone();
    const b = await text(c.body!);
    return [b, await r.arrayBuffer().then((x) => x.byteLength)];
  },
  'read twice': async (r) => [await r.text(), await r.text().catch(describeError)],
  'clone after use': async (r) => {
    await r.text();
    try {
      r.clone();
      return 'no error';
    } catch (e: unknown) {
      return describeError(e);
    }
  },
  'cancel body': async (r) => {
    await r.body!.cancel();
    return [r.bodyUsed, await r.text().catch(describeError)];
  },
};

function describeError(e: unknown): unknown {
  return e instanceof Error ? [e.constructor.name, e.name, e.message] : e;
}

/** What the caller can see of a response, after consuming it with `consume`. */
async function profile(res: Response, consume: Consume): Promise<unknown> {
  const before = {
    prototype: Object.getPrototypeOf(res) === Response.prototype,
    instance: res instanceof Response,
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    url: res.url,
    redirected: res.redirected,
    type: res.type,
    headers: [...res.headers].filter(([k]) => k !== 'date'),
    bodyUsed: res.bodyUsed,
    bodyNull: res.body === null,
    locked: res.body?.locked,
  };
  const value = await consume(res).catch(describeError);
  let immutable = false;
  try {
    res.headers.set('x-test', '1');
  } catch {
    immutable = true;
  }
  return { before, value, bodyUsed: res.bodyUsed, locked: res.body?.locked, immutable };
}

const init = (): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: BODY,
});

describe('the caller’s Response is native', () => {
  for (const path of ['/json', '/form', '/sse']) {
    for (const [name, consume] of Object.entries(CONSUMERS)) {
      it(`${path}: ${name} behaves as with native fetch, and a record is written`, async () => {
        const sink = createMemorySink();
        const f = instrumentFetch({ provider: 'anthropic', sink });
        const want = await profile(await fetch(server.url + path, init()), consume);
        const got = await profile(await f(server.url + path, init()), consume);
        expect(got).toEqual(want);
        await new Promise((r) => setTimeout(r, 10));
        expect(sink.records).toHaveLength(1);
        expect(sink.records[0]!.http_status).toBe(200);
      });
    }
  }

  it('a 204 response is the native one, untouched', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const want = await profile(await fetch(server.url + '/empty'), (r) => r.text());
    const got = await profile(await f(server.url + '/empty'), (r) => r.text());
    expect(got).toEqual(want);
    expect(sink.records[0]!.http_status).toBe(204);
  });

  it('records a stream read through a clone-logging wrapper as complete', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const res = await f(server.url + '/sse', init());
    const logged = res.clone().text(); // as clone-logging middleware does
    expect(await text(res.body!)).toBe(SSE.join(''));
    expect(await logged).toBe(SSE.join(''));
    expect(sink.records[0]).toMatchObject({
      stream: true,
      stream_completed: true,
      stop_reason: 'end_turn',
      output_tokens: 2,
      request_id: 'r1',
    });
  });
});
