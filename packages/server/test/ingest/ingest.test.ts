// POST /v1/records over real HTTP and the memory store: formats, rejections, status codes.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/index.js';
import {
  READ_TOKEN,
  ADMIN_TOKEN,
  callLine,
  post,
  startIngestServer,
  stored,
  type IngestServer,
} from './ingest-server.js';

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
});
afterEach(async () => {
  await server.close();
});

const T = Date.UTC(2026, 10, 22, 4, 12, 3);

describe('POST /v1/records', () => {
  it('keeps good lines, reports bad ones by 1-based line, and answers after the commit', async () => {
    const body = [
      callLine(T),
      '{"ts":"yesterday","provider":"openai","model":"gpt-5.1"}',
      '',
      'not json',
      `{"ts":${T + 1},"provider":"openai","model":"gpt-5.1","http_status":200,"stop_reason":"stop","output_chars":5,"source":"sdk","x_custom":1.50}`,
      '{"kind":"status","ts":"2026-11-22T04:30:00Z","provider":"anthropic","component":"Claude API","status":"partial_outage"}',
    ].join('\r\n');
    const res = await post(server, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = (await res.json()) as {
      accepted: number;
      rejected: { line: number; field: string }[];
      duplicate: boolean;
    };
    expect(answer.accepted).toBe(3);
    expect(answer.duplicate).toBe(false);
    expect(answer.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'ts'],
      [4, 'json'],
    ]);
    const rows = await stored(server);
    expect(rows.map((r) => [r.kind, r.provider, r.model, r.source, r.layer, r.tsMs])).toEqual([
      ['call', 'anthropic', 'claude-opus-4-7', 'sdk', 'provider', T],
      ['call', 'openai', 'gpt-5.1', 'sdk', 'none', T + 1],
      ['status', 'anthropic', '', '', '', Date.parse('2026-11-22T04:30:00Z')],
    ]);
    // The record's own text is kept byte for byte (number forms, unknown fields).
    expect(rows[1]?.json).toContain('"x_custom":1.50,"classification":{"layer":"none"');
    expect(JSON.parse(rows[0]!.json)).toMatchObject({
      classification: { layer: 'provider', reason: 'overloaded' },
    });
    expect(server.committed.flat().map((r) => r.seq)).toEqual(rows.map((r) => r.seq));
    expect(server.counts.accepted.get('sdk')).toBe(2);
    expect(server.counts.rejected).toBe(2);
  });

  it('accepts application/jsonl with a charset and a JSON array with per-element rejections', async () => {
    const lines = await post(server, callLine(T) + '\n', {
      'content-type': 'application/jsonl; charset=utf-8',
    });
    expect(await lines.json()).toEqual({ accepted: 1, rejected: [], duplicate: false });
    const array = `[${callLine(T)}, {"ts": 1}, ${callLine(T + 5)}]`;
    const res = await post(server, array, { 'content-type': 'Application/JSON' });
    const answer = (await res.json()) as {
      accepted: number;
      rejected: { line: number; field: string }[];
    };
    expect(answer.accepted).toBe(2);
    expect(answer.rejected).toEqual([{ line: 2, field: 'provider', reason: 'required' }]);
    const one = await post(server, callLine(T + 9), { 'content-type': 'application/json' });
    expect(((await one.json()) as { accepted: number }).accepted).toBe(1);
    expect((await stored(server)).map((r) => r.tsMs)).toEqual([T, T, T + 5, T + 9]);
  });

  it('answers 400 for a JSON body that does not parse, storing nothing', async () => {
    const res = await post(server, `[${callLine(T)},`, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(await stored(server)).toEqual([]);
  });

  it('answers 200 with nothing accepted for an empty body', async () => {
    for (const type of ['application/x-ndjson', 'application/json']) {
      const res = await post(server, '', { 'content-type': type });
      expect(await res.json()).toEqual({ accepted: 0, rejected: [], duplicate: false });
    }
    expect(server.committed).toEqual([]);
  });

  it('rejects a line that is not valid UTF-8 and keeps its neighbours', async () => {
    const bad = Buffer.concat([
      Buffer.from(callLine(T) + '\n'),
      Buffer.from('{"ts":1,"provider":"a\xff"}\n', 'latin1'),
      Buffer.from(callLine(T + 1) + '\n'),
    ]);
    const res = await post(server, bad);
    const answer = (await res.json()) as { accepted: number; rejected: unknown[] };
    expect(answer).toMatchObject({ accepted: 2, rejected: [{ line: 2, field: 'encoding' }] });
  });

  it('reads gzip bodies and answers 400 for broken gzip', async () => {
    const body = gzipSync(Buffer.from([callLine(T), callLine(T + 1)].join('\n')));
    const res = await post(server, body, { 'content-encoding': 'gzip' });
    expect(await res.json()).toMatchObject({ accepted: 2 });
    const broken = Buffer.from(body.subarray(0, body.length - 6));
    broken[12] = (broken[12] ?? 0) ^ 0xff;
    const bad = await post(server, broken, { 'content-encoding': 'gzip' });
    expect(bad.status).toBe(400);
    const notGzip = await post(server, callLine(T), { 'content-encoding': 'gzip' });
    expect(notGzip.status).toBe(400);
    expect((await stored(server)).length).toBe(2);
  });

  it('answers 415 for another or a missing content type, or an unknown encoding', async () => {
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': '' },
      { 'content-encoding': 'br' },
    ]) {
      const res = await post(server, callLine(T), headers);
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
  });

  it('needs a token with the ingest or admin role', async () => {
    expect((await post(server, callLine(T), { authorization: '' })).status).toBe(401);
    const unknown = await post(server, callLine(T), { authorization: 'Bearer nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer');
    const reader = await post(server, callLine(T), { authorization: `Bearer ${READ_TOKEN}` });
    expect(reader.status).toBe(403);
    expect(await reader.json()).toMatchObject({ error: { code: 'forbidden' } });
    const admin = await post(server, callLine(T), { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(admin.status).toBe(200);
    expect((await stored(server)).length).toBe(1);
  });

  it('answers 503 with Retry-After when the store cannot take writes', async () => {
    const store = createMemoryStore();
    const down = await startIngestServer({ store });
    await store.close();
    const res = await post(down, callLine(T));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } });
    await down.close();
  });
});
