// First-start tokens: created once, even when replicas start together on one empty store.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/store/memory/index.js';
import { ensureFirstTokens } from '../src/tokens/first-start-tokens.js';

const NOW = Date.UTC(2026, 11, 1);

describe('ensureFirstTokens', () => {
  it('creates one admin and one ingest token, and none on the next start', async () => {
    const store = createMemoryStore();
    const first = await ensureFirstTokens(store, 0, NOW);
    expect(first.map((t) => t.role)).toEqual(['admin', 'ingest']);
    expect(await ensureFirstTokens(store, 0, NOW)).toEqual([]);
    expect((await store.listTokens()).map((t) => t.id)).toEqual(['first-admin', 'first-ingest']);
  });

  it('lets only one of several replicas starting at once create and print them', async () => {
    const store = createMemoryStore();
    const results = await Promise.all([1, 2, 3].map(() => ensureFirstTokens(store, 0, NOW)));
    const printed = results.flat();
    expect(printed.map((t) => t.role).sort()).toEqual(['admin', 'ingest']);
    expect(await store.listTokens()).toHaveLength(2);
    // Every token printed is one the store accepts.
    for (const t of printed) {
      const { createHash } = await import('node:crypto');
      const hash = createHash('sha256').update(t.secret).digest('hex');
      expect(await store.tokenByHash(hash)).toBeDefined();
    }
  });

  it('creates none when the config gives tokens', async () => {
    expect(await ensureFirstTokens(createMemoryStore(), 1, NOW)).toEqual([]);
  });
});
