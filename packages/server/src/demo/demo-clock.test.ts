import { describe, expect, it } from 'vitest';
import { createDemoClock } from './demo-clock.js';

const START = Date.UTC(2026, 10, 22, 4, 0);
/** 0–300 s at 15× (20 s), 300–720 s at 60× (7 s), 720–1200 s at 15× (32 s): 59 wall seconds. */
const clock = createDemoClock({
  startWallMs: START,
  stretches: [
    { untilS: 300, scale: 15 },
    { untilS: 720, scale: 60 },
    { untilS: 1200, scale: 15 },
  ],
  serverBehindMs: 1000,
});
const END = START + 59_000;
/** Record time at the start: twenty record minutes before the end. */
const R0 = END - 1_200_000;

describe('createDemoClock', () => {
  it('ends the fast clock when the last stretch ends', () => {
    expect(clock.fastUntilMs).toBe(END);
  });

  it.each([
    ['the start', START, R0],
    ['one wall second in, at 15×', START + 1000, R0 + 15_000],
    ['the start of the 60× stretch', START + 20_000, R0 + 300_000],
    ['one wall second into it', START + 21_000, R0 + 360_000],
    ['its end', START + 27_000, R0 + 720_000],
    ['one wall second later, 15× again', START + 28_000, R0 + 735_000],
    ['the end of the replay', END, END],
    ['after the end, at 1×', END + 5000, END + 5000],
    ['before the start, at the first speed', START - 1000, R0 - 15_000],
  ])('stamps records at %s', (_what, wall, expected) => {
    expect(clock.app(wall)).toBe(expected);
  });

  it.each([0, 1000, 20_000, 23_500, 27_000, 40_000, 59_000, 65_000])(
    'finds the wall time of a record time (%i ms in)',
    (dWall) => {
      expect(clock.wallOf(clock.app(START + dWall))).toBeCloseTo(START + dWall, 6);
    },
  );

  it('places record seconds on the wall clock', () => {
    expect(clock.wallAtS(0)).toBe(START);
    expect(clock.wallAtS(510)).toBe(START + 23_500);
    expect(clock.wallAtS(1200)).toBe(END);
  });

  it('runs the server one wall second behind the app, in record time', () => {
    expect(clock.server(START + 10_000)).toBe(clock.app(START + 9000));
    expect(clock.app(START + 10_000) - clock.server(START + 10_000)).toBe(15_000);
    expect(clock.app(START + 24_000) - clock.server(START + 24_000)).toBe(60_000);
    expect(clock.server(END + 60_000)).toBe(END + 59_000);
  });

  it('never goes backwards across changes of speed', () => {
    let last = -Infinity;
    for (let wall = START - 3000; wall <= END + 3000; wall += 250) {
      expect(clock.server(wall)).toBeGreaterThan(last);
      last = clock.server(wall);
    }
  });
});
