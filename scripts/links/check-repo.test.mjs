// Tests of the repository checks behind `npm run links`, on small repositories made in a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMarkdown, markdownFiles } from './check-markdown.mjs';
import { checkSpecCopies } from './spec-copies.mjs';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'check-links.mjs');
let base = '';
let repo = '';

/** Writes `files` (path → text) under the temp repository. */
function write(/** @type {Record<string, string>} */ files, at = repo) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(at, path)), { recursive: true });
    writeFileSync(join(at, path), text);
  }
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'links-'));
  repo = join(base, 'repo');
  mkdirSync(repo);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('checkMarkdown', () => {
  it('accepts files, folders, anchors, root-relative paths and line anchors that exist', () => {
    write({
      'README.md': '[a](docs/a.md#two-words) [d](docs/) [s](/src/x.ts#L3-L9) [self](#top)\n# Top\n',
      'docs/a.md': '## Two words\n[back](../README.md#top) [b](<b%20c.md>)\n',
      'docs/b c.md': 'x\n',
      'src/x.ts': '//\n',
    });
    expect(checkMarkdown(repo)).toEqual({ files: 3, links: 6, problems: [] });
  });

  it('reports a missing file, a missing anchor and a link that leaves the repository', () => {
    write({
      'README.md': 'ok\n[gone](docs/gone.md)\n[bad](docs/a.md#nope)\n[out](../shared/spec/x.md)\n',
      'docs/a.md': '# A\n[self](#a) [bad](#b) [ts](../x.ts#top)\n',
      'x.ts': '',
    });
    write({ 'shared/spec/x.md': '# X\n' }, base);
    expect(checkMarkdown(repo).problems).toEqual([
      { file: 'README.md', line: 2, message: 'docs/gone.md: no such file' },
      { file: 'README.md', line: 3, message: 'docs/a.md#nope: no heading or id #nope' },
      { file: 'README.md', line: 4, message: '../shared/spec/x.md: leaves the repository' },
      { file: 'docs/a.md', line: 2, message: '#b: no heading or id #b' },
      { file: 'docs/a.md', line: 2, message: '../x.ts#top: #top is not a line anchor' },
    ]);
  });

  it('leaves out node_modules, dist and dot-folders, and follows no absolute URL', () => {
    write({
      'a.md': '[web](https://example.com/x.md) [mail](mailto:a@b.c) [proto](//cdn/x.md)\n',
      'node_modules/p/README.md': '[x](gone.md)\n',
      'packages/p/dist/README.md': '[x](gone.md)\n',
      '.git/x.md': '[x](gone.md)\n',
    });
    expect(markdownFiles(repo)).toEqual(['a.md']);
    expect(checkMarkdown(repo)).toEqual({ files: 1, links: 0, problems: [] });
  });
});

describe('checkSpecCopies', () => {
  const spec = () => join(base, 'shared', 'spec');

  it('is skipped when the spec folder is not beside the clone', () => {
    expect(checkSpecCopies(repo, spec())).toEqual({ checked: false, copies: [], problems: [] });
  });

  it('passes identical copies and names a differing or missing one', () => {
    write(
      { 'shared/spec/a.md': 'A\n', 'shared/spec/b.md': 'B\n', 'shared/spec/c.md': 'C\n' },
      base,
    );
    write({ 'docs/a.md': 'A\n', 'docs/b.md': 'B \n' });
    const got = checkSpecCopies(repo, spec());
    expect(got.copies).toEqual(['docs/a.md', 'docs/b.md', 'docs/c.md']);
    expect(got.problems).toHaveLength(2);
    expect(got.problems[0]).toMatch(/^docs\/b\.md: differs from /);
    expect(got.problems[1]).toMatch(/^docs\/c\.md: missing /);
  });
});

describe('scripts/check-links.mjs', () => {
  const run = (/** @type {string[]} */ args) =>
    spawnSync(process.execPath, [SCRIPT, repo, ...args], { encoding: 'utf8' });

  it('exits 0 on a clean repository and says when the spec copies were not checked', () => {
    write({ 'README.md': '[a](docs/a.md)\n', 'docs/a.md': 'x\n' });
    const r = run(['--spec-dir', join(base, 'absent')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 relative links in 2 markdown files, 0 broken');
    expect(r.stdout).toContain('spec copies: not checked');
  });

  it('exits 1 and prints file:line for a broken link or a drifted spec copy', () => {
    write({ 'README.md': '\n[a](docs/none.md)\n' });
    expect(run([]).status).toBe(1);
    expect(run([]).stderr).toContain('README.md:2: docs/none.md: no such file');
    write({ 'README.md': 'fine\n', 'docs/a.md': 'old\n' });
    write({ 'shared/spec/a.md': 'new\n' }, base);
    const drifted = run([]);
    expect(drifted.status).toBe(1);
    expect(drifted.stderr).toContain('docs/a.md: differs from');
  });
});
