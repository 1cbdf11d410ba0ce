/** What the HTTP batch sink reports to `onError` about the ingest server's answers. */
import { FaultlineError, hasBrand } from '@faultline/core';

/** One line the server refused in a 200 answer (server-api.md, `rejected`). */
export interface IngestRejection {
  /** 1-based line of the batch. */
  readonly line: number;
  readonly field?: string;
  readonly reason: string;
}

/**
 * What happened to the records concerned: `retrying` (this POST failed; the batch is kept for
 * another try), `dropped` (the batch is given up, counted in `dropped`), `rejected` (the batch
 * was stored but the server refused some lines, counted in `rejected`).
 */
export const INGEST_OUTCOMES = ['retrying', 'dropped', 'rejected'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

/** Details of an {@link IngestError}. */
export interface IngestErrorDetails {
  readonly outcome: IngestOutcome;
  /** The HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** Records the error is about: those dropped, or the batch's size. */
  readonly records: number;
  readonly rejected?: readonly IngestRejection[];
}

/**
 * An ingest POST that did not store every record: reported to the sink's `onError`, never
 * thrown into the app. `cause` holds the last transport error of a batch given up.
 */
export class IngestError extends FaultlineError {
  readonly isIngestError = true;
  override name = 'IngestError';
  readonly outcome: IngestOutcome;
  readonly status: number | undefined;
  readonly records: number;
  readonly rejected: readonly IngestRejection[];

  constructor(message: string, details: IngestErrorDetails, options?: ErrorOptions) {
    super(message, options);
    this.outcome = details.outcome;
    this.status = details.status;
    this.records = details.records;
    this.rejected = details.rejected ?? [];
  }
}

/** Whether `e` is an {@link IngestError}. */
export function isIngestError(e: unknown): e is IngestError {
  return hasBrand(e, 'isIngestError');
}
