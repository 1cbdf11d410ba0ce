import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from './escape-markup.js';
import { etagMatches } from './cached-reply.js';

describe('escaping', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['</script><script>', '&lt;/script&gt;&lt;script&gt;'],
    [`a "b" & 'c'`, 'a &quot;b&quot; &amp; &#39;c&#39;'],
  ])('escapes %s for HTML', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it('drops characters XML 1.0 cannot carry and keeps tabs, newlines and astral characters', () => {
    expect(escapeXml("a\u0000b\u001bc\uFFFE\uD800d\te\nf 😀 'g'")).toBe(
      'abcd\te\nf 😀 &apos;g&apos;',
    );
  });
});

describe('etagMatches', () => {
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
  ])('%s → %s', (header, expected) => {
    expect(etagMatches(header, '"abc"')).toBe(expected);
  });
});
