// A real status-page host on 127.0.0.1:0 for the poller tests: documents set per path, conditional
// GET answered like a CDN would (ETag / Last-Modified → 304), and every byte it writes counted.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One document the server serves at a path. */
export interface PageDoc {
  readonly status?: number;
  readonly type?: string;
  readonly body: string | Buffer;
  readonly headers?: Record<string, string>;
  /** Sent as `ETag`; an `If-None-Match` equal to it gets a 304. */
  readonly etag?: string;
  /** Sent as `Last-Modified`; an `If-Modified-Since` equal to it gets a 304. */
  readonly lastModified?: string;
  /** Waits this long before answering (a slow page). */
  readonly delayMs?: number;
}

export interface PageServer {
  readonly url: string;
  set(path: string, doc: PageDoc): void;
  /** Body bytes written, headers excluded. */
  readonly bodyBytes: () => number;
  /** Bytes written on the wire, headers included. */
  readonly wireBytes: () => number;
  readonly requests: () => readonly {
    path: string;
    headers: IncomingMessage['headers'];
    status: number;
  }[];
  close(): Promise<void>;
}

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function notModified(req: IncomingMessage, doc: PageDoc): boolean {
  const inm = req.headers['if-none-match'];
  if (doc.etag !== undefined && inm !== undefined) return inm === doc.etag;
  const ims = req.headers['if-modified-since'];
  return doc.lastModified !== undefined && ims === doc.lastModified;
}

/** Starts a page server. */
export async function startPageServer(): Promise<PageServer> {
  const docs = new Map<string, PageDoc>();
  const log: { path: string; headers: IncomingMessage['headers']; status: number }[] = [];
  const written = new WeakMap<Socket, number>();
  let body = 0;
  let wire = 0;
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const doc = docs.get(path) ?? {
      status: 404,
      type: 'text/html',
      body: '<!doctype html><h1>404</h1>',
    };
    const send = (): void => {
      const headers: Record<string, string> = { ...(doc.headers ?? {}) };
      if (doc.etag !== undefined) headers['etag'] = doc.etag;
      if (doc.lastModified !== undefined) headers['last-modified'] = doc.lastModified;
      if (notModified(req, doc)) {
        log.push({ path, headers: req.headers, status: 304 });
        res.writeHead(304, headers).end();
        return;
      }
      const status = doc.status ?? 200;
      log.push({ path, headers: req.headers, status });
      if (doc.type !== undefined) headers['content-type'] = doc.type;
      body += Buffer.byteLength(doc.body);
      res.writeHead(status, headers).end(doc.body);
    };
    if (doc.delayMs === undefined) send();
    else setTimeout(send, doc.delayMs);
  };
  const server = createServer((req, res) => {
    const socket = req.socket;
    res.on('finish', () => {
      const before = written.get(socket) ?? 0;
      wire += socket.bytesWritten - before;
      written.set(socket, socket.bytesWritten);
    });
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, doc) => docs.set(path, doc),
    bodyBytes: () => body,
    wireBytes: () => wire,
    requests: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
