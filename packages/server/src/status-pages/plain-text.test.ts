import { describe, expect, it } from 'vitest';
import { pageText, plainText, xmlContent, xmlText } from './plain-text.js';

describe('plainText (HTML-bearing text: feed descriptions)', () => {
  it.each([
    ['tags removed', 'Elevated <b>errors</b> on <a href="x">API</a>', 'Elevated errors on API'],
    ['scripts dropped with their content', 'a<script>alert(1)</script>b', 'a b'],
    [
      'entities decoded once, not re-parsed as tags',
      '&lt;img src=x onerror=y&gt; &amp;amp;',
      '<img src=x onerror=y> &amp;',
    ],
    ['numeric entities', '&#x41;&#66;', 'AB'],
    ['CDATA unwrapped', '<![CDATA[Outage <i>now</i>]]>', 'Outage now'],
    ['control characters and runs of space collapsed', 'a\u0000\u0007  b\n\tc\u202e', 'a b c'],
  ])('%s', (_name, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('bounds the length, marking the cut', () => {
    const out = plainText('x'.repeat(500), 10);
    expect(out).toBe(`${'x'.repeat(9)}…`);
    expect(plainText('short', 10)).toBe('short');
  });
});

describe('pageText (strings of a JSON document)', () => {
  it.each([
    ['angle brackets kept', 'API <beta>', 'API <beta>'],
    [
      'what looks like a tag kept',
      'Errors on <b>Opus</b> & <script>x</script>',
      'Errors on <b>Opus</b> & <script>x</script>',
    ],
    ['entities not decoded: JSON is not HTML', 'AT&amp;T &lt;x&gt;', 'AT&amp;T &lt;x&gt;'],
    ['control characters and runs of space collapsed', 'a\u0000  b\n\tc\u202e', 'a b c'],
  ])('%s', (_name, input, expected) => {
    expect(pageText(input)).toBe(expected);
  });

  it('bounds the length', () => {
    expect(pageText('<'.repeat(300), 5)).toBe('<<<<…');
  });
});

describe('xmlText (an XML element’s text: feed and item titles)', () => {
  it.each([
    ['escaped brackets read as text', 'API &lt;beta&gt; &amp; more', 'API <beta> & more'],
    ['CDATA kept as written', '<![CDATA[API <beta> & more]]>', 'API <beta> & more'],
    ['CDATA entities not decoded', '<![CDATA[a &amp; b]]>', 'a &amp; b'],
    ['text around CDATA read', 'x &lt; <![CDATA[<y>]]> z', 'x < <y> z'],
    ['child elements dropped', 'Outage <i>now</i>', 'Outage now'],
  ])('%s', (_name, input, expected) => {
    expect(xmlText(input)).toBe(expected);
  });
});

describe('a feed description: XML text carrying HTML', () => {
  it.each([
    [
      'escaped HTML read, then its tags removed',
      '&lt;p&gt;Elevated &lt;b&gt;errors&lt;/b&gt;&lt;/p&gt;',
      'Elevated errors',
    ],
    [
      'HTML in CDATA removed',
      '<![CDATA[<p>Errors on API &lt;beta&gt;</p>]]>',
      'Errors on API <beta>',
    ],
    ['a bracket escaped twice is text', 'a &amp;lt;script&amp;gt; b', 'a <script> b'],
  ])('%s', (_name, input, expected) => {
    expect(plainText(xmlContent(input))).toBe(expected);
  });
});
