/** Status pages as timing: a page that moved long after our first failures is evidence too. */
import { evidence as item, factsOf, type Evidence, type EvidenceKind } from '../diagnosis/index.js';

/** How late a status page must move, after our first failures, for its lag to be worth saying. */
export const STATUS_LAG_MS = 5 * 60_000;

/**
 * The `status_lag` evidence of an incident that started at `startMs`, from its status-page
 * evidence, or undefined when the page moved early (or not at all). The first lag found is the
 * one kept by the tracker: the page's first move is what the lag is about.
 */
export function statusLag(
  evidence: ReadonlyMap<EvidenceKind, Evidence>,
  startMs: number,
): Evidence | undefined {
  const page = evidence.get('status_page');
  const f = page === undefined ? undefined : factsOf(page, 'status_page');
  if (f === undefined) return undefined;
  const lagMs = Date.parse(f.since) - startMs;
  if (!(lagMs >= STATUS_LAG_MS)) return undefined;
  return item('status_lag', {
    provider: f.provider,
    component: f.component,
    status: f.status,
    listed_at: f.since,
    first_failure_at: new Date(startMs).toISOString(),
    lag_ms: Math.round(lagMs),
  });
}
