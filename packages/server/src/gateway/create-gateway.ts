/** `createGateway(options)`: the reverse proxy apps point their SDK base URL at (issue 12). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Cooldowns } from './cooldowns.js';
import { DEFAULT_GATEWAY_LIMITS, type GatewayOptions } from './gateway-options.js';
import type { GatewayContext } from './gateway-context.js';
import { handleRequest } from './handle-request.js';
import { RouteTable } from './route-table.js';
import { createUpstreams } from './upstream-pools.js';

/** A gateway that is not yet listening, or is. */
export interface Gateway {
  /** Starts listening on `config.listen`; resolves with the bound address (port 0 picks one). */
  listen(): Promise<{ readonly host: string; readonly port: number; readonly url: string }>;
  /** Stops accepting, cuts open connections and closes the upstream pools. */
  close(): Promise<void>;
}

/**
 * Creates the gateway. It forwards only to configured targets, under configured route prefixes.
 *
 * @example
 * const gw = createGateway({ config: config.gateway, sink: (r) => committer.add(r), log });
 * const { url } = await gw.listen(); // clients use `${url}/anthropic` as their base URL
 * await gw.close();
 */
export function createGateway(options: GatewayOptions): Gateway {
  const limits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
  const upstreams = createUpstreams(options.config.targets, limits);
  const report = (e: unknown): void =>
    options.log(`gateway: own fault: ${e instanceof Error ? e.message : String(e)}`);
  const ctx: GatewayContext = {
    table: new RouteTable(options.config.routes),
    upstreams: upstreams.byName,
    limits,
    cooldowns: new Cooldowns(limits.maxCooldownMs),
    breakers: options.breakers,
    now: options.now ?? Date.now,
    sink: options.sink,
    report,
  };
  const server: Server = createServer(
    { headersTimeout: 60_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      handleRequest(ctx, req, res).catch((e: unknown) => {
        report(e);
        res.destroy();
      });
    },
  );
  server.on('clientError', (_e, socket) => socket.destroy());
  return {
    listen() {
      const { host, port } = options.config.listen;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          const h = a.address.includes(':') ? `[${a.address}]` : a.address;
          resolve({ host: a.address, port: a.port, url: `http://${h}:${a.port}` });
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await upstreams.close();
    },
  };
}
