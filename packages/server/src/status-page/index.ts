/** The team's public status page at `/status`: its model, its three renderings and its routes. */
export { statusRoutes } from './status-routes.js';
export type { StatusPageConfig, StatusRouteDeps } from './status-routes.js';
export { providersOfHealth } from './providers-of-health.js';
export { buildStatusPage } from './build-status-page.js';
export type { StatusPageInput } from './build-status-page.js';
export type { IncidentFacts } from './incident-facts.js';
export type { StatusPageStore } from './load-incidents.js';
export { COMPONENT_STATES, DAY_LEVELS } from './page-model.js';
export type {
  ComponentState,
  ComponentView,
  DayLevel,
  HistoryDay,
  PublicIncident,
  PublicUpdate,
  StatusPageModel,
} from './page-model.js';
export { renderStatusHtml } from './render-html.js';
export { renderAtom } from './render-atom.js';
export { summaryJson } from './summary-json.js';
