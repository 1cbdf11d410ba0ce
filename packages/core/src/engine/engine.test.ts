import { describe, expect, it } from 'vitest';
import { createEngine, type CallRecord, type Incident } from '../index.js';
import { fail, MIN, T0, traffic, type TrafficOptions } from '../../test/traffic.js';

function diagnose(o: TrafficOptions): Incident[] {
  const engine = createEngine();
  const recs = traffic(o);
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(recs[recs.length - 1]!.timeMs + 1);
  return engine.incidents();
}

const at = (iso: string | null): number => (iso === null ? NaN : (Date.parse(iso) - T0) / 1000);
const opus = (r: { provider: string; model: string }): boolean => r.model.startsWith('claude-opus');

describe('the diagnosis engine', () => {
  it('names a provider-wide overload of two models, fast, once, and resolves it', () => {
    const found = diagnose({
      minutes: 45,
      faults: [{ fromMin: 20, toMin: 32, match: opus, share: 0.4, apply: fail.overloaded }],
    });
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({
      layer: 'provider',
      owner: 'provider',
      reason: 'overloaded',
      scope: 'provider',
      provider: 'anthropic',
      models: ['claude-opus-4-7', 'claude-opus-4-8'],
    });
    expect(at(i.started_at)).toBeGreaterThanOrEqual(20 * 60);
    expect(at(i.started_at)).toBeLessThan(20 * 60 + 30);
    expect(at(i.detected_at) - 20 * 60).toBeLessThanOrEqual(60);
    expect(at(i.resolved_at) - 32 * 60).toBeLessThanOrEqual(300);
    expect(at(i.resolved_at)).toBeGreaterThan(32 * 60);
    expect(i.peak_error_rate).toBeGreaterThan(0.3);
    expect(i.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['error_rate', 'cross_provider', 'sibling_models']),
    );
  });

  it('keeps one model down at model scope while its siblings work', () => {
    const found = diagnose({
      minutes: 40,
      faults: [
        {
          fromMin: 15,
          toMin: 25,
          match: (r) => r.model === 'gpt-5.1',
          share: 0.9,
          apply: fail.server,
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      layer: 'provider',
      scope: 'model',
      provider: 'openai',
      models: ['gpt-5.1'],
      reason: 'server_error',
    });
  });

  it('calls a failure at every provider ours, global, in one incident', () => {
    const found = diagnose({
      minutes: 40,
      faults: [{ fromMin: 15, toMin: 25, match: () => true, apply: fail.refused }],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      layer: 'network',
      owner: 'ours',
      scope: 'global',
      provider: null,
      reason: 'connect_refused',
    });
  });

  it('calls a bad deploy at every provider our integration, global', () => {
    const found = diagnose({
      minutes: 40,
      faults: [{ fromMin: 15, toMin: 25, match: () => true, apply: fail.badRequest }],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      layer: 'integration',
      owner: 'ours',
      scope: 'global',
      reason: 'bad_request',
    });
  });

  it('sees bad output under HTTP 200 as the model layer', () => {
    const found = diagnose({
      minutes: 40,
      faults: [
        {
          fromMin: 15,
          toMin: 25,
          match: (r) => r.model === 'gpt-4.1-mini',
          share: 0.35,
          apply: fail.empty,
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      layer: 'model',
      owner: 'provider',
      scope: 'model',
      reason: 'empty',
      models: ['gpt-4.1-mini'],
    });
  });

  it('gives a two-minute blip exactly one incident', () => {
    const found = diagnose({
      minutes: 30,
      faults: [
        {
          fromMin: 12,
          toMin: 14,
          match: (r) => r.provider === 'anthropic',
          share: 0.6,
          apply: fail.overloaded,
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.resolved_at).not.toBeNull();
  });

  it('raises nothing on background noise at high volume', () => {
    expect(diagnose({ minutes: 60, ratePerModel: 5, seed: 3 })).toEqual([]);
  });

  it('raises nothing on a status page outage that does not touch our traffic', () => {
    const extra = [
      {
        kind: 'status' as const,
        ts: T0 + 10 * MIN,
        provider: 'openai',
        component: 'Chat Completions',
        status: 'major_outage' as const,
      },
    ];
    expect(diagnose({ minutes: 30, extra })).toEqual([]);
  });

  it('raises nothing on a day of noise at low volume', () => {
    expect(diagnose({ minutes: 24 * 60, ratePerModel: 0.01, seed: 9 })).toEqual([]);
  });

  it('tells our lowered deadline (ours) from a provider slowing past an unchanged one (theirs)', () => {
    const withDeadline =
      (ms: number) =>
      (r: CallRecord): CallRecord => ({ ...r, timeout_ms: ms });
    const cut =
      (deadline: number, slowdown: number) =>
      (r: CallRecord): CallRecord => {
        const d = r.duration_ms! * slowdown;
        return d <= deadline
          ? { ...r, timeout_ms: deadline, duration_ms: d }
          : {
              ts: r.ts,
              provider: r.provider,
              model: r.model,
              attempt: 1,
              aborted_by: 'timeout',
              timeout_ms: deadline,
              duration_ms: deadline,
            };
      };
    const openai = (r: CallRecord): boolean => r.provider === 'openai';
    const lowered = diagnose({
      minutes: 40,
      faults: [
        { fromMin: 0, toMin: 15, match: openai, apply: withDeadline(60_000) },
        { fromMin: 15, toMin: 40, match: openai, apply: cut(1_100, 1) },
      ],
    });
    expect(lowered).toHaveLength(1);
    expect(lowered[0]).toMatchObject({
      layer: 'integration',
      owner: 'ours',
      reason: 'client_timeout',
      provider: 'openai',
    });
    expect(lowered[0]!.evidence.some((e) => e.kind === 'deadline')).toBe(true);

    const gemini = (r: CallRecord): boolean => r.provider === 'google';
    const slowed = diagnose({
      minutes: 40,
      faults: [
        { fromMin: 0, toMin: 15, match: gemini, apply: withDeadline(30_000) },
        { fromMin: 15, toMin: 28, match: gemini, apply: cut(30_000, 40) },
        { fromMin: 28, toMin: 40, match: gemini, apply: withDeadline(30_000) },
      ],
    });
    expect(slowed).toHaveLength(1);
    expect(slowed[0]).toMatchObject({
      layer: 'provider',
      owner: 'provider',
      reason: 'slow',
      provider: 'google',
      models: ['gemini-2.5-pro'],
    });
  });

  it('sees latency rising with no errors as the provider being slow', () => {
    const found = diagnose({
      minutes: 40,
      faults: [
        {
          fromMin: 15,
          toMin: 27,
          match: (r) => r.model === 'claude-sonnet-4-6',
          apply: (r) => ({ ...r, duration_ms: r.duration_ms! * 5 }),
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      layer: 'provider',
      reason: 'slow',
      scope: 'model',
      models: ['claude-sonnet-4-6'],
    });
    expect(at(found[0]!.detected_at) - 15 * 60).toBeLessThanOrEqual(60);
    expect(at(found[0]!.resolved_at) - 27 * 60).toBeLessThanOrEqual(300);
  });

  it('sees time to first token rising as the provider being slow, even when totals look normal', () => {
    const stream = (r: CallRecord): CallRecord => ({
      ...r,
      stream: true,
      stream_completed: true,
      ttft_ms: 300,
    });
    const found = diagnose({
      minutes: 40,
      faults: [
        { fromMin: 0, toMin: 15, match: (r) => r.model === 'gpt-5.1', apply: stream },
        {
          fromMin: 15,
          toMin: 27,
          match: (r) => r.model === 'gpt-5.1',
          apply: (r) => ({ ...stream(r), ttft_ms: 1500 }),
        },
        { fromMin: 27, toMin: 40, match: (r) => r.model === 'gpt-5.1', apply: stream },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ layer: 'provider', reason: 'slow', models: ['gpt-5.1'] });
    expect(found[0]!.evidence.find((e) => e.kind === 'latency')?.text).toMatch(
      /^time to first token of gpt-5.1 rose/,
    );
  });

  it('sees a slow tail (p95) with a normal median as the provider being slow', () => {
    let n = 0;
    const found = diagnose({
      minutes: 40,
      ratePerModel: 3,
      faults: [
        {
          fromMin: 15,
          toMin: 27,
          match: (r) => r.model === 'claude-opus-4-7',
          apply: (r) => (++n % 5 === 0 ? { ...r, duration_ms: 30_000 } : r),
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ reason: 'slow', models: ['claude-opus-4-7'] });
    expect(found[0]!.evidence.find((e) => e.kind === 'latency')?.text).toMatch(/^p95 latency/);
  });

  it('counts failing synthetic probes for what they are, as evidence', () => {
    const found = diagnose({
      minutes: 40,
      faults: [
        {
          fromMin: 15,
          toMin: 25,
          match: (r) => r.model === 'gpt-5.1',
          share: 0.9,
          apply: (r) => ({ ...fail.server(r), source: 'probe' }),
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence.find((e) => e.kind === 'probe')?.text).toMatch(
      /^\d+ of \d+ synthetic probes to gpt-5.1 failed/,
    );
  });
});
