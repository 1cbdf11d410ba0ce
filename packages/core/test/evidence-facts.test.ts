// Evidence as data: every item the engine writes carries valid facts, and its text says the same.
import { describe, expect, it } from 'vitest';
import {
  checkDiagnosis,
  createEngine,
  factsOf,
  toDocumentIncident,
  type CallRecord,
  type Incident,
} from '../src/index.js';
import { evidence } from '../src/diagnosis/index.js';
import { fail, MIN, T0, traffic, type TrafficOptions } from './traffic.js';

function diagnose(o: TrafficOptions): Incident[] {
  const engine = createEngine();
  const recs = traffic(o);
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(recs[recs.length - 1]!.timeMs + 1);
  return engine.incidents();
}

const opus = (r: CallRecord): boolean => r.model.startsWith('claude-opus');
const status = {
  ts: new Date(T0 + 21 * MIN).toISOString(),
  kind: 'status' as const,
  provider: 'anthropic',
  component: 'Claude API',
  status: 'partial_outage' as const,
};
const CASES: Record<string, TrafficOptions> = {
  overload: {
    minutes: 40,
    faults: [{ fromMin: 20, toMin: 30, match: opus, share: 0.4, apply: fail.overloaded }],
    extra: [status],
  },
  slow: {
    minutes: 40,
    faults: [{ fromMin: 20, toMin: 30, match: opus, apply: (r) => ({ ...r, duration_ms: 9000 }) }],
  },
  probes: {
    minutes: 40,
    faults: [
      {
        fromMin: 20,
        toMin: 30,
        match: (r) => r.model === 'gpt-5.1',
        apply: (r) => ({ ...fail.server(r), source: 'probe' }),
      },
    ],
  },
  deadline: {
    minutes: 40,
    faults: [
      {
        fromMin: 0,
        toMin: 20,
        match: (r) => r.provider === 'openai',
        apply: (r) => ({ ...r, timeout_ms: 30_000 }),
      },
      {
        fromMin: 20,
        toMin: 30,
        match: (r) => r.provider === 'openai',
        apply: (r) => ({
          ts: r.ts,
          provider: r.provider,
          model: r.model,
          attempt: 1,
          timeout_ms: 500,
          aborted_by: 'timeout',
          duration_ms: 500,
        }),
      },
    ],
  },
  empty: {
    minutes: 40,
    faults: [{ fromMin: 20, toMin: 30, match: (r) => r.model === 'gpt-5.1', apply: fail.empty }],
  },
};

describe('evidence facts', () => {
  const all = Object.values(CASES).flatMap(diagnose);

  it('are written on every item, and a document of them passes the contract reader', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
    const items = all.flatMap((i) => i.evidence);
    for (const e of items) expect(e.facts).toBeDefined();
    const kinds = new Set(items.map((e) => e.kind));
    for (const k of [
      'error_rate',
      'latency',
      'cross_provider',
      'sibling_models',
      'probe',
      'status_page',
    ])
      expect(kinds).toContain(k);
    const doc = { version: 1, records: 1, bad_records: 0, from: null, to: null };
    const read = checkDiagnosis(
      JSON.parse(JSON.stringify({ ...doc, incidents: all.map(toDocumentIncident) })),
    );
    expect(read.ok ? [] : read.problems).toEqual([]);
  });

  it('say exactly what the sentence says', () => {
    for (const e of all.flatMap((i) => i.evidence))
      expect(e.text).toBe(evidence(e.kind, e.facts as never).text);
  });

  it('name the status code, models, share and baseline of an overload', () => {
    const [i] = diagnose(CASES.overload!);
    const f = factsOf(
      i!.evidence.find((e) => e.kind === 'error_rate')!,
      'error_rate',
    )!;
    expect(f).toMatchObject({
      layer: 'provider',
      providers: ['anthropic'],
      models: ['claude-opus-4-7', 'claude-opus-4-8'],
      observed: { kind: 'http_error', status_code: 529, error: 'overloaded_error' },
    });
    expect(f.share).toBeCloseTo(f.failures / f.calls, 10);
    expect(f.share).toBeGreaterThan(0.2);
    expect(f.baseline).toBeLessThan(0.05);
    expect(Date.parse(f.window_end) - Date.parse(f.window_start)).toBe(60_000);
    const s = factsOf(
      i!.evidence.find((e) => e.kind === 'status_page')!,
      'status_page',
    );
    expect(s).toEqual({
      provider: 'anthropic',
      component: 'Claude API',
      status: 'partial_outage',
      since: status.ts,
    });
  });

  it('give a lowered deadline as both values and when it changed', () => {
    const [i] = diagnose(CASES.deadline!);
    expect(i).toMatchObject({ layer: 'integration', reason: 'client_timeout', owner: 'ours' });
    const f = factsOf(
      i!.evidence.find((e) => e.kind === 'deadline')!,
      'deadline',
    );
    expect(f).toEqual({
      change: 'lowered',
      deadline_ms: 500,
      previous_deadline_ms: 30_000,
      changed_at: new Date(T0 + 20 * MIN).toISOString(),
    });
  });

  it('give a slow-down as a measure, a value, a baseline and their ratio', () => {
    const [i] = diagnose(CASES.slow!);
    const f = factsOf(
      i!.evidence.find((e) => e.kind === 'latency')!,
      'latency',
    )!;
    expect(f.ratio).toBeGreaterThanOrEqual(3);
    expect(f.ratio).toBeCloseTo(f.value_ms / f.baseline_ms, 1);
    expect(f.models).toEqual(['claude-opus-4-7', 'claude-opus-4-8']);
  });
});
