// Synthetic call traffic for engine tests: steady load, scattered noise, and fault windows.
import type { CallRecord, FaultlineRecord } from '../src/index.js';

export const T0 = Date.UTC(2026, 10, 22, 4, 0);
export const MIN = 60_000;

export interface Fault {
  fromMin: number;
  toMin: number;
  /** Which calls it hits. */
  match: (r: CallRecord) => boolean;
  /** Share of matched calls that fail (default 1). */
  share?: number;
  /** Turns a call into the failure. */
  apply: (r: CallRecord) => CallRecord;
}

export interface TrafficOptions {
  minutes: number;
  /** Calls per second per model (default 1). */
  ratePerModel?: number;
  models?: ReadonlyArray<readonly [string, string]>;
  faults?: readonly Fault[];
  /** Scattered provider 5xx share (default 0.003). */
  noise?: number;
  seed?: number;
  extra?: readonly FaultlineRecord[];
}

export const MODELS: ReadonlyArray<readonly [string, string]> = [
  ['anthropic', 'claude-opus-4-7'],
  ['anthropic', 'claude-opus-4-8'],
  ['anthropic', 'claude-sonnet-4-6'],
  ['openai', 'gpt-5.1'],
  ['openai', 'gpt-4.1-mini'],
  ['google', 'gemini-2.5-pro'],
];

/** Records in time order with their times. */
export function traffic(o: TrafficOptions): Array<{ record: FaultlineRecord; timeMs: number }> {
  let seed = o.seed ?? 1;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const models = o.models ?? MODELS;
  const stepMs = 1000 / ((o.ratePerModel ?? 1) * models.length);
  const out: Array<{ record: FaultlineRecord; timeMs: number }> = [];
  for (let t = T0; t < T0 + o.minutes * MIN; t += stepMs * (0.5 + rnd())) {
    const [provider, model] = models[Math.floor(rnd() * models.length)]!;
    let r: CallRecord = {
      ts: Math.round(t),
      provider,
      model,
      attempt: 1,
      duration_ms: Math.round(900 + rnd() * 900),
      http_status: 200,
      stop_reason: 'end_turn',
      output_chars: 400,
      output_tokens: 100,
      request_id: 'req_x',
    };
    const minute = (t - T0) / MIN;
    const fault = o.faults?.find((f) => minute >= f.fromMin && minute < f.toMin && f.match(r));
    if (fault !== undefined && rnd() < (fault.share ?? 1)) r = fault.apply(r);
    else if (rnd() < (o.noise ?? 0.003)) r = fail.server(r);
    else if (rnd() < 0.01) r = { ...r, stop_reason: 'max_tokens' };
    out.push({ record: r, timeMs: Math.round(t) });
  }
  for (const e of o.extra ?? [])
    out.push({ record: e, timeMs: typeof e.ts === 'number' ? e.ts : Date.parse(e.ts) });
  return out.sort((a, b) => a.timeMs - b.timeMs);
}

/** A failing variant of a call. */
export const fail = {
  overloaded: (r: CallRecord): CallRecord =>
    strip({ ...r, http_status: 529, error_type: 'overloaded_error', duration_ms: 300 }),
  server: (r: CallRecord): CallRecord => strip({ ...r, http_status: 500, error_type: 'api_error' }),
  badRequest: (r: CallRecord): CallRecord =>
    strip({ ...r, http_status: 400, error_type: 'invalid_request_error' }),
  refused: (r: CallRecord): CallRecord =>
    strip({ ...r, network_error: 'ECONNREFUSED', http_status: undefined, request_id: undefined }),
  empty: (r: CallRecord): CallRecord => ({ ...r, output_chars: 0, output_tokens: 0 }),
};

function strip(r: Record<string, unknown>): CallRecord {
  const out = { ...r };
  delete out.stop_reason;
  delete out.output_chars;
  delete out.output_tokens;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as CallRecord;
}
