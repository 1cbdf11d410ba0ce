/** What the service knows about one polled page as a source (shown in health, counted in metrics). */
import type { UnknownReason } from './status-source.js';

/** A page source's state; `unknown` marks the source, never the provider (status-pages.md §3). */
export interface SourceState {
  readonly provider: string;
  readonly kind: string;
  readonly endpoint: string;
  /** `pending` until the first read finishes. */
  readonly state: 'pending' | 'ok' | 'unknown';
  readonly reason?: UnknownReason;
  /** Why, in a few words (no page text). */
  readonly detail?: string;
  /** Epoch ms since this state (and reason) held. */
  readonly sinceMs: number;
  /** Epoch ms of the last good read (a 304 included); null before one. */
  readonly lastOkMs: number | null;
  readonly failures: number;
}

/** The outcome of one poll, for metrics. */
export interface PollOutcome {
  readonly provider: string;
  readonly outcome: 'changed' | 'unchanged' | 'not_modified' | 'unknown';
  readonly reason?: UnknownReason;
  /** Body bytes received. */
  readonly bytes: number;
  readonly observations: number;
  readonly nextDelayMs: number;
}
