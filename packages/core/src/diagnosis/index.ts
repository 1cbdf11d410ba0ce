/** The diagnosis contract (spec/diagnosis.md): layers, scopes, incidents, evidence, the document and its reader. */
export { FAILURE_LAYERS, SCOPES, isFailureLayer, perLayer } from './layers.js';
export type { FailureLayer, Scope } from './layers.js';
export { OBSERVED_KINDS, observedWords } from './observed.js';
export type { Observed, ObservedKind } from './observed.js';
export { EVIDENCE_KINDS, LATENCY_MEASURES, factsOf } from './evidence-facts.js';
export type {
  CrossProviderFacts,
  DeadlineFacts,
  ErrorRateFacts,
  Evidence,
  EvidenceFactsByKind,
  EvidenceInput,
  EvidenceKind,
  EvidenceOf,
  GoldenFacts,
  LatencyFacts,
  LatencyMeasure,
  ProbeFacts,
  SiblingModelsFacts,
  StatusLagFacts,
  StatusPageFacts,
} from './evidence-facts.js';
export { evidence } from './evidence-text.js';
export { INCIDENT_STATUSES, toDocumentIncident } from './incident.js';
export type {
  DocumentIncident,
  Incident,
  IncidentFields,
  IncidentInput,
  IncidentLifecycle,
  IncidentStatus,
  IncidentVerdict,
} from './incident.js';
export { DIAGNOSIS_VERSION } from './diagnosis-document.js';
export type { Diagnosis, DiagnosisInput } from './diagnosis-document.js';
export { checkIncident } from './check-incident.js';
export type { Checked } from './check-incident.js';
export { checkDiagnosis } from './check-diagnosis.js';
