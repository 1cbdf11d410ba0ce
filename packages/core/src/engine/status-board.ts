/** The providers' status pages as last read: corroboration only, never a trigger. */
import { COMPONENT_STATUSES, type StatusObservation } from '../records/index.js';
import type { ComponentStateData, EngineSnapshot } from './engine-state.js';

export interface ComponentState {
  readonly component: string;
  readonly status: string;
  readonly sinceMs: number;
  readonly incident: string | undefined;
}

/** Statuses that mark a component degraded: every known one but `operational`. */
const DEGRADED: ReadonlySet<string> = new Set(
  COMPONENT_STATUSES.filter((s) => s !== 'operational'),
);

/**
 * What an unreadable reading records: a status outside the spec's list (a poller that met HTML, a
 * schema miss, a redirect) says nothing about the provider, so the component is `unknown`.
 */
export const UNKNOWN_STATUS = 'unknown';

export class StatusBoard {
  readonly #byProvider = new Map<string, Map<string, ComponentState>>();

  observe(o: StatusObservation, timeMs: number): void {
    let components = this.#byProvider.get(o.provider);
    if (components === undefined) {
      components = new Map<string, ComponentState>();
      this.#byProvider.set(o.provider, components);
    }
    const prev = components.get(o.component);
    const status: string =
      DEGRADED.has(o.status) || o.status === 'operational' ? o.status : UNKNOWN_STATUS;
    if (prev?.status === status) return;
    components.set(o.component, {
      component: o.component,
      status,
      sinceMs: timeMs,
      incident: o.incident,
    });
  }

  /** The board as plain data, for `engine.snapshot()`. */
  toState(): EngineSnapshot['status'] {
    return [...this.#byProvider].map(([provider, components]) => [
      provider,
      [...components.values()].map((c): ComponentStateData => ({
        ...c,
        incident: c.incident ?? null,
      })),
    ]);
  }

  /** Restores `toState()` into this (new, empty) board. */
  restore(state: EngineSnapshot['status']): void {
    for (const [provider, components] of state) {
      this.#byProvider.set(
        provider,
        new Map(components.map((c) => [c.component, { ...c, incident: c.incident ?? undefined }])),
      );
    }
  }

  /** Components of `provider` read as not operational now (an unknown reading is not). */
  degraded(provider: string): ComponentState[] {
    return [...(this.#byProvider.get(provider)?.values() ?? [])].filter((c) =>
      DEGRADED.has(c.status),
    );
  }
}
