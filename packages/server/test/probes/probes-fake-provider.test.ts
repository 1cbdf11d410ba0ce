// Probes through the official SDKs against the fake provider: outcomes, golden canaries, budgets.
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_BUDGET_CHECK, PROBE_APP } from '../../src/probes/index.js';
import { API_KEY, APIS, ProbeRig, probeConfig } from './probe-fixture.js';

let fake: FakeProvider;
const rigs: ProbeRig[] = [];
beforeAll(async () => {
  fake = await startFakeProvider({ seed: 3 });
});
afterEach(async () => {
  fake.clearFaults();
  await Promise.all(rigs.splice(0).map((r) => r.prober.stop()));
});
afterAll(() => fake.close());

function rig(...args: ConstructorParameters<typeof ProbeRig>): ProbeRig {
  const r = new ProbeRig(...args);
  rigs.push(r);
  return r;
}

const OVERLOAD_STATUS = { anthropic: 529, openai: 503, gemini: 503 } as const;

describe.each(APIS)('$api probes', ({ api, provider, model }) => {
  it('records a well-formed answer as a passing probe, with no prompt, answer or key in it', async () => {
    const r = rig([probeConfig(api, fake.url)]);
    const rec = await r.nextRecord();
    expect(rec).toMatchObject({
      provider,
      model,
      source: 'probe',
      app: PROBE_APP,
      attempt: 1,
      http_status: 200,
      checks: { empty: true, truncated: true, [ANSWER_BUDGET_CHECK]: true },
    });
    expect(rec.output_chars).toBeGreaterThan(0);
    const text = JSON.stringify(rec) + r.logs.join('\n');
    expect(text).not.toContain('Reply with');
    expect(text).not.toContain(API_KEY);
  });

  it('records an overloaded provider as a failed probe, one attempt, no retry', async () => {
    fake.addFaults({ provider: provider as 'anthropic', fault: { kind: 'overload' } });
    const r = rig([probeConfig(api, fake.url)]);
    const before = fake.requestCount;
    const rec = await r.nextRecord();
    expect(rec).toMatchObject({ source: 'probe', attempt: 1, http_status: OVERLOAD_STATUS[api] });
    expect(rec.checks).toBeUndefined();
    expect(fake.requestCount - before).toBe(1);
  });

  it('marks a wrong known answer checks.golden false and a right one true', async () => {
    // The fake answers seeded words ("pong" is not among them) and {"answer": …} in JSON mode.
    const r = rig([
      probeConfig(api, fake.url, {
        golden: [
          { prompt: 'Reply with the single word: pong', expect: { contains: 'pong' } },
          { prompt: 'Say a few words.', expect: { regex: '^\\s*\\S+(\\s+\\S+)*\\s*$' } },
          {
            prompt: 'Answer as JSON.',
            expect: {
              json_schema: {
                type: 'object',
                required: ['answer'],
                properties: { answer: { type: 'string' } },
              },
            },
          },
          {
            prompt: 'Answer as JSON with ok true.',
            expect: { json_schema: { type: 'object', required: ['ok'] } },
          },
        ],
      }),
    ]);
    const golden: (boolean | undefined)[] = [];
    for (let i = 0; i < 4; i++) golden.push((await r.nextRecord()).checks?.golden);
    expect(golden).toEqual([false, true, true, false]);
    expect(JSON.stringify(r.records)).not.toContain('pong');
  });

  it('says when the output budget went to reasoning: no text, stopped at the token limit', async () => {
    fake.addFaults({
      provider: provider as 'anthropic',
      fault: { kind: 'truncate', afterTokens: 0 },
    });
    const r = rig([probeConfig(api, fake.url)]);
    const rec = await r.nextRecord();
    expect(rec.http_status).toBe(200);
    expect(rec.stop_reason).toMatch(/^(max_tokens|length|MAX_TOKENS)$/);
    expect(rec.checks).toMatchObject({ empty: false, [ANSWER_BUDGET_CHECK]: false });
  });

  it('pauses the target until retry-after on a 429, then probes again', async () => {
    fake.addFaults({
      id: `rl-${api}`,
      provider: provider as 'anthropic',
      fault: { kind: 'status', status: 429, errorType: 'rate_limit_error', retryAfterS: 300 },
    });
    const r = rig([probeConfig(api, fake.url)]);
    const rec = await r.nextRecord();
    expect(rec.http_status).toBe(429);
    const hitAt = r.timers.nowMs;
    const [state] = r.prober.state();
    expect(state!.pauses).toBe(1);
    expect(state!.pausedUntilMs).toBe(hitAt + 300_000);
    // The only timer left is the one after the pause, though `every` is 60 s.
    expect(r.timers.pending).toBe(1);
    expect(r.timers.nextAtMs()).toBeGreaterThanOrEqual(hitAt + 300_000);
    expect(r.logs.join('\n')).toMatch(/rate limit hit \(429\); paused 300s/);
    fake.removeFault(`rl-${api}`);
    const after = await r.nextRecord();
    expect(after.http_status).toBe(200);
    expect(r.prober.state()[0]!.calls).toBe(2);
  });
});

describe('deadline and stop', () => {
  it('gives each call a deadline of half its interval: a slow answer is aborted as a timeout', async () => {
    fake.addFaults({ provider: 'anthropic', fault: { kind: 'latency', ms: 3000 } });
    const r = rig([probeConfig('anthropic', fake.url, { every: 1000 })]);
    const rec = await r.nextRecord();
    // Half of 1 s, less the 100 ms by which the instrument's deadline leads the SDK's.
    expect(rec).toMatchObject({ source: 'probe', aborted_by: 'timeout', timeout_ms: 400 });
    expect(rec.http_status).toBeUndefined();
  });

  it('stop() clears the timers and aborts the call in flight', async () => {
    fake.addFaults({ provider: 'openai', fault: { kind: 'latency', ms: 10_000 } });
    const r = rig([probeConfig('openai', fake.url)]);
    const before = fake.requestCount;
    r.timers.fireNext();
    while (fake.requestCount === before) await new Promise((res) => setTimeout(res, 10));
    const started = performance.now();
    await r.prober.stop();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.timers.pending).toBe(0);
    const [rec] = await r.recordsUpTo(1);
    expect(rec).toMatchObject({ source: 'probe', aborted_by: 'caller' });
  });
});
