/**
 * The diagnosis engine: one pure, incremental state machine. Records go in in time order
 * (`ingest`), time passes with `tick(now)`; it never looks ahead, so an offline replay tells
 * exactly when the live system would have known. Memory is bounded by the number of scopes;
 * `snapshot()` saves the whole state as JSON data and `createEngine({ initialState })` resumes it.
 */
import { classify } from '../classify/index.js';
import type { Incident, IncidentVerdict } from '../diagnosis/index.js';
import { isStatusObservation, type FaultlineRecord } from '../records/index.js';
import type { CallFacts } from './bucket.js';
import { toDisposable, type Disposable } from './disposable.js';
import { modelCapWarning, providerCapWarning, type EngineWarning } from './engine-warning.js';
import { assertSnapshotVersion, SNAPSHOT_VERSION, type EngineSnapshot } from './engine-state.js';
import { evaluateAt } from './evaluate-step.js';
import { goldenOf } from './signals/golden-assessment.js';
import { latencyBin } from './latency-histogram.js';
import { observedKey, observedOf } from './observe-call.js';
import {
  DEFAULT_MAX_MODELS_PER_PROVIDER,
  DEFAULT_MAX_PROVIDERS,
  OVERFLOW_MODEL,
  OVERFLOW_PROVIDER,
  ScopeRegistry,
} from './scope-registry.js';
import { BUCKET_MS } from './scope-stats.js';
import { finiteOr, orNull } from './state-numbers.js';
import { StatusBoard } from './status-board.js';
import { Tracker, type IncidentEventKind } from './tracker.js';
import { toIncident } from './to-incident.js';

/** A change of verdict. */
export interface IncidentEvent {
  readonly kind: IncidentEventKind;
  readonly incident: Incident;
  readonly atMs: number;
}

export interface EngineOptions {
  /** Drafts an incident's public update; the engine stays free of wording. */
  readonly draft?: (incident: IncidentVerdict) => string;
  /**
   * Models tracked per provider (default 500). Calls to further models of a provider count
   * together as model `"other"`, and a `model_cap` warning says so: memory stays bounded when
   * model ids are unbounded (a request id pasted into the model name).
   */
  readonly maxModelsPerProvider?: number;
  /**
   * Providers tracked (default 200). Calls to further providers count together as provider
   * `"other"`, and one `provider_cap` warning says so: memory stays bounded when provider names
   * are unbounded. Providers evicted after ten quiet minutes free their place.
   */
  readonly maxProviders?: number;
  /**
   * A state saved by `engine.snapshot()` (after a JSON round trip, or not) to resume from. A
   * snapshot of another version is refused with an error.
   */
  readonly initialState?: EngineSnapshot;
}

export interface Engine {
  /** Feeds one record (a call or a status observation) at its time `timeMs`. */
  ingest(record: FaultlineRecord, timeMs: number): void;
  /** Lets time pass to `nowMs` with no record. */
  tick(nowMs: number): void;
  /** Every incident so far, by `started_at`. */
  incidents(): Incident[];
  /** Listens to changes of verdict until the returned handle is disposed. */
  onChange(listener: (event: IncidentEvent) => void): Disposable;
  /** Every warning so far about the engine's limits (at most one per provider and kind). */
  warnings(): EngineWarning[];
  /** Listens to new warnings until the returned handle is disposed. */
  onWarning(listener: (warning: EngineWarning) => void): Disposable;
  /** The whole state as plain, JSON-serialisable data (`{ version: 1, … }`); listeners are not part of it. */
  snapshot(): EngineSnapshot;
}

