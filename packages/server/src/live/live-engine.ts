/**
 * The live engine of `faultline serve`: the core engine fed with committed records in record time,
 * its events saved with their drafts, its state snapshotted so a restart resumes where it was.
 */
import { createEngine, draftUpdate, type Engine, type EngineSnapshot } from '@faultline/core';
import type { FeedEntry, StoredRecord } from '../store/port.js';
import { EventOrdinals } from './event-ordinals.js';
import { HealthWindow } from './health-window.js';
import { HELD_BY_SEQ_WINDOW, restoreHeld } from './held-records.js';
import { prepareChange } from './incident-change.js';
import type { LiveEngine, LiveEngineOptions } from './live-options.js';
import { LIVE_SNAPSHOT_VERSION, parseLiveSnapshot, type LiveSnapshot } from './live-snapshot.js';
import { RecordFeed } from './record-feed.js';
import { SaveQueue } from './save-queue.js';
import { StoreReader } from './store-reader.js';

/** The parts rebuilt on each start: the engine and what feeds it. */
interface Running {
  readonly engine: Engine;
  readonly feed: RecordFeed;
  readonly health: HealthWindow;
  readonly ordinals: EventOrdinals;
  readonly reader: StoreReader;
}

/**
 * Creates the live engine. It judges exactly as `faultline diagnose` does on the same records in
 * time order (the same engine and update drafts), holding each record only until the wall clock
 * is `graceMs` past it, so a 10 s bucket is judged about `graceMs` after it ends.
 *
 * @example
 * const live = createLiveEngine({ store, onError: (e, what) => log.warn(what, e) });
 * await live.start(); // ready for /readyz
 * ingest.onCommit((records) => live.accept(records));
 * live.onFeed((entry) => sse.push(entry));
 * await live.stop();
 */
