/** The HTTP layer: routes, a router, JSON and error answers, bearer-token auth, the server. */
export { ACCESS, HTTP_METHODS, allows } from './route.js';
export type { Access, HttpMethod, Principal, RequestContext, Route } from './route.js';
export { createRouter } from './router.js';
export type { RouteMatch, Router } from './router.js';
export { JSON_TYPE, sendError, sendJson, sendJsonText } from './respond.js';
export { DEFAULT_LINGER, refuse } from './refuse.js';
export type { LingerLimits } from './refuse.js';
export { createAuth } from './auth.js';
export type {
  AuthOptions,
  AuthResult,
  Authenticator,
  ConfiguredToken,
  TokenLookup,
} from './auth.js';
export { bearerToken, tokenHash } from './token-hash.js';
export {
  DASHBOARD_HEADER,
  SESSION_COOKIE,
  clearedSessionCookie,
  credentialOf,
  sessionCookie,
  sessionToken,
} from './session-cookie.js';
export { HTTP_ERROR_CHANNEL } from './dispatch.js';
export { createHttpServer } from './http-server.js';
export type { BoundAddress, HttpServer, HttpServerOptions } from './http-server.js';
export { healthzRoute } from './healthz-route.js';
export { readJsonBody } from './read-json-body.js';
export type { JsonBody } from './read-json-body.js';
