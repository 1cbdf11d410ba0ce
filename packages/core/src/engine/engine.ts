/**
 * The diagnosis engine: one pure, incremental state machine. Records go in in time order
 * (`ingest`), time passes with `tick(now)`; it never looks ahead, so an offline replay tells
 * exactly when the live system would have known. Memory is bounded by the number of scopes.
 */
import { classify } from '../classify/index.js';
import { isStatusObservation, type CallRecord, type FaultlineRecord } from '../records/index.js';
import { FAILURE_LAYERS, type CallFacts } from './bucket.js';
import { modelCapWarning, type EngineWarning } from './engine-warning.js';
import { assessAll, attribute } from './evaluate.js';
import type { ScopeEval } from './scope-eval.js';
import type { Incident } from './incident.js';
import {
  DEFAULT_MAX_MODELS_PER_PROVIDER,
  OVERFLOW_MODEL,
  ScopeRegistry,
} from './scope-registry.js';
import { BUCKET_MS, type ScopeStats } from './scope-stats.js';
import { StatusBoard } from './status-board.js';
import {
  confidenceOf,
  dominantReason,
  Tracker,
  type IncidentEventKind,
  type Tracked,
} from './tracker.js';

/** A change of verdict. */
export interface IncidentEvent {
  readonly kind: IncidentEventKind;
  readonly incident: Incident;
  readonly atMs: number;
}

export interface EngineOptions {
  /** Drafts an incident's public update; the engine stays free of wording. */
  readonly draft?: (incident: Omit<Incident, 'update'>) => string;
  /**
   * Models tracked per provider (default 500). Calls to further models of a provider count
   * together as model `"other"`, and a `model_cap` warning says so: memory stays bounded when
   * model ids are unbounded (a request id pasted into the model name).
   */
  readonly maxModelsPerProvider?: number;
}

export interface Engine {
  /** Feeds one record (a call or a status observation) at its time `timeMs`. */
  ingest(record: FaultlineRecord, timeMs: number): void;
  /** Lets time pass to `nowMs` with no record. */
  tick(nowMs: number): void;
  /** Every incident so far, by `started_at`. */
  incidents(): Incident[];
  /** Listens to changes of verdict; returns a function that stops listening. */
  onChange(listener: (event: IncidentEvent) => void): () => void;
  /** Every warning so far about the engine's limits (at most one per provider and kind). */
  warnings(): EngineWarning[];
  /** Listens to new warnings; returns a function that stops listening. */
  onWarning(listener: (warning: EngineWarning) => void): () => void;
}

/**
 * Creates an engine.
 *
 * @example
 * const engine = createEngine({ draft: (i) => draftUpdate(i, { stage: 'identified', voice: 'public' }) });
 * for (const { record, timeMs } of records) engine.ingest(record, timeMs);
 * engine.incidents();
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const warnings: EngineWarning[] = [];
  const warningListeners = new Set<(w: EngineWarning) => void>();
  const scopes = new ScopeRegistry(
    options.maxModelsPerProvider ?? DEFAULT_MAX_MODELS_PER_PROVIDER,
    (provider, max) => {
      const w = modelCapWarning(provider, max, OVERFLOW_MODEL, ingestMs);
      warnings.push(w);
      for (const l of warningListeners) l(w);
    },
  );
  const clock = scopes.clock;
  /** The time of the record being ingested, for warnings. */
  let ingestMs = NaN;
  const status = new StatusBoard();
  const listeners = new Set<(e: IncidentEvent) => void>();
  const tracker = new Tracker((kind, t, atMs) => {
    if (listeners.size === 0) return;
    const incident = toIncident(t, options);
    for (const l of listeners) l({ kind, incident, atMs });
  });

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
      evaluate(clock.startMs);
      // Once a minute of record time, drop what no window can see any more.
      if (clock.startMs % (6 * BUCKET_MS) === 0) scopes.evictQuiet(clock.startMs, needed);
    }
  };

  /** Scopes of a provider with an open incident (or of any, under a global one) stay. */
  const needed = (provider: string): boolean =>
    tracker.open().some((t) => t.candidate.provider === null || t.candidate.provider === provider);

  const evaluate = (nowMs: number): void => {
    const evals = assessAll(scopes, nowMs);
    if (evals.size === 0 && tracker.open().length === 0) return;
    const earlier = (provider: string): 'ours' | 'theirs' | undefined => {
      for (const t of tracker.open()) {
        if (t.candidate.provider !== provider) continue;
        if (t.candidate.reason === 'client_timeout') return 'ours';
        if (t.candidate.reason === 'slow') return 'theirs';
      }
      return undefined;
    };
    for (const c of attribute(scopes, evals, status, earlier)) tracker.apply(c, nowMs);
    for (const t of tracker.open()) {
      const newest = stillElevated(t, scopes, evals);
      if (newest !== undefined && t.lastElevatedMs !== nowMs)
        tracker.stillElevated(t, nowMs, newest);
    }
    tracker.resolveQuiet(nowMs);
    learn(evals, tracker);
  };

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
      const layer = FAILURE_LAYERS.indexOf(c.layer as (typeof FAILURE_LAYERS)[number]);
      const facts: CallFacts = {
        timeMs,
        first: record.attempt === undefined || record.attempt <= 1,
        probe: record.source === 'probe',
        timeoutMs: record.timeout_ms,
        layer,
        reason: c.reason,
        observed: layer === -1 ? '' : observedWords(record),
        durationMs: record.duration_ms,
        ttftMs: record.ttft_ms,
      };
      model.add(facts);
      provider.add(facts);
    },
    tick: advance,
    incidents: () =>
      tracker.all
        .map((t) => toIncident(t, options))
        .sort((a, b) => a.started_at.localeCompare(b.started_at)),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    warnings: () => [...warnings],
    onWarning(listener) {
      warningListeners.add(listener);
      return () => warningListeners.delete(listener);
    },
  };
}

