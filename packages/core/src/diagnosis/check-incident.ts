/** Reads one incident of a diagnosis document: every field checked, the typed incident built from them. */
import { OWNERS, REASONS, REASONS_BY_LAYER } from '../classify/index.js';
import { factsProblems, isEvidenceKind, isFactsOf } from './check-facts.js';
import { EVIDENCE_KINDS, type EvidenceInput } from './evidence-facts.js';
import {
  count,
  isFields,
  nonEmpty,
  nullable,
  oneOf,
  share,
  strings,
  time,
} from './field-checks.js';
import type { IncidentInput } from './incident.js';
import { FAILURE_LAYERS, SCOPES, isFailureLayer } from './layers.js';

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  list.some((x) => x === v);

/** The result of reading: the value, or every `path: problem` that keeps it from being one. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly string[] };

function checkEvidence(value: unknown, path: string, problems: string[]): EvidenceInput[] {
  if (!Array.isArray(value)) {
    problems.push(`${path}: must be an array`);
    return [];
  }
  return value.flatMap((e: unknown, i): EvidenceInput[] => {
    const at = `${path}[${i}]`;
    if (!isFields(e))
      return (void problems.push(`${at}: must be an object with kind and text`), []);
    const { kind, text, facts } = e;
    if (typeof text !== 'string') problems.push(`${at}.text: must be a string`);
    if (!isEvidenceKind(kind)) {
      problems.push(`${at}.kind: must be one of ${EVIDENCE_KIND_LIST}`);
      return [];
    }
    if (typeof text !== 'string') return [];
    // `facts` is optional for readers (documents before v1.1), but when present it must be right.
    if (facts === undefined) return [{ kind, text }];
    const wrong = factsProblems(kind, facts, `${at}.facts`);
    problems.push(...wrong);
    return isFactsOf(kind, facts) ? [{ kind, text, facts }] : [];
  });
}

const EVIDENCE_KIND_LIST = EVIDENCE_KINDS.join(', ');

/**
 * The incident at `at` (e.g. `incidents[0]`) of a diagnosis document, or every problem with it.
 * `update` may be absent (linting does not need it); `facts` may be absent on evidence.
 */
export function checkIncident(value: unknown, at: string): Checked<IncidentInput> {
  if (!isFields(value)) return { ok: false, problems: [`${at}: must be an object`] };
  const v = value;
  const field = (name: string): string => `${at}.${name}`;
  const layer = isFailureLayer(v['layer']) ? v['layer'] : undefined;
  const problems = [
    ...nonEmpty(v['id'], field('id')),
    ...oneOf(FAILURE_LAYERS)(v['layer'], field('layer')),
    ...(layer === undefined
      ? oneOf(REASONS)(v['reason'], field('reason'))
      : oneOf(REASONS_BY_LAYER[layer], ` for layer ${layer}`)(v['reason'], field('reason'))),
    ...oneOf(OWNERS)(v['owner'], field('owner')),
    ...oneOf(SCOPES)(v['scope'], field('scope')),
    ...strings(v['models'], field('models')),
    ...time(v['started_at'], field('started_at')),
    ...time(v['detected_at'], field('detected_at')),
    ...nullable(time)(v['resolved_at'], field('resolved_at')),
    ...share(v['peak_error_rate'], field('peak_error_rate')),
    ...share(v['confidence'], field('confidence')),
    ...count(v['affected_calls'], field('affected_calls')),
  ];
  const provider = v['provider'];
  if (typeof provider !== 'string' && !(provider === null && v['scope'] === 'global'))
    problems.push(`${field('provider')}: must be a string (null only for global scope)`);
  const evidence = checkEvidence(v['evidence'], field('evidence'), problems);
  const update = v['update'];
  if (update !== undefined && typeof update !== 'string')
    problems.push(`${field('update')}: must be a string`);
  if (problems.length > 0) return { ok: false, problems };
  // Every field was checked above; the narrowing below only restates it for the compiler.
  const { id, reason, owner, scope, models, started_at, detected_at, resolved_at } = v;
  const { peak_error_rate, confidence, affected_calls } = v;
  if (
    typeof id !== 'string' ||
    layer === undefined ||
    !isOneOf(REASONS, reason) ||
    !isOneOf(OWNERS, owner) ||
    !isOneOf(SCOPES, scope) ||
    !Array.isArray(models) ||
    typeof started_at !== 'string' ||
    typeof detected_at !== 'string' ||
    (resolved_at !== null && typeof resolved_at !== 'string') ||
    typeof peak_error_rate !== 'number' ||
    typeof confidence !== 'number' ||
    typeof affected_calls !== 'number'
  )
    return { ok: false, problems: [`${at}: must be an incident`] };
  const incident: IncidentInput = {
    id,
    layer,
    owner,
    reason,
    scope,
    provider: typeof provider === 'string' ? provider : null,
    models: models.filter((m): m is string => typeof m === 'string'),
    started_at,
    detected_at,
    resolved_at,
    peak_error_rate,
    affected_calls,
    confidence,
    evidence,
    ...(typeof update === 'string' ? { update } : {}),
  };
  return { ok: true, value: incident };
}
