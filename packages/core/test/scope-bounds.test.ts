// The engine's memory is bounded by scopes: a cap on models per provider, and quiet scopes dropped.
import { describe, expect, it } from 'vitest';
import { createEngine, type CallRecord, type EngineWarning } from '../src/index.js';
import type { CallFacts } from '../src/engine/bucket.js';
import { ScopeRegistry } from '../src/engine/scope-registry.js';
import { fail, MIN, T0 } from './traffic.js';

/** Calls every 100 ms, alternating a steady OpenAI model and acme calls to `acmeModel(i)`. */
function calls(minutes: number, acmeModel: (i: number) => string, faultMin?: [number, number]) {
  const out: CallRecord[] = [];
  for (let i = 0, t = T0; t < T0 + minutes * MIN; i++, t += 100) {
    const acme = i % 2 === 1;
    let r: CallRecord = {
      ts: t,
      provider: acme ? 'acme' : 'openai',
      model: acme ? acmeModel(i) : 'gpt-5.1',
      http_status: 200,
      stop_reason: 'stop',
      output_chars: 300,
      duration_ms: 900 + (i % 7) * 50,
    };
    const m = (t - T0) / MIN;
    if (acme && faultMin !== undefined && m >= faultMin[0] && m < faultMin[1] && i % 4 === 1)
      r = fail.overloaded(r);
    out.push(r);
  }
  return out;
}

describe('bounded scopes', () => {
  it('counts models beyond the cap as "other", warns once, and still names the overload', () => {
    const engine = createEngine({ maxModelsPerProvider: 50 });
    const heard: EngineWarning[] = [];
    engine.onWarning((w) => heard.push(w));
    const recs = calls(30, (i) => `req-${i}`, [15, 22]);
    for (const r of recs) engine.ingest(r, r.ts as number);
    engine.tick(T0 + 30 * MIN + 1);
    expect(heard).toHaveLength(1);
    expect(engine.warnings()).toEqual(heard);
    // the 51st acme model is the 101st call
    expect(heard[0]).toMatchObject({ kind: 'model_cap', provider: 'acme', atMs: recs[101]!.ts });
    expect(heard[0]!.message).toContain('more than 50 distinct models');
    const found = engine.incidents();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      layer: 'provider',
      reason: 'overloaded',
      provider: 'acme',
      models: ['other'],
    });
  });

  it('raises nothing and warns nothing on a healthy stream within the cap', () => {
    const engine = createEngine();
    engine.onWarning(() => expect.unreachable());
    const recs = calls(20, (i) => `model-${Math.floor(i / 2) % 40}`);
    for (const r of recs) engine.ingest(r, r.ts as number);
    engine.tick(T0 + 20 * MIN + 1);
    expect(engine.incidents()).toEqual([]);
    expect(engine.warnings()).toEqual([]);
  });

  it('frees the cap when models fall quiet, so new models get their own scope', () => {
    const engine = createEngine({ maxModelsPerProvider: 10 });
    // ten models for five minutes, quiet for eleven, then ten new ones: none overflows
    const first = calls(5, (i) => `old-${Math.floor(i / 2) % 10}`);
    const later = calls(5, (i) => `new-${Math.floor(i / 2) % 10}`).map((r) => ({
      ...r,
      ts: (r.ts as number) + 16 * MIN,
    }));
    for (const r of [...first, ...later]) engine.ingest(r, r.ts as number);
    expect(engine.warnings()).toEqual([]);
  });
});

const OK_CALL: CallFacts = {
  timeMs: T0,
  first: true,
  probe: false,
  timeoutMs: undefined,
  layer: null,
  reason: 'ok',
  observed: '',
  durationMs: 800,
  ttftMs: undefined,
};

describe('the scope registry', () => {
  it('drops scopes quiet for ten minutes unless an open incident needs them', () => {
    const reg = new ScopeRegistry(100, () => undefined);
    reg.clock.startMs = T0;
    for (const p of ['a', 'b']) {
      for (let n = 0; n < 1000; n++) {
        const [model, provider] = reg.scopesOf(p, `m${n}`);
        model.add(OK_CALL);
        provider.add(OK_CALL);
        expect(provider.provider).toBe(p);
        expect(model.model).toBe(n < 100 ? `m${n}` : 'other');
      }
    }
    expect(reg.providers.get('a')!.models.size).toBe(101);
    reg.evictQuiet(T0 + 9 * MIN, () => false);
    expect([...reg.all()]).toHaveLength(2 * 102);
    reg.evictQuiet(T0 + 10 * MIN, (p) => p === 'b');
    expect([...reg.providers.keys()]).toEqual(['b']);
    expect(reg.providers.get('b')!.models.size).toBe(101);
  });

  it('keeps ids named like Object.prototype members apart', () => {
    const reg = new ScopeRegistry(5, () => undefined);
    reg.clock.startMs = T0;
    const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    for (const p of names) for (const m of names) reg.scopesOf(p, m);
    expect([...reg.providers.keys()]).toEqual(names);
    for (const p of names) expect([...reg.providers.get(p)!.models.keys()]).toEqual(names);
  });
});
