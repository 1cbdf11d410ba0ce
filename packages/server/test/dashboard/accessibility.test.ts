// The dashboard and /status under axe-core's WCAG 2.1 A/AA rules in Chromium, driven by keyboard
// alone where a person would: sign in, open the incident, reach the editor, toggle the history range.
import { burstRecords } from '../serve-live/burst.js';
import { streamInRealTime } from '../serve-live/scenario-stream.js';
import { openEvents, type SseStream } from '../serve-live/sse-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser, type Browser } from './browser.js';
import { besideBurst } from './incident-records.js';
import { startDashboardService, TOKENS, type DashboardService } from './dashboard-service.js';

let served: DashboardService;
let browser: Browser;
let page: Page;
let events: SseStream;
/** Every violation seen, of any impact, printed at the end so a reader can fix the minor ones too. */
const seen: string[] = [];

beforeAll(async () => {
  served = await startDashboardService();
  // axe-core arrives as an inline script, which the pages' Content-Security-Policy refuses.
  browser = await launchBrowser({ bypassCSP: true });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  events = await openEvents(served.url, TOKENS.read);
}, 30_000);

afterAll(async () => {
  if (seen.length > 0) process.stdout.write(`axe findings:\n${seen.join('\n')}\n`);
  events?.close();
  await browser?.close();
  await served?.close();
});

/** Fails on any serious or critical violation, listing each with its nodes' selectors. */
async function expectAccessible(where: string): Promise<void> {
  const found = await axeViolations(page);
  if (found.length > 0) seen.push(describeViolations(where, found));
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, describeViolations(where, bad)).toEqual([]);
}

/** Presses Tab until `selector` holds the focus (at most `max` times); fails if it never does. */
async function tabTo(selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
  }
  throw new Error(`${max} presses of Tab never reached ${selector}`);
}

/**
 * Runs in the page: the focused element's ring (outline width and style, box shadow) and the
 * contrast of the outline's colour with the first opaque background behind the element.
 */
const FOCUS_RING = `(() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let under = el.parentElement;
  while (under && (rgb(getComputedStyle(under).backgroundColor)[3] ?? 1) === 0) under = under.parentElement;
  const back = under ? getComputedStyle(under).backgroundColor : 'rgb(255, 255, 255)';
  const [hi, lo] = [lum(s.outlineColor), lum(back)].sort((a, b) => b - a);
  return {
    tag: el.tagName, outline: parseFloat(s.outlineWidth) || 0, style: s.outlineStyle,
    shadow: s.boxShadow, contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
  };
})()`;

/** Visible focus: a ring of outline (contrast ≥ 3:1 with the page behind it) or box shadow. */
async function expectVisibleFocus(): Promise<void> {
  const ring = await page.evaluate<{
    outline: number;
    style: string;
    shadow: string;
    contrast: number;
  }>(FOCUS_RING);
  const outlined = ring.outline > 0 && ring.style !== 'none' && ring.contrast >= 3;
  expect(outlined || ring.shadow !== 'none', JSON.stringify(ring)).toBe(true);
}

/** Runs in the page: whether the document itself is wider than the window. */
const PAGE_SCROLLS_SIDEWAYS = `document.documentElement.scrollWidth > document.documentElement.clientWidth`;

/** Streams a burst of failures until the engine opens an incident, as dashboard.test.ts does. */
async function raiseIncident(): Promise<void> {
  const startMs = Math.ceil(Date.now() / 1000) * 1000 + 500;
  const records = burstRecords({
    startMs,
    seconds: 10,
    provider: 'google',
    model: 'gemini-2.5-pro',
  })
    .concat(besideBurst(startMs))
    .sort((a, b) => Date.parse(String(a.ts)) - Date.parse(String(b.ts)));
  let opened = false;
  const waiting = events.waitFor((f) => f.event === 'incident.opened', 25_000);
  const streaming = streamInRealTime({
    url: served.url,
    token: TOKENS.ingest,
    records,
    stopWhen: () => opened,
  });
  await waiting;
  opened = true;
  await streaming;
}

