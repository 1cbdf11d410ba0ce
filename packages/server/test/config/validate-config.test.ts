// validateConfig: the whole spec example, defaults, and table-driven bad configs with their problems.
import { isConfigError } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultConfig, validateConfig, type FaultlineConfig } from '../../src/config/index.js';
import { SPEC_ENV, specExample } from './spec-example.js';

/** The problems validateConfig reports for `document` (fails the test when it accepts it). */
function problemsOf(document: unknown, env: Record<string, string> = {}): readonly string[] {
  try {
    validateConfig(document, { env, source: 'test.yaml' });
  } catch (e: unknown) {
    if (isConfigError(e)) return e.problems;
    throw e;
  }
  throw new Error('accepted');
}

const TARGET = {
  name: 'a',
  api: 'anthropic',
  provider: 'anthropic',
  base_url: 'https://api.anthropic.com',
};
const gateway = (extra: Record<string, unknown>) => ({
  gateway: { targets: [TARGET], routes: [{ path: '/a', targets: ['a'] }], ...extra },
});

describe('validateConfig', () => {
  it('loads the complete example of spec/config.md with the meaning it gives each key', () => {
    const c = validateConfig(parse(specExample()), { env: SPEC_ENV });
    expect(c.listen).toEqual({ host: '127.0.0.1', port: 7600 });
    expect(c.store).toEqual({ driver: 'sqlite', path: './faultline.db' });
    expect(c.retention.records).toBe(7 * 86_400_000);
    expect(c.tokens.map((t) => [t.name, t.role, t.token])).toEqual([
      ['checkout-api', 'ingest', SPEC_ENV.FAULTLINE_INGEST_TOKEN],
      ['oncall', 'admin', SPEC_ENV.FAULTLINE_ADMIN_TOKEN],
    ]);
    expect(c.status_pages).toEqual([
      {
        provider: 'anthropic',
        kind: 'statuspage',
        url: 'https://status.anthropic.com',
        every: 60_000,
        components: { 'Claude API': ['*'] },
      },
    ]);
    expect(c.probes[0]).toMatchObject({
      api: 'anthropic',
      base_url: 'https://api.anthropic.com',
      every: 30_000,
      api_key: SPEC_ENV.ANTHROPIC_API_KEY,
    });
    expect(c.probes[0]?.golden).toEqual([
      { prompt: 'Reply with the single word: pong', expect: { contains: 'pong' } },
    ]);
    expect(c.notify.map((n) => [n.name, n.kind, n.when])).toEqual([
      ['oncall-slack', 'slack', { owner: ['ours', 'provider'] }],
      ['pager', 'pagerduty', { owner: ['ours'] }],
      ['hooks', 'webhook', {}],
    ]);
    expect(c.notify[1]).toMatchObject({
      routing_key: SPEC_ENV.PAGERDUTY_ROUTING_KEY,
      url: 'https://events.pagerduty.com/v2/enqueue',
    });
    expect(c.gateway?.listen).toEqual({ host: '127.0.0.1', port: 7601 });
    expect(c.gateway?.records?.token).toBe(SPEC_ENV.FAULTLINE_INGEST_TOKEN);
    expect(c.gateway?.targets.map((t) => [t.name, t.api_key])).toEqual([
      ['anthropic', null],
      ['anthropic-eu', null],
    ]);
    expect(c.gateway?.routes).toEqual([
      { path: '/anthropic', targets: ['anthropic', 'anthropic-eu'], models: {}, failover: true },
    ]);
    expect(c.status_page?.components[0]?.uses).toEqual([
      'anthropic/claude-opus-4-7',
      'openai/gpt-5.1',
    ]);
    expect(c.breaker).toEqual({ open_on: ['provider', 'model', 'network'], recovery: 'evidence' });
  });

  it('runs with no configuration at all: every default of spec/config.md', () => {
    const expected: FaultlineConfig = {
      listen: { host: '127.0.0.1', port: 7600 },
      store: { driver: 'sqlite', path: './faultline.db' },
      retention: { records: 604_800_000, rollups: 7_776_000_000 },
      tokens: [],
      metrics: { token: null },
      status_pages: [],
      probes: [],
      notify: [],
      gateway: null,
      status_page: null,
      breaker: { open_on: ['provider', 'model', 'network'], recovery: 'evidence' },
    };
    expect(defaultConfig()).toEqual(expected);
    expect(validateConfig(null, { env: {} })).toEqual(expected);
  });

  it.each<[string, unknown, Partial<FaultlineConfig> | ((c: FaultlineConfig) => unknown)]>([
    [
      'a PostgreSQL store',
      { store: 'postgres://u:p@127.0.0.1:5432/db' },
      { store: { driver: 'postgres', url: 'postgres://u:p@127.0.0.1:5432/db' } },
    ],
    [
      'an IPv6 listen address and port 0',
      { listen: '[::1]:0' },
      { listen: { host: '::1', port: 0 } },
    ],
    [
      'a single `when` value for a list',
      {
        notify: [
          { name: 'n', kind: 'teams', url: 'https://x.example/h', when: { layer: 'provider' } },
        ],
      },
      (c) => expect(c.notify[0]?.when).toEqual({ layer: ['provider'] }),
    ],
    [
      'a probe of an OpenAI-compatible API with its base_url',
      {
        probes: [{ provider: 'acme', model: 'm', base_url: 'http://127.0.0.1:9/v1', every: '15s' }],
      },
      (c) =>
        expect(c.probes[0]).toMatchObject({
          api: 'openai',
          base_url: 'http://127.0.0.1:9/v1',
          every: 15_000,
        }),
    ],
    [
      'a route with renames and failover off',
      gateway({
        routes: [{ path: '/a', targets: ['a'], models: { a: { x: 'y' } }, failover: false }],
      }),
      (c) =>
        expect(c.gateway?.routes[0]).toEqual({
          path: '/a',
          targets: ['a'],
          models: { a: { x: 'y' } },
          failover: false,
        }),
    ],
    [
      'a breaker that never opens',
      { breaker: { open_on: [] } },
      (c) => expect(c.breaker.open_on).toEqual([]),
    ],
  ])('accepts %s', (_name, document, expected) => {
    const c = validateConfig(document, { env: {} });
    if (typeof expected === 'function') expected(c);
    else expect(c).toMatchObject(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown top-level key', { listne: '127.0.0.1:1' }, ['listne: unknown key']],
    [
      'a store URL of another database',
      { store: 'mysql://root@127.0.0.1/db' },
      ['store: not a store this version knows: a SQLite path or a postgres:// URL'],
    ],
    [
      'unknown nested keys, each with its path',
      { retention: { record: '1d' }, probes: [{ provider: 'anthropic', model: 'm', evry: '30s' }] },
      ['retention.record: unknown key', 'probes[0].evry: unknown key'],
    ],
    [
      'the duration of the brief',
      { probes: [{ provider: 'anthropic', model: 'm', every: '30 seconds' }] },
      ['probes[0].every: not a duration ("30 seconds"); use 500ms, 30s, 5m, 2h or 7d'],
    ],
    [
      'a probe faster than 15s',
      { probes: [{ provider: 'anthropic', model: 'm', every: '5s' }] },
      ['probes[0].every: "5s" is out of range (15s to 1d)'],
    ],
    [
      'a duration without a unit',
      { retention: { records: 7 } },
      ['retention.records: a duration needs a unit (7); use 500ms, 30s, 5m, 2h or 7d'],
    ],
    [
      'a bad listen address',
      { listen: 'localhost' },
      ['listen: not a host:port ("localhost"); e.g. 127.0.0.1:7600 or [::1]:7600'],
    ],
    [
      'a port out of range',
      { listen: '127.0.0.1:70000' },
      ['listen: not a host:port ("127.0.0.1:70000"); e.g. 127.0.0.1:7600 or [::1]:7600'],
    ],
    [
      'a wrong type and a missing key',
      { tokens: [{ name: 7, role: 'ingest' }] },
      ['tokens[0].name: expected string, got number', 'tokens[0].token: required'],
    ],
    [
      'an unknown role',
      { tokens: [{ name: 'a', role: 'root', token: 't' }] },
      ['tokens[0].role: expected one of: ingest, read, admin'],
    ],
    [
      'repeated token names and values, the value not shown',
      {
        tokens: [
          { name: 'a', role: 'read', token: 'same-secret' },
          { name: 'a', role: 'ingest', token: 'same-secret' },
        ],
      },
      ['tokens[1].name: "a" repeats [0].name', 'tokens[1].token: repeats [0].token'],
    ],
    [
      'an unknown status page kind',
      { status_pages: [{ provider: 'p', kind: 'atom', url: 'https://s.example' }] },
      ['status_pages[0].kind: expected one of: statuspage, incidentio, google-cloud, rss'],
    ],
    [
      'a component with no models',
      {
        status_pages: [
          {
            provider: 'p',
            kind: 'rss',
            url: 'https://s.example',
            components: { 'Claude API': [] },
          },
        ],
      },
      ['status_pages[0].components["Claude API"]: list at least one model, or "*"'],
    ],
    [
      'a non-http URL',
      { status_pages: [{ provider: 'p', kind: 'rss', url: 'ftp://s.example' }] },
      ['status_pages[0].url: not an http(s) URL'],
    ],
    [
      'a probe of an unknown provider without base_url',
      { probes: [{ provider: 'acme', model: 'm' }] },
      ['probes[0].base_url: required: no known API for provider "acme"'],
    ],
    [
      'a golden check with two expectations and a bad regex',
      {
        probes: [
          {
            provider: 'openai',
            model: 'm',
            golden: [{ prompt: 'p', expect: { contains: 'a', regex: '(' } }],
          },
        ],
      },
      [
        'probes[0].golden[0].expect: give exactly one of contains, equals, regex, json_schema (got 2)',
        'probes[0].golden[0].expect.regex: not a valid regular expression (Unterminated group)',
      ],
    ],
    [
      'an unknown notify kind',
      { notify: [{ name: 'n', kind: 'email' }] },
      ['notify[0].kind: expected one of: slack, pagerduty, webhook, statuspage, teams'],
    ],
    [
      'a pagerduty channel without its routing key',
      { notify: [{ name: 'n', kind: 'pagerduty' }] },
      ['notify[0].routing_key: required'],
    ],
    [
      'a key of another kind',
      { notify: [{ name: 'n', kind: 'slack', url: 'https://h.example/x', routing_key: 'k' }] },
      ['notify[0].routing_key: unknown key'],
    ],
    [
      'a bad when filter',
      {
        notify: [
          {
            name: 'n',
            kind: 'teams',
            url: 'https://h.example/x',
            when: { owner: ['us'], layer: [], scope: 'region' },
          },
        ],
      },
      [
        'notify[0].when.layer: list at least one, or leave the key out',
        'notify[0].when.owner[0]: expected one of: ours, provider, unknown',
        'notify[0].when.scope: expected one of: model, provider, global',
      ],
    ],
    [
      'repeated channel names',
      {
        notify: [
          { name: 'n', kind: 'teams', url: 'https://h.example/x' },
          { name: 'n', kind: 'webhook', url: 'https://h.example/y' },
        ],
      },
      ['notify[1].name: "n" repeats [0].name'],
    ],
    [
      'a route naming a missing target, twice the same, and a rename for a target it lacks',
      gateway({ routes: [{ path: '/a', targets: ['a', 'b', 'a'], models: { c: { x: 'y' } } }] }),
      [
        'gateway.routes[0].targets[1]: no target named "b"',
        'gateway.routes[0].targets[2]: "a" is listed twice',
        'gateway.routes[0].models.c: not a target of this route',
      ],
    ],
    [
      'repeated target names and route paths',
      gateway({
        targets: [TARGET, TARGET],
        routes: [
          { path: '/a', targets: ['a'] },
          { path: '/a', targets: ['a'] },
        ],
      }),
      [
        'gateway.targets[1].name: "a" repeats [0].name',
        'gateway.routes[1].path: "/a" repeats [0].path',
      ],
    ],
    [
      'a bad route path',
      gateway({ routes: [{ path: 'a/', targets: ['a'] }] }),
      [
        'gateway.routes[0].path: a path such as /anthropic: a leading "/", no trailing "/", no query',
      ],
    ],
    [
      'a gateway on the API address',
      { listen: '127.0.0.1:7600', ...gateway({ listen: '127.0.0.1:7600' }) },
      ['gateway.listen: same address as listen (127.0.0.1:7600)'],
    ],
    [
      'a status page component not as provider/model',
      { status_page: { components: [{ name: 'c', uses: ['claude'] }] } },
      [
        'status_page.components[0].uses[0]: expected "provider/model", e.g. "anthropic/claude-opus-4-7"',
      ],
    ],
    [
      'a breaker layer that is not a failure layer',
      { breaker: { open_on: ['none'], recovery: 'timer' } },
      [
        'breaker.open_on[0]: expected one of: integration, network, provider, model',
        'breaker.recovery: expected one of: evidence',
      ],
    ],
    ['a top level that is not a mapping', ['listen'], ['(top level): expected object, got array']],
  ])('refuses %s, naming every problem', (_name, document, problems) => {
    expect(problemsOf(document)).toEqual(problems);
  });

  it('throws one ConfigError whose message lists every path: problem under the source', () => {
    const e = (() => {
      try {
        return validateConfig({ listen: 1, store: '' }, { env: {}, source: 'faultline.yaml' });
      } catch (err: unknown) {
        return err;
      }
    })();
    expect(isConfigError(e)).toBe(true);
    expect((e as Error).message).toBe(
      'invalid configuration in faultline.yaml:\n  listen: expected string, got number\n  store: must not be empty',
    );
  });
});
