/** What the instrument needs from a request: model, streaming, JSON mode, retry count, deadline. */
import type { FetchInit, FetchInput } from './fetch-types.js';
import { endpointFor, type Endpoint } from './endpoints.js';
import { requestHeader } from './headers.js';
import { requestSecrets, requestText, type RedactionContext } from './redact/index.js';

export interface RequestFacts extends RedactionContext {
  readonly url: string;
  /** The endpoint table's row for the URL's path. */
  readonly endpoint: Endpoint;
  readonly method: string;
  readonly host: string | undefined;
  readonly model: string;
  readonly stream: boolean;
  readonly wantsJson: boolean;
  /** Attempt number from the SDK's `x-stainless-retry-count`, when it sent one. */
  readonly sdkAttempt: number | undefined;
  /** The SDK's deadline from `x-stainless-timeout` / `x-server-timeout` (whole seconds). */
  readonly timeoutMs: number | undefined;
  /** The request body text when it was a string (never stored in a record). */
  readonly bodyText: string | undefined;
  /** The parsed request body, for user checks; parsed only when asked for. */
  body(): unknown;
}

/** Bodies up to this size are parsed fully; larger ones are scanned for the few fields needed. */
const PARSE_LIMIT_CHARS = 64 * 1024;

/** Reads the facts of one request. Never throws on odd bodies; unknown facts stay undefined. */
export function readRequestFacts(
  input: FetchInput,
  init: FetchInit,
  fallbackTimeoutMs?: number,
): RequestFacts {
  const url = input instanceof Request ? input.url : String(input);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const bodyText = typeof init?.body === 'string' ? init.body : undefined;
  const parsed =
    bodyText !== undefined && bodyText.length <= PARSE_LIMIT_CHARS ? tryParse(bodyText) : undefined;
  const fields = parsed !== undefined ? fromParsed(parsed) : scan(bodyText);
  const pathModel = /\/models\/([^/:?]+)(?::(\w+))?/.exec(url);
  const retryCount = Number(requestHeader(input, init, 'x-stainless-retry-count'));
  const timeoutS = Number(
    requestHeader(input, init, 'x-stainless-timeout') ??
      requestHeader(input, init, 'x-server-timeout'),
  );
  let secrets: string[] | undefined;
  let text: string | undefined;
  return {
    url,
    endpoint: endpointFor(url),
    method,
    host: hostOf(url),
    model:
      fields.model ?? (pathModel?.[1] !== undefined ? decodeURIComponent(pathModel[1]) : 'unknown'),
    stream: fields.stream || pathModel?.[2] === 'streamGenerateContent',
    wantsJson: fields.wantsJson,
    sdkAttempt: Number.isInteger(retryCount) && retryCount >= 0 ? retryCount + 1 : undefined,
    timeoutMs: Number.isFinite(timeoutS) && timeoutS > 0 ? timeoutS * 1000 : fallbackTimeoutMs,
    bodyText,
    body: () => parsed ?? (bodyText === undefined ? undefined : tryParse(bodyText)),
    // Read only when a message is to be scrubbed: most calls never need them.
    secrets: () => (secrets ??= requestSecrets(input, init, url)),
    requestText: () => (text ??= requestText(bodyText)),
  };
}

interface BodyFields {
  model: string | undefined;
  stream: boolean;
  wantsJson: boolean;
}

function fromParsed(body: unknown): BodyFields {
  if (typeof body !== 'object' || body === null)
    return { model: undefined, stream: false, wantsJson: false };
  const b = body as Record<string, unknown>;
  const format = (o: unknown): unknown => (o as { type?: unknown } | undefined)?.type;
  const gen = b.generationConfig as { responseMimeType?: unknown } | undefined;
  const outputConfig = b.output_config as { format?: unknown } | undefined;
  const wantsJson =
    ['json_object', 'json_schema'].includes(format(b.response_format) as string) ||
    format(b.output_format) === 'json_schema' ||
    format(outputConfig?.format) === 'json_schema' ||
    gen?.responseMimeType === 'application/json';
  return {
    model: typeof b.model === 'string' ? b.model : undefined,
    stream: b.stream === true,
    wantsJson,
  };
}

/** For large bodies: the first `"model"`, `"stream"` and JSON-mode markers, without a full parse. */
function scan(text: string | undefined): BodyFields {
  if (text === undefined) return { model: undefined, stream: false, wantsJson: false };
  return {
    model: /"model"\s*:\s*"([^"]+)"/.exec(text)?.[1],
    stream: /"stream"\s*:\s*true/.test(text),
    wantsJson: /"(json_object|json_schema)"|"responseMimeType"\s*:\s*"application\/json"/.test(
      text,
    ),
  };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The URL's host without building a URL object (this runs on every call). */
function hostOf(url: string): string | undefined {
  const start = url.indexOf('//');
  if (start === -1) return undefined;
  let end = start + 2;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35) break; // '/', '?', '#'
    end++;
  }
  const authority = url.slice(start + 2, end);
  const at = authority.lastIndexOf('@'); // never keep user:password@
  return authority.slice(at + 1) || undefined;
}
