// The service acts: app records open a model's breaker, which shows in /v1/events, /v1/health and
// /metrics, survives a restart from the store, and half-opens on the next good call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallRecord } from '@faultline/core';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { openEvents } from '../serve-live/sse-client.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-breakers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ADMIN = 'admin-token-for-breaker-test';
const INGEST = 'ingest-token-for-breaker-test';
const MODEL = 'claude-opus-4-7';

const call = (ok: boolean, i: number): CallRecord => ({
  ts: new Date(Date.now() - 200 + i).toISOString(),
  provider: 'anthropic',
  model: MODEL,
  duration_ms: 120,
  http_status: ok ? 200 : 529,
  ...(ok ? {} : { error_type: 'overloaded_error' }),
  attempt: 1,
  source: 'sdk',
});

async function post(s: RunningService, records: CallRecord[]): Promise<void> {
  const res = await fetch(`${s.address.url}/v1/records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json' },
    body: JSON.stringify(records),
  });
  expect(res.status).toBe(200);
}

async function get(s: RunningService, path: string): Promise<Response> {
  return fetch(`${s.address.url}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
}

interface Health {
  providers: { provider: string; models: { model: string; state: string; breaker: string }[] }[];
}
async function modelHealth(s: RunningService) {
  const h = (await (await get(s, '/v1/health')).json()) as Health;
  return h.providers.find((p) => p.provider === 'anthropic')?.models.find((m) => m.model === MODEL);
}

async function start(logs: string[]): Promise<RunningService> {
  const config = validateConfig(
    {
      store: join(dir, 'breakers.db'),
      tokens: [
        { name: 'oncall', role: 'admin', token: ADMIN },
        { name: 'app', role: 'ingest', token: INGEST },
      ],
    },
    { env: {} },
  );
  const s = await startService({
    config,
    log: (l) => logs.push(l),
    port: 0,
    breaker: { maxOpenMs: 600_000 },
  });
  await s.caughtUp;
  return s;
}

describe('breakers in the service', () => {
  it('opens on five overloads in a row, reports it everywhere, resumes it and half-opens on a good call', async () => {
    const logs: string[] = [];
    const s = await start(logs);
    const events = await openEvents(s.address.url, ADMIN);
    await post(
      s,
      [0, 1, 2, 3, 4].map((i) => call(false, i)),
    );
    const frame = await events.waitFor((f) => f.event === 'breaker.changed', 5_000);
    const data = JSON.parse(frame.data) as Record<string, unknown>;
    expect(data).toMatchObject({
      provider: 'anthropic',
      model: MODEL,
      target: `anthropic/${MODEL}`,
      from: 'closed',
      to: 'open',
      why: '5 failures in a row (last: overloaded)',
    });
    expect(Date.parse(String(data.at))).toBeGreaterThan(Date.now() - 10_000);
    expect(await modelHealth(s)).toMatchObject({ state: 'down', breaker: 'open' });
    const metrics = await (await get(s, '/metrics')).text();
    expect(metrics).toContain(
      `faultline_breaker_state{provider="anthropic",model="${MODEL}",state="open"} 1`,
    );
    expect(metrics).toContain(
      `faultline_breaker_state{provider="anthropic",model="${MODEL}",state="closed"} 0`,
    );
    expect(logs.some((l) => l.startsWith(`breaker anthropic/${MODEL}: closed → open`))).toBe(true);
    events.close();
    await s.close();

    const again = await start(logs);
    expect(await modelHealth(again)).toMatchObject({ breaker: 'open' });
    const resumed = await openEvents(again.address.url, ADMIN, frame.id);
    await post(again, [call(true, 10)]);
    const half = await resumed.waitFor(
      (f) => f.event === 'breaker.changed' && f.data.includes('"to":"half_open"'),
      5_000,
    );
    expect(JSON.parse(half.data)).toMatchObject({
      from: 'open',
      why: 'a trickle request succeeded while open',
    });
    // Three more good calls, but five of the minute's nine calls failed: still elevated, not closed.
    await post(
      again,
      [11, 12, 13].map((i) => call(true, i)),
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await modelHealth(again)).toMatchObject({ breaker: 'half_open' });
    resumed.close();
    await again.close();
  }, 20_000);
});
