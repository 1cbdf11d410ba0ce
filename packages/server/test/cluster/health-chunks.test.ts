// The leader's health document in NOTIFY payloads: under PostgreSQL's limit, reassembled whole, per store.
import { describe, expect, it } from 'vitest';
import {
  HealthAssembler,
  MAX_HEALTH_CHUNKS,
  healthChunks,
} from '../../src/store/postgres/health-chunks.js';

/** A document of `providers` providers, with non-ASCII names and a `|` in one. */
function document(providers: number): string {
  return JSON.stringify({
    at: '2026-12-01T00:00:00.000Z',
    providers: Array.from({ length: providers }, (_, i) => ({
      provider: `prövider|${i} 🚀`,
      state: 'ok',
      models: [{ model: `model-${i}`, state: 'ok', calls_1m: i }],
    })),
  });
}

describe('health chunks', () => {
  it('cuts a large document into payloads under 8,000 bytes that put it back together', () => {
    const json = document(400);
    const chunks = healthChunks('s1', 7, json)!;
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(Buffer.byteLength(c, 'utf8')).toBeLessThan(8_000);
    const assembler = new HealthAssembler('s1');
    const done = [...chunks].reverse().map((c) => assembler.take(c));
    expect(done.slice(0, -1).every((d) => d === undefined)).toBe(true);
    expect(JSON.parse(done.at(-1)!)).toEqual(JSON.parse(json));
  });

  it("ignores another store's payloads and starts over on a new generation", () => {
    const assembler = new HealthAssembler('s1');
    expect(assembler.take(healthChunks('s2', 1, document(1))![0]!)).toBeUndefined();
    const big = healthChunks('s1', 1, document(400))!;
    expect(assembler.take(big[0]!)).toBeUndefined();
    const small = document(2);
    const whole = assembler.take(healthChunks('s1', 2, small)![0]!);
    expect(JSON.parse(whole!)).toEqual(JSON.parse(small));
    expect(assembler.take('s1|x|0|1|{}')).toBeUndefined();
  });

  it(`sends nothing for a document over ${MAX_HEALTH_CHUNKS} payloads`, () => {
    expect(healthChunks('s1', 1, 'x'.repeat(7_000 * MAX_HEALTH_CHUNKS + 1))).toBeUndefined();
  });
});
