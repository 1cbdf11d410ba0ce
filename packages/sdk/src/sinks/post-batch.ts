/** One POST of a batch of JSON lines, bounded by a timeout and by the sink's stop signal. */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { boundedText } from './bounded-text.js';
import { judgeAnswer, type PostOutcome } from './judge-answer.js';

export type { PostOutcome } from './judge-answer.js';

const gzipAsync = promisify(gzip);

/** Bodies smaller than this are sent plain even with `compress`: gzip would not pay. */
export const COMPRESS_MIN_BYTES = 1024;
/** Most of an answer's body read (a 200's `rejected` list for a large batch fits). */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** What one POST needs besides its batch. */
export interface PostBatchOptions {
  readonly url: string;
  /** Every request's headers: `authorization`, `content-type`, the user's own. */
  readonly headers: Headers;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly compress: boolean;
  /** Aborts the POST at once (the sink's shutdown deadline). */
  readonly stop: AbortSignal;
}

/** The batch to send: its lines and its `Idempotency-Key`, the same on every resend. */
export interface OutgoingBatch {
  readonly lines: readonly string[];
  readonly key: string;
}

/** POSTs `batch` and reads the answer, all within `timeoutMs`; never throws or rejects. */
export async function postBatch(batch: OutgoingBatch, o: PostBatchOptions): Promise<PostOutcome> {
  const controller = new AbortController();
  const abort = (): void => controller.abort(o.stop.reason);
  const timer = setTimeout(() => {
    controller.abort(
      new DOMException(`POST ${o.url}: no answer in ${o.timeoutMs} ms`, 'TimeoutError'),
    );
  }, o.timeoutMs);
  timer.unref();
  if (o.stop.aborted) abort();
  else o.stop.addEventListener('abort', abort, { once: true });
  try {
    const headers = new Headers(o.headers);
    headers.set('idempotency-key', batch.key);
    const text = batch.lines.join('\n') + '\n';
    let body: string | Uint8Array = text;
    if (o.compress && Buffer.byteLength(text) >= COMPRESS_MIN_BYTES) {
      body = await gzipAsync(text);
      headers.set('content-encoding', 'gzip');
    }
    const res = await o.fetch(o.url, { method: 'POST', headers, body, signal: controller.signal });
    // The answer is read within the timeout too: a 200 whose body never ends is no answer.
    const answer = await boundedText(res, MAX_ANSWER_BYTES);
    const facts = { status: res.status, headers: res.headers, text: answer, url: o.url };
    return judgeAnswer({ ...facts, records: batch.lines.length, nowMs: Date.now() });
  } catch (e: unknown) {
    return { kind: 'retry', error: e, retryAfterMs: undefined };
  } finally {
    clearTimeout(timer);
    o.stop.removeEventListener('abort', abort);
  }
}
