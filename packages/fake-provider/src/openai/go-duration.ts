/** Go `time.Duration` strings ("6m0s", "1.5s", "120ms"), as OpenAI's `x-ratelimit-reset-*` use. */

function trim(n: number): string {
  return String(Number(n.toFixed(3)));
}

/** Formats milliseconds the way Go's `Duration.String()` does, to millisecond precision. */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = trim((total % 60_000) / 1000);
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}
