/** The streaming diagnosis engine and the incident contract. */
export { createEngine } from './engine.js';
export type { Engine, EngineOptions, IncidentEvent } from './engine.js';
export { EVIDENCE_KINDS, SCOPES } from './incident.js';
export type { Evidence, EvidenceKind, Incident, Scope } from './incident.js';
export type { IncidentEventKind } from './tracker.js';
