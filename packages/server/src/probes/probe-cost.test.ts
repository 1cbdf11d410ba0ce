import { describe, expect, it } from 'vitest';
import type { ProbeConfig } from '../config/index.js';
import { probeCostLines, probeCosts } from './probe-cost.js';

const probe = (p: Partial<ProbeConfig>): ProbeConfig => ({
  provider: 'anthropic',
  model: 'claude-haiku-4-5',
  api: 'anthropic',
  base_url: 'https://api.anthropic.com',
  every: 30_000,
  golden: [],
  ...p,
});

describe('probe cost', () => {
  it('counts calls and tokens per day per provider (the config.md example)', () => {
    const example = probe({
      golden: [{ prompt: 'Reply with the single word: pong', expect: { contains: 'pong' } }],
    });
    const [cost] = probeCosts([example]);
    // 2,880 calls a day; "Reply with the single word: pong" is 32 chars → 8 tokens + 8 overhead.
    expect(cost).toEqual({
      provider: 'anthropic',
      probes: 1,
      callsPerDay: 2880,
      inputTokensPerDay: 2880 * 16,
      maxOutputTokensPerDay: 2880 * 128,
    });
    expect(probeCostLines([example])).toEqual([
      'probes: anthropic: 1 probe, 2,880 calls/day, ~46,080 input tokens/day, at most 368,640 output tokens/day',
    ]);
  });

  it('adds up probes of one provider and counts a Gemini thinking allowance', () => {
    const costs = probeCosts([
      probe({ provider: 'google', api: 'gemini', model: 'gemini-2.5-pro', every: 60_000 }),
      probe({ provider: 'google', api: 'gemini', model: 'gemini-2.5-flash', every: 60_000 }),
    ]);
    expect(costs).toHaveLength(1);
    expect(costs[0]).toMatchObject({
      probes: 2,
      callsPerDay: 2880,
      maxOutputTokensPerDay: 1440 * (384 + 256),
    });
  });

  it('says when no probe is configured', () => {
    expect(probeCostLines([])).toEqual(['probes: none configured']);
  });
});
