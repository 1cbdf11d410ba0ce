// The service rolls ingested calls up per minute and answers GET /v1/history from the rollups.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService } from '../../src/serve/start-service.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface History {
  step: string;
  series: { t: string; calls: number; failures: { provider: number }; p50_ms: number | null }[];
}

describe('history from rollups', () => {
  it('counts ingested calls into /v1/history within seconds, for read tokens only', async () => {
    const config = validateConfig(
      {
        store: join(dir, 'h.db'),
        tokens: [
          { name: 'app', role: 'ingest', token: 'ingest-token-history' },
          { name: 'viewer', role: 'read', token: 'read-token-history' },
        ],
      },
      { env: {} },
    );
    const service = await startService({ config, log: () => undefined, port: 0 });
    try {
      await service.caughtUp;
      const base = service.address.url;
      const now = Date.now();
      const lines = [
        {
          ts: now - 1000,
          provider: 'openai',
          model: 'gpt-5.1',
          http_status: 200,
          duration_ms: 420,
        },
        { ts: now - 900, provider: 'openai', model: 'gpt-5.1', http_status: 500 },
        {
          ts: now - 800,
          provider: 'anthropic',
          model: 'claude-opus-4-7',
          http_status: 200,
          duration_ms: 900,
        },
      ];
      const post = await fetch(`${base}/v1/records`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer ingest-token-history',
          'content-type': 'application/x-ndjson',
        },
        body: lines.map((l) => JSON.stringify(l)).join('\n'),
      });
      expect(post.status).toBe(200);
      const from = new Date(now - 3_600_000).toISOString();
      const read = (q: string): Promise<Response> =>
        fetch(`${base}/v1/history?from=${encodeURIComponent(from)}${q}`, {
          headers: { authorization: 'Bearer read-token-history' },
        });
      let history: History | undefined;
      for (let i = 0; i < 100; i++) {
        history = (await (await read('')).json()) as History;
        if (history.series.reduce((n, p) => n + p.calls, 0) === 3) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(history?.step).toBe('1m');
      const points = history?.series.filter((p) => p.calls > 0) ?? [];
      expect(points.reduce((n, p) => n + p.calls, 0)).toBe(3);
      expect(points.reduce((n, p) => n + p.failures.provider, 0)).toBe(1);
      const openai = (await (await read('&provider=openai')).json()) as History;
      expect(openai.series.reduce((n, p) => n + p.calls, 0)).toBe(2);
      const anonymous = await fetch(`${base}/v1/history`);
      expect(anonymous.status).toBe(401);
    } finally {
      await service.close();
    }
  });
});
