/**
 * `GET /v1/events`: Server-Sent Events of verdict changes (server-api.md). A client that comes
 * back with `Last-Event-ID` first gets what it missed from the stored feed, then live entries;
 * a new client gets live entries only; a comment line every `keepAliveMs` keeps proxies from closing the stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedEntry, Store } from '../store/port.js';

/** Where live feed entries come from (the live engine, and later breakers and pollers). */
export interface FeedSource {
  onFeed(listener: (entry: FeedEntry) => void): { dispose(): void };
}

export interface EventsRouteOptions {
  readonly store: Store;
  readonly feed: FeedSource;
  /** Comment line interval (default 15 s, the spec's maximum). */
  readonly keepAliveMs?: number;
  /** A client this many bytes behind is disconnected; it resumes with `Last-Event-ID`. */
  readonly maxBufferedBytes?: number;
  /** Ends every stream when aborted (the server is shutting down; clients resume later). */
  readonly signal?: AbortSignal;
  /**
   * Asked at every keep-alive: false ends the stream (its token was revoked). Default: always
   * allowed.
   */
  readonly stillAllowed?: () => Promise<boolean>;
}

const BACKLOG_PAGE = 500;

/** One SSE frame. `data` is one line of JSON, so it needs no splitting. */
function frame(e: FeedEntry): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${e.data}\n\n`;
}

function lastEventId(req: IncomingMessage, url: URL): number {
  const raw = req.headers['last-event-id'] ?? url.searchParams.get('last_event_id') ?? '';
  const id = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

/** Streams the feed to one client until it goes away or the server closes. */
export async function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: EventsRouteOptions,
): Promise<void> {
  const maxBuffered = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  let sent = lastEventId(req, url);
  const early: FeedEntry[] = [];
  let live = false;
  let closed = false;
  let delivered = 0;
  const write = (e: FeedEntry): void => {
    // An id below the client's, before anything was sent, means the client's id came from
    // another store (a reset or restored one): from here on it gets what happens.
    if (closed || (e.id <= sent && delivered > 0)) return;
    delivered++;
    sent = e.id;
    res.write(frame(e));
    if (res.writableLength > maxBuffered) res.destroy();
  };
  // Subscribe before reading the backlog, so nothing falls between the two.
  const subscription = options.feed.onFeed((e) => (live ? write(e) : early.push(e)));
  const keepAlive = setInterval(() => {
    res.write(': keep-alive\n\n');
    void options.stillAllowed?.().then(
      (ok) => (ok ? undefined : res.end()),
      () => undefined,
    );
  }, options.keepAliveMs ?? 15_000);
  keepAlive.unref();
  const end = (): void => void res.end();
  options.signal?.addEventListener('abort', end, { once: true });
  const done = new Promise<void>((resolve) => {
    res.once('close', () => {
      closed = true;
      options.signal?.removeEventListener('abort', end);
      clearInterval(keepAlive);
      subscription.dispose();
      resolve();
    });
  });
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
  res.write(': faultline events\n\n');
  if (options.signal?.aborted === true) res.end();
  // Without Last-Event-ID a client wants what happens from now on; with it, what it missed too.
  try {
    for (; sent > 0;) {
      const page = await options.store.feedAfter(sent, BACKLOG_PAGE);
      for (const e of page) write(e);
      if (page.length < BACKLOG_PAGE || closed) break;
    }
  } catch {
    res.destroy();
  }
  for (const e of early) write(e);
  live = true;
  await done;
}
