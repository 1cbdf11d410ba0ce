/** The two ways the service benchmarks send load: as fast as acknowledged, and on a fixed schedule. */
import { postRecords, type IngestTarget } from './serve-client.js';
import { sleep } from './serve-stats.js';

/**
 * Records/s when `clients` concurrent senders post `bodies` (each taken once, in turn), each
 * sender posting its next body as soon as the previous one was acknowledged.
 */
export async function closedLoopRate(
  target: IngestTarget,
  bodies: readonly Buffer[],
  clients: number,
): Promise<number> {
  let next = 0;
  let accepted = 0;
  const sender = async (): Promise<void> => {
    for (let i = next++; i < bodies.length; i = next++) {
      // Not `accepted += await …`: that reads `accepted` before the await and loses updates.
      const n = await postRecords(target, bodies[i]!);
      accepted += n;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, sender));
  return accepted / ((performance.now() - t0) / 1000);
}

/** A fixed schedule of sends. */
export interface Schedule {
  readonly batchesPerSec: number;
  readonly seconds: number;
  /** The body of the send scheduled at `scheduledMs` (epoch ms), built when it is due. */
  readonly body: (scheduledMs: number) => Buffer;
  /** Called about once a second while the schedule runs (e.g. to sample the engine). */
  readonly everySecond?: (elapsedS: number) => void | Promise<void>;
}

/**
 * Open loop: sends on the schedule whether or not earlier sends were answered, and resolves to
 * each send's acknowledgement latency in ms, measured from its scheduled time (so a stalled
 * service shows as latency, not as a slower schedule).
 */
export async function openLoopLatencies(target: IngestTarget, s: Schedule): Promise<number[]> {
  const periodMs = 1000 / s.batchesPerSec;
  const total = Math.round(s.batchesPerSec * s.seconds);
  const startPerf = performance.now() + 50;
  const startEpoch = Date.now() + 50;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let nextSecond = 1;
  // The first failed send stops the schedule; it is thrown once the sends in flight settled.
  let failure: { readonly error: unknown } | undefined;
  for (let n = 0; n < total && failure === undefined; n++) {
    const dueAt = startPerf + n * periodMs;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    const body = s.body(startEpoch + n * periodMs);
    pending.push(
      postRecords(target, body).then(
        () => void latencies.push(performance.now() - dueAt),
        (error: unknown) => void (failure ??= { error }),
      ),
    );
    if (s.everySecond !== undefined && n * periodMs >= nextSecond * 1000) {
      await s.everySecond(nextSecond++);
    }
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure.error;
  return latencies;
}
