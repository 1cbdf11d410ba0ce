import { describe, expect, it } from 'vitest';
import type { IncidentFacts } from './incident-facts.js';
import { covers, pageComponents } from './page-components.js';

function incident(
  scope: IncidentFacts['scope'],
  provider: string | null,
  models: string[],
): IncidentFacts {
  return {
    id: 'i',
    open: true,
    scope,
    provider,
    models,
    layer: 'provider',
    reason: 'overloaded',
    peakErrorRate: 0.3,
    startedAtMs: 0,
    endedAtMs: null,
    updatedAtMs: 0,
    published: [],
  };
}

const [writing] = pageComponents(
  [{ name: 'Writing', uses: ['anthropic/claude-opus-4-7', 'openai/gpt-5.1'] }],
  [],
);

describe('covers', () => {
  it.each([
    ['a model incident on a used model', incident('model', 'openai', ['gpt-5.1']), true],
    ['a model incident on another model', incident('model', 'openai', ['gpt-4o']), false],
    [
      'a provider incident on a used provider',
      incident('provider', 'anthropic', ['claude-haiku-4-5']),
      true,
    ],
    ['a provider incident elsewhere', incident('provider', 'google', []), false],
    ['a global incident', incident('global', null, []), true],
  ])('%s: %s', (_what, i, expected) => {
    expect(covers(writing!, i)).toBe(expected);
  });

  it('takes "provider/*" as every model of the provider', () => {
    const [c] = pageComponents([], ['openai']);
    expect(covers(c!, incident('model', 'openai', ['anything']))).toBe(true);
    expect(covers(c!, incident('model', 'anthropic', ['anything']))).toBe(false);
  });
});

describe('pageComponents', () => {
  it('defaults to one component per provider seen, named for people, with stable ids', () => {
    const a = pageComponents([], ['openai', 'vertex', 'openai']);
    expect(a.map((c) => [c.name, c.uses])).toEqual([
      ['OpenAI', ['openai/*']],
      ['Google Vertex AI', ['vertex/*']],
    ]);
    expect(pageComponents([], ['vertex'])[0]?.id).toBe(a[1]?.id);
    expect(a[0]?.id).toMatch(/^[0-9a-f]{12}$/);
  });
});
