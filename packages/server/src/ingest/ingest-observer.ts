/** The counters ingest reports to, declared here for `/metrics` to implement. */

/** What ingest tells the metrics module. Every method must return quickly and never throw. */
export interface IngestObserver {
  /** `n` records with this `source` (`""` for none or a status observation) were committed. */
  accepted(source: string, n: number): void;
  /** `n` lines were rejected. */
  rejected(n: number): void;
  /** One `commitRecords` took `seconds` (committed, duplicate or failed). */
  storeWrite(seconds: number): void;
}

/** Counts nothing. */
export const NO_OBSERVER: IngestObserver = {
  accepted: () => undefined,
  rejected: () => undefined,
  storeWrite: () => undefined,
};
