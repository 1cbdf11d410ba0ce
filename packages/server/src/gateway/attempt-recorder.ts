/**
 * One upstream attempt's record, written by the SDK instrument's own `Observation` (one
 * implementation of the interpreters, issue 12): facts from the request as sent, then headers,
 * body chunks and the end. The record is stamped `source: "gateway"` and kept for the decision.
 */
import type { CallRecord } from '@faultline/core';
import { Observation, readRequestFacts, type RequestFacts } from '@faultline/sdk';
import type { AttemptRequest } from './send-attempt.js';

/** What every attempt's recorder shares. */
export interface RecorderContext {
  readonly sink: (record: CallRecord) => void;
  readonly report: (error: unknown) => void;
}

/** The observation of one attempt and the record it wrote, once written. */
export class AttemptRecorder {
  readonly observation: Observation;
  readonly facts: RequestFacts;
  #record: CallRecord | undefined;

  constructor(
    ctx: RecorderContext,
    provider: string,
    url: string,
    req: AttemptRequest,
    attempt: number,
    signal: AbortSignal,
  ) {
    // The headers as sent upstream: redaction scrubs the key they carry from any message.
    this.facts = readRequestFacts(url, {
      method: req.method,
      headers: flat(req.headers),
      body: req.body,
    });
    const emit = (record: CallRecord): void => {
      (record as { source: string }).source = 'gateway';
      this.#record = record;
      try {
        ctx.sink(record);
      } catch (e: unknown) {
        ctx.report(e);
      }
    };
    this.observation = new Observation(
      {
        provider,
        app: undefined,
        checks: {},
        builtInChecks: true,
        now: () => performance.now(),
        report: ctx.report,
        emit,
      },
      this.facts,
      attempt,
      signal,
    );
  }

  /** The record, once the attempt ended (headers, body and all). */
  get record(): CallRecord | undefined {
    return this.#record;
  }

  /** Headers arrived. Statuses a Response cannot hold (outside 200–599) are not observed. */
  headers(status: number, headers: Record<string, string | string[] | undefined>): void {
    const h = new Headers();
    for (const name in headers) {
      const v = headers[name];
      if (typeof v === 'string') h.set(name, v);
      else if (v !== undefined) for (const one of v) h.append(name, one);
    }
    try {
      // Only a status outside 200–599 needs the Response, for the RangeError it throws.
      this.observation.response(
        status >= 200 && status <= 599 ? { status, headers: h } : new Response(null, { status }),
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

function flat(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const v = headers[name]!;
    out[name] = typeof v === 'string' ? v : v.join(', ');
  }
  return out;
}
