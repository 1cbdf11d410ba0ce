/** Small formatting helpers for evidence: UTC clock times, percentages, durations, lists. */

/** HH:MM in UTC. */
export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** A share as a percentage with sensible precision. */
export function pct(share: number): string {
  const p = share * 100;
  if (p >= 10) return `${Math.round(p)}%`;
  if (p >= 1) return `${p.toFixed(1)}%`;
  return `${p.toFixed(2)}%`;
}

/** Milliseconds as "850 ms" or "12.4 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
