// Another process holding the SQLite write lock: ingest answers 503 with Retry-After within a
// bounded wait instead of stalling the whole service for seconds, and recovers once it is free.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService } from '../../src/serve/start-service.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a SQLite store locked by another process', () => {
  it('answers 503 within a second while the lock is held, and 200 after', async () => {
    const path = join(dir, 'locked.db');
    const config = validateConfig(
      { store: path, tokens: [{ name: 'app', role: 'ingest', token: 'ingest-token-lock' }] },
      { env: {} },
    );
    const service = await startService({ config, log: () => undefined, port: 0 });
    const other = new Database(path);
    try {
      await service.caughtUp;
      const post = (): Promise<Response> =>
        fetch(`${service.address.url}/v1/records`, {
          method: 'POST',
          headers: {
            authorization: 'Bearer ingest-token-lock',
            'content-type': 'application/x-ndjson',
          },
          body: JSON.stringify({
            ts: Date.now(),
            provider: 'openai',
            model: 'gpt-5.1',
            http_status: 200,
          }),
        });
      other.exec('BEGIN IMMEDIATE');
      const t0 = Date.now();
      const refused = await post();
      const waitedMs = Date.now() - t0;
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(waitedMs).toBeLessThan(2_000);
      other.exec('COMMIT');
      const ok = await post();
      expect(ok.status).toBe(200);
    } finally {
      other.close();
      await service.close();
    }
  });
});
