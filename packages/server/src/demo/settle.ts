/** Waits, after the traffic, until the server has judged and published every record it took. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningService } from '../serve/start-service.js';

/** Longest wait for the engine to drain once the replay's clock is past the last record. */
const DRAIN_LIMIT_MS = 5_000;
/** Time for the last published change to cross the event stream. */
const DELIVERY_MS = 300;

/**
 * Resolves once the wall clock is at `untilWallMs` (when the server's clock has passed every
 * record's time plus its grace) and the engine holds no record and no unsaved change; early
 * when `signal` aborts.
 */
export async function settle(
  service: RunningService,
  untilWallMs: number,
  signal: AbortSignal,
): Promise<void> {
  const wait = async (ms: number): Promise<void> => {
    await sleep(Math.max(0, ms), undefined, { signal }).catch(() => undefined);
  };
  await wait(untilWallMs - Date.now());
  const limit = Date.now() + DRAIN_LIMIT_MS;
  for (;;) {
    service.live.tick();
    await service.live.flush();
    const { held, pendingSaves } = service.live.stats();
    if ((held === 0 && pendingSaves === 0) || signal.aborted || Date.now() > limit) break;
    await wait(100);
  }
  await wait(DELIVERY_MS);
}
