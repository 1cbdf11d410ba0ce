/**
 * One self-contained HTML file: the built report page (dist/web-report, made by
 * `npm run build:dashboard`) with its script and style sheet inlined, a Content-Security-Policy
 * that lets it load nothing at all, and the data as JSON in which no `<` is left.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Where the built report page lives, whether this module runs from `dist/` or `src/`. */
export const REPORT_DIR = new URL('../../../dist/web-report/', import.meta.url);

/** The built page and the two files it links. */
export interface ReportAssets {
  readonly html: string;
  readonly js: string;
  readonly css: string;
}

/** Reads the built report page; a clear error when the front end was not built. */
export async function readReportAssets(dir: URL = REPORT_DIR): Promise<ReportAssets> {
  try {
    const [html, js, css] = await Promise.all(
      ['report.html', 'report.js', 'report.css'].map((f) => readFile(new URL(f, dir), 'utf8')),
    );
    return { html: html!, js: js!, css: css! };
  } catch (e: unknown) {
    throw new Error(
      `the report page is not built (${new URL('report.html', dir).pathname}): run "npm run build:dashboard --workspace=faultline"`,
      { cause: e },
    );
  }
}

const SCRIPT = /<script\b[^>]*\bsrc="\.\/report\.js"[^>]*><\/script>/;
const STYLE = /<link\b[^>]*\bhref="\.\/report\.css"[^>]*>/;
const DATA = '<!-- faultline report data -->';
const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

/** JSON whose text holds no `<`, so nothing in it can end the `<script>` element it sits in. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The page with `data` embedded and its files inlined. */
export function reportHtml(assets: ReportAssets, data: unknown): string {
  // Neither can occur outside a string, template, regex or comment in a module, where the
  // escaped forms mean the same; the minified bundle holds neither today.
  const js = assets.js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
  const css = assets.css.replace(/<\/(style)/gi, '<\\/$1');
  const hash = createHash('sha256').update(js).digest('base64');
  const csp =
    `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; ` +
    `img-src data:; base-uri 'none'; form-action 'none'`;
  let html = assets.html;
  for (const [what, pattern, text] of [
    [
      'charset',
      CHARSET,
      `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    ],
    ['script', SCRIPT, `<script type="module">${js}</script>`],
    ['style sheet', STYLE, `<style>${css}</style>`],
    [
      'data',
      DATA,
      `<script type="application/json" id="faultline-report">${scriptSafeJson(data)}</script>`,
    ],
  ] as const) {
    if (html.search(pattern) === -1)
      throw new Error(`the built report page has no ${what} to fill in`);
    // A function, so that `$&` and the like in the text are not replacement patterns.
    html = html.replace(pattern, () => text);
  }
  return html;
}
