/**
 * The port the leader election needs from a shared store (issue 14), declared here by its
 * consumer: one dedicated session per replica that holds the leader lock, carries the leader's
 * health to followers and wakes every replica when a feed entry commits. The PostgreSQL adapter
 * (store/postgres/replica-link.ts) implements it; a single-process store has none (always leader).
 */

/** What the session tells its owner, asynchronously. */
export interface ReplicaLinkEvents {
  /** The session is gone (socket error, server restart, terminated): any lock it held is lost. */
  onLost(reason: string): void;
  /** A feed entry committed somewhere (a wake-up: read the store from the last id seen). */
  onFeed(): void;
  /** The leader's latest `/v1/health` document, as it sent it. */
  onHealth(json: string): void;
}

/** One dedicated session; after `onLost` it is dead, and a new one is connected. */
export interface ReplicaLink {
  /** One attempt at the leader lock: true while this session holds it. */
  tryLead(): Promise<boolean>;
  /** A round trip that fails (rejects) when the session does not answer within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  /** Sends the health document to the followers; also a ping (rejects after `timeoutMs`). */
  publishHealth(json: string, timeoutMs: number): Promise<void>;
  /** The last feed entry id committed (a replica publishes the entries after it). */
  lastFeedId(): Promise<number>;
  /** Ends the session, releasing the lock; never rejects, never hangs. */
  close(): Promise<void>;
}

/** Opens a session (rejects when the store cannot be reached). */
export type ConnectReplicaLink = (events: ReplicaLinkEvents) => Promise<ReplicaLink>;
