/**
 * The gateway's breakers: one per gateway target and model (spec/config.md: "Breakers are kept
 * per gateway target"), named by the target. Fed with the gateway's own attempts and, inside
 * `faultline serve`, the engine's incidents (each opens every target whose provider and model it
 * covers) and each scope's elevation. No I/O and no timers: admitting a call lets time pass.
 */
import {
  covers,
  createBreaker,
  resolveBreakerOptions,
  type Breaker,
  type BreakerAdmission,
  type BreakerChange,
  type BreakerOptions,
  type Classification,
} from '@faultline/core';
import type { BoardEntry } from './breaker-board.js';
import type { IncidentNotice } from './incident-input.js';

/** Options of {@link GatewayTargetBreakers}. */
export interface GatewayTargetBreakersOptions {
  /** The gateway's targets (config `gateway.targets`): a breaker guards one of them for one model. */
  readonly targets: readonly { readonly name: string; readonly provider: string }[];
  readonly breaker: BreakerOptions;
  readonly onChange: (change: BreakerChange) => void;
  /** Breakers kept at most (model names come from clients); further ones are not made. Default 1000. */
  readonly maxBreakers?: number;
}

/** Unresolved incidents remembered for breakers made later (a model's first call after it opened). */
const MAX_OPEN_INCIDENTS = 100;

/** The breakers by target, then model. Time only moves forward, as on the service's board. */
export class GatewayTargetBreakers {
  readonly #breakers = new Map<string, Map<string, Breaker>>();
  readonly #provider = new Map<string, string>();
  readonly #incidents = new Map<string, IncidentNotice>();
  readonly #max: number;
  readonly #maxOpenMs: number;
  #count = 0;
  #nowMs = -Infinity;

  constructor(private readonly o: GatewayTargetBreakersOptions) {
    for (const t of o.targets) this.#provider.set(t.name, t.provider);
    this.#max = o.maxBreakers ?? 1000;
    this.#maxOpenMs = resolveBreakerOptions(o.breaker).maxOpenMs;
  }

  /** Whether a call for `model` may go to `target` now (`pass` where no breaker can be kept). */
  admit(target: string, model: string, nowMs: number): BreakerAdmission {
    return this.#get(target, model)?.admit(this.#at(nowMs)) ?? 'pass';
  }

  /** One finished attempt of the gateway at `target` for `model`. */
  attempt(target: string, model: string, classification: Classification, atMs: number): void {
    this.#get(target, model)?.observe({ type: 'call', atMs: this.#at(atMs), classification });
  }

  /** An incident event: every breaker its scope covers; a model incident's models get one. */
  incident(n: IncidentNotice): void {
    const i = n.incident;
    if (n.event !== 'resolved' && n.atMs < this.#nowMs - this.#maxOpenMs) return; // old history
    const atMs = this.#at(n.atMs);
    for (const models of this.#breakers.values())
      for (const b of models.values())
        if (covers(i, b.target)) b.observe({ type: 'incident', atMs, event: n.event, incident: i });
    this.#incidents.delete(i.id);
    if (n.event === 'resolved') return;
    if (this.#incidents.size >= MAX_OPEN_INCIDENTS)
      this.#incidents.delete(this.#incidents.keys().next().value!);
    this.#incidents.set(i.id, n);
    // Made now, they learn of it (and of every other open incident) as they are made.
    if (i.scope === 'model' && i.provider !== null)
      for (const [target, provider] of this.#provider)
        if (provider === i.provider) for (const m of i.models) this.#get(target, m);
  }

  /** Whether the scope of `provider/model` is elevated now, for every target's breaker of it. */
  scope(provider: string, model: string, elevated: boolean, atMs: number): void {
    const at = this.#at(atMs);
    for (const [target, p] of this.#provider)
      if (p === provider)
        this.#breakers.get(target)?.get(model)?.observe({ type: 'scope', atMs: at, elevated });
  }

  /** Lets time pass on every breaker. */
  tick(nowMs: number): void {
    const at = this.#at(nowMs);
    for (const models of this.#breakers.values()) for (const b of models.values()) b.tick(at);
  }

  /** Every breaker's state, `target` being the gateway target's name. */
  entries(): BoardEntry[] {
    const out: BoardEntry[] = [];
    for (const models of this.#breakers.values())
      for (const b of models.values())
        out.push({
          target: b.target.name,
          provider: b.target.provider,
          model: b.target.model,
          state: b.state.state,
        });
    return out;
  }

  #at(atMs: number): number {
    if (atMs > this.#nowMs) this.#nowMs = atMs;
    return this.#nowMs;
  }

  #get(target: string, model: string): Breaker | undefined {
    const provider = this.#provider.get(target);
    if (provider === undefined) return undefined;
    let models = this.#breakers.get(target);
    const found = models?.get(model);
    if (found !== undefined || this.#count >= this.#max) return found;
    const nowMs = Number.isFinite(this.#nowMs) ? this.#nowMs : 0;
    const b = createBreaker({
      ...this.o.breaker,
      target: { name: target, provider, model },
      nowMs,
    });
    b.onChange((c) => this.o.onChange(c));
    if (models === undefined) this.#breakers.set(target, (models = new Map<string, Breaker>()));
    models.set(model, b);
    this.#count++;
    for (const n of this.#incidents.values())
      if (covers(n.incident, b.target))
        b.observe({ type: 'incident', atMs: nowMs, event: n.event, incident: n.incident });
    return b;
  }
}
