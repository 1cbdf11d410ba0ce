/** What one evaluation found about one scope, shared by the verdict modules. */
import type { LatencyAssessment, LayerAssessment } from './assess.js';
import type { LayerTable } from './bucket.js';
import type { GoldenAssessment } from './golden.js';
import type { ScopeStats, WindowStats } from './scope-stats.js';

export interface ScopeEval {
  readonly stats: ScopeStats;
  readonly window: WindowStats;
  readonly layers: LayerTable<LayerAssessment>;
  readonly latency: LatencyAssessment;
  /**
   * A model's known-answer checks, when they (not its traffic's failure share) make its model
   * layer anomalous or elevated; `layers.model` then already says so.
   */
  readonly golden?: GoldenAssessment;
}

/** An open incident's earlier verdict on a deadline question: `ours`, `theirs`, or none yet. */
export type DeadlineVerdictOf = (provider: string) => 'ours' | 'theirs' | undefined;
