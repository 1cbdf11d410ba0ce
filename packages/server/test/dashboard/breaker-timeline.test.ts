// The timeline lists a breaker taken out and given back, and counts the half-open trials between.
import { describe, expect, it } from 'vitest';
import type { BreakerChange } from '../../dashboard/src/breaker-items.js';
import { breakerItems } from '../../dashboard/src/breaker-items.js';

const T0 = Date.UTC(2026, 11, 1, 17, 0, 0);

function change(
  s: number,
  from: string,
  to: string,
  target = 'anthropic/claude-opus-4-7',
): BreakerChange {
  return {
    at: new Date(T0 + s * 1000).toISOString(),
    provider: 'anthropic',
    model: 'claude-opus-4-7',
    target,
    from,
    to,
    why: 'w',
  };
}

describe('breakerItems', () => {
  it('shows out-of-service and back-in-service lines and counts the trials', () => {
    const items = breakerItems([
      change(0, 'closed', 'open'),
      change(30, 'open', 'half_open'),
      change(31, 'half_open', 'open'),
      change(60, 'open', 'half_open'),
      change(61, 'half_open', 'open'),
      change(90, 'open', 'half_open'),
      change(95, 'half_open', 'closed'),
      change(100, 'closed', 'open', 'eu'),
    ]);
    expect(items.map((i) => i.text)).toEqual([
      '17:00:00 UTC breaker anthropic/claude-opus-4-7: closed → open (w)',
      '17:01:35 UTC breaker anthropic/claude-opus-4-7: half_open → closed (w, after 3 recovery trials)',
      '17:01:40 UTC breaker eu (anthropic/claude-opus-4-7): closed → open (w)',
    ]);
  });
});
