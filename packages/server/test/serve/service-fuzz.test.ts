// Fuzzed ingest against the whole service (SQLite, live engine, metrics): no 5xx but 503, nothing lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { countEach, exportedIds } from './service-api.js';
import { TOKENS } from './service-process.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-fuzz-'));
const log: string[] = [];
let service: RunningService;
let base: string;
beforeAll(async () => {
  const config = validateConfig(
    {
      store: join(dir, 'faultline.db'),
      tokens: Object.entries(TOKENS).map(([role, token]) => ({ name: role, role, token })),
    },
    { env: {} },
  );
  service = await startService({ config, log: (l) => log.push(l), port: 0 });
  base = service.address.url;
  await service.caughtUp;
});
afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.now();
const DAY = 86_400_000;
const WINDOW = `&from=${new Date(NOW - 3 * DAY).toISOString()}&to=${new Date(NOW + DAY).toISOString()}`;
let nextId = 0;

/** A good record: required fields, a unique id, a time as epoch ms or RFC 3339, unknown fields. */
const goodRecord = fc
  .record({
    tsMs: fc.integer({ min: NOW - 2 * DAY, max: NOW + 60_000 }),
    asText: fc.boolean(),
    provider: fc.constantFrom('anthropic', 'openai', 'google', 'my-llm'),
    model: fc.string({ minLength: 1, maxLength: 12 }).filter((m) => m.trim() !== ''),
    status: fc.option(fc.constantFrom(200, 400, 429, 500, 503, 529)),
    error_type: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    extra: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x_${k}`),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 3 },
    ),
  })
  .map((r) => {
    const id = `fz-${nextId++}`;
    const record = {
      ...r.extra,
      ts: r.asText ? new Date(r.tsMs).toISOString() : r.tsMs,
      provider: r.provider,
      model: r.model,
      ...(r.status === null ? { network_error: 'ECONNRESET' } : { http_status: r.status }),
      ...(r.error_type === undefined ? {} : { error_type: r.error_type }),
      request_id: id,
    };
    return { id, bytes: Buffer.from(JSON.stringify(record)) };
  });

const badLine = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => Buffer.from(`!${s.replace(/[\r\n]/g, ' ')}`)),
  fc
    .constantFrom(
      '{}',
      '[]',
      'null',
      '{"ts":"yesterday","provider":"a","model":"m"}',
      '{"ts":1,"provider":7}',
    )
    .map((s) => Buffer.from(s)),
  fc
    .uint8Array({ minLength: 1, maxLength: 30 })
    .map((b) =>
      Buffer.concat([
        Buffer.from('{"'),
        Buffer.from(b.map((x) => (x === 10 || x === 13 ? 32 : x))),
        Buffer.from([0xc3]),
      ]),
    ),
);

function post(body: Uint8Array, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}/v1/records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKENS.ingest}`, ...headers },
    body,
  });
}

describe('fuzzed ingest against the whole service', () => {
  it('keeps every good line exactly once, reports every bad one, and the engine stays well', async () => {
    const kept: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            goodRecord.map((g) => ({ ...g, good: true })),
            badLine.map((bytes) => ({ id: '', bytes, good: false })),
          ),
          { maxLength: 30 },
        ),
        fc.boolean(),
        fc.option(fc.uuid(), { nil: undefined }),
        async (lines, gzip, key) => {
          const raw = Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')]));
          const res = await post(gzip ? gzipSync(raw) : raw, {
            'content-type': 'application/x-ndjson',
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
            ...(key === undefined ? {} : { 'idempotency-key': key }),
          });
          expect(res.status).toBe(200);
          const answer = (await res.json()) as { accepted: number; rejected: { line: number }[] };
          expect(answer.accepted).toBe(lines.filter((l) => l.good).length);
          expect(answer.rejected.map((r) => r.line)).toEqual(
            lines.flatMap((l, i) => (l.good ? [] : [i + 1])),
          );
          kept.push(...lines.filter((l) => l.good).map((l) => l.id));
        },
      ),
      { numRuns: 150 },
    );
    const counts = countEach(await exportedIds(base, WINDOW));
    expect(kept.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(counts.size).toBe(kept.length);
    await service.live.flush();
    const stats = service.live.stats();
    expect([stats.bad, stats.saveFailures]).toEqual([0, 0]);
    expect(log.filter((l) => l.startsWith('engine:') || l.startsWith('retention:'))).toEqual([]);
  }, 30_000);

  it('answers any bytes under any headers with no 5xx but 503, and keeps serving', async () => {
    const accepted = [
      'application/x-ndjson',
      'application/json',
      'application/jsonl; charset=utf-8',
    ];
    const refused = ['text/plain', 'application/json; charset=latin1', '*/*', ';;'];
    const type = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...accepted) },
      { weight: 1, arbitrary: fc.option(fc.constantFrom(...refused), { nil: undefined }) },
    );
    const encodings = ['gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'x'];
    const encoding = fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...encodings) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        type,
        encoding,
        fc.option(
          fc.string({ unit: fc.constantFrom('a', 'Z', '9', '-', ' ', '~'), maxLength: 260 }),
          { nil: undefined },
        ),
        fc.boolean(),
        async (bytes, type, encoding, key, gzip) => {
          const headers: Record<string, string> = {};
          if (type !== undefined) headers['content-type'] = type;
          if (encoding !== undefined) headers['content-encoding'] = encoding;
          if (key !== undefined) headers['idempotency-key'] = key;
          const res = await post(gzip ? gzipSync(bytes) : bytes, headers);
          expect(res.status === 503 || res.status < 500, `status ${res.status}`).toBe(true);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 250 },
    );
    for (const path of ['/healthz', '/readyz', '/v1/health', '/metrics']) {
      const res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${TOKENS.read}` },
      });
      expect(res.status, path).toBe(200);
    }
    expect(log.filter((l) => l.startsWith('engine:'))).toEqual([]);
  }, 30_000);
});
