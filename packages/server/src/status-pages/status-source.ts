/**
 * The port every status-page adapter implements: read the page once and say what it claims per
 * component, or why it could not be trusted (`unknown`, never "the provider is degraded").
 */
import type { ComponentStatus } from '@faultline/core';
import type { FaultlineConfig } from '../config/index.js';

/** One `status_pages` entry, as validated by the config module. */
export type StatusPageEntry = FaultlineConfig['status_pages'][number];

/** Why a read is not trusted (status-pages.md §3: a mismatch marks the source, never the provider). */
export const UNKNOWN_REASONS = [
  'html',
  'challenge',
  'redirect',
  'not_json',
  'schema',
  'http_error',
  'timeout',
  'too_large',
  'network',
] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

/** What a page says about one of its components. Times are the page's claims, as written. */
export interface ComponentReading {
  /** The page's component name, plain text. */
  readonly component: string;
  /** The page's stable id for it when it has one (Statuspage id, incident.io ULID, Google product id). */
  readonly componentId?: string;
  readonly status: ComponentStatus;
  /** Title of an open incident (or maintenance) touching it, plain text, bounded; null when none. */
  readonly incident: string | null;
  readonly incidentId?: string;
  /** When the page says the impact started (can be backdated, §6). */
  readonly pageStartedAt?: string;
  /** When the page first posted about it (first update's `created_at`). */
  readonly pagePostedAt?: string;
  /** When the page last changed it. */
  readonly pageUpdatedAt?: string;
}

/** Validators for a conditional GET (RFC 9110 §13.1). */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

/** The result of one read. */
export type SourceResult =
  | {
      readonly kind: 'read';
      readonly readings: readonly ComponentReading[];
      /** True when the page lists every component; false when it lists only affected ones. */
      readonly complete: boolean;
      readonly validators: Validators;
      readonly bytes: number;
    }
  | { readonly kind: 'not_modified' }
  | { readonly kind: 'unknown'; readonly reason: UnknownReason; readonly detail: string };

/** Reads one status page once. Never rejects: every failure is an `unknown` result. */
export interface StatusSource {
  /** The URL actually polled (the kind's endpoint under the configured base URL). */
  readonly endpoint: string;
  /** `signal` aborts the read (shutdown); it then ends as `unknown`. */
  read(validators: Validators, signal?: AbortSignal): Promise<SourceResult>;
}
