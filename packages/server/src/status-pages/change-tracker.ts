/**
 * Turns successive page readings into status observations, emitting only what changed per
 * component (and everything on the first read). `ts` is the read; `first_seen` is when we first
 * saw the component in its current status, kept apart from the times the page claims
 * (`page_started_at`, `page_posted_at`, `page_updated_at`): pages backdate (status-pages.md §6).
 * Seeded with what was stored before a restart, it emits only what changed since, and keeps the
 * stored `first_seen` of a component still in the same status. `page_id` (a hash of the page's
 * kind and URL) seeds each of two pages of one provider with its own readings only.
 */
import { createHash } from 'node:crypto';
import type { ComponentStatus, StatusObservation } from '@faultline/core';
import { componentMap, modelsFor } from './component-models.js';
import type { ComponentReading, StatusPageEntry } from './status-source.js';

interface Seen {
  readonly component: string;
  readonly status: ComponentStatus;
  readonly incident: string | null;
  readonly firstSeenMs: number;
  /** From the store, not yet listed by this page since (another page of the provider may own it). */
  readonly seeded?: true;
  /** The models the stored observation named (a changed `components` mapping is a change). */
  readonly models?: readonly string[];
}

const sameModels = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && a.length === b.length && a.every((m, i) => m === b[i]);

/** Per-component memory of one page. */
export class ChangeTracker {
  readonly #seen = new Map<string, Seen>();
  readonly #map: ReturnType<typeof componentMap>;
  readonly #provider: string;
  readonly #pageId: string | undefined;

  constructor(
    entry: Pick<StatusPageEntry, 'provider' | 'components'> &
      Partial<Pick<StatusPageEntry, 'kind' | 'url'>>,
  ) {
    this.#map = componentMap(entry);
    this.#provider = entry.provider;
    // With a page of another's readings, one listing only affected components would see the
    // other's outage unlisted and announce a recovery that did not happen.
    this.#pageId = entry.url === undefined ? undefined : pageId(entry.kind ?? '', entry.url);
  }

  /**
   * Takes the provider's last stored observation per component (before a restart) as what this
   * page said last. Only observations a poller made count (they carry `first_seen`; status records
   * sent to the API do not), only components this page watches, and only this page's (by
   * `page_id`; one stored before pages carried it counts as any page's of the provider).
   */
  seed(stored: readonly StatusObservation[]): void {
    for (const o of stored) {
      const firstSeenMs = typeof o['first_seen'] === 'string' ? Date.parse(o['first_seen']) : NaN;
      if (o.provider !== this.#provider || !Number.isFinite(firstSeenMs)) continue;
      const page = o['page_id'];
      if (typeof page === 'string' && this.#pageId !== undefined && page !== this.#pageId) continue;
      const id = typeof o['component_id'] === 'string' ? o['component_id'] : undefined;
      if (modelsFor(this.#map, o.component, id) === null) continue;
      this.#seen.set(id ?? o.component, {
        component: o.component,
        status: o.status,
        incident: typeof o.incident === 'string' ? o.incident : null,
        firstSeenMs,
        seeded: true,
        ...(Array.isArray(o['models']) ? { models: o['models'].map(String) } : {}),
      });
    }
  }

  /**
   * The observations a read at `nowMs` adds. A watched component that was seen before and is
   * absent now (pages that list only affected components) is back to operational. A seeded one
   * absent from a page that lists every component (`complete`) was not this page's: dropped.
   */
  observe(
    readings: readonly ComponentReading[],
    nowMs: number,
    complete = false,
  ): StatusObservation[] {
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
      if (present.has(key)) continue;
      if (seen.seeded === true && complete) {
        this.#seen.delete(key);
        continue;
      }
      if (seen.status === 'operational') continue;
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
    const unchanged =
      prev !== undefined &&
      prev.status === r.status &&
      prev.incident === r.incident &&
      (prev.seeded !== true || sameModels(prev.models, models));
    if (prev !== undefined && unchanged) {
      if (prev.seeded === true)
        this.#seen.set(key, {
          component: r.component,
          status: prev.status,
          incident: prev.incident,
          firstSeenMs: prev.firstSeenMs,
        });
      return undefined;
    }
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
      ...(this.#pageId === undefined ? {} : { page_id: this.#pageId }),
      ...(r.componentId === undefined ? {} : { component_id: r.componentId }),
      ...(r.incidentId === undefined ? {} : { incident_id: r.incidentId }),
      ...(r.pageStartedAt === undefined ? {} : { page_started_at: r.pageStartedAt }),
      ...(r.pagePostedAt === undefined ? {} : { page_posted_at: r.pagePostedAt }),
      ...(r.pageUpdatedAt === undefined ? {} : { page_updated_at: r.pageUpdatedAt }),
    };
  }
}

/** A short, stable id of a page: neither its URL nor anything in it shows in records. */
function pageId(kind: string, url: string): string {
  return createHash('sha256').update(`${kind}\n${url}`).digest('hex').slice(0, 12);
}
