// Fuzzed config files: read → validate throws nothing but a ConfigError whose every problem is `path: problem`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isConfigError } from '@faultline/core';
import { readDocument, validateConfig } from '../../src/config/index.js';
import { fuzzParams } from './fuzz-params.js';

/** `formatPath` output (`probes[0].golden["a b"]`, `(top level)`), or a syntax error's place. */
const PROBLEM =
  /^(\(top level\)|([A-Za-z_][\w-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])(\.[A-Za-z_][\w-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*|line \d+, column \d+): \S/s;

/** Runs the loader's steps on `text`; returns the problems, or [] when the config is valid. */
function load(text: string, env: Record<string, string> = {}): readonly string[] {
  const read = readDocument(text);
  if (!read.ok) return read.problems;
  try {
    validateConfig(read.document, { env });
    return [];
  } catch (e: unknown) {
    if (!isConfigError(e)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    return e.problems;
  }
}

const KEYS = [
  'listen',
  'store',
  'retention',
  'records',
  'tokens',
  'name',
  'role',
  'token',
  'status_pages',
  'kind',
  'url',
  'probes',
  'notify',
  'gateway',
  'breaker',
  'golden',
  'every',
  'x y',
  '0',
];
const scalar = fc.oneof(
  fc.constantFrom(
    '127.0.0.1:7600',
    '7d',
    '30s',
    'postgres://u@h/db',
    'statuspage',
    'https://status.example.com',
    '${TOKEN}',
    '${NOPE}',
    '${1x}',
    '$${x}',
    'ingest',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/** Config-shaped values: the real keys, nested as the schema nests them, with any leaves. */
const configish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(
    fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })),
    tie('value'),
    { maxKeys: 4 },
  ),
})).map;

/** YAML fragments; `*` (aliases) and `<<` (merges) are left to the known-bug tests below. */
const yamlish = fc
  .array(
    fc.constantFrom(
      'listen: ',
      'store:',
      '\n',
      '  ',
      '- ',
      '{',
      '}',
      '[',
      ']',
      ',',
      ': ',
      '"',
      "'",
      '#',
      '&a ',
      '!!str ',
      '!!int ',
      '!!binary ',
      '%YAML 1.2\n---\n',
      '---\n',
      '${X}',
      'x',
      '7d',
      '\t',
      '?',
      '|',
      '>',
    ),
    { maxLength: 30 },
  )
  .map((p) => p.join(''));

describe('config fuzz', () => {
  it('throws only a ConfigError, every problem `path: problem`, for config-shaped YAML and JSON', () => {
    fc.assert(
      fc.property(configish, fc.boolean(), (doc, asJson) => {
        const text = asJson ? JSON.stringify(doc) : stringify(doc);
        for (const p of load(text, { TOKEN: 'secret-token-value-1' })) expect(p).toMatch(PROBLEM);
      }),
      fuzzParams(400, 1460),
    );
  });

  it('throws only a ConfigError, every problem `path: problem`, for arbitrary text', () => {
    const text = fc.oneof(
      yamlish,
      fc.string({ unit: 'binary', maxLength: 80 }).filter((t) => !/\*|<</.test(t)),
    );
    fc.assert(
      fc.property(text, (t) => {
        for (const p of load(t)) expect(p).toMatch(PROBLEM);
      }),
      fuzzParams(1000, 1461),
    );
  });

  it('never shows the value of an environment variable in a problem', () => {
    fc.assert(
      fc.property(
        configish,
        fc.string({ minLength: 8, maxLength: 20 }).filter((s) => /^\w+$/.test(s)),
        (doc, secret) => {
          const text = stringify({
            ...(typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc : {}),
            listen: '${SECRET}',
            store: ['${SECRET}'],
          });
          for (const p of load(text, { SECRET: `s3cr3t-${secret}` }))
            expect(p).not.toContain(`s3cr3t-${secret}`);
        },
      ),
      fuzzParams(300, 1462),
    );
  });

  it.each([
    ['an unresolved alias', '*x'],
    ['an alias of an anchor defined later', 'a: *b\nb: &b 1'],
    [
      'too many aliases',
      `a: &a [1]\nb: [${Array(101).fill('*a').join(', ')}]`, // over readDocument's maxAliasCount
    ],
    ['a YAML 1.1 merge of a scalar', '%YAML 1.1\n---\n<<: 1'],
    ['a circular alias', '&a [*a]'],
  ])('reports %s as a ConfigError with a place', (_what, text) => {
    const problems = load(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(PROBLEM);
  });

  // KNOWN BUGS (reported, issue 14 FZ): a tagged set or timestamp at the top is read as an empty
  // config; hiding an expanded value can garble a path. Flip each to `it` once fixed.
  it.fails.each([
    ['a set as the document', '!!set {listen}'],
    // hideExpansions swaps the short value "[" back to its template inside the path `[""]`
    ['a short expanded value that occurs in its own path', ': ${X}['],
  ])('reports %s as a ConfigError with a place', (_what, text) => {
    const problems = load(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(PROBLEM);
  });
});
