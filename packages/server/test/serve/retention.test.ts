// Retention: raw calls go after retention.records; status observations and rollups are kept
// until retention.rollups, so a restart's pollers still find each component's last reading.
import { describe, expect, it } from 'vitest';
import { startRetention } from '../../src/serve/retention.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { RecordRow } from '../../src/store/port.js';
import { emptyLatency } from '../../src/store/rollup-row.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

function row(kind: 'call' | 'status', tsMs: number): RecordRow {
  return {
    tsMs,
    kind,
    provider: 'anthropic',
    model: kind === 'call' ? 'm' : '',
    source: '',
    layer: kind === 'call' ? 'none' : '',
    json: '{}',
  };
}

describe('retention', () => {
  it('deletes old calls, keeps status readings and rollups until their own horizon', async () => {
    const store = createMemoryStore();
    await store.commitRecords({
      rows: [
        row('call', NOW - 8 * DAY),
        row('call', NOW - DAY),
        row('status', NOW - 30 * DAY),
        row('status', NOW - 100 * DAY),
      ],
      response: '{}',
      nowMs: NOW,
    });
    const rollup = (minuteMs: number) => ({
      minuteMs,
      provider: 'anthropic',
      model: 'm',
      calls: 1,
      probeCalls: 0,
      failures: { integration: 0, network: 0, provider: 0, model: 0 },
      latency: emptyLatency(),
    });
    await store.applyRollups([rollup(NOW - 100 * DAY), rollup(NOW - 30 * DAY)], 0, 1);
    const errors: unknown[] = [];
    const stop = startRetention({
      store,
      keepRecordsMs: 7 * DAY,
      keepRollupsMs: 90 * DAY,
      now: () => NOW,
      onError: (e) => errors.push(e),
    });
    await new Promise((r) => setTimeout(r, 1300));
    stop();
    expect(errors).toEqual([]);
    const left = await store.recordsAfter(0, 10);
    expect(left.map((r) => [r.kind, (NOW - r.tsMs) / DAY])).toEqual([
      ['call', 1],
      ['status', 30],
    ]);
    const rollups = await store.queryRollups({ fromMs: 0, toMs: NOW });
    expect(rollups.map((r) => (NOW - r.minuteMs) / DAY)).toEqual([30]);
  });
});
