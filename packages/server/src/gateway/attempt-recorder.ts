/**
 * One upstream attempt's record, written by the SDK instrument's own `Observation` (one
 * implementation of the interpreters, issue 12): facts from the request as sent, then headers,
 * body chunks and the end. The record is stamped `source: "gateway"`, kept for the decision, and
 * its classification is the target's breaker's evidence.
 */
import { classify, type CallRecord } from '@faultline/core';
import { Observation, readRequestFacts, type RequestFacts } from '@faultline/sdk';
import type { ClientLink } from './client-link.js';
import type { GatewayBreakers } from './gateway-options.js';
import type { AttemptRequest } from './send-attempt.js';

/** What every attempt's recorder shares. */
export interface RecorderContext {
  readonly sink: (record: CallRecord) => void;
  readonly report: (error: unknown) => void;
  readonly breakers: GatewayBreakers | undefined;
  readonly now: () => number;
}

/** The facts of a request as sent to `url`: the headers it carries let redaction scrub its key. */
export function sentFacts(url: string, req: AttemptRequest): RequestFacts {
  return readRequestFacts(url, { method: req.method, headers: flat(req.headers), body: req.body });
}

/** The observation of one attempt and the record it wrote, once written. */
export class AttemptRecorder {
  readonly observation: Observation;
  #record: CallRecord | undefined;

  constructor(
    ctx: RecorderContext,
    target: { readonly name: string; readonly provider: string },
    readonly facts: RequestFacts,
    attempt: number,
    client: ClientLink,
  ) {
    const emit = (record: CallRecord): void => {
      (record as { source: string }).source = 'gateway';
      this.#record = record;
      try {
        ctx.sink(record);
        ctx.breakers?.attempt(target.name, facts.model, classify(record), ctx.now());
      } catch (e: unknown) {
        ctx.report(e);
      }
    };
    this.observation = new Observation(
      {
        provider: target.provider,
        app: undefined,
        checks: {},
        builtInChecks: true,
        now: () => performance.now(),
        report: ctx.report,
        emit,
      },
      facts,
      attempt,
      client,
    );
  }

  /** The record, once the attempt ended (headers, body and all). */
  get record(): CallRecord | undefined {
    return this.#record;
  }

  /** Headers arrived. Statuses a Response cannot hold (outside 200–599) are not observed. */
  headers(status: number, headers: Record<string, string | string[] | undefined>): void {
    try {
      // Only a status outside 200–599 needs the Response, for the RangeError it throws.
      this.observation.response(
        status >= 200 && status <= 599
          ? { status, headers: headerView(headers) }
          : new Response(null, { status }),
      );
    } catch (e: unknown) {
      this.#guard(() => this.observation.finishError(e));
    }
  }

  /** The client went away: the record says so (error bodies too, which the SDK path drains). */
  clientGone(reason: unknown): void {
    this.#guard(() => {
      if (this.observation.cancel() === 'drain') this.observation.finishError(reason);
    });
  }

  #guard(f: () => void): void {
    try {
      f();
    } catch {
      // the observation guards its own work; nothing of ours may break the caller's answer
    }
  }
}

/**
 * undici's header record (lower-case names) read as the `get`/`has` of a `Headers`, which is all
 * the instrument reads of response headers (response-facts.ts, error-body.ts): no copy per attempt.
 */
function headerView(headers: Record<string, string | string[] | undefined>): Headers {
  const get = (name: string): string | null => {
    const v = headers[name.toLowerCase()];
    return v === undefined ? null : typeof v === 'string' ? v : v.join(', ');
  };
  return { get, has: (name: string) => get(name) !== null } as Headers;
}

/** The headers with repeated fields joined; the same object when none is repeated (the usual case). */
function flat(headers: Record<string, string | string[]>): Record<string, string> {
  let repeated = false;
  for (const name in headers) if (typeof headers[name] !== 'string') repeated = true;
  if (!repeated) return headers as Record<string, string>;
  const out: Record<string, string> = {};
  for (const name in headers) {
    const v = headers[name]!;
    out[name] = typeof v === 'string' ? v : v.join(', ');
  }
  return out;
}
