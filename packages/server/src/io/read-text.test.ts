import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readText } from './read-text.js';

describe('readText', () => {
  it('decodes characters split across reads whole and drops a byte order mark', async () => {
    const bytes = Buffer.from('\uFEFFClaude Opus 4.7 — 日本語 😀 errors');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(await readText(Readable.from(chunks), 1000)).toBe('Claude Opus 4.7 — 日本語 😀 errors');
  });

  it('stops past the cap instead of reading an endless input', async () => {
    let reads = 0;
    const endless = new Readable({
      read() {
        reads++;
        this.push(Buffer.alloc(1 << 16));
      },
    });
    await expect(readText(endless, 1 << 20)).rejects.toThrow(/over 1048576 bytes/);
    expect(reads).toBeLessThan(40);
  });
});
