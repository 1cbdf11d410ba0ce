// The HTTP layer on a real socket: routing, error shape, auth against the store, close, load.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAuth,
  createHttpServer,
  healthzRoute,
  sendJson,
  type Route,
} from '../../src/http/index.js';
import { tokenHash } from '../../src/http/token-hash.js';
import { createMemoryStore } from '../../src/store/memory/index.js';

const toClose: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of toClose.splice(0)) await close();
});

const echo: Route = {
  method: 'GET',
  path: '/v1/things/:id',
  access: 'read',
  handle: ({ res, params, principal }) =>
    sendJson(res, 200, { id: params.id, by: principal?.name }),
};
const boom: Route = {
  method: 'GET',
  path: '/boom',
  access: 'public',
  handle: () => {
    throw new Error('secret detail');
  },
};

async function start(
  routes: Route[],
  extra: Parameters<typeof createHttpServer>[0] extends infer O ? Partial<O> : never = {},
) {
  const store = createMemoryStore();
  let nowMs = 1_000;
  const auth = createAuth({ store, now: () => nowMs, cacheTtlMs: 2000 });
  const http = createHttpServer({ routes, auth, ...extra });
  const { url, port, host } = await http.listen();
  toClose.push(() => http.close());
  return { url, port, host, store, http, tick: (ms: number) => (nowMs += ms) };
}

describe('the HTTP server', () => {
  it('binds 127.0.0.1 and answers /healthz, 404 and 405 as JSON with a content type', async () => {
    const s = await start([healthzRoute(), echo]);
    expect(s.host).toBe('127.0.0.1');
    const ok = await fetch(`${s.url}/healthz`);
    expect([ok.status, ok.headers.get('content-type'), await ok.json()]).toEqual([
      200,
      'application/json; charset=utf-8',
      { status: 'ok' },
    ]);
    const missing = await fetch(`${s.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const wrong = await fetch(`${s.url}/healthz`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(wrong.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 500 without the error text when a handler throws', async () => {
    const s = await start([boom]);
    const res = await fetch(`${s.url}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal' } });
  });

  it('finds store tokens by hash, checks the role, and sees a revocation within the cache time', async () => {
    const s = await start([echo]);
    await s.store.createToken({
      id: 't1',
      name: 'dash',
      role: 'read',
      hash: tokenHash('r-tok'),
      createdAtMs: 0,
      revokedAtMs: null,
    });
    await s.store.createToken({
      id: 't2',
      name: 'ci',
      role: 'ingest',
      hash: tokenHash('i-tok'),
      createdAtMs: 0,
      revokedAtMs: null,
    });
    const get = (token: string) =>
      fetch(`${s.url}/v1/things/a%20b`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await get('r-tok');
    expect(await ok.json()).toEqual({ id: 'a b', by: 'dash' });
    expect((await get('i-tok')).status).toBe(403);
    expect((await fetch(`${s.url}/v1/things/x`)).status).toBe(401);
    await s.store.revokeToken('dash', 5);
    expect((await get('r-tok')).status).toBe(200); // still cached
    s.tick(2001);
    expect((await get('r-tok')).status).toBe(401);
  });

  it('times out a client that trickles its headers', async () => {
    const s = await start([healthzRoute()], { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const socket = connect(s.port, '127.0.0.1');
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 50);
    const started = Date.now();
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(reply).toContain('application/json');
  });

  it('times out a body that trickles', async () => {
    const slowBody: Route = {
      method: 'POST',
      path: '/in',
      access: 'public',
      handle: ({ req, res }) => {
        req.resume();
        req.on('end', () => sendJson(res, 200, {}));
      },
    };
    const s = await start([slowBody], { headersTimeoutMs: 200, requestTimeoutMs: 500 });
    const socket = connect(s.port, '127.0.0.1');
    socket.write('POST /in HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n');
    const timer = setInterval(() => socket.write('x'), 50);
    const started = Date.now();
    await new Promise((resolve) => {
      socket.on('close', resolve);
      socket.on('error', () => undefined);
      socket.resume();
    });
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('closes gracefully: in-flight requests finish, new connections are refused', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow: Route = {
      method: 'GET',
      path: '/slow',
      access: 'public',
      handle: async ({ res }) => {
        await held;
        sendJson(res, 200, { done: true });
      },
    };
    const s = await start([slow, healthzRoute()]);
    await fetch(`${s.url}/healthz`); // leaves an idle keep-alive connection
    const inFlight = fetch(`${s.url}/slow`);
    await new Promise((r) => setTimeout(r, 30));
    let closed = false;
    const closing = s.http.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(closed).toBe(false);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    release();
    const res = await inFlight;
    expect(await res.json()).toEqual({ done: true });
    await closing;
    expect(closed).toBe(true);
  });

  it('serves 200 connections open at once', async () => {
    const s = await start([healthzRoute()]);
    const sockets = await Promise.all(
      Array.from(
        { length: 200 },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(s.port, '127.0.0.1', () => resolve(socket));
            socket.on('error', reject);
          }),
      ),
    );
    const replies = await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<string>((resolve) => {
            let text = '';
            socket.on('data', (c: Buffer) => (text += c.toString()));
            socket.on('end', () => resolve(text));
            socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
          }),
      ),
    );
    const ok = replies.filter((t) => t.startsWith('HTTP/1.1 200') && t.endsWith('{"status":"ok"}'));
    expect(ok.length).toBe(200);
  });
});
