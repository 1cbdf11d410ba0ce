/** What one evaluation found about one scope, shared by the signals and the verdict modules. */
import type { LayerTable } from './bucket.js';
import type { ScopeStats, WindowStats } from './scope-stats.js';

/** A layer's failure share judged against its baseline, with every signal's verdict overlaid. */
export interface LayerAssessment {
  readonly share: number;
  readonly baseline: number;
  readonly logP: number;
  /** Strong enough to open or widen an incident. */
  readonly anomalous: boolean;
  /** Above normal: keeps an open incident open (hysteresis). */
  readonly elevated: boolean;
  /** Clearly part of a fault: a model joins an incident only on this, not on two noise errors. */
  readonly member: boolean;
}

export interface ScopeEval {
  readonly stats: ScopeStats;
  readonly window: WindowStats;
  /** The failure share's assessment per layer, with the other signals' verdicts overlaid. */
  readonly layers: LayerTable<LayerAssessment>;
  /** Each signal's reading of this scope, by signal name (see `readingOf`). */
  readonly readings: ReadonlyMap<string, unknown>;
}

/** An open incident's earlier verdict on a deadline question: `ours`, `theirs`, or none yet. */
export type DeadlineVerdictOf = (provider: string) => 'ours' | 'theirs' | undefined;
