// The composition root in-process: first-start tokens, ingest → live engine → API, clean close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/index.js';
import { startService } from '../src/serve/start-service.js';
import { startFakeProvider } from '@faultline/fake-provider';

const dir = mkdtempSync(join(tmpdir(), 'faultline-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(extra: object = {}) {
  return validateConfig({ store: join(dir, `s-${Math.random()}.db`), ...extra }, { env: {} });
}

describe('startService', () => {
  it('creates an admin and an ingest token on a first start only, and serves with them', async () => {
    const cfg = config();
    const logs: string[] = [];
    const first = await startService({ config: cfg, log: (l) => logs.push(l), port: 0 });
    await first.caughtUp;
    expect(first.createdTokens.map((t) => t.role)).toEqual(['admin', 'ingest']);
    const admin = first.createdTokens[0]!.secret;
    const ingest = first.createdTokens[1]!.secret;
    const base = first.address.url;
    const now = new Date().toISOString();
    const body = `${JSON.stringify({ ts: now, provider: 'openai', model: 'gpt-5.1', http_status: 500, request_id: 'r1' })}\n`;
    const post = await fetch(`${base}/v1/records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(await post.json()).toEqual({ accepted: 1, rejected: [], duplicate: false });
    const records = await fetch(`${base}/v1/records`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect((await records.text()).trim()).toContain('"request_id":"r1"');
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(
      'faultline_calls_total{provider="openai",model="gpt-5.1",layer="provider",reason="server_error"} 1',
    );
    await first.close();
    expect(logs.some((l) => l.startsWith('listening on http://127.0.0.1:'))).toBe(true);

    const second = await startService({ config: cfg, log: () => undefined, port: 0 });
    expect(second.createdTokens).toEqual([]);
    const again = await fetch(`${second.address.url}/v1/records`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect((await again.text()).trim()).toContain('"request_id":"r1"');
    await second.close();
  });

  it('creates no tokens when the config gives some, accepts those, and guards /metrics with its token', async () => {
    const cfg = config({
      tokens: [{ name: 'ops', role: 'read', token: 'read-token-for-tests' }],
      metrics: { token: 'metrics-secret' },
    });
    const service = await startService({ config: cfg, log: () => undefined, port: 0 });
    expect(service.createdTokens).toEqual([]);
    const base = service.address.url;
    const health = await fetch(`${base}/v1/health`, {
      headers: { authorization: 'Bearer read-token-for-tests' },
    });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ providers: [] });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } }))
        .status,
    ).toBe(200);
    await service.close();
  });

  it('runs the configured gateway, whose attempts are stored as gateway records', async () => {
    const provider = await startFakeProvider({ seed: 1 });
    const logs: string[] = [];
    const cfg = config({
      tokens: [{ name: 'ops', role: 'admin', token: 'admin-token-for-tests' }],
      gateway: {
        listen: '127.0.0.1:0',
        targets: [{ name: 'a', api: 'anthropic', provider: 'anthropic', base_url: provider.url }],
        routes: [{ path: '/anthropic', targets: ['a'] }],
      },
    });
    const service = await startService({ config: cfg, log: (l) => logs.push(l), port: 0 });
    const gatewayUrl = /gateway listening on (\S+)/.exec(logs.join('\n'))?.[1];
    expect(gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${gatewayUrl!}/anthropic/v1/messages`, {
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
    expect(res.headers.get('x-faultline-target')).toBe('a');
    await res.text();
    await service.close();
    const again = await startService({
      config: { ...cfg, gateway: null },
      log: () => undefined,
      port: 0,
    });
    const records = await (
      await fetch(`${again.address.url}/v1/records`, {
        headers: { authorization: 'Bearer admin-token-for-tests' },
      })
    ).text();
    expect(records).toContain('"source":"gateway"');
    expect(records).not.toContain('client-key');
    await again.close();
    await provider.close();
  });

  it('closes within a second while a client holds /v1/events open, ending its stream', async () => {
    const service = await startService({ config: config(), log: () => undefined, port: 0 });
    const admin = service.createdTokens[0]!.secret;
    const events = await fetch(`${service.address.url}/v1/events`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reading = events.text();
    const t0 = Date.now();
    await service.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await reading).toContain(': faultline events');
  });

  it('fails to start with nothing left open when the port is taken', async () => {
    const a = await startService({ config: config(), log: () => undefined, port: 0 });
    await expect(
      startService({ config: config(), log: () => undefined, port: a.address.port }),
    ).rejects.toThrow(/EADDRINUSE/);
    await a.close();
  });
});
