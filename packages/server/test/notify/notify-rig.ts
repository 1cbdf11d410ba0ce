// Shared set-up of the notifier tests: channels validated through the real config schema.
import { validateConfig } from '../../src/config/index.js';
import { createNotifier, type Notifier, type NotifierOptions } from '../../src/notify/index.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { Store } from '../../src/store/port.js';

/** `notify` entries as the config file would hold them, validated and `${ENV}`-expanded. */
export function channels(notify: unknown[], env: Record<string, string> = {}) {
  return validateConfig({ notify }, { env }).notify;
}

/** A notifier and what it wrote: its store (memory unless given) and its log lines. */
export interface Rig {
  readonly notifier: Notifier;
  readonly store: Store;
  readonly lines: string[];
}

/** Retries fast enough for tests: 20 ms, doubling. */
export const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 3000 } as const;

/** Starts a notifier over `notify` entries. */
export function rig(
  notify: unknown[],
  opts: { env?: Record<string, string>; store?: Store } & Partial<NotifierOptions> = {},
): Rig {
  const lines: string[] = [];
  const store = opts.store ?? createMemoryStore();
  const notifier = createNotifier({
    retry: FAST_RETRY,
    ...opts,
    channels: channels(notify, opts.env),
    store,
    log: (line) => lines.push(line),
  });
  return { notifier, store, lines };
}
