// The dashboard in a real Chromium against a real service: sign-in, a live incident reaching the
// grid and the list, the incident page's chart, publishing, and hostile text shown only as text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { burstRecords } from '../serve-live/burst.js';
import { streamInRealTime } from '../serve-live/scenario-stream.js';
import { openEvents, type SseStream } from '../serve-live/sse-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, type Browser } from './browser.js';
import { besideBurst, GEMINI_PAGE } from './incident-records.js';
import {
  HOSTILE,
  startDashboardService,
  TOKENS,
  type DashboardService,
} from './dashboard-service.js';

let served: DashboardService;
let browser: Browser;
let page: Page;
let events: SseStream;
const dialogs: string[] = [];
let incidentUrl = '';
/** When the scenario's first failing second began (record time = wall time here). */
let burstStartMs = 0;
const figures: Record<string, number> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  served = await startDashboardService();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  events = await openEvents(served.url, TOKENS.read);
}, 30_000);

afterAll(async () => {
  writeFileSync(new URL('figures.json', ARTIFACTS), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`dashboard figures: ${JSON.stringify(figures)}\n`);
  events?.close();
  await browser?.close();
  await served?.close();
});

/** Runs in the page (the test's tsconfig has no DOM types): pixels of a chart's canvas with ink. */
const inkedPixels = (chart: string): string => `(() => {
  const c = document.querySelector('figure[data-chart="${chart}"] canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
  return n;
})()`;