export function createLiveEngine(opts: LiveEngineOptions): LiveEngine {
  const { store } = opts;
  const now = opts.now ?? Date.now;
  const latenessMs = opts.latenessMs ?? 30_000;
  const graceMs = opts.graceMs ?? 2_000;
  const snapshotEveryMs = opts.snapshotEveryMs ?? 5_000;
  const onError = (e: unknown, what: string): void => {
    try {
      opts.onError?.(e, what);
    } catch {
      // a logger that throws must not stop the engine
    }
  };
  const listeners = new Set<(entry: FeedEntry) => void>();
  if (opts.onFeed !== undefined) listeners.add(opts.onFeed);
  const queue = new SaveQueue({
    store,
    onError,
    onSaved: (entry) => {
      for (const l of listeners) l(entry);
    },
  });
  let phase: 'idle' | 'starting' | 'live' | 'stopped' = 'idle';
  let run: Running | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastSnapshotMs = -Infinity;
  let bad = 0;
  let pollTimer: NodeJS.Timeout | undefined;
  /** Records taken live since the last hand-over to `onPolledRecords`. */
  let polled: StoredRecord[] = [];

  const newEngine = (initialState?: EngineSnapshot): Engine => {
    const engine = createEngine({
      // The draft `faultline diagnose` writes into each incident's `update`.
      draft: (i) =>
        draftUpdate(i, {
          stage: i.resolved_at === null ? 'identified' : 'resolved',
          voice: 'public',
        }),
      ...(initialState === undefined ? {} : { initialState }),
    });
    engine.onWarning((w) => opts.onWarning?.(w));
    return engine;
  };

  /** The engine from the snapshot, or a fresh one replaying every record when there is none usable. */
  const resume = async (): Promise<Running> => {
    const row = await store.loadSnapshot();
    let snap: LiveSnapshot | undefined;
    let engine: Engine | undefined;
    if (row !== undefined) {
      try {
        snap = parseLiveSnapshot(row.json);
        engine = newEngine(snap.engine);
      } catch (e: unknown) {
        onError(e, 'resuming the engine snapshot; replaying every stored record instead');
        snap = undefined;
      }
    }
    engine ??= newEngine();
    const ordinals = new EventOrdinals(snap?.events, engine.incidents());
    engine.onChange((e) => {
      queue.push({ kind: 'change', prepared: prepareChange(e), ordinal: ordinals.next(e) });
    });
    const onBad = (r: StoredRecord, why: string): void => {
      bad++;
      onError(new Error(`stored record ${r.seq} cannot be read: ${why}`), 'feeding the engine');
    };
    const pageSize = opts.pageSize ?? 10_000;
    const feedState =
      snap === undefined
        ? undefined
        : { ...snap.feed, held: await restoreHeld(store, snap.feed.held, pageSize) };
    const feed = new RecordFeed(engine, onBad, feedState);
    const health = new HealthWindow(snap?.health);
    const reader = new StoreReader({
      store,
      pageSize,
      lastSeq: snap?.lastSeq ?? 0,
      take: (r) => {
        health.note(r);
        feed.take(r);
        if (phase === 'live' && opts.onPolledRecords !== undefined) polled.push(r);
      },
    });
    return { engine, feed, health, ordinals, reader };
  };

  const readError = (e: unknown): void => onError(e, 'reading records the engine missed');
  const wallMark = (): number => now() - graceMs;

  const saveSnapshot = (r: Running): void => {
    lastSnapshotMs = now();
    const state: LiveSnapshot = {
      version: LIVE_SNAPSHOT_VERSION,
      engine: r.engine.snapshot(),
      feed: r.feed.toState(r.reader.lastSeq - HELD_BY_SEQ_WINDOW),
      lastSeq: r.reader.lastSeq,
      events: r.ordinals.toState(r.feed.watermarkMs),
      health: r.health.toState(),
    };
    const row = { json: JSON.stringify(state), lastSeq: r.reader.lastSeq, savedAtMs: now() };
    queue.push({ kind: 'snapshot', row });
  };

  const tick = (): void => {
    try {
      const r = run;
      if (phase !== 'live' || r === undefined) return;
      r.reader.retryIfStuck(readError);
      // While the store is read, records may be missing below the wall clock: wait for them.
      if (!r.reader.pulling) r.feed.release(wallMark());
      if (now() - lastSnapshotMs >= snapshotEveryMs) saveSnapshot(r);
    } catch (e: unknown) {
      onError(e, 'ticking the engine');
    }
  };

  /** One read of what other replicas committed (`pollStoreEveryMs`), then the feed moves on. */
  const poll = (): void => {
    const r = run;
    if (phase !== 'live' || r === undefined || r.reader.pulling) return;
    void r.reader.poll(readError).then(() => {
      try {
        const taken = polled;
        polled = [];
        if (taken.length > 0) opts.onPolledRecords?.(taken);
        if (phase === 'live' && !r.reader.pulling) r.feed.release(wallMark());
      } catch (e: unknown) {
        onError(e, 'feeding the records other replicas committed');
      }
    });
  };

  return {
    async start() {
      if (phase !== 'idle') throw new Error(`the live engine cannot start when ${phase}`);
      phase = 'starting';
      try {
        const r = (run = await resume());
        const targetSeq = await store.lastSeq();
        const catchUpMark = (): number => Math.min(r.feed.newestMs - latenessMs, wallMark());
        await r.reader.readAll((records) => {
          r.feed.release(catchUpMark());
          opts.onProgress?.({ records, lastSeq: r.reader.lastSeq, targetSeq });
        });
      } catch (e: unknown) {
        phase = 'idle';
        run = undefined;
        throw e;
      }
      phase = 'live';
      run.reader.live = true;
      run.reader.drainIncoming(readError);
      saveSnapshot(run);
      tick();
      timer = setInterval(tick, opts.tickEveryMs ?? 1_000);
      timer.unref();
      if (opts.pollStoreEveryMs !== undefined) {
        pollTimer = setInterval(poll, opts.pollStoreEveryMs);
        pollTimer.unref();
      }
    },
    accept(records) {
      const r = run;
      if (phase === 'stopped' || r === undefined) return; // before start: the catch-up reads them
      r.reader.accept(records, readError);
      if (phase === 'live' && !r.reader.pulling) r.feed.release(wallMark());
    },
    tick,
    get ready() {
      return phase === 'live';
    },
    stats() {
      const r = run;
      const newest = r?.feed.newestMs ?? -Infinity;
      const mark = r?.feed.watermarkMs ?? -Infinity;
      return {
        ready: phase === 'live',
        lastSeq: r?.reader.lastSeq ?? 0,
        held: r?.feed.held ?? 0,
        late: r?.feed.late ?? 0,
        bad,
        lagMs: Number.isFinite(newest) && Number.isFinite(mark) ? Math.max(0, newest - mark) : 0,
        pendingSaves: queue.size,
        saveFailures: queue.failures,
      };
    },
    health() {
      const at = now();
      const providers = run === undefined ? [] : run.health.health(at, run.ordinals.open());
      return { at: new Date(at).toISOString(), providers };
    },
    incidents: () => run?.engine.incidents() ?? [],
    onFeed(listener) {
      const l = (entry: FeedEntry): void => listener(entry);
      listeners.add(l);
      return { dispose: () => void listeners.delete(l) };
    },
    flush: () => queue.flush(),
    async stop() {
      if (phase === 'stopped') return;
      const wasLive = phase === 'live';
      phase = 'stopped';
      if (timer !== undefined) clearInterval(timer);
      if (pollTimer !== undefined) clearInterval(pollTimer);
      const r = run;
      if (wasLive && r !== undefined) {
        await r.reader.idle();
        saveSnapshot(r);
      }
      await queue.close();
    },
  };
}
