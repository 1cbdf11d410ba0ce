/** A small client of `GET /v1/events` (server-api.md): Server-Sent Events over fetch. */
import { SseParser, type SseEvent } from './sse-parser.js';

export interface SseClientOptions {
  /** The stream's URL, e.g. `http://127.0.0.1:7600/v1/events`. */
  readonly url: string;
  /** A `read` token. */
  readonly token: string;
  readonly onEvent: (event: SseEvent) => void;
}

/** An open stream. */
export interface SseSubscription {
  /** Resolves when the stream ends: closed here, by the server, or broken (`error` then says why). */
  readonly done: Promise<{ readonly error?: unknown }>;
  close(): void;
}

/**
 * Opens the stream; resolves once the server answered 200, that is once it is subscribed, so
 * nothing that happens afterwards is missed. Rejects when it answers anything else.
 * @example
 * const events = await openEventStream({ url: `${base}/v1/events`, token, onEvent: console.log });
 * events.close();
 */
export async function openEventStream(options: SseClientOptions): Promise<SseSubscription> {
  const stop = new AbortController();
  const res = await fetch(options.url, {
    headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
    signal: stop.signal,
  });
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith('text/event-stream') || res.body === null) {
    stop.abort();
    throw new Error(`GET ${options.url} answered ${res.status} (${type || 'no content type'})`);
  }
  // Node's fetch types give the chunks as `any`; a fetch body's stream yields Uint8Array chunks.
  const body = res.body as ReadableStream<Uint8Array>;
  const read = async (): Promise<{ error?: unknown }> => {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.push(decoder.decode(value, { stream: true })))
          options.onEvent(event);
      }
      return {};
    } catch (e: unknown) {
      return stop.signal.aborted ? {} : { error: e };
    }
  };
  return { done: read(), close: () => stop.abort() };
}
