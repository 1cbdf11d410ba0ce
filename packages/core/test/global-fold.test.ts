// One fault, one incident: no provider-scoped incident beside an open global one of its layer.
import { describe, expect, it } from 'vitest';
import { createEngine, type CallRecord, type IncidentEvent } from '../src/index.js';
import { fail, MIN, T0, traffic } from './traffic.js';

describe('a global incident', () => {
  it('keeps the failures of one provider that outlast the others, opening nothing beside it', () => {
    const recs = traffic({
      minutes: 40,
      faults: [
        { fromMin: 10, toMin: 20, match: () => true, apply: fail.badRequest },
        {
          fromMin: 20,
          toMin: 25,
          match: (r: CallRecord) => r.provider === 'openai',
          apply: fail.badRequest,
        },
      ],
    });
    const engine = createEngine();
    const events: IncidentEvent[] = [];
    engine.onChange((e) => events.push(e));
    for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
    engine.tick(T0 + 40 * MIN);
    const found = engine.incidents();
    expect(found.map((i) => [i.layer, i.reason, i.scope, i.provider])).toEqual([
      ['integration', 'bad_request', 'global', null],
    ]);
    // open until openai's failures end at minute 25, then resolved after the quiet period
    const resolved = Date.parse(found[0]!.resolved_at!);
    expect(resolved).toBeGreaterThan(T0 + 25 * MIN);
    expect(resolved).toBeLessThanOrEqual(T0 + 30 * MIN);
    expect(new Set(events.map((e) => e.incident.id))).toEqual(new Set([found[0]!.id]));
  });

  it('does not swallow another layer at a provider', () => {
    const recs = traffic({
      minutes: 30,
      faults: [
        { fromMin: 10, toMin: 20, match: (r) => r.provider !== 'openai', apply: fail.badRequest },
        { fromMin: 12, toMin: 20, match: (r) => r.provider === 'openai', apply: fail.overloaded },
      ],
    });
    const engine = createEngine();
    for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
    engine.tick(T0 + 30 * MIN);
    expect(engine.incidents().map((i) => `${i.layer}/${i.reason} ${i.provider ?? '*'}`)).toEqual([
      'integration/bad_request *',
      'provider/overloaded openai',
    ]);
  });
});
