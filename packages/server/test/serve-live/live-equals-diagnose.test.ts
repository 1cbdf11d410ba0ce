// A scenario streamed live into `faultline serve` yields what `faultline diagnose` finds on the same records.
import { afterAll, describe, expect, it } from 'vitest';
import { parseTimestamp } from '@faultline/core';
import { generateScenario } from '@faultline/scenarios';
import { diagnoseJson, identity, type IncidentIdentity } from './diagnose-json.js';
import { metricSum } from './metrics-text.js';
import { restamp, streamInRealTime } from './scenario-stream.js';
import { serveDir, startServe, TOKENS, type Served } from './spawn-serve.js';
import { openEvents } from './sse-client.js';

// Two providers failing at once: the first incident opens ~30–37 s in, the second ~60–67 s in.
const SCENARIO = 'two-providers-at-once';
const OPTIONS = { seed: 1, durationMs: 150_000 } as const;
/** The stream is cut here at the latest (scenario time); both incidents open before it. */
const CUT_MS = 80_000;
const EXPECTED_INCIDENTS = 2;

const dir = serveDir('faultline-live-');
let served: Served | undefined;
afterAll(async () => {
  await served?.stop();
  dir.cleanup();
});

const auth = { authorization: `Bearer ${TOKENS.read}` };

describe('faultline serve, live, against faultline diagnose', () => {
  it(`finds the incidents of ${SCENARIO} that diagnose finds, on time, in every view`, async () => {
    served = await startServe(dir.writeConfig(), dir.dir);
    const events = await openEvents(served.url, TOKENS.read);
    expect(events.contentType).toMatch(/^text\/event-stream/);
    // The scenario starts on the next whole second, so its first batch is not late.
    const startMs = Math.ceil(Date.now() / 1000) * 1000 + 1000;
    const records = restamp(generateScenario(SCENARIO, OPTIONS), startMs).filter(
      (r) => (parseTimestamp(r.ts) ?? 0) < startMs + CUT_MS,
    );
    const opened = (): number => events.frames.filter((f) => f.event === 'incident.opened').length;
    const { sent, dropped } = await streamInRealTime({
      url: served.url,
      token: TOKENS.ingest,
      records,
      // Cut a few seconds after the last expected opening: what came after it cannot change it.
      stopWhen: () => opened() >= EXPECTED_INCIDENTS && cutAfter(events.frames.at(-1)!.wallMs),
    });
    expect(dropped).toBe(0);

    const offline = await diagnoseJson(dir.dir, sent);
    expect(offline).toHaveLength(EXPECTED_INCIDENTS);
    const list = (await (await fetch(`${served.url}/v1/incidents`, { headers: auth })).json()) as {
      incidents: (IncidentIdentity & { state: string })[];
    };
    expect(list.incidents.map(identity).sort()).toEqual(offline.map(identity).sort());

    for (const want of offline) {
      const live = list.incidents.find((i) => identity(i) === identity(want))!;
      const deltaMs = Date.parse(live.detected_at) - Date.parse(want.detected_at);
      expect(Math.abs(deltaMs), `${want.id} detection delta`).toBeLessThanOrEqual(10_000);
      // On the event stream no later than 10 s (wall) after the replay's detection time (its
      // models may grow in later updates, so the opening is found by the incident's id).
      const frame = await events.waitFor(
        (f) =>
          f.event === 'incident.opened' && (JSON.parse(f.data) as { id: string }).id === live.id,
        1000,
      );
      expect(frame.wallMs - Date.parse(want.detected_at), want.id).toBeLessThanOrEqual(10_000);
    }

    const metrics = await (await fetch(`${served.url}/metrics`)).text();
    for (const want of offline) {
      const labels = { layer: want.layer, scope: want.scope, provider: want.provider ?? 'all' };
      expect(metricSum(metrics, 'faultline_open_incidents', labels), want.id).toBe(1);
    }
    expect(metricSum(metrics, 'faultline_calls_total', {})).toBe(sent.length);
    events.close();
  }, 120_000);
});

/** True once 3 s passed since `sinceMs` (a batch in flight lands, nothing more is needed). */
function cutAfter(sinceMs: number): boolean {
  return Date.now() - sinceMs >= 3000;
}
