// A secret written in the file rather than read through ${NAME} loads, with a warning naming its
// path and never its value: from checkConfig, `faultline config check` (exit 0) and `faultline serve`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runConfigCheck } from '../../src/cli/config/run-config-check.js';
import { checkConfig } from '../../src/config/index.js';
import { serviceDir, startServe, TOKENS } from '../serve/service-process.js';
import { SPEC_ENV, specExample } from './spec-example.js';

const WARNING = 'a literal secret; write ${ENV_NAME} so it never sits in the file';
const LITERALS = {
  token: 'tok-literal-0123456789abcdef',
  metrics: 'metrics-literal-0123456789',
  probeKey: 'sk-ant-literal-0123456789',
  slack: 'https://hooks.slack.com/services/T/B/literal0123',
  routing: 'routing-literal-0123456789',
  whsec: 'whsec_bGl0ZXJhbC1zZWNyZXQ=',
  spKey: 'statuspage-literal-0123456789',
  teams: 'https://example.webhook.office.com/literal0123',
  target: 'sk-openai-literal-0123456789',
  records: 'ingest-literal-0123456789',
};
const L = LITERALS;

/** Every kind of secret field, each written literally. */
const everySecret = {
  tokens: [{ name: 'a', role: 'admin', token: L.token }],
  metrics: { token: L.metrics },
  probes: [{ provider: 'anthropic', model: 'm', api_key: L.probeKey }],
  notify: [
    { name: 's', kind: 'slack', url: L.slack },
    { name: 'p', kind: 'pagerduty', routing_key: L.routing },
    { name: 'w', kind: 'webhook', url: 'https://hooks.example.com/x', secret: L.whsec },
    {
      name: 'sp',
      kind: 'statuspage',
      url: 'https://api.statuspage.io/v1/pages/x',
      api_key: L.spKey,
    },
    { name: 't', kind: 'teams', url: L.teams },
  ],
  gateway: {
    targets: [
      {
        name: 'o',
        api: 'openai',
        provider: 'openai',
        base_url: 'https://api.openai.com/v1',
        api_key: L.target,
      },
    ],
    routes: [{ path: '/o', targets: ['o'] }],
    records: { url: 'http://127.0.0.1:7600/v1/records', token: L.records },
  },
};

describe('literal secrets in the configuration', () => {
  it('load, with one warning per secret field naming its path, never its value', () => {
    const { config, warnings } = checkConfig(everySecret, { env: {} });
    expect(config.probes[0]?.api_key).toBe(L.probeKey);
    expect(warnings).toEqual(
      [
        'tokens[0].token',
        'metrics.token',
        'probes[0].api_key',
        'notify[0].url',
        'notify[1].routing_key',
        'notify[2].secret',
        'notify[3].api_key',
        'notify[4].url',
        'gateway.records.token',
        'gateway.targets[0].api_key',
      ].map((path) => `${path}: ${WARNING}`),
    );
    for (const value of Object.values(LITERALS)) expect(warnings.join('\n')).not.toContain(value);
  });

  it('are not warned about when read through ${NAME}, whole or in part; $${ is literal', () => {
    const env = { KEY: 'sk-from-env', HOOK_PATH: 'T/B/x' };
    const document = {
      probes: [{ provider: 'anthropic', model: 'm', api_key: '${KEY}' }],
      notify: [{ name: 's', kind: 'slack', url: 'https://hooks.slack.com/services/${HOOK_PATH}' }],
      tokens: [{ name: 'a', role: 'admin', token: 'literal-$${NOT_A_VAR}' }],
    };
    expect(checkConfig(document, { env }).warnings).toEqual([`tokens[0].token: ${WARNING}`]);
    expect(checkConfig(parse(specExample()), { env: SPEC_ENV }).warnings).toEqual([]);
  });

  it('warn about a password written into a PostgreSQL store URL, not one read through ${NAME}', () => {
    const password = 'pg-literal-password-0123';
    const stores = [
      `postgres://faultline:${password}@127.0.0.1:5432/faultline`,
      `postgresql://127.0.0.1/faultline?user=faultline&password=${password}`,
    ];
    for (const store of stores) {
      const { warnings } = checkConfig({ store }, { env: {} });
      expect(warnings).toEqual([
        'store: a literal PostgreSQL password; write ${ENV_NAME} for it (or the URL)',
      ]);
      expect(warnings.join('\n')).not.toContain(password);
    }
    const fromEnv = { store: 'postgres://faultline:${PGPASSWORD}@127.0.0.1:5432/faultline' };
    expect(checkConfig(fromEnv, { env: { PGPASSWORD: password } }).warnings).toEqual([]);
    const none = { store: 'postgres://faultline@127.0.0.1:5432/faultline' };
    expect(checkConfig(none, { env: {} }).warnings).toEqual([]);
  });
});

describe('the CLI says so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-literal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('faultline config check prints the warnings on stderr and exits 0', async () => {
    writeFileSync(
      join(dir, 'lit.yaml'),
      `probes:\n  - { provider: anthropic, model: m, api_key: ${L.probeKey} }\n`,
    );
    let out = '';
    let err = '';
    const sink = (add: (s: string) => void) =>
      new Writable({
        write(chunk: Buffer | string, _e, done) {
          add(String(chunk));
          done();
        },
      }) as unknown as NodeJS.WriteStream;
    const io = {
      stdin: Readable.from([]),
      stdout: sink((s) => (out += s)),
      stderr: sink((s) => (err += s)),
    };
    const code = await runConfigCheck({ file: 'lit.yaml', json: false, env: {}, cwd: dir }, io);
    expect(code).toBe(0);
    expect(out).toMatch(/^ok: lit\.yaml\n/);
    expect(err).toBe(`faultline config check: warning: probes[0].api_key: ${WARNING}\n`);
  });

  it('faultline serve logs them at start, without the values', async () => {
    const d = serviceDir();
    try {
      const server = await startServe(d.configPath, d.dir);
      server.child.kill('SIGTERM');
      await server.exited;
      for (const i of [0, 1, 2])
        expect(server.stderr()).toContain(
          `faultline serve: configuration warning: tokens[${i}].token: ${WARNING}\n`,
        );
      for (const token of Object.values(TOKENS)) expect(server.stderr()).not.toContain(token);
    } finally {
      d.cleanup();
    }
  });
});
