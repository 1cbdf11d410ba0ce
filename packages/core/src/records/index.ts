/** Call records and status observations: types, validation, JSON Lines parsing. */
export {
  ABORTED_BY,
  COMPONENT_STATUSES,
  KNOWN_PROVIDERS,
  SOURCES,
  isStatusObservation,
} from './call-record.js';
export type {
  AbortedBy,
  CallRecord,
  ComponentStatus,
  FaultlineRecord,
  RecordSource,
  StatusObservation,
} from './call-record.js';
export {
  EARLIEST_TIME_MS,
  LATEST_TIME_MS,
  formatTimestamp,
  parseTimestamp,
  timestampProblem,
} from './timestamp.js';
export { validateRecord } from './validate-record.js';
export type { RecordProblem, RecordResult } from './validate-record.js';
export { formatProblem, isBlankLine, parseRecordLine } from './parse-line.js';
export { DEFAULT_MAX_LINE_BYTES, LineSplitter } from './line-splitter.js';
export type { LineSplitterOptions } from './line-splitter.js';
export { ReorderBuffer } from './reorder-buffer.js';
