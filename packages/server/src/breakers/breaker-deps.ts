/** What the service's breakers need from the service, and what they offer it (start-breakers.ts). */
import type { BreakerOptions, BreakerStateName } from '@faultline/core';
import type { FeedEntry, Store, StoredRecord } from '../store/port.js';
import type { BoardEntry } from './breaker-board.js';
import type { GatewayTargetBreakers } from './gateway-target-breakers.js';
import type { MinuteHealth } from './scope-elevation.js';

/** Timers the tick waits on (the service's scaled clock in tests and the demo). */
export interface BoardTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The per-model minute the live engine reports (`live.health()`). */
export interface HealthReading {
  readonly providers: readonly {
    readonly provider: string;
    readonly models: readonly (MinuteHealth & { readonly model: string })[];
  }[];
}

/** What the breakers need from the service. */
export interface BreakerDeps {
  readonly store: Pick<Store, 'saveBreaker' | 'loadBreakers' | 'appendFeed'>;
  /** Hands a stored feed entry to `/v1/events` clients. */
  readonly publish: (entry: FeedEntry) => void;
  readonly health: () => HealthReading;
  /** Whether the engine has caught up: before, its minute is not yet the scope's (default: yes). */
  readonly ready?: () => boolean;
  /** The service's clock, epoch ms (record time). */
  readonly now: () => number;
  readonly log: (line: string) => void;
  /** Every breaker's options (config `open_on` and time constants). */
  readonly breaker: BreakerOptions;
  readonly timers?: BoardTimers;
  /** Time between ticks on `timers`, ms. Default 1,000. */
  readonly tickEveryMs?: number;
  /** The gateway's targets (config `gateway.targets`), each kept a breaker per model. Default none. */
  readonly gatewayTargets?: readonly { readonly name: string; readonly provider: string }[];
}

/** The running breakers. */
export interface ServiceBreakers {
  /** Resumes the saved breakers and starts ticking. */
  start(): Promise<void>;
  /** Committed records (call after each commit). */
  records(records: readonly StoredRecord[]): void;
  /** A live-engine feed entry (`incident.*` entries move breakers; others are ignored). */
  feed(entry: FeedEntry): void;
  /** `provider/model`'s state: `closed` where no breaker runs. */
  state(provider: string, model: string): BreakerStateName;
  entries(): BoardEntry[];
  /** The gateway targets' breakers (`createGateway({ breakers })`), fed incidents and scopes here. */
  readonly gateway: GatewayTargetBreakers;
  /** Every gateway target's breaker, per model (`target` is the gateway target's name). */
  targetEntries(): BoardEntry[];
  /** Stops ticking and saves every breaker; resolves when written. */
  stop(): Promise<void>;
}
