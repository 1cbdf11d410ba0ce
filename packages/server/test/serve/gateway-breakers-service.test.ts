// Inside `faultline serve`, the gateway's per-target breakers: a target that keeps failing is
// skipped once its breaker opens, and /v1/health lists the targets' breakers per model.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeProvider } from '@faultline/fake-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService } from '../../src/serve/start-service.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-gw-breakers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An upstream that answers every request with Anthropic's 500. */
async function brokenUpstream(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'application/json', 'request-id': 'req_broken' });
      res.end('{"type":"error","error":{"type":"api_error","message":"Internal server error"}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface Health {
  providers: {
    provider: string;
    models: { model: string; targets?: { target: string; breaker: string }[] }[];
  }[];
}

describe('gateway breakers inside serve', () => {
  it('skips a target whose breaker opened and shows it in /v1/health', async () => {
    const good = await startFakeProvider({ seed: 3 });
    const bad = await brokenUpstream();
    const logs: string[] = [];
    const config = validateConfig(
      {
        store: join(dir, 'g.db'),
        tokens: [{ name: 'ops', role: 'admin', token: 'admin-token-gw-breakers' }],
        gateway: {
          listen: '127.0.0.1:0',
          targets: [
            { name: 'broken', api: 'anthropic', provider: 'anthropic', base_url: bad.url },
            { name: 'backup', api: 'anthropic', provider: 'anthropic', base_url: good.url },
          ],
          routes: [{ path: '/anthropic', targets: ['broken', 'backup'], failover: true }],
        },
      },
      { env: {} },
    );
    const service = await startService({ config, log: (l) => logs.push(l), port: 0 });
    try {
      await service.caughtUp;
      const gatewayUrl = /gateway listening on (\S+)/.exec(logs.join('\n'))?.[1] ?? '';
      const call = async (): Promise<{ target: string | null; attempts: string | null }> => {
        const res = await fetch(`${gatewayUrl}/anthropic/v1/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-api-key': 'client-key',
            'anthropic-version': '2023-06-01',
          },
          body: JSON.stringify({
            model: 'claude-haiku-4-5',
            max_tokens: 64,
            messages: [{ role: 'user', content: 'hi' }],
          }),
        });
        expect(res.status).toBe(200);
        await res.text();
        return {
          target: res.headers.get('x-faultline-target'),
          attempts: res.headers.get('x-faultline-attempts'),
        };
      };
      const seen: { target: string | null; attempts: string | null }[] = [];
      for (let i = 0; i < 8; i++) seen.push(await call());
      // Every answer came from the backup; the first ones tried the broken target first.
      expect(seen.every((s) => s.target === 'backup')).toBe(true);
      expect(seen[0]?.attempts).toBe('2');
      expect(seen[seen.length - 1]?.attempts).toBe('1');
      let health: Health | undefined;
      for (let i = 0; i < 50; i++) {
        health = (await (
          await fetch(`${service.address.url}/v1/health`, {
            headers: { authorization: 'Bearer admin-token-gw-breakers' },
          })
        ).json()) as Health;
        const model = health.providers
          .find((p) => p.provider === 'anthropic')
          ?.models.find((m) => m.model === 'claude-haiku-4-5');
        if (model?.targets?.some((t) => t.target === 'broken')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const model = health?.providers
        .find((p) => p.provider === 'anthropic')
        ?.models.find((m) => m.model === 'claude-haiku-4-5');
      expect(model?.targets).toContainEqual({ target: 'broken', breaker: 'open' });
    } finally {
      await service.close();
      await good.close();
      await new Promise((r) => bad.server.close(r));
    }
  });
});
