// Per-target breakers in the gateway (issue 12): a target that keeps failing is skipped, it comes
// back on evidence (a trickle request that succeeds, then successes), and a route whose targets
// are all open tries them in order anyway. The breakers run on a clock the test moves.
import type { BreakerChange } from '@faultline/core';
import type { FaultRule } from '@faultline/fake-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayTargetBreakers } from '../../src/breakers/index.js';
import { startRig, type Rig } from './gateway-rig.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const BODY = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
const FAILING: FaultRule = { fault: { kind: 'status', status: 500 } };

/** A gateway whose OpenAI targets have breakers: 3 failures open, a trickle each second. */
async function rigWithBreakers(trickleIntervalMs: number) {
  const clock = { ms: 1_000_000 };
  const changes: BreakerChange[] = [];
  const breakers = new GatewayTargetBreakers({
    targets: [
      { name: 'openai-primary', provider: 'openai' },
      { name: 'openai-backup', provider: 'openai' },
    ],
    breaker: { failureThreshold: 3, successThreshold: 2, trickleIntervalMs },
    onChange: (c) => changes.push(c),
  });
  rig = await startRig([FAILING], 7, { breakers, now: () => clock.ms });
  return { rig, clock, changes, breakers };
}

async function call(r: Rig): Promise<{ status: number; target: string; attempts: string }> {
  const res = await fetch(`${r.url}/on/openai/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: BODY,
  });
  await res.arrayBuffer();
  const h = (name: string): string => res.headers.get(name) ?? '';
  return {
    status: res.status,
    target: h('x-faultline-target'),
    attempts: h('x-faultline-attempts'),
  };
}

const state = (b: GatewayTargetBreakers, target: string) =>
  b.entries().find((e) => e.target === target && e.model === 'gpt-4o-mini')?.state;

describe('per-target breakers in the gateway', () => {
  it('skip a target that fails repeatedly, and bring it back on evidence', async () => {
    const { rig, clock, changes, breakers } = await rigWithBreakers(1_000);
    for (let i = 0; i < 3; i++)
      expect(await call(rig)).toEqual({ status: 200, target: 'openai-backup', attempts: '2' });
    expect(state(breakers, 'openai-primary')).toBe('open');
    // Open: the primary is not tried at all; the backup answers first.
    clock.ms += 10;
    expect(await call(rig)).toEqual({ status: 200, target: 'openai-backup', attempts: '1' });
    const primaryCalls = rig.records.filter((r) => r.http_status === 500).length;
    expect(primaryCalls).toBe(3);
    // The primary recovers; a trickle request a second later finds it, then successes close it.
    rig.primary.clearFaults();
    clock.ms += 1_000;
    expect(await call(rig)).toEqual({ status: 200, target: 'openai-primary', attempts: '1' });
    expect(state(breakers, 'openai-primary')).toBe('half_open');
    clock.ms += 10;
    expect(await call(rig)).toEqual({ status: 200, target: 'openai-primary', attempts: '1' });
    expect(state(breakers, 'openai-primary')).toBe('closed');
    expect(changes.map((c) => [c.target.name, c.target.model, c.to])).toEqual([
      ['openai-primary', 'gpt-4o-mini', 'open'],
      ['openai-primary', 'gpt-4o-mini', 'half_open'],
      ['openai-primary', 'gpt-4o-mini', 'closed'],
    ]);
    expect(state(breakers, 'openai-backup')).toBe('closed');
  });

  it('a failed trickle keeps the target open', async () => {
    const { rig, clock, breakers } = await rigWithBreakers(1_000);
    for (let i = 0; i < 3; i++) await call(rig);
    clock.ms += 1_000;
    expect(await call(rig)).toEqual({ status: 200, target: 'openai-backup', attempts: '2' });
    expect(state(breakers, 'openai-primary')).toBe('open');
    clock.ms += 10;
    expect(await call(rig)).toEqual({ status: 200, target: 'openai-backup', attempts: '1' });
  });

  it('a route whose targets are all open tries them in order anyway', async () => {
    const { rig, breakers } = await rigWithBreakers(Infinity);
    rig.backup.addFaults(FAILING);
    for (let i = 0; i < 3; i++)
      expect(await call(rig)).toEqual({ status: 500, target: 'openai-backup', attempts: '2' });
    expect([state(breakers, 'openai-primary'), state(breakers, 'openai-backup')]).toEqual([
      'open',
      'open',
    ]);
    expect(await call(rig)).toEqual({ status: 500, target: 'openai-backup', attempts: '2' });
    rig.backup.clearFaults();
    expect(await call(rig)).toEqual({ status: 200, target: 'openai-backup', attempts: '2' });
  });

  it('without failover, the breaker does not change where the request goes', async () => {
    const { rig, breakers } = await rigWithBreakers(Infinity);
    for (let i = 0; i < 3; i++) await call(rig);
    expect(state(breakers, 'openai-primary')).toBe('open');
    const res = await fetch(`${rig.url}/off/openai/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
      body: BODY,
    });
    await res.arrayBuffer();
    expect([res.status, res.headers.get('x-faultline-target')]).toEqual([500, 'openai-primary']);
  });
});
