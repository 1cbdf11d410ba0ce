/** What a failing call showed, as data: a status and error code, a network error, a stop reason … */
import type { Reason } from '../classify/index.js';

export const OBSERVED_KINDS = [
  'http_error',
  'network_error',
  'deadline',
  'stream_error',
  'stream_cut',
  'stop_reason',
  'check_failed',
  'empty',
  'reason',
] as const;
export type ObservedKind = (typeof OBSERVED_KINDS)[number];

/** The most common observation behind a layer's failures (`error` is the body's code or type). */
export type Observed =
  | { readonly kind: 'http_error'; readonly status_code: number; readonly error: string | null }
  | { readonly kind: 'network_error'; readonly code: string }
  | { readonly kind: 'deadline'; readonly timeout_ms: number | null }
  | { readonly kind: 'stream_error'; readonly error_type: string }
  /** An HTTP 200 stream that ended before its end event, with no error event. */
  | { readonly kind: 'stream_cut' }
  | { readonly kind: 'stop_reason'; readonly stop_reason: string }
  | { readonly kind: 'check_failed'; readonly check: string }
  | { readonly kind: 'empty' }
  /** Only the classified reason is known. */
  | { readonly kind: 'reason'; readonly reason: Reason };

/** "HTTP 529 overloaded_error", "ECONNREFUSED", "stop reason max_tokens" … */
export function observedWords(o: Observed): string {
  switch (o.kind) {
    case 'http_error':
      return `HTTP ${o.status_code}${o.error === null ? '' : ` ${o.error}`}`;
    case 'network_error':
      return o.code;
    case 'deadline':
      return `our ${o.timeout_ms ?? '?'} ms deadline`;
    case 'stream_error':
      return `a ${o.error_type} event inside an HTTP 200 stream`;
    case 'stream_cut':
      return 'an HTTP 200 stream cut off before its end';
    case 'stop_reason':
      return `stop reason ${o.stop_reason}`;
    case 'check_failed':
      return `failing the ${o.check} check`;
    case 'empty':
      return 'empty';
    case 'reason':
      return o.reason;
  }
}
