// Provider, model and check names are data: ids that are also Object.prototype's names behave like any other.
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  draftUpdate,
  lintUpdate,
  providerDisplayName,
  type CallRecord,
  type Incident,
} from '../src/index.js';
import { fail, traffic, type TrafficOptions } from './traffic.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;
/** Every prototype name as a provider, each with two prototype names as models. */
const MODELS = NAMES.flatMap((p, i) => [
  [p, NAMES[(i + 1) % NAMES.length]!] as const,
  [p, NAMES[(i + 2) % NAMES.length]!] as const,
]);

function diagnose(o: Omit<TrafficOptions, 'models'>): Incident[] {
  const engine = createEngine({
    draft: (i) => draftUpdate(i, { stage: 'identified', voice: 'public' }),
  });
  const recs = traffic({ ...o, models: MODELS });
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(recs[recs.length - 1]!.timeMs + 1);
  return engine.incidents();
}

/** Text that shows a prototype member leaked in as a value. */
const LEAKED = /\[object |function |native code|undefined|NaN/;

describe('ids named like Object.prototype members', () => {
  it('opens an overload at provider __proto__, model constructor, with a sane update', () => {
    const found = diagnose({
      minutes: 30,
      faults: [
        {
          fromMin: 15,
          toMin: 22,
          match: (r) => r.provider === '__proto__' && r.model === 'constructor',
          share: 0.6,
          apply: fail.overloaded,
        },
      ],
    });
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({
      layer: 'provider',
      owner: 'provider',
      reason: 'overloaded',
      scope: 'model',
      provider: '__proto__',
      models: ['constructor'],
    });
    expect(i.id).toMatch(/-__proto__$/);
    expect(i.update).toContain("__proto__'s API");
    expect(i.update).toContain('constructor');
    expect(i.update).not.toMatch(LEAKED);
    for (const e of i.evidence) expect(e.text).not.toMatch(LEAKED);
    const lint = lintUpdate(i.update, { incident: i });
    expect(lint.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names a failing check called constructor as the model-layer evidence', () => {
    const checkFails = (r: CallRecord): CallRecord => ({
      ...r,
      checks: JSON.parse('{"__proto__": true, "constructor": false}') as Record<string, boolean>,
    });
    const found = diagnose({
      minutes: 30,
      faults: [
        {
          fromMin: 15,
          toMin: 22,
          match: (r) => r.provider === 'toString',
          share: 0.7,
          apply: checkFails,
        },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ layer: 'model', provider: 'toString' });
    expect(found[0]!.evidence[0]!.text).toContain('failing the constructor check');
    expect(found[0]!.update).not.toMatch(LEAKED);
  });

  it('raises nothing on healthy traffic and throws nowhere', () => {
    expect(diagnose({ minutes: 40, seed: 3 })).toEqual([]);
  });

  it('shows a provider id as given, even when it names a prototype member', () => {
    for (const id of NAMES) {
      expect(providerDisplayName(id)).toBe(id);
      expect(providerDisplayName(id, { anthropic: 'Anthropic' })).toBe(id);
    }
    expect(providerDisplayName('constructor', { constructor: 'Ctor AI' })).toBe('Ctor AI');
  });
});
