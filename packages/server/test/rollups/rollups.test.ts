// The rollup job counts every stored call once into per-minute rows; history reads them back.
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/api/history-route.js';
import { aggregateRecords, latencyBucket } from '../../src/rollups/aggregate.js';
import { bucketQuantile, historySeries, stepFor } from '../../src/rollups/history.js';
import { startRollupJob } from '../../src/rollups/rollup-job.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { RecordRow, Store } from '../../src/store/port.js';
import { emptyLatency, ROLLUP_LATENCY_BOUNDS_MS } from '../../src/store/rollup-row.js';

const M0 = Date.UTC(2026, 10, 22, 7, 0, 0);

function call(
  tsMs: number,
  layer: string,
  over: Partial<RecordRow> = {},
  duration = 250,
): RecordRow {
  const cols = {
    tsMs,
    kind: 'call' as const,
    provider: 'anthropic',
    model: 'm1',
    source: 'sdk',
    layer,
    ...over,
  };
  return {
    ...cols,
    json: JSON.stringify({ ts: new Date(tsMs).toISOString(), duration_ms: duration }),
  };
}

async function commit(store: Store, rows: RecordRow[]): Promise<void> {
  await store.commitRecords({ rows, response: '{}', nowMs: M0 });
}

describe('aggregateRecords', () => {
  it('counts calls per minute and scope, failures per layer, and successes into latency buckets', () => {
    const rows = aggregateRecords([
      { ...call(M0 + 1000, 'none', {}, 90), seq: 1 },
      { ...call(M0 + 2000, 'provider'), seq: 2 },
      { ...call(M0 + 3000, 'none', { source: 'probe' }, 1200), seq: 3 },
      { ...call(M0 + 61_000, 'network', { model: 'm2' }), seq: 4 },
      {
        tsMs: M0,
        kind: 'status',
        provider: 'anthropic',
        model: '',
        source: '',
        layer: '',
        json: '{}',
        seq: 5,
      },
    ]);
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first).toMatchObject({ minuteMs: M0, calls: 3, probeCalls: 1 });
    expect(first?.failures).toEqual({ integration: 0, network: 0, provider: 1, model: 0 });
    expect(first?.latency[latencyBucket(90)]).toBe(1);
    expect(first?.latency[latencyBucket(1200)]).toBe(1);
    expect(second).toMatchObject({ minuteMs: M0 + 60_000, model: 'm2', calls: 1 });
    expect(second?.failures.network).toBe(1);
  });

  it('puts a latency above the last bound in the last bucket', () => {
    expect(latencyBucket(10 ** 9)).toBe(ROLLUP_LATENCY_BOUNDS_MS.length);
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(100)).toBe(0);
    expect(latencyBucket(101)).toBe(1);
  });
});

describe('history', () => {
  it('interpolates quantiles inside the bucket they fall in', () => {
    const latency = emptyLatency();
    latency[latencyBucket(150)] = 10; // 100–200 ms
    expect(bucketQuantile(latency, 0.5)).toBe(150);
    expect(bucketQuantile(latency, 0.95)).toBe(195);
    expect(bucketQuantile(emptyLatency(), 0.5)).toBeNull();
  });

  it('estimates p50 and p95 inside the bucket of the exact quantile of the raw durations', () => {
    // A deterministic long-tailed spread of 20,000 successful calls over one hour.
    let seed = 7;
    const durations = Array.from({ length: 20_000 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return Math.round(80 * Math.exp((seed / 2_147_483_647) * 5));
    });
    const records = durations.map((d, i) => ({
      ...call(M0 + (i % 3600) * 1000, 'none', {}, d),
      seq: i + 1,
    }));
    const [point] = historySeries(aggregateRecords(records), M0, M0 + 3_600_000, '1h');
    const sorted = [...durations].sort((x, y) => x - y);
    for (const [q, estimate] of [
      [0.5, point?.p50_ms],
      [0.95, point?.p95_ms],
    ] as const) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1]!;
      const b = latencyBucket(exact);
      const lo = b === 0 ? 0 : ROLLUP_LATENCY_BOUNDS_MS[b - 1]!;
      const hi = ROLLUP_LATENCY_BOUNDS_MS[b] ?? Infinity;
      expect(estimate).toBeGreaterThanOrEqual(lo);
      expect(estimate).toBeLessThanOrEqual(hi);
      // Interpolated, not a bucket edge: within a bucket width and a fifth of the exact value.
      expect(Math.abs(estimate! - exact)).toBeLessThan(Math.max(0.2 * exact, 1));
    }
    expect(point?.calls).toBe(20_000);
  });

  it('sums minutes into hours and leaves empty steps at zero', () => {
    const rows = aggregateRecords([
      { ...call(M0 + 1000, 'none'), seq: 1 },
      { ...call(M0 + 30 * 60_000, 'model'), seq: 2 },
    ]);
    const series = historySeries(rows, M0, M0 + 2 * 3_600_000, '1h');
    expect(series).toHaveLength(2);
    expect(series[0]).toMatchObject({ calls: 2, failure_share: 0.5 });
    expect(series[1]).toMatchObject({ calls: 0, failure_share: null, p50_ms: null });
    expect(stepFor(3_600_000)).toBe('1m');
    expect(stepFor(7 * 86_400_000)).toBe('1h');
    expect(stepFor(90 * 86_400_000)).toBe('1d');
  });
});

