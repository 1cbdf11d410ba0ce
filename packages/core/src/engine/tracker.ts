/**
 * Opens, updates and resolves incidents from candidates, with hysteresis: an incident stays open
 * while its scope is still elevated and resolves after a quiet period; one that comes back soon
 * after is reopened, not duplicated. Integration and network incidents at several providers merge
 * into one global incident.
 */
import type { Reason } from '../classify/index.js';
import { evidence as item, factsOf, type Evidence, type EvidenceKind } from '../diagnosis/index.js';
import { bump } from './bucket.js';
import { mode } from './scope-stats.js';
import { candidateKey, type Candidate } from './candidate.js';
import type { CandidateState, TrackedState, TrackerState } from './engine-state.js';
import { statusLag } from './signals/status-page.js';
import { LIFECYCLE } from './tuning.js';

const QUIET_MS = LIFECYCLE.quietMs;
const REOPEN_MS = LIFECYCLE.reopenMs;

export const INCIDENT_EVENT_KINDS = [
  'opened',
  'updated',
  'resolved',
  'reopened',
  'merged',
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

/** Mutable state behind one incident. */
export interface Tracked {
  id: string;
  key: string;
  candidate: Candidate;
  startMs: number;
  detectedMs: number;
  resolvedMs: number | null;
  lastElevatedMs: number;
  peak: number;
  affected: number;
  bestLogP: number;
  reasons: Map<Reason, number>;
  models: Set<string>;
  evidence: Map<EvidenceKind, Evidence>;
  /** Set when a global incident took this one over, just before it is reported as merged. */
  merged?: { readonly into: string; readonly atMs: number };
}

export class Tracker {
  readonly all: Tracked[] = [];
  readonly #byKey = new Map<string, Tracked>();
  readonly #ids = new Set<string>();

  constructor(private readonly emit: (kind: IncidentEventKind, t: Tracked, atMs: number) => void) {}

  open(): Tracked[] {
    return this.all.filter((t) => t.resolvedMs === null);
  }

  /** Applies one evaluation's candidate. */
  apply(c: Candidate, nowMs: number): void {
    const key = candidateKey(c);
    let t = this.#byKey.get(key);
    if (c.provider === null) t = this.#absorbIntoGlobal(c, t, nowMs);
    else if (this.#foldIntoGlobal(c, nowMs)) return;
    if (t !== undefined && t.resolvedMs !== null && nowMs - t.resolvedMs > REOPEN_MS) t = undefined;
    if (t === undefined) {
      t = this.#create(c, key, nowMs);
      this.emit('opened', t, nowMs);
      return;
    }
    const reopened = t.resolvedMs !== null;
    const before = signature(t);
    t.resolvedMs = null;
    this.#update(t, c, nowMs, false);
    // Only material changes are news: scope, models, reason, new kinds of evidence, a higher peak.
    if (reopened) this.emit('reopened', t, nowMs);
    else if (signature(t) !== before) this.emit('updated', t, nowMs);
  }

  /** Marks an open incident's scope as still elevated (keeps it open). */
  stillElevated(t: Tracked, nowMs: number, newestAffected: number): void {
    t.lastElevatedMs = nowMs;
    t.affected += newestAffected;
  }

  /** Resolves incidents that have been quiet long enough. */
  resolveQuiet(nowMs: number): void {
    for (const t of this.all) {
      if (t.resolvedMs === null && nowMs - t.lastElevatedMs >= QUIET_MS) {
        t.resolvedMs = nowMs;
        this.emit('resolved', t, nowMs);
      }
    }
  }

  #create(c: Candidate, key: string, nowMs: number): Tracked {
    const t: Tracked = {
      id: this.#newId(c, c.startMs),
      key,
      candidate: c,
      startMs: c.startMs,
      detectedMs: nowMs,
      resolvedMs: null,
      lastElevatedMs: nowMs,
      peak: c.share,
      affected: c.affectedSoFar,
      bestLogP: c.logP,
      reasons: new Map(c.reasons),
      models: new Set(c.models),
      evidence: new Map(c.evidence.map((e) => [e.kind, e])),
    };
    noteStatusLag(t);
    this.all.push(t);
    this.#byKey.set(key, t);
    return t;
  }

  #update(t: Tracked, c: Candidate, nowMs: number, absorbed: boolean): void {
    t.candidate = c;
    t.startMs = Math.min(t.startMs, c.startMs);
    t.lastElevatedMs = nowMs;
    t.peak = Math.max(t.peak, c.share);
    if (!absorbed) t.affected += c.affectedNewest;
    t.bestLogP = Math.min(t.bestLogP, c.logP);
    for (const [r, n] of c.reasons) bump(t.reasons, r, n);
    for (const m of c.models) t.models.add(m);
    for (const e of c.evidence)
      if (e.kind !== 'error_rate' || !t.evidence.has(e.kind) || c.share >= t.peak)
        t.evidence.set(e.kind, keepSince(t.evidence.get(e.kind), e));
    pruneSiblings(t);
    noteStatusLag(t);
  }

  /** A global candidate takes over open provider-level incidents of the same layer. */
  #absorbIntoGlobal(c: Candidate, global: Tracked | undefined, nowMs: number): Tracked | undefined {
    const siblings = this.open().filter(
      (t) => t.candidate.layer === c.layer && t.candidate.provider !== null,
    );
    if (siblings.length === 0) return global;
    const survivor = global !== undefined && global.resolvedMs === null ? global : siblings[0]!;
    for (const s of siblings) {
      if (s === survivor) continue;
      survivor.startMs = Math.min(survivor.startMs, s.startMs);
      survivor.detectedMs = Math.min(survivor.detectedMs, s.detectedMs);
      survivor.affected += s.affected;
      for (const m of s.models) survivor.models.add(m);
      s.merged = { into: survivor.id, atMs: nowMs };
      this.all.splice(this.all.indexOf(s), 1);
      this.#byKey.delete(s.key);
      this.emit('merged', s, nowMs);
    }
    if (survivor.key !== candidateKey(c)) {
      this.#byKey.delete(survivor.key);
      survivor.key = candidateKey(c);
      this.#byKey.set(survivor.key, survivor);
    }
    return survivor;
  }

  /**
   * A provider's candidate while a global incident of its layer is open is more of the same
   * failures (one provider's share still significant while the others' dipped): it keeps the
   * global incident going instead of opening a provider incident beside it.
   */
  #foldIntoGlobal(c: Candidate, nowMs: number): boolean {
    const global = this.#byKey.get(candidateKey({ layer: c.layer, provider: null }));
    if (global === undefined || global.resolvedMs !== null) return false;
    const before = signature(global);
    global.lastElevatedMs = nowMs;
    global.affected += c.affectedNewest;
    for (const [r, n] of c.reasons) bump(global.reasons, r, n);
    for (const m of c.models) global.models.add(m);
    if (signature(global) !== before) this.emit('updated', global, nowMs);
    return true;
  }

  /** The tracker as plain data, for `engine.snapshot()`. */
  toState(): TrackerState {
    return {
      incidents: this.all.map(trackedState),
      byKey: [...this.#byKey].map(([k, t]) => [k, t.id] as const),
      ids: [...this.#ids],
    };
  }

  /** Restores `toState()` into this (new, empty) tracker. */
  restore(s: TrackerState): void {
    const byId = new Map<string, Tracked>();
    for (const t of s.incidents) {
      const tracked = fromTrackedState(t);
      this.all.push(tracked);
      byId.set(tracked.id, tracked);
    }
    for (const [key, id] of s.byKey) {
      const t = byId.get(id);
      if (t === undefined)
        throw new TypeError(`engine snapshot: tracking key ${key} names unknown incident ${id}`);
      this.#byKey.set(key, t);
    }
    for (const id of s.ids) this.#ids.add(id);
  }

  #newId(c: Candidate, startMs: number): string {
    const d = new Date(startMs).toISOString();
    const base = `inc-${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${d.slice(11, 13)}${d.slice(14, 16)}-${c.provider ?? 'global'}`;
    let id = base;
    for (let n = 2; this.#ids.has(id); n++) id = `${base}-${n}`;
    this.#ids.add(id);
    return id;
  }
}

/**
 * Sibling models seen healthy stay evidence only while the incident does not list them: a model
 * that was fine when the incident opened and failed later did not "work normally".
 */
function pruneSiblings(t: Tracked): void {
  const e = t.evidence.get('sibling_models');
  const f = e === undefined ? undefined : factsOf(e, 'sibling_models');
  if (f === undefined) return;
  const fine = f.models.filter((m) => !t.models.has(m));
  if (fine.length === f.models.length) return;
  if (fine.length === 0) t.evidence.delete('sibling_models');
  else t.evidence.set('sibling_models', item('sibling_models', { ...f, models: fine }));
}

function signature(t: Tracked): string {
  const peakStep = Math.floor(t.peak * 10);
  return [
    t.candidate.provider,
    [...t.models].sort().join(','),
    dominantReason(t),
    [...t.evidence.keys()].sort().join(','),
    peakStep,
  ].join('|');
}

/** The incident's dominant reason so far. */
export function dominantReason(t: Tracked): Reason {
  return mode(t.reasons) ?? t.candidate.reason;
}

/** Confidence from how unlikely the failures were under the baseline, plus corroboration. */
export function confidenceOf(t: Tracked): number {
  const strength = Math.min(0.4, -t.bestLogP / 100);
  const corroborated =
    (t.evidence.has('cross_provider') ? 0.03 : 0) + (t.evidence.has('status_page') ? 0.02 : 0);
  return Math.round(Math.min(0.99, 0.55 + strength + corroborated) * 100) / 100;
}

function candidateState(c: Candidate): CandidateState {
  return { ...c, models: [...c.models], reasons: [...c.reasons], evidence: [...c.evidence] };
}

function trackedState(t: Tracked): TrackedState {
  return {
    id: t.id,
    key: t.key,
    candidate: candidateState(t.candidate),
    startMs: t.startMs,
    detectedMs: t.detectedMs,
    resolvedMs: t.resolvedMs,
    lastElevatedMs: t.lastElevatedMs,
    peak: t.peak,
    affected: t.affected,
    bestLogP: t.bestLogP,
    reasons: [...t.reasons],
    models: [...t.models],
    evidence: [...t.evidence.values()],
  };
}

function fromTrackedState(s: TrackedState): Tracked {
  return {
    ...s,
    candidate: { ...s.candidate, reasons: new Map(s.candidate.reasons) },
    reasons: new Map(s.reasons),
    models: new Set(s.models),
    evidence: new Map(s.evidence.map((e) => [e.kind, e])),
  };
}

/** New golden evidence keeps the run's first failure: its window sees the last minutes only. */
function keepSince(old: Evidence | undefined, e: Evidence): Evidence {
  const before = old === undefined ? undefined : factsOf(old, 'golden');
  const now = factsOf(e, 'golden');
  if (before === undefined || now === undefined || before.since >= now.since) return e;
  return item('golden', { ...now, since: before.since });
}

/** Adds the status page's lag behind our first failures, once: its first move is the news. */
function noteStatusLag(t: Tracked): void {
  if (t.evidence.has('status_lag')) return;
  const lag = statusLag(t.evidence, t.startMs);
  if (lag !== undefined) t.evidence.set('status_lag', lag);
}
