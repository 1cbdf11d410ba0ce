/** A real node:http server on 127.0.0.1:0 that mounts the `/v1/traces` route, for tests. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallRecord } from '@faultline/core';
import { createTracesRoute, type TracesRouteOptions } from '../../src/otlp/index.js';

/** A running test server. `bodies` holds what was posted to `/raw` (not decoded by the route). */
export interface TracesServer {
  readonly url: string;
  readonly records: CallRecord[];
  readonly bodies: { readonly contentType: string; readonly body: Buffer }[];
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the server; `ingestRecords` collects into `records` unless replaced. */
export async function startTracesServer(
  options: Partial<TracesRouteOptions> = {},
): Promise<TracesServer> {
  const records: CallRecord[] = [];
  const bodies: { contentType: string; body: Buffer }[] = [];
  const route = createTracesRoute({
    ingestRecords: (batch) => {
      records.push(...batch);
      return Promise.resolve();
    },
    ...options,
  });
  const server = createServer((req, res) => {
    if (req.url === '/v1/traces') return void route(req, res);
    void readAll(req).then((body) => {
      bodies.push({ contentType: req.headers['content-type'] ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    bodies,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
