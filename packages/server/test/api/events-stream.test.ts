// GET /v1/events over a real socket: live entries, Last-Event-ID resume, keep-alive comments.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { streamEvents } from '../../src/api/events-route.js';
import { FeedHub } from '../../src/api/feed-hub.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { Store } from '../../src/store/port.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(
  store: Store,
  hub: FeedHub,
  keepAliveMs = 15_000,
  stillAllowed?: () => Promise<boolean>,
): Promise<number> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void streamEvents(req, res, url, {
      store,
      feed: hub,
      keepAliveMs,
      ...(stillAllowed === undefined ? {} : { stillAllowed }),
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** Reads the stream until `until` holds for what arrived, then closes it. */
function read(
  port: number,
  headers: Record<string, string>,
  until: (text: string) => boolean,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: '/v1/events', headers }, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (until(text)) {
          req.destroy();
          resolve(text);
        }
      });
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    req.end();
  });
}

async function publish(store: Store, hub: FeedHub, type: string, data: object): Promise<number> {
  const entry = { type, atMs: Date.now(), data: JSON.stringify(data) };
  const id = await store.appendFeed(entry);
  hub.publish({ ...entry, id });
  return id;
}

describe('GET /v1/events', () => {
  it('streams live entries with ids, and a new client gets no backlog', async () => {
    const store = createMemoryStore();
    const hub = new FeedHub();
    await publish(store, hub, 'incident.opened', { id: 'old' });
    const port = await serve(store, hub);
    const got = read(port, {}, (t) => t.includes('"new"'));
    while (hub.size === 0) await new Promise((r) => setTimeout(r, 5));
    const id = await publish(store, hub, 'incident.updated', { id: 'new' });
    const text = await got;
    expect(text).toContain(`id: ${id}\nevent: incident.updated\ndata: {"id":"new"}\n\n`);
    expect(text).not.toContain('"old"');
  });

  it('resumes after Last-Event-ID with what was missed, in order, then live', async () => {
    const store = createMemoryStore();
    const hub = new FeedHub();
    const first = await publish(store, hub, 'incident.opened', { n: 1 });
    await publish(store, hub, 'incident.updated', { n: 2 });
    await publish(store, hub, 'incident.resolved', { n: 3 });
    const port = await serve(store, hub);
    const got = read(port, { 'last-event-id': String(first) }, (t) => t.includes('"n":4'));
    while (hub.size === 0) await new Promise((r) => setTimeout(r, 5));
    await publish(store, hub, 'incident.reopened', { n: 4 });
    const ns = [...(await got).matchAll(/"n":(\d)/g)].map((m) => Number(m[1]));
    expect(ns).toEqual([2, 3, 4]);
  });

  it('gives a client whose Last-Event-ID is ahead of this store (a reset store) the new entries', async () => {
    const store = createMemoryStore();
    const hub = new FeedHub();
    await publish(store, hub, 'incident.opened', { n: 1 });
    const port = await serve(store, hub);
    const got = read(port, { 'last-event-id': '999' }, (t) => t.includes('"n":3'));
    while (hub.size === 0) await new Promise((r) => setTimeout(r, 5));
    await publish(store, hub, 'incident.updated', { n: 2 });
    await publish(store, hub, 'incident.updated', { n: 3 });
    const ns = [...(await got).matchAll(/"n":(\d)/g)].map((m) => Number(m[1]));
    expect(ns).toEqual([2, 3]);
  });

  it('sends a comment line at the keep-alive interval and frees the listener on close', async () => {
    const store = createMemoryStore();
    const hub = new FeedHub();
    const port = await serve(store, hub, 50);
    const text = await read(port, {}, (t) => t.split(': keep-alive').length > 2);
    expect(text).toContain(': keep-alive\n\n');
    for (let i = 0; i < 100 && hub.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hub.size).toBe(0);
  });

  it('ends the stream at the next keep-alive once its token is no longer allowed', async () => {
    const store = createMemoryStore();
    const hub = new FeedHub();
    let allowed = true;
    const port = await serve(store, hub, 50, () => Promise.resolve(allowed));
    const ended = new Promise<string>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/v1/events' }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 120));
    allowed = false;
    expect(await ended).toContain(': keep-alive');
  });
});
