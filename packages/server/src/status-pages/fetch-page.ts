/**
 * One conditional GET of a status document with a deadline, a streamed body limit and redirects
 * checked rather than followed blindly: same host only, a few hops at most (a migration's
 * redirect to another host is how a poller ends up reading someone else's HTML, §3).
 */
import { isChallenge, isHtml, isJsonType } from './looks-like.js';
import { readBody } from './read-body.js';
import type { SourceResult, UnknownReason, Validators } from './status-source.js';

/** How to fetch one document. */
export interface FetchPageOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly url: string;
  readonly body: 'json' | 'feed';
  readonly validators: Validators;
  /** Deadline for headers and body together. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly userAgent: string;
  readonly maxRedirects?: number;
  /** Aborts the fetch from outside (shutdown). */
  readonly signal?: AbortSignal | undefined;
}

/** The document's text, a 304, or why it cannot be used. */
export type FetchOutcome =
  | {
      readonly kind: 'document';
      readonly text: string;
      readonly validators: Validators;
      readonly bytes: number;
    }
  | Exclude<SourceResult, { kind: 'read' }>;

const unknown = (reason: UnknownReason, detail: string): FetchOutcome => ({
  kind: 'unknown',
  reason,
  detail,
});

function requestHeaders(o: FetchPageOptions): Record<string, string> {
  const accept =
    o.body === 'json'
      ? 'application/json'
      : 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8';
  return {
    accept,
    'user-agent': o.userAgent,
    // RFC 9110 §13.1.2 / §13.1.3: the server answers 304 with no body when nothing changed.
    ...(o.validators.etag === undefined ? {} : { 'if-none-match': o.validators.etag }),
    ...(o.validators.lastModified === undefined
      ? {}
      : { 'if-modified-since': o.validators.lastModified }),
  };
}

async function judge(res: Response, o: FetchPageOptions): Promise<FetchOutcome> {
  const read = await readBody(res, o.maxBytes);
  if (!read.ok) return unknown('too_large', `body over ${o.maxBytes} bytes`);
  if (isChallenge(res.headers, read.text))
    return unknown('challenge', `HTTP ${res.status}: a bot challenge page`);
  if (res.status >= 400 || res.status < 200) return unknown('http_error', `HTTP ${res.status}`);
  if (isHtml(res.headers, read.text))
    return unknown('html', `HTTP ${res.status} with an HTML page`);
  if (o.body === 'json' && !isJsonType(res.headers))
    return unknown(
      'not_json',
      `content-type ${res.headers.get('content-type') ?? '(none)'}, expected JSON`,
    );
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  return {
    kind: 'document',
    text: read.text,
    bytes: read.bytes,
    validators: {
      ...(etag === null ? {} : { etag }),
      ...(lastModified === null ? {} : { lastModified }),
    },
  };
}

async function follow(o: FetchPageOptions, signal: AbortSignal): Promise<FetchOutcome> {
  let url = new URL(o.url);
  for (let hop = 0; ; hop += 1) {
    const res = await o.fetch(url, { headers: requestHeaders(o), redirect: 'manual', signal });
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'not_modified' };
    }
    const location = res.headers.get('location');
    if (res.status < 300 || res.status > 399 || location === null) return judge(res, o);
    await res.body?.cancel().catch(() => undefined);
    const next = new URL(location, url);
    if (next.host !== url.host)
      return unknown(
        'redirect',
        `HTTP ${res.status} to another host (${next.origin}); configure that URL if it is the page's new home`,
      );
    if (hop >= (o.maxRedirects ?? 3)) return unknown('redirect', 'too many redirects');
    url = next;
  }
}

function errorCode(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? code : e instanceof Error ? e.name : 'error';
}

/** Fetches the document; never rejects. */
export async function fetchPage(o: FetchPageOptions): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  const stop = (): void => controller.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    return await follow(o, controller.signal);
  } catch (e: unknown) {
    if (o.signal?.aborted === true) return unknown('network', 'aborted');
    if (controller.signal.aborted)
      return unknown('timeout', `no complete answer within ${o.timeoutMs} ms`);
    return unknown('network', errorCode(e));
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', stop);
  }
}