/**
 * Creates an engine, fresh or resumed from `initialState`.
 *
 * @example
 * const engine = createEngine({ draft: (i) => draftUpdate(i, { stage: 'identified', voice: 'public' }) });
 * for (const { record, timeMs } of records) engine.ingest(record, timeMs);
 * engine.incidents();
 * const saved = JSON.stringify(engine.snapshot());
 * const resumed = createEngine({ initialState: JSON.parse(saved) });
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const warnings: EngineWarning[] = [];
  const warningListeners = new Set<(w: EngineWarning) => void>();
  /** The time of the record being ingested, for warnings. */
  let ingestMs = NaN;
  const warn = (w: EngineWarning): void => {
    warnings.push(w);
    for (const l of warningListeners) l(w);
  };
  /** The provider cap warns once per engine, resumed or not (the warnings are in the snapshot). */
  let providerCapWarned = false;
  const scopes = new ScopeRegistry(
    options.maxModelsPerProvider ?? DEFAULT_MAX_MODELS_PER_PROVIDER,
    (provider, max) => warn(modelCapWarning(provider, max, OVERFLOW_MODEL, ingestMs)),
    options.maxProviders ?? DEFAULT_MAX_PROVIDERS,
    (provider, max) => {
      if (providerCapWarned) return;
      providerCapWarned = true;
      warn(providerCapWarning(provider, max, OVERFLOW_PROVIDER, ingestMs));
    },
  );
  const clock = scopes.clock;
  const status = new StatusBoard();
  const listeners = new Set<(e: IncidentEvent) => void>();
  const tracker = new Tracker((kind, t, atMs) => {
    if (listeners.size === 0) return;
    const incident = toIncident(t, options.draft);
    for (const l of listeners) l({ kind, incident, atMs });
  });
  if (options.initialState !== undefined) {
    const s: unknown = options.initialState;
    assertSnapshotVersion(s);
    clock.startMs = finiteOr(s.clockMs, NaN);
    scopes.restore(s.providers);
    status.restore(s.status);
    tracker.restore(s.tracker);
    warnings.push(...s.warnings);
    providerCapWarned = warnings.some((w) => w.kind === 'provider_cap');
  }

  const advance = (nowMs: number): void => {
    const target = Math.floor(nowMs / BUCKET_MS) * BUCKET_MS;
    if (Number.isNaN(clock.startMs)) {
      clock.startMs = target;
      return;
    }
    // A long silence: nothing to evaluate but the last ten minutes before `target`.
    if (target - clock.startMs > 70 * BUCKET_MS) clock.startMs = target - 61 * BUCKET_MS;
    while (clock.startMs < target) {
      clock.startMs += BUCKET_MS;
      evaluateAt(clock.startMs, scopes, status, tracker);
      // Once a minute of record time, drop what no window can see any more.
      if (clock.startMs % (6 * BUCKET_MS) === 0) scopes.evictQuiet(clock.startMs, needed);
    }
  };

  /** Scopes of a provider with an open incident (or of any, under a global one) stay. */
  const needed = (provider: string): boolean =>
    tracker.open().some((t) => t.candidate.provider === null || t.candidate.provider === provider);

  return {
    ingest(record, timeMs) {
      advance(timeMs);
      if (isStatusObservation(record)) {
        status.observe(record, timeMs);
        return;
      }
      const c = classify(record);
      if (c.reason === 'cancelled') return; // never a failure, and not a call that completed
      ingestMs = timeMs;
      const [model, provider] = scopes.scopesOf(record.provider, record.model);
      const layer = c.layer === 'none' ? null : c.layer;
      const facts: CallFacts = {
        timeMs,
        first: record.attempt === undefined || record.attempt <= 1,
        probe: record.source === 'probe',
        golden: goldenOf(record, layer),
        timeoutMs: record.timeout_ms,
        layer,
        reason: c.reason,
        observed: layer === null ? '' : observedKey(observedOf(record)),
        durationMs: record.duration_ms,
        ttftMs: record.ttft_ms,
        // Binned once here rather than in each of the two scopes' buckets.
        durationBin:
          layer === null && record.duration_ms !== undefined
            ? latencyBin(record.duration_ms)
            : undefined,
        ttftBin:
          layer === null && record.ttft_ms !== undefined ? latencyBin(record.ttft_ms) : undefined,
      };
      model.add(facts);
      provider.add(facts);
    },
    tick: advance,
    incidents: () =>
      tracker.all
        .map((t) => toIncident(t, options.draft))
        .sort((a, b) => a.started_at.localeCompare(b.started_at)),
    onChange(listener) {
      // A wrapper per call, so the same function added twice is two listeners, disposed apart.
      const l = (e: IncidentEvent): void => listener(e);
      listeners.add(l);
      return toDisposable(() => listeners.delete(l));
    },
    warnings: () => [...warnings],
    onWarning(listener) {
      const l = (w: EngineWarning): void => listener(w);
      warningListeners.add(l);
      return toDisposable(() => warningListeners.delete(l));
    },
    snapshot: () => ({
      version: SNAPSHOT_VERSION,
      clockMs: orNull(clock.startMs),
      providers: scopes.toState(),
      status: status.toState(),
      tracker: tracker.toState(),
      warnings: [...warnings],
    }),
  };
}
