/**
 * The chaos run's notification receiver: a loopback HTTP server for the replicas' Standard
 * Webhooks channel. Every delivery's signature is checked (standardwebhooks); each one is kept
 * with its `webhook-id`, event type and incident, so the run can count deliveries per incident
 * and stage and find any sent twice.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface Delivery {
  readonly atMs: number;
  readonly webhookId: string;
  readonly type: string;
  readonly incident: string;
  /** What an update says materially (layer, owner, scope, provider, models, status). */
  readonly state: string;
}

interface Body {
  readonly type?: unknown;
  readonly data?: {
    id?: unknown;
    layer?: unknown;
    owner?: unknown;
    scope?: unknown;
    provider?: unknown;
    models?: unknown;
    resolved_at?: unknown;
  };
}

export interface WebhookReceiver {
  readonly url: string;
  /** The signing secret the replicas are configured with. */
  readonly secret: string;
  readonly deliveries: Delivery[];
  /** Requests that failed the signature check or did not parse. */
  readonly refused: { count: number };
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Starts the receiver on a free loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const verifier = new Webhook(secret);
  const deliveries: Delivery[] = [];
  const refused = { count: 0 };
  const server: Server = createServer((req, res) => {
    void readBody(req).then((text) => {
      try {
        const headers = headerRecord(req);
        verifier.verify(text, headers);
        const body = JSON.parse(text) as Body;
        const d = body.data ?? {};
        const models = Array.isArray(d.models) ? [...(d.models as string[])].sort() : [];
        const state = [d.layer, d.owner, d.scope, d.provider, models.join(',')].map(String);
        deliveries.push({
          atMs: Date.now(),
          webhookId: headers['webhook-id'] ?? '',
          type: String(body.type),
          incident: String(d.id),
          state: state.join('|'),
        });
        res.writeHead(204).end();
      } catch {
        refused.count++;
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    secret,
    deliveries,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Duplicate notifications: a `webhook-id` received again, and for each incident a second
 * distinct delivery of the same type and material state (opened, resolved: once each).
 */
export function duplicateDeliveries(deliveries: readonly Delivery[]): number {
  const ids = new Set<string>();
  const keys = new Set<string>();
  let duplicates = 0;
  for (const d of deliveries) {
    const key = `${d.incident}|${d.type}|${d.type === 'incident.updated' ? d.state : ''}`;
    if (ids.has(d.webhookId) || keys.has(key)) duplicates++;
    ids.add(d.webhookId);
    keys.add(key);
  }
  return duplicates;
}
