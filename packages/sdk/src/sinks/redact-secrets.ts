/** Keeps credentials out of what the sink reports: a token must never reach `onError` or logs. */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

const MAX_DEPTH = 5;

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
}

function mentions(text: string | undefined, secrets: readonly string[]): boolean {
  return text !== undefined && secrets.some((s) => text.includes(s));
}

/**
 * `error` with every occurrence of each secret replaced in its message, stack and cause chain.
 * An error that mentions none is returned as it is; one that does is copied into a plain
 * `Error` keeping `name` and own fields (brands such as `isIngestError` included). An error
 * can mention a token when, for instance, undici refuses a header value and quotes it.
 */
export function redactSecrets(error: unknown, secrets: readonly string[], depth = 0): unknown {
  const live = secrets.filter((s) => s.length > 0);
  if (live.length === 0) return error;
  if (typeof error === 'string') return scrub(error, live);
  if (!(error instanceof Error)) return error;
  const cause = depth < MAX_DEPTH ? redactSecrets(error.cause, live, depth + 1) : undefined;
  if (cause === error.cause && !mentions(error.message, live) && !mentions(error.stack, live)) {
    return error;
  }
  const copy = Object.assign(new Error(scrub(error.message, live), { cause }), error);
  copy.name = scrub(error.name, live);
  copy.message = scrub(error.message, live);
  if (error.stack !== undefined) copy.stack = scrub(error.stack, live);
  return copy;
}
