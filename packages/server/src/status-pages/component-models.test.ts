import { describe, expect, it } from 'vitest';
import { componentMap, modelsFor } from './component-models.js';

const entry = (provider: string, components: Record<string, string[]> = {}) => ({
  provider,
  components,
});

describe('component → models', () => {
  it.each([
    ['anthropic', 'Claude API (api.anthropic.com)', undefined, ['*']],
    ['anthropic', 'Renamed API', 'k8w3r06qmzrp', ['*']],
    ['anthropic', 'claude.ai', 'rwppv331jlwc', null],
    ['anthropic', 'Claude Code', undefined, null],
    ['openai', 'Chat Completions', undefined, ['*']],
    ['openai', 'responses', undefined, ['*']],
    ['openai', 'ChatGPT', undefined, null],
    ['openai', 'Sora', undefined, null],
    ['google', 'Gemini on Agent Platform', 'Z0FZJAMvEB4j3NbCJs6B', ['*']],
    ['vertex', 'Vertex AI Online Prediction', 'sdXM79fz1FS6ekNpu37K', ['*']],
    ['google', 'Cloud Storage', 'EXMPLgcsProduct00000', null],
    ['deepseek', 'Anything', undefined, ['*']],
  ])('defaults: %s %s → %j', (provider, name, id, expected) => {
    expect(modelsFor(componentMap(entry(provider)), name, id)).toEqual(expected);
  });

  it('the config replaces the defaults', () => {
    const map = componentMap(entry('anthropic', { 'claude.ai': ['claude-opus-4-7'] }));
    expect(modelsFor(map, 'claude.ai')).toEqual(['claude-opus-4-7']);
    expect(modelsFor(map, 'Claude API (api.anthropic.com)')).toBeNull();
  });
});
