/**
 * How long to leave a target alone after its answer: a 429, or rate-limit headers saying nothing
 * is left, pauses it until the provider says it may be called again (no self-inflicted 429s).
 */

/** A pause with no hint from the provider, after a 429 (ms). */
export const DEFAULT_PAUSE_MS = 60_000;
/** The longest pause honoured (ms): a bogus reset header cannot silence a probe for days. */
export const MAX_PAUSE_MS = 3_600_000;

// Anthropic: anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{remaining,reset},
// resets in RFC 3339 (docs.anthropic.com/en/api/rate-limits#response-headers).
const ANTHROPIC_LIMITS = ['requests', 'tokens', 'input-tokens', 'output-tokens'] as const;
// OpenAI: x-ratelimit-remaining-{requests,tokens}, x-ratelimit-reset-{requests,tokens} as Go
// durations such as `6m0s` (platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers).
const OPENAI_LIMITS = ['requests', 'tokens'] as const;

/**
 * The time (epoch ms) until which the target must not be called, or undefined to go on.
 * A 429 always pauses (its hint, else {@link DEFAULT_PAUSE_MS}); another answer pauses only
 * when a limit's remaining count is 0.
 */
export function pauseUntilMs(status: number, headers: Headers, nowMs: number): number | undefined {
  const exhausted = exhaustedResetMs(headers, nowMs);
  if (status !== 429) return exhausted === undefined ? undefined : cap(exhausted, nowMs);
  const hint = retryAfterMs(headers, nowMs);
  if (hint === undefined && exhausted === undefined) return nowMs + DEFAULT_PAUSE_MS;
  return cap(Math.max(nowMs + (hint ?? 0), exhausted ?? nowMs), nowMs);
}

function cap(untilMs: number, nowMs: number): number {
  return Math.min(untilMs, nowMs + MAX_PAUSE_MS);
}

/** `retry-after-ms`, then `retry-after` as seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The latest reset among limits whose remaining count is 0, or undefined when none is. */
function exhaustedResetMs(headers: Headers, nowMs: number): number | undefined {
  let until: number | undefined;
  const consider = (resetMs: number | undefined): void => {
    until = Math.max(until ?? nowMs, resetMs ?? nowMs + DEFAULT_PAUSE_MS);
  };
  for (const limit of ANTHROPIC_LIMITS) {
    if (headers.get(`anthropic-ratelimit-${limit}-remaining`)?.trim() !== '0') continue;
    const reset = Date.parse(headers.get(`anthropic-ratelimit-${limit}-reset`) ?? '');
    consider(Number.isNaN(reset) ? undefined : reset);
  }
  for (const limit of OPENAI_LIMITS) {
    if (headers.get(`x-ratelimit-remaining-${limit}`)?.trim() !== '0') continue;
    const reset = goDurationMs(headers.get(`x-ratelimit-reset-${limit}`) ?? '');
    consider(reset === undefined ? undefined : nowMs + reset);
  }
  return until;
}

const GO_UNITS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** A Go duration (`1h2m3.5s`, `20ms`, `6m0s`) in ms, or undefined when it is not one. */
export function goDurationMs(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(t)) return undefined;
  let total = 0;
  for (const [, n, , unit] of t.matchAll(/(\d+(\.\d+)?)(h|ms|m|s)/g))
    total += Number(n) * (GO_UNITS[unit!] ?? 0);
  return Math.round(total);
}
