/**
 * The breaker changes of an incident as timeline lines: pure (no DOM, no preact), so the node
 * tests and an offline report can use it.
 */

/** A breaker change as GET /v1/incidents/{id} lists it (api.ts's BreakerChange, restated so this
 * module stays free of the browser code there). */
export interface BreakerChange {
  readonly at: string;
  readonly provider: string;
  readonly model: string;
  readonly target: string;
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

/** One line of the timeline. */
export interface BreakerItem {
  readonly atMs: number;
  readonly kind: 'breaker';
  readonly text: string;
}

const clock = (at: string): string => `${at.slice(11, 19)} UTC`;

/** The breaker's name as the service logs it: `provider/model`, or the gateway target and its scope. */
export function breakerName(b: BreakerChange): string {
  const scope = `${b.provider}/${b.model}`;
  return b.target === scope ? scope : `${b.target} (${scope})`;
}

function breakerItem(b: BreakerChange, trials: number): BreakerItem {
  const tried = trials === 0 ? '' : `, after ${trials} recovery trial${trials === 1 ? '' : 's'}`;
  return {
    atMs: Date.parse(b.at),
    kind: 'breaker',
    text: `${clock(b.at)} breaker ${breakerName(b)}: ${b.from} → ${b.to} (${b.why}${tried})`,
  };
}

/**
 * A breaker taken out of service and given back, one line each; the half-open trials between
 * (a trickle call, then open again) are counted on the line that ends them, not listed.
 */
export function breakerItems(changes: readonly BreakerChange[]): BreakerItem[] {
  const trials = new Map<string, number>();
  const items: BreakerItem[] = [];
  for (const b of changes) {
    const name = breakerName(b);
    if (b.from === 'closed' || b.to === 'closed') {
      items.push(breakerItem(b, trials.get(name) ?? 0));
      trials.set(name, 0);
    } else if (b.to === 'half_open') trials.set(name, (trials.get(name) ?? 0) + 1);
  }
  return items;
}
