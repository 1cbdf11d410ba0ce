/** What the instrument needs from a request: model, streaming, JSON mode, retry count, deadline. */
import type { FetchInit, FetchInput } from './fetch-types.js';
import { endpointFor, type Endpoint } from './endpoints.js';
import { readBodyText } from './request-body.js';
import { requestHeaders } from './headers.js';
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
  /** The request body as text when it could be read at once (never stored in a record). */
  readonly bodyText: string | undefined;
  /** The parsed request body, for user checks; parsed only when asked for. */
  body(): unknown;
}

/** Bodies up to this size are parsed fully; larger ones are scanned for the few fields needed. */
const PARSE_LIMIT_CHARS = 64 * 1024;

/** The request headers read on every call, in one pass (headers.ts). */
const CALL_HEADERS = ['x-stainless-retry-count', 'x-stainless-timeout', 'x-server-timeout'];

const PATH_MODEL = /\/models\/([^/:?]+)(?::(\w+))?/;

/** Reads the facts of one request. Never throws on odd bodies; unknown facts stay undefined. */
export function readRequestFacts(
  input: FetchInput,
  init: FetchInit,
  fallbackTimeoutMs?: number,
): RequestFacts {
  return new Facts(input, init, fallbackTimeoutMs);
}

/** The facts, with what only redaction and user checks need read on first use. */
class Facts implements RequestFacts {
  readonly url: string;
  readonly endpoint: Endpoint;
  readonly method: string;
  readonly host: string | undefined;
  readonly model: string;
  readonly stream: boolean;
  readonly wantsJson: boolean;
  readonly sdkAttempt: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly bodyText: string | undefined;
  readonly textUnknown: boolean;
  readonly #fields: string | undefined;
  readonly #input: FetchInput;
  readonly #init: FetchInit;
  #parsed: unknown;
  #secrets: string[] | undefined;
  #text: string | undefined;

  constructor(input: FetchInput, init: FetchInit, fallbackTimeoutMs: number | undefined) {
    this.#input = input;
    this.#init = init;
    const url = input instanceof Request ? input.url : String(input);
    this.url = url;
    this.method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const read = readBodyText(input, init);
    const bodyText = read.text;
    this.bodyText = bodyText;
    this.#fields = read.fields;
    this.textUnknown = read.unknown;
    const parsed =
      bodyText !== undefined && bodyText.length <= PARSE_LIMIT_CHARS
        ? tryParse(bodyText)
        : undefined;
    this.#parsed = parsed;
    const fields = parsed !== undefined ? fromParsed(parsed) : scan(bodyText);
    // Gemini and Vertex name the model in the path: models/{model}:{method}.
    const pathModel = url.includes('/models/') ? PATH_MODEL.exec(url) : null;
    const [retryHeader, stainlessTimeout, serverTimeout] = requestHeaders(
      input,
      init,
      CALL_HEADERS,
    );
    const retryCount = Number(retryHeader);
    const timeoutS = Number(stainlessTimeout ?? serverTimeout);
    this.endpoint = endpointFor(url);
    this.host = hostOf(url);
    this.model =
      fields.model ?? (pathModel?.[1] !== undefined ? decodeURIComponent(pathModel[1]) : 'unknown');
    this.stream = fields.stream || pathModel?.[2] === 'streamGenerateContent';
    this.wantsJson = fields.wantsJson;
    this.sdkAttempt = Number.isInteger(retryCount) && retryCount >= 0 ? retryCount + 1 : undefined;
    this.timeoutMs =
      Number.isFinite(timeoutS) && timeoutS > 0 ? timeoutS * 1000 : fallbackTimeoutMs;
  }

  body(): unknown {
    return this.#parsed ?? (this.bodyText === undefined ? undefined : tryParse(this.bodyText));
  }

  // Read only when a message is to be scrubbed: most calls never need them.
  secrets(): readonly string[] {
    return (this.#secrets ??= requestSecrets(this.#input, this.#init, this.url));
  }

  requestText(): string {
    return (this.#text ??= this.#fields ?? requestText(this.bodyText));
  }
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
  const responseFormat = format(b.response_format);
  const wantsJson =
    responseFormat === 'json_object' ||
    responseFormat === 'json_schema' ||
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
