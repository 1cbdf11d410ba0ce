/** `/readyz` and `/metrics`: what operators and Prometheus read (server-api.md). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServiceMetrics } from '../api/service-metrics.js';
import { sendError, sendJson, type Route } from '../http/index.js';
import type { Store } from '../store/port.js';

export interface OpsRouteDeps {
  readonly store: Store;
  /** True once the live engine caught up after start. */
  readonly engineReady: () => boolean;
  readonly metrics: ServiceMetrics;
  /** `metrics.token` of the config: when set, `/metrics` needs it as a bearer token. */
  readonly metricsToken: string | null;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function opsRoutes(deps: OpsRouteDeps): Route[] {
  const expected = deps.metricsToken === null ? undefined : digest(deps.metricsToken);
  return [
    {
      method: 'GET',
      path: '/readyz',
      access: 'public',
      async handle({ res }) {
        try {
          await deps.store.ping();
        } catch {
          sendError(res, 503, 'store_unavailable', 'the store does not answer', {
            'retry-after': '1',
          });
          return;
        }
        if (!deps.engineReady()) {
          sendError(res, 503, 'catching_up', 'the engine is still reading the stored records', {
            'retry-after': '1',
          });
          return;
        }
        sendJson(res, 200, { status: 'ready' }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      access: 'public',
      async handle({ req, res }) {
        if (expected !== undefined) {
          const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
          if (given === undefined || !timingSafeEqual(digest(given), expected)) {
            sendError(
              res,
              401,
              'unauthorized',
              'this server wants metrics.token as a bearer token',
              {
                'www-authenticate': 'Bearer',
              },
            );
            return;
          }
        }
        const { contentType, body } = await deps.metrics.expose();
        res.writeHead(200, {
          'content-type': contentType,
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
    },
  ];
}
