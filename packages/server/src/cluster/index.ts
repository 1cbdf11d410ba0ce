/** Replicas of one shared store (issue 14): leader election, the leader's term, the feed and health for followers. */
export { createServiceReplica } from './service-replica.js';
export type { ServiceReplica, ServiceReplicaDeps } from './service-replica.js';
export type { ConnectReplicaLink, ReplicaLink, ReplicaLinkEvents } from './replica-link.js';
export type { ReplicaRole } from './replica-options.js';
