// Checks every relative link in a repository's markdown: the file exists, inside the repository, with its #anchor.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { anchorsOf } from './markdown-anchors.mjs';
import { extractLinks } from './markdown-links.mjs';

/**
 * @typedef {object} LinkProblem
 * @property {string} file path relative to the root, with `/`
 * @property {number} line
 * @property {string} message
 */

/** Folders never searched: installed and built code, and dot-folders (.git, .bench, .ci). */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage']);

/** A scheme (`https:`, `mailto:`) or `//host`: a link this check does not follow. */
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** GitHub's line anchors on a non-markdown file: `#L10`, `#L10-L20`. */
const LINE_ANCHOR = /^L\d+(?:-L\d+)?$/;

/**
 * Markdown files under `root`, sorted, as paths relative to it with `/`.
 * @param {string} root
 * @returns {string[]}
 */
export function markdownFiles(root) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(path);
    }
  };
  walk(root);
  return out.map((p) => relative(root, p).split(sep).join('/')).sort();
}

/**
 * Every problem with the links of the markdown files under `root`. A link may not leave the
 * repository (a clone has nothing beside it), must name an existing file or folder, and its
 * `#anchor` must be a heading or HTML id of the markdown file it names.
 * @param {string} root
 * @returns {{ files: number, links: number, problems: LinkProblem[] }}
 */
export function checkMarkdown(root) {
  const top = resolve(root);
  /** @type {Map<string, Set<string>>} */
  const anchorCache = new Map();
  const anchorsIn = (/** @type {string} */ path) => {
    let found = anchorCache.get(path);
    if (found === undefined) anchorCache.set(path, (found = anchorsOf(readFileSync(path, 'utf8'))));
    return found;
  };
  /** @type {LinkProblem[]} */
  const problems = [];
  let links = 0;
  const files = markdownFiles(top);
  for (const file of files) {
    const from = join(top, file);
    for (const { target, line } of extractLinks(readFileSync(from, 'utf8'))) {
      if (ABSOLUTE.test(target)) continue;
      links++;
      const message = problemOf(top, from, target, anchorsIn);
      if (message !== null) problems.push({ file, line, message });
    }
  }
  return { files: files.length, links, problems };
}

/**
 * What is wrong with one relative link, or null.
 * @param {string} top the repository root, absolute
 * @param {string} from the markdown file the link is in, absolute
 * @param {string} target
 * @param {(path: string) => Set<string>} anchorsIn
 * @returns {string | null}
 */
function problemOf(top, from, target, anchorsIn) {
  const hash = target.indexOf('#');
  const pathPart = (hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? null : target.slice(hash + 1);
  let decoded;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return `${target}: malformed percent-encoding`;
  }
  // A path from `/` is from the repository's root on GitHub.
  const base = decoded.startsWith('/') ? top : dirname(from);
  const path = decoded === '' ? from : resolve(base, decoded.replace(/^\/+/, ''));
  const inside = relative(top, path);
  if (inside.startsWith('..') || isAbsolute(inside)) return `${target}: leaves the repository`;
  const kind = statKind(path);
  if (kind === null) return `${target}: no such file`;
  if (anchor === null || anchor === '' || kind === 'dir') return null;
  if (extname(path).toLowerCase() !== '.md') {
    return LINE_ANCHOR.test(anchor) ? null : `${target}: #${anchor} is not a line anchor`;
  }
  const offered = anchorsIn(path);
  const wanted = decodeAnchor(anchor);
  return offered.has(wanted) || offered.has(wanted.toLowerCase())
    ? null
    : `${target}: no heading or id #${anchor}`;
}

/**
 * @param {string} path
 * @returns {'file' | 'dir' | null}
 */
function statKind(path) {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/**
 * An anchor percent-decoded where that is well-formed (`#caf%C3%A9` is `#café`).
 * @param {string} anchor
 */
function decodeAnchor(anchor) {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}
