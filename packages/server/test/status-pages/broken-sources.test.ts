// A page that is not what its kind expects marks the source unknown, with the reason, never a status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusSource, type StatusPageEntry } from '../../src/status-pages/index.js';
import { fixture, startPageServer, type PageDoc, type PageServer } from './page-server.js';

let page: PageServer;
let other: PageServer;
beforeAll(async () => {
  [page, other] = await Promise.all([startPageServer(), startPageServer()]);
});
afterAll(async () => {
  await Promise.all([page.close(), other.close()]);
});

const SUMMARY = '/api/v2/summary.json';

function source(
  kind: StatusPageEntry['kind'] = 'statuspage',
  opts: { timeoutMs?: number; maxBodyBytes?: number } = {},
) {
  return createStatusSource({ entry: { kind, url: page.url }, fetch, now: Date.now, ...opts });
}

async function readWith(doc: PageDoc, kind: StatusPageEntry['kind'] = 'statuspage', opts = {}) {
  page.set(kind === 'google-cloud' ? '/incidents.json' : SUMMARY, doc);
  return source(kind, opts).read({});
}

describe('broken status sources', () => {
  it('an HTML page with 200 is unknown (html), not degraded', async () => {
    const r = await readWith({
      type: 'text/html',
      body: '<!doctype html><title>Status</title><p>Degraded</p>',
    });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'html' });
  });

  it('HTML served as application/json is still HTML', async () => {
    const r = await readWith({ type: 'application/json', body: '<html><body>moved</body></html>' });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'html' });
  });

  it('a Cloudflare-like challenge page is unknown (challenge), by header or by its markers', async () => {
    const body =
      '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>';
    expect(
      await readWith({
        status: 403,
        type: 'text/html',
        body,
        headers: { 'cf-mitigated': 'challenge' },
      }),
    ).toMatchObject({ reason: 'challenge' });
    expect(await readWith({ status: 200, type: 'text/html', body })).toMatchObject({
      reason: 'challenge',
    });
  });

  it('a 5xx is unknown (http_error) with its status', async () => {
    const r = await readWith({
      status: 503,
      type: 'application/json',
      body: '{"error":"unavailable"}',
    });
    expect(r).toEqual({ kind: 'unknown', reason: 'http_error', detail: 'HTTP 503' });
  });

  it('a page slower than the deadline is unknown (timeout)', async () => {
    const started = Date.now();
    const r = await readWith(
      { type: 'application/json', body: fixture('statuspage-summary-healthy.json'), delayMs: 2000 },
      'statuspage',
      { timeoutMs: 150 },
    );
    expect(r).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a same-host redirect to an HTML page is unknown (html)', async () => {
    page.set('/moved', {
      type: 'text/html',
      body: '<!doctype html><h1>We moved to a new status page</h1>',
    });
    const r = await readWith({ status: 301, body: '', headers: { location: '/moved' } });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'html' });
  });

  it('a same-host redirect to the JSON document is followed', async () => {
    page.set('/v2/summary.json', {
      type: 'application/json',
      body: fixture('statuspage-summary-healthy.json'),
    });
    const r = await readWith({ status: 308, body: '', headers: { location: '/v2/summary.json' } });
    expect(r).toMatchObject({ kind: 'read' });
  });

  it('a redirect to another host is unknown (redirect) even when that host serves good JSON', async () => {
    other.set(SUMMARY, {
      type: 'application/json',
      body: fixture('statuspage-summary-healthy.json'),
    });
    const r = await readWith({
      status: 301,
      body: '',
      headers: { location: `${other.url}${SUMMARY}` },
    });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'redirect' });
    expect(other.requests()).toHaveLength(0);
  });

  it('a redirect loop stops after a few hops', async () => {
    const r = await readWith({ status: 302, body: '', headers: { location: SUMMARY } });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'redirect', detail: 'too many redirects' });
  });

  it('a body over the limit is unknown (too_large), declared length or streamed', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(64 * 1024) });
    expect(
      await readWith({ type: 'application/json', body: big }, 'statuspage', {
        maxBodyBytes: 16 * 1024,
      }),
    ).toMatchObject({ reason: 'too_large' });
    const chunked = await readWith(
      { type: 'application/json', body: big, headers: { 'transfer-encoding': 'chunked' } },
      'statuspage',
      { maxBodyBytes: 16 * 1024 },
    );
    expect(chunked).toMatchObject({ reason: 'too_large' });
  });

  it('a body that is not JSON at all is unknown (not_json)', async () => {
    expect(await readWith({ type: 'application/json', body: 'status: ok' })).toMatchObject({
      reason: 'not_json',
    });
    expect(await readWith({ type: 'application/xml', body: '<rss/>' })).toMatchObject({
      reason: 'not_json',
    });
  });

  it('a refused connection is unknown (network)', async () => {
    const closed = await startPageServer();
    const url = closed.url;
    await closed.close();
    const r = await createStatusSource({
      entry: { kind: 'statuspage', url },
      fetch,
      now: Date.now,
    }).read({});
    expect(r).toMatchObject({ kind: 'unknown', reason: 'network', detail: 'ECONNREFUSED' });
  });
});
