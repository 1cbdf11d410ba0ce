/** Failover in the app: a router over ordered targets with evidence-gated breakers. */
export { createRouter } from './create-router.js';
export type { Router, RouteCallOptions } from './router.js';
export type { AttemptContext, RouteTarget, RouterOptions } from './route-target.js';
export type { FollowServerOptions } from './follow-server.js';
