/** One attempt being observed: gathers facts from request, response and body, then writes one record. */
import type { CallRecord } from '@faultline/core';
import { abortKind, type AbortFacts } from './abort-kind.js';
import type { BodyObserver } from './body-tap.js';
import { UNKNOWN_ENDPOINT } from './endpoints.js';
import { readErrorWords } from './error-body.js';
import { interpreterFor, type Interpreter } from './interpreters/index.js';
import { isAbort, isRefusalBeforeSend, networkCode } from './network-cause.js';
import { writeOutputFields } from './output-fields.js';
import type { RequestFacts } from './request-facts.js';
import { readResponseFacts, type ResponseFacts } from './response-facts.js';
import { redactMessage } from './redact/index.js';
import { runChecks, type ChecksConfig } from './run-checks.js';
import { SseDecoder } from './sse-decoder.js';
import { Utf8Stream } from './utf8-stream.js';

/** Error bodies kept for parsing, at most. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** Non-streaming success bodies kept for parsing, at most; larger ones are not inspected. */
const MAX_JSON_BODY_BYTES = 8 << 20;
/** Bodies of endpoints without generated text are kept only this far, for their usage. */
const MAX_USAGE_BODY_BYTES = 64 * 1024;

/** Told whether an attempt failed in a way a client retries (attempt numbering, attempt-counter.ts). */
export type Settle = (failed: boolean) => void;

/** Shared by every observation of one instrumented fetch. */
export interface ObservationConfig extends ChecksConfig {
  readonly app: string | undefined;
  readonly now: () => number;
  readonly emit: (record: CallRecord, settle: Settle | undefined) => void;
}

/**
 * Collects what one attempt shows; `end`, `error`, `cancel` and `finishError` write its record
 * exactly once. It is the observer of its own response body (body-tap.ts).
 */
export class Observation implements BodyObserver {
  readonly #record: Record<string, unknown>;
  readonly #start: number;
  #response: ResponseFacts | undefined;
  #headers: Headers | undefined;
  /** How many body bytes to keep for parsing: error bodies and JSON bodies, not SSE. */
  #keepBytes = 0;
  #interpreter: Interpreter | undefined;
  #sse: SseDecoder | undefined;
  /** The kept body as decoded so far (`#body` decodes it, once a chunk is kept). */
  #body: Utf8Stream | undefined;
  #text = '';
  #bytes = 0;
  /** The body passed a size cap: its output is not judged (it counts as none/ok). */
  #tooLarge = false;
  /** A 2xx body that held an error instead of output: nothing is judged. */
  #bodyError = false;
  #done = false;

  constructor(
    private readonly cfg: ObservationConfig,
    private readonly req: RequestFacts,
    attempt: number,
    private readonly signal: AbortFacts | null | undefined,
    private readonly settle?: Settle,
  ) {
    this.#start = cfg.now();
    this.#record = { ts: new Date().toISOString(), provider: cfg.provider, model: req.model };
    if (req.stream) this.#record.stream = true;
    if (req.timeoutMs !== undefined) this.#record.timeout_ms = req.timeoutMs;
    this.#record.attempt = attempt;
    this.#record.source = 'sdk';
    if (cfg.app !== undefined) this.#record.app = cfg.app;
    if (req.host !== undefined) this.#record.server_address = req.host;
  }

