// The admin HTTP API under /_faultline/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { post, requestFor } from './helpers.js';

let fake: FakeProvider;
let nowMs = 0;
beforeAll(async () => {
  fake = await startFakeProvider({ now: () => nowMs });
});
afterAll(() => fake.close());

async function admin(method: string, path: string, body?: unknown): Promise<[number, unknown]> {
  const res = await fetch(`${fake.url}/_faultline${path}`, {
    method,
    ...(body !== undefined && {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
  return [res.status, await res.json()];
}

describe('admin API', () => {
  it('reports health', async () => {
    expect(await admin('GET', '/health')).toEqual([200, { ok: true }]);
  });

  it('adds, lists, removes and clears fault rules', async () => {
    const [status, added] = await admin('POST', '/faults', [
      { provider: 'openai', fault: { kind: 'overload' } },
      { model: 'claude-*', fault: { kind: 'status', status: 500 } },
    ]);
    expect(status).toBe(201);
    const ids = (added as { ids: string[] }).ids;
    expect(ids).toHaveLength(2);
    const [, one] = await admin('POST', '/faults', { fault: { kind: 'empty' } });
    expect((one as { ids: string[] }).ids).toHaveLength(1);

    const [, listed] = await admin('GET', '/faults');
    expect(listed).toMatchObject({
      faults: [
        { id: ids[0], provider: 'openai', fault: { kind: 'overload' } },
        { id: ids[1], model: 'claude-*' },
        { fault: { kind: 'empty' } },
      ],
      scenario: null,
    });
    const { path, body } = requestFor('anthropic');
    expect((await post(fake.url, path, body)).status).toBe(500);

    expect(await admin('DELETE', `/faults/${ids[1]}`)).toEqual([200, { removed: ids[1] }]);
    expect((await admin('DELETE', `/faults/${ids[1]}`))[0]).toBe(404);
    expect((await post(fake.url, path, body)).status).toBe(200);
    expect(await admin('DELETE', '/faults')).toEqual([200, { cleared: 2 }]);
    expect(fake.listFaults()).toEqual([]);
  });

  it('refuses invalid rules with every problem listed', async () => {
    const [status, body] = await admin('POST', '/faults', [
      { provider: 'azure', fault: { kind: 'status' } },
      { fault: { kind: 'boom' }, probability: 2 },
    ]);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid fault rules',
      problems: [
        '[0].provider: must be one of anthropic, openai, google',
        '[0].fault.status: is required',
        '[1].probability: must be a number from 0 to 1',
        '[1].fault.kind: unknown kind "boom"',
      ],
    });
    const [badJson, why] = await admin('POST', '/faults', '{nope');
    expect(badJson).toBe(400);
    expect((why as { problems: string[] }).problems[0]).toMatch(/^\(root\): invalid JSON/);
  });

  it('refuses a rule id that is already in use with 409, instead of renaming the rule', async () => {
    expect(
      await admin('POST', '/faults', { id: 'opus-down', fault: { kind: 'overload' } }),
    ).toEqual([201, { ids: ['opus-down'] }]);
    const [status, body] = await admin('POST', '/faults', {
      id: 'opus-down',
      fault: { kind: 'empty' },
    });
    expect(status).toBe(409);
    expect(body).toEqual({
      error: 'fault rule id already in use',
      problems: ['id "opus-down" is already in use'],
    });
    const [batch] = await admin('POST', '/faults', [
      { id: 'twice', fault: { kind: 'empty' } },
      { id: 'twice', fault: { kind: 'reset' } },
    ]);
    expect(batch).toBe(409);
    expect(fake.listFaults().map((r) => r.id)).toEqual(['opus-down']);
    expect(() => fake.addFaults({ id: 'opus-down', fault: { kind: 'reset' } })).toThrow(
      /"opus-down" is already in use/,
    );
    // Generated ids step over ids that callers chose.
    const fresh = await startFakeProvider();
    fresh.addFaults({ id: 'f1', fault: { kind: 'reset' } });
    expect(fresh.addFaults({ fault: { kind: 'reset' } })).toEqual(['f2']);
    await fresh.close();
    fake.clearFaults();
  });

  it('loads, shows and stops a scenario', async () => {
    nowMs = 1000;
    const [status, loaded] = await admin('PUT', '/scenario', {
      name: 'demo',
      timeScale: 10,
      phases: [
        { name: 'one', duration: '10s', faults: [{ fault: { kind: 'overload' } }] },
        { name: 'two', duration: 60 },
      ],
    });
    expect(status).toBe(200);
    expect(loaded).toMatchObject({
      active: true,
      name: 'demo',
      elapsedS: 0,
      phase: { name: 'one' },
    });
    const [, listed] = await admin('GET', '/faults');
    expect(listed).toMatchObject({
      faults: [],
      scenario: { name: 'demo', phase: 'one', faults: [{ fault: { kind: 'overload' } }] },
    });
    nowMs = 2500;
    const [, shown] = await admin('GET', '/scenario');
    expect(shown).toMatchObject({
      elapsedS: 15,
      phase: { name: 'two', index: 1, elapsedS: 5, remainingS: 55 },
    });
    expect(await admin('DELETE', '/scenario')).toEqual([200, { stopped: true }]);
    expect((await admin('GET', '/scenario'))[1]).toMatchObject({ active: false });
  });

  it('refuses an invalid scenario with its problems', async () => {
    const [status, body] = await admin('PUT', '/scenario', {
      phases: [{ name: 'x', duration: 'soon' }],
    });
    expect(status).toBe(400);
    expect((body as { problems: string[] }).problems).toEqual([
      'phases[0].duration: must be positive seconds or a duration such as "90s", "5m", "1h"',
    ]);
  });

  it('answers unknown admin paths with 404', async () => {
    expect((await admin('GET', '/nope'))[0]).toBe(404);
  });
});
