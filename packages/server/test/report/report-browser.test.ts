// A report file opened from file:// in Debian's Chromium with every other request aborted and
// counted: the incident list, an incident page with its chart and drafted updates, read-only,
// and hostile text in a model name, an error message and a status title shown only as text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, type Browser } from '../dashboard/browser.js';
import { HOSTILE, HOSTILE_MODEL, hostileOverloadLines, runCli } from './report-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-report-browser-'));
const out = join(dir, 'report.html');
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
/** Every request for anything but the report file itself. */
const foreign: string[] = [];
/** Console errors (a load the page's CSP refused shows here) and uncaught exceptions. */
const problems: string[] = [];

/** Runs in the page (the test's tsconfig has no DOM types): pixels of the first chart with ink. */
const INKED_PIXELS = `(() => {
  const c = document.querySelector('.chart canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
  return n;
})()`;

beforeAll(async () => {
  const input = join(dir, 'overload.jsonl');
  writeFileSync(input, hostileOverloadLines().join('\n') + '\n');
  const r = await runCli(['report', input, '--html', out]);
  expect(r.code).toBe(0);
  browser = await launchBrowser();
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === pathToFileURL(out).href) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 40_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function noInjection(): Promise<void> {
  expect(await page.locator('img').count()).toBe(0);
  // The inlined module and the data: no script element came from the records.
  expect(await page.locator('script').count()).toBe(2);
  expect(await page.evaluate("'pwned' in window")).toBe(false);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
}

describe('a report file in Chromium', () => {
  it('lists the incident, the hostile model name as text, with no request made', async () => {
    await page.goto(pathToFileURL(out).href);
    const link = page.locator('ul.incidents li a').first();
    await link.waitFor({ timeout: 5000 });
    expect(await page.locator('ul.incidents li').count()).toBe(1);
    expect(await page.locator('ul.incidents li').textContent()).toContain(HOSTILE_MODEL);
    await expect(page.locator('.report-summary').textContent()).resolves.toMatch(
      /Offline replay of overload\.jsonl: [\d,]+ records/,
    );
    await noInjection();
    expect(foreign).toEqual([]);
  });

  it('opens the incident page on a hash route: chart drawn, updates read-only, text as text', async () => {
    await page.locator('ul.incidents li a').first().press('Enter');
    await page.waitForURL(/#\/incidents\/inc-/);
    expect(page.url().startsWith(pathToFileURL(out).href)).toBe(true);
    await page.locator('.chart canvas').first().waitFor({ timeout: 5000 });
    expect(await page.evaluate(INKED_PIXELS)).toBeGreaterThan(100);
    const drafted = page.locator('article.update[data-stage="resolved"][data-voice="public"]');
    await expect(drafted.locator('.update-text').textContent()).resolves.toMatch(/Anthropic/);
    expect(await page.locator('textarea').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    await page
      .getByRole('cell', { name: `Overloaded ${HOSTILE}` })
      .first()
      .waitFor();
    await expect(page.locator('#report-window').textContent()).resolves.toMatch(
      /calls and [\d,]+ of [\d,]+ status readings in this file/,
    );
    await noInjection();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: new URL('report-incident.png', ARTIFACTS).pathname,
      fullPage: true,
    });
    expect(foreign).toEqual([]);
  });

  it('goes back to the list by its link, and the skip link stays on the page', async () => {
    await page.getByRole('link', { name: '← All incidents' }).click();
    await page.waitForURL(/#\/$/);
    await page.locator('ul.incidents').waitFor({ timeout: 5000 });
    await page.locator('a.skip').focus();
    await page.keyboard.press('Enter');
    expect(page.url().endsWith('#/')).toBe(true);
    expect(problems).toEqual([]);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
    expect(foreign).toEqual([]);
  });
});
