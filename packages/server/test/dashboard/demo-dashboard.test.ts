// `faultline demo --keep` leaves a dashboard showing the demo's incident with its charts: the built
// CLI as a child process, its printed URL and read token, a sign-in in Chromium, then SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, type Browser } from './browser.js';

const CLI = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

/** Pixels with ink on a chart's canvas (runs in the page; the test's tsconfig has no DOM types). */
const inked = (chart: string): string => `(() => {
  const c = document.querySelector('figure[data-chart="${chart}"] canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
  return n;
})()`;

/** The demo as a child process, with what it printed so far. */
interface Demo {
  readonly child: ChildProcess;
  readonly out: () => string;
  readonly err: () => string;
  readonly exited: Promise<number | null>;
}

function startDemo(): Demo {
  const child = spawn(process.execPath, [CLI, 'demo', '--keep', '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return { child, out: () => stdout, err: () => stderr, exited };
}

/** Resolves once the demo says it keeps serving; rejects if it exits first. */
async function serving(demo: Demo): Promise<string> {
  while (!/Press Ctrl-C to stop it\.\n/.test(demo.out())) {
    if (demo.child.exitCode !== null)
      throw new Error(`demo exited early:\n${demo.out()}\n${demo.err()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return demo.out();
}

let demo: Demo | undefined;
let browser: Browser | undefined;
let store: string | undefined;

afterAll(async () => {
  await browser?.close();
  demo?.child.kill('SIGKILL');
  if (store !== undefined) rmSync(store, { recursive: true, force: true });
});

describe('faultline demo --keep', () => {
  it('leaves a dashboard showing the demo incident with charts, until SIGINT', async () => {
    demo = startDemo();
    const out = await serving(demo);
    const url = /^ {2}url {5}(http:\/\/127\.0\.0\.1:\d+)\//m.exec(out)?.[1];
    const read = /^ {2}read {4}(fl_read_\S+)$/m.exec(out)?.[1];
    store = /^ {2}store {3}(\S+)/m.exec(out)?.[1];
    expect(url, out).toBeDefined();
    expect(read, out).toBeDefined();
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${url!}/`);
    await page.getByLabel('Read or admin token').fill(read!);
    await page.getByRole('button', { name: 'Sign in' }).press('Enter');
    await page.locator('li.incident a').first().click({ timeout: 10_000 });
    await page.waitForURL(/\/incidents\/inc-/);
    for (const chart of ['failure-share', 'latency']) {
      await page.locator(`figure[data-chart="${chart}"] canvas`).waitFor({ timeout: 10_000 });
      expect(await page.evaluate(inked(chart)), chart).toBeGreaterThan(500);
    }
    const caption = await page
      .locator('figure[data-chart="failure-share"] figcaption')
      .textContent();
    expect(caption).toMatch(/provider layer peaked at \d+%/);
    expect(caption).toMatch(/[1-9]\d* of \d+ probes failed/);
    // The fake status page moves 9 minutes after the first failures and claims the true start.
    expect(await page.locator('p.lag').textContent()).toMatch(
      /^Status page moved to \w+ \d+ min after detection \(9 min after our first failures\); it claims the problem began at \d\d:\d\d UTC\.$/,
    );
    const key = (await page.locator('ul.chart-key').textContent()) ?? '';
    for (const mark of ['started', 'detected', 'resolved', 'page claims start', 'shaded band'])
      expect(key).toContain(mark);
    await page.screenshot({
      path: new URL('demo-incident.png', ARTIFACTS).pathname,
      fullPage: true,
    });
    demo.child.kill('SIGINT');
    expect(await demo.exited, demo.err()).toBe(0);
  }, 150_000);
});
