import { describe, expect, it } from 'vitest';
import { DAY_MS, HISTORY_DAYS, dayHistory } from './day-history.js';
import type { IncidentFacts } from './incident-facts.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const TODAY = Date.parse('2026-12-01T00:00:00.000Z');

function incident(
  startedAtMs: number,
  endedAtMs: number | null,
  peak = 0.2,
  reason = 'overloaded',
): IncidentFacts {
  return {
    id: 'i',
    open: endedAtMs === null,
    scope: 'provider',
    provider: 'p',
    models: [],
    layer: 'provider',
    reason,
    peakErrorRate: peak,
    startedAtMs,
    endedAtMs,
    updatedAtMs: startedAtMs,
    published: [],
  };
}

/** Indexes of non-operational days and their level. */
function marks(incidents: IncidentFacts[]): [number, string][] {
  return dayHistory(incidents, NOW).flatMap((d, n): [number, string][] =>
    d.level === 'operational' ? [] : [[n, d.level]],
  );
}

describe('dayHistory', () => {
  it('covers 90 UTC days ending today', () => {
    const h = dayHistory([], NOW);
    expect(h).toHaveLength(HISTORY_DAYS);
    expect(h[0]?.date).toBe('2026-09-03');
    expect(h[89]?.date).toBe('2026-12-01');
  });

  it.each([
    ['an open incident marks today', [incident(NOW - 3_600_000, null)], [[89, 'degraded']]],
    [
      'one crossing midnight marks both days',
      [incident(TODAY - 3_600_000, TODAY + 60_000)],
      [
        [88, 'degraded'],
        [89, 'degraded'],
      ],
    ],
    [
      'ending exactly at midnight does not mark the next day',
      [incident(TODAY - 7_200_000, TODAY - 1)],
      [[88, 'degraded']],
    ],
    [
      'half the calls failing is an outage',
      [incident(TODAY - 5 * DAY_MS, TODAY - 5 * DAY_MS + 1, 0.5)],
      [[84, 'outage']],
    ],
    [
      'slowness is degraded',
      [incident(TODAY - 5 * DAY_MS, TODAY - 5 * DAY_MS + 1, 0.01, 'slow')],
      [[84, 'degraded']],
    ],
    [
      'the worst incident of a day wins',
      [incident(TODAY, TODAY + 1, 0.9), incident(TODAY + 2, TODAY + 3, 0.1)],
      [[89, 'outage']],
    ],
    [
      'before the window counts from its first day',
      [incident(TODAY - 100 * DAY_MS, TODAY - 88 * DAY_MS)],
      [
        [0, 'degraded'],
        [1, 'degraded'],
      ],
    ],
    [
      'entirely before the window marks nothing',
      [incident(TODAY - 100 * DAY_MS, TODAY - 95 * DAY_MS)],
      [],
    ],
  ])('%s', (_what, incidents, expected) => {
    expect(marks(incidents)).toEqual(expected);
  });
});
