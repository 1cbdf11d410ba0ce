// The service watches the provider: a status page read, shown in /v1/health, its changes on
// /v1/events and in the store as status records; an unreadable page is unknown, never degraded.
import {
  startFakeProvider,
  type FakeProvider,
  type StatusPageMode,
} from '@faultline/fake-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/index.js';
import { startService, type RunningService } from '../src/serve/start-service.js';

const TOKEN = 'admin-token-for-watch-tests';
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function start(
  statusMode?: StatusPageMode,
): Promise<{ provider: FakeProvider; service: RunningService }> {
  const provider = await startFakeProvider({
    seed: 1,
    statusPages: [
      {
        id: 'anthropic',
        lag: 0,
        recoveryLag: 0,
        ...(statusMode === undefined ? {} : { mode: statusMode }),
      },
    ],
  });
  open.push(provider);
  const config = validateConfig(
    {
      store: ':memory:',
      tokens: [{ name: 'oncall', role: 'admin', token: TOKEN }],
      status_pages: [
        {
          provider: 'anthropic',
          kind: 'statuspage',
          url: `${provider.url}/status/anthropic`,
          every: '200ms',
        },
      ],
    },
    { env: {} },
  );
  const service = await startService({ config, log: () => undefined, port: 0 });
  open.push(service);
  return { provider, service };
}

async function get(service: RunningService, path: string): Promise<unknown> {
  const res = await fetch(`${service.address.url}${path}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return res.headers.get('content-type')?.startsWith('application/json') ? res.json() : res.text();
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Health = {
  providers: {
    provider: string;
    status_page: { status: string; component: string; error?: string } | null;
  }[];
};
const pageOf = (h: Health) => h.providers.find((p) => p.provider === 'anthropic')?.status_page;

describe('the service reads provider status pages', () => {
  it('shows the page in /v1/health with no app traffic, and streams its change on /v1/events', async () => {
    const { provider, service } = await start();
    const ok = await until(
      () => get(service, '/v1/health') as Promise<Health>,
      (h) => pageOf(h)?.status === 'operational',
    );
    expect(pageOf(ok)).toMatchObject({ component: 'Claude API', status: 'operational' });

    const events = await fetch(`${service.address.url}/v1/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const reader = events.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    provider.addFaults([{ provider: 'anthropic', fault: { kind: 'overload' } }]);
    let text = '';
    const decoder = new TextDecoder();
    const end = Date.now() + 8000;
    while (!text.includes('event: status.changed') && Date.now() < end) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toContain('event: status.changed');
    const data = JSON.parse(/event: status\.changed\ndata: (.*)\n/.exec(text)![1]!) as Record<
      string,
      unknown
    >;
    expect(data).toMatchObject({
      provider: 'anthropic',
      component: 'Claude API',
      from: 'operational',
    });
    expect(['major_outage', 'partial_outage', 'degraded_performance']).toContain(data.to);

    const stored = (await get(service, '/v1/records?kind=status')) as string;
    const statuses = stored
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { status: string }).status);
    expect(statuses[0]).toBe('operational');
    expect(statuses).toContain(data.to);
  });

  it('marks an unreadable page unknown with the reason, never degraded', async () => {
    const { service } = await start('html');
    const h = await until(
      () => get(service, '/v1/health') as Promise<Health>,
      (v) => pageOf(v) !== undefined && pageOf(v) !== null,
    );
    expect(pageOf(h)).toMatchObject({ status: 'unknown' });
    expect(pageOf(h)?.error).toMatch(/html/i);
    const stored = (await get(service, '/v1/records?kind=status')) as string;
    expect(stored).toBe('');
  });
});
