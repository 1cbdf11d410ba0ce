/** The live engine of `faultline serve`: records in, incidents saved and streamed, snapshots for restarts. */
export { createLiveEngine } from './live-engine.js';
export type {
  CatchUpProgress,
  LiveEngine,
  LiveEngineOptions,
  LiveHealth,
  LiveStats,
} from './live-options.js';
export type { HealthState, ModelHealth, ProviderHealth } from './health-window.js';
export { INCIDENT_FEED_TYPES } from './incident-change.js';
export type { IncidentFeedType } from './incident-change.js';
export { LIVE_SNAPSHOT_VERSION } from './live-snapshot.js';
