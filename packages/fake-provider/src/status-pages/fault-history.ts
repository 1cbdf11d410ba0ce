/** The fault rules in force over time: what the pages replay, late, from the fake's own timeline. */
import type { FaultRule } from '../faults/index.js';
import type { Scenario } from '../scenario/index.js';

/** A running scenario and when (fake clock) it started. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly startedMs: number;
}

/** The rules from `atMs` on, until the next snapshot. */
export interface FaultSnapshot {
  readonly atMs: number;
  readonly admin: readonly FaultRule[];
  readonly scenario: ScenarioRun | undefined;
}

/** Snapshots kept; past it the oldest go (a page then forgets faults that old). */
const MAX_SNAPSHOTS = 10_000;

/**
 * An append-only log of rule changes, recorded by the fake's state on every change (admin rules
 * added or removed, a scenario loaded or stopped). Scenario phases need no entries: a phase's
 * times follow from the scenario's start, so the log stays small however long a scenario runs.
 */
export class FaultHistory {
  #snapshots: FaultSnapshot[];

  constructor(startMs: number) {
    this.#snapshots = [{ atMs: startMs, admin: [], scenario: undefined }];
  }

  /** Records the rules in force from `snapshot.atMs` (a clock that steps back is held level). */
  record(snapshot: FaultSnapshot): void {
    const last = this.#snapshots[this.#snapshots.length - 1];
    const atMs = last === undefined ? snapshot.atMs : Math.max(last.atMs, snapshot.atMs);
    this.#snapshots.push({ ...snapshot, atMs });
    if (this.#snapshots.length > MAX_SNAPSHOTS)
      this.#snapshots = this.#snapshots.slice(-MAX_SNAPSHOTS);
  }

  /** The snapshots, oldest first. */
  snapshots(): readonly FaultSnapshot[] {
    return this.#snapshots;
  }
}
