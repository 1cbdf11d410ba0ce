// The poller against a real page server, with the clock, timers and randomness injected.
import { validateRecord, type StatusObservation } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStatusPoller,
  type PollOutcome,
  type SourceState,
  type StatusPageEntry,
} from '../../src/status-pages/index.js';
import { fixture, startPageServer, type PageServer } from './page-server.js';

let page: PageServer;
beforeAll(async () => {
  page = await startPageServer();
});
afterAll(() => page.close());

const SUMMARY = '/api/v2/summary.json';
const JSON_TYPE = 'application/json';
const T0 = Date.parse('2026-10-14T14:40:00Z');

function harness(entry: Partial<StatusPageEntry> = {}, random = () => 0.5) {
  let nowMs = T0;
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const observations: StatusObservation[][] = [];
  const states: SourceState[] = [];
  const polls: PollOutcome[] = [];
  const poller = createStatusPoller({
    source: {
      provider: 'example',
      kind: 'statuspage',
      url: page.url,
      every: 60_000,
      components: {},
      ...entry,
    },
    fetch,
    now: () => nowMs,
    random,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cancelled: false };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    },
    onObservations: (o) => observations.push([...o]),
    onSourceState: (s) => states.push(s),
    onPoll: (p) => polls.push(p),
  });
  return {
    poller,
    observations,
    states,
    polls,
    pending: () => timers.filter((t) => !t.cancelled),
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('status poller', () => {
  it('emits every watched component on the first read, then only changes, with first_seen apart from page times', async () => {
    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-healthy.json') });
    const h = harness();
    await h.poller.pollNow();
    expect(h.observations[0]?.map((o) => [o.component, o.status])).toHaveLength(4);
    expect(h.observations[0]?.[1]).toMatchObject({
      kind: 'status',
      ts: '2026-10-14T14:40:00.000Z',
      provider: 'example',
      component: 'Messages API (api.example.com)',
      status: 'operational',
      first_seen: '2026-10-14T14:40:00.000Z',
      models: ['*'],
      component_id: 'exmplcmp0001',
    });
    h.advance(60_000);
    await h.poller.pollNow();
    expect(h.observations).toHaveLength(1);
    expect(h.polls.map((p) => p.outcome)).toEqual(['changed', 'unchanged']);

    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-degraded.json') });
    h.advance(60_000);
    await h.poller.pollNow();
    const changed = h.observations[1] ?? [];
    expect(changed.map((o) => [o.component, o.status])).toEqual([
      ['API', 'partial_outage'],
      ['Messages API (api.example.com)', 'degraded_performance'],
      ['Streaming responses', 'partial_outage'],
    ]);
    // The page says it started at 13:52 and posted at 14:09; we saw it at 14:42.
    expect(changed[1]).toMatchObject({
      first_seen: '2026-10-14T14:42:00.000Z',
      page_started_at: '2026-10-14T13:52:00.000Z',
      page_posted_at: '2026-10-14T14:09:11.860Z',
      incident: 'Elevated error rates on the Messages API',
    });
    // Every observation is a valid status record of call-record.md.
    for (const o of h.observations.flat()) expect(validateRecord(o)).toMatchObject({ ok: true });
    // Batch API left the page: it was operational, so nothing is said about it.
    expect(changed.some((o) => o.component === 'Batch API')).toBe(false);

    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-healthy.json') });
    h.advance(60_000);
    await h.poller.pollNow();
    expect(h.observations[2]?.map((o) => [o.component, o.status, o.incident])).toEqual([
      ['API', 'operational', undefined],
      ['Messages API (api.example.com)', 'operational', undefined],
      ['Streaming responses', 'operational', undefined],
    ]);
  });

  it('sends the validators back and a 304 transfers no body and emits nothing', async () => {
    const body = fixture('statuspage-summary-degraded.json');
    page.set(SUMMARY, {
      type: JSON_TYPE,
      body,
      etag: '"v1"',
      lastModified: 'Wed, 14 Oct 2026 14:31:47 GMT',
    });
    const h = harness();
    const before = page.bodyBytes();
    await h.poller.pollNow();
    expect(page.bodyBytes() - before).toBe(Buffer.byteLength(body));
    await h.poller.pollNow();
    await h.poller.pollNow();
    expect(page.bodyBytes() - before).toBe(Buffer.byteLength(body));
    const last = page.requests().at(-1);
    expect(last?.status).toBe(304);
    expect(last?.headers['if-none-match']).toBe('"v1"');
    expect(last?.headers['if-modified-since']).toBe('Wed, 14 Oct 2026 14:31:47 GMT');
    expect(h.observations).toHaveLength(1);
    expect(h.polls.map((p) => [p.outcome, p.bytes])).toEqual([
      ['changed', Buffer.byteLength(body)],
      ['not_modified', 0],
      ['not_modified', 0],
    ]);
  });

  it('maps components to models through the config and drops unmapped ones', async () => {
    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-degraded.json') });
    const h = harness({ components: { 'Messages API': ['claude-opus-4-7'], exmplcmp0004: ['*'] } });
    await h.poller.pollNow();
    expect(h.observations[0]?.map((o) => [o.component, o.models])).toEqual([
      ['Messages API (api.example.com)', ['claude-opus-4-7']],
      ['Streaming responses', ['*']],
    ]);
  });

  it('uses the Anthropic defaults when components are not configured: the API yes, the apps no', async () => {
    const body = JSON.stringify({
      page: { id: 'p' },
      components: [
        { id: 'k8w3r06qmzrp', name: 'Claude API (api.anthropic.com)', status: 'major_outage' },
        { id: 'rwppv331jlwc', name: 'claude.ai', status: 'major_outage' },
        { id: 'yyzkbfz2thpt', name: 'Claude Code', status: 'operational' },
      ],
      incidents: [],
    });
    page.set(SUMMARY, { type: JSON_TYPE, body });
    const h = harness({ provider: 'anthropic' });
    await h.poller.pollNow();
    expect(h.observations[0]?.map((o) => [o.component, o.status])).toEqual([
      ['Claude API (api.anthropic.com)', 'major_outage'],
    ]);
  });

  it('a component that vanishes from an affected-only page is back to operational', async () => {
    const widget = fixture('incidentio-widget-summary.json');
    const url = `${page.url}/api/v1/summary`;
    page.set('/api/v1/summary', { type: JSON_TYPE, body: widget });
    const h = harness({ provider: 'openai', kind: 'incidentio', url });
    await h.poller.pollNow();
    expect(h.observations[0]?.map((o) => [o.component, o.status])).toEqual([
      ['Chat Completions', 'partial_outage'],
      ['Responses', 'degraded_performance'],
    ]);
    const healed = JSON.stringify({ ...(JSON.parse(widget) as object), ongoing_incidents: [] });
    page.set('/api/v1/summary', { type: JSON_TYPE, body: healed });
    h.advance(60_000);
    await h.poller.pollNow();
    expect(h.observations[1]?.map((o) => [o.component, o.status, o.first_seen])).toEqual([
      ['Chat Completions', 'operational', '2026-10-14T14:41:00.000Z'],
      ['Responses', 'operational', '2026-10-14T14:41:00.000Z'],
    ]);
  });

  it('schedules every ±10% by the injected random, and backs off exponentially up to the cap on failure', async () => {
    page.set('/down/api/v2/summary.json', { status: 503, type: JSON_TYPE, body: '{}' });
    const low = harness({ url: `${page.url}/down/api/v2/summary.json` }, () => 0);
    low.poller.start();
    expect(low.pending().map((t) => t.ms)).toEqual([0]);
    for (let i = 0; i < 6; i += 1) await low.poller.pollNow();
    // 120 s, 240 s, 480 s, then the 600 s cap; random 0 takes 10% off each.
    expect(low.polls.map((p) => p.nextDelayMs)).toEqual([
      108_000, 216_000, 432_000, 540_000, 540_000, 540_000,
    ]);
    expect(low.pending().map((t) => t.ms)).toEqual([540_000]);
    await low.poller.shutdown();
    expect(low.pending()).toEqual([]);

    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-healthy.json') });
    const high = harness({}, () => 0.999);
    high.poller.start();
    await high.poller.pollNow();
    expect(high.polls[0]?.nextDelayMs).toBe(65_988);
    expect(high.pending().map((t) => t.ms)).toEqual([65_988]);
    await high.poller.shutdown();
  });

  it('fires its own timer: start() polls and reschedules without being driven', async () => {
    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-healthy.json') });
    const h = harness();
    h.poller.start();
    h.pending()[0]?.fn();
    await h.poller.pollNow(); // joins the poll the timer started
    expect(h.polls).toHaveLength(1);
    expect(h.pending().map((t) => t.ms)).toEqual([60_000]);
    await h.poller.shutdown();
  });

  it('reports the source unknown with its reason, keeps the last statuses, and recovers to ok', async () => {
    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-degraded.json') });
    const h = harness();
    await h.poller.pollNow();
    page.set(SUMMARY, { type: 'text/html', body: '<!doctype html><p>moved</p>' });
    h.advance(60_000);
    await h.poller.pollNow();
    await h.poller.pollNow();
    expect(h.observations).toHaveLength(1);
    expect(h.states.map((s) => [s.state, s.reason, s.failures])).toEqual([
      ['ok', undefined, 0],
      ['unknown', 'html', 1],
    ]);
    expect(h.poller.state()).toMatchObject({
      state: 'unknown',
      failures: 2,
      lastOkMs: T0,
      sinceMs: T0 + 60_000,
    });
    page.set(SUMMARY, { type: JSON_TYPE, body: fixture('statuspage-summary-degraded.json') });
    h.advance(60_000);
    await h.poller.pollNow();
    expect(h.states.at(-1)).toMatchObject({ state: 'ok', failures: 0, sinceMs: T0 + 120_000 });
    // Same statuses as before the outage of the page: nothing new to say.
    expect(h.observations).toHaveLength(1);
  });
});
