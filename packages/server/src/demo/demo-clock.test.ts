import { describe, expect, it } from 'vitest';
import { createDemoClock } from './demo-clock.js';

const END = Date.UTC(2026, 10, 22, 4, 30);
const clock = createDemoClock({ fastUntilMs: END, scale: 15, serverBehindMs: 1000 });

describe('createDemoClock', () => {
  it.each([
    ['the end of the replay', END, END],
    ['one wall second before the end', END - 1000, END - 15_000],
    ['48 wall seconds before the end: twelve record minutes', END - 48_000, END - 720_000],
    ['after the end, at 1×', END + 5000, END + 5000],
  ])('stamps records at %s', (_what, wall, expected) => {
    expect(clock.app(wall)).toBe(expected);
  });

  it('runs the server one wall second behind the app, in record time', () => {
    expect(clock.server(END - 10_000)).toBe(clock.app(END - 11_000));
    expect(clock.app(END - 10_000) - clock.server(END - 10_000)).toBe(15_000);
    expect(clock.server(END + 60_000)).toBe(END + 59_000);
  });

  it('never goes backwards across the end of the replay', () => {
    let last = -Infinity;
    for (let wall = END - 3000; wall <= END + 3000; wall += 250) {
      expect(clock.server(wall)).toBeGreaterThan(last);
      last = clock.server(wall);
    }
  });
});
