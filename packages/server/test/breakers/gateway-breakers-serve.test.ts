// Inside `faultline serve` the gateway targets' breakers hang off the service's breakers: an
// incident in the engine's feed opens every gateway target it covers, the change is stored and
// published as `breaker.changed` naming the gateway target, and the tick moves them on time.
import { describe, expect, it } from 'vitest';
import { startBreakers } from '../../src/breakers/index.js';
import type { FeedEntry } from '../../src/store/port.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import { startRig } from '../gateway/gateway-rig.js';

const MODEL = 'claude-opus-4-7';
const TARGETS = [
  { name: 'primary', provider: 'anthropic' },
  { name: 'eu', provider: 'anthropic' },
  { name: 'gpt', provider: 'openai' },
];

function incidentEntry(type: string, atMs: number, provider = 'anthropic', model = MODEL) {
  const incident = {
    id: 'inc-1',
    layer: 'provider',
    reason: 'overloaded',
    scope: 'model',
    provider,
    models: [model],
  };
  return { id: 1, type, atMs, data: JSON.stringify(incident) };
}

describe('gateway target breakers in the service', () => {
  it('open on an incident and are published as breaker.changed naming the target', async () => {
    const store = createMemoryStore();
    const published: FeedEntry[] = [];
    const logs: string[] = [];
    let now = 1_000_000;
    let tick: (() => void) | undefined;
    const timers = {
      setTimeout: (callback: () => void) => void (tick = callback),
      clearTimeout: () => undefined,
    };
    const breakers = startBreakers({
      store,
      publish: (e) => published.push(e),
      health: () => ({ providers: [] }),
      now: () => now,
      log: (line) => logs.push(line),
      breaker: { maxOpenMs: 60_000, trickleIntervalMs: Infinity },
      gatewayTargets: TARGETS,
      timers,
    });
    await breakers.start();
    breakers.feed(incidentEntry('incident.opened', now));
    expect(breakers.gateway.admit('primary', MODEL, now)).toBe('skip');
    expect(breakers.gateway.admit('eu', MODEL, now)).toBe('skip');
    expect(breakers.gateway.admit('gpt', MODEL, now)).toBe('pass');
    expect(breakers.targetEntries().filter((e) => e.state === 'open')).toHaveLength(2);
    // The provider/model board is not the gateway's: it names provider/model targets only.
    expect(breakers.entries().map((e) => e.target)).toEqual([`anthropic/${MODEL}`]);
    now += 61_000; // past maxOpenMs: the next tick half-opens them
    tick!();
    expect(breakers.targetEntries().map((e) => [e.target, e.state])).toEqual([
      ['primary', 'half_open'],
      ['eu', 'half_open'],
      ['gpt', 'closed'],
    ]);
    await breakers.stop();
    const data = published
      .filter((e) => e.type === 'breaker.changed')
      .map((e) => JSON.parse(e.data) as Record<string, string>)
      .filter((d) => d.target !== `anthropic/${MODEL}`)
      .map((d) => [d.target, d.provider, d.model, d.from, d.to]);
    expect(data).toEqual([
      ['primary', 'anthropic', MODEL, 'closed', 'open'],
      ['eu', 'anthropic', MODEL, 'closed', 'open'],
      ['primary', 'anthropic', MODEL, 'open', 'half_open'],
      ['eu', 'anthropic', MODEL, 'open', 'half_open'],
    ]);
    expect(logs.filter((l) => l.startsWith('breaker primary'))[0]).toMatch(
      `breaker primary (anthropic/${MODEL}): closed → open`,
    );
    await store.close();
  });

  it('make the gateway skip the target an incident covers (x-faultline-target shows the second)', async () => {
    const store = createMemoryStore();
    const breakers = startBreakers({
      store,
      publish: () => undefined,
      health: () => ({ providers: [] }),
      now: Date.now,
      log: () => undefined,
      breaker: { trickleIntervalMs: Infinity },
      gatewayTargets: [
        { name: 'openai-primary', provider: 'openai' },
        { name: 'openai-backup', provider: 'azure' },
      ],
    });
    await breakers.start();
    const rig = await startRig([], 7, { breakers: breakers.gateway, backupProvider: 'azure' });
    try {
      const call = async () => {
        const res = await fetch(`${rig.url}/on/openai/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
          body: JSON.stringify({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'Hi' }],
          }),
        });
        await res.arrayBuffer();
        return [
          res.status,
          res.headers.get('x-faultline-target'),
          res.headers.get('x-faultline-attempts'),
        ];
      };
      expect(await call()).toEqual([200, 'openai-primary', '1']);
      breakers.feed(incidentEntry('incident.opened', Date.now(), 'openai', 'gpt-4o-mini'));
      expect(await call()).toEqual([200, 'openai-backup', '1']);
      expect(rig.records).toHaveLength(2); // the skipped target was not called
    } finally {
      await rig.close();
      await breakers.stop();
      await store.close();
    }
  });
});
