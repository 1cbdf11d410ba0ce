// Fault probability draws come from a seeded PRNG, so a run replays exactly.
import { describe, expect, it } from 'vitest';
import { startFakeProvider } from '../src/index.js';
import { post, requestFor } from './helpers.js';

async function statuses(seed: number): Promise<number[]> {
  const fake = await startFakeProvider({
    seed,
    faults: [{ probability: 0.5, fault: { kind: 'status', status: 500 } }],
  });
  try {
    const { path, body } = requestFor('openai');
    const out: number[] = [];
    for (let i = 0; i < 30; i++) out.push((await post(fake.url, path, body)).status);
    return out;
  } finally {
    await fake.close();
  }
}

describe('probability', () => {
  it('fires on some requests and replays the same pattern for the same seed', async () => {
    const first = await statuses(42);
    expect(first).toContain(200);
    expect(first).toContain(500);
    expect(await statuses(42)).toEqual(first);
    expect(await statuses(7)).not.toEqual(first);
  });

  it('never fires at probability 0 and draws nothing for rules that cannot matter', async () => {
    const fake = await startFakeProvider({
      faults: [
        { provider: 'openai', probability: 0, fault: { kind: 'overload' } },
        { provider: 'google', fault: { kind: 'overload' } },
      ],
    });
    try {
      const { path, body } = requestFor('openai');
      for (let i = 0; i < 5; i++) expect((await post(fake.url, path, body)).status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});
