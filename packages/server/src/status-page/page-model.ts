/**
 * What the team's public status page shows (issue 13, server-api.md Pages), before it is written
 * as HTML, Atom or Statuspage JSON: components with their state and 90 days of history, and the
 * incidents with their published public updates only. Plain data, built by `buildStatusPage`.
 */

/** A component's state, in the Statuspage v2 words (status-pages.md §1.1) that summary.json uses. */
export const COMPONENT_STATES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

/** The state of one day in a component's history bar. */
export const DAY_LEVELS = ['operational', 'degraded', 'outage'] as const;
export type DayLevel = (typeof DAY_LEVELS)[number];

/** How people read each state: words, never colour alone. */
export const STATE_WORDS: Readonly<Record<ComponentState, string>> = {
  operational: 'Operational',
  degraded_performance: 'Slower than usual',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

export const DAY_WORDS: Readonly<Record<DayLevel, string>> = {
  operational: 'No incidents',
  degraded: 'Degraded',
  outage: 'Outage',
};

/** One day of history: its UTC date and the worst level of the incidents overlapping it. */
export interface HistoryDay {
  /** "2026-11-22". */
  readonly date: string;
  readonly level: DayLevel;
}

export interface ComponentView {
  /** A stable id derived from the name (summary.json keys on ids). */
  readonly id: string;
  /** Untrusted text (configuration or provider ids): always escaped when written. */
  readonly name: string;
  readonly state: ComponentState;
  /** Oldest first, ending today (UTC). */
  readonly history: readonly HistoryDay[];
}

/** The public stages of an update (server-api.md, updates). */
export type PublicStage = 'investigating' | 'identified' | 'monitoring' | 'resolved';

/** One published public update: text a person approved. */
export interface PublicUpdate {
  readonly stage: PublicStage;
  readonly text: string;
  readonly publishedAtMs: number;
}

export interface PublicIncident {
  readonly id: string;
  /** A neutral name built from the layer, provider and components (no model names, no evidence). */
  readonly name: string;
  /** The newest published stage; `resolved` once the incident is over. */
  readonly status: PublicStage;
  readonly state: ComponentState;
  readonly open: boolean;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly updatedAtMs: number;
  /** Ids of the components it touches. */
  readonly componentIds: readonly string[];
  /** Newest first; never empty (incidents with nothing published are not shown). */
  readonly updates: readonly PublicUpdate[];
}

export type Indicator = 'none' | 'minor' | 'major' | 'critical';

export interface StatusPageModel {
  readonly title: string;
  readonly components: readonly ComponentView[];
  /** Open incidents with something published, newest first. */
  readonly current: readonly PublicIncident[];
  /** Resolved incidents of the last 90 days with something published, newest first. */
  readonly past: readonly PublicIncident[];
  readonly indicator: Indicator;
  /** "All Systems Operational", … (Statuspage's rollup words). */
  readonly description: string;
  /** The latest change shown (stable between changes, so ETags hold). */
  readonly updatedAtMs: number;
}
