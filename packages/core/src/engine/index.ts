/** The streaming diagnosis engine and the incident contract. */
export { createEngine } from './engine.js';
export type { Engine, EngineOptions, IncidentEvent } from './engine.js';
export { ENGINE_WARNING_KINDS } from './engine-warning.js';
export type { EngineWarning, EngineWarningKind } from './engine-warning.js';
export { DEFAULT_MAX_MODELS_PER_PROVIDER, OVERFLOW_MODEL } from './scope-registry.js';
export { EVIDENCE_KINDS, SCOPES } from './incident.js';
export type { Evidence, EvidenceKind, Incident, Scope } from './incident.js';
export type { IncidentEventKind } from './tracker.js';
