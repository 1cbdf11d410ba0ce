/** The leader election's options and what it starts and stops (see replica.ts). */
import type { ConnectReplicaLink, ReplicaLink } from './replica-link.js';

export type ReplicaRole = 'leader' | 'follower';

/** What the replica starts and stops as its role changes. */
export interface LeaderDuties {
  /** Starts the leader's work (resolves once it runs; a rejection gives the lock up). */
  lead(): Promise<void>;
  /** Stops it (never rejects). */
  follow(): Promise<void>;
}

export interface ReplicaOptions {
  /** The store's dedicated session; `undefined` for a single-process store: always leader. */
  readonly connect: ConnectReplicaLink | undefined;
  readonly duties: LeaderDuties;
  readonly log: (line: string) => void;
  /** The leader's health document for the followers (JSON). */
  readonly health: () => string;
  /** A feed entry committed: read the feed from the store. */
  readonly onFeed: () => void;
  /** A session was (re)connected: read what committed meanwhile (nothing is missed). */
  readonly onConnected: (link: ReplicaLink) => Promise<void>;
  /** A follower got the leader's health document. */
  readonly onHealth: (json: string) => void;
  readonly campaignEveryMs?: number;
  readonly pingEveryMs?: number;
  readonly pingTimeoutMs?: number;
  readonly standDownMs?: number;
  readonly now?: () => number;
}

export interface Replica {
  readonly role: ReplicaRole;
  /** Connects and campaigns once; resolves once this replica leads or follows. */
  start(): Promise<void>;
  /** Stops campaigning, stops the duties if leading, then releases the lock. */
  stop(): Promise<void>;
}
