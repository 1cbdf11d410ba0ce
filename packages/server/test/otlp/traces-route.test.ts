// HTTP behaviour of POST /v1/traces: content types, gzip, the body limit, OTLP answers.
import { gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTracesServer, type TracesServer } from './traces-server.js';
import { jsonRequest } from './otlp-json-fixture.js';

const CHAT = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.system': 'openai',
  'gen_ai.request.model': 'gpt-5.1',
};

let server: TracesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function post(path: string, body: Uint8Array, headers: Record<string, string>) {
  return fetch(`${server!.url}${path}`, { method: 'POST', body, headers });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('POST /v1/traces', () => {
  it('answers {} when every span was accepted, after the records are committed', async () => {
    let committed = false;
    server = await startTracesServer({
      ingestRecords: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        committed = true;
      },
    });
    const res = await post('/v1/traces', json(jsonRequest([{ attributes: CHAT }])), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(committed).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({});
  });

  it('counts unmappable GenAI spans in partialSuccess and keeps the good ones', async () => {
    server = await startTracesServer();
    const body = jsonRequest([
      { attributes: CHAT },
      {
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'x' },
        spanId: 'ab',
      },
      { kind: 2, attributes: { 'http.route': '/' } },
    ]);
    const res = await post('/v1/traces', gzipSync(json(body)), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      partialSuccess: { rejectedSpans: '1', errorMessage: 'span ab: no gen_ai.provider.name' },
    });
    expect(server.records).toHaveLength(1);
  });

  it.each([
    ['text/plain', {}, 415],
    ['application/json', { 'content-encoding': 'br' }, 415],
    ['application/json', { 'content-encoding': 'gzip' }, 400], // not gzip
  ])('refuses %s %j with %i', async (type, extra, status) => {
    server = await startTracesServer();
    const res = await post('/v1/traces', json({}), { 'content-type': type, ...extra });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(typeof ((await res.json()) as { message: unknown }).message).toBe('string');
  });

  it('answers 405 to a GET', async () => {
    server = await startTracesServer();
    const res = await fetch(`${server.url}/v1/traces`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it.each([
    ['application/json', Buffer.from('{"resourceSpans": [')],
    ['application/x-protobuf', Buffer.from([0x0a, 0xff, 0x01])],
  ])('answers 400 in the request encoding to an undecodable %s body', async (type, body) => {
    server = await startTracesServer();
    const res = await post('/v1/traces', body, { 'content-type': type });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe(type);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(server.records).toEqual([]);
  });

  it('refuses a gzip bomb at the limit, measured after decompression', async () => {
    server = await startTracesServer({ maxBodyBytes: 1024 * 1024 });
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20)); // 16 MiB of spaces, ~16 KiB
    const res = await post('/v1/traces', bomb, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('refuses a streamed body once it passes the limit, without reading the rest', async () => {
    server = await startTracesServer({ maxBodyBytes: 64 * 1024 });
    const url = new URL(`${server.url}/v1/traces`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      // Chunked transfer, no content-length: the route must count as it reads. The client keeps
      // writing until the answer arrives; it never has to send all 64 MiB.
      let sent = 0;
      const pump = (): void => {
        while (sent < 4096 && req.write(chunk)) sent += 1;
        if (sent < 4096) req.once('drain', pump);
        else req.end();
      };
      req.on('response', () => req.destroy());
      pump();
    });
    expect(status).toBe(413);
  });

  it('refuses a declared content-length over the limit before reading', async () => {
    server = await startTracesServer({ maxBodyBytes: 10 });
    const res = await post('/v1/traces', json(jsonRequest([{ attributes: CHAT }])), {
      'content-type': 'application/x-protobuf',
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
  });

  it('answers 503 with Retry-After when the records cannot be committed', async () => {
    server = await startTracesServer({
      ingestRecords: () => Promise.reject(new Error('disk full')),
    });
    const res = await post('/v1/traces', json(jsonRequest([{ attributes: CHAT }])), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });
});
