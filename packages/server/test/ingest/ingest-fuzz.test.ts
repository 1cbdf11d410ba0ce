// Fuzzed ingest bodies (fast-check): never a 5xx, never a crash, every good line kept.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startIngestServer, stored, type IngestServer } from './ingest-server.js';

let server: IngestServer;
beforeAll(async () => {
  server = await startIngestServer({ limits: { maxReportedRejections: 10_000 } });
});
afterAll(async () => {
  await server.close();
});

const goodRecord = fc.record(
  {
    ts: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.now() }), // ingest refuses times ahead of its clock
    provider: fc.constantFrom('anthropic', 'openai', 'google', 'my-llm'),
    model: fc.string({ minLength: 1, maxLength: 20 }).filter((m) => m.trim() !== ''),
    http_status: fc.integer({ min: 100, max: 599 }),
    error_type: fc.string({ maxLength: 30 }),
    network_error: fc.constantFrom('ECONNRESET', 'UND_ERR_SOCKET'),
    stream: fc.boolean(),
    source: fc.constantFrom('sdk', 'gateway', 'probe', 'import'),
    note: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: ['ts', 'provider', 'model'] },
);

/** Lines that can never be records: not JSON, JSON that is no record, or bytes that are not UTF-8. */
const badLine = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => Buffer.from(`x${s.replace(/[\r\n]/g, ' ')}`)),
  fc
    .json({ maxDepth: 3 })
    .filter((j) => {
      const v: unknown = JSON.parse(j);
      return typeof v !== 'object' || v === null || !('ts' in v && 'provider' in v);
    })
    .map((j) => Buffer.from(j)),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => {
    const bytes = Buffer.from(b.map((x) => (x === 0x0a || x === 0x0d ? 0x20 : x)));
    return Buffer.concat([Buffer.from('{'), bytes, Buffer.from([0xff])]);
  }),
);

const line = fc.oneof(
  goodRecord.map((r) => ({ good: true, bytes: Buffer.from(JSON.stringify(r)) })),
  badLine.map((bytes) => ({ good: false, bytes })),
);

describe('fuzzed JSON Lines bodies', () => {
  it('answer 200 with every good line kept and every bad one reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        async (lines, gzip, crlf) => {
          const before = (await stored(server)).length;
          const raw = Buffer.concat(
            lines.flatMap((l) => [l.bytes, Buffer.from(crlf ? '\r\n' : '\n')]),
          );
          const res = await post(
            server,
            gzip ? gzipSync(raw) : raw,
            gzip ? { 'content-encoding': 'gzip' } : {},
          );
          expect(res.status).toBe(200);
          const answer = (await res.json()) as { accepted: number; rejected: { line: number }[] };
          const good = lines.flatMap((l, i) => (l.good ? [i + 1] : []));
          const bad = lines.flatMap((l, i) => (l.good ? [] : [i + 1]));
          expect(answer.accepted).toBe(good.length);
          expect(answer.rejected.map((r) => r.line)).toEqual(bad);
          const rows = (await stored(server)).slice(before);
          expect(rows.map((r) => r.json.slice(0, r.json.lastIndexOf(',"classification"')))).toEqual(
            lines.filter((l) => l.good).map((l) => l.bytes.toString().slice(0, -1)),
          );
        },
      ),
      { numRuns: 120 },
    );
  });

  it('answer arbitrary bytes under any accepted type with 200 or 400, never 5xx', async () => {
    const type = fc.constantFrom('application/x-ndjson', 'application/jsonl', 'application/json');
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        type,
        fc.boolean(),
        async (bytes, contentType, gzip) => {
          const body = gzip ? gzipSync(bytes) : bytes;
          const headers = {
            'content-type': contentType,
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          };
          const res = await post(server, body, headers);
          expect([200, 400]).toContain(res.status);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 150 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
