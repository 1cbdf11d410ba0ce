/** 404 for unknown paths, in the error format of the provider whose URL space the path is in. */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/index.js';
import type { Provider } from '../protocol/index.js';
import type { ProviderRuntime } from './provider-runtime.js';
import { sendProviderError } from './send-error.js';

/** Sends the provider's 404 body (OpenAI's "Invalid URL" wording), or plain JSON. */
export function sendNotFound(
  runtime: ProviderRuntime,
  provider: Provider | undefined,
  method: string,
  path: string,
  res: ServerResponse,
): void {
  if (provider === undefined) {
    sendJson(res, 404, { error: 'not_found', message: `No route for ${method} ${path}` });
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
  const spec =
    provider === 'openai'
      ? adapter.error({ status: 404, message: `Invalid URL (${method} ${path})`, code: null })
      : adapter.error({ status: 404 });
  sendProviderError(res, adapter, spec, meta);
}
