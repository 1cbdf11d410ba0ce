// Golden canaries: known-answer probes failing on one model raise a model-layer incident on it.
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  draftUpdate,
  lintUpdate,
  type CallRecord,
  type Incident,
} from '../src/index.js';
import { MIN, T0, traffic } from './traffic.js';

const MODEL = 'claude-sonnet-4-6';

/** Probes of every model each 30 s; `wrong(model, minute)` says which answers miss the known one. */
function probes(minutes: number, wrong: (model: string, minute: number) => boolean): CallRecord[] {
  const out: CallRecord[] = [];
  for (const [k, model] of ['claude-opus-4-7', MODEL, 'gpt-5.1'].entries()) {
    for (let t = T0 + 3_000 * k + 5_000; t < T0 + minutes * MIN; t += 30_000) {
      out.push({
        ts: t,
        provider: model.startsWith('gpt') ? 'openai' : 'anthropic',
        model,
        source: 'probe',
        attempt: 1,
        duration_ms: 800,
        http_status: 200,
        stop_reason: 'end_turn',
        output_chars: 60,
        checks: { golden: !wrong(model, (t - T0) / MIN) },
      });
    }
  }
  return out;
}

function diagnose(extra: CallRecord[], minutes = 40): Incident[] {
  const engine = createEngine();
  const recs = traffic({ minutes, extra });
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(T0 + minutes * MIN + 1);
  return engine.incidents();
}

const sinceStart = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso) - T0);

describe('golden canaries', () => {
  it('resume from a snapshot taken mid-regression exactly as an uninterrupted run', () => {
    const recs = traffic({
      minutes: 40,
      extra: probes(40, (m, min) => m === MODEL && min >= 15 && min < 27),
    });
    const whole = createEngine();
    for (const { record, timeMs } of recs) whole.ingest(record, timeMs);
    whole.tick(T0 + 40 * MIN + 1);
    for (const cutMin of [15.6, 16.2, 27.5]) {
      const first = createEngine();
      const cut = recs.findIndex((r) => r.timeMs >= T0 + cutMin * MIN);
      for (const { record, timeMs } of recs.slice(0, cut)) first.ingest(record, timeMs);
      const initialState = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<
        typeof first.snapshot
      >;
      const resumed = createEngine({ initialState });
      for (const { record, timeMs } of recs.slice(cut)) resumed.ingest(record, timeMs);
      resumed.tick(T0 + 40 * MIN + 1);
      expect(resumed.incidents()).toEqual(whole.incidents());
    }
  });

  it('raise model/check_failed on the model whose known answers fail, with golden facts', () => {
    const found = diagnose(probes(40, (m, min) => m === MODEL && min >= 15 && min < 27));
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({
      layer: 'model',
      owner: 'provider',
      reason: 'check_failed',
      scope: 'model',
      provider: 'anthropic',
      models: [MODEL],
    });
    const firstWrong = 15 * MIN + 8_000; // the first probe of it at or after minute 15
    expect(sinceStart(i.started_at)).toBe(firstWrong);
    expect(sinceStart(i.detected_at) - 15 * MIN).toBeLessThanOrEqual(120_000);
    expect(sinceStart(i.resolved_at) - 27 * MIN).toBeLessThanOrEqual(300_000);
    const golden = i.evidence.find((e) => e.kind === 'golden');
    expect(golden?.kind).toBe('golden');
    if (golden?.kind !== 'golden') return;
    expect(golden.facts.models).toEqual([MODEL]);
    expect(golden.facts.provider).toBe('anthropic');
    expect(golden.facts.failed).toBeGreaterThanOrEqual(3);
    expect(golden.facts.failed / golden.facts.checks).toBeGreaterThan(0.5);
    expect(sinceStart(golden.facts.since)).toBe(firstWrong);
    expect(i.evidence.some((e) => e.kind === 'error_rate')).toBe(false);
    // The peak is the share of known-answer checks that raised it (at least half), not the
    // traffic's background model-layer share (a few per cent).
    expect(i.peak_error_rate).toBeGreaterThanOrEqual(0.5);
  });

  it('drafts the update as known-answer checks failing since the start, lint-clean', () => {
    const i = diagnose(probes(40, (m, min) => m === MODEL && min >= 15 && min < 27))[0]!;
    for (const stage of ['investigating', 'identified', 'resolved'] as const) {
      const text = draftUpdate(i, { stage, voice: 'public' });
      expect(text).toMatch(
        /Answers from Anthropic's claude-sonnet-4-6 (have been|were) failing our known-answer checks (since|from) 04:15 UTC/,
      );
      expect(text).not.toMatch(/format checks/);
      expect(lintUpdate(text, { incident: i }).findings).toEqual([]);
    }
  });

  it('ignore one wrong known answer, and a known-answer check on a failed call', () => {
    const one = probes(40, (m, min) => m === MODEL && min >= 15 && min < 15.5);
    expect(diagnose(one)).toEqual([]);
    // A 503 carries no answer: its `golden: false` is not a wrong answer.
    const noAnswer = probes(40, () => false).map((r): CallRecord => {
      if (r.model !== MODEL || Number(r.ts) < T0 + 15 * MIN || Number(r.ts) >= T0 + 19 * MIN)
        return { ...r, checks: { golden: true } };
      const failed: CallRecord = { ...r, http_status: 503 };
      delete failed.stop_reason;
      return failed;
    });
    expect(diagnose(noAnswer).filter((i) => i.layer === 'model')).toEqual([]);
  });
});
