// Poller bandwidth over an hour of simulated polling (60 s interval, the page changing twice),
// with conditional GET and without: the figure for issue 10's note, printed and checked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStatusPoller } from '../../src/status-pages/index.js';
import { fixture, startPageServer, type PageServer } from './page-server.js';

let page: PageServer;
beforeAll(async () => {
  page = await startPageServer();
});
afterAll(() => page.close());

const VERSIONS = [
  fixture('statuspage-summary-healthy.json'),
  fixture('statuspage-summary-degraded.json'),
  fixture('statuspage-summary-healthy.json').replace(
    '2026-10-14T09:12:03.511Z',
    '2026-10-14T16:05:30.004Z',
  ),
];

async function simulateHour(path: string, validators: boolean) {
  let nowMs = Date.parse('2026-10-14T14:00:00Z');
  let changes = 0;
  const poller = createStatusPoller({
    source: {
      provider: 'example',
      kind: 'statuspage',
      url: `${page.url}${path}`,
      every: 60_000,
      components: {},
    },
    fetch,
    now: () => nowMs,
    random: () => 0.5,
    setTimer: () => () => undefined,
    onObservations: () => (changes += 1),
    onSourceState: () => undefined,
  });
  const wire = page.wireBytes();
  const body = page.bodyBytes();
  for (let minute = 0; minute < 60; minute += 1) {
    // The page changes at minute 20 and minute 40.
    const v = minute < 20 ? 0 : minute < 40 ? 1 : 2;
    const text = VERSIONS[v] ?? '';
    page.set(path, {
      type: 'application/json',
      body: text,
      ...(validators
        ? {
            etag: `"v${v}"`,
            lastModified: new Date(
              Date.parse('2026-10-14T14:00:00Z') + v * 1_200_000,
            ).toUTCString(),
          }
        : {}),
    });
    await poller.pollNow();
    nowMs += 60_000;
  }
  await poller.shutdown();
  return { wire: page.wireBytes() - wire, body: page.bodyBytes() - body, changes };
}

it('conditional GET cuts an hour of 60 s polling to three bodies', async () => {
  const plain = await simulateHour('/plain/api/v2/summary.json', false);
  const conditional = await simulateHour('/cond/api/v2/summary.json', true);
  const docBytes = Buffer.byteLength(VERSIONS[0] ?? '');
  expect(conditional.body).toBe(2 * docBytes + Buffer.byteLength(VERSIONS[1] ?? ''));
  expect(plain.body).toBe(40 * docBytes + 20 * Buffer.byteLength(VERSIONS[1] ?? ''));
  expect(conditional.changes).toBe(plain.changes);
  expect(conditional.wire).toBeLessThan(plain.wire / 5);
  process.stdout.write(
    [
      'poller bandwidth, 1 h at 60 s (60 polls), page changing twice, server → poller:',
      `  without conditional GET: ${plain.body} body bytes, ${plain.wire} bytes on the wire`,
      `  with conditional GET:    ${conditional.body} body bytes, ${conditional.wire} bytes on the wire`,
      `  saved: ${(100 * (1 - conditional.wire / plain.wire)).toFixed(1)}% of wire bytes`,
      '',
    ].join('\n'),
  );
});
