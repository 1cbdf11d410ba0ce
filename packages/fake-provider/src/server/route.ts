/** Maps a request line to the emulated endpoint, the admin API, or a provider-shaped 404. */
import type { Provider } from '../protocol/index.js';

/** Where a request goes. */
export type Route =
  | { readonly kind: 'admin'; readonly path: string }
  | { readonly kind: 'status'; readonly path: string }
  | {
      readonly kind: 'provider';
      readonly provider: Provider;
      readonly model: string | undefined;
      readonly stream: boolean;
    }
  | { readonly kind: 'not_found'; readonly provider: Provider | undefined; readonly path: string }
  | {
      readonly kind: 'bad_encoding';
      readonly provider: Provider | undefined;
      readonly path: string;
    };

const ADMIN_PREFIX = '/_faultline';
const STATUS_PREFIX = '/status';
/** Gemini: /v1beta/models/{model}:generateContent (also /v1 and /v1alpha). */
const GEMINI = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/**
 * Routes by method and path; the query string only matters to the admin API. A path or query with
 * malformed percent-encoding (RFC 3986 §2.1, or escapes that are not UTF-8) is `bad_encoding`,
 * answered 400, so nothing downstream decodes it and fails.
 */
export function route(method: string, url: string): Route {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (!decodes(path) || (q !== -1 && !decodes(url.slice(q + 1)))) {
    return { kind: 'bad_encoding', provider: guessProvider(path), path };
  }
  if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
    return { kind: 'admin', path: path.slice(ADMIN_PREFIX.length) };
  }
  if (path.startsWith(`${STATUS_PREFIX}/`)) {
    return { kind: 'status', path: path.slice(STATUS_PREFIX.length) };
  }
  if (method === 'POST') {
    if (path === '/v1/messages') {
      return { kind: 'provider', provider: 'anthropic', model: undefined, stream: false };
    }
    if (path === '/v1/chat/completions') {
      return { kind: 'provider', provider: 'openai', model: undefined, stream: false };
    }
    const gemini = GEMINI.exec(path);
    if (gemini !== null) {
      return {
        kind: 'provider',
        provider: 'google',
        model: decodeURIComponent(gemini[1] ?? ''),
        stream: gemini[2] === 'streamGenerateContent',
      };
    }
  }
  return { kind: 'not_found', provider: guessProvider(path), path };
}

/** Whose 404 to send: the provider whose URL space the path is in, if any. */
function guessProvider(path: string): Provider | undefined {
  if (path.startsWith('/v1/messages') || path.startsWith('/v1/complete')) return 'anthropic';
  if (/^\/v1(?:beta|alpha)\//.test(path) || /^\/v1\/models\/[^/]*:/.test(path)) return 'google';
  if (path.startsWith('/v1/')) return 'openai';
  return undefined;
}

/** Whether `text` percent-decodes (a stray `%`, `%zz` or a broken UTF-8 sequence does not). */
function decodes(text: string): boolean {
  if (!text.includes('%')) return true;
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
