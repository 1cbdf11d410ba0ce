// Opens the dedicated session replicas of a shared store coordinate through, for the store a location names.
import type { PostgresLinkEvents, PostgresReplicaLink } from './postgres/replica-link.js';

/**
 * For a `postgres://` location: a function connecting a replica's dedicated session (leader
 * lock, LISTEN/NOTIFY) to the same database and schema as the store. For SQLite and memory:
 * `undefined`, since one process owns such a store and is always the leader. The adapter is
 * imported only when chosen (as in open-store.ts).
 */
export function replicaLinkFor(
  location: string,
): ((events: PostgresLinkEvents) => Promise<PostgresReplicaLink>) | undefined {
  if (!/^postgres(ql)?:\/\//i.test(location)) return undefined;
  return async (events) => {
    const { connectPostgresLink } = await import('./postgres/replica-link.js');
    return connectPostgresLink(location, events);
  };
}
