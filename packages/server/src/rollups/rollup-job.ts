/**
 * The rollup job (a leader duty, issue 14): reads records after the rollup cursor in `seq` order,
 * counts them into per-minute rows and adds them with the cursor's move in one transaction, so a
 * record is counted once even across restarts and leader changes.
 */
import type { Store } from '../store/port.js';
import { aggregateRecords } from './aggregate.js';

export interface RollupJobOptions {
  readonly store: Store;
  /** Records read per transaction (default 5,000). */
  readonly pageSize?: number;
  /** Pause once caught up (default 10 s). */
  readonly everyMs?: number;
  /** The first pass, after the start (default 1 s). */
  readonly firstAfterMs?: number;
  readonly onError: (error: unknown) => void;
}

export interface RollupJob {
  /** Rolls up everything stored now; resolves to the records counted. */
  catchUp(): Promise<number>;
  stop(): Promise<void>;
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Starts the job on an unref'd timer; `stop` waits for a pass under way. */
export function startRollupJob(opts: RollupJobOptions): RollupJob {
  const pageSize = opts.pageSize ?? 5000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | undefined;

  const pass = async (): Promise<number> => {
    let counted = 0;
    while (!stopped) {
      const from = await opts.store.rollupCursor();
      const page = await opts.store.recordsAfter(from, pageSize);
      if (page.length === 0) break;
      const to = page[page.length - 1]?.seq ?? from;
      // False: another writer moved the cursor (a zombie leader); read again from where it is.
      if (await opts.store.applyRollups(aggregateRecords(page), from, to)) counted += page.length;
      if (page.length < pageSize) break;
      await nextTurn(); // let requests be served between pages
    }
    return counted;
  };

  const catchUp = (): Promise<number> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (afterMs: number): void => {
    if (stopped) return;
    const again = (): void => schedule(opts.everyMs ?? 10_000);
    timer = setTimeout(() => {
      catchUp().then(again, (e: unknown) => {
        opts.onError(e);
        again();
      });
    }, afterMs);
    timer.unref();
  };
  schedule(opts.firstAfterMs ?? 1000);

  return {
    catchUp,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
