/**
 * Routing inside a report file, which is opened from `file://`: pages are hash routes
 * (`#/incidents/ID`), and the dashboard's own links (`/`, `/incidents/ID`) are mapped to them.
 */

/** The page a location hash names. */
export type ReportRoute =
  { readonly page: 'list' } | { readonly page: 'incident'; readonly id: string };

/** `#/incidents/ID` → that incident; anything else → the list. */
export function routeOf(hash: string): ReportRoute {
  const m = /^#\/incidents\/([^/]+)$/.exec(hash);
  if (m?.[1] === undefined) return { page: 'list' };
  try {
    return { page: 'incident', id: decodeURIComponent(m[1]) };
  } catch {
    return { page: 'list' };
  }
}

/** The hash route for a dashboard link's `href`; `undefined` for any other link. */
export function hashForHref(href: string): string | undefined {
  if (href === '/') return '#/';
  if (/^\/incidents\/[^/]+$/.test(href)) return `#${href}`;
  return undefined;
}
