/**
 * The chaos run's traffic: healthy calls to two providers' models, stamped with the current time,
 * except for one known fault — a share of one model's calls answered HTTP 529 overloaded_error in
 * a window of the run — so exactly one incident belongs in it. Each record carries a unique
 * `request_id` (`chaos-<client>-<n>`), by which the harness finds it in the store later.
 */
import type { CallRecord } from '@faultline/core';

/** The one fault in the traffic. */
export interface FaultWindow {
  /** Epoch ms the fault starts and ends (exclusive). */
  readonly fromMs: number;
  readonly toMs: number;
  /** The share of the faulty model's calls that fail. */
  readonly share: number;
}

/** The model the fault hits; the others stay healthy all along. */
export const FAULTY = { provider: 'anthropic', model: 'claude-sonnet-4-6' } as const;

const MIX = [
  FAULTY,
  { provider: 'anthropic', model: 'claude-haiku-4-5' },
  { provider: 'openai', model: 'gpt-5.1' },
  { provider: 'openai', model: 'gpt-5.1-mini' },
] as const;

/** The request id of record `n` of client `client`, and its parts back. */
export function requestId(client: number, n: number): string {
  return `chaos-${client}-${n}`;
}

/** `chaos-3-12` → `{ client: 3, n: 12 }`; undefined for any other text. */
export function parseRequestId(id: unknown): { client: number; n: number } | undefined {
  if (typeof id !== 'string') return undefined;
  const m = /^chaos-(\d+)-(\d+)$/.exec(id);
  return m === null ? undefined : { client: Number(m[1]), n: Number(m[2]) };
}

/**
 * Record `n` of client `client` at `tsMs`. Which model and whether it fails follow from `n`
 * (a fixed pattern, no randomness): every 4th record is the faulty model's, and inside the
 * window the first `share` of each 20 of its calls fail.
 */
export function chaosRecord(
  client: number,
  n: number,
  tsMs: number,
  fault: FaultWindow,
): CallRecord {
  const target = MIX[n % MIX.length]!;
  const base = {
    ts: tsMs,
    provider: target.provider,
    model: target.model,
    request_id: requestId(client, n),
    attempt: 1,
    source: 'sdk' as const,
    app: `chaos-client-${client}`,
  };
  const faulty = target === FAULTY && tsMs >= fault.fromMs && tsMs < fault.toMs;
  const slot = Math.floor(n / MIX.length) % 20;
  if (faulty && slot < Math.round(fault.share * 20)) {
    return {
      ...base,
      duration_ms: 180 + (n % 40),
      http_status: 529,
      error_type: 'overloaded_error',
      error_message: 'Overloaded',
      content_type: 'application/json',
    };
  }
  return {
    ...base,
    duration_ms: 400 + ((n * 37) % 300),
    http_status: 200,
    stop_reason: 'end_turn',
    input_tokens: 120,
    output_tokens: 80 + (n % 50),
    output_chars: 320 + (n % 200),
  };
}
