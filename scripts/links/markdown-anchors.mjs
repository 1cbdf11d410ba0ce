// The #anchors a markdown file offers on GitHub: heading slugs and explicit HTML ids.
import { blankFences } from './markdown-code.mjs';

/** An ATX heading (CommonMark §4.2), with its optional closing run of `#`. */
const ATX = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A setext underline (§4.3): the line before it, when it is prose, is the heading. */
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** An element with an `id` or `name`, e.g. `<a id="records-parsing-notes"></a>`. */
const HTML_ID = /<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']/gi;

/**
 * GitHub's heading slug (github-slugger): lower case, drop every character that is not a
 * letter, mark, number, connector (`_`), space or hyphen, then each space becomes a hyphen.
 * So "Layers — the contract" is `layers--the-contract`.
 * @param {string} heading plain heading text
 */
export function slugify(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The text a heading renders as: link and image text kept, code spans' backticks, HTML tags
 * and emphasis markers removed.
 * @param {string} raw
 */
export function headingText(raw) {
  return raw
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, '$1')
    .replace(/(`+)([^`]|[^`][^]*?[^`])\1/g, (_, _ticks, code) => String(code).trim())
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*{1,3}|_{1,3})(\S(?:[^]*?\S)?)\1(?![\p{L}\p{N}])/gu, '$2');
}

/**
 * Every anchor `text` offers: one per heading, repeats numbered `-1`, `-2`… as GitHub does,
 * plus the ids and names of HTML elements. Headings inside code blocks do not count.
 * @param {string} text
 * @returns {Set<string>}
 */
export function anchorsOf(text) {
  const lines = blankFences(text).split('\n');
  /** @type {Map<string, number>} */
  const seen = new Map();
  const anchors = new Set();
  // github-slugger's numbering: a taken slug gets the next free `-n` of its base.
  const add = (/** @type {string} */ raw) => {
    const base = slugify(headingText(raw));
    let slug = base;
    while (seen.has(slug)) {
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    anchors.add(slug);
  };
  lines.forEach((line, i) => {
    const atx = ATX.exec(line);
    if (atx !== null) add(atx[1] ?? '');
    else if (i > 0 && SETEXT.test(line) && isProse(lines[i - 1] ?? '')) add(lines[i - 1] ?? '');
    for (const m of line.matchAll(HTML_ID)) anchors.add(m[1] ?? '');
  });
  return anchors;
}

/**
 * Whether a line can be a setext heading's text: not blank, not a heading, list item, quote,
 * table row or another underline.
 * @param {string} line
 */
function isProse(line) {
  return /\S/.test(line) && !/^ {0,3}(?:#|[-*+>|]|\d+[.)]|=+\s*$|-+\s*$)/.test(line);
}
