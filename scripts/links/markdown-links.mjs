// Finds the links in a markdown text: inline links and images, and reference definitions.
import { blankCode } from './markdown-code.mjs';

/**
 * @typedef {object} MarkdownLink
 * @property {string} target the destination as written (angle brackets and title removed)
 * @property {number} line 1-based line of the link
 */

/** A reference definition: `[label]: destination "title"`, up to three spaces indented. */
const REFERENCE = /^ {0,3}\[[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)/;

/**
 * Every link destination in `text`, in order. Code blocks and code spans are skipped, so a
 * `[x](y)` shown as code is not a link; autolinks and bare URLs are left out (they are absolute).
 * @param {string} text
 * @returns {MarkdownLink[]}
 */
export function extractLinks(text) {
  const lines = blankCode(text).split('\n');
  /** @type {MarkdownLink[]} */
  const links = [];
  lines.forEach((content, i) => {
    const ref = REFERENCE.exec(content);
    if (ref !== null) {
      links.push({ target: unbracket(ref[1] ?? ''), line: i + 1 });
      return;
    }
    for (const target of inlineTargets(content)) links.push({ target, line: i + 1 });
  });
  return links;
}

/**
 * Destinations of `[text](dest)` and `![alt](dest)` on one line. The destination is `<…>` or a
 * run without spaces whose parentheses balance (CommonMark §6.3), followed by an optional title.
 * @param {string} line
 * @returns {string[]}
 */
function inlineTargets(line) {
  const out = [];
  let at = line.indexOf('](');
  while (at !== -1) {
    const start = at + 2;
    const target = destinationAt(line, start);
    if (target !== null) out.push(target);
    at = line.indexOf('](', start);
  }
  return out;
}

/**
 * The destination starting at `start`, or null when none closes on this line.
 * @param {string} line
 * @param {number} start
 * @returns {string | null}
 */
function destinationAt(line, start) {
  let i = start;
  while (line[i] === ' ') i++;
  if (line[i] === '<') {
    const close = line.indexOf('>', i);
    return close === -1 ? null : line.slice(i + 1, close);
  }
  let depth = 0;
  const from = i;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === ' ' || c === '\t') break;
  }
  return i < line.length ? line.slice(from, i) : null;
}

/**
 * A destination without its angle brackets.
 * @param {string} dest
 */
function unbracket(dest) {
  return dest.startsWith('<') && dest.endsWith('>') ? dest.slice(1, -1) : dest;
}
