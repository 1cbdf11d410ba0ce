// Probes as their own evidence: apps failing while probes of the provider succeed is our side.
import { describe, expect, it } from 'vitest';
import { createEngine, type CallRecord, type Incident } from '../src/index.js';
import { fail, MIN, T0, traffic } from './traffic.js';

const FAULT = { fromMin: 15, toMin: 27 };
const inFault = (ts: number): boolean =>
  ts >= T0 + FAULT.fromMin * MIN && ts < T0 + FAULT.toMin * MIN;

/** Probes of both OpenAI models every 30 s; those in the fault fail when `probesFail`. */
function probes(minutes: number, probesFail: boolean): CallRecord[] {
  const out: CallRecord[] = [];
  for (const [k, model] of ['gpt-5.1', 'gpt-4.1-mini'].entries()) {
    for (let t = T0 + 7_000 * k + 4_000; t < T0 + minutes * MIN; t += 30_000) {
      const ok: CallRecord = {
        ts: t,
        provider: 'openai',
        model,
        source: 'probe',
        attempt: 1,
        duration_ms: 700,
        http_status: 200,
        stop_reason: 'end_turn',
        output_chars: 60,
      };
      out.push(probesFail && inFault(t) ? fail.refused(ok) : ok);
    }
  }
  return out;
}

function diagnose(probesFail: boolean): Incident[] {
  const engine = createEngine();
  const faults = [
    { ...FAULT, match: (r: CallRecord) => r.provider === 'openai', apply: fail.refused },
  ];
  const recs = traffic({ minutes: 40, faults, extra: probes(40, probesFail) });
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(T0 + 40 * MIN + 1);
  return engine.incidents();
}

describe('probes joined with app traffic', () => {
  it("point to our side when the apps' calls fail and the probes of the provider succeed", () => {
    const found = diagnose(false);
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({ layer: 'network', owner: 'ours', provider: 'openai' });
    const probe = i.evidence.find((e) => e.kind === 'probe');
    expect(probe?.kind).toBe('probe');
    if (probe?.kind !== 'probe') return;
    expect(probe.facts.probes).toBeGreaterThanOrEqual(2);
    expect(probe.facts.failed).toBe(0);
  });

  it('point to the provider when the probes fail too', () => {
    const found = diagnose(true);
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({ layer: 'network', owner: 'provider', provider: 'openai' });
    const probe = i.evidence.find((e) => e.kind === 'probe');
    expect(probe?.kind === 'probe' && probe.facts.failed > 0).toBe(true);
  });
});
