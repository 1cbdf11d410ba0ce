// Blanks out the parts of a markdown text that are not prose: code blocks, code spans, comments.

/** An opening or closing code fence (CommonMark §4.5): three or more ` or ~, indented ≤ 3. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * `text` with every line inside a fenced code block (fences included) emptied. Line numbers stay
 * as they were. A fence that never closes runs to the end, as CommonMark says.
 * @param {string} text
 * @returns {string}
 */
export function blankFences(text) {
  const lines = text.split('\n');
  /** @type {string | null} */
  let open = null;
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i] ?? '');
    if (open === null) {
      // A backtick fence's info string may not contain a backtick (§4.5).
      if (m === null || (m[1]?.[0] === '`' && (m[2] ?? '').includes('`'))) continue;
      open = m[1] ?? null;
      lines[i] = '';
    } else {
      const closes =
        m !== null && m[1]?.[0] === open[0] && (m[1]?.length ?? 0) >= open.length && !m[2]?.trim();
      if (closes) open = null;
      lines[i] = '';
    }
  }
  return lines.join('\n');
}

/** A code span: a backtick run, content without a blank line, the same run (§6.1). */
const CODE_SPAN = /(`+)((?:(?!\n[ \t]*\n)[^])*?[^`])\1(?!`)/g;

/** An HTML comment, which renders as nothing. */
const COMMENT = /<!--[^]*?-->/g;

/**
 * `text` with code spans and HTML comments replaced by spaces (newlines kept), so what they
 * contain is not read as links while every column and line stays where it was.
 * @param {string} text
 * @returns {string}
 */
export function blankSpans(text) {
  const blank = (/** @type {string} */ s) => s.replace(/[^\n]/g, ' ');
  return text.replace(CODE_SPAN, blank).replace(COMMENT, blank);
}

/**
 * Fences, then code spans and comments, blanked: only prose and its links remain.
 * @param {string} text
 */
export function blankCode(text) {
  return blankSpans(blankFences(text));
}
