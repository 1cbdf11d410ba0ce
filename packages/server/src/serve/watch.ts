/**
 * Watching the providers (issue 10): the configured status-page pollers and probes, their
 * readings stored as records and fed to the live engine like any others, their outcomes counted.
 */
import {
  classify,
  isStatusObservation,
  type CallRecord,
  type StatusObservation,
} from '@faultline/core';
import type { ServiceMetrics } from '../api/service-metrics.js';
import { RowCollector } from '../ingest/index.js';
import type { FaultlineConfig } from '../config/index.js';
import { createProber, type ProbeState, type ProbeTimers } from '../probes/index.js';
import { createStatusPoller, type SetTimer, type StatusPoller } from '../status-pages/index.js';
import { recordCommitter, type CommitterDeps } from './record-committer.js';
import type { StatusView } from './status-view.js';
import { lastStoredStatus } from './stored-status.js';

export interface WatchDeps extends CommitterDeps {
  readonly config: FaultlineConfig;
  readonly metrics: ServiceMetrics;
  readonly statusView: StatusView;
  readonly log: (line: string) => void;
  /** The fetch pollers and probes go out with (default global fetch). */
  readonly fetch?: typeof globalThis.fetch;
  /** A record clock faster than the wall clock (tests, the demo); default: the wall clock. */
  readonly clock?: WatchClock;
}

/**
 * A record clock that runs faster than the wall clock, as `now` does, so that minutes of record
 * time pass in seconds: the timers probes and pollers wait on, scaled down to match, and the
 * record time of a wall time (a probe record's `ts` is stamped on the wall clock by the SDK's
 * instrument).
 */
export interface WatchClock {
  readonly timers: ProbeTimers;
  /** The record time (epoch ms) at wall time `wallMs`. */
  readonly recordMs: (wallMs: number) => number;
}

export interface Watch {
  start(): void;
  stop(): Promise<void>;
  /** The probes' expected cost, one line per provider. */
  costLines(): string[];
  probes(): ProbeState[];
  /** Providers watched by a probe or a status page, even with no app traffic. */
  providers(): string[];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The poller's timer on `timers`. */
function pollTimer(timers: ProbeTimers): SetTimer {
  return (fn, ms) => {
    const handle = timers.setTimeout(fn, ms);
    return () => timers.clearTimeout(handle);
  };
}

/** A probe record with its wall-clock `ts` moved to record time. */
function inRecordTime(record: CallRecord, clock: WatchClock | undefined): CallRecord {
  if (clock === undefined) return record;
  const wallMs = typeof record.ts === 'number' ? record.ts : Date.parse(record.ts);
  return { ...record, ts: new Date(clock.recordMs(wallMs)).toISOString() };
}

export function createWatch(deps: WatchDeps): Watch {
  const { config, log, metrics, clock } = deps;
  const fetchFn = deps.fetch ?? globalThis.fetch;
  const commitStatus = recordCommitter(deps, 'status');
  const commitProbe = recordCommitter(deps, 'probe');
  const pollers: StatusPoller[] = config.status_pages.map((entry) =>
    createStatusPoller({
      source: entry,
      fetch: fetchFn,
      now: deps.now,
      ...(clock === undefined ? {} : { setTimer: pollTimer(clock.timers) }),
      onObservations: (observations: readonly StatusObservation[]) => {
        void commitStatus(observations).then(
          () => deps.statusView.observe(observations.filter(isStatusObservation), deps.now()),
          (e: unknown) => log(`status page ${entry.provider}: not stored: ${errorText(e)}`),
        );
      },
      onSourceState: (s) => {
        deps.statusView.source(s, deps.now());
        const why =
          s.reason === undefined
            ? ''
            : ` (${s.reason}${s.detail === undefined ? '' : `: ${s.detail}`})`;
        log(`status page ${s.provider} ${s.endpoint}: ${s.state}${why}`);
      },
      onPoll: (o) => {
        metrics.poll(o.provider, o.outcome);
        if (o.outcome !== 'unknown') deps.statusView.readOk(o.provider, deps.now());
      },
      onError: (e) => log(`status page ${entry.provider}: ${errorText(e)}`),
    }),
  );
  const prober = createProber({
    probes: config.probes,
    now: deps.now,
    log,
    fetch: fetchFn,
    ...(clock === undefined ? {} : { timers: clock.timers }),
    sink: async (wallRecord: CallRecord) => {
      const record = inRecordTime(wallRecord, clock);
      const c = classify(record);
      const latency =
        typeof record.duration_ms === 'number' ? record.duration_ms / 1000 : undefined;
      metrics.probe(record.provider, record.model, c.layer === 'none' ? 'ok' : c.layer, latency);
      await commitProbe([record]);
    },
  });
  let stopped = false;
  // After a restart the pages start from what was stored, lest unchanged components look new.
  const seedPollers = async (): Promise<void> => {
    if (pollers.length === 0) return;
    const nowMs = deps.now();
    const stored = await lastStoredStatus(
      deps.store,
      config.status_pages.map((s) => s.provider),
      nowMs - config.retention.records,
      nowMs + RowCollector.MAX_AHEAD_MS,
    ).catch((e: unknown) => {
      log(`status pages: stored readings not read, starting afresh: ${errorText(e)}`);
      return [];
    });
    deps.statusView.seed(stored);
    for (const p of pollers) p.seed(stored);
  };
  let starting: Promise<void> = Promise.resolve();
  return {
    start() {
      starting = seedPollers().then(() => {
        if (!stopped) for (const p of pollers) p.start();
      });
      if (config.probes.length > 0) prober.start();
    },
    async stop() {
      stopped = true;
      await starting;
      await Promise.all([prober.stop(), ...pollers.map((p) => p.shutdown())]);
    },
    costLines: () => (config.probes.length > 0 ? prober.costLines() : []),
    probes: () => prober.state(),
    providers: () => [
      ...new Set([
        ...config.status_pages.map((s) => s.provider),
        ...config.probes.map((p) => p.provider),
      ]),
    ],
  };
}
