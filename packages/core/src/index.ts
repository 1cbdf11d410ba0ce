/** @faultline/core: the pure domain of Faultline. No I/O, no timers, no environment. */
export {
  ABORTED_BY,
  COMPONENT_STATUSES,
  KNOWN_PROVIDERS,
  LineSplitter,
  SOURCES,
  formatProblem,
  formatTimestamp,
  isBlankLine,
  isStatusObservation,
  parseRecordLine,
  parseTimestamp,
  validateRecord,
} from './records/index.js';
export type {
  AbortedBy,
  CallRecord,
  ComponentStatus,
  FaultlineRecord,
  RecordProblem,
  RecordResult,
  RecordSource,
  StatusObservation,
} from './records/index.js';
export { LAYERS, OWNERS, REASONS, REASONS_BY_LAYER, classify } from './classify/index.js';
export type {
  Classification,
  IntegrationReason,
  Layer,
  ModelReason,
  NetworkReason,
  NoneReason,
  Owner,
  ProviderReason,
  Reason,
} from './classify/index.js';
export { createEngine, EVIDENCE_KINDS, SCOPES } from './engine/index.js';
export type {
  Engine,
  EngineOptions,
  Evidence,
  EvidenceKind,
  Incident,
  IncidentEvent,
  IncidentEventKind,
  Scope,
} from './engine/index.js';
export {
  LINT_RULES,
  LINT_SEVERITIES,
  UPDATE_STAGES,
  VOICES,
  draftUpdate,
  guessStage,
  lintUpdate,
  proposeRewrite,
  providerDisplayName,
} from './comms/index.js';
export type {
  DraftOptions,
  FactOptions,
  LintContext,
  LintFinding,
  LintResult,
  LintRule,
  LintSeverity,
  RewriteOptions,
  UpdateStage,
  Voice,
} from './comms/index.js';
