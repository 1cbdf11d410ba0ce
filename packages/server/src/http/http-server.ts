/** The HTTP server: node:http with slow-client limits, bound to loopback, closed gracefully. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authenticator } from './auth.js';
import { answerClientError } from './client-error.js';
import { createDispatcher } from './dispatch.js';
import type { Route } from './route.js';

export interface HttpServerOptions {
  readonly routes: readonly Route[];
  /** Required as soon as a route is not public; without it such routes answer 401. */
  readonly auth?: Authenticator;
  /** Time to receive a request's headers (slowloris). Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** Time to receive a whole request, body included (a trickling body). Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. Default 5 s. */
  readonly keepAliveTimeoutMs?: number;
  /** After `close()`, connections still busy this long are cut. Default 10 s. */
  readonly closeGraceMs?: number;
}

/** Where the server listens. */
export interface BoundAddress {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`. */
  readonly url: string;
}

export interface HttpServer {
  readonly server: Server;
  /** Starts listening; `host` defaults to `127.0.0.1`, `port` to 0 (any free port). */
  listen(host?: string, port?: number): Promise<BoundAddress>;
  /**
   * Stops accepting, lets requests in flight finish (their connections then close), closes idle
   * keep-alive connections at once, and cuts what is left after `closeGraceMs`.
   */
  close(): Promise<void>;
}

/**
 * Creates the server (not yet listening).
 *
 * @example
 * const http = createHttpServer({ routes: [healthzRoute()] });
 * const { url } = await http.listen('127.0.0.1', 7600);
 * await http.close();
 */
export function createHttpServer(opts: HttpServerOptions): HttpServer {
  const headersTimeout = opts.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(opts.requestTimeoutMs ?? 30_000, headersTimeout);
  const server = createServer({
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: opts.keepAliveTimeoutMs ?? 5_000,
    // Node checks both timeouts on this interval (default 30 s, too coarse for short limits).
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
  });
  const dispatch = createDispatcher(opts.routes, opts.auth);
  let closing: Promise<void> | undefined;
  server.on('request', (req, res) => {
    if (closing !== undefined) res.shouldKeepAlive = false;
    res.once('finish', () => {
      if (closing !== undefined) server.closeIdleConnections();
    });
    dispatch(req, res);
  });
  server.on('clientError', answerClientError);

  return {
    server,
    listen(host = '127.0.0.1', port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
          resolve({ host: a.address, port: a.port, url: `http://${shown}:${a.port}` });
        });
      });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), opts.closeGraceMs ?? 10_000);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
