import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.js';

describe('plainText', () => {
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
