/** The admin's actions on incidents: publishing an update (server-api.md, Acting). */
import { errorResult } from '../api/api-result.js';
import { publishUpdate } from '../api/publish-route.js';
import { readJsonBody, refuse, type Route } from '../http/index.js';
import type { Store } from '../store/port.js';
import { sendResult } from './read-routes.js';

export interface ActionRouteDeps {
  readonly store: Store;
  readonly now: () => number;
  /** Told of each published update (the Statuspage publisher posts only approved text). */
  readonly onPublished?: (incidentId: string, stage: string, text: string) => void;
}

export function actionRoutes(deps: ActionRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/incidents/:id/updates/:stage/publish',
      access: 'admin',
      async handle({ req, res, params }) {
        const body = await readJsonBody(req);
        if (!body.ok) {
          refuse(
            req,
            res,
            body.status,
            body.status === 413 ? 'too_large' : 'bad_request',
            body.message,
          );
          return;
        }
        const value = body.value;
        if (
          value !== undefined &&
          (typeof value !== 'object' || value === null || Array.isArray(value))
        ) {
          sendResult(res, errorResult(400, 'bad_request', 'the body must be a JSON object'));
          return;
        }
        const result = await publishUpdate(
          deps.store,
          params.id ?? '',
          params.stage ?? '',
          value === undefined ? {} : value,
          deps.now(),
        );
        sendResult(res, result);
        if (result.status === 200) {
          const published = JSON.parse(result.body) as { stage: string; text: string };
          deps.onPublished?.(params.id ?? '', published.stage, published.text);
        }
      },
    },
  ];
}
