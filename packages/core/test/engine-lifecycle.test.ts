// Incident lifecycle as states (open, resolved, merged) and listeners that are disposed.
import { describe, expect, it } from 'vitest';
import { createEngine, type IncidentEvent } from '../src/index.js';
import { fail, MIN, T0, traffic } from './traffic.js';

const at = (provider: string) => (r: { provider: string }) => r.provider === provider;
/**
 * Connections refused: at Anthropic for three minutes, then at OpenAI alone (while Anthropic's
 * incident is still open), then at Anthropic again: one global fault, after two provider ones.
 */
const spreading = traffic({
  minutes: 30,
  faults: [
    { fromMin: 10, toMin: 13, match: at('anthropic'), apply: fail.refused },
    { fromMin: 14, toMin: 20, match: at('openai'), apply: fail.refused },
    { fromMin: 14.7, toMin: 20, match: at('anthropic'), apply: fail.refused },
  ],
});

describe('incident lifecycle', () => {
  it('reports a provider incident taken over by a global one as merged into it', () => {
    const engine = createEngine();
    const events: IncidentEvent[] = [];
    engine.onChange((e) => events.push(e));
    for (const { record, timeMs } of spreading) engine.ingest(record, timeMs);
    engine.tick(T0 + 31 * MIN);
    const merged = events.filter((e) => e.kind === 'merged').map((e) => e.incident);
    expect(merged).toHaveLength(1);
    const [global] = engine.incidents();
    expect(global).toMatchObject({ scope: 'global', status: 'resolved' });
    const m = merged[0]!;
    expect(m.status).toBe('merged');
    if (m.status !== 'merged') return;
    expect(m.merged_into).toBe(global!.id);
    expect(m.resolved_at).toBeNull();
    expect(Date.parse(m.merged_at)).toBeGreaterThan(T0 + 13 * MIN);
    expect(engine.incidents().map((i) => i.id)).not.toContain(m.id);
  });

  it('says open with no resolved_at, then resolved with one', () => {
    const engine = createEngine();
    const states: string[] = [];
    engine.onChange((e) =>
      states.push(`${e.kind}:${e.incident.status}:${e.incident.resolved_at !== null}`),
    );
    const recs = traffic({
      minutes: 30,
      faults: [{ fromMin: 10, toMin: 15, match: (r) => r.model === 'gpt-5.1', apply: fail.server }],
    });
    for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
    engine.tick(T0 + 31 * MIN);
    expect(states[0]).toBe('opened:open:false');
    expect(states.at(-1)).toBe('resolved:resolved:true');
  });
});

describe('listeners', () => {
  it('stop hearing changes and warnings once disposed, and a second dispose is harmless', () => {
    const engine = createEngine({ maxModelsPerProvider: 1 });
    const heard: string[] = [];
    const change = engine.onChange((e) => heard.push(e.kind));
    const warning = engine.onWarning((w) => heard.push(w.kind));
    const kept = engine.onChange(() => heard.push('kept'));
    change.dispose();
    change.dispose();
    warning.dispose();
    for (const { record, timeMs } of spreading) engine.ingest(record, timeMs);
    expect(engine.warnings()).toHaveLength(2);
    expect(heard.length).toBeGreaterThan(0);
    expect(new Set(heard)).toEqual(new Set(['kept']));
    kept.dispose();
  });

  it('can be disposed with Symbol.dispose where the runtime has it', () => {
    const dispose = (Symbol as { dispose?: symbol }).dispose;
    if (dispose === undefined) return;
    const engine = createEngine();
    let heard = 0;
    const handle = engine.onChange(() => heard++) as unknown as Record<symbol, () => void>;
    handle[dispose]!();
    for (const { record, timeMs } of spreading) engine.ingest(record, timeMs);
    expect(heard).toBe(0);
  });
});
