/**
 * The demo's clocks. Eighteen minutes of traffic replay in about a minute, so record time runs
 * faster than the wall clock — 15×, and 30× through the quiet middle of the overload — and ends
 * *now*: the replayed minutes are the last eighteen, and after the replay both clocks run at 1×,
 * so `faultline demo --keep` leaves a server whose clock is the wall clock again.
 */

/** A stretch of the replay: record time runs `scale`× until `untilS` record seconds in. */
export interface ClockStretch {
  readonly untilS: number;
  readonly scale: number;
}

/** Plain data (it crosses to the server's worker thread). */
export interface DemoClockOptions {
  /** Wall time (epoch ms) the replay starts at. */
  readonly startWallMs: number;
  /** In order of `untilS`, at least one; the last one's end is the end of the fast clock. */
  readonly stretches: readonly ClockStretch[];
  /**
   * How far (wall ms) the server's clock runs behind the app's. The server feeds a record to its
   * engine once its clock is a grace past the record (2 s); a record reaches it a batch interval
   * plus a commit after its time, which at 15× is several record seconds: without this margin,
   * records would all arrive "late".
   */
  readonly serverBehindMs: number;
}

/** Record time as the app stamps it, and the server's clock. */
export interface DemoClock {
  /** Wall time at which the fast clock ends; from there on record time is wall time. */
  readonly fastUntilMs: number;
  /** Record time (epoch ms) at wall time `wallMs`. */
  app(wallMs: number): number;
  /** The server's clock at wall time `wallMs`: the app's, `serverBehindMs` of wall time ago. */
  server(wallMs: number): number;
  /** The wall time at which the app's clock reads `recordMs` (the inverse of `app`). */
  wallOf(recordMs: number): number;
  /** The wall time `s` record seconds into the replay. */
  wallAtS(s: number): number;
}

/** One stretch laid out on both clocks. */
interface Leg {
  readonly wallMs: number;
  readonly recordMs: number;
  readonly scale: number;
}

/**
 * Creates the demo's clocks: continuous and increasing, each stretch at its own speed, then 1×.
 * Before the start, the first stretch's speed holds.
 * @example
 * const clock = createDemoClock({ startWallMs: Date.now(), stretches: [{ untilS: 720, scale: 15 }], serverBehindMs: 1000 });
 * record.ts = new Date(clock.app(Date.now())).toISOString();
 */
export function createDemoClock(options: DemoClockOptions): DemoClock {
  const { startWallMs, stretches, serverBehindMs } = options;
  const legs: Leg[] = [];
  let wallMs = startWallMs;
  let fromS = 0;
  for (const s of stretches) {
    legs.push({ wallMs, recordMs: fromS * 1000, scale: s.scale });
    wallMs += ((s.untilS - fromS) * 1000) / s.scale;
    fromS = s.untilS;
  }
  const fastUntilMs = wallMs;
  // Record time is wall time at the end: the replay's start is `fromS` seconds before it.
  const originMs = fastUntilMs - fromS * 1000;
  legs.push({ wallMs: fastUntilMs, recordMs: fromS * 1000, scale: 1 });
  const byWall = (w: number): Leg => legs.findLast((l) => l.wallMs <= w) ?? legs[0]!;
  const byRecord = (r: number): Leg => legs.findLast((l) => l.recordMs <= r) ?? legs[0]!;
  const app = (w: number): number => {
    const leg = byWall(w);
    return originMs + leg.recordMs + (w - leg.wallMs) * leg.scale;
  };
  const wallOf = (recordMs: number): number => {
    const leg = byRecord(recordMs - originMs);
    return leg.wallMs + (recordMs - originMs - leg.recordMs) / leg.scale;
  };
  return {
    fastUntilMs,
    app,
    server: (w) => app(w - serverBehindMs),
    wallOf,
    wallAtS: (s) => wallOf(originMs + s * 1000),
  };
}
