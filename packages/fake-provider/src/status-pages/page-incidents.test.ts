// A late page's incidents from fault segments: lags, monitoring, resolution, unposted blips.
import { describe, expect, it } from 'vitest';
import { pageIncidents } from './page-incidents.js';
import type { SeveritySegment } from './severity-segments.js';

const lags = (lagMs: number, recoveryMs: number) => ({
  lagMs: (scale: number) => lagMs / scale,
  recoveryLagMs: (scale: number) => recoveryMs / scale,
});
const seg = (
  startMs: number,
  endMs: number,
  severity?: SeveritySegment['severity'],
): SeveritySegment => ({
  startMs,
  endMs,
  severity,
  timeScale: 1,
});

describe('pageIncidents', () => {
  it.each([
    [99, []],
    [100, ['investigating@100']],
    [159, ['investigating@100', 'identified@150']],
    [225, ['investigating@100', 'identified@150', 'monitoring@225']],
    [250, ['investigating@100', 'identified@150', 'monitoring@225', 'resolved@250']],
  ])('at %d posts %j', (nowMs, expected) => {
    const segments = [
      seg(0, 0 + 1),
      seg(1, 51, 'partial_outage'),
      seg(51, 200, 'major_outage'),
      seg(200, nowMs),
    ]
      .filter((s) => s.endMs > s.startMs && s.startMs < nowMs)
      .map((s) => ({ ...s, endMs: Math.min(s.endMs, nowMs) }));
    const [incident] = pageIncidents(segments, lags(99, 50), nowMs);
    expect(incident?.updates.map((u) => `${u.status}@${u.atMs}`) ?? []).toEqual(expected);
  });

  it('keeps an episode open while its last segment reaches now', () => {
    const [incident] = pageIncidents([seg(0, 500, 'degraded_performance')], lags(100, 100), 500);
    expect(incident).toMatchObject({
      startedMs: 0,
      resolvedMs: undefined,
      worst: 'degraded_performance',
    });
  });

  it('never posts an episode that ends a recovery lag before the lag would post it', () => {
    expect(pageIncidents([seg(0, 10, 'major_outage'), seg(10, 1000)], lags(100, 50), 1000)).toEqual(
      [],
    );
  });

  it('divides the lags by the time scale in force', () => {
    const segments = [{ ...seg(0, 100, 'major_outage'), timeScale: 10 }];
    expect(pageIncidents(segments, lags(600, 300), 100)[0]?.updates[0]?.atMs).toBe(60);
  });
});
