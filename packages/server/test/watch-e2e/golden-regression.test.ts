// Issue 10: a golden canary regression on one model — HTTP 200, wrong answers to a known-answer
// prompt — raises a model-layer incident whose update speaks of failing known-answer checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '@faultline/fake-provider';
import { incident, incidents, until, type Incident } from './read-api.js';
import { lastNightMs } from './record-clock.js';
import { ADMIN_TOKEN, startRig, type Rig } from './watch-rig.js';

const MIN = 60_000;
const SCALE = 60;
const GOLDEN = [
  { prompt: 'What is the capital of France? One word.', expect: { contains: 'Paris' } },
];
/** The fake's seeded words answer no question: every model is made to answer right... */
const RIGHT: FaultRule = { provider: 'anthropic', fault: { kind: 'answer', text: 'Paris.' } };
/** ...until one of them answers wrong, still with a 200. */
const WRONG: FaultRule = {
  provider: 'anthropic',
  model: 'claude-opus-4-7',
  fault: { kind: 'answer', text: 'Lyon, I believe.' },
};
let rig: Rig;

beforeAll(async () => {
  rig = await startRig({
    scale: SCALE,
    startMs: lastNightMs(),
    phases: [
      { name: 'right', minutes: 3, faults: [RIGHT] },
      { name: 'regression', minutes: 5, faults: [WRONG, RIGHT] },
      { name: 'fixed', minutes: 10, faults: [RIGHT] },
    ],
    probes: ['claude-haiku-4-5', 'claude-opus-4-7'].map((model) => ({
      provider: 'anthropic',
      model,
      every: '15s',
      golden: GOLDEN,
    })),
  });
});
afterAll(() => rig?.close());

const modelIncident = (list: readonly Incident[]): Incident | undefined =>
  list.find((i) => i.layer === 'model');

async function probeRecords(model: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(
    `${rig.service.address.url}/v1/records?source=probe&model=${model}&from=${new Date(rig.clock.startMs).toISOString()}`,
    { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
  );
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a golden canary regression on one model', () => {
  it('raises a model-layer incident on that model that speaks of known-answer checks', async () => {
    const regressedMs = rig.phaseStartMs('regression');
    const raised = modelIncident(
      await until(
        'the model incident',
        () => incidents(rig.service),
        (l) => !!modelIncident(l),
      ),
    )!;
    expect(Date.parse(raised.detected_at)).toBeGreaterThan(regressedMs);
    expect(Date.parse(raised.detected_at)).toBeLessThan(regressedMs + 2 * MIN);
    expect(raised).toMatchObject({
      state: 'open',
      layer: 'model',
      reason: 'check_failed',
      scope: 'model',
      owner: 'provider',
      provider: 'anthropic',
      models: ['claude-opus-4-7'],
    });
    const golden = raised.evidence.find((e) => e.kind === 'golden');
    expect(golden?.facts).toMatchObject({ provider: 'anthropic', models: ['claude-opus-4-7'] });
    expect(Number(golden?.facts?.['failed'])).toBeGreaterThanOrEqual(3);
    expect(Date.parse(String(golden?.facts?.['since']))).toBeGreaterThanOrEqual(regressedMs);
    expect(raised.update).toMatch(
      /Answers from Anthropic's claude-opus-4-7 have been failing our known-answer checks since \d\d:\d\d UTC/,
    );
    expect(raised.update).toMatch(
      /\d+ of the last \d+ known-answer checks of this model \(\d+%\) failed\./,
    );
    expect(raised.update).toContain('requests succeed, but what comes back is wrong');
    expect(raised.update).not.toMatch(/HTTP \d{3}|overloaded|timed out/i);

    // The wrong answers came with a 200: the probes' records show the calls succeeded.
    const opus = await probeRecords('claude-opus-4-7');
    const wrong = opus.filter((r) => (r['checks'] as Record<string, boolean>)['golden'] === false);
    expect(wrong.length).toBeGreaterThanOrEqual(3);
    for (const r of wrong) expect(r['http_status']).toBe(200);
    const haiku = await probeRecords('claude-haiku-4-5');
    expect(haiku.length).toBeGreaterThan(0);
    for (const r of haiku) expect(r['checks']).toMatchObject({ golden: true });

    const resolved = await until(
      'the resolution',
      () => incident(rig.service, raised.id),
      (i) => i.state === 'resolved',
    );
    expect(Date.parse(resolved.resolved_at!)).toBeGreaterThan(rig.phaseStartMs('fixed'));
    expect((await incidents(rig.service)).map((i) => i.id)).toEqual([raised.id]);
  }, 60_000);
});
