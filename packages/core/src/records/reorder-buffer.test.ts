import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from './reorder-buffer.js';

const MIN = 60_000;

function replay(times: number[], slackMs = 5 * MIN, corroboration = 3) {
  const out: Array<[number, number]> = [];
  const b = new ReorderBuffer<number>(slackMs, (item, t) => out.push([item, t]), corroboration);
  const refused: number[] = [];
  times.forEach((t, i) => {
    if (!b.push(i, t)) refused.push(i);
  });
  b.drain();
  return { order: out.map(([i]) => i), fedAt: out.map(([, t]) => t), refused };
}

/** The indices of `times` in a stable sort by time: what a sorted input would give. */
function stableOrder(times: number[]): number[] {
  return times
    .map((t, i) => [t, i] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, i]) => i);
}

describe('ReorderBuffer', () => {
  it('puts records up to the slack out of order back in order', () => {
    const { fedAt, refused } = replay([0, 2 * MIN, 1 * MIN, 4 * MIN, 3 * MIN, 10 * MIN, 9 * MIN]);
    expect(fedAt).toEqual([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 9 * MIN, 10 * MIN]);
    expect(refused).toEqual([]);
  });

  it('releases exactly a stable sort by time when nothing is refused, ties in arrival order', () => {
    // Times jittered by up to 4 minutes, with many equal times.
    const times = Array.from(
      { length: 300 },
      (_, i) => Math.floor(i / 3) * 10_000 + ((i * 7919) % 5) * 50_000,
    );
    const { order, refused } = replay(times);
    expect(refused).toEqual([]);
    expect(order).toEqual(stableOrder(times));
  });

  it('keeps reordering after one absurd future timestamp', () => {
    const times = Array.from({ length: 40 }, (_, i) => i * MIN);
    // Every other pair swapped, and one record 70 years ahead at the start.
    for (let i = 0; i + 1 < times.length; i += 4)
      [times[i], times[i + 1]] = [times[i + 1]!, times[i]!];
    const absurd = 70 * 365 * 24 * 60 * MIN;
    const { fedAt, refused } = replay([times[0]!, absurd, ...times.slice(1)]);
    expect(refused).toEqual([]);
    expect(fedAt).toEqual([...[...times].sort((a, b) => a - b), absurd]);
  });

  it('refuses a record later than the window and never feeds it', () => {
    const descending = Array.from({ length: 30 }, (_, i) => (30 - i) * MIN);
    const { order, refused } = replay(descending);
    expect(refused.length).toBeGreaterThan(20);
    // What was taken is released in time order, and nothing refused is ever released.
    expect(order.filter((i) => refused.includes(i))).toEqual([]);
    expect(order.length + refused.length).toBe(30);
    const fed = order.map((i) => descending[i]!);
    expect(fed).toEqual([...fed].sort((a, b) => a - b));
  });

  it('merges in-order arrivals with stragglers exactly as a stable sort, ties across both', () => {
    // Mostly ascending (the queue's fast path), every 7th record 0–3 minutes back (the heap),
    // with equal times on both sides so ties must keep arrival order between the two.
    const times = Array.from({ length: 2000 }, (_, i) =>
      i % 7 === 3 ? Math.max(0, i * 5_000 - ((i * 31) % 4) * MIN) : Math.floor(i / 4) * 20_000,
    );
    const { order, refused } = replay(times);
    expect(refused).toEqual([]);
    expect(order).toEqual(stableOrder(times));
  });

  it('releases the accepted records as a stable sort for any small jumbled input with ties', () => {
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let run = 0; run < 400; run++) {
      const times = Array.from({ length: 24 }, (_, i) => (Math.floor(i / 3) + rand(4)) * MIN);
      const { order, refused } = replay(times, 2 * MIN, 1 + rand(3));
      const accepted = times.map((t, i) => [t, i] as const).filter(([, i]) => !refused.includes(i));
      const expected = [...accepted].sort((a, b) => a[0] - b[0]).map(([, i]) => i);
      expect(order).toEqual(expected);
    }
  });
});
