import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from './reorder-buffer.js';

const MIN = 60_000;

function replay(times: number[], slackMs = 5 * MIN, corroboration = 3) {
  const out: Array<[number, number]> = [];
  const b = new ReorderBuffer<number>(slackMs, (item, t) => out.push([item, t]), corroboration);
  times.forEach((t, i) => b.push(i, t));
  b.drain();
  return { order: out.map(([i]) => i), fedAt: out.map(([, t]) => t), buffer: b };
}

describe('ReorderBuffer', () => {
  it('puts records up to the slack out of order back in order', () => {
    const { fedAt, buffer } = replay([0, 2 * MIN, 1 * MIN, 4 * MIN, 3 * MIN, 10 * MIN, 9 * MIN]);
    expect(fedAt).toEqual([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 9 * MIN, 10 * MIN]);
    expect(buffer.late).toBe(0);
  });

  it('keeps reordering after one absurd future timestamp', () => {
    const times = Array.from({ length: 40 }, (_, i) => i * MIN);
    // Every other pair swapped, and one record 70 years ahead at the start.
    for (let i = 0; i + 1 < times.length; i += 4)
      [times[i], times[i + 1]] = [times[i + 1]!, times[i]!];
    const absurd = 70 * 365 * 24 * 60 * MIN;
    const { fedAt, buffer } = replay([times[0]!, absurd, ...times.slice(1)]);
    expect(buffer.late).toBe(0);
    expect(fedAt).toEqual([...[...times].sort((a, b) => a - b), absurd]);
  });

  it('counts records later than the window, feeds them at the current time, and sees a falling input', () => {
    const descending = Array.from({ length: 30 }, (_, i) => (30 - i) * MIN);
    const { fedAt, buffer } = replay(descending);
    expect(buffer.late).toBeGreaterThan(20);
    expect(buffer.falling).toBe(29);
    expect(buffer.rising).toBe(0);
    // Never back in time: what the engine sees never decreases.
    expect(fedAt).toEqual([...fedAt].sort((a, b) => a - b));
  });
});
