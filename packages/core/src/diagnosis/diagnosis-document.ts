/** The document `faultline diagnose --json` prints (spec/diagnosis.md "`faultline diagnose` output"). */
import type { DocumentIncident, IncidentInput } from './incident.js';

/** The document's `version`; v1.1 added evidence `facts` without changing it. */
export const DIAGNOSIS_VERSION = 1;

export interface Diagnosis {
  readonly version: typeof DIAGNOSIS_VERSION;
  /** Good records read. */
  readonly records: number;
  readonly bad_records: number;
  /** Time of the earliest and latest record, or `null` when there were none. */
  readonly from: string | null;
  readonly to: string | null;
  /** By `started_at`. */
  readonly incidents: readonly DocumentIncident[];
}

/** A diagnosis as a reader may meet it (see `IncidentInput`). */
export interface DiagnosisInput extends Omit<Diagnosis, 'incidents'> {
  readonly incidents: readonly IncidentInput[];
}
