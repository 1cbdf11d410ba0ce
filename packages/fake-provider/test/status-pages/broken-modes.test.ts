// Broken-source modes, set through the admin API: what a poller must read as "unknown".
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../src/index.js';

let fake: FakeProvider | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setPage(
  id: string,
  change: Record<string, unknown>,
  method = 'PATCH',
): Promise<Response> {
  return fetch(`${fake?.url}/_faultline/status-pages/${id}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
}

const SUMMARY = '/status/anthropic/api/v2/summary.json';

describe('broken status sources', () => {
  it('html: an HTML page with status 200', async () => {
    fake = await startFakeProvider();
    expect((await setPage('anthropic', { mode: 'html' })).status).toBe(200);
    const res = await fetch(fake.url + SUMMARY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('error: a 503 from the origin', async () => {
    fake = await startFakeProvider();
    await setPage('anthropic', { mode: 'error' });
    const res = await fetch(fake.url + SUMMARY);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('redirect: a 301 to an HTML page on the new platform', async () => {
    fake = await startFakeProvider();
    await setPage('anthropic', { mode: 'redirect' });
    const manual = await fetch(fake.url + SUMMARY, { redirect: 'manual' });
    expect(manual.status).toBe(301);
    expect(manual.headers.get('location')).toBe('/status/anthropic/moved');
    const followed = await fetch(fake.url + SUMMARY);
    expect(followed.redirected).toBe(true);
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('challenge: a Cloudflare-style managed challenge', async () => {
    fake = await startFakeProvider();
    await setPage('anthropic', { mode: 'challenge' });
    const res = await fetch(fake.url + SUMMARY);
    expect(res.status).toBe(403);
    expect(res.headers.get('cf-mitigated')).toBe('challenge');
    expect(await res.text()).toContain('<title>Just a moment...</title>');
  });

  it('slow: the document only after slowMs, so a shorter client deadline fires', async () => {
    fake = await startFakeProvider();
    await setPage('anthropic', { mode: 'slow', slowMs: 400 });
    await expect(fetch(fake.url + SUMMARY, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const started = Date.now();
    const res = await fetch(fake.url + SUMMARY);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(await res.json()).toHaveProperty('components');
  });

  it('ok again serves the JSON document', async () => {
    fake = await startFakeProvider({ statusPages: [{ id: 'anthropic', mode: 'error' }] });
    expect((await fetch(fake.url + SUMMARY)).status).toBe(503);
    await setPage('anthropic', { mode: 'ok' });
    const res = await fetch(fake.url + SUMMARY);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('status pages admin API', () => {
  it('lists pages with what they show, and refuses bad settings with every problem', async () => {
    fake = await startFakeProvider();
    const list = (await (await fetch(`${fake.url}/_faultline/status-pages`)).json()) as {
      pages: { id: string; kind: string; path: string }[];
    };
    expect(list.pages.map((p) => [p.id, p.kind])).toEqual([
      ['anthropic', 'statuspage'],
      ['openai', 'incidentio'],
      ['google', 'google-cloud'],
      ['bedrock-feed', 'rss'],
    ]);
    const bad = await setPage('anthropic', { mode: 'broken', lag: 'soon', colour: 1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: string[] }).problems).toEqual([
      'mode: must be one of ok, html, error, slow, redirect, challenge',
      'lag: must be 0, seconds, or a duration such as "90s", "10m"',
      'colour: unknown field',
    ]);
    expect((await setPage('mine', { lag: 5 }, 'PUT')).status).toBe(400);
  });

  it('adds a page with PUT and serves it under /status/{id}', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ now: () => nowMs });
    const put = await setPage(
      'sonnet',
      {
        kind: 'statuspage',
        provider: 'anthropic',
        lag: '1m',
        components: [{ name: 'Sonnet', models: ['claude-sonnet-*'] }],
      },
      'PUT',
    );
    expect(put.status).toBe(200);
    fake.addFaults({
      provider: 'anthropic',
      model: 'claude-opus-4-7',
      fault: { kind: 'overload' },
    });
    nowMs += 2 * 60_000;
    const read = async (): Promise<string> =>
      (
        (await (await fetch(`${fake?.url}/status/sonnet/api/v2/summary.json`)).json()) as {
          components: { status: string }[];
        }
      ).components[0]?.status ?? '';
    expect(await read()).toBe('operational');
    fake.addFaults({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      fault: { kind: 'latency', ms: 10 },
    });
    nowMs += 2 * 60_000;
    expect(await read()).toBe('degraded_performance');
    expect(
      (await fetch(`${fake.url}/_faultline/status-pages/sonnet`, { method: 'DELETE' })).status,
    ).toBe(200);
    expect((await fetch(`${fake.url}/status/sonnet/api/v2/summary.json`)).status).toBe(404);
  });
});
