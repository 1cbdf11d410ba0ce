/**
 * The service's breakers: one per provider + model seen, fed with committed call records, the
 * live engine's incident events, whether each scope is elevated now, and the passing of time.
 * No I/O and no timers: `start-breakers.ts` wires it to the store, the feed and the clock.
 */
import {
  covers,
  createBreaker,
  resolveBreakerOptions,
  type Breaker,
  type BreakerChange,
  type BreakerOptions,
  type BreakerStateName,
} from '@faultline/core';
import type { BreakerRow, StoredRecord } from '../store/port.js';
import { modelTarget, parseTargetName } from './board-target.js';
import type { IncidentNotice } from './incident-input.js';
import { callInput } from './record-input.js';
import { parseBreakerState } from './restore-state.js';

/** One breaker's current state, for `/v1/health` and `/metrics`. */
export interface BoardEntry {
  readonly target: string;
  readonly provider: string;
  readonly model: string;
  readonly state: BreakerStateName;
}

/** Options of {@link BreakerBoard}. */
export interface BreakerBoardOptions {
  /** Every breaker's tuning (config `breaker.open_on` as `openOn`, time constants). */
  readonly breaker: BreakerOptions;
  /** Each change of any breaker. */
  readonly onChange: (change: BreakerChange) => void;
  /** Targets kept at most (label and memory bound); further models get no breaker. Default 1000. */
  readonly maxTargets?: number;
}

/** The breakers by target name. Time only moves forward: older inputs count at the newest time seen. */
export class BreakerBoard {
  readonly #breakers = new Map<string, Breaker>();
  readonly #saved = new Map<string, string>();
  readonly #max: number;
  readonly #maxOpenMs: number;
  #nowMs = -Infinity;

  constructor(private readonly o: BreakerBoardOptions) {
    this.#max = o.maxTargets ?? 1000;
    this.#maxOpenMs = resolveBreakerOptions(o.breaker).maxOpenMs;
  }

  /** Resumes saved breakers (before any input); returns the names of rows that were unreadable. */
  restore(rows: readonly BreakerRow[]): string[] {
    const bad: string[] = [];
    for (const row of rows) {
      const target = parseTargetName(row.target);
      const state = parseBreakerState(row.json);
      if (target === undefined || state === undefined) bad.push(row.target);
      else if (this.#breakers.size < this.#max) {
        this.#add(createBreaker({ ...this.o.breaker, target, initialState: state }));
        this.#saved.set(target.name, row.json);
      }
    }
    return bad;
  }

  /** Committed records: each call counts for its provider + model (probes as probes). */
  records(records: readonly StoredRecord[]): void {
    for (const r of records) {
      const input = callInput(r, this.#at(r.tsMs));
      if (input !== undefined) this.#get(r.provider, r.model)?.observe(input);
    }
  }

  /** An incident event: every breaker its scope covers (a model incident's models get one). */
  incident(n: IncidentNotice): void {
    const i = n.incident;
    // Replayed history (a catch-up after a restart): an event older than the longest a breaker
    // stays open could not keep one open now, so it opens none.
    if (n.event !== 'resolved' && n.atMs < this.#nowMs - this.#maxOpenMs) return;
    if (i.scope === 'model' && i.provider !== null)
      for (const m of i.models) this.#get(i.provider, m);
    const atMs = this.#at(n.atMs);
    for (const b of this.#breakers.values())
      if (covers(i, b.target)) b.observe({ type: 'incident', atMs, event: n.event, incident: i });
  }

  /** Whether the scope of `provider/model` is elevated now (only for breakers that exist). */
  scope(provider: string, model: string, elevated: boolean, atMs: number): void {
    const b = this.#breakers.get(modelTarget(provider, model).name);
    b?.observe({ type: 'scope', atMs: this.#at(atMs), elevated });
  }

  /** Lets time pass on every breaker. */
  tick(nowMs: number): void {
    const at = this.#at(nowMs);
    for (const b of this.#breakers.values()) b.tick(at);
  }

  /** The state of `provider/model`: `closed` where no breaker runs (server-api.md). */
  state(provider: string, model: string): BreakerStateName {
    return this.#breakers.get(modelTarget(provider, model).name)?.state.state ?? 'closed';
  }

  /** Every breaker's state. */
  entries(): BoardEntry[] {
    return [...this.#breakers.values()].map((b) => ({
      target: b.target.name,
      provider: b.target.provider,
      model: b.target.model,
      state: b.state.state,
    }));
  }

  /** Rows whose state changed since the last call (any field: counts and memory too), to save. */
  unsaved(updatedAtMs: number): BreakerRow[] {
    const rows: BreakerRow[] = [];
    for (const [name, b] of this.#breakers) {
      const json = JSON.stringify(b.toJSON());
      if (this.#saved.get(name) === json) continue;
      this.#saved.set(name, json);
      rows.push({ target: name, json, updatedAtMs });
    }
    return rows;
  }

  #at(atMs: number): number {
    if (atMs > this.#nowMs) this.#nowMs = atMs;
    return this.#nowMs;
  }

  #get(provider: string, model: string): Breaker | undefined {
    const target = modelTarget(provider, model);
    const found = this.#breakers.get(target.name);
    if (found !== undefined || this.#breakers.size >= this.#max) return found;
    const nowMs = Number.isFinite(this.#nowMs) ? this.#nowMs : 0;
    return this.#add(createBreaker({ ...this.o.breaker, target, nowMs }));
  }

  #add(b: Breaker): Breaker {
    this.#breakers.set(b.target.name, b);
    b.onChange((c) => this.o.onChange(c));
    return b;
  }
}
