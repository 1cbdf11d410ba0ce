// The incident page's series from hand-built records: buckets, failure share per layer, latency
// percentiles, probes and status-page changes; the baseline band, the page's lag and the summaries.
import { describe, expect, it } from 'vitest';
import { incidentMarks } from '../../dashboard/src/chart-marks.js';
import { failureSummary, latencySummary } from '../../dashboard/src/chart-summary.js';
import { latencyBand } from '../../dashboard/src/incident-baseline.js';
import { lagSentence } from '../../dashboard/src/incident-lag.js';
import { percentile, statusChanges } from '../../dashboard/src/incident-points.js';
import { bucketMsFor, incidentSeries } from '../../dashboard/src/incident-series.js';
import { incidentWindow } from '../../dashboard/src/incident-window.js';
import type { MarkedIncident } from '../../dashboard/src/chart-marks.js';

const T0 = Date.parse('2026-11-22T04:00:00.000Z');
const at = (s: number): string => new Date(T0 + s * 1000).toISOString();
const ok = (s: number, ms: number, extra: Record<string, unknown> = {}) => ({
  ts: at(s),
  provider: 'anthropic',
  model: 'claude-opus-4-7',
  duration_ms: ms,
  http_status: 200,
  classification: { layer: 'none', reason: 'ok', owner: 'unknown', retryable: false },
  ...extra,
});
const failed = (s: number, layer: string, extra: Record<string, unknown> = {}) => ({
  ts: at(s),
  provider: 'anthropic',
  model: 'claude-opus-4-7',
  duration_ms: 5,
  http_status: 529,
  classification: { layer, reason: 'overloaded', owner: 'provider', retryable: true },
  ...extra,
});
const status = (s: number, st: string, extra: Record<string, unknown> = {}) => ({
  kind: 'status',
  ts: at(s),
  provider: 'anthropic',
  component: 'Claude API',
  status: st,
  ...extra,
});

function detail(over: Partial<MarkedIncident> = {}): MarkedIncident {
  return {
    provider: 'anthropic',
    started_at: at(60),
    detected_at: at(90),
    resolved_at: at(600),
    events: [],
    ...over,
  };
}