/** "HTTP 529 overloaded_error", "ECONNREFUSED", "stop reason max_tokens" … for evidence. */
function observedWords(rec: CallRecord): string {
  if (rec.aborted_by === 'timeout') return `our ${rec.timeout_ms ?? '?'} ms deadline`;
  if (rec.network_error !== undefined && rec.http_status === undefined) return rec.network_error;
  if (rec.stream_error_type !== undefined)
    return `a ${rec.stream_error_type} event inside an HTTP 200 stream`;
  if (rec.http_status !== undefined && rec.http_status >= 400) {
    const word = rec.error_code ?? rec.error_type;
    return `HTTP ${rec.http_status}${word === undefined ? '' : ` ${word}`}`;
  }
  // Own entries only: a check named "constructor" is a name, not a key into Object.prototype.
  const failed = Object.entries(rec.checks ?? {}).find(([, ok]) => ok === false)?.[0];
  if (rec.stop_reason !== undefined && failed === undefined)
    return `stop reason ${rec.stop_reason}`;
  return failed !== undefined ? `failing the ${failed} check` : 'empty';
}

/** For an open incident: failures in its scope's newest bucket if still elevated, else undefined. */
function stillElevated(
  t: Tracked,
  scopes: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
): number | undefined {
  const c = t.candidate;
  const i = FAILURE_LAYERS.indexOf(c.layer);
  const providers = c.provider === null ? [...scopes.providers.keys()] : [c.provider];
  let elevated = false;
  let newest = 0;
  for (const p of providers) {
    for (const m of scopes.providers.get(p)?.models.values() ?? []) {
      if (!t.models.has(m.model!)) continue;
      const e = evals.get(m);
      if (e === undefined) continue;
      const slowIncident = c.reason === 'slow';
      if (slowIncident ? e.latency.elevated || e.layers[0]!.elevated : e.layers[i]!.elevated) {
        elevated = true;
        newest += slowIncident
          ? ([...m.recent(1)][0]?.calls ?? 0)
          : ([...m.recent(1)][0]?.fails[i] ?? 0);
      }
    }
  }
  return elevated ? newest : undefined;
}

/** Baselines learn only from what looks normal now and is not part of an open incident. */
function learn(evals: Map<ScopeStats, ScopeEval>, tracker: Tracker): void {
  const open = tracker.open();
  for (const [s, e] of evals) {
    const newest = [...s.recent(1)][0];
    if (newest === undefined) continue;
    const inIncident = (i: number): boolean =>
      open.some(
        (t) =>
          t.candidate.layer === FAILURE_LAYERS[i] &&
          (t.candidate.provider === null || t.candidate.provider === s.provider),
      );
    const skip = FAILURE_LAYERS.map((_, i) => e.layers[i]!.elevated || inIncident(i));
    const slowOpen = open.some(
      (t) => t.candidate.reason === 'slow' && t.candidate.provider === s.provider,
    );
    s.learn(newest, skip, e.latency.elevated || slowOpen || skip[0]!);
  }
}

function toIncident(t: Tracked, options: EngineOptions): Incident {
  const c = t.candidate;
  const base: Omit<Incident, 'update'> = {
    id: t.id,
    layer: c.layer,
    owner: c.owner,
    reason: dominantReason(t),
    scope: c.provider === null ? 'global' : t.models.size >= 2 ? 'provider' : 'model',
    provider: c.provider,
    models: [...t.models].sort(),
    started_at: new Date(t.startMs).toISOString(),
    detected_at: new Date(t.detectedMs).toISOString(),
    resolved_at: t.resolvedMs === null ? null : new Date(t.resolvedMs).toISOString(),
    peak_error_rate: Math.round(t.peak * 1000) / 1000,
    affected_calls: t.affected,
    confidence: confidenceOf(t),
    evidence: [...t.evidence.values()],
  };
  return { ...base, update: options.draft?.(base) ?? '' };
}