  /** Headers arrived. */
  response(res: Pick<Response, 'status' | 'headers'>): void {
    const headers = res.headers;
    const status = res.status;
    const facts = readResponseFacts(headers, Date.now());
    this.#response = facts;
    this.#headers = headers;
    const r = this.#record;
    r.http_status = status;
    if (facts.requestId !== undefined) r.request_id = facts.requestId;
    if (facts.retryAfterMs !== undefined) r.retry_after_ms = facts.retryAfterMs;
    // The CDN in front of the provider (spec/call-record.md `edge`); Cloudflare's cf-ray header.
    if (facts.cloudflare) r.edge = 'cloudflare';
    if (status >= 400) {
      if (facts.contentType !== undefined) r.content_type = facts.contentType;
      this.#keepBytes = MAX_ERROR_BODY_BYTES;
      return;
    }
    const judged = this.req.endpoint.output === 'text';
    this.#keepBytes = facts.eventStream ? 0 : judged ? MAX_JSON_BODY_BYTES : MAX_USAGE_BODY_BYTES;
    if (facts.eventStream) r.stream = true;
    this.#interpreter = interpreterFor(this.cfg.provider, this.req.endpoint);
    if (facts.eventStream && judged && this.#interpreter !== undefined) {
      const interpreter = this.#interpreter;
      const overflow = (): void => void (this.#tooLarge = true);
      this.#sse = new SseDecoder((name, data) => {
        if (this.#done) return;
        interpreter.event(name, data);
        // An error event ends the stream in every format; some SDKs then stop reading without
        // cancelling (js-genai), so the record is written now, not at an end that may never come.
        if (interpreter.state.streamErrorType !== undefined) {
          this.#output(false);
          this.#finish();
          return;
        }
        const s = interpreter.state;
        if (r.ttft_ms === undefined && (s.chars > 0 || s.toolCall || s.media)) {
          r.ttft_ms = round(this.cfg.now() - this.#start);
        }
      }, overflow);
    }
  }

  /** A body chunk passed to the caller. */
  chunk(bytes: Uint8Array): void {
    if (this.#done) return;
    if (this.#sse !== undefined) return this.#sse.push(bytes);
    this.#bytes += bytes.byteLength;
    if (this.#tooLarge) return;
    // Decoded now, as text, since the body tap hands the chunk's buffer on to the caller's stream
    // (body-tap.ts): no copy of the bytes is made, and a body in one chunk is decoded in one go.
    if (this.#bytes <= this.#keepBytes) {
      this.#body ??= new Utf8Stream();
      this.#text += this.#body.decode(bytes);
    } else {
      this.#tooLarge = true; // past the cap: nothing more is kept, the output is not judged
      this.#text = '';
    }
  }

  /** The body ended normally (or there was none). */
  end(): void {
    if (this.#done) return;
    this.#sse?.end();
    const status = this.#record.http_status as number;
    const text = this.#body === undefined ? undefined : this.#text + this.#body.end();
    this.#text = '';
    // An error body too large to parse still gives the words its headers carry (Bedrock).
    if (status >= 400 && (text !== undefined || this.#tooLarge))
      this.#errorWords(this.#tooLarge ? '' : text!);
    else if (this.#sse === undefined && text !== undefined && !this.#tooLarge) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: nothing to read about the output
      }
      if (body !== undefined) this.#interpreter?.json(body);
      // A gateway's error in a 200 (`{"error":{…}}`, no output): its words, and no output judged.
      if (this.#interpreter?.state.recognized === false && isErrorBody(body)) {
        this.#bodyError = true;
        this.#errorWords(text);
        this.#record.error_type ??= 'error';
      }
    }
    if (status < 400) this.#output(true);
    this.#finish();
  }

  /** The body broke off: the same as a rejected fetch once headers are in. */
  error(err: unknown): void {
    this.finishError(err);
  }

  /** The fetch rejected, or the body broke off. */
  finishError(err: unknown): void {
    if (this.#done) return;
    const beforeHeaders = this.#response === undefined;
    // A fired signal is the abort whatever it was aborted with: fetch rejects with the reason
    // itself (an Error, a string), not an AbortError, when `abort(reason)` is given one.
    if (this.signal?.aborted === true || isAbort(err)) {
      this.#record.aborted_by = abortKind(
        this.signal,
        this.cfg.now() - this.#start,
        this.req.timeoutMs,
        beforeHeaders,
      );
    } else if (beforeHeaders && isRefusalBeforeSend(err)) {
      // Nothing was sent: only the message is kept, which core classify reads as client_error.
      this.#record.error_message = redactMessage((err as Error).message || 'TypeError', this.req);
    } else {
      // No code anywhere (undici's own network errors, e.g. a "bad port"): a transport failure.
      this.#record.network_error = networkCode(err) ?? 'ERR_FETCH_FAILED';
    }
    if (!beforeHeaders && (this.#record.http_status as number) < 400) this.#output(false);
    this.#finish();
  }

  /**
   * The caller cancelled the body. An error response is read on in the background (the SDKs
   * cancel the body of a response they retry). A stream that already ended or carried an error
   * event was closed by the SDK because of it, not by the caller.
   */
  cancel(): 'drain' | 'stop' {
    if (this.#done) return 'stop';
    if ((this.#record.http_status as number) >= 400) return 'drain';
    const s = this.#interpreter?.state;
    if (s !== undefined && (s.terminal || s.streamErrorType !== undefined)) {
      this.#output(true);
    } else {
      this.#record.aborted_by = 'caller';
      this.#output(false);
    }
    this.#finish();
    return 'stop';
  }

  #errorWords(text: string): void {
    const words = readErrorWords(text, this.#headers ?? new Headers(), this.req);
    const r = this.#record;
    if (words.type !== undefined) r.error_type = words.type;
    if (words.code !== undefined) r.error_code = words.code;
    if (words.message !== undefined) r.error_message = words.message;
  }

  #output(bodyEnded: boolean): void {
    const s = this.#interpreter?.state;
    if (s === undefined) return;
    const judge = writeOutputFields(this.#record, s, {
      bodyEnded,
      inspected: !this.#tooLarge && !this.#bodyError,
      expectsOutput: this.req.endpoint.output === 'text' && this.req.endpoint !== UNKNOWN_ENDPOINT,
      redaction: this.req,
    });
    if (judge) {
      const checks = runChecks(this.cfg, this.req, s, this.#record.stream === true);
      if (Object.keys(checks).length > 0) this.#record.checks = checks;
    }
    s.text = ''; // the output text is dropped once judged
  }

  #finish(): void {
    this.#done = true;
    this.#record.duration_ms = round(this.cfg.now() - this.#start);
    this.cfg.emit(this.#record as unknown as CallRecord, this.settle);
  }
}

/** `{"error": {…}}` or `{"error": "…"}`, also as the first element of an array. */
function isErrorBody(body: unknown): boolean {
  const root = (Array.isArray(body) ? body[0] : body) as { error?: unknown } | null | undefined;
  const e = typeof root === 'object' && root !== null ? root.error : undefined;
  return (typeof e === 'object' && e !== null) || (typeof e === 'string' && e.length > 0);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
