/** The admin HTTP API. */
export { handleAdmin } from './handle-admin.js';
export type { AdminOptions } from './handle-admin.js';
export { checkAdminRequest } from './admin-policy.js';
export type { AdminPolicy, AdminRefusal } from './admin-policy.js';
export { isLoopback, isWildcard } from './is-loopback.js';
export type { AdminControls } from './admin-controls.js';
