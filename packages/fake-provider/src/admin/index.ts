/** The admin HTTP API. */
export { handleAdmin } from './handle-admin.js';
export type { AdminControls } from './admin-controls.js';
