/** Answers `GET /status/{id}/…`: the page's document, a broken source, or a 304. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brokenAnswer, htmlPage, type CannedAnswer } from './broken-source.js';
import { entityTag, isNotModified } from './conditional-get.js';
import { pageDocument } from './page-document.js';
import type { StatusPages } from './status-pages.js';
import { waitUnlessClosed } from './wait-unless-closed.js';

/** The prefix the pages are served under. */
export const STATUS_PREFIX = '/status';
const MOVED = '/moved';
/** incident.io and Statuspage both send this; it tells pollers to revalidate every time. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Serves `path` (the part after {@link STATUS_PREFIX}) from `pages`. */
export async function serveStatusPage(
  pages: StatusPages,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const m = /^\/([^/]+)(\/.*)?$/.exec(path);
  const id = m?.[1] ?? '';
  const rest = m?.[2] ?? '';
  const settings = pages.get(id);
  if (settings === undefined) return send(res, notFound());
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    return send(res, { status: 405, headers: { allow: 'GET, HEAD' }, body: '' });
  }
  // Where a `redirect` page sends pollers: the new platform's HTML, whatever was asked for.
  if (rest === MOVED) return send(res, htmlPage(settings.title), method);
  const { mode } = settings;
  if (mode === 'slow' && !(await waitUnlessClosed(settings.slowMs, res))) return;
  if (mode !== 'ok' && mode !== 'slow') {
    return send(res, brokenAnswer(mode, settings.title, `${STATUS_PREFIX}/${id}${MOVED}`), method);
  }
  const view = pages.view(id);
  const doc = view === undefined ? undefined : pageDocument(view, rest, pages.toPageMs);
  if (view === undefined || doc === undefined) return send(res, notFound(), method);
  const etag = entityTag(doc.body);
  const lastModifiedMs = pages.toPageMs(view.changedMs);
  const validators = {
    etag,
    'last-modified': new Date(lastModifiedMs).toUTCString(),
    'cache-control': CACHE_CONTROL,
  };
  if (isNotModified(req.headers, etag, lastModifiedMs)) {
    return send(res, { status: 304, headers: validators, body: '' }, 'HEAD');
  }
  send(
    res,
    { status: 200, headers: { ...validators, 'content-type': doc.contentType }, body: doc.body },
    method,
  );
}

/** An unknown path answers as real pages do: an HTML 404, never JSON. */
function notFound(): CannedAnswer {
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>404</h1></body></html>\n',
  };
}

function send(res: ServerResponse, answer: CannedAnswer, method = 'GET'): void {
  const length = Buffer.byteLength(answer.body);
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.status !== 304) headers['content-length'] = String(length);
  res.writeHead(answer.status, headers);
  res.end(method === 'HEAD' ? undefined : answer.body);
}
