/** The time window the incident page shows: the incident with a margin each side for context and a baseline. */

/** Margins are a quarter of the incident's length, within these bounds. */
const MIN_MARGIN_MS = 60_000;
const MAX_MARGIN_MS = 10 * 60_000;
/** Status readings are only written on change: look this far back for the page's state at the start. */
export const STATUS_LOOKBACK_MS = 6 * 3600_000;

/** `[fromMs, toMs)` around the incident; an open incident runs to `nowMs`. */
export function incidentWindow(
  i: { readonly started_at: string; readonly resolved_at: string | null },
  nowMs: number,
): { fromMs: number; toMs: number } {
  const started = Date.parse(i.started_at);
  const end = i.resolved_at === null ? Math.max(nowMs, started) : Date.parse(i.resolved_at);
  const margin = Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, (end - started) / 4));
  return {
    fromMs: started - margin,
    toMs: i.resolved_at === null ? end : end + margin,
  };
}
