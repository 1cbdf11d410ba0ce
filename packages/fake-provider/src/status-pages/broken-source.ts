/** The answers of a broken status source: what a poller must read as "unknown" (pure). */
import { xmlEscape } from './render-feed.js';
import type { StatusPageMode } from './status-page.js';

/** A canned answer. */
export interface CannedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const HTML = 'text/html; charset=utf-8';

/** An HTML status page, as a browser sees it (and as a migrated page answers an API path). */
export function htmlPage(title: string): CannedAnswer {
  const body =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${xmlEscape(title)}</title></head>` +
    '<body><div id="root"><h1>Status</h1><p>Loading the current status…</p></div>' +
    '<script src="/assets/app.js"></script></body></html>\n';
  return { status: 200, headers: { 'content-type': HTML }, body };
}

/**
 * The answer for a broken `mode` (not `ok` or `slow`, which serve the document): `html` is the
 * page's HTML with 200; `error` a 503 from the origin; `redirect` a 301 to `movedPath`, which
 * serves HTML (a platform migration that drops the path, aiwatch#1004); `challenge` Cloudflare's
 * managed challenge: 403 with `cf-mitigated: challenge` and a "Just a moment..." page.
 */
export function brokenAnswer(
  mode: Exclude<StatusPageMode, 'ok' | 'slow'>,
  title: string,
  movedPath: string,
): CannedAnswer {
  switch (mode) {
    case 'html':
      return htmlPage(title);
    case 'error':
      return {
        status: 503,
        headers: { 'content-type': HTML, 'retry-after': '30' },
        body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>\n',
      };
    case 'redirect':
      return {
        status: 301,
        headers: { location: movedPath, 'content-type': HTML },
        body: `<html><body>Moved to <a href="${movedPath}">${movedPath}</a></body></html>\n`,
      };
    case 'challenge':
      return {
        status: 403,
        headers: {
          'content-type': HTML,
          'cf-mitigated': 'challenge',
          server: 'cloudflare',
          'cf-ray': '8f0000000000fake-IAD',
          'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
        },
        body:
          '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>' +
          '<noscript>Enable JavaScript and cookies to continue</noscript>' +
          '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>\n',
      };
  }
}
