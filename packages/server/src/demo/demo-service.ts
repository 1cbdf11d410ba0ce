/**
 * The demo's own `faultline serve`: the real service on 127.0.0.1, a free port, a SQLite store in
 * a fresh temporary directory, and tokens made here and passed in its config (so it creates none).
 * It watches the fake provider as it would Anthropic: it polls the fake's Anthropic status page and
 * probes claude-opus-4-7 there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../config/index.js';
import { startService, type RunningService } from '../serve/start-service.js';
import type { WatchClock } from '../serve/watch.js';
import { newToken } from '../tokens/token-secret.js';
import { WATCH_ENV, watching } from './demo-watching.js';

/** The demo's tokens, one per role. */
export interface DemoTokens {
  readonly admin: string;
  readonly ingest: string;
  readonly read: string;
}

/** The running demo server. */
export interface DemoService {
  readonly service: RunningService;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly tokens: DemoTokens;
  /** The temporary directory holding the store. */
  readonly dir: string;
  /** Shuts the service down, then removes the directory unless `keepDir`. */
  close(options?: { readonly keepDir?: boolean }): Promise<void>;
}

export interface DemoServiceOptions {
  /** The server's clock (the demo runs it fast). */
  readonly now: () => number;
  /** The probes' and the poller's timers on that clock. */
  readonly watchClock: WatchClock;
  /** The fake provider's base URL. */
  readonly providerUrl: string;
  /** Where the service's log lines go. */
  readonly log: (line: string) => void;
}

/** Starts the demo's server; rejects with nothing left behind when it cannot. */
export async function startDemoService(options: DemoServiceOptions): Promise<DemoService> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-demo-'));
  try {
    const at = options.now();
    const tokens: DemoTokens = {
      admin: newToken('demo-admin', 'admin', at).secret,
      ingest: newToken('demo-app', 'ingest', at).secret,
      read: newToken('demo-viewer', 'read', at).secret,
    };
    const config = validateConfig(
      {
        store: join(dir, 'faultline.db'),
        listen: '127.0.0.1:0',
        tokens: [
          { name: 'demo-admin', role: 'admin', token: tokens.admin },
          { name: 'demo-app', role: 'ingest', token: tokens.ingest },
          { name: 'demo-viewer', role: 'read', token: tokens.read },
        ],
        ...watching(options.providerUrl),
      },
      { env: WATCH_ENV, source: 'the demo' },
    );
    const service = await startService({
      config,
      log: options.log,
      now: options.now,
      watchClock: options.watchClock,
      port: 0,
    });
    let closing: Promise<void> | undefined;
    return {
      service,
      url: service.address.url,
      tokens,
      dir,
      close: (o) =>
        (closing ??= (async () => {
          await service.close();
          if (o?.keepDir !== true) await rm(dir, { recursive: true, force: true });
        })()),
    };
  } catch (e: unknown) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
