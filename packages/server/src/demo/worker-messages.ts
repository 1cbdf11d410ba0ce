/** The messages between the demo and its server's worker thread. */
import type { DemoClockOptions } from './demo-clock.js';
import type { DemoTokens } from './demo-service.js';

/** What the worker is started with: enough to rebuild the demo's clock there, and what to watch. */
export interface ServerWorkerData {
  readonly clock: DemoClockOptions;
  /** The fake provider's base URL: its Anthropic status page is polled, its API probed. */
  readonly providerUrl: string;
}

/** The demo to the worker. */
export type ToServerWorker =
  | { readonly kind: 'settle'; readonly untilWallMs: number }
  | { readonly kind: 'close'; readonly keepDir: boolean };

/** The worker to the demo. */
export type FromServerWorker =
  | {
      readonly kind: 'ready';
      readonly url: string;
      readonly dir: string;
      readonly tokens: DemoTokens;
    }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'log'; readonly line: string }
  | { readonly kind: 'settled' }
  | { readonly kind: 'closed' };