describe('the rollup job', () => {
  it('counts every stored call once, across passes and a second job on the same store', async () => {
    const store = createMemoryStore();
    await commit(store, [call(M0, 'none'), call(M0 + 5000, 'provider'), call(M0 + 70_000, 'none')]);
    const job = startRollupJob({
      store,
      pageSize: 2,
      onError: (e) => {
        throw e;
      },
    });
    expect(await job.catchUp()).toBe(3);
    await commit(store, [call(M0 + 10_000, 'provider')]);
    const other = startRollupJob({
      store,
      onError: (e) => {
        throw e;
      },
    });
    const counted = await Promise.all([job.catchUp(), other.catchUp()]);
    expect(counted[0] + counted[1]).toBe(1);
    await job.stop();
    await other.stop();
    const rows = await store.queryRollups({ fromMs: M0, toMs: M0 + 120_000 });
    expect(rows.map((r) => [r.minuteMs - M0, r.calls, r.failures.provider])).toEqual([
      [0, 3, 2],
      [60_000, 1, 0],
    ]);
    expect(await store.rollupCursor()).toBe(await store.lastSeq());
  });

  it('answers GET /v1/history from the rollups, and refuses a bad range with 400', async () => {
    const store = createMemoryStore();
    await commit(store, [call(M0, 'none'), call(M0 + 1000, 'network')]);
    const job = startRollupJob({
      store,
      onError: (e) => {
        throw e;
      },
    });
    await job.catchUp();
    await job.stop();
    const q = new URLSearchParams({
      from: new Date(M0).toISOString(),
      to: new Date(M0 + 180_000).toISOString(),
    });
    const ok = await readHistory(store, q, M0 + 200_000);
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as { step: string; series: { calls: number }[] };
    expect(body.step).toBe('1m');
    expect(body.series.map((p) => p.calls)).toEqual([2, 0, 0]);
    const bad = await readHistory(store, new URLSearchParams({ from: 'yesterday' }), M0);
    expect(bad.status).toBe(400);
    const tooMany = await readHistory(
      store,
      new URLSearchParams({ from: new Date(M0 - 80 * 86_400_000).toISOString(), step: '1m' }),
      M0,
    );
    expect(tooMany.status).toBe(400);
  });

  it('gives the first point its whole step when from falls inside it, as the dashboard asks', async () => {
    const store = createMemoryStore();
    await commit(store, [call(M0 + 5_000, 'none'), call(M0 + 40_000, 'provider')]);
    await commit(store, [call(M0 + 3_600_000 + 1_000, 'none')]);
    const job = startRollupJob({
      store,
      onError: (e) => {
        throw e;
      },
    });
    await job.catchUp();
    await job.stop();
    const series = async (from: number, to: number, step: string) => {
      const q = new URLSearchParams({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        step,
      });
      const res = await readHistory(store, q, to);
      const body = JSON.parse(res.body) as {
        series: { t: string; calls: number; failure_share: number | null }[];
      };
      return body.series.map((p) => [p.t.slice(11, 16), p.calls, p.failure_share]);
    };
    // From 07:00:30: the point labelled 07:00 holds the minute's two calls, not none.
    expect(await series(M0 + 30_000, M0 + 150_000, '1m')).toEqual([
      ['07:00', 2, 0.5],
      ['07:01', 0, null],
      ['07:02', 0, null],
    ]);
    expect(await series(M0 + 1_800_000, M0 + 7_200_000, '1h')).toEqual([
      ['07:00', 2, 0.5],
      ['08:00', 1, 0],
    ]);
  });
});
