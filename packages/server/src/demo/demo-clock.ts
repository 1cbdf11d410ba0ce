/**
 * The demo's clocks. Twelve minutes of traffic replay in under a minute, so record time runs
 * `scale`× faster than the wall clock, and ends *now*: the replayed minutes are the last twelve,
 * and after the replay both clocks run at 1×, so `faultline demo --keep` leaves a server whose
 * clock is the wall clock again.
 */

export interface DemoClockOptions {
  /** Wall time (epoch ms) the replay runs fast until; record time equals it there. */
  readonly fastUntilMs: number;
  /** How much faster record time runs than the wall clock until then. */
  readonly scale: number;
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
  /** Record time (epoch ms) at wall time `wallMs`. */
  app(wallMs: number): number;
  /** The server's clock at wall time `wallMs`: the app's, `serverBehindMs` of wall time ago. */
  server(wallMs: number): number;
}

/**
 * Creates the demo's clocks: continuous and increasing, `scale`× until `fastUntilMs`, then 1×.
 * @example
 * const clock = createDemoClock({ fastUntilMs: Date.now() + 50_000, scale: 15, serverBehindMs: 1000 });
 * record.ts = new Date(clock.app(Date.now())).toISOString();
 */
export function createDemoClock(options: DemoClockOptions): DemoClock {
  const { fastUntilMs, scale, serverBehindMs } = options;
  const app = (wallMs: number): number =>
    wallMs >= fastUntilMs ? wallMs : fastUntilMs - (fastUntilMs - wallMs) * scale;
  return { app, server: (wallMs) => app(wallMs - serverBehindMs) };
}
