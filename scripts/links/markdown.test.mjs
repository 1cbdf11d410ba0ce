// Table tests of the markdown reading behind `npm run links`: which links are seen, which anchors exist.
import { describe, expect, it } from 'vitest';
import { anchorsOf, headingText, slugify } from './markdown-anchors.mjs';
import { extractLinks } from './markdown-links.mjs';

const targets = (/** @type {string} */ text) => extractLinks(text).map((l) => l.target);

describe('extractLinks', () => {
  it.each([
    ['inline link', 'see [docs](docs/a.md) now', ['docs/a.md']],
    ['image', '![chart](img/c.png)', ['img/c.png']],
    ['title after the destination', '[a](b.md "the title")', ['b.md']],
    ['angle brackets', '[a](<with space.md>)', ['with space.md']],
    ['balanced parentheses', '[a](x_(y).md)', ['x_(y).md']],
    ['anchor only', '[a](#usage)', ['#usage']],
    ['two on a line', '[a](a.md) and [b](b.md#x)', ['a.md', 'b.md#x']],
    ['reference definition', '  [ref]: ../out.md "t"', ['../out.md']],
    ['code span is not a link', 'run `[a](b.md)` here', []],
    ['double-backtick span', 'run ``a ` [a](b.md)`` here', []],
    ['html comment', '<!-- [a](b.md) -->', []],
    ['no closing parenthesis', '[a](b.md', []],
  ])('%s', (_name, text, expected) => {
    expect(targets(text)).toEqual(expected);
  });

  it('skips fenced code blocks, closed or not, and keeps line numbers', () => {
    const text = [
      '[one](1.md)',
      '```md',
      '[in](fence.md)',
      '```',
      '~~~~',
      '[in](tilde.md)',
      '~~~ still open: a shorter or different fence does not close it',
      '~~~~',
      '[two](2.md)',
      '````',
      '[never](closed.md)',
    ].join('\n');
    expect(extractLinks(text)).toEqual([
      { target: '1.md', line: 1 },
      { target: '2.md', line: 9 },
    ]);
  });
});

describe('slugify and headingText, as GitHub names anchors', () => {
  it.each([
    ['How classification decides', 'how-classification-decides'],
    [
      'Layers, classification and diagnosis v1 — the output contract',
      'layers-classification-and-diagnosis-v1--the-output-contract',
    ],
    ['`faultline classify` output', 'faultline-classify-output'],
    ['`GET /v1/events` — Server-Sent Events', 'get-v1events--server-sent-events'],
    ['A [linked](x.md) **bold** _word_', 'a-linked-bold-word'],
    ['snake_case stays', 'snake_case-stays'],
    ['Café & crème', 'café--crème'],
  ])('%s → %s', (heading, slug) => {
    expect(slugify(headingText(heading))).toBe(slug);
  });
});

describe('anchorsOf', () => {
  it('numbers repeated headings and reads setext headings and HTML ids', () => {
    const text = [
      '# Title',
      '## Usage',
      '## Usage',
      'Usage',
      '-----',
      'Other',
      '=====',
      '<a id="records-parsing-notes"></a>',
    ].join('\n');
    expect([...anchorsOf(text)].sort()).toEqual(
      ['other', 'records-parsing-notes', 'title', 'usage', 'usage-1', 'usage-2'].sort(),
    );
  });

  it('does not count headings in code blocks, a rule after a blank line, or #words', () => {
    const text = ['```sh', '# a comment', '```', '', '---', '#hashtag', '- item', '---'].join('\n');
    expect([...anchorsOf(text)]).toEqual([]);
  });

  it('gives a taken slug the next free number, as github-slugger does', () => {
    expect([...anchorsOf('# a\n# a\n# a-1\n')]).toEqual(['a', 'a-1', 'a-1-1']);
  });
});
