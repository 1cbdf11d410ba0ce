#!/usr/bin/env node
// The README's dashboard screenshots: runs `faultline demo --keep`, signs in with the admin token it
// printed, and saves the grid and the demo incident's page as PNGs; then stops the demo with SIGINT.
//
//   npx tsc -b packages/server && npm run build:dashboard --workspace=faultline
//   node scripts/screenshot-dashboard.mjs [--out docs/img]
//
// Needs Chromium at /usr/bin/chromium (Debian's `chromium` package), driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/server/bin/faultline.js');
const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/img' } } });
const out = resolve(ROOT, values.out);
mkdirSync(out, { recursive: true });

/** Starts the demo and resolves with its URL, admin token and store once it keeps serving. */
function startDemo() {
  const child = spawn(process.execPath, [CLI, 'demo', '--keep', '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CI: 'true' },
  });
  let text = '';
  const ready = new Promise((res, rej) => {
    child.stdout.setEncoding('utf8').on('data', (d) => {
      text += d;
      if (!/Press Ctrl-C to stop it\.\n/.test(text)) return;
      const url = /^ {2}url {5}(http:\/\/\S+?)\/? /m.exec(text)?.[1];
      const admin = /^ {2}admin {3}(fl_admin_\S+)$/m.exec(text)?.[1];
      const store = /^ {2}store {3}(\S+)/m.exec(text)?.[1];
      if (url === undefined || admin === undefined) rej(new Error(`no URL or token in:\n${text}`));
      else res({ url, admin, store });
    });
    child.on('exit', (code) => rej(new Error(`demo exited with ${code} before serving:\n${text}`)));
  });
  return { child, ready };
}

const demo = startDemo();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
let store;
try {
  const { url, admin, store: dir } = await demo.ready;
  store = dir;
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${url}/`);
  await page.getByLabel('Read or admin token').fill(admin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('li.incident a').first().waitFor({ timeout: 10_000 });
  await page.locator('tr.provider-row').first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(out, 'dashboard-grid.png') });
  await page.locator('li.incident a').first().click();
  await page.locator('figure[data-chart="latency"] canvas').waitFor({ timeout: 10_000 });
  // The verdict, the charts with their key and the timeline: what a README reader needs.
  const top = await page.locator('article.incident-page').boundingBox();
  const end = await page.locator('ol.timeline').boundingBox();
  await page.screenshot({
    path: join(out, 'dashboard-incident.png'),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1200, height: Math.ceil(end.y + end.height - top.y + top.y + 16) },
  });
  console.log(
    `wrote ${join(out, 'dashboard-grid.png')} and ${join(out, 'dashboard-incident.png')}`,
  );
} finally {
  await browser.close();
  demo.child.kill('SIGINT');
  await new Promise((r) => demo.child.once('close', r));
  if (store !== undefined) rmSync(store, { recursive: true, force: true });
}
