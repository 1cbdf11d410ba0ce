/**
 * Status pages as corroboration and as timing: a non-operational component of the incident's
 * provider is evidence, never a trigger (status-pages.md §6: pages confirm, they do not detect),
 * and a page that moved long after our first failures makes its lag evidence too.
 */
import {
  evidence as item,
  factsOf,
  type Evidence,
  type EvidenceKind,
} from '../../diagnosis/index.js';
import type { StatusBoard } from '../status-board.js';
import { STATUS_PAGE } from '../tuning.js';
import type { Signal } from './signal.js';

/** The status-page signal: reads no scope, so it never raises; adds `status_page` evidence. */
export const statusPage: Signal = {
  name: 'status-page',
  revise(p, ev) {
    const c = p.candidate;
    return {
      ...p,
      candidate: { ...c, evidence: [...c.evidence, ...statusEvidence(ev.status, p.providers)] },
    };
  },
};

/** The first not-operational component of the providers' status pages, as evidence. */
export function statusEvidence(status: StatusBoard, providers: readonly string[]): Evidence[] {
  for (const provider of providers) {
    const c = status.degraded(provider)[0];
    if (c !== undefined) {
      return [
        item('status_page', {
          provider,
          component: c.component,
          status: c.status,
          since: new Date(c.sinceMs).toISOString(),
        }),
      ];
    }
  }
  return [];
}

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
  if (!(lagMs >= STATUS_PAGE.lagMs)) return undefined;
  return item('status_lag', {
    provider: f.provider,
    component: f.component,
    status: f.status,
    listed_at: f.since,
    first_failure_at: new Date(startMs).toISOString(),
    lag_ms: Math.round(lagMs),
  });
}
