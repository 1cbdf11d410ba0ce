// The seeded page the status-page tests read: three components (one with a hostile name), five
// incidents across the 90 days (open, resolved, unpublished, global, out of the window).
import { DAY, HOUR, T0, startStatusRig, type StatusRig } from './status-rig.js';

export const EVIL = '<img src=x onerror=alert(1)>';
export const BREAK = '</script><script>';
export const EVIL_HTML = '&lt;img src=x onerror=alert(1)&gt;';
export const BREAK_HTML = '&lt;/script&gt;&lt;script&gt;';
export const WRITING = `Writing ${EVIL} ${BREAK}`;
export const IDENTIFIED = `Anthropic's API is returning HTTP 529 overloaded errors ${EVIL} ${BREAK} & more.`;
export const RESOLVED_B = "OpenAI's API returned HTTP 500 errors for 1 hour; it has recovered.";
export const DAY0 = Date.parse('2026-12-01T00:00:00.000Z');
/** The history's first day (00:00 UTC). */
export const FIRST_DAY = DAY0 - 89 * DAY;

/** Starts the service and seeds it; the clock is left at T0. */
export async function seededPage(): Promise<StatusRig> {
  const rig = await startStatusRig({
    title: `Acme ${BREAK} status`,
    components: [
      { name: WRITING, uses: ['anthropic/claude-opus-4-7'] },
      { name: 'Summaries', uses: ['anthropic/claude-haiku-4-5'] },
      { name: 'Search', uses: ['openai/gpt-5.1'] },
    ],
  });
  const at = async (
    ms: number,
    id: string,
    stage: 'investigating' | 'identified' | 'resolved',
    body?: object,
  ) => {
    rig.setNow(ms);
    const r = await rig.publish(id, stage, body);
    if (r.status !== 200) throw new Error(`publish ${id} ${stage}: ${r.status} ${await r.text()}`);
  };
  // A: open, provider-wide on Anthropic: covers both Anthropic components.
  await rig.seed({
    id: 'inc-a',
    scope: 'provider',
    provider: 'anthropic',
    models: ['claude-opus-4-7'],
    peak: 0.41,
    startedAtMs: T0 - 2 * HOUR,
    endedAtMs: null,
    drafts: ['investigating', 'identified', 'monitoring'],
  });
  await at(T0 - HOUR, 'inc-a', 'investigating');
  await at(T0 - HOUR / 2, 'inc-a', 'identified', { text: IDENTIFIED, force: true });
  // B: resolved 3 days ago, one OpenAI model, 80% failing: an outage day for Search.
  await rig.seed({
    id: 'inc-b',
    scope: 'model',
    provider: 'openai',
    models: ['gpt-5.1'],
    reason: 'server_error',
    peak: 0.8,
    startedAtMs: T0 - 3 * DAY,
    endedAtMs: T0 - 3 * DAY + HOUR,
    drafts: ['investigating', 'resolved'],
  });
  await at(T0 - 3 * DAY + HOUR, 'inc-b', 'resolved', { text: RESOLVED_B, force: true });
  // C: slow haiku across a midnight 10 days ago, nothing published: history only.
  await rig.seed({
    id: 'inc-c',
    scope: 'model',
    provider: 'anthropic',
    models: ['claude-haiku-4-5'],
    reason: 'slow',
    peak: 0.02,
    startedAtMs: DAY0 - 10 * DAY + 23 * HOUR,
    endedAtMs: DAY0 - 9 * DAY + HOUR,
    drafts: ['investigating'],
  });
  // D: global outage on the history's first day; E: global, 100 days ago, out of the window.
  await rig.seed({
    id: 'inc-d',
    scope: 'global',
    provider: null,
    models: [],
    peak: 0.6,
    startedAtMs: FIRST_DAY + HOUR,
    endedAtMs: FIRST_DAY + 2 * HOUR,
    drafts: ['resolved'],
  });
  await at(FIRST_DAY + 2 * HOUR, 'inc-d', 'resolved');
  await rig.seed({
    id: 'inc-e',
    scope: 'global',
    provider: null,
    models: [],
    peak: 0.6,
    startedAtMs: T0 - 100 * DAY,
    endedAtMs: T0 - 100 * DAY + HOUR,
    drafts: ['resolved'],
  });
  await at(T0 - 100 * DAY + HOUR, 'inc-e', 'resolved');
  rig.setNow(T0);
  return rig;
}
