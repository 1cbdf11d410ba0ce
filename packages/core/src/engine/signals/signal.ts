/**
 * The one interface every engine signal implements: what it reads of a scope, its verdict, the
 * incidents it proposes, how it revises a proposal (evidence, attribution), what keeps one open.
 */
import type { EvidenceKind, FailureLayer } from '../../diagnosis/index.js';
import type { Reason } from '../../classify/index.js';
import type { Bucket } from '../bucket.js';
import type { Candidate } from '../candidate.js';
import type { DeadlineVerdictOf, LayerAssessment, ScopeEval } from '../scope-eval.js';
import type { ScopeRegistry } from '../scope-registry.js';
import type { ScopeStats, WindowStats } from '../scope-stats.js';
import type { StatusBoard } from '../status-board.js';

/** One scope at one evaluation, as every signal reads it. */
export interface ScopeView {
  readonly stats: ScopeStats;
  /** The detection window's buckets, newest first. */
  readonly buckets: readonly Bucket[];
  readonly window: WindowStats;
  /**
   * The model scopes this scope's calls are also tested in: 1 for a model, the provider's models
   * for a provider (its test is one more look at the same calls, so it raises at a stricter level).
   */
  readonly pooled: number;
}

/** What a reading says of a layer: open or widen an incident, keep one open, or nothing. */
export const VERDICTS = ['raise', 'sustain', 'clear'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What every signal sees of one evaluation. */
export interface Evaluation {
  readonly reg: ScopeRegistry;
  readonly evals: ReadonlyMap<ScopeStats, ScopeEval>;
  readonly status: StatusBoard;
  /** An open incident's earlier verdict on a deadline question. */
  readonly earlier: DeadlineVerdictOf;
  /** The start of the open incident of `layer` at `provider` (null: global), if one is open. */
  readonly openSince: (layer: FailureLayer, provider: string | null) => number | undefined;
}

/** A candidate on its way to the tracker, with the scopes it stands on. */
export interface Proposal {
  readonly candidate: Candidate;
  /** What raised it: a failure layer's anomaly, or latency far above normal. */
  readonly basis: 'failures' | 'latency';
  /** The model scopes it stands on. */
  readonly members: readonly ScopeStats[];
  /** The providers whose anomaly it is (several for a global incident). */
  readonly providers: readonly string[];
  /** Set by a revision waiting for evidence due within seconds: not applied this evaluation. */
  readonly held?: boolean;
}

/** An open incident, as the signals deciding whether it stays open see it. */
export interface OpenIncident {
  readonly layer: FailureLayer;
  readonly reason: Reason;
  /** Its models: any one of them still failing keeps it open (so each is tested more strictly). */
  readonly models: ReadonlySet<string>;
  readonly evidence: ReadonlyMap<EvidenceKind, unknown>;
}

/**
 * A signal. Every part is optional, and the engine calls each part of every registered signal
 * (registry.ts) in order: `read` on each scope with calls in the window, `verdict` to overlay the
 * reading on the failure share's per-layer assessment, `propose` once per evaluation, `revise` on
 * every proposal, and `holds`/`sustained` for open incidents (the last signal that holds one decides).
 * Methods, not function properties, so a `Signal<R>` is a `Signal` in the registry's list.
 */
export interface Signal<R = unknown> {
  /** Unique; keys the reading in `ScopeEval.readings`. */
  readonly name: string;
  /** Judges one scope; `undefined` when there is nothing to judge there. */
  read?(view: ScopeView): R | undefined;
  /** What `reading` says of `layer` at its scope, given the failure share's assessment `base`. */
  verdict?(reading: R, layer: FailureLayer, base: LayerAssessment): Verdict;
  /** Incidents this signal raises on its own terms. */
  propose?(ev: Evaluation): Proposal[];
  /** Adds evidence to a proposal, or re-attributes it. */
  revise?(p: Proposal, ev: Evaluation): Proposal;
  /** Whether this signal decides if `incident` stays open. */
  holds?(incident: OpenIncident): boolean;
  /** Affected calls in `newest` when `e` keeps `incident` open, else `undefined`. */
  sustained?(incident: OpenIncident, e: ScopeEval, newest: Bucket | undefined): number | undefined;
}

/** The reading `signal` made of `e`'s scope (readings are keyed by the signal's name). */
export function readingOf<R>(e: ScopeEval | undefined, signal: Signal<R>): R | undefined {
  return e?.readings.get(signal.name) as R | undefined;
}

/** The newest closed bucket of `s`. */
export function newestOf(s: ScopeStats): Bucket | undefined {
  for (const b of s.recent(1)) return b;
  return undefined;
}
