/**
 * Escaping for untrusted text (incident names, update text, component names, provider ids) in
 * HTML and XML. Every string the page did not write itself goes through one of these.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Characters XML 1.0 does not allow at all, not even as references (XML 1.0 §2.2 `Char`): C0
 * controls other than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in XML content and quoted attributes; characters XML cannot carry are dropped. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML_CHAR, '')).replace(/&#39;/g, '&apos;');
}
