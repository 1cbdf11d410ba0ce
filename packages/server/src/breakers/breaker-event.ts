/** A breaker change as the `breaker.changed` event carries it (spec/server-api.md, GET /v1/events). */
import type { BreakerChange, BreakerStateName } from '@faultline/core';

/** The `data` of a `breaker.changed` event. */
export interface BreakerChangedData {
  readonly provider: string;
  readonly model: string;
  readonly target: string;
  readonly from: BreakerStateName;
  readonly to: BreakerStateName;
  /** RFC 3339 UTC with milliseconds. */
  readonly at: string;
  readonly why: string;
}

/** The event data of one change. */
export function breakerChangedData(c: BreakerChange): BreakerChangedData {
  return {
    provider: c.target.provider,
    model: c.target.model,
    target: c.target.name,
    from: c.from,
    to: c.to,
    at: new Date(c.atMs).toISOString(),
    why: c.why,
  };
}

/** The log line of one change (the reason is the breaker's own sentence: no record text). */
export function breakerChangeLine(c: BreakerChange): string {
  const t = c.target;
  const name =
    t.name === `${t.provider}/${t.model}` ? t.name : `${t.name} (${t.provider}/${t.model})`;
  return `breaker ${name}: ${c.from} → ${c.to} (${c.why})`;
}