describe('accessibility of the dashboard and /status in Chromium', () => {
  it('/status with no incident, and the sign-in page, pass axe; the keyboard signs in', async () => {
    await page.goto(`${served.url}/status`);
    await expectAccessible('/status (no incident)');
    // The harness sees what it should: an image without alt text is a critical violation.
    await page.evaluate(`document.querySelector('main').append(document.createElement('img'))`);
    const flagged = await axeViolations(page);
    expect(flagged.map((v) => `${v.id} ${v.impact ?? ''}`)).toContain('image-alt critical');
    await page.goto(`${served.url}/`);
    await expectAccessible('sign-in page');
    await page.locator('#token').blur();
    await tabTo('#token', 5);
    await expectVisibleFocus();
    await page.keyboard.type(TOKENS.admin);
    await page.keyboard.press('Enter');
    await page.getByText('oncall (admin)').waitFor({ timeout: 5000 });
  });

  it('the overview passes axe, says every layer in words, and its links and buttons work by keyboard', async () => {
    await raiseIncident();
    await page.locator('li.incident.open a').first().waitFor({ timeout: 5000 });
    await page.locator('tr.model-row td.failing').first().waitFor({ timeout: 5000 });
    await page
      .locator('section[aria-labelledby="history-h"] figcaption', { hasText: 'calls' })
      .waitFor({ timeout: 5000 });
    await expectAccessible('overview');
    expect(await page.title()).toBe('Overview — Faultline');
    // Reflow at 320 CSS px (400% zoom): the wide grid scrolls in its own region, not the page.
    await page.setViewportSize({ width: 320, height: 900 });
    await expect.poll(() => page.evaluate(PAGE_SCROLLS_SIDEWAYS), { timeout: 2000 }).toBe(false);
    expect(await page.evaluate(`document.querySelector('.table-scroll').scrollWidth > 320`)).toBe(
      true,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    // Not colour alone: each layer cell and each state says what it is.
    const cells = await page.locator('table.grid td.cell').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const text of cells) expect(text).toMatch(/^(✓ ok|✗ failing: \S+)$/);
    const states = await page.locator('table.grid span.state').allTextContents();
    for (const text of states) expect(text).toMatch(/^[✓✗!] \w+$/);
    // History range: reachable by Tab, toggled by Enter and by Space.
    const range = (label: string): ReturnType<Page['getByRole']> =>
      page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: label });
    await page.locator('body').focus();
    await tabTo('button[aria-pressed]:text-is("6 hours")');
    await expectVisibleFocus();
    await page.keyboard.press('Enter');
    await expect(range('6 hours').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(range('24 hours').getAttribute('aria-pressed')).resolves.toBe('false');
    await tabTo('button[aria-pressed]:text-is("7 days")', 3);
    await page.keyboard.press('Space');
    await expect(range('7 days').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(range('6 hours').getAttribute('aria-pressed')).resolves.toBe('false');
    // The incident list's link: reachable by Tab from the top, Enter opens the incident.
    await page.goto(`${served.url}/`);
    await page.locator('li.incident.open a').first().waitFor({ timeout: 5000 });
    await tabTo('li.incident.open a');
    await expectVisibleFocus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/incidents\//);
  }, 40_000);

  it('the incident page with charts and the editor passes axe; Tab reaches the textarea and Publish', async () => {
    await page.locator('figure[data-chart="failure-share"] canvas').waitFor({ timeout: 5000 });
    await page.locator('figure[data-chart="latency"] canvas').waitFor({ timeout: 5000 });
    const card = page.locator('article.update[data-voice="public"]').first();
    await card.locator('textarea').waitFor({ timeout: 5000 });
    await expectAccessible('incident page (admin)');
    expect(await page.title()).toMatch(/^inc-\S+ — Faultline$/);
    await page.locator('body').focus();
    await tabTo('article.update[data-voice="public"] textarea', 120);
    await expectVisibleFocus();
    await tabTo('article.update[data-voice="public"] button[type="submit"]', 2);
    await expectVisibleFocus();
    await page.keyboard.press('Enter');
    await card.getByText('Published.').waitFor({ timeout: 5000 });
    await expectAccessible('incident page after publishing');
  });

  it('/status with a published update passes axe', async () => {
    await page.goto(`${served.url}/status`);
    await page.locator('ol.updates li').first().waitFor({ timeout: 5000 });
    await expectAccessible('/status (published update)');
  });
});