describe('incident series', () => {
  it.each([
    [60_000, 1000],
    [200_000, 1000],
    [201_000, 2000],
    [20 * 60_000, 10_000],
    [3 * 3600_000, 60_000],
    [3 * 86400_000, 1800_000],
  ])('buckets a %d ms window by %d ms (at most 200 buckets)', (span, bucket) => {
    expect(bucketMsFor(span)).toBe(bucket);
    expect(span / bucket).toBeLessThanOrEqual(200);
  });

  it('gives the share failed per layer and bucket, null where no call was seen', () => {
    const s = incidentSeries(
      [ok(0, 100), failed(1, 'provider'), failed(2, 'network'), ok(3, 100), ok(130, 100)],
      T0,
      T0 + 200_000,
    );
    expect(s.bucketMs).toBe(1000);
    expect(s.times).toHaveLength(200);
    expect(s.times[0]).toBe(T0 / 1000);
    expect(s.calls.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(s.share.provider.slice(0, 4)).toEqual([0, 1, 0, 0]);
    expect(s.share.network.slice(0, 4)).toEqual([0, 0, 1, 0]);
    expect(s.share.model[5]).toBeNull();
    expect(s.share.integration[130]).toBe(0);
  });

  it('takes p50 and p95 of successful calls only, leaving out probes and cancelled calls', () => {
    const calls = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((ms, i) => ok(i / 100, ms));
    const s = incidentSeries(
      [
        ...calls,
        failed(0.5, 'provider', { duration_ms: 99_999 }),
        ok(0.6, 50_000, { source: 'probe' }),
        ok(0.7, 70_000, { aborted_by: 'caller' }),
      ],
      T0,
      T0 + 60_000,
    );
    expect(s.p50[0]).toBe(50);
    expect(s.p95[0]).toBe(100);
    expect(s.p50[1]).toBeNull();
    expect(s.calls[0]).toBe(12); // the failed and the cancelled call, not the probe
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
  });

  it('lists probe results in time order with their layer', () => {
    const s = incidentSeries(
      [failed(40, 'provider', { source: 'probe' }), ok(20, 9, { source: 'probe' })],
      T0,
      T0 + 60_000,
    );
    expect(s.probes).toEqual([
      { atMs: T0 + 20_000, model: 'claude-opus-4-7', ok: true, layer: null },
      { atMs: T0 + 40_000, model: 'claude-opus-4-7', ok: false, layer: 'provider' },
    ]);
    expect(s.calls.every((c) => c === 0)).toBe(true);
  });

  it('keeps only status changes, with when we first saw them and when the page claims they began', () => {
    const changes = statusChanges([
      status(0, 'operational'),
      status(15, 'operational'),
      status(600, 'partial_outage', {
        incident: 'Elevated errors',
        first_seen: at(590),
        page_started_at: at(55),
        page_posted_at: at(600),
      }),
      status(615, 'partial_outage'),
      status(900, 'operational', { page_started_at: at(10) }),
    ]);
    expect(changes).toEqual([
      {
        seenMs: T0 + 590_000,
        claimedMs: T0 + 55_000,
        provider: 'anthropic',
        component: 'Claude API',
        status: 'partial_outage',
        incident: 'Elevated errors',
      },
      expect.objectContaining({ seenMs: T0 + 900_000, claimedMs: null, status: 'operational' }),
    ]);
    // A page already down at its first reading counts; one reading operational does not.
    expect(statusChanges([status(5, 'major_outage')]).map((c) => c.status)).toEqual([
      'major_outage',
    ]);
  });
});

describe('the baseline band', () => {
  const before = Array.from({ length: 20 }, (_, i) => ok(i, 100 + i * 10));
  it('uses the learned baseline of the latency evidence when there is one', () => {
    const evidence = [
      { kind: 'latency', text: '', facts: { measure: 'p95_latency', baseline_ms: 900 } },
      { kind: 'latency', text: '', facts: { measure: 'median_latency', baseline_ms: 400 } },
    ];
    expect(latencyBand(evidence, before, T0 + 60_000)).toEqual({
      lowMs: 400,
      highMs: 900,
      source: 'learned',
      label: 'learned baseline (median–p95)',
    });
  });

  it('otherwise measures p50–p95 of the calls before the start, and says so', () => {
    const band = latencyBand([], [...before, ok(70, 5000)], T0 + 60_000);
    expect(band).toEqual({
      lowMs: 190,
      highMs: 280, // nearest rank: the 19th of 20
      source: 'before',
      label: 'p50–p95 before the incident (20 calls)',
    });
    expect(latencyBand([], before.slice(0, 4), T0 + 60_000)).toBeNull();
  });
});

describe('the status page lag and the charts in words', () => {
  const records = [
    ok(0, 100),
    failed(60, 'provider'),
    failed(61, 'provider', { source: 'probe' }),
    ok(62, 300),
    status(0, 'operational'),
    status(630, 'partial_outage', { page_started_at: at(60) }),
  ];
  const d = detail();
  const s = incidentSeries(records, T0, T0 + 700_000);

  it('says how long after detection and after the first failures the page moved', () => {
    const lag = lagSentence(s.status, {
      startedMs: T0 + 60_000,
      detectedMs: T0 + 90_000,
      provider: 'anthropic',
    });
    expect(lag).toBe(
      'Status page moved to partial_outage 9 min after detection (10 min after our first failures); it claims the problem began at 04:01 UTC.',
    );
    expect(lagSentence([], { startedMs: 0, detectedMs: 0, provider: null })).toMatch(
      /did not move/,
    );
  });

  it('marks started, detected, resolved and the page on the same axis, in time order', () => {
    const marks = incidentMarks(detail({ events: [{ kind: 'breaker.changed', at: at(95) }] }), s);
    expect(marks.map((m) => [m.label, (m.atMs - T0) / 1000])).toEqual([
      ['started', 60],
      ['page claims start', 60],
      ['detected', 90],
      ['breaker.changed', 95],
      ['resolved', 600],
      ['page: partial_outage', 630],
    ]);
    expect(d.resolved_at).toBe(at(600));
  });

  it('marks a breaker taken out or given back, not its half-open trials, and copes without any', () => {
    const change = (sec: number, from: string, to: string) => ({
      at: at(sec),
      target: 'anthropic-eu',
      from,
      to,
    });
    const breakers = [
      change(70, 'closed', 'open'),
      change(100, 'open', 'half_open'),
      change(101, 'half_open', 'open'),
      change(130, 'half_open', 'closed'),
      change(800, 'closed', 'open'),
    ];
    const marks = incidentMarks(detail({ breakers }), s).filter((m) => m.style === 'event');
    expect(marks.map((m) => [m.label, (m.atMs - T0) / 1000])).toEqual([
      ['breaker anthropic-eu: open', 70],
      ['breaker anthropic-eu: closed', 130],
    ]);
    expect(incidentMarks(detail({ breakers: [] }), s)).toEqual(incidentMarks(detail(), s));
  });

  it('summarises the failure share and the latency with their peaks', () => {
    expect(failureSummary(s)).toBe(
      'Share of calls failed per layer, per 5 s: provider layer peaked at 50% at 04:01:00 UTC; 1 of 1 probes failed.',
    );
    const band = latencyBand([], records, T0 + 60_000);
    expect(band).toBeNull();
    expect(latencySummary(s, null)).toBe(
      'Latency of successful calls, per 5 s: p95 peaked at 300 ms at 04:01:00 UTC (p50 up to 300 ms); no baseline known.',
    );
  });

  it('shows a margin of a quarter of the incident each side, at least a minute', () => {
    expect(incidentWindow(d, 0)).toEqual({ fromMs: T0 - 75_000, toMs: T0 + 735_000 });
    const open = detail({ resolved_at: null, started_at: at(0) });
    expect(incidentWindow(open, T0 + 30_000)).toEqual({ fromMs: T0 - 60_000, toMs: T0 + 30_000 });
  });
});
