// A raw HTTP upstream on loopback whose handler each test sets, and a gateway in front of it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallRecord } from '@faultline/core';
import { validateConfig } from '../../src/config/index.js';
import { createGateway } from '../../src/gateway/index.js';

export type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

export interface RawRig {
  /** The gateway's base URL. */
  readonly url: string;
  readonly records: CallRecord[];
  /** Requests the upstream received: path and headers. */
  readonly seen: { path: string; headers: IncomingMessage['headers']; body: string }[];
  handle(h: Handler): void;
  close(): Promise<void>;
}

export const TARGET_KEY = 'target-own-KEY-never-in-a-record';

/**
 * Routes: /oai (failover, two targets on the raw server: /v1 then /alt/v1, the second renaming
 * model a → b), /oai-off (no failover), /ant (Anthropic with the target's own key, failover, two
 * targets).
 */
export async function startRawRig(): Promise<RawRig> {
  let handler: Handler = (_req, _body, res) => res.end();
  const seen: RawRig['seen'] = [];
  const upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ path: req.url ?? '', headers: req.headers, body: body.toString() });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const target = (name: string, api: string, url: string, key: string | null = null) => ({
    name,
    api,
    provider: api,
    base_url: url,
    api_key: key,
  });
  const config = validateConfig(
    {
      gateway: {
        listen: '127.0.0.1:0',
        targets: [
          target('oai-1', 'openai', `${base}/v1`),
          target('oai-2', 'openai', `${base}/alt/v1`),
          target('ant-1', 'anthropic', base, TARGET_KEY),
          target('ant-2', 'anthropic', `${base}/alt`, TARGET_KEY),
        ],
        routes: [
          { path: '/oai', targets: ['oai-1', 'oai-2'], models: { 'oai-2': { a: 'b' } } },
          { path: '/oai-off', targets: ['oai-1', 'oai-2'], failover: false },
          { path: '/ant', targets: ['ant-1', 'ant-2'] },
        ],
      },
    },
    { env: {} },
  );
  const records: CallRecord[] = [];
  const gateway = createGateway({
    config: config.gateway!,
    sink: (r) => records.push(r),
    log: () => undefined,
    limits: { maxBodyBytes: 64 * 1024, headersTimeoutMs: 400, idleTimeoutMs: 400 },
  });
  const { url } = await gateway.listen();
  return {
    url,
    records,
    seen,
    handle(h) {
      handler = h;
    },
    async close() {
      await gateway.close();
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    },
  };
}
