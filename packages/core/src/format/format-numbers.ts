/** Numbers for evidence sentences, where precision matters more than in updates: shares, durations. */

/** A share 0..1 as a percentage with the precision evidence needs: "41%", "4.5%", "0.30%". */
export function precisePercent(share: number): string {
  const p = share * 100;
  if (p >= 10) return `${Math.round(p)}%`;
  if (p >= 1) return `${p.toFixed(1)}%`;
  return `${p.toFixed(2)}%`;
}

/** Milliseconds as "850 ms" or "12.4 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
