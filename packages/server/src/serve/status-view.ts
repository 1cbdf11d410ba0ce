/**
 * What the service knows of each provider's status page now: the latest reading per component,
 * whether the source could be read, and `status.changed` entries for `/v1/events`
 * (server-api.md). A source that cannot be read shows `unknown` with why, never "degraded".
 */
import type { StatusObservation } from '@faultline/core';
import type { SourceState } from '../status-pages/index.js';

/** `status_page` of `/v1/health`. */
export interface StatusPageHealth {
  readonly component: string;
  readonly status: string;
  readonly read_at: string | null;
  readonly incident: string | null;
  readonly error?: string;
}

interface Reading {
  status: string;
  incident: string | null;
  atMs: number;
}

/** The order in which a component's status is worse. */
const SEVERITY = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
];

export class StatusView {
  readonly #components = new Map<string, Map<string, Reading>>();
  /** provider → endpoint → the source's state (a provider may have several pages). */
  readonly #sources = new Map<string, Map<string, SourceState>>();
  /** provider → the last good read of any of its sources. */
  readonly #lastOk = new Map<string, number>();

  /** @param changed called once per change, with the `status.changed` data. */
  constructor(private readonly changed: (data: Record<string, unknown>, atMs: number) => void) {}

  /**
   * Takes what was stored before a restart (the last observation per component) as the page's
   * current reading, emitting nothing: it is not a change.
   */
  seed(stored: readonly StatusObservation[]): void {
    for (const o of stored) {
      const byComponent = this.#components.get(o.provider) ?? new Map<string, Reading>();
      this.#components.set(o.provider, byComponent);
      const atMs = typeof o.ts === 'number' ? o.ts : Date.parse(o.ts);
      const incident = typeof o.incident === 'string' ? o.incident : null;
      byComponent.set(o.component, { status: o.status, incident, atMs });
    }
  }

  /** Takes observations just stored. */
  observe(observations: readonly StatusObservation[], nowMs: number): void {
    for (const o of observations) {
      const byComponent = this.#components.get(o.provider) ?? new Map<string, Reading>();
      this.#components.set(o.provider, byComponent);
      const before = byComponent.get(o.component);
      const incident = typeof o.incident === 'string' ? o.incident : null;
      byComponent.set(o.component, { status: o.status, incident, atMs: nowMs });
      const from = before?.status ?? (this.#unreadable(o.provider) ? 'unknown' : null);
      if (from !== o.status) this.#emit(o.provider, o.component, from, o.status, incident, nowMs);
    }
  }

  /** A good read (a 304 included) of one of the provider's sources. */
  readOk(provider: string, nowMs: number): void {
    this.#lastOk.set(provider, nowMs);
  }

  /**
   * Takes a source's new state. The provider's page reads `unknown` only while none of its
   * sources can be read; that going on or off is a change of every component.
   */
  source(state: SourceState, nowMs: number): void {
    const wasUnknown = this.#unreadable(state.provider);
    const bySource = this.#sources.get(state.provider) ?? new Map<string, SourceState>();
    bySource.set(state.endpoint, state);
    this.#sources.set(state.provider, bySource);
    if (state.lastOkMs !== null)
      this.#lastOk.set(
        state.provider,
        Math.max(state.lastOkMs, this.#lastOk.get(state.provider) ?? 0),
      );
    const isUnknown = this.#unreadable(state.provider);
    if (wasUnknown === isUnknown) return;
    for (const [component, r] of this.#components.get(state.provider) ?? []) {
      const [from, to] = isUnknown ? [r.status, 'unknown'] : ['unknown', r.status];
      this.#emit(state.provider, component, from, to, r.incident, nowMs);
    }
  }

  /** Providers with a status page configured or read. */
  providers(): string[] {
    return [...new Set([...this.#sources.keys(), ...this.#components.keys()])];
  }

  /** The provider's page as `/v1/health` shows it: its worst component, or `null` with no page. */
  health(provider: string): StatusPageHealth | null {
    const sources = [...(this.#sources.get(provider)?.values() ?? [])];
    const components = [...(this.#components.get(provider) ?? [])];
    if (sources.length === 0 && components.length === 0) return null;
    const source = this.#unreadable(provider)
      ? sources.find((x) => x.state === 'unknown')
      : undefined;
    const worst = components.reduce<[string, Reading] | undefined>(
      (w, c) =>
        w === undefined || SEVERITY.indexOf(c[1].status) > SEVERITY.indexOf(w[1].status) ? c : w,
      undefined,
    );
    const readAt = this.#lastOk.get(provider) ?? worst?.[1].atMs ?? null;
    const base = {
      component: worst?.[0] ?? '',
      read_at: readAt === null ? null : new Date(readAt).toISOString(),
      incident: worst?.[1].incident ?? null,
    };
    if (source?.state === 'unknown')
      return {
        ...base,
        status: 'unknown',
        error: `${source.reason ?? 'unreadable'}${source.detail === undefined ? '' : `: ${source.detail}`}`,
      };
    if (worst === undefined) return { ...base, status: 'unknown', error: 'not read yet' };
    return { ...base, status: worst[1].status };
  }

  /** True while the provider has sources and none of them can be read. */
  #unreadable(provider: string): boolean {
    const sources = [...(this.#sources.get(provider)?.values() ?? [])];
    return sources.length > 0 && sources.every((x) => x.state === 'unknown');
  }

  #emit(
    provider: string,
    component: string,
    from: string | null,
    to: string,
    incident: string | null,
    atMs: number,
  ): void {
    this.changed(
      { provider, component, from, to, incident, at: new Date(atMs).toISOString() },
      atMs,
    );
  }
}
