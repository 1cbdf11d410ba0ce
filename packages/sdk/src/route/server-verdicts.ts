/** Turns what `faultline serve` says (events, `/v1/health`) into breaker inputs for matching targets. */
import {
  BREAKER_STATES,
  type Breaker,
  type BreakerIncident,
  type BreakerStateName,
} from '@faultline/core';

type Entry = { readonly breaker: Breaker };

/** The last verdict the service gave per target, so only its changes are applied. */
export class ServerVerdicts {
  private readonly seen = new Map<string, BreakerStateName>();

  constructor(
    private readonly entries: readonly Entry[],
    private readonly now: () => number,
    private readonly elevatedShare: number,
  ) {}

  /** One `/v1/events` event. */
  event(kind: string, data: unknown): void {
    if (!isObject(data)) return;
    if (kind === 'breaker.changed') {
      const to = data.to;
      if (!isState(to)) return;
      const why = typeof data.why === 'string' ? data.why : 'breaker.changed';
      for (const e of this.match(data)) this.verdict(e, to, why, true);
      return;
    }
    const event = kind.startsWith('incident.') ? kind.slice('incident.'.length) : '';
    if (event !== 'opened' && event !== 'updated' && event !== 'reopened' && event !== 'resolved')
      return;
    if (!isIncident(data)) return;
    for (const e of this.entries)
      e.breaker.observe({ type: 'incident', atMs: this.now(), event, incident: data });
  }

  /** One `/v1/health` body: breaker states and whether each target's scope is elevated now. */
  health(body: unknown): void {
    if (!isObject(body) || !Array.isArray(body.providers)) return;
    for (const p of body.providers as unknown[]) {
      if (!isObject(p) || !Array.isArray(p.models)) continue;
      for (const m of p.models as unknown[]) {
        if (!isObject(m)) continue;
        const share = typeof m.failure_share_1m === 'number' ? m.failure_share_1m : 0;
        const elevated = m.state === 'down' || share >= this.elevatedShare;
        for (const e of this.match({ provider: p.provider, model: m.model })) {
          e.breaker.observe({ type: 'scope', atMs: this.now(), elevated });
          if (isState(m.breaker)) this.verdict(e, m.breaker, 'per /v1/health', false);
        }
      }
    }
  }

  private match(d: Record<string, unknown>): Entry[] {
    return this.entries.filter((e) =>
      typeof d.target === 'string' && d.target === e.breaker.target.name
        ? true
        : d.provider === e.breaker.target.provider && d.model === e.breaker.target.model,
    );
  }

  /** Applies a verdict that changed; a first `closed` from a poll says nothing (no breaker may run there). */
  private verdict(e: Entry, to: BreakerStateName, why: string, isChange: boolean): void {
    const name = e.breaker.target.name;
    const before = this.seen.get(name);
    this.seen.set(name, to);
    if (before === to || (before === undefined && to === 'closed' && !isChange)) return;
    e.breaker.observe({ type: 'verdict', atMs: this.now(), to, why });
  }
}

function isState(v: unknown): v is BreakerStateName {
  return BREAKER_STATES.some((s) => s === v);
}

function isIncident(d: Record<string, unknown>): d is Record<string, unknown> & BreakerIncident {
  return (
    typeof d.id === 'string' &&
    typeof d.layer === 'string' &&
    typeof d.reason === 'string' &&
    typeof d.scope === 'string' &&
    (typeof d.provider === 'string' || d.provider === null) &&
    Array.isArray(d.models)
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
