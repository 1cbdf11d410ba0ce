/** `GET /healthz`: 200 while the process serves (server-api.md), no token needed. */
import { sendJsonText } from './respond.js';
import type { Route } from './route.js';

const OK = '{"status":"ok"}';

/** The liveness route. */
export function healthzRoute(): Route {
  return {
    method: 'GET',
    path: '/healthz',
    access: 'public',
    handle({ res }) {
      sendJsonText(res, 200, OK, { 'cache-control': 'no-store' });
    },
  };
}
