/**
 * Sets up what the chaos run runs against: a fresh PostgreSQL database, a webhook receiver,
 * one TCP proxy to PostgreSQL per replica (its store URL points at its proxy), and the replicas
 * themselves, started from the built CLI with a configuration file each (tokens from the
 * environment, one signed webhook channel). `close()` takes it all down and drops the database.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPgProxy, type PgProxy } from './chaos-proxy.js';
import { freePort, Replica } from './chaos-replica.js';
import { startWebhookReceiver, type WebhookReceiver } from './chaos-webhooks.js';
import { WORK_DIR } from './paths.js';
import { createBenchDatabase, type BenchDatabase } from './serve-postgres.js';

export interface Cluster {
  readonly dir: string;
  readonly db: BenchDatabase;
  readonly hooks: WebhookReceiver;
  readonly proxies: readonly PgProxy[];
  readonly replicas: readonly Replica[];
  readonly ingestToken: string;
  close(keepDatabase: boolean): Promise<void>;
}

function configYaml(port: number, storeUrl: string, hookUrl: string): string {
  return [
    `listen: 127.0.0.1:${port}`,
    `store: ${storeUrl}`,
    'tokens:',
    '  - { name: chaos-ingest, role: ingest, token: "${FAULTLINE_CHAOS_INGEST}" }',
    '  - { name: chaos-admin, role: admin, token: "${FAULTLINE_CHAOS_ADMIN}" }',
    'notify:',
    '  - name: chaos-hooks',
    '    kind: webhook',
    `    url: ${hookUrl}`,
    '    secret: "${FAULTLINE_CHAOS_WEBHOOK_SECRET}"',
    '',
  ].join('\n');
}

/** Starts `replicas` replicas on one fresh database; rejects with everything closed again. */
export async function startCluster(replicas: number): Promise<Cluster> {
  const dir = join(WORK_DIR, `chaos-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  const db = await createBenchDatabase();
  const hooks = await startWebhookReceiver();
  const proxies: PgProxy[] = [];
  const started: Replica[] = [];
  const ingestToken = `fl_chaos_ingest_${randomBytes(16).toString('hex')}`;
  const env = {
    ...process.env,
    FAULTLINE_CHAOS_INGEST: ingestToken,
    FAULTLINE_CHAOS_ADMIN: `fl_chaos_admin_${randomBytes(16).toString('hex')}`,
    FAULTLINE_CHAOS_WEBHOOK_SECRET: hooks.secret,
  };
  const close = async (keepDatabase: boolean): Promise<void> => {
    await Promise.all(started.map((r) => r.stop()));
    await Promise.all(proxies.map((p) => p.close()));
    await hooks.close();
    if (!keepDatabase) await db.drop();
  };
  try {
    const database = new URL(db.url).pathname;
    for (let index = 0; index < replicas; index++) {
      const proxy = await startPgProxy({ host: '127.0.0.1', port: 5432 });
      proxies.push(proxy);
      const port = await freePort();
      const configFile = join(dir, `replica-${index}.yaml`);
      const storeUrl = `postgres://postgres@127.0.0.1:${proxy.port}${database}`;
      writeFileSync(configFile, configYaml(port, storeUrl, hooks.url));
      const logFile = join(dir, `replica-${index}.log`);
      started.push(new Replica({ index, port, configFile, logFile, env }));
    }
    await Promise.all(started.map((r) => r.start()));
    return { dir, db, hooks, proxies, replicas: started, ingestToken, close };
  } catch (e: unknown) {
    await close(false).catch(() => undefined);
    throw e;
  }
}
