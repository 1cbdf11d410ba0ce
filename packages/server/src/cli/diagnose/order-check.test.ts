import { describe, expect, it } from 'vitest';
import { TimeDirection, sortRefusal } from './order-check.js';

function direction(times: number[]): TimeDirection {
  const d = new TimeDirection();
  for (const t of times) d.note(t);
  return d;
}

describe('TimeDirection', () => {
  it('counts rising and falling steps, not equal ones', () => {
    const d = direction([5, 4, 4, 3, 6, 1]);
    expect([d.rising, d.falling]).toEqual([1, 3]);
  });
});

describe('sortRefusal', () => {
  const base = { lateLine: 42, slackMinutes: 5, maxSortBytes: 1000 };

  it('says where order broke, that a file looks newest-first, and how to sort it', () => {
    const m = sortRefusal({
      ...base,
      direction: direction([9, 8, 7, 6]),
      source: 'my file.jsonl',
      readOnce: false,
    });
    expect(m).toMatch(/^line 42 is more than 5 minutes older than a record before it/);
    expect(m).toMatch(/newest-first/);
    expect(m).toMatch(/over --max-sort-bytes \(1000 bytes\)/);
    expect(m).toContain("tac 'my file.jsonl' > sorted.jsonl");
    expect(m).toContain("jq -cs 'sort_by(.ts)[]'");
  });

  it('for standard input, says it is read once and suggests giving the file by name', () => {
    const m = sortRefusal({
      ...base,
      direction: direction([1, 3, 2, 4]),
      source: '-',
      readOnce: true,
    });
    expect(m).toMatch(/out of time order/);
    expect(m).toMatch(/read only once/);
    expect(m).toMatch(/over --max-sort-bytes \(1000 bytes\) of records/);
    expect(m).toMatch(/give the file by name/i);
    expect(m).toContain('tac FILE > sorted.jsonl');
  });
});
