/** What an ingest POST's HTTP answer means for its batch: stored, worth another try, or not. */
import { errorBodyMessage, parseIngestAnswer, type IngestAnswer } from './ingest-answer.js';
import { IngestError } from './ingest-error.js';
import { retryAfterMs, type HeaderSource } from './retry-after.js';

/** How a POST ended. `too-large` (413) is split and resent; `refused` is dropped. */
export type PostOutcome =
  | ({ readonly kind: 'sent' } & IngestAnswer)
  | {
      readonly kind: 'retry';
      readonly error: unknown;
      /** The server's `Retry-After`, in ms, when it gave one. */
      readonly retryAfterMs: number | undefined;
    }
  | { readonly kind: 'too-large'; readonly error: IngestError }
  | { readonly kind: 'refused'; readonly error: IngestError };

/**
 * Statuses worth another try of the same batch under the same key: 408 and 429 (RFC 9110
 * §15.5.9, RFC 6585 §4), 409 (server-api.md: the key's first request is still in flight), 425
 * (RFC 8470 §5.2) and the 5xx, except 501 and 505, which a retry cannot change.
 */
export function retryable(status: number): boolean {
  if ([408, 409, 425, 429].includes(status)) return true;
  return status >= 500 && status !== 501 && status !== 505;
}

/** The facts of one answer; `nowMs` for an HTTP-date `Retry-After`. */
export interface Answer {
  readonly status: number;
  readonly headers: HeaderSource;
  readonly text: string;
  readonly url: string;
  /** Records in the batch. */
  readonly records: number;
  readonly nowMs: number;
}

/** Judges an answer. Pure. */
export function judgeAnswer(a: Answer): PostOutcome {
  if (a.status >= 200 && a.status < 300) return { kind: 'sent', ...parseIngestAnswer(a.text) };
  const said = errorBodyMessage(a.text);
  const what = `POST ${a.url}: HTTP ${a.status}${said === undefined ? '' : ` (${said})`}`;
  if (retryable(a.status)) {
    const error = new IngestError(what, {
      outcome: 'retrying',
      status: a.status,
      records: a.records,
    });
    return { kind: 'retry', error, retryAfterMs: retryAfterMs(a.headers, a.nowMs) };
  }
  const error = new IngestError(`faultline: dropped ${a.records} records: ${what}`, {
    outcome: 'dropped',
    status: a.status,
    records: a.records,
  });
  return a.status === 413 ? { kind: 'too-large', error } : { kind: 'refused', error };
}
