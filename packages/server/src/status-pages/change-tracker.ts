/**
 * Turns successive page readings into status observations, emitting only what changed per
 * component (and everything on the first read). `ts` is the read; `first_seen` is when we first
 * saw the component in its current status, kept apart from the times the page claims
 * (`page_started_at`, `page_posted_at`, `page_updated_at`): pages backdate (status-pages.md §6).
 */
import type { ComponentStatus, StatusObservation } from '@faultline/core';
import { componentMap, modelsFor } from './component-models.js';
import type { ComponentReading, StatusPageEntry } from './status-source.js';

interface Seen {
  readonly component: string;
  readonly status: ComponentStatus;
  readonly incident: string | null;
  readonly firstSeenMs: number;
}

/** Per-component memory of one page. */
export class ChangeTracker {
  readonly #seen = new Map<string, Seen>();
  readonly #map: ReturnType<typeof componentMap>;
  readonly #provider: string;

  constructor(entry: Pick<StatusPageEntry, 'provider' | 'components'>) {
    this.#map = componentMap(entry);
    this.#provider = entry.provider;
  }

  /**
   * The observations a read at `nowMs` adds. A watched component that was seen before and is
   * absent now (pages that list only affected components) is back to operational.
   */
  observe(readings: readonly ComponentReading[], nowMs: number): StatusObservation[] {
    const out: StatusObservation[] = [];
    const present = new Set<string>();
    for (const r of readings) {
      const models = modelsFor(this.#map, r.component, r.componentId);
      if (models === null) continue;
      const key = r.componentId ?? r.component;
      present.add(key);
      const o = this.#note(key, r, nowMs, models);
      if (o !== undefined) out.push(o);
    }
    for (const [key, seen] of this.#seen) {
      if (present.has(key) || seen.status === 'operational') continue;
      const models = modelsFor(this.#map, seen.component, key) ?? ['*'];
      const o = this.#note(
        key,
        { component: seen.component, status: 'operational', incident: null },
        nowMs,
        models,
      );
      if (o !== undefined) out.push(o);
    }
    return out;
  }

  #note(
    key: string,
    r: ComponentReading,
    nowMs: number,
    models: readonly string[],
  ): StatusObservation | undefined {
    const prev = this.#seen.get(key);
    if (prev !== undefined && prev.status === r.status && prev.incident === r.incident)
      return undefined;
    const firstSeenMs = prev !== undefined && prev.status === r.status ? prev.firstSeenMs : nowMs;
    this.#seen.set(key, {
      component: r.component,
      status: r.status,
      incident: r.incident,
      firstSeenMs,
    });
    return {
      kind: 'status',
      ts: new Date(nowMs).toISOString(),
      provider: this.#provider,
      component: r.component,
      status: r.status,
      ...(r.incident === null ? {} : { incident: r.incident }),
      first_seen: new Date(firstSeenMs).toISOString(),
      models: [...models],
      ...(r.componentId === undefined ? {} : { component_id: r.componentId }),
      ...(r.incidentId === undefined ? {} : { incident_id: r.incidentId }),
      ...(r.pageStartedAt === undefined ? {} : { page_started_at: r.pageStartedAt }),
      ...(r.pagePostedAt === undefined ? {} : { page_posted_at: r.pagePostedAt }),
      ...(r.pageUpdatedAt === undefined ? {} : { page_updated_at: r.pageUpdatedAt }),
    };
  }
}
