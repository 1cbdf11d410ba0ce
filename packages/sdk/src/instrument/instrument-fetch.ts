/** `instrumentFetch(options)`: a `fetch` for the official SDKs that writes one call record per attempt. */
import type { FetchInit, FetchInput } from './fetch-types.js';
import { sdkRetriesStatus, type CallRecord } from '@faultline/core';
import type { OutputCheck } from '../checks/output-check.js';
import type { RecordSink } from '../sinks/sink.js';
import { AttemptCounter, requestKey } from './attempt-counter.js';
import { Observation, type ObservationConfig, type Settle } from './observation.js';
import { observeResponse } from './observe-response.js';
import { catchRejection, faultReporter } from './own-fault.js';
import { readRequestFacts } from './request-facts.js';

export interface InstrumentFetchOptions {
  /** Provider id for the records: `anthropic`, `openai`, `google`, `vertex`, `azure-openai`, … */
  provider: string;
  /** Where records go: any object with `write(record)`. */
  sink: RecordSink;
  /** The fetch underneath (default `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch;
  /** The calling service or feature, copied to each record's `app`. */
  app?: string;
  /** User output checks by name, run on the assembled output text of 2xx responses. */
  checks?: Record<string, OutputCheck>;
  /** Run the built-in checks `refusal`, `truncated`, `empty`, `json_valid` (default true). */
  builtInChecks?: boolean;
  /**
   * The deadline (ms) you gave the SDK, used when the SDK does not announce it in a header: the
   * Anthropic SDK sends `x-stainless-timeout`, the OpenAI SDK 6.x does not. Without it, an OpenAI
   * SDK timeout before headers is indistinguishable from the caller's abort.
   */
  timeoutMs?: number;
  /**
   * Our own failures (a sink, check or handler that throws or rejects); never the app's.
   * Default: published as `{ error }` on the `faultline:sdk:error` diagnostics channel.
   */
  onError?: (error: unknown) => void;
}

/**
 * Wraps `fetch` so that every attempt an SDK makes (retries included) becomes one call record.
 * The caller's result, error and stream pass through untouched, even when Faultline fails.
 *
 * @example
 * const sink = createJsonlFileSink({ path: 'calls.jsonl' });
 * const anthropic = new Anthropic({ fetch: instrumentFetch({ provider: 'anthropic', sink }) });
 */
export function instrumentFetch(options: InstrumentFetchOptions): typeof globalThis.fetch {
  const base = options.fetch ?? globalThis.fetch;
  const report = faultReporter(options.onError);
  const checks = guardChecks(options.checks ?? {}, report);
  const attempts = new AttemptCounter();
  // One configuration for every call: nothing here is made per call.
  const cfg: ObservationConfig = {
    provider: options.provider,
    app: options.app,
    checks,
    builtInChecks: options.builtInChecks ?? true,
    now: () => performance.now(),
    report,
    emit(record: CallRecord, settle: Settle | undefined) {
      try {
        settle?.(isRetryableFailure(record));
        // A sink may be async even though its type says void: its rejection is ours to catch.
        catchRejection(options.sink.write(record) as unknown, report);
      } catch (e: unknown) {
        report(e);
      }
    },
  };

  return async function faultlineFetch(input: FetchInput, init?: FetchInit): Promise<Response> {
    let obs: Observation | undefined;
    let signal: AbortSignal | null | undefined;
    try {
      const req = readRequestFacts(input, init, options.timeoutMs);
      const key =
        req.sdkAttempt === undefined ? requestKey(req.method, req.url, req.bodyText) : undefined;
      const attempt = req.sdkAttempt ?? attempts.next(key!, Date.now());
      // Only attempts numbered here (no SDK retry header) need their outcome back.
      const settle =
        key === undefined
          ? undefined
          : (failed: boolean): void => attempts.settle(key, attempt, failed, Date.now());
      // Model lists, files, batches: not model calls, so no record (endpoints.ts).
      if (req.endpoint.output !== 'not_model') {
        // init.signal replaces a Request input's own signal (Fetch standard, Request constructor).
        signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        obs = new Observation(cfg, req, attempt, signal, settle);
      }
    } catch (e: unknown) {
      report(e);
    }
    if (obs === undefined) return base(input, init);
    let response: Response;
    try {
      response = await base(input, init);
    } catch (err: unknown) {
      const o = obs;
      guard(() => o.finishError(err), report);
      throw err;
    }
    try {
      obs.response(response);
      return observeResponse(response, obs, report, signal);
    } catch (e: unknown) {
      report(e);
      return response;
    }
  };
}

function isRetryableFailure(r: CallRecord): boolean {
  const s = r.http_status;
  if (s === undefined) return r.aborted_by !== 'caller';
  return sdkRetriesStatus(s) || r.stream_error_type !== undefined;
}

/** Checks whose returned promise (an async check, against its type) cannot reject unhandled. */
function guardChecks(
  checks: Readonly<Record<string, OutputCheck>>,
  report: (e: unknown) => void,
): Record<string, OutputCheck> {
  const guarded: Record<string, OutputCheck> = Object.create(null) as Record<string, OutputCheck>;
  for (const [name, check] of Object.entries(checks)) {
    guarded[name] = (text, request) =>
      catchRejection(check(text, request) as unknown, report) as boolean;
  }
  return guarded;
}

function guard(f: () => void, report: (e: unknown) => void): void {
  try {
    f();
  } catch (e: unknown) {
    report(e);
  }
}
