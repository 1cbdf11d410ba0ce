// The service tells its channels: an incident the live engine opens reaches a configured webhook,
// signed per Standard Webhooks, once, and the delivery shows in GET /v1/incidents/{id}.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScenario } from '@faultline/scenarios';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/index.js';
import { startService } from '../src/serve/start-service.js';
import { seedStore, shifted } from './serve-live/seed-store.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-notify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = `whsec_${Buffer.from('a secret of 24 bytes....').toString('base64')}`;
const TOKEN = 'admin-token-for-notify-test';

interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

async function receiver(): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

describe('notifications from the service', () => {
  it('delivers each incident event to the webhook once, signed, and logs the delivery', async () => {
    const hook = await receiver();
    const store = join(dir, 'notify.db');
    const g = generateScenario('provider-overload', {
      seed: 1,
      ratePerSec: 5,
      durationMs: 20 * 60_000,
    });
    const now = Date.now();
    await seedStore(store, shifted(g, now - (g.toMs - g.fromMs)), now);
    const config = validateConfig(
      {
        store,
        tokens: [{ name: 'oncall', role: 'admin', token: TOKEN }],
        notify: [{ name: 'hooks', kind: 'webhook', url: hook.url, secret: SECRET }],
      },
      { env: {} },
    );
    const service = await startService({ config, log: () => undefined, port: 0 });
    await service.caughtUp;
    const end = Date.now() + 15_000;
    while (!hook.got.some((g) => g.body.includes('"incident.resolved"')) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const verifier = new Webhook(SECRET);
    const bodies = hook.got.map((g) => {
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [
          h,
          String(g.headers[h]),
        ]),
      );
      return verifier.verify(g.body, headers) as {
        type: string;
        data: { id: string; layer: string };
      };
    });
    const types = bodies.map((b) => b.type);
    expect(types[0]).toBe('incident.opened');
    expect(types).toContain('incident.resolved');
    expect(types.filter((t) => t === 'incident.opened')).toHaveLength(1);
    expect(bodies[0]!.data.layer).toBe('provider');
    const id = bodies[0]!.data.id;
    const detail = (await (
      await fetch(`${service.address.url}/v1/incidents/${id}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as { notifications: { channel: string; outcome: string; event: string }[] };
    expect(
      detail.notifications.some((n) => n.channel === 'hooks' && n.outcome === 'delivered'),
    ).toBe(true);

    // A restart replays the same history: the claims keep it from being sent again.
    await service.close();
    const sent = hook.got.length;
    const again = await startService({ config, log: () => undefined, port: 0 });
    await again.caughtUp;
    await new Promise((r) => setTimeout(r, 1000));
    expect(hook.got.length).toBe(sent);
    await again.close();
    await new Promise((r) => hook.server.close(r));
  }, 40_000);
});
