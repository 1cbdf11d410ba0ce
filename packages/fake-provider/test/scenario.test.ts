// Scenarios switch phases on scenario time (real time × timeScale), here with an injected clock.
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, startFakeProvider, type FakeProvider } from '../src/index.js';
import { post, requestFor } from './helpers.js';

const SCENARIO = parseScenario(`
name: brownout
timeScale: 60
phases:
  - name: calm
    duration: 5m
    faults: []
  - name: storm
    duration: 10m
    faults:
      - provider: anthropic
        fault: { kind: overload }
  - name: rate-limited
    duration: 90s
    faults:
      - model: "gpt-*"
        fault: { kind: status, status: 429 }
`);

let fake: FakeProvider | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function status(url: string, p: 'anthropic' | 'openai'): Promise<number> {
  const { path, body } = requestFor(p);
  return (await post(url, path, body)).status;
}

describe('scenario timeline', () => {
  it('applies each phase in turn, then nothing after the last', async () => {
    let nowMs = 1_000_000;
    fake = await startFakeProvider({ scenario: SCENARIO, now: () => nowMs });
    expect(await status(fake.url, 'anthropic')).toBe(200);
    nowMs += 5_000; // 5 min of scenario time at 60×
    expect(await status(fake.url, 'anthropic')).toBe(529);
    expect(await status(fake.url, 'openai')).toBe(200);
    nowMs += 10_000;
    expect(await status(fake.url, 'anthropic')).toBe(200);
    expect(await status(fake.url, 'openai')).toBe(429);
    const phase = (await (await fetch(`${fake.url}/_faultline/scenario`)).json()) as {
      name: string;
      elapsedS: number;
      phase: { name: string; index: number };
    };
    expect(phase).toMatchObject({
      name: 'brownout',
      elapsedS: 900,
      phase: { name: 'rate-limited', index: 2 },
    });
    nowMs += 1_500;
    expect(await status(fake.url, 'openai')).toBe(200);
    const done = (await (await fetch(`${fake.url}/_faultline/scenario`)).json()) as Record<
      string,
      unknown
    >;
    expect(done).toMatchObject({ active: true, finished: true, phase: null });
  });

  it('starts over when loop is set', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ scenario: { ...SCENARIO, loop: true }, now: () => nowMs });
    nowMs = 16_500 + 5_000; // one full pass (16.5 s) plus 5 s: storm again
    expect(await status(fake.url, 'anthropic')).toBe(529);
  });

  it('lets admin rules take precedence over scenario rules', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ scenario: SCENARIO, now: () => nowMs });
    nowMs = 6_000;
    fake.addFaults({ provider: 'anthropic', fault: { kind: 'status', status: 500 } });
    expect(await status(fake.url, 'anthropic')).toBe(500);
  });

  it('restarts the clock when a scenario is loaded, and stops on request', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ now: () => nowMs });
    nowMs = 50_000;
    fake.loadScenario(SCENARIO);
    expect(await status(fake.url, 'anthropic')).toBe(200);
    nowMs += 6_000;
    expect(await status(fake.url, 'anthropic')).toBe(529);
    expect(fake.stopScenario()).toBe(true);
    expect(await status(fake.url, 'anthropic')).toBe(200);
  });
});
