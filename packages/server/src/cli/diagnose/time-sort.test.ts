import { describe, expect, it } from 'vitest';
import { TimeSort } from './time-sort.js';

describe('TimeSort', () => {
  it('gives lines back by time, ties in line order whatever order they were added in', () => {
    const sort = new TimeSort(1 << 20);
    // Lines 5..7 added before lines 1..4, as when a file's first part is read again last.
    const added: Array<[string, number, number]> = [
      ['e', 30, 5],
      ['f', 10, 6],
      ['g', 20, 7],
      ['a', 20, 1],
      ['b', 10, 2],
      ['c', 40, 3],
      ['d', 10, 4],
    ];
    for (const [line, t, n] of added) expect(sort.add(line, t, n)).toBe(true);
    expect(sort.size).toBe(7);
    expect([...sort.sorted()].map((e) => e.line).join('')).toBe('bdfagec');
  });

  it('refuses a line past the memory cap and lets go of what it held', () => {
    const sort = new TimeSort(2 * (64 + 10));
    expect(sort.add('x'.repeat(10), 1, 1)).toBe(true);
    expect(sort.add('x'.repeat(10), 2, 2)).toBe(true);
    expect(sort.full).toBe(false);
    expect(sort.add('x', 3, 3)).toBe(false);
    expect(sort.full).toBe(true);
    expect(sort.size).toBe(0);
    expect(sort.add('', 4, 4)).toBe(false);
  });
});
