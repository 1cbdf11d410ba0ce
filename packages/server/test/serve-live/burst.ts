// A short, sharp failure of one model beside healthy traffic: it opens an incident within ~10 s.
import type { CallRecord } from '@faultline/core';

export interface BurstOptions {
  readonly startMs: number;
  readonly seconds: number;
  readonly provider: string;
  readonly model: string;
  /** A field no spec names, which the store must keep as sent. */
  readonly extra?: Readonly<Record<string, string>>;
}

/**
 * Every 50 ms one failed call (HTTP 500 `server_error`) to `model` and one good call to another
 * provider, so the failure stands out against a healthy neighbour.
 */
export function burstRecords(opts: BurstOptions): CallRecord[] {
  const out: CallRecord[] = [];
  for (let ms = 0; ms < opts.seconds * 1000; ms += 50) {
    const ts = new Date(opts.startMs + ms).toISOString();
    const n = ms / 50;
    out.push({
      ...opts.extra,
      ts,
      provider: opts.provider,
      model: opts.model,
      duration_ms: 300,
      http_status: 500,
      error_type: 'server_error',
      request_id: `req_burst_${n}`,
      attempt: 1,
      source: 'sdk',
    });
    out.push({
      ts,
      provider: opts.provider === 'mistral' ? 'anthropic' : 'mistral',
      model: opts.provider === 'mistral' ? 'claude-opus-4-7' : 'mistral-large-2',
      duration_ms: 800,
      http_status: 200,
      attempt: 1,
      source: 'sdk',
    });
  }
  return out;
}
