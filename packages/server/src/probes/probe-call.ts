/** The port each wire API's caller implements: one probe call through that API's official SDK. */

/** What one probe asks: a prompt, and the JSON Schema when the answer must be JSON. */
export interface ProbeAsk {
  readonly prompt: string;
  readonly jsonSchema: Readonly<Record<string, unknown>> | undefined;
}

/** What a caller is built from: one configured probe, with the fetch that records its calls. */
export interface ProbeClientOptions {
  readonly model: string;
  readonly baseUrl: string;
  readonly apiKey: string;
  /** The instrumented fetch: every attempt becomes a call record. */
  readonly fetch: typeof globalThis.fetch;
  /** The SDK's own timeout for the call (ms). */
  readonly deadlineMs: number;
}

/**
 * Makes one call and settles when it is over. It rejects on any SDK error; the outcome is
 * in the call record, so callers ignore the rejection. SDK retries are off: one call, one attempt.
 */
export type ProbeCall = (ask: ProbeAsk, signal: AbortSignal) => Promise<void>;

/** Builds a caller; the SDK is loaded on first use, so `faultline` commands without probes never load it. */
export type ProbeClientFactory = (options: ProbeClientOptions) => Promise<ProbeCall>;
