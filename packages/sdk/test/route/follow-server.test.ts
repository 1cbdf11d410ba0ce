// The router following a service: breaker.changed over /v1/events, and /v1/health when events fail.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { createRouter, type Router } from '../../src/route/index.js';
import { createMemorySink, targets, type Answer, type Chunk } from './route-clients.js';

let fp: FakeProvider;
beforeAll(async () => {
  fp = await startFakeProvider({ seed: 5 });
});
afterAll(() => fp.close());

/** A stand-in for `faultline serve`'s two read endpoints, on loopback. */
async function service(
  handle: (path: string, res: ServerResponse, auth: string | undefined) => void,
) {
  const server: Server = createServer((req, res) =>
    handle(req.url ?? '', res, req.headers.authorization),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

function routerFor(url: string) {
  const sink = createMemorySink();
  const ref: { router?: Router<string, Answer, Chunk> } = {};
  const ts = targets(fp.url, () => ref.router!.sink(sink));
  const router = (ref.router = createRouter<string, Answer, Chunk>({
    targets: ts,
    server: { url, token: 'read-token', pollMs: 50, reconnectMs: 50 },
    onError: () => undefined,
  }));
  return { router, sink };
}

async function until(cond: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('following faultline serve', () => {
  it('skips a target the service opened over /v1/events, without calling it', async () => {
    const auths: Array<string | undefined> = [];
    const svc = await service((path, res, auth) => {
      auths.push(auth);
      if (path !== '/v1/events') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const data = {
        provider: 'anthropic',
        model: 'claude-opus-4-7',
        target: 'primary',
        from: 'closed',
        to: 'open',
        at: new Date().toISOString(),
        why: 'incident inc-1',
      };
      res.write(`: hello\n\nid: 1\nevent: breaker.changed\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const { router, sink } = routerFor(svc.url);
    await until(() => router.states()[0]?.state.state === 'open');
    expect(router.states()[0]?.state.why).toBe('the service says open: incident inc-1');
    expect((await router.call('hello')).by).toBe('backup');
    expect(sink.records.map((r) => r.provider)).toEqual(['openai']);
    expect(auths).toContain('Bearer read-token');
    await router.close();
    await svc.close();
  });

  it('falls back to /v1/health when the event stream is unavailable', async () => {
    let breaker = 'open';
    const svc = await service((path, res) => {
      if (path !== '/v1/health') return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          at: new Date().toISOString(),
          providers: [
            {
              provider: 'anthropic',
              state: 'down',
              status_page: null,
              models: [
                {
                  model: 'claude-opus-4-7',
                  state: 'down',
                  calls_1m: 90,
                  failure_share_1m: 0.6,
                  incident: null,
                  breaker,
                },
              ],
            },
          ],
        }),
      );
    });
    const { router } = routerFor(svc.url);
    await until(() => router.states()[0]?.state.state === 'open');
    expect(router.states()[0]?.state.scopeElevated).toBe(true);
    breaker = 'closed';
    await until(() => router.states()[0]?.state.state === 'closed');
    expect((await router.call('hello')).by).toBe('primary');
    await router.close();
    await svc.close();
  });
});
