/** Fake status pages, moved late by the fake's own fault timeline, and their broken modes. */
export {
  DEFAULT_LAG_S,
  DEFAULT_RECOVERY_LAG_S,
  DEFAULT_SLOW_MS,
  STATUS_PAGE_KINDS,
  STATUS_PAGE_MODES,
} from './status-page.js';
export type {
  StatusPageComponent,
  StatusPageKind,
  StatusPageMode,
  StatusPageSettings,
} from './status-page.js';
export { DEFAULT_STATUS_PAGES } from './default-pages.js';
export { resolveStatusPage } from './status-page-input.js';
export type { StatusPageInput } from './status-page-input.js';
export { FaultHistory } from './fault-history.js';
export type { FaultSnapshot, ScenarioRun } from './fault-history.js';
export { StatusPages } from './status-pages.js';
export type { StatusPagesOptions } from './status-pages.js';
export { serveStatusPage, STATUS_PREFIX } from './serve-status-page.js';
export { handleStatusPagesAdmin } from './handle-status-pages-admin.js';
export { SEVERITIES } from './rule-severity.js';
export type { Severity } from './rule-severity.js';
