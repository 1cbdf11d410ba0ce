/** The admin API's `/_faultline/status-pages` endpoints. */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/index.js';
import { isConfigError, isRecord } from '../validation/index.js';
import type { StatusPages } from './status-pages.js';

/**
 * `path` is the part after `/_faultline/status-pages`:
 * GET → every page with its components' shown status; GET /{id} → one;
 * PUT /{id} → add or replace (unset fields from the default page of that id);
 * PATCH /{id} → change some fields (`{"mode": "html"}`, `{"lag": "2m"}`); DELETE /{id}.
 * `readBody` reads a JSON body, or answers 415/413 itself and gives undefined.
 */
export async function handleStatusPagesAdmin(
  pages: StatusPages,
  method: string,
  path: string,
  res: ServerResponse,
  readBody: () => Promise<string | undefined>,
): Promise<void> {
  const id = /^\/([^/]+)\/?$/.exec(path)?.[1];
  if (id === undefined) {
    if (method === 'GET' && (path === '' || path === '/')) {
      return sendJson(res, 200, { pages: pages.list().map((p) => describe(pages, p.id)) });
    }
    return sendJson(res, 404, {
      error: `no admin endpoint ${method} /_faultline/status-pages${path}`,
    });
  }
  // The router refused malformed percent-encoding, so this cannot throw.
  const pageId = decodeURIComponent(id);
  const missing = (): void => sendJson(res, 404, { error: `no status page "${pageId}"` });
  switch (method) {
    case 'GET':
      return pages.get(pageId) === undefined
        ? missing()
        : sendJson(res, 200, describe(pages, pageId));
    case 'DELETE':
      return pages.remove(pageId) ? sendJson(res, 200, { removed: pageId }) : missing();
    case 'PUT':
    case 'PATCH': {
      const text = await readBody();
      if (text === undefined) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e: unknown) {
        const why = e instanceof Error ? e.message : String(e);
        return sendJson(res, 400, {
          error: 'invalid status page',
          problems: [`(root): invalid JSON: ${why}`],
        });
      }
      if (!isRecord(value)) {
        return sendJson(res, 400, {
          error: 'invalid status page',
          problems: ['(root): must be an object'],
        });
      }
      try {
        const done =
          method === 'PUT' ? pages.put({ ...value, id: pageId }) : pages.patch(pageId, value);
        return done === undefined ? missing() : sendJson(res, 200, describe(pages, pageId));
      } catch (e: unknown) {
        if (!isConfigError(e)) throw e;
        return sendJson(res, 400, { error: 'invalid status page', problems: e.problems });
      }
    }
  }
  sendJson(res, 405, { error: `${method} is not allowed on /_faultline/status-pages/${pageId}` });
}

/** A page's settings, where it is served, and what it shows now. */
function describe(pages: StatusPages, id: string): Record<string, unknown> {
  const view = pages.view(id);
  return {
    ...pages.get(id),
    path: `/status/${id}`,
    components: view?.components.map((c) => ({
      ...c.component,
      status: c.status,
      incidents: c.incidents.length,
      openIncident: c.incidents.some((i) => i.resolvedMs === undefined),
    })),
  };
}
