// Background traffic: volume, mix, diurnal shape and noise at realistic, scattered rates.
import { classify, type Classification } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../src/index.js';
import { callsOf, type Call } from './record-filters.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe('noise-only-high-volume', () => {
  const { records, truth } = generateScenario('noise-only-high-volume');
  const calls = callsOf(records);
  const first = calls.filter((c) => c.attempt === 1);
  const verdicts = first.map((c): [Call, Classification] => [c, classify(c)]);
  const share = (test: (c: Call, v: Classification) => boolean, among = verdicts): number =>
    among.filter(([c, v]) => test(c, v)).length / among.length;

  it('runs one hour at ~30 requests/s with no incident', () => {
    expect(truth).toEqual([]);
    expect(first.length / 3_600).toBeGreaterThan(25);
    expect(first.length / 3_600).toBeLessThan(35);
  });

  it('mixes three providers, seven models and three apps, streaming about half', () => {
    expect(share((c) => c.provider === 'anthropic')).toBeCloseTo(0.45, 1);
    expect(share((c) => c.provider === 'openai')).toBeCloseTo(0.31, 1);
    expect(share((c) => c.provider === 'google')).toBeCloseTo(0.24, 1);
    expect(new Set(first.map((c) => c.model)).size).toBe(7);
    expect(new Set(first.map((c) => c.app)).size).toBe(3);
    expect(share((c) => c.stream === true)).toBeCloseTo(0.5, 1);
  });

  it.each(['anthropic', 'openai', 'google'])('%s: a few tenths of a percent of 5xx/529', (p) => {
    const own = verdicts.filter(([c]) => c.provider === p);
    const serverErrors = share((c) => (c.http_status ?? 0) >= 500, own);
    expect(serverErrors).toBeGreaterThan(0.0008);
    expect(serverErrors).toBeLessThan(0.006);
  });

  it('has context-length 400s, refusals, truncations and rare resets at realistic rates', () => {
    const reason = (r: string) => share((_c, v) => v.reason === r);
    expect(reason('context_length')).toBeGreaterThan(0.001);
    expect(reason('context_length')).toBeLessThan(0.0035);
    // Anthropic `refusal`; OpenAI `content_filter` and Gemini `SAFETY` are the filtered kind.
    const refused = reason('refusal') + reason('content_filter');
    expect(refused).toBeGreaterThan(0.003);
    expect(refused).toBeLessThan(0.008);
    expect(reason('truncated')).toBeGreaterThan(0.006);
    expect(reason('truncated')).toBeLessThan(0.015);
    expect(reason('reset')).toBeGreaterThan(0);
    expect(reason('reset')).toBeLessThan(0.001);
    expect(share((_c, v) => v.layer === 'none')).toBeGreaterThan(0.97);
  });

  it('scatters noise failures: no minute has more than 2% failing calls to one provider', () => {
    const buckets = new Map<string, { calls: number; failed: number }>();
    for (const [c, v] of verdicts) {
      const key = `${c.provider}@${Math.floor(c.ts / 60_000)}`;
      const bucket = buckets.get(key) ?? { calls: 0, failed: 0 };
      bucket.calls += 1;
      if (v.layer !== 'none' && v.layer !== 'model') bucket.failed += 1;
      buckets.set(key, bucket);
    }
    for (const [key, b] of buckets) expect(b.failed / b.calls, key).toBeLessThan(0.02);
  });

  it('retries the rare noise failure, and the retry is answered', () => {
    const retries = calls.filter((c) => (c.attempt ?? 1) > 1);
    expect(retries.length).toBeGreaterThan(50);
    const answered = retries.filter((c) => c.http_status === 200).length;
    expect(answered / retries.length).toBeGreaterThan(0.95);
  });
});

describe('quiet-week', () => {
  const g = generateScenario('quiet-week');
  const calls = callsOf(g.records);

  it('spans 7 days at ~0.05 req/s with no incident', () => {
    expect(g.truth).toEqual([]);
    expect(g.toMs - g.fromMs).toBe(7 * DAY_MS);
    expect((calls[0]?.ts ?? Infinity) - g.fromMs).toBeLessThan(HOUR_MS);
    expect(g.toMs - (calls.at(-1)?.ts ?? 0)).toBeLessThan(HOUR_MS);
    const rate = calls.length / (7 * 86_400);
    expect(rate).toBeGreaterThan(0.04);
    expect(rate).toBeLessThan(0.06);
  });

  it('follows the day: afternoons UTC are several times busier than nights', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const c of calls) {
      const hour = Math.floor((c.ts % DAY_MS) / HOUR_MS);
      byHour[hour] = (byHour[hour] ?? 0) + 1;
    }
    const sum = (hours: number[]) => hours.reduce((n, h) => n + (byHour[h] ?? 0), 0);
    expect(sum([14, 15, 16, 17])).toBeGreaterThan(2.5 * sum([2, 3, 4, 5]));
  });
});
