/** Refusals before a request reaches an endpoint (bad encoding, a body too large), per provider. */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/index.js';
import type { Provider } from '../protocol/index.js';
import type { ProviderRuntime } from './provider-runtime.js';
import { sendProviderError } from './send-error.js';

/**
 * Sends `status` with `message` in the error format of `provider`, or as plain JSON
 * `{ error, message }` when the path is in no provider's URL space.
 */
export function sendRefusal(
  runtime: ProviderRuntime,
  provider: Provider | undefined,
  status: number,
  message: string,
  res: ServerResponse,
): void {
  if (provider === undefined) {
    sendJson(res, status, { error: status === 413 ? 'request_too_large' : 'bad_request', message });
    return;
  }
  const adapter = runtime.adapters[provider];
  const nowMs = Date.now();
  const meta = {
    requestId: adapter.requestId(),
    nowMs,
    startedMs: nowMs,
    rateLimit: runtime.rateLimit(provider, nowMs),
  };
  sendProviderError(res, adapter, adapter.error({ status, message, code: null }), meta);
}
