// Conditional GET on the fake pages: 304 with no body while unchanged, 200 once the page moves.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../src/index.js';

let fake: FakeProvider | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const PATHS = [
  '/status/anthropic/api/v2/summary.json',
  '/status/openai/proxy/status.openai.com',
  '/status/google/incidents.json',
  '/status/bedrock-feed',
];

describe('conditional GET on status pages', () => {
  it.each(PATHS)('%s: 304 on If-None-Match until the page changes', async (path) => {
    let nowMs = Date.UTC(2026, 10, 22, 4, 0, 0);
    fake = await startFakeProvider({ now: () => nowMs });
    const first = await fetch(fake.url + path);
    const etag = first.headers.get('etag') ?? '';
    const body = await first.text();
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

    nowMs += 60_000;
    const again = await fetch(fake.url + path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    fake.addFaults({ fault: { kind: 'overload' } });
    nowMs += 5 * 60_000; // inside the lag: nothing shown yet, nothing changed
    expect((await fetch(fake.url + path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    nowMs += 6 * 60_000;
    const moved = await fetch(fake.url + path, { headers: { 'if-none-match': etag } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(await moved.text()).not.toBe(body);
  });

  it('honours If-Modified-Since against Last-Modified when no If-None-Match is sent', async () => {
    let nowMs = Date.UTC(2026, 10, 22, 4, 0, 0);
    fake = await startFakeProvider({ now: () => nowMs });
    const path = `${fake.url}/status/anthropic/api/v2/summary.json`;
    fake.addFaults({ provider: 'anthropic', fault: { kind: 'overload' } });
    nowMs += 11 * 60_000;
    const first = await fetch(path);
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(Date.parse(lastModified)).toBe(Date.UTC(2026, 10, 22, 4, 10, 0));
    const same = await fetch(path, { headers: { 'if-modified-since': lastModified } });
    expect(same.status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await fetch(path, { headers: { 'if-modified-since': older } })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    const both = await fetch(path, {
      headers: { 'if-modified-since': lastModified, 'if-none-match': '"stale"' },
    });
    expect(both.status).toBe(200);
  });
});
