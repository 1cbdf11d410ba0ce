/**
 * Untrusted page text made plain and bounded, by what the source is: text from a JSON document is
 * already text and kept as written (`pageText`: a component called "API <beta>" must still match
 * its configured name); an XML text element has its entities and CDATA read (`xmlText`); only
 * HTML-bearing text (RSS/Atom descriptions) has markup removed (`plainText`). All three drop
 * control characters and collapse whitespace. The result is text to store; wherever it is shown
 * it is escaped for that medium.
 */

/** Longest incident title kept, in characters. */
export const MAX_TITLE_CHARS = 200;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const stripTags = (text: string): string =>
  text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');

/** Control and bidi-override characters dropped, runs of space collapsed, bounded. */
function bounded(text: string, maxChars: number): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length <= maxChars ? clean : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** A string from a JSON document: kept as written (no markup or entities read), bounded. */
export function pageText(text: string, maxChars: number = MAX_TITLE_CHARS): string {
  return bounded(text, maxChars);
}

/** An XML element's content as text: CDATA kept as written, entities decoded once, elements dropped. */
export function xmlContent(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/g)
    .map((part, i) => (i % 2 === 1 ? part.slice(9, -3) : decodeEntities(stripTags(part))))
    .join('');
}

/** The text of an XML element (a feed's or an item's title), bounded. */
export function xmlText(text: string, maxChars: number = MAX_TITLE_CHARS): string {
  return bounded(xmlContent(text), maxChars);
}

/** HTML-bearing `text` (a feed description) as plain text: markup removed, entities decoded once. */
export function plainText(text: string, maxChars: number = MAX_TITLE_CHARS): string {
  return bounded(
    decodeEntities(stripTags(text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1'))),
    maxChars,
  );
}
