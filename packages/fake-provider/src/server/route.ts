/** Maps a request line to the emulated endpoint, the admin API, or a provider-shaped 404. */
import type { Provider } from '../protocol/index.js';

/** Where a request goes. */
export type Route =
  | { readonly kind: 'admin'; readonly path: string }
  | {
      readonly kind: 'provider';
      readonly provider: Provider;
      readonly model: string | undefined;
      readonly stream: boolean;
    }
  | { readonly kind: 'not_found'; readonly provider: Provider | undefined; readonly path: string };

const ADMIN_PREFIX = '/_faultline';
/** Gemini: /v1beta/models/{model}:generateContent (also /v1 and /v1alpha). */
const GEMINI = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/** Routes by method and path; the query string only matters to the admin API. */
export function route(method: string, url: string): Route {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
    return { kind: 'admin', path: path.slice(ADMIN_PREFIX.length) };
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
        model: safeDecode(gemini[1] ?? ''),
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
