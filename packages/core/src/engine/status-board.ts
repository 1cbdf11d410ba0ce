/** The providers' status pages as last read: corroboration only, never a trigger. */
import type { StatusObservation } from '../records/index.js';
import type { ComponentStateData, EngineSnapshot } from './engine-state.js';

export interface ComponentState {
  readonly component: string;
  readonly status: string;
  readonly sinceMs: number;
  readonly incident: string | undefined;
}

export class StatusBoard {
  readonly #byProvider = new Map<string, Map<string, ComponentState>>();

  observe(o: StatusObservation, timeMs: number): void {
    let components = this.#byProvider.get(o.provider);
    if (components === undefined) {
      components = new Map<string, ComponentState>();
      this.#byProvider.set(o.provider, components);
    }
    const prev = components.get(o.component);
    if (prev?.status === o.status) return;
    components.set(o.component, {
      component: o.component,
      status: o.status,
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

  /** Components of `provider` not operational now. */
  degraded(provider: string): ComponentState[] {
    return [...(this.#byProvider.get(provider)?.values() ?? [])].filter(
      (c) => c.status !== 'operational',
    );
  }
}
