/** A small per-model one-minute window of calls and failures, for GET /v1/health. */
import type { Incident } from '@faultline/core';
import type { StoredRecord } from '../store/port.js';

const BUCKET_MS = 10_000;
const MINUTE_MS = 60_000;
/** Providers and models with no call for this long are no longer listed (server-api.md). */
const LISTED_FOR_MS = 3_600_000;
/** Bounds, as the engine's: further names count as `other` (a request id pasted into a model name). */
const MAX_PROVIDERS = 200;
const MAX_MODELS = 500;
const OTHER = 'other';
/** A failure share this high, over at least `ELEVATED_MIN_FAILS` failures, is `degraded`. */
const ELEVATED_SHARE = 0.05;
const ELEVATED_MIN_FAILS = 3;

export type HealthState = 'ok' | 'degraded' | 'down';

/** Calls and failures of one 10 s bucket: `[startMs, calls, fails]`. */
type Counts = [number, number, number];

/** The window as JSON data: provider → model → buckets, with the newest call time. */
export type HealthWindowState = ReadonlyArray<
  readonly [string, ReadonlyArray<readonly [string, number, readonly Counts[]]>]
>;

/** One model's verdict now (server-api.md, GET /v1/health, without `breaker`). */
export interface ModelHealth {
  readonly model: string;
  readonly state: HealthState;
  readonly calls_1m: number;
  readonly failure_share_1m: number;
  readonly incident: string | null;
}

/** One provider's verdict now (without `status_page`, which the API joins in). */
export interface ProviderHealth extends Omit<ModelHealth, 'model'> {
  readonly provider: string;
  readonly models: readonly ModelHealth[];
}

interface ModelWindow {
  lastMs: number;
  buckets: Counts[];
}

function stateOf(calls: number, fails: number, incident: string | null): HealthState {
  if (calls > 0 && fails / calls >= 0.5) return 'down';
  const elevated = fails >= ELEVATED_MIN_FAILS && fails / calls >= ELEVATED_SHARE;
  return incident !== null || elevated ? 'degraded' : 'ok';
}

/** The newest open incident matching `covers`, by id. */
function incidentOf(open: readonly Incident[], covers: (i: Incident) => boolean): string | null {
  let found: Incident | undefined;
  for (const i of open)
    if (covers(i) && (found === undefined || i.started_at > found.started_at)) found = i;
  return found?.id ?? null;
}

/** Counts calls by provider and model in 10 s buckets of record time, keeping about a minute. */
export class HealthWindow {
  readonly #providers = new Map<string, Map<string, ModelWindow>>();

  constructor(state?: HealthWindowState) {
    for (const [provider, models] of state ?? [])
      this.#providers.set(
        provider,
        new Map(
          models.map(([m, lastMs, b]) => [m, { lastMs, buckets: b.map((c) => [...c] as Counts) }]),
        ),
      );
  }

  /** Counts one stored call (status observations are not calls). */
  note(r: StoredRecord): void {
    if (r.kind !== 'call') return;
    let models = this.#providers.get(r.provider);
    if (models === undefined) {
      const name = this.#providers.size < MAX_PROVIDERS ? r.provider : OTHER;
      models = this.#providers.get(name) ?? new Map<string, ModelWindow>();
      this.#providers.set(name, models);
    }
    let w = models.get(r.model);
    if (w === undefined) {
      const name = models.size < MAX_MODELS ? r.model : OTHER;
      w = models.get(name) ?? { lastMs: -Infinity, buckets: [] };
      models.set(name, w);
    }
    const startMs = Math.floor(r.tsMs / BUCKET_MS) * BUCKET_MS;
    let b = w.buckets.find((c) => c[0] === startMs);
    if (b === undefined) {
      b = [startMs, 0, 0];
      w.buckets.push(b);
      const oldest = startMs - MINUTE_MS - BUCKET_MS;
      w.buckets = w.buckets.filter((c) => c[0] >= oldest);
    }
    b[1]++;
    if (r.layer !== 'none' && r.layer !== '') b[2]++;
    if (r.tsMs > w.lastMs) w.lastMs = r.tsMs;
  }

  /** Every provider with a call in the last hour, its models, and their verdicts at `nowMs`. */
  health(nowMs: number, open: readonly Incident[]): ProviderHealth[] {
    const fromMs = nowMs - MINUTE_MS;
    const out: ProviderHealth[] = [];
    for (const [provider, models] of this.#providers) {
      for (const [m, w] of models) if (w.lastMs < nowMs - LISTED_FOR_MS) models.delete(m);
      if (models.size === 0) {
        this.#providers.delete(provider);
        continue;
      }
      let calls = 0;
      let fails = 0;
      const list: ModelHealth[] = [];
      for (const [model, w] of [...models].sort(([a], [b]) => (a < b ? -1 : 1))) {
        let c = 0;
        let f = 0;
        for (const [startMs, n, k] of w.buckets)
          if (startMs + BUCKET_MS > fromMs && startMs <= nowMs) [c, f] = [c + n, f + k];
        const incident = incidentOf(
          open,
          (i) => i.provider === null || (i.provider === provider && i.models.includes(model)),
        );
        list.push({ model, ...verdict(c, f, incident) });
        calls += c;
        fails += f;
      }
      const incident = incidentOf(open, (i) => i.provider === null || i.provider === provider);
      out.push({ provider, ...verdict(calls, fails, incident), models: list });
    }
    return out.sort((a, b) => (a.provider < b.provider ? -1 : 1));
  }

  /** The window as JSON data. */
  toState(): HealthWindowState {
    return [...this.#providers].map(([p, models]) => [
      p,
      [...models].map(([m, w]) => [m, w.lastMs, w.buckets] as const),
    ]);
  }
}

function verdict(
  calls: number,
  fails: number,
  incident: string | null,
): Omit<ModelHealth, 'model'> {
  const share = calls === 0 ? 0 : Math.round((fails / calls) * 10_000) / 10_000;
  return {
    state: stateOf(calls, fails, incident),
    calls_1m: calls,
    failure_share_1m: share,
    incident,
  };
}
