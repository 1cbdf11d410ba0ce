// An ingest client that keeps each batch and its Idempotency-Key until the server answers it.
import { TOKENS } from './service-process.js';

/** One batch: JSON Lines of records, each with a unique `request_id`. */
export interface SentBatch {
  readonly key: string;
  readonly ids: readonly string[];
  readonly body: string;
}

/** What a client saw: the ids of records the server acknowledged (200, not rejected). */
export interface ClientTally {
  readonly acknowledged: Set<string>;
  /** Attempts that got no answer (connection refused or cut) or a 409/503 and were resent. */
  resends: number;
  /** Answers with `duplicate: true`: a resend of a batch whose first answer was lost. */
  duplicates: number;
}

interface IngestAnswer {
  readonly accepted: number;
  readonly rejected: readonly { readonly line: number }[];
  readonly duplicate: boolean;
}

/** The server's URL may change on restart (port 0): the client asks for it before each try. */
export type UrlSource = () => string | undefined;

/**
 * Posts `batch` until it is answered with 200, resending the same body under the same key after
 * a network error, 409 (the key still in flight) or 503; any other status is a test failure.
 */
export async function sendUntilAnswered(
  url: UrlSource,
  batch: SentBatch,
  tally: ClientTally,
  stop: () => boolean,
): Promise<void> {
  for (;;) {
    const base = url();
    if (base !== undefined) {
      const res = await fetch(`${base}/v1/records`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKENS.ingest}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': batch.key,
        },
        body: batch.body,
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      if (res?.status === 200) {
        const answer = (await res.json()) as IngestAnswer;
        if (answer.rejected.length > 0 || answer.accepted !== batch.ids.length)
          throw new Error(`batch ${batch.key} partly rejected: ${JSON.stringify(answer)}`);
        if (answer.duplicate) tally.duplicates++;
        for (const id of batch.ids) tally.acknowledged.add(id);
        return;
      }
      if (res !== undefined && res.status !== 409 && res.status !== 503)
        throw new Error(`batch ${batch.key}: unexpected ${res.status} ${await res.text()}`);
      await res?.arrayBuffer().catch(() => undefined);
    }
    if (stop()) return;
    tally.resends++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Makes a batch of `n` records at `tsMs`; `line(i)` gives each record's fields besides the id. */
export function makeBatch(
  key: string,
  n: number,
  line: (i: number) => Record<string, unknown>,
): SentBatch {
  const ids = Array.from({ length: n }, (_, i) => `${key}-${i}`);
  const body = ids.map((id, i) => JSON.stringify({ ...line(i), request_id: id })).join('\n') + '\n';
  return { key, ids, body };
}
