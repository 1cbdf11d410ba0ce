/** Starts `faultline serve`'s composition root in this process on a port of its own, for a store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../../packages/server/dist/config/index.js';
import {
  startService,
  type RunningService,
} from '../../packages/server/dist/serve/start-service.js';
import { WORK_DIR } from './paths.js';

/** A running service and how to reach it. */
export interface BenchService {
  readonly url: string;
  /** The ingest token it created on its first start. */
  readonly token: string;
  readonly service: RunningService;
  /** Stops the service and removes its files (the caller drops a database it made). */
  close(): Promise<void>;
}

/**
 * Starts the service on `store`: a PostgreSQL URL, or `undefined` for a new SQLite file in a
 * scratch folder (on the same disk as the raw loop's file). Resolves once the engine caught up.
 */
export async function startBenchService(store?: string): Promise<BenchService> {
  const dir = mkdtempSync(join(WORK_DIR, 'serve-'));
  const config = validateConfig(
    { listen: '127.0.0.1:0', store: store ?? join(dir, 'faultline.db') },
    { env: {} },
  );
  // The service's own log lines (engine warnings, errors) go to stderr, apart from the figures.
  const service = await startService({ config, log: (line) => console.error(`service: ${line}`) });
  await service.caughtUp;
  const token = service.createdTokens.find((t) => t.role === 'ingest')?.secret;
  if (token === undefined) throw new Error('the service created no ingest token');
  return {
    url: service.address.url,
    token,
    service,
    close: async () => {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
