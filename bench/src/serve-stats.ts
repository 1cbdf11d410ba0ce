/** Small figures for the service benchmarks: percentiles, medians, spreads, number formats. */

/** The `q` quantile (0..1) of `xs` by nearest rank; NaN when empty. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of `xs`. */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** (max − min) / min of `xs`, as a fraction. */
export function spread(xs: readonly number[]): number {
  return (Math.max(...xs) - Math.min(...xs)) / Math.min(...xs);
}

/** `123456` → `"123,456"`. */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A yes/no against a target, for the figure tables. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The value of `--name N` on the command line, or `fallback`. */
export function numberFlag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
