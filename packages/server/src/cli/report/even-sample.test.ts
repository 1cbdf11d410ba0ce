import { describe, expect, it } from 'vitest';
import { EvenSample } from './even-sample.js';

function sampleOf(n: number, cap: number): number[] {
  const s = new EvenSample<number>(cap);
  for (let i = 0; i < n; i++) s.offer(() => i);
  expect(s.seen).toBe(n);
  return s.items;
}

describe('EvenSample', () => {
  it('keeps everything up to the cap', () => {
    expect(sampleOf(5, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('past the cap, keeps exactly cap items spread over the whole stream', () => {
    const kept = sampleOf(1000, 100);
    expect(kept).toHaveLength(100);
    // 1000 items held one in 8 (125 held), then 100 picked evenly among them.
    const gaps = new Set(kept.slice(1).map((v, i) => v - kept[i]!));
    expect([...gaps].sort((a, b) => a - b)).toEqual([8, 16]);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBeGreaterThanOrEqual(1000 - 16);
    expect(new Set(kept).size).toBe(100);
  });

  it('holds at most twice the cap, and builds only what it holds', () => {
    let built = 0;
    const none = new EvenSample<number>(0);
    for (let i = 0; i < 10; i++) none.offer(() => ++built);
    expect([none.items, built]).toEqual([[], 0]);
    const s = new EvenSample<number>(4);
    for (let i = 0; i < 1024; i++) s.offer(() => ++built);
    expect(built).toBeLessThan(40);
    expect(s.items).toHaveLength(4);
  });
});
