/** Fake status pages: their kinds, broken-source modes, components and settings. */
import type { Provider } from '../protocol/index.js';

/** The page formats served, named as the service's `status_pages[].kind` names them. */
export const STATUS_PAGE_KINDS = ['statuspage', 'incidentio', 'google-cloud', 'rss'] as const;
/** One of {@link STATUS_PAGE_KINDS}. */
export type StatusPageKind = (typeof STATUS_PAGE_KINDS)[number];

/**
 * How a page answers: `ok` serves its documents; the others are the broken sources a poller must
 * read as "unknown", never as the provider degraded — `html` (an HTML page with status 200),
 * `error` (503), `slow` (the document after `slowMs`), `redirect` (301 to an HTML page, as a
 * platform migration does) and `challenge` (a Cloudflare-style managed challenge, 403).
 */
export const STATUS_PAGE_MODES = ['ok', 'html', 'error', 'slow', 'redirect', 'challenge'] as const;
/** One of {@link STATUS_PAGE_MODES}. */
export type StatusPageMode = (typeof STATUS_PAGE_MODES)[number];

/** A component of a page (a Google product on a `google-cloud` page). */
export interface StatusPageComponent {
  readonly name: string;
  /** Stable id, as real pages have (pollers key on it). */
  readonly id: string;
  /** Model globs the component covers; a fault on a matching model moves it. Empty: none. */
  readonly models: readonly string[];
}

/** One fake status page, served under `/status/{id}/`. */
export interface StatusPageSettings {
  /** Path segment: `/status/{id}/…`. */
  readonly id: string;
  readonly kind: StatusPageKind;
  /** Whose faults move the page. */
  readonly provider: Provider;
  /** Page title. */
  readonly title: string;
  readonly components: readonly StatusPageComponent[];
  /**
   * Scenario seconds from a fault's start to the page showing it (real seconds when no scenario
   * runs; a scenario's `timeScale` shortens it as it shortens the phases).
   */
  readonly lagS: number;
  /** Scenario seconds from a fault's end to the incident being resolved. */
  readonly recoveryLagS: number;
  readonly mode: StatusPageMode;
  /** Real milliseconds a `slow` page waits before answering. */
  readonly slowMs: number;
}

/** Default lag from a fault's start to the page moving: 10 minutes, as pages are late. */
export const DEFAULT_LAG_S = 600;
/** Default lag from a fault's end to the incident's resolution. */
export const DEFAULT_RECOVERY_LAG_S = 300;
/** Default wait of a `slow` page: past any sensible poller timeout. */
export const DEFAULT_SLOW_MS = 30_000;