async function signIn(token: string): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${served.url}/`);
  await page.getByLabel('Read or admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).press('Enter');
}

describe('the dashboard in Chromium', () => {
  it('refuses an unknown or ingest token and signs in a read token with an HttpOnly cookie', async () => {
    await signIn('not-a-token');
    await expect(page.locator('#sign-in-error').textContent()).resolves.toContain('not known');
    await signIn(TOKENS.ingest);
    await expect(page.locator('#sign-in-error').textContent()).resolves.toContain('read or admin');
    await signIn(TOKENS.read);
    await page.getByText('viewer (read)').waitFor({ timeout: 5000 });
    const [cookie] = await browser.context.cookies();
    expect(cookie).toMatchObject({
      name: 'faultline_session',
      httpOnly: true,
      sameSite: 'Strict',
      secure: false,
    });
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    );
    figures.first_contentful_paint_ms = Math.round(paint);
    expect(paint).toBeGreaterThan(0);
    expect(paint).toBeLessThan(1000);
  });

  it('shows the status page beside the row, its hostile title as text only', async () => {
    const row = page.locator('tr.provider-row[data-provider="google"]');
    await row.getByText('Messages <img', { exact: false }).waitFor({ timeout: 8000 });
    expect(await row.textContent()).toContain(`Messages ${HOSTILE}`);
    expect(await row.textContent()).toContain(`Errors ${HOSTILE}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.evaluate("'pwned' in window")).toBe(false);
  });

  it('shows a live incident in the grid and the list within 5 s of the engine raising it', async () => {
    await signIn(TOKENS.admin);
    await page.getByText('oncall (admin)').waitFor({ timeout: 5000 });
    const startMs = Math.ceil(Date.now() / 1000) * 1000 + 500;
    burstStartMs = startMs;
    const records = burstRecords({
      startMs,
      seconds: 10,
      provider: 'google',
      model: 'gemini-2.5-pro',
    })
      .map((r) => (r.http_status === 500 ? { ...r, error_message: `upstream said ${HOSTILE}` } : r))
      .concat(besideBurst(startMs))
      .sort((a, b) => Date.parse(String(a.ts)) - Date.parse(String(b.ts)));
    let openedMs = 0;
    const opened = events
      .waitFor((f) => f.event === 'incident.opened', 25_000)
      .then((f) => (openedMs = f.wallMs));
    const streaming = streamInRealTime({
      url: served.url,
      token: TOKENS.ingest,
      records,
      stopWhen: () => openedMs > 0,
    });
    await opened;
    const cell = page.locator('tr.model-row[data-model="gemini-2.5-pro"] td.failing');
    await cell.first().waitFor({ timeout: 5000 });
    await page.locator('li.incident.open').first().waitFor({ timeout: 5000 });
    figures.engine_event_to_grid_ms = Math.max(0, Date.now() - openedMs);
    expect(figures.engine_event_to_grid_ms).toBeLessThan(5000);
    expect(await cell.first().textContent()).toMatch(/failing: server_error/);
    await page.screenshot({ path: new URL('grid.png', ARTIFACTS).pathname, fullPage: true });
    await streaming;
  }, 40_000);

  it('renders the incident page with drawn charts, marks, the status page lag and the error message as text', async () => {
    // The status page of another component moves after detection, claiming an earlier start.
    const moved = await fetch(`${served.url}/v1/records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.ingest}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        { ...GEMINI_PAGE, ts: burstStartMs - 5000, status: 'operational' },
        {
          ...GEMINI_PAGE,
          ts: Date.now(),
          status: 'partial_outage',
          page_started_at: new Date(burstStartMs).toISOString(),
        },
      ]),
    });
    expect(((await moved.json()) as { accepted: number }).accepted).toBe(2);
    await page.locator('li.incident.open a').first().press('Enter');
    await page.waitForURL(/\/incidents\//);
    incidentUrl = page.url();
    const failure = page.locator('figure[data-chart="failure-share"]');
    const latency = page.locator('figure[data-chart="latency"]');
    await failure.locator('canvas').waitFor({ timeout: 5000 });
    await latency.locator('canvas').waitFor({ timeout: 5000 });
    expect(await page.evaluate(inkedPixels('failure-share'))).toBeGreaterThan(100);
    expect(await page.evaluate(inkedPixels('latency'))).toBeGreaterThan(100);
    // The failing layer and p50/p95 are drawn series; uPlot lists each in its legend.
    expect(Number(await failure.getAttribute('data-series'))).toBe(1);
    expect(Number(await latency.getAttribute('data-series'))).toBe(2);
    expect(await failure.locator('.u-legend .u-series').count()).toBe(2);
    expect(await latency.locator('.u-legend .u-series').count()).toBe(3);
    const caption = (await failure.locator('figcaption').textContent()) ?? '';
    expect(caption).toMatch(/provider layer peaked at \d+%/);
    expect(await failure.locator('div[role="img"]').getAttribute('aria-label')).toBe(caption);
    // The page's lag in words, in the chart's summary and in the timeline.
    const lag =
      /Status page moved to partial_outage \d+ s after detection \(\d+ s after our first failures\); it claims the problem began at \d\d:\d\d UTC\./;
    expect(caption).toMatch(lag);
    expect(await page.locator('p.lag').textContent()).toMatch(lag);
    await page
      .locator('ol.timeline li[data-kind="status-page"]', { hasText: 'Gemini API partial_outage' })
      .waitFor({ timeout: 5000 });
    // The service's real breakers: the provider incident took the model's breaker out.
    const breaker = page.locator('ol.timeline li[data-kind="breaker"]', {
      hasText: 'breaker google/gemini-2.5-pro: closed → open (',
    });
    await breaker.first().waitFor({ timeout: 5000 });
    expect(await breaker.first().textContent()).toMatch(/^\d\d:\d\d:\d\d UTC breaker /);
    // Marks on the shared time axis, named in the key: not colour alone.
    const key = (await page.locator('ul.chart-key').textContent()) ?? '';
    for (const mark of [
      'started',
      'detected',
      'page: partial_outage',
      'page claims start',
      'breaker google/gemini-2.5-pro: open',
    ])
      expect(key).toContain(mark);
    expect(key).toMatch(/probe failed \([1-9]\d*\)/);
    expect(await page.locator('ul.chart-key li.mark.incident').count()).toBe(2);
    await page
      .getByRole('cell', { name: `upstream said ${HOSTILE}` })
      .first()
      .waitFor({ timeout: 5000 });
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: new URL('incident.png', ARTIFACTS).pathname, fullPage: true });
  });

  it('refuses a vague edit with the lint findings inline, then publishes the draft to /status', async () => {
    const card = page.locator('article.update[data-voice="public"]').first();
    await card.waitFor({ timeout: 5000 });
    const box = card.getByRole('textbox');
    const draft = await box.inputValue();
    await box.fill('We are aware of some issues and are looking into it.');
    await card.getByRole('button', { name: /Publish/ }).click();
    await card.locator('ul.findings li').first().waitFor({ timeout: 5000 });
    expect(await card.locator('ul.findings li').count()).toBeGreaterThan(0);
    await box.fill(draft);
    await card.getByRole('button', { name: /Publish/ }).click();
    await card.getByText('Published.').waitFor({ timeout: 5000 });
    await page
      .locator('article.update h4', { hasText: 'published' })
      .first()
      .waitFor({ timeout: 5000 });
    const status = await (await fetch(`${served.url}/status`)).text();
    expect(status).toContain(draft.slice(0, 40).replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    const atom = await (await fetch(`${served.url}/status/feed.atom`)).text();
    expect(atom).toContain(
      draft
        .slice(0, 40)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/'/g, '&apos;'),
    );
    await page.goto(`${served.url}/status`);
    await page.screenshot({ path: new URL('status.png', ARTIFACTS).pathname, fullPage: true });
    // The public page is complete without JavaScript: the published text is in the HTML itself.
    const plain = await launchBrowser({ javaScript: false });
    try {
      const noScript = plain.context.pages()[0] ?? (await plain.context.newPage());
      await noScript.goto(`${served.url}/status`);
      expect(await noScript.locator('body').innerText()).toContain(draft.slice(0, 40));
      expect(await noScript.locator('script').count()).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('shows a read token the updates without an editor', async () => {
    await signIn(TOKENS.read);
    await page.getByText('viewer (read)').waitFor({ timeout: 5000 });
    await page.goto(incidentUrl);
    await page.locator('article.update').first().waitFor({ timeout: 5000 });
    expect(await page.locator('article.update textarea').count()).toBe(0);
    expect(await page.locator('article.update p.update-text').count()).toBeGreaterThan(0);
  });
});
