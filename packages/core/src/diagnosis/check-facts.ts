/** The shape of each evidence kind's `facts`, checked when a diagnosis document is read. */
import { REASONS } from '../classify/index.js';
import {
  EVIDENCE_KINDS,
  LATENCY_MEASURES,
  type EvidenceFactsByKind,
  type EvidenceKind,
} from './evidence-facts.js';
import {
  arrayOf,
  count,
  nullable,
  num,
  objectOf,
  oneOf,
  share,
  str,
  strings,
  time,
  unionOf,
  type Check,
} from './field-checks.js';
import { FAILURE_LAYERS } from './layers.js';

const layer = oneOf(FAILURE_LAYERS);

const observed = unionOf('kind', {
  http_error: { status_code: count, error: nullable(str) },
  network_error: { code: str },
  deadline: { timeout_ms: nullable(count) },
  stream_error: { error_type: str },
  stream_cut: {},
  stop_reason: { stop_reason: str },
  check_failed: { check: str },
  empty: {},
  reason: { reason: oneOf(REASONS) },
});

const FACTS: { readonly [K in EvidenceKind]: Check } = {
  error_rate: objectOf({
    layer,
    providers: strings,
    models: strings,
    share,
    baseline: share,
    failures: count,
    calls: count,
    window_start: time,
    window_end: time,
    observed,
  }),
  latency: objectOf({
    provider: str,
    models: strings,
    measure: oneOf(LATENCY_MEASURES),
    value_ms: num,
    baseline_ms: num,
    ratio: num,
  }),
  deadline: unionOf('change', {
    lowered: { deadline_ms: num, previous_deadline_ms: num, changed_at: time },
    unchanged: { deadline_ms: nullable(num), models: strings },
  }),
  cross_provider: objectOf({
    layer,
    providers: arrayOf(objectOf({ provider: str, share, calls: count })),
  }),
  sibling_models: objectOf({ layer, provider: str, models: strings }),
  probe: objectOf({ models: strings, failed: count, probes: count }),
  golden: objectOf({ provider: str, models: strings, failed: count, checks: count, since: time }),
  status_page: objectOf({ provider: str, component: str, status: str, since: time }),
  status_lag: objectOf({
    provider: str,
    component: str,
    status: str,
    listed_at: time,
    first_failure_at: time,
    lag_ms: num,
  }),
};

/** Whether `kind` is an evidence kind of the contract. */
export function isEvidenceKind(kind: unknown): kind is EvidenceKind {
  return EVIDENCE_KINDS.some((k) => k === kind);
}

/** Every `path: problem` that keeps `value` from being the facts of `kind`. */
export function factsProblems(kind: EvidenceKind, value: unknown, path: string): string[] {
  return FACTS[kind](value, path);
}

/** True when `value` is the facts of `kind` (every field checked by `factsProblems`). */
export function isFactsOf<K extends EvidenceKind>(
  kind: K,
  value: unknown,
): value is EvidenceFactsByKind[K] {
  return factsProblems(kind, value, 'facts').length === 0;
}
