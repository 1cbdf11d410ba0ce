/**
 * The replica part of `faultline serve` (issue 14): the leader election over the store's
 * dedicated session, the leader's term started and stopped with the role, the `/v1/events` feed
 * read from the shared store, the leader's health for followers, and `faultline_leader`.
 * On SQLite and memory there is no session: the process leads from start to close.
 */
import type { ServiceMetrics } from '../api/service-metrics.js';
import type { FeedHub } from '../api/feed-hub.js';
import type { FeedEntry, Store } from '../store/port.js';
import { FeedFollower } from './feed-follower.js';
import { FollowerHealth } from './follower-health.js';
import { registerLeaderGauge } from './leader-gauge.js';
import { startLeaderTerm, type LeaderTerm, type LeaderTermDeps } from './leader-term.js';
import { LiveSwitch } from './live-switch.js';
import { createReplica, type Replica, type ReplicaRole } from './replica.js';
import type { ConnectReplicaLink } from './replica-link.js';

export interface ServiceReplicaDeps extends Omit<LeaderTermDeps, 'publish' | 'live' | 'shared'> {
  readonly store: Store;
  readonly hub: FeedHub;
  readonly metrics: ServiceMetrics;
  /** The store's dedicated session, or `undefined` for a single-process store. */
  readonly connect: ConnectReplicaLink | undefined;
  /** The leader's own `/v1/health` document (without `replica`). */
  readonly leaderHealth: () => Record<string, unknown>;
}

export interface ServiceReplica {
  readonly live: LiveSwitch;
  readonly role: ReplicaRole;
  /** The running term while leading. */
  readonly term: LeaderTerm | undefined;
  /** Publishes a stored feed entry (a no-op on a shared store, whose feed is read back). */
  readonly publish: (entry: FeedEntry) => void;
  /** `/v1/health`: the leader's document, with `replica`. */
  health(): Record<string, unknown>;
  /** Campaigns (or leads at once); resolves when the first role is taken. */
  start(): Promise<void>;
  /** Resolves once the first term's engine caught up (at once on a follower). */
  readonly caughtUp: Promise<void>;
  /** Stops the term and releases the lock. */
  stop(): Promise<void>;
}

export function createServiceReplica(deps: ServiceReplicaDeps): ServiceReplica {
  const { hub, log, now } = deps;
  const shared = deps.connect !== undefined;
  const live = new LiveSwitch(now, () => replica.role === 'follower');
  const publish = shared ? () => undefined : (entry: FeedEntry) => hub.publish(entry);
  const follower = new FeedFollower({
    store: deps.store,
    publish: (entry) => hub.publish(entry),
    onError: (e) => log(`cluster: feed not read: ${e instanceof Error ? e.message : String(e)}`),
  });
  const followerHealth = new FollowerHealth(now);
  let term: LeaderTerm | undefined;
  let started: Promise<void> | undefined;
  const replica: Replica = createReplica({
    connect: deps.connect,
    log,
    now,
    health: () => JSON.stringify(deps.leaderHealth()),
    onHealth: (json) => followerHealth.take(json),
    onFeed: () => follower.wake(),
    async onConnected(link) {
      follower.lastId ??= await link.lastFeedId();
      follower.wake();
    },
    duties: {
      async lead() {
        term = await startLeaderTerm({ ...deps, publish, live, shared });
        // A leader on a shared store holds the lock only once its engine caught up (if it
        // cannot, it gives the lock up); a single process listens while catching up.
        if (shared) await term.caughtUp;
      },
      async follow() {
        const t = term;
        term = undefined;
        await t?.stop().catch((e: unknown) => log(`cluster: stopping the term: ${String(e)}`));
      },
    },
  });
  registerLeaderGauge(deps.metrics.registry, () => replica.role === 'leader');
  return {
    live,
    get role() {
      return replica.role;
    },
    get term() {
      return term;
    },
    publish,
    health() {
      if (replica.role === 'leader') return { ...deps.leaderHealth(), replica: { role: 'leader' } };
      const { doc, ageSeconds } = followerHealth.current();
      return { ...doc, replica: { role: 'follower', leader_health_age_s: ageSeconds } };
    },
    start: () => (started ??= replica.start()),
    get caughtUp() {
      return (started ?? Promise.resolve()).then(() => term?.caughtUp);
    },
    async stop() {
      await replica.stop();
      await follower.idle();
    },
  };
}
