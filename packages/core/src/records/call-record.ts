/** Types of the one input format, call record v1 (spec/call-record.md). */

export const ABORTED_BY = ['timeout', 'caller'] as const;
export type AbortedBy = (typeof ABORTED_BY)[number];

export const SOURCES = ['sdk', 'gateway', 'probe', 'import'] as const;
export type RecordSource = (typeof SOURCES)[number];

export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Providers the classifier knows by name; any other id is treated as an OpenAI-compatible API. */
export const KNOWN_PROVIDERS = [
  'anthropic',
  'openai',
  'google',
  'vertex',
  'bedrock',
  'azure-openai',
] as const;

/**
 * One attempt of one request to an LLM API. Field meanings are in spec/call-record.md.
 * Unknown fields are kept (the index signature) and ignored.
 */
export interface CallRecord {
  readonly [extra: string]: unknown;
  ts: string | number;
  provider: string;
  model: string;
  kind?: 'call';
  duration_ms?: number;
  ttft_ms?: number;
  http_status?: number;
  error_type?: string;
  error_code?: string;
  error_message?: string;
  content_type?: string;
  request_id?: string;
  retry_after_ms?: number;
  network_error?: string;
  aborted_by?: AbortedBy;
  timeout_ms?: number;
  stream?: boolean;
  stream_error_type?: string;
  stream_completed?: boolean;
  stop_reason?: string;
  input_tokens?: number;
  output_tokens?: number;
  output_chars?: number;
  checks?: Record<string, boolean>;
  attempt?: number;
  source?: RecordSource;
  app?: string;
  server_address?: string;
  /** The CDN edge in front of the provider when the response showed one (`cloudflare`). */
  edge?: string;
}

/** A reading of a provider's public status page (`"kind": "status"`). */
export interface StatusObservation {
  readonly [extra: string]: unknown;
  kind: 'status';
  ts: string | number;
  provider: string;
  component: string;
  status: ComponentStatus;
  incident?: string;
}

export type FaultlineRecord = CallRecord | StatusObservation;

/** True for a status-page observation, false for a call. */
export function isStatusObservation(record: FaultlineRecord): record is StatusObservation {
  return record.kind === 'status';
}
