/** Counts each incident's events, so a replay after a crash knows which it saved already; tracks the open ones. */
import type { Incident, IncidentEvent } from '@faultline/core';
import type { EventCount } from './live-snapshot.js';

/** A closed incident's count is kept this long after its last event (it may still reopen). */
const KEEP_CLOSED_MS = 3_600_000;

interface Count {
  count: number;
  atMs: number;
  open: boolean;
}

/** Event numbers per incident (1 for its first event) and the incidents open now. */
export class EventOrdinals {
  readonly #counts = new Map<string, Count>();
  readonly #open = new Map<string, Incident>();

  /** Resumes from a snapshot's counts and the resumed engine's incidents. */
  constructor(state: readonly EventCount[] = [], incidents: readonly Incident[] = []) {
    for (const [id, count, atMs, open] of state) this.#counts.set(id, { count, atMs, open });
    for (const i of incidents) if (i.status === 'open') this.#open.set(i.id, i);
  }

  /** Notes an event; returns its number among its incident's events. */
  next(e: IncidentEvent): number {
    const i = e.incident;
    const c = this.#counts.get(i.id) ?? { count: 0, atMs: e.atMs, open: true };
    c.count++;
    c.atMs = e.atMs;
    c.open = i.status === 'open';
    this.#counts.set(i.id, c);
    if (c.open) this.#open.set(i.id, i);
    else this.#open.delete(i.id);
    return c.count;
  }

  /** The incidents open now, as of their last event. */
  open(): Incident[] {
    return [...this.#open.values()];
  }

  /** The counts as JSON data, dropping closed incidents quiet for an hour before `nowMs`. */
  toState(nowMs: number): EventCount[] {
    for (const [id, c] of this.#counts)
      if (!c.open && c.atMs < nowMs - KEEP_CLOSED_MS) this.#counts.delete(id);
    return [...this.#counts].map(([id, c]) => [id, c.count, c.atMs, c.open] as const);
  }
}
