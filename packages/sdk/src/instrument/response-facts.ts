/** Header facts of a response: request id, retry-after, content type, CDN (call-record.md). */

export interface ResponseFacts {
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly contentType: string | undefined;
  readonly eventStream: boolean;
  /** Cloudflare is in front (spec/call-record.md `edge`): its `cf-ray` header or `server` name. */
  readonly cloudflare: boolean;
}

const CLOUDFLARE = /cloudflare/i;

/** Reads the headers a record needs. */
export function readResponseFacts(headers: Headers, nowMs: number): ResponseFacts {
  const contentType = headers.get('content-type') ?? undefined;
  return {
    requestId:
      headers.get('request-id') ??
      headers.get('x-request-id') ??
      headers.get('x-amzn-requestid') ??
      undefined,
    retryAfterMs: retryAfterMs(headers, nowMs),
    contentType,
    eventStream: contentType?.includes('text/event-stream') === true,
    cloudflare: headers.has('cf-ray') || CLOUDFLARE.test(headers.get('server') ?? ''),
  };
}

/**
 * `retry-after-ms` (milliseconds), then `retry-after` as seconds or an HTTP-date, as the
 * Stainless SDKs read them (anthropic-sdk-typescript `src/client.ts` `retryRequest`).
 */
function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const ms = Number.parseFloat(
    headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms') ?? '',
  );
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}
