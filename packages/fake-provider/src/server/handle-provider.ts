/** Answers one request to an emulated API: parse, pick faults, then fail or generate. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { selectFaults, type MainFault } from '../faults/index.js';
import { planCompletion, type OutputShape } from '../generate/plan-completion.js';
import {
  isRequestProblem,
  type ProviderAdapter,
  type ProviderRequest,
  type ResponseMeta,
  type RouteFacts,
} from '../protocol/index.js';
import { closeAfterResponse, isBodyTooLargeError, readBody } from '../http/index.js';
import { delay } from './delay.js';
import type { ProviderRuntime } from './provider-runtime.js';
import { sendHtmlError, sendProviderError } from './send-error.js';
import { sendRefusal } from './send-refusal.js';
import { writeJsonResponse } from './write-json-response.js';
import { writeStreamResponse } from './write-stream-response.js';

/** Handles a routed provider request end to end. */
export async function handleProvider(
  runtime: ProviderRuntime,
  adapter: ProviderAdapter,
  route: RouteFacts,
  req: IncomingMessage,
  res: ServerResponse,
  limits: { readonly maxBodyBytes: number },
): Promise<void> {
  const startedMs = Date.now();
  let text: string;
  try {
    text = await readBody(req, limits.maxBodyBytes);
  } catch (e: unknown) {
    if (!isBodyTooLargeError(e)) throw e;
    closeAfterResponse(res);
    const message = `Request body exceeds the limit of ${e.maxBytes} bytes.`;
    return sendRefusal(runtime, adapter.provider, 413, message, res);
  }
  const meta = metaFor(runtime, adapter, startedMs);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    sendProviderError(
      res,
      adapter,
      adapter.error({ status: 400, message: adapter.badJson.problem }),
      meta(),
    );
    return;
  }
  const request = adapter.parseRequest(body, route);
  if (isRequestProblem(request)) {
    const { problem, param, code } = request;
    sendProviderError(
      res,
      adapter,
      adapter.error({ status: 400, message: problem, param, code: code ?? null }),
      meta(),
    );
    return;
  }

  const facts = { provider: adapter.provider, model: request.model, stream: request.stream };
  const selection = selectFaults(runtime.rules(), facts, () => runtime.draw());
  if (selection.latencyMs > 0 && !(await delay(selection.latencyMs, res))) return;
  const fault = selection.fault;
  switch (fault?.kind) {
    case 'reset':
      res.socket?.resetAndDestroy();
      return;
    case 'html':
      sendHtmlError(res, fault.status);
      return;
    case 'status': {
      const { status, errorType: type, errorCode: code, message } = fault;
      sendProviderError(
        res,
        adapter,
        adapter.error({ status, type, code, message }),
        meta(),
        fault.retryAfterS,
      );
      return;
    }
    case 'overload':
      sendProviderError(res, adapter, adapter.overload(), meta(), fault.retryAfterS);
      return;
    case 'stream_error':
      if (!request.stream) {
        sendProviderError(res, adapter, adapter.overload(), meta());
        return;
      }
  }
  await answer(res, runtime, adapter, request, fault, selection.tokensPerSecond, meta());
}

/** Sends a success, shaped and paced by the fault (if any). */
async function answer(
  res: ServerResponse,
  runtime: ProviderRuntime,
  adapter: ProviderAdapter,
  request: ProviderRequest,
  fault: MainFault | undefined,
  tokensPerSecond: number | undefined,
  meta: ResponseMeta,
): Promise<void> {
  const completion = planCompletion(request, runtime.seed(), outputShape(fault));
  const headers = adapter.headers(meta);
  if (!request.stream) {
    headers['content-type'] = adapter.jsonContentType;
    const cut = fault?.kind === 'drop' || fault?.kind === 'stall' ? fault : undefined;
    await writeJsonResponse(res, headers, adapter.body(completion, request, meta), cut);
    return;
  }
  headers['content-type'] = adapter.streamContentType;
  headers['cache-control'] = 'no-cache';
  const streamFault =
    fault?.kind === 'drop' || fault?.kind === 'stall' || fault?.kind === 'stream_error'
      ? fault
      : undefined;
  await writeStreamResponse(res, headers, adapter.stream(completion, request, meta), {
    tokensPerSecond: tokensPerSecond ?? runtime.tokensPerSecond(),
    fault: streamFault,
    errorSpec:
      streamFault?.kind === 'stream_error'
        ? adapter.streamError({ type: streamFault.errorType, message: streamFault.message })
        : undefined,
  });
}

/** The faults that shape the generated text. */
function outputShape(fault: MainFault | undefined): OutputShape | undefined {
  switch (fault?.kind) {
    case 'empty':
    case 'refusal':
    case 'malformed_json':
    case 'garbled':
    case 'truncate':
    case 'answer':
      return fault;
    default:
      return undefined;
  }
}

/** Builds the response facts once per request (one request id, one rate-limit count). */
function metaFor(
  runtime: ProviderRuntime,
  adapter: ProviderAdapter,
  startedMs: number,
): () => ResponseMeta {
  let meta: ResponseMeta | undefined;
  return () => {
    const nowMs = Date.now();
    meta ??= {
      requestId: adapter.requestId(),
      startedMs,
      nowMs,
      rateLimit: runtime.rateLimit(adapter.provider, nowMs),
    };
    return meta;
  };
}
