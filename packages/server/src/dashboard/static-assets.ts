/** The dashboard's built files (Vite's output in `dist/web/`), read once and kept in memory. */
import { readFile } from 'node:fs/promises';

/** One file ready to send. */
export interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
}

const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** Only Vite's flat, hashed names: no separators, no dot-dot, so nothing outside the folder. */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;

/** Where the built files live: `dist/web/` of the package, whether this module runs from `dist/` or `src/`. */
export const DASHBOARD_DIR = new URL('../../dist/web/', import.meta.url);

/** Reads built files under `dir`, caching hits; `undefined` for a missing or unsafe name. */
export function createAssetReader(
  dir: URL = DASHBOARD_DIR,
): (path: string) => Promise<Asset | undefined> {
  const cache = new Map<string, Asset>();
  return async (path) => {
    const hit = cache.get(path);
    if (hit !== undefined) return hit;
    const parts = path.split('/');
    if (parts.length > 2 || !parts.every((p) => SAFE_NAME.test(p) && !p.includes('..')))
      return undefined;
    const ext = path.slice(path.lastIndexOf('.') + 1);
    const contentType = TYPES[ext];
    if (contentType === undefined) return undefined;
    try {
      const asset = { body: await readFile(new URL(path, dir)), contentType };
      cache.set(path, asset);
      return asset;
    } catch {
      return undefined;
    }
  };
}
