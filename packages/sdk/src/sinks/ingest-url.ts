/** Where the HTTP batch sink POSTs: a server's base URL, or the full ingest URL. */
import { ConfigError } from '@faultline/core';

/** The ingest path of the Faultline server (server-api.md, `POST /v1/records`). */
export const INGEST_PATH = 'v1/records';

/**
 * The URL to POST to. A URL whose path is `/` (`http://127.0.0.1:7600`) or ends with `/` (a
 * server behind a path prefix, `https://ops.example.com/faultline/`) gets `v1/records` appended;
 * any other path (`http://127.0.0.1:7600/v1/records`, a custom receiver) is used as it is.
 * Throws a `ConfigError` for anything but an absolute http(s) URL; the message never repeats
 * the URL, which may carry credentials.
 */
export function ingestUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('invalid HTTP batch sink options', [
      'url: not an absolute URL (e.g. http://127.0.0.1:7600)',
    ]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError('invalid HTTP batch sink options', [
      `url: must be http: or https:, not ${parsed.protocol}`,
    ]);
  }
  if (parsed.pathname.endsWith(`/${INGEST_PATH}/`)) parsed.pathname = parsed.pathname.slice(0, -1);
  else if (parsed.pathname.endsWith('/')) parsed.pathname += INGEST_PATH;
  return parsed.href;
}
