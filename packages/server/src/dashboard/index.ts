/** The dashboard served by `faultline serve`: sign-in, the page shell and its built assets. */
export { dashboardRoutes } from './dashboard-routes.js';
export type { DashboardRouteDeps } from './dashboard-routes.js';
export { createAssetReader, DASHBOARD_DIR } from './static-assets.js';
export type { Asset } from './static-assets.js';
