/** Keeps a report's link clicks inside the file: dashboard links become hash routes. */
import { hashForHref } from './report-routes.js';

/**
 * Sends clicks on the dashboard's links to their hash routes, and clicks on in-page anchors
 * (`#main`) to the element they name, so neither leaves the report. Returns the undo.
 */
export function interceptLinks(doc: Document): () => void {
  const onClick = (e: MouseEvent): void => {
    if (e.defaultPrevented || e.button !== 0) return;
    const a = (e.target as Element | null)?.closest?.('a');
    const href = a?.getAttribute('href');
    if (a === null || a === undefined || href === null || href === undefined) return;
    const hash = hashForHref(href);
    if (hash !== undefined) {
      e.preventDefault();
      doc.location.hash = hash;
      return;
    }
    if (href.startsWith('#') && !href.startsWith('#/')) {
      const target = doc.getElementById(href.slice(1));
      if (target === null) return;
      e.preventDefault();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}
