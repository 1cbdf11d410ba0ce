/** Reading a saved breaker state back: a stored row is trusted only after a shape check. */
import { BREAKER_STATES, type BreakerState } from '@faultline/core';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The state in `json` (as `breaker.toJSON()` wrote it), or `undefined` when it is not one. */
export function parseBreakerState(json: string): BreakerState | undefined {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(v) || !BREAKER_STATES.some((s) => s === v.state)) return undefined;
  const common =
    typeof v.sinceMs === 'number' &&
    typeof v.why === 'string' &&
    isObject(v.cause) &&
    typeof v.scopeElevated === 'boolean' &&
    typeof v.settling === 'boolean' &&
    Array.isArray(v.incidents);
  if (!common) return undefined;
  const own =
    v.state === 'closed'
      ? typeof v.failures === 'number'
      : v.state === 'open'
        ? typeof v.untilMs === 'number'
        : typeof v.successes === 'number' && typeof v.cleanSinceMs === 'number';
  // Shape checked above; the rest is the breaker's own JSON from toJSON().
  return own ? (v as unknown as BreakerState) : undefined;
}
