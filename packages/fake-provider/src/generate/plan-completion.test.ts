// Deterministic generation: seeded words, natural length, caps, JSON mode and output faults.
import { describe, expect, it } from 'vitest';
import type { ProviderRequest } from '../protocol/index.js';
import { planCompletion } from './plan-completion.js';

const request: ProviderRequest = {
  provider: 'openai',
  model: 'gpt-4o',
  stream: false,
  maxTokens: undefined,
  json: false,
  promptText: 'What is the capital of France?',
  includeUsage: false,
};

describe('planCompletion', () => {
  it('is deterministic per seed, model and prompt, with 20–80 one-word tokens', () => {
    const a = planCompletion(request, 1);
    expect(planCompletion(request, 1)).toEqual(a);
    expect(planCompletion(request, 2).tokens).not.toEqual(a.tokens);
    expect(planCompletion({ ...request, promptText: 'other' }, 1).tokens).not.toEqual(a.tokens);
    expect(a.tokens.length).toBeGreaterThanOrEqual(20);
    expect(a.tokens.length).toBeLessThanOrEqual(80);
    for (const t of a.tokens) expect(t).toMatch(/^ [a-z]+$/);
    expect(a).toMatchObject({ finish: 'stop', inputTokens: 8 });
  });

  it('stays within the natural range across many prompts', () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const n = planCompletion({ ...request, promptText: `prompt ${i}` }, 1).tokens.length;
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(80);
      lengths.add(n);
    }
    expect(lengths.size).toBeGreaterThan(30);
  });

  it('caps at maxTokens with finish length, but not below the natural length', () => {
    expect(planCompletion({ ...request, maxTokens: 3 }, 1)).toMatchObject({ finish: 'length' });
    expect(planCompletion({ ...request, maxTokens: 3 }, 1).tokens).toHaveLength(3);
    expect(planCompletion({ ...request, maxTokens: 500 }, 1).finish).toBe('stop');
  });

  it('wraps the words in a JSON object in JSON mode', () => {
    const c = planCompletion({ ...request, json: true }, 1);
    const parsed = JSON.parse(c.tokens.join('')) as { answer: string };
    expect(parsed.answer.split(' ')).toHaveLength(c.tokens.length);
  });

  it('shapes output for empty, refusal, truncate and malformed_json', () => {
    expect(planCompletion(request, 1, { kind: 'empty' })).toMatchObject({
      tokens: [],
      finish: 'stop',
    });
    expect(planCompletion(request, 1, { kind: 'refusal' })).toMatchObject({
      tokens: [],
      finish: 'refusal',
    });
    expect(planCompletion(request, 1, { kind: 'truncate', afterTokens: 2 }).tokens).toHaveLength(2);
    for (let seed = 0; seed < 10; seed++) {
      const text = planCompletion({ ...request, json: true }, seed, {
        kind: 'malformed_json',
      }).tokens.join('');
      expect(() => JSON.parse(text) as unknown).toThrow();
    }
  });

  it('counts at least one input token for an empty prompt', () => {
    expect(planCompletion({ ...request, promptText: '' }, 1).inputTokens).toBe(1);
  });

  it('answers exactly the text of an answer fault, one token per word, within max_tokens', () => {
    const a = planCompletion(request, 1, { kind: 'answer', text: 'Paris, of course.' });
    expect(a).toMatchObject({ tokens: ['Paris,', ' of', ' course.'], finish: 'stop' });
    const cut = planCompletion({ ...request, maxTokens: 2 }, 1, { kind: 'answer', text: 'a b c' });
    expect(cut).toMatchObject({ tokens: ['a', ' b'], finish: 'length' });
  });
});
