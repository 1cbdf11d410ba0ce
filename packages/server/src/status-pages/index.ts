/** Status-page pollers: one port (`StatusSource`), one adapter per page kind, and the poller. */
export { createStatusPoller } from './status-poller.js';
export type { SetTimer, StatusPoller, StatusPollerOptions } from './status-poller.js';
export { createStatusSource, SOURCE_DEFAULTS } from './create-status-source.js';
export type { StatusSourceOptions } from './create-status-source.js';
export { UNKNOWN_REASONS } from './status-source.js';
export type {
  ComponentReading,
  SourceResult,
  StatusPageEntry,
  StatusSource,
  UnknownReason,
  Validators,
} from './status-source.js';
export type { PollOutcome, SourceState } from './source-state.js';
export { DEFAULT_COMPONENTS } from './component-models.js';
export { GOOGLE_LLM_PRODUCTS } from './formats/google-cloud.js';
export { JITTER, MAX_BACKOFF_MS, pollDelayMs } from './poll-delay.js';
export { pageText, plainText, xmlText } from './plain-text.js';
