/** Checks that a value read from a diagnosis file is an incident of spec/diagnosis.md. */
import {
  EVIDENCE_KINDS,
  LAYERS,
  OWNERS,
  REASONS,
  REASONS_BY_LAYER,
  SCOPES,
  parseTimestamp,
  type Incident,
} from '@faultline/core';

const BROKEN_LAYERS = LAYERS.filter((l) => l !== 'none');

type Fields = Readonly<Record<string, unknown>>;

function isFields(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects `path: problem` lines for one incident. */
class Problems {
  readonly lines: string[] = [];
  constructor(private readonly at: string) {}

  add(field: string, problem: string): void {
    this.lines.push(`${this.at}.${field}: ${problem}`);
  }

  oneOf(v: Fields, field: string, allowed: readonly string[], extra = ''): void {
    const value = v[field];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(field, `must be one of ${allowed.join(', ')}${extra}`);
    }
  }

  time(v: Fields, field: string, nullable = false): void {
    const value = v[field];
    if (nullable && value === null) return;
    if (typeof value !== 'string' || parseTimestamp(value) === undefined) {
      this.add(field, `must be an RFC 3339 time${nullable ? ' or null' : ''}`);
    }
  }

  number(v: Fields, field: string, max: number, integer = false): void {
    const value = v[field];
    const ok = typeof value === 'number' && value >= 0 && value <= max;
    if (!ok || (integer && !Number.isInteger(value))) {
      this.add(field, integer ? 'must be a whole number ≥ 0' : `must be a number from 0 to ${max}`);
    }
  }
}

function checkEvidence(v: Fields, p: Problems): void {
  const evidence = v['evidence'];
  if (!Array.isArray(evidence)) return p.add('evidence', 'must be an array');
  evidence.forEach((e: unknown, i) => {
    if (!isFields(e)) return p.add(`evidence[${i}]`, 'must be an object with kind and text');
    if (!EVIDENCE_KINDS.some((k) => k === e['kind'])) {
      p.add(`evidence[${i}].kind`, `must be one of ${EVIDENCE_KINDS.join(', ')}`);
    }
    if (typeof e['text'] !== 'string') p.add(`evidence[${i}].text`, 'must be a string');
  });
}

/** The incident, or every `path: problem` that keeps `value` from being one (`at` names it). */
export function checkIncident(
  value: unknown,
  at: string,
): { ok: true; incident: Incident } | { ok: false; problems: string[] } {
  const p = new Problems(at);
  if (!isFields(value)) return { ok: false, problems: [`${at}: must be an object`] };
  const v = value;
  if (typeof v['id'] !== 'string' || v['id'] === '') p.add('id', 'must be a non-empty string');
  p.oneOf(v, 'layer', BROKEN_LAYERS);
  const layer = BROKEN_LAYERS.find((l) => l === v['layer']);
  if (layer === undefined) p.oneOf(v, 'reason', REASONS);
  else p.oneOf(v, 'reason', REASONS_BY_LAYER[layer], ` for layer ${layer}`);
  p.oneOf(v, 'owner', OWNERS);
  p.oneOf(v, 'scope', SCOPES);
  const provider = v['provider'];
  if (typeof provider !== 'string' && !(provider === null && v['scope'] === 'global')) {
    p.add('provider', 'must be a string (null only for global scope)');
  }
  const models = v['models'];
  if (!Array.isArray(models) || !models.every((m) => typeof m === 'string')) {
    p.add('models', 'must be an array of strings');
  }
  p.time(v, 'started_at');
  p.time(v, 'detected_at');
  p.time(v, 'resolved_at', true);
  p.number(v, 'peak_error_rate', 1);
  p.number(v, 'confidence', 1);
  p.number(v, 'affected_calls', Number.MAX_SAFE_INTEGER, true);
  checkEvidence(v, p);
  if (v['update'] !== undefined && typeof v['update'] !== 'string')
    p.add('update', 'must be a string');
  if (p.lines.length > 0) return { ok: false, problems: p.lines };
  // Every field was checked above; `update` is optional here since linting does not need it.
  return { ok: true, incident: { ...v, update: v['update'] ?? '' } as unknown as Incident };
}
